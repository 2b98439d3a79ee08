import pytest

from pipeline import resources
from pipeline.errors import ModelNotFound, UserError
from pipeline.nlp import COMPONENTS, build_nlp, fingerprint, preset_components


def test_default_pipeline_has_our_components_after_the_base_model(nlp):
    names = nlp.pipe_names
    assert names[-len(COMPONENTS) :] == list(COMPONENTS)
    assert names.index("newsclaims_paragraphs") < names.index("parser")


def test_pipeline_without_parser_keeps_paragraph_breaks():
    nlp = build_nlp("blank:en")
    names = nlp.pipe_names
    assert names.index("sentencizer") < names.index("newsclaims_paragraphs")
    doc = nlp("Markets Rally\nStocks rose 3% on Monday and bonds fell")
    assert [s.text.strip() for s in doc.sents] == [
        "Markets Rally", "Stocks rose 3% on Monday and bonds fell"
    ]


def test_unknown_model_is_a_user_error():
    with pytest.raises(ModelNotFound, match="no_such_model"):
        build_nlp("no_such_model")


def test_fingerprint_depends_on_the_rule_files(nlp, tmp_path, monkeypatch):

    before = fingerprint(nlp)
    assert fingerprint(nlp) == before
    for path in resources.models_dir().glob("*.json"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "stance.json").write_text('{"changed": true}', encoding="utf-8")
    monkeypatch.setenv("NEWSCLAIMS_MODELS", str(tmp_path))
    assert fingerprint(nlp) != before


def test_component_config_reaches_the_component_and_the_fingerprint(nlp):
    narrow = build_nlp(components={"newsclaims_entities": {"labels": ["PERSON"]}})
    assert narrow.config["components"]["newsclaims_entities"]["labels"] == ["PERSON"]
    doc = narrow("Angela Merkel visited France and met officials from the IMF.")
    assert {m.label for m in doc._.nc_entities} == {"PERSON"}
    assert fingerprint(narrow) != fingerprint(nlp)


def test_unknown_component_config_is_a_user_error():
    from pipeline.errors import UserError

    with pytest.raises(UserError, match="newsclaims_nope"):
        build_nlp(components={"newsclaims_nope": {}})


def test_presets_are_component_settings() -> None:
    assert preset_components("default") == {}
    assert preset_components("accurate") == {"newsclaims_stance": {"pairs": True}}
    with pytest.raises(UserError, match="unknown preset"):
        preset_components("fastest")


@pytest.mark.parametrize(("text", "tokens"), [
    ("It cost Â£130m in 2004.", ["It", "cost", "Â£", "130", "m", "in", "2004", "."]),
    ("It cost â‚¬5bn.", ["It", "cost", "â‚¬", "5bn", "."]),
    ("It cost £130m in 2004.", ["It", "cost", "£", "130", "m", "in", "2004", "."]),
])
def test_a_scraped_currency_sign_is_split_off_like_the_sign(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens
