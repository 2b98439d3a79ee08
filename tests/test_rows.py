"""pipeline.rows: Doc annotations -> rows, with chunk offsets and stable ids."""

from __future__ import annotations

import hashlib

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.annotations import EntityMention, Figure, Statement
from pipeline.rows import RowBuilder, claim_id, entity_id, sha256

for _ext in ("nc_figures", "nc_statements", "nc_entities"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

# Three sentences; the builder is told this text starts at OFFSET in its document and
# after SENT_OFFSET earlier sentences, as the second chunk of a long text would.
TEXT = (
    "Tokyo spent 8 trillion yen (US$55 billion) last year.\n"
    "Taro Aso said the plan was premature.\n"
    "Prices rose 3%.\n"
)
OFFSET = 1000
SENT_OFFSET = 7
SHA = sha256("the whole document")


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _figure(surface: str, value: float, unit: str, conversion_of: int | None = None,
            subject: tuple[int, int] | None = None) -> Figure:
    return Figure(
        span=_span(surface), value=value, unit=unit, modifier="=", time="2024",
        subject="Tokyo" if subject else None, subject_span=subject,
        predicate="spend", predicate_span=_span("spent"), target=None,
        conversion_of=conversion_of, confidence=0.9,
    )


@pytest.fixture
def builder() -> RowBuilder:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    doc._.nc_figures = [
        _figure("8 trillion yen", 8e12, "JPY", subject=_span("Tokyo")),
        _figure("US$55 billion", 5.5e10, "USD", conversion_of=0),
        _figure("3%", 3.0, "%"),
    ]
    doc._.nc_statements = [
        Statement(source="Taro Aso", source_span=_span("Taro Aso"), cue="say",
                  cue_span=_span("said"), content_span=_span("the plan was premature"),
                  target="plan", stance="oppose", quote=None, confidence=0.8),
    ]
    doc._.nc_entities = [
        EntityMention(*_span("Tokyo"), "Tokyo", "GPE", "Tokyo"),
        EntityMention(*_span("Taro Aso"), "Taro Aso", "PERSON", "Taro Aso"),
    ]
    return RowBuilder(doc, list(doc.sents), "d1", SHA, OFFSET, SENT_OFFSET)


def _shifted(needle: str) -> tuple[int, int]:
    start, end = _span(needle)
    return start + OFFSET, end + OFFSET


def test_figure_rows_are_shifted_into_document_offsets(builder: RowBuilder) -> None:
    rows = builder.figures()
    assert [r["content"] for r in rows] == ["8 trillion yen", "US$55 billion", "3%"]
    for row in rows:
        start, end = _shifted(row["content"])
        assert (row["char_start"], row["char_end"]) == (start, end)
        assert (row["content_start"], row["content_end"]) == (start, end)
        assert row["value_text"] == row["content"]
        assert row["claim_id"] == claim_id("d1", SHA, "figure", [(start, end)])
        assert row["claim_type"] == "figure"
        assert row["stance"] is None
    assert [r["sent_idx"] for r in rows] == [SENT_OFFSET, SENT_OFFSET, SENT_OFFSET + 2]
    assert rows[2]["sentence"] == "Prices rose 3%."
    assert (rows[0]["subject_start"], rows[0]["subject_end"]) == _shifted("Tokyo")
    assert (rows[0]["predicate_start"], rows[0]["predicate_end"]) == _shifted("spent")
    assert rows[1]["subject_start"] is None and rows[1]["subject_end"] is None


def test_conversion_is_linked_both_ways(builder: RowBuilder) -> None:
    yen, usd, percent = builder.figures()
    assert yen["linked_claim_id"] == usd["claim_id"]
    assert usd["linked_claim_id"] == yen["claim_id"]
    assert percent["linked_claim_id"] is None


def test_subject_entity_id_points_at_the_mention_inside_the_subject(
    builder: RowBuilder,
) -> None:
    yen = builder.figures()[0]
    assert yen["subject_entity_id"] == entity_id("Tokyo")
    [statement] = builder.statements()
    assert statement["subject_entity_id"] == entity_id("Taro Aso")


def test_subject_entity_id_follows_a_resolved_source(builder: RowBuilder) -> None:
    """A pronoun source resolved to "Taro Aso" points at Taro Aso's entity, and a source
    whose span holds another entity first ("Tokyo's Taro Aso") at the one it names."""
    for span in (_span("Prices"), (0, _span("Taro Aso")[1])):
        builder.doc._.nc_statements = [Statement(
            source="Taro Aso", source_span=span, cue="say", cue_span=_span("said"),
            content_span=_span("the plan was premature"), target=None, stance="neutral",
            quote=None, confidence=0.5)]
        [row] = builder.statements()
        assert row["subject_entity_id"] == entity_id("Taro Aso")


def test_statement_row_evidence_covers_source_cue_and_content(builder: RowBuilder) -> None:
    [row] = builder.statements()
    source, cue, content = _shifted("Taro Aso"), _shifted("said"), _shifted(
        "the plan was premature")
    assert (row["char_start"], row["char_end"]) == (source[0], content[1])
    assert (row["subject_start"], row["subject_end"]) == source
    assert (row["predicate_start"], row["predicate_end"]) == cue
    assert (row["content_start"], row["content_end"]) == content
    assert row["content"] == "the plan was premature"
    assert row["claim_id"] == claim_id("d1", SHA, "stance", [source, cue, content])
    assert row["sent_idx"] == SENT_OFFSET + 1
    assert row["value"] is None and row["unit"] is None


def test_entity_rows_are_shifted(builder: RowBuilder) -> None:
    rows = builder.entities()
    assert [(r["text"], r["char_start"], r["char_end"], r["sent_idx"]) for r in rows] == [
        ("Tokyo", *_shifted("Tokyo"), SENT_OFFSET),
        ("Taro Aso", *_shifted("Taro Aso"), SENT_OFFSET + 1),
    ]
    assert all(r["doc_id"] == "d1" for r in rows)
    assert rows[1]["entity_id"] == entity_id("Taro Aso")


@pytest.mark.parametrize(
    ("needle", "sentence"),
    [("Tokyo", 0), ("last year.", 0), ("Taro", 1), ("premature", 1), ("Prices", 2), ("3%", 2)],
)
def test_sent_index(builder: RowBuilder, needle: str, sentence: int) -> None:
    assert builder.sent_index(TEXT.index(needle)) == sentence


def test_no_annotations_give_no_rows() -> None:
    doc = spacy.blank("en")("Nothing to see here.")
    builder = RowBuilder(doc, [doc[:]], "d0", SHA, 0, 0)
    assert builder.figures() == builder.statements() == builder.entities() == []


def test_claim_id_is_deterministic_and_short() -> None:
    spans = [(1, 5), None, (7, 9)]
    assert claim_id("d", "sha", "stance", spans) == claim_id("d", "sha", "stance", list(spans))
    assert len(claim_id("d", "sha", "stance", spans)) == 24
    int(claim_id("d", "sha", "stance", spans), 16)  # hex


@pytest.mark.parametrize(
    "changed",
    [
        ("d2", "sha", "stance", [(1, 5), None, (7, 9)]),
        ("d", "sha2", "stance", [(1, 5), None, (7, 9)]),
        ("d", "sha", "figure", [(1, 5), None, (7, 9)]),
        ("d", "sha", "stance", [(1, 6), None, (7, 9)]),
        ("d", "sha", "stance", [(1, 5), (5, 6), (7, 9)]),
        ("d", "sha", "stance", [None, (1, 5), (7, 9)]),
    ],
)
def test_claim_id_changes_with_every_part(changed: tuple) -> None:
    assert claim_id(*changed) != claim_id("d", "sha", "stance", [(1, 5), None, (7, 9)])


def test_entity_id_is_one_per_canonical_name() -> None:
    assert entity_id("United States") == entity_id("UNITED STATES")
    assert entity_id("United States") != entity_id("United Kingdom")
    assert entity_id("United States").startswith("E")


def test_sha256_matches_hashlib_and_accepts_lone_surrogates() -> None:
    assert sha256("héllo") == hashlib.sha256("héllo".encode()).hexdigest()
    assert len(sha256("broken \udc80 text")) == 64


def test_target_entity_id_names_an_entity_target_and_is_null_for_a_topic(
    builder: RowBuilder,
) -> None:
    """A target the article names as an entity gets its entity id (by canonical name or by
    the mention inside its span); a topic that is no entity gets null."""
    for target, span, expected in (
        ("Tokyo", None, entity_id("Tokyo")),
        ("the city", _span("Tokyo"), entity_id("Tokyo")),
        ("the plan", _span("the plan"), None),
    ):
        builder.doc._.nc_statements = [Statement(
            source="Taro Aso", source_span=_span("Taro Aso"), cue="say", cue_span=_span("said"),
            content_span=_span("the plan was premature"), target=target, stance="oppose",
            quote=None, confidence=0.5, target_span=span)]
        [row] = builder.statements()
        assert row["target_entity_id"] == expected


def test_a_phrase_target_holding_an_entity_is_no_entity(builder: RowBuilder) -> None:
    """"Taro Aso said Tokyo's plan ...": the target "Tokyo's plan" is not Tokyo."""
    builder.doc._.nc_statements = [Statement(
        source="Taro Aso", source_span=_span("Taro Aso"), cue="say", cue_span=_span("said"),
        content_span=_span("the plan was premature"), target="Tokyo spending",
        stance="oppose", quote=None, confidence=0.5, target_span=_span("Tokyo spent"))]
    [row] = builder.statements()
    assert row["target_entity_id"] is None


def test_one_statement_toward_two_targets_gives_two_rows_and_ids(builder: RowBuilder) -> None:
    base = dict(source="Taro Aso", source_span=_span("Taro Aso"), cue="say",
                cue_span=_span("said"), content_span=_span("the plan was premature"),
                stance="oppose", quote=None, confidence=0.5)
    builder.doc._.nc_statements = [
        Statement(**base, target="plan", target_span=_span("plan")),
        Statement(**base, target="Tokyo", target_span=_span("Tokyo"), kind="event"),
    ]
    rows = builder.statements()
    assert len({r["claim_id"] for r in rows}) == 2
    assert [r["extractor"].split("/")[0] for r in rows] == ["newsclaims_attribution",
                                                            "newsclaims_stance"]
