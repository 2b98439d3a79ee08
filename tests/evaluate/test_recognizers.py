from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import GoldFormatError
from pipeline.evaluate import evaluate_figures
from pipeline.evaluate.recognizers import load_recognizers, parse_case
from pipeline.evaluate.spans import Span


def _case(text: str, needle: str, typename: str, resolution: dict, **extra) -> dict:
    start = text.index(needle)
    result = {"Text": needle, "TypeName": typename, "Resolution": resolution,
              "Start": start, "End": start + len(needle) - 1}
    return {"Input": text, "Results": [result], **extra}


CURRENCY = [
    _case("it cost $ 75 million .", "$ 75 million", "currency",
          {"value": "75000000", "unit": "Dollar"}),
    _case("pay 20 euros now", "20 euros", "currency",
          {"value": "20", "unit": "Euro", "isoCurrency": "EUR"}),
    _case("only 5 cents", "5 cents", "currency", {"value": "5", "unit": "Cent"}),
    _case("12,34,567.89 rupees", "12,34,567.89 rupees", "currency",
          {"value": "1234567.89", "unit": "Rupee"}, NotSupportedByDesign="javascript,python"),
    {"Input": "no money here, 5 apples", "Results": []},
]
PERCENT = [_case("up 2% today", "2%", "percentage", {"value": "2%"})]
NUMBER = [
    _case("192 people", "192", "number", {"subtype": "integer", "value": "192"}),
    _case("meet on 5/17/2018?", "2018", "number", {"subtype": "integer", "value": "2018"}),
    _case("back in 1999 it was", "1999", "number", {"subtype": "integer", "value": "1999"}),
    _case("two thirds", "two thirds", "number", {"subtype": "fraction", "value": "0.6667"},
          NotSupported="java, python"),
]


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    for name, cases in (("CurrencyModel", CURRENCY), ("PercentModel", PERCENT),
                        ("NumberModel", NUMBER)):
        # the real files start with a BOM
        (tmp_path / f"{name}.json").write_text(json.dumps(cases), encoding="utf-8-sig")
    return tmp_path


@pytest.mark.parametrize(
    ("kind", "case", "expected"),
    [
        ("currency", CURRENCY[0], (75e6, "USD", Span(8, 20))),
        ("currency", CURRENCY[1], (20.0, "EUR", Span(4, 12))),
        ("percent", PERCENT[0], (2.0, "%", Span(3, 5))),
        ("number", NUMBER[0], (192.0, None, Span(0, 3))),
    ],
)
def test_parse_case_values_units_and_inclusive_end(kind: str, case: dict, expected) -> None:
    gold, reasons = parse_case(kind, case, "x")
    [figure] = gold.figures
    assert (figure.value, figure.unit, figure.span) == expected
    assert figure.modifier == "=" and not reasons


@pytest.mark.parametrize(
    ("kind", "case", "reason"),
    [
        ("currency", CURRENCY[2], "currency without ISO code"),
        ("currency", CURRENCY[3], "not supported in python"),
        ("number", NUMBER[1], "part of a date"),
        ("number", NUMBER[2], "bare year"),
        ("number", NUMBER[3], "not supported in python"),
    ],
)
def test_parse_case_skips(kind: str, case: dict, reason: str) -> None:
    assert parse_case(kind, case, "x") == reason


def test_load_recognizers_counts_skips(specs: Path) -> None:
    gold = load_recognizers(specs)
    assert [d.doc_id for d in gold.docs] == [
        "CurrencyModel#0", "CurrencyModel#1", "CurrencyModel#4", "PercentModel#0",
        "NumberModel#0",
    ]
    assert "CurrencyModel: skipped 1 cases: currency without ISO code" in gold.notes
    assert "NumberModel: skipped 1 cases: bare year" in gold.notes
    assert "CurrencyModel: 1 cases have no gold figure (predictions there are FP)" in gold.notes


def _oracle_for(specs: Path):
    """Predict every kept gold figure exactly, plus a count figure in the empty case."""
    docs = {d.doc_id: d for d in load_recognizers(specs).docs}

    def extract(text: str, doc_id: str, published_at: str | None) -> dict[str, pd.DataFrame]:
        rows = [{"claim_type": "figure", "content_start": f.span.start,
                 "content_end": f.span.end, "value": f.value, "unit": f.unit, "modifier": None}
                for f in docs[doc_id].gold.figures]
        if doc_id == "CurrencyModel#4":  # "5 apples": not a currency, so not scored
            rows.append({"claim_type": "figure", "content_start": 15, "content_end": 23,
                         "value": 5.0, "unit": "apple"})
        return {"claims": pd.DataFrame(rows, columns=["claim_type", "content_start",
                                                      "content_end", "value", "unit",
                                                      "modifier"])}

    return extract


def test_recognizers_report_is_second_and_perfect(corpus: Path, specs: Path) -> None:
    _, spec_report = evaluate_figures(
        _oracle_for(specs), corpus_dir=corpus, recognizers_dir=specs
    )
    assert spec_report.dataset == "recognizers-text" and spec_report.n_docs == 5
    assert [s.metric for s in spec_report.scores] == ["span", "value", "value+unit"]
    assert "value+modifier not scored: the specs annotate no modifiers" in spec_report.notes
    assert all(s.f1 == 1.0 for s in spec_report.scores)
    assert any(n.startswith("predictions ignored") and n.endswith(": 1")
               for n in spec_report.notes)


def test_missing_spec_file_is_gold_format_error(specs: Path, corpus: Path, extractor) -> None:
    (specs / "PercentModel.json").unlink()
    with pytest.raises(GoldFormatError, match=r"PercentModel\.json"):
        evaluate_figures(extractor({}), corpus_dir=corpus, recognizers_dir=specs)


def test_real_specs_load(shared_data: Path) -> None:
    gold = load_recognizers(shared_data / "recognizers-text")
    assert len(gold.docs) > 300
    assert any("not supported in python" in n for n in gold.notes)
