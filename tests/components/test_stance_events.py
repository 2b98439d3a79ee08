"""Stance events and per-target rows (``newsclaims_stance`` on the default pipeline)."""

import pytest

from pipeline.annotations import Statement


def _rows(parse, text: str) -> list[Statement]:
    return parse(text)._.nc_statements


@pytest.mark.parametrize(("text", "source", "target", "stance"), [
    ("Microsoft sued Google over the patent.", "Microsoft", "Google", "oppose"),
    # a lawsuit filed against them is suing them
    ("Microsoft filed a lawsuit against Google over the patent.", "Microsoft", "Google",
     "oppose"),
    ("Governor Ana Ruiz was praised by Senator Tom Hale.", "Tom Hale", "Ana Ruiz", "support"),
    # what the verb acts on is its object's head, not a name inside it
    ("The case was heard on Monday. Microsoft sued the former MTV VJ over the patent.",
     "Microsoft", "former MTV VJ", "oppose"),
])
def test_stance_event_is_a_statement(parse, text, source, target, stance):
    rows = [r for r in _rows(parse, text) if r.kind == "event"]
    assert [(r.source, r.target, r.stance) for r in rows] == [(source, target, stance)]
    [row] = rows
    assert parse(text).text[row.target_span[0]:row.target_span[1]].endswith(target.split()[-1])


@pytest.mark.parametrize(("text", "pairs"), [
    # each of conjoined subjects holds the stance, toward each of conjoined objects
    ("Microsoft and Apple sued Google over the patent.",
     {("Microsoft", "Google"), ("Apple", "Google")}),
    ("Senator Ana Ruiz and Senator Lee Park thanked Tom Hale and Jo Bell for the deal.",
     {(s, t) for s in ("Ana Ruiz", "Lee Park") for t in ("Tom Hale", "Jo Bell")}),
])
def test_one_event_row_per_joined_holder_and_target(parse, text, pairs):
    rows = [r for r in _rows(parse, text) if r.kind == "event"]
    assert {(r.source, r.target) for r in rows} == pairs
    assert len({r.stance for r in rows}) == 1


@pytest.mark.parametrize(("text", "owner", "stance"), [
    ("Senator Tom Hale said Labour's plans were a disaster.", "Labour Party", "oppose"),
    ("Senator Tom Hale said Microsoft's offer was excellent.", "Microsoft", "support"),
    ("Senator Tom Hale said Microsoft's offer arrived on Monday.", None, None),  # no verdict
])
def test_a_verdict_on_what_someone_owns_is_one_on_them(parse, text, owner, stance):
    rows = [r for r in _rows(parse, text) if r.kind == "statement"]
    owned = [(r.target, r.stance) for r in rows if r.target and "'s" not in r.target
             and r.target not in ("Tom Hale",)]
    assert owned == ([(owner, stance)] if owner else [])


def test_no_event_where_attribution_has_the_cue(parse):
    """'criticised' is an attribution cue too: one statement, not a second event."""
    rows = _rows(parse, "Senator Tom Hale criticised the budget plan on Monday.")
    assert [r.kind for r in rows] == ["statement"]
    assert rows[0].stance == "oppose"


def test_rows_of_one_statement_differ_in_target(parse):
    rows = _rows(parse, "Barack Obama said Republicans were holding Loretta Lynch hostage, "
                        "and he praised Lynch.")
    keys = [(r.cue_span, r.target_span) for r in rows]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(("text", "verb", "turned"), [
    ("Ashley Cole has refused to blame Robin van Persie.", "blame", True),
    ("Michael Howard would not back the plans.", "back", True),
    ("They stopped short of endorsing Ana Ruiz.", "endorsing", True),
    ("Microsoft sued Google over the patent.", "sued", False),
])
def test_a_negated_or_shifted_cue_is_turned(parse, text, verb, turned):
    from pipeline.components.stance.lexicon import cue_turned

    doc = parse(text)
    [token] = [t for t in doc if t.text == verb]
    assert cue_turned(doc[token.i : token.i + 1]) is turned



def test_a_headline_run_into_the_body_gives_no_stance_event(parse):
    """BBC texts come as one line: 'Hale sues Ruiz over land' is the headline here, and the
    same kind of event in the body is a row."""
    headline = "Hale sues Ruiz over land The senator Tom Hale has filed papers in court."
    assert [r for r in _rows(parse, headline) if r.kind == "event"] == []
    body = "Senator Tom Hale attacked Governor Ana Ruiz over the plan."
    assert [(r.source, r.target) for r in _rows(parse, body) if r.kind == "event"] == [
        ("Tom Hale", "Ana Ruiz")]


@pytest.mark.parametrize(("verb", "not_stance"), [
    ("would not back", "support"),
    ("did not support", "support"),
    ("refused to endorse", "support"),
    ("won't oppose", "oppose"),
    ("never criticised", "oppose"),
])
def test_a_negated_stance_verb_is_no_stance_its_way(parse, verb, not_stance):
    """Cues and events alike: a negated support or oppose verb never keeps its side."""
    rows = [r for r in _rows(parse, f"Senator Tom Hale {verb} Governor Ana Ruiz.")
            if r.target == "Ana Ruiz"]
    assert rows
    assert all(r.stance != not_stance for r in rows)
