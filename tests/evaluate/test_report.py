from __future__ import annotations

import pytest

from pipeline.evaluate import Report, format_report
from pipeline.evaluate.metrics import prf


def test_format_report_table_and_notes() -> None:
    report = Report("figures", "corpus:gold", n_docs=4, seconds=2.0,
                    scores=[prf("value", 3, 1, 0), prf("value+unit", 2, 2, 1)],
                    notes=["skipped 1 cases: bare year"])
    lines = format_report(report).splitlines()
    assert lines[0].startswith("figures - corpus:gold: 4 docs, 2.00 s (2.0 docs/s)")
    assert lines[1].split() == ["metric", "tp", "fp", "fn", "P", "R", "F1"]
    assert lines[2].split() == ["value", "3", "1", "0", "0.750", "1.000", "0.857"]
    assert lines[-1].strip() == "note: skipped 1 cases: bare year"


def test_report_score_lookup_and_rate() -> None:
    report = Report("x", "d", n_docs=0, seconds=0.0, scores=[prf("a", 1, 0, 0)])
    assert report.score("a").f1 == 1.0 and report.docs_per_second == 0.0
    with pytest.raises(KeyError):
        report.score("b")
