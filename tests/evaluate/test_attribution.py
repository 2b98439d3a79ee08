from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import GoldFormatError
from pipeline.evaluate import evaluate_attribution
from pipeline.evaluate.attribution import Attribution, load_polnear, parse_brat
from pipeline.evaluate.spans import Span

TEXT = "Smith said the plan failed. Critics, he added, were wrong: “No,” aides said."
ANN = """T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 26\tthe plan failed
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 28 35;47 57\tCritics were wrong
T6\tSource 37 39\the
T7\tCue 40 45\tadded
T8\tAttribution 40 45\tadded
E2\tAttribution:T8 Cue:T7 Source:T6 Content:T5
T9\tCue 71 75\tsaid
T10\tContent 59 64\t“No,”
T11\tAttribution-no-source 71 75\tsaid
E3\tAttribution-no-source:T11 Content:T10 Cue:T9
T12\tDiscard 0 3\tSmi
"""
GOLD = [
    Attribution(Span(0, 5), Span(6, 10), Span(11, 26)),
    Attribution(Span(37, 39), Span(40, 45), Span(28, 57)),
    Attribution(None, Span(71, 75), Span(59, 64)),
]


def test_parse_brat_discontinuous_and_sourceless() -> None:
    assert parse_brat(ANN) == GOLD


def test_parse_brat_skips_text_running_over_a_line_break() -> None:
    ann = "T1\tContent 0 3;4 9\t3.\n\nThe number\nT2\tCue 10 14\tsaid\nE1\tContent:T1 Cue:T2\n"
    assert parse_brat(ann) == [Attribution(None, Span(10, 14), Span(0, 9))]


@pytest.mark.parametrize(
    "bad",
    ["T1\tSource five 9\tx", "T1\tSource\tx", "E1\tAttribution:T9 Cue:T8", "E1\tCue T2"],
)
def test_parse_brat_malformed_raises(bad: str) -> None:
    with pytest.raises(GoldFormatError, match=r"x\.ann:1"):
        parse_brat(bad, "x.ann")


@pytest.fixture
def split(tmp_path: Path) -> Path:
    root = tmp_path / "dev"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "art_one.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "art_one_4e07.ann").write_text(ANN, encoding="utf-8")
    # a second annotator of the same article: must be ignored (sorted after 4e07)
    (root / "attributions" / "art_one_ef2d.ann").write_text("", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ndev\tart_one\t2016-09-12\n", encoding="utf-8"
    )
    return root


def test_load_polnear_uses_first_annotator_and_metadata(split: Path) -> None:
    gold = load_polnear(split)
    [doc] = gold.docs
    assert (doc.doc_id, doc.text, doc.gold, doc.published_at) == (
        "art_one.txt", TEXT, GOLD, "2016-09-12"
    )


def _tables(attributions: list[Attribution]) -> dict[str, pd.DataFrame]:
    rows = []
    for a in attributions:
        row: dict[str, object] = {"claim_type": "stance"}
        for prefix, span in (("subject", a.source), ("predicate", a.cue),
                             ("content", a.content)):
            row[f"{prefix}_start"] = span.start if span else None
            row[f"{prefix}_end"] = span.end if span else None
        rows.append(row)
    rows.append({"claim_type": "figure", "content_start": 0, "content_end": 5})
    return {"claims": pd.DataFrame(rows)}


def test_perfect_predictions_score_one(split: Path, extractor) -> None:
    report = evaluate_attribution(split, extractor(_tables(GOLD)))
    assert report.n_docs == 1 and report.n_errors == 0
    assert all(s.f1 == 1.0 for s in report.scores), report.scores


def test_one_wrong_content_and_quote_trimming(split: Path, extractor) -> None:
    pred = [
        GOLD[0],
        # content trimmed of "," only partly overlapping: not exact, IoU 7/29 < 0.5
        Attribution(Span(37, 39), Span(40, 45), Span(28, 35)),
        # quote marks and the comma of the content are trimmed away: exact
        Attribution(None, Span(71, 75), Span(60, 62)),
    ]
    report = evaluate_attribution(split, extractor(_tables(pred)))
    got = {s.metric: (s.tp, s.fp, s.fn) for s in report.scores}
    assert got["content exact"] == (2, 1, 1)
    assert got["content overlap"] == (2, 1, 1)
    assert got["source exact"] == (2, 0, 0)
    assert got["cue exact"] == (3, 0, 0)
    assert report.score("content exact").precision == pytest.approx(2 / 3)


def test_rows_sharing_cue_and_content_are_one_statement(split: Path, extractor) -> None:
    """"Critics, he added" split into two source rows ("Critics" and "he") with the same cue
    and content: scored as one statement whose source runs from the first to the last."""
    pred = [GOLD[0], Attribution(Span(28, 35), GOLD[1].cue, GOLD[1].content),
            Attribution(Span(37, 39), GOLD[1].cue, GOLD[1].content), GOLD[2]]
    report = evaluate_attribution(split, extractor(_tables(pred)))
    got = {s.metric: (s.tp, s.fp, s.fn) for s in report.scores}
    assert got["cue exact"] == (3, 0, 0)
    assert got["content exact"] == (3, 0, 0)
    assert got["source exact"] == (1, 1, 1)  # "Critics, he" is not the gold "he"


def test_stance_events_are_no_attributions(split: Path, extractor) -> None:
    """A stance event the stance component adds ("X sued Y") is not scored as an
    attribution; the attribution component's rows are."""
    tables = _tables(GOLD)
    claims = tables["claims"]
    claims["extractor"] = "newsclaims_attribution/0.1.0"
    event = {"claim_type": "stance", "extractor": "newsclaims_stance/0.1.0",
             "subject_start": 0, "subject_end": 5, "predicate_start": 12,
             "predicate_end": 16, "content_start": 17, "content_end": 26}
    tables["claims"] = pd.concat([claims, pd.DataFrame([event])], ignore_index=True)
    report = evaluate_attribution(split, extractor(tables))
    assert all(s.f1 == 1.0 for s in report.scores), report.scores


def test_failing_extractor_counts_error_and_misses(split: Path, failing) -> None:
    report = evaluate_attribution(split, failing)
    assert report.n_errors == 1
    assert report.score("cue exact").fn == 3
    assert any("model exploded" in n for n in report.notes)


def test_missing_split_folder_is_gold_format_error(tmp_path: Path, extractor) -> None:
    with pytest.raises(GoldFormatError, match=r"NC105.*not found"):
        evaluate_attribution(tmp_path / "nope", extractor({}))


def test_real_polnear_dev_loads(shared_data: Path, extractor) -> None:
    report = evaluate_attribution(shared_data / "polnear" / "dev", extractor({}), limit=3)
    assert report.n_docs == 3
    assert report.score("source exact").fn > 0
