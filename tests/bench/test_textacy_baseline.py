"""The textacy baseline's mapping, DQTriple-like objects -> claims rows, without textacy."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline.evaluate.attribution import Attribution, score_attribution
from pipeline.evaluate.runner import EvalDoc
from pipeline.evaluate.spans import Span
from pipeline.schema import TABLES

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "textacy_baseline.py"


@pytest.fixture(scope="module")
def baseline():
    """The script as a module; importing it must not need textacy or a spaCy model."""
    spec = importlib.util.spec_from_file_location("textacy_baseline", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT = (
    "Prices rose.\n"
    "“The plan is premature,” Finance Minister Taro Aso said.\n"
    "John Smith and Mary Jones did not say: “We agree with it.”"
)
SENTENCES = [(0, 12), (13, 69), (70, 128)]


def tok(text: str, word: str) -> SimpleNamespace:
    start = text.index(word)
    return SimpleNamespace(idx=start, text=word)


def span(text: str, piece: str) -> SimpleNamespace:
    start = text.index(piece)
    return SimpleNamespace(start_char=start, end_char=start + len(piece))


def aso(text: str) -> SimpleNamespace:
    return SimpleNamespace(  # tokens sorted as textacy sorts them, by position
        speaker=[tok(text, w) for w in ("Minister", "Taro", "Aso")],
        cue=[tok(text, "said")],
        content=span(text, "“The plan is premature,”"),
    )


def smith_and_jones(text: str) -> SimpleNamespace:
    return SimpleNamespace(  # conjoined speakers: "and" is not a speaker token
        speaker=[tok(text, w) for w in ("John", "Smith", "Mary", "Jones")],
        cue=[tok(text, w) for w in ("did", "not", "say")],
        content=span(text, "“We agree with it.”"),
    )


def triples(text: str) -> list[SimpleNamespace]:
    return [aso(text), smith_and_jones(text)]


def at(piece: str) -> Span:
    start = TEXT.index(piece)
    return Span(start, start + len(piece))


def test_rows_carry_the_three_spans_and_their_texts(baseline):
    rows = baseline.triple_rows(triples(TEXT), TEXT, SENTENCES, "d1", "textacy-x")
    assert [r["claim_id"] for r in rows] == ["d1:dq0", "d1:dq1"]
    first, second = rows
    assert TEXT[first["subject_start"] : first["subject_end"]] == "Minister Taro Aso"
    assert first["subject"] == "Minister Taro Aso"
    assert first["predicate"] == "said"
    assert first["content"] == first["quote"] == "“The plan is premature,”"
    assert (first["char_start"], first["char_end"]) == (13, 68)
    assert first["sent_idx"] == 1
    assert first["sentence"] == "“The plan is premature,” Finance Minister Taro Aso said."
    assert second["subject"] == "John Smith and Mary Jones"  # first to last speaker token
    assert second["predicate"] == "did not say"
    assert second["sent_idx"] == 2
    for row in rows:
        assert row["claim_type"] == "stance"
        assert row["stance"] == "neutral"
        assert row["target"] is None
        assert set(row) <= {c.name for c in TABLES["claims"]}


def test_offset_shifts_spans_found_in_a_paragraph(baseline):
    paragraph = TEXT[13:69]
    rows = baseline.triple_rows([aso(paragraph)], TEXT, SENTENCES, "d1", "t",
                                offset=13, first=4)
    assert rows[0]["claim_id"] == "d1:dq4"
    assert rows[0]["subject"] == "Minister Taro Aso"
    assert TEXT[rows[0]["content_start"] : rows[0]["content_end"]] == "“The plan is premature,”"


def test_rows_score_as_exact_matches_with_the_attribution_scorer(baseline):
    rows = baseline.triple_rows(triples(TEXT), TEXT, SENTENCES, "d1", "t")
    claims = pd.DataFrame(rows, columns=[c.name for c in TABLES["claims"]])
    gold = [  # the gold source takes in "Finance", which textacy's speaker leaves out
        Attribution(at("Finance Minister Taro Aso"), at("said"), at("“The plan is premature,”")),
        Attribution(at("John Smith and Mary Jones"), at("did not say"), at("“We agree with it.”")),
    ]
    scores = score_attribution(EvalDoc("d1", TEXT, gold), {"claims": claims}).scores()
    assert {s.metric: s.f1 for s in scores} == {
        "source exact": 0.5, "source overlap": 1.0, "cue exact": 1.0, "cue overlap": 1.0,
        "content exact": 1.0, "content overlap": 1.0,
    }


def test_paragraphs_are_the_non_blank_lines(baseline):
    assert baseline._paragraphs("a b\n\n  \ncd\n") == [(0, 3), (8, 10)]
