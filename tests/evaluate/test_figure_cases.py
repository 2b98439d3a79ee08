"""The corpus figure cases (corpus/figures/cases.jsonl): loading and the corpus-cases report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.errors import GoldFormatError
from pipeline.evaluate import evaluate_figures
from pipeline.evaluate.gold import load_figure_cases

CASES = [
    {"id": "c1", "domain": "markets", "text": "Shares rose 4.2% to $38.15 on Tuesday.",
     "published_at": "2024-06-12",
     "figures": [
         {"value_text": "4.2%", "char_start": 12, "char_end": 16, "value": 4.2, "unit": "%",
          "modifier": "up", "time": "2024-06-11"},
         {"value_text": "$38.15", "char_start": 20, "char_end": 26, "value": 38.15,
          "unit": "USD", "modifier": "=", "time": "2024-06-11"},
     ], "note": "change and level"},
    {"id": "c2", "domain": "sports", "text": "Arsenal beat Chelsea 3-1 on Sunday.",
     "published_at": None, "figures": [], "note": "a score is not a figure"},
]
METRICS = ["span", "value", "value+unit", "value+modifier", "time"]


def _write(root: Path, cases: list[Any]) -> Path:
    (root / "figures").mkdir(parents=True, exist_ok=True)
    lines = [c if isinstance(c, str) else json.dumps(c) for c in cases]
    path = root / "figures" / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _oracle(doc_id: str) -> dict[str, pd.DataFrame]:
    """Perfect figure rows for every case (and the corpus article, which has its own)."""
    rows = [
        {"claim_type": "figure", "content_start": f["char_start"], "content_end": f["char_end"],
         "value": f["value"], "unit": f["unit"], "modifier": f["modifier"], "time": f["time"]}
        for case in CASES if case["id"] == doc_id for f in case["figures"]
    ]
    return {"claims": pd.DataFrame(rows)}


def _counts(report) -> dict[str, tuple[int, int, int]]:
    return {s.metric: (s.tp, s.fp, s.fn) for s in report.scores}


def test_loader_reads_cases(tmp_path: Path) -> None:
    gold = load_figure_cases(_write(tmp_path, [CASES[0], "", CASES[1]]))
    assert [d.doc_id for d in gold.docs] == ["c1", "c2"]
    first = gold.docs[0]
    assert first.published_at == "2024-06-12"
    assert [(g.span.start, g.span.end, g.unit, g.modifier) for g in first.gold.figures] == [
        (12, 16, "%", "up"), (20, 26, "USD", "=")]
    assert gold.docs[1].gold.figures == ()
    assert gold.notes == ["1 cases have no gold figure (predictions there are FP)"]


def test_value_text_mismatch_is_a_note(tmp_path: Path) -> None:
    case = json.loads(json.dumps(CASES[0]))
    case["figures"][0]["value_text"] = "4.3%"
    gold = load_figure_cases(_write(tmp_path, [case]))
    assert gold.notes == ["c1: figure text '4.2%' != value_text '4.3%'"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{oops", r"cases\.jsonl:2: cannot read JSON"),
        ("[1, 2]", r"cases\.jsonl:2: expected an object"),
        (json.dumps({"id": "c9", "figures": []}), r"cases\.jsonl:2\.text: expected a string"),
        (json.dumps({**CASES[1], "id": "c1"}), r"cases\.jsonl:2: duplicate id 'c1'"),
        (json.dumps({**CASES[0], "id": "c9", "figures": [{**CASES[0]["figures"][0],
                                                           "char_end": 99}]}),
         r"cases\.jsonl:2:figures\[0\]: bad span"),
        (json.dumps({**CASES[0], "id": "c9", "figures": [{**CASES[0]["figures"][0],
                                                           "value": "4.2"}]}),
         r"cases\.jsonl:2:figures\[0\]\.value: expected a number"),
        (json.dumps({**CASES[1], "id": "c9", "figures": {}}),
         r"cases\.jsonl:2\.figures: expected a list"),
    ],
)
def test_bad_line_is_gold_format_error_naming_the_line(
    tmp_path: Path, line: str, message: str
) -> None:
    path = _write(tmp_path, [CASES[0], line])
    with pytest.raises(GoldFormatError, match=message):
        load_figure_cases(path)


def test_empty_file_is_gold_format_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no figure cases"):
        load_figure_cases(_write(tmp_path, [""]))


def test_cases_report_comes_second_and_scores_like_the_corpus(corpus: Path, oracle) -> None:
    _write(corpus, CASES)

    def extract(text: str, doc_id: str, published_at: str | None) -> dict[str, pd.DataFrame]:
        return oracle if doc_id == "a1.txt" else _oracle(doc_id)

    reports = evaluate_figures(extract, corpus_dir=corpus)
    assert [r.dataset for r in reports] == ["corpus:corpus", "corpus-cases"]
    cases = reports[1]
    assert (cases.name, cases.n_docs, cases.n_errors) == ("figures", 2, 0)
    assert [s.metric for s in cases.scores] == METRICS
    assert all(s.f1 == 1.0 for s in cases.scores)


def test_cases_report_counts_misses_and_predictions_in_empty_cases(
    corpus: Path, extractor
) -> None:
    _write(corpus, CASES)
    # "4.2%" read as a level (modifier "=") in c1; a score "3-1" read as a figure in c2
    tables = {
        "c1": [{"claim_type": "figure", "content_start": 12, "content_end": 16, "value": 4.2,
                "unit": "%", "modifier": "=", "time": "2024-06-11"}],
        "c2": [{"claim_type": "figure", "content_start": 21, "content_end": 24, "value": 3.0,
                "unit": None, "modifier": "=", "time": None}],
    }
    reports = evaluate_figures(
        extractor(lambda doc_id: {"claims": pd.DataFrame(tables.get(doc_id, []))}),
        corpus_dir=corpus,
    )
    got = _counts(reports[1])
    assert got["span"] == (1, 1, 1)
    assert got["value"] == (1, 1, 1)
    assert got["value+modifier"] == (0, 2, 2)
    assert "predictions in documents with no gold figure (counted as FP): 1" in reports[1].notes


def test_bad_cases_file_stops_the_figure_evaluation(corpus: Path, extractor) -> None:
    _write(corpus, [CASES[0], "{oops"])
    with pytest.raises(GoldFormatError, match=r"cases\.jsonl:2"):
        evaluate_figures(extractor({}), corpus_dir=corpus)


def test_order_with_recognizers_is_corpus_cases_specs(corpus: Path, extractor, tmp_path) -> None:
    _write(corpus, CASES)
    specs = tmp_path / "specs"
    specs.mkdir()
    case = [{"Input": "it costs $5", "Results": [
        {"Text": "$5", "Start": 9, "End": 10,
         "Resolution": {"value": "5", "unit": "Dollar", "isoCurrency": "USD"}}]}]
    for name in ("CurrencyModel.json", "PercentModel.json", "NumberModel.json"):
        (specs / name).write_text(json.dumps(case), encoding="utf-8")
    reports = evaluate_figures(extractor({}), corpus_dir=corpus, recognizers_dir=specs)
    assert [r.dataset for r in reports] == ["corpus:corpus", "corpus-cases", "recognizers-text"]
