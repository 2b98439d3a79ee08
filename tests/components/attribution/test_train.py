"""Train the attribution model on a tiny PolNeAR-shaped split (seconds), then use it."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.components.attribution import card, features, model
from pipeline.components.attribution.features import TokenStatement
from pipeline.components.attribution.train import TrainConfig, train
from pipeline.nlp import build_nlp
from tests.components.attribution.tiny import article


@pytest.fixture(scope="module")
def tiny_trained(polnear_tiny: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("attribution-model")
    nlp = build_nlp(None, {"newsclaims_attribution": {"model": ""}})
    config = TrainConfig(data=str(polnear_tiny / "train"), out=str(out), min_density=0,
                         iterations=30, epochs=3)
    saved = train(config, nlp, log=lambda _: None)
    card.write(saved)
    return saved


def test_the_folder_holds_the_three_parts_a_record_and_a_card(tiny_trained: Path) -> None:
    names = {p.name for p in tiny_trained.iterdir()}
    assert {"cue.crfsuite", "source.crfsuite", "content.json", "newsclaims.json",
            "README.md", "cue_lexicon.json"} <= names
    meta = json.loads((tiny_trained / "newsclaims.json").read_text())
    assert meta["run"]["articles"] == 8
    assert meta["run"]["sequences"]["source"] == 32  # 4 statements in each of 8 articles
    assert "--iterations 30" in meta["run"]["command"]
    assert "--lexicon-folds 5" in meta["run"]["command"]
    card_text = (tiny_trained / "README.md").read_text()
    assert "## Rebuild" in card_text and "PolNeAR" in card_text


def test_the_trained_model_finds_unseen_statements(tiny_trained: Path) -> None:
    nlp = build_nlp(None, {"newsclaims_attribution": {"model": str(tiny_trained)}})
    text, gold = article(9)  # not among the 8 training articles
    doc = nlp(text)
    found = [(text[slice(*s.source_span)], text[slice(*s.cue_span)],
              text[slice(*s.content_span)]) for s in doc._.nc_statements]
    assert found == gold


def test_the_model_reads_the_cue_lexicon_it_learned(tiny_trained: Path) -> None:
    nlp = build_nlp(None, {"newsclaims_attribution": {"model": str(tiny_trained)}})
    lexicon = nlp.get_pipe("newsclaims_attribution").trained.lexicon
    assert lexicon is not None and lexicon.lemmas["warn"] == 1.0  # every "warned" is a cue
    assert "cue_lexicon.json" in (tiny_trained / "README.md").read_text()


def test_a_statement_found_by_the_model_gets_a_cue_lemma(tiny_trained: Path) -> None:
    nlp = build_nlp(None, {"newsclaims_attribution": {"model": str(tiny_trained)}})
    doc = nlp(article(8)[0])
    assert {s.cue for s in doc._.nc_statements} <= {"say", "argue", "warn", "claim"}


def test_pickles_without_the_loaded_model(tiny_trained: Path) -> None:
    nlp = build_nlp(None, {"newsclaims_attribution": {"model": str(tiny_trained)}})
    component = nlp.get_pipe("newsclaims_attribution")
    nlp("Smith said that taxes will rise.")
    assert component.trained is not None
    copy = pickle.loads(pickle.dumps(component))
    assert copy._model is None and copy.folder == component.folder
    assert copy.trained is not None  # and loads it again where it runs


def test_retraining_changes_the_fingerprint(tiny_trained: Path, tmp_path: Path) -> None:
    before = model.fingerprint(tiny_trained)
    copy = tmp_path / "copy"
    copy.mkdir()
    for part in tiny_trained.iterdir():
        (copy / part.name).write_bytes(part.read_bytes())
    (copy / "README.md").write_text("another card")
    assert model.fingerprint(copy) == before  # the card is not part of it
    (copy / "content.json").write_text(json.dumps({"weights": {"k=quote": 1.0}}))
    assert model.fingerprint(copy) != before


def test_posterior_decoding_tags_a_token_by_its_own_probability(tiny_trained: Path) -> None:
    nlp = build_nlp(None, {"newsclaims_attribution": {"model": str(tiny_trained)}})
    trained = nlp.get_pipe("newsclaims_attribution").trained
    doc = nlp("Jones warned that the deal is dead. Markets opened late.")
    view = trained.vocabulary.view(doc, [], [])
    xseq = features.cue_features(view, view.sents[0])
    assert model.decode(trained.cues, xseq, None) == trained.cues.tag(xseq)
    assert set(model.decode(trained.cues, xseq, [0.0] * len(xseq))) <= {"B", "I"}
    assert set(model.decode(trained.cues, xseq, [1.01] * len(xseq))) == {"O"}
    tags = model.decode(trained.cues, xseq, [0.5] * len(xseq))
    assert tags[1] == "B" and tags[0] == "O"  # "warned", not "Jones"
    lowered = [0.5] * len(xseq)
    lowered[0] = 0.0  # a token the rules call a cue needs less
    assert model.decode(trained.cues, xseq, lowered)[0] == "B"


def test_the_cue_thresholds_are_lower_where_the_rules_found_a_cue(tiny_trained: Path) -> None:
    nlp = build_nlp(None, {"newsclaims_attribution": {"model": str(tiny_trained)}})
    trained = nlp.get_pipe("newsclaims_attribution").trained
    assert trained.cue_threshold == 0.5 and trained.rule_cue_threshold == 0.15
    doc = nlp("Jones warned that the deal is dead.")
    ruled = TokenStatement(None, (1, 2), None)
    view = replace(trained.vocabulary.view(doc, [], []), rules=[ruled])
    assert trained._thresholds(view, view.sents[0])[:3] == [0.5, 0.15, 0.5]
