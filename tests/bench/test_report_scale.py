"""bench/report_scale.py's synthetic corpus: real rows repeated under new, unique ids."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from tests.report.sample import frames

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def report_scale(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))  # as when run as a script: `from scale import`
    spec = importlib.util.spec_from_file_location("report_scale", BENCH / "report_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_replicate_repeats_documents_under_new_ids(report_scale: ModuleType,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_scale, "BATCH_DOCS", 2)
    batches = list(report_scale.replicate(frames(), 5))
    assert [len(b["documents"]) for b in batches] == [2, 2, 1]
    documents = [r["doc_id"] for b in batches for r in b["documents"]]
    assert documents == ["00000-a.txt", "00001-odd/<b>.txt", "00002-a.txt",
                         "00003-odd/<b>.txt", "00004-a.txt"]
    claims = [r for b in batches for r in b["claims"]]
    assert len(claims) == 3 * 4 + 2 * 1  # a.txt has 4 claims, the other 1
    assert len({r["claim_id"] for r in claims}) == len(claims)
    assert {r["doc_id"] for r in claims} == set(documents)
    assert all(b["errors"] == [] for b in batches)


def test_write_database_uses_the_sink(report_scale: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "s.duckdb"
    report_scale.write_database(frames(), 3, out)
    with duckdb.connect(str(out), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (3,)
        assert conn.execute("SELECT count(*) FROM claims").fetchone() == (9,)
        assert conn.execute("SELECT count(*) FROM documents WHERE text IS NULL").fetchone() == (0,)
