"""The component: which finder it uses, clean errors, and what it never makes a statement."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import resources
from pipeline.components import quotes as quoting
from pipeline.components.attribution.component import (
    DEFAULT_MODEL,
    _ends_at_its_tag,
    _interrupts,
    _past_its_tag,
    model_folder,
)
from pipeline.components.attribution.found import Found
from pipeline.components.attribution.sources import past_the_headline
from pipeline.errors import ModelNotFound
from pipeline.nlp import build_nlp


def test_the_default_is_the_shipped_model_when_it_is_there(nlp) -> None:
    component = nlp.get_pipe("newsclaims_attribution")
    assert nlp.config["components"]["newsclaims_attribution"]["model"] == DEFAULT_MODEL
    shipped = resources.models_dir() / DEFAULT_MODEL
    assert component.folder == (shipped if shipped.is_dir() else None)
    assert (component.artifact_fingerprint is not None) == shipped.is_dir()


def test_without_the_model_folder_the_rules_are_the_fallback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCLAIMS_MODELS", str(tmp_path))
    for name in ("cues", "entities", "stance"):  # the rules' vocabularies, but no model
        (tmp_path / f"{name}.json").write_bytes(
            (resources._REPO_MODELS / f"{name}.json").read_bytes())
    assert model_folder(DEFAULT_MODEL) is None
    assert model_folder("") is None


def test_a_model_folder_named_on_purpose_must_be_there(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound, match="no attribution model at"):
        build_nlp("blank:en", {"newsclaims_attribution": {"model": str(tmp_path / "none")}})
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "cue.crfsuite").write_bytes(b"")
    with pytest.raises(ModelNotFound, match=r"source\.crfsuite"):
        model_folder(str(tmp_path / "half"))


def test_a_headline_run_into_the_first_sentence_is_no_part_of_the_source(nlp) -> None:
    text = ("Milburn defends poster campaign Labour's election chief Alan Milburn has defended "
            "his party's campaign posters.")
    doc = nlp(text)
    start = text.index("Milburn defends")
    end = text.index(" has defended")
    cut = past_the_headline(doc, (start, end))
    assert "defends" not in text[slice(*cut)]
    assert text[slice(*cut)].endswith("Alan Milburn")
    later = nlp("Nothing happened. " + text[start:])  # not the first sentence: left alone
    shift = len("Nothing happened. ")
    assert past_the_headline(later, (start + shift, end + shift)) == (start + shift, end + shift)


@pytest.mark.parametrize("text", [
    "Further muddying the waters is a merger between Rosneft and Gazprom which authorities "
    "have said will go ahead as planned.",  # content 'which': no statement
])
def test_no_statement_with_a_lone_pronoun_for_content(nlp, text) -> None:
    doc = nlp(text)
    assert all(text[slice(*s.content_span)].lower() != "which" for s in doc._.nc_statements)


@pytest.mark.parametrize(("text", "cue"), [
    ('Delta Airlines declined to comment. "I was really shocked," said one passenger.',
     "declined"),  # the quotation is the passenger's
    ("Nike posted a profit of $261.9m in the quarter.", "posted"),
    ("Boeing plans to offer planes that are able to fly direct to many airports.", "plans"),
    ("In Tokyo, Daiwa added 5.3% to 740 yen, while Nomura gained 2%.", "added"),  # a price
    ("The ministry is still to announce whether it will hold an inquiry.", "announce"),
    ("The firm failed to explain why the payments were late.", "explain"),
    ("Intel and AMD plan to release new chips next year.", "plan"),  # the rules' two sources
])
def test_no_statement_of_a_refusal_to_speak_an_act_or_a_plan(nlp, text, cue) -> None:
    doc = nlp(text)
    assert not [s for s in doc._.nc_statements if cue in text[slice(*s.cue_span)]]


def test_quotation_marks_paired_wrongly_give_no_empty_content_and_no_error(nlp) -> None:
    """Scraped text with an odd quotation mark pairs '". "' as a quotation: a content that
    holds no character is no statement, and the document keeps its other statements (it
    used to lose them all behind an errors row)."""
    text = ('The jury said "it was a bold year. The films of the year were daring, and the '
            'panel hailed them, saying they "had a profound effect on television". "Unsure of '
            'how the FCC will rule on an issue, writers censor their shows," the jury declared.')
    doc = nlp(text)
    assert doc._.nc_errors is None
    assert doc._.nc_statements
    assert all(s.content_span[0] < s.content_span[1] for s in doc._.nc_statements)


def test_a_quote_left_open_does_not_turn_later_quotations_inside_out(nlp) -> None:
    # the first quotation runs on with its closing mark lost, as scraped news often has
    text = ('Maria Lopez told reporters: "The plan works. "It will last." Her rival said '
            'nothing. "The vote was rigged," Tom Hardy said on Friday.')
    contents = {text[slice(*s.content_span)] for s in nlp(text)._.nc_statements}
    assert "The vote was rigged" in contents


def _tag_of(text: str, words: str) -> tuple[int, int]:
    return text.index(words), text.index(words) + len(words)


@pytest.mark.parametrize(("text", "tag", "ends"), [
    ('"We will win," adds Conti.', "adds Conti", True),  # the tag closes the quotation
    ('"We will win," he told the BBC News website.', "he told", True),
    ('"There was carnage," Bouhlel said. "Bodies everywhere."', "Bouhlel said", False),
    ('Riding alone, they said, can be hazardous for women at night.', "they said", False),
    # a clause the tag sits in: PolNeAR's content holds it all
    ("which the OECD says had the highest wage floors", "the OECD says", False),
])
def test_content_ends_at_its_own_speech_tag_only_where_the_tag_closes_it(text, tag, ends):
    content = (1 if text.startswith('"') else 0, len(text.rstrip('."')))
    quotes = quoting.spoken(text)
    assert _ends_at_its_tag(text, content, _tag_of(text, tag), quotes) is ends


@pytest.mark.parametrize(("text", "tag", "interrupts"), [
    # the verb of saying hangs on the clause it interrupts, or one coordinated after it
    ("The average weekly benefit, it says, would be $300.", "it says", True),
    ("The truth, the senator said then, was that the plan had failed.", "the senator said",
     True),
    # the tag closes its quotation and governs what follows it
    ('"We will win," he said, adding that the party was ready.', "he said", False),
    ('"We will win," adds Conti, who leads the party.', "adds Conti", False),
    # a relative clause the tag sits in: no content of its own to keep whole
    ("which, he claimed, would be thrown away by anyone else.", "he claimed", False),
])
def test_a_tag_inside_the_clause_it_reports_keeps_the_content_whole(
        nlp, text: str, tag: str, interrupts: bool) -> None:
    with nlp.select_pipes(disable=["newsclaims_attribution", "newsclaims_stance"]):
        doc = nlp(text)
    chars = _tag_of(text, tag)
    verb = next(t.i for t in doc if t.idx >= chars[0] and t.pos_ == "VERB")
    content = (1 if text.startswith('"') else 0, len(text.rstrip('."')))
    assert _interrupts(doc, (verb, verb + 1), chars, content) is interrupts


@pytest.mark.parametrize(("text", "content", "tag", "goes_on"), [
    # the tag splits one quoted sentence: the content goes on past it
    ('"If you look back," Scott said, "I could have written those things."',
     "If you look back", "Scott said", True),
    # a tag that ends its sentence, holds words of its own, or splits unquoted words
    ('"Bad things will happen," Trump warned. "This could be a Trojan horse."',
     "Bad things will happen", "Trump warned", False),
    ('"We need change," the businessman said, adding that he will bring "common sense."',
     "We need change", "the businessman said", False),
    ('"We like it," says King, who calls him "a professional."', "We like it",
     "says King, who calls him", False),
    ("Though the switch was seamless, he said, replacing her would be much harder.",
     "Though the switch was seamless", "he said", False),
])
def test_a_quotation_goes_on_past_a_tag_that_splits_its_sentence(
        nlp, text: str, content: str, tag: str, goes_on: bool) -> None:
    with nlp.select_pipes(disable=["newsclaims_attribution", "newsclaims_stance"]):
        doc = nlp(text)
    chars = _tag_of(text, tag)
    verb = next(t.i for t in doc if t.lemma_ in ("say", "warn"))
    span = _tag_of(text, content)
    found = _past_its_tag(doc, (verb, verb + 1), span, chars, quoting.spoken(text))
    assert (found[1] > chars[1]) is goes_on
    assert found[0] == span[0]


def test_a_verb_that_shares_a_cue_nouns_lemma_is_no_nominal_cue(nlp) -> None:
    """'called on X to resign': the verb 'call' is the model's to read; the rules' nominal
    cue 'call' ('his call for calm') wins over the model only as a noun."""
    ext = nlp.get_pipe("newsclaims_attribution")
    text = "Activists called on the governor to resign. His call for calm was ignored."
    doc = nlp(text)
    verb = _tag_of(text, "called")
    noun = _tag_of(text, "call for")
    found = [Found((0, 9), "call", verb, (text.index("the governor"), text.index("."))),
             Found((44, 47), "call", (noun[0], noun[0] + 4), _tag_of(text, "calm"))]
    assert ext._special(doc, text, found) == found[1:]
