"""bench/audit_sample.py: the same seed draws the same rows, and the spans are marked in place."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
TEXT = "Headline. The minister said the plan was premature. Others agreed."


@pytest.fixture
def audit(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_sample", BENCH / "audit_sample.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "audit_sample", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "out.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE documents (doc_id VARCHAR, text VARCHAR)")
        con.execute("INSERT INTO documents VALUES ('d1', ?)", [TEXT])
        con.execute("""CREATE TABLE claims (claim_id VARCHAR, doc_id VARCHAR, claim_type VARCHAR,
            subject VARCHAR, predicate VARCHAR, target VARCHAR, stance VARCHAR, value DOUBLE,
            unit VARCHAR, modifier VARCHAR, time VARCHAR, content VARCHAR,
            char_start INT, char_end INT, subject_start INT, subject_end INT,
            predicate_start INT, predicate_end INT, content_start INT, content_end INT,
            extractor VARCHAR)""")
        for k in range(5):
            con.execute(
                "INSERT INTO claims VALUES (?, 'd1', 'stance', 'The minister', 'say', 'plan',"
                " 'oppose', NULL, NULL, NULL, NULL, 'the plan was premature',"
                " 10, 51, 10, 22, 23, 27, 28, 50, ?)",
                [f"c{k}", "newsclaims_attribution/0.1" if k < 4 else "newsclaims_stance/0.1"])
    return path


def test_marks_source_cue_and_content_in_the_article(audit: ModuleType) -> None:
    marks = [audit.Mark(10, 22, "[[S ", "]]"), audit.Mark(23, 27, "[[C ", "]]"),
             audit.Mark(28, 50, "{{", "}}")]
    assert audit.marked(TEXT, 0, len(TEXT), marks) == (
        "Headline. [[S The minister]] [[C said]] {{the plan was premature}}. Others agreed.")


def test_same_seed_same_rows_and_n_sections(audit: ModuleType, database: Path) -> None:
    first = audit.sheet(database, "stance", 3, seed=7)
    assert first == audit.sheet(database, "stance", 3, seed=7)
    assert first.count("\n## ") == 3
    assert "3 of 5 stance rows" in first


def test_no_rows_of_the_type_is_a_clear_exit(audit: ModuleType, database: Path) -> None:
    with pytest.raises(SystemExit, match="no figure rows"):
        audit.sheet(database, "figure", 3, seed=7)


def test_one_component_and_one_row_per_statement(audit: ModuleType, database: Path) -> None:
    assert "4 of 4 stance rows" in audit.sheet(database, "stance", 9, 1, "newsclaims_attribution")
    # the five rows are one statement (same spans), as rows for several targets are
    assert "1 of 1 stance statements" in audit.sheet(database, "stance", 9, 1, statements=True)
