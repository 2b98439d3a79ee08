"""The local executor: this process or worker processes, the same rows in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import Extractor
from pipeline.executors import LocalExecutor
from pipeline.readers import RecordKeys


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(n):
        (folder / f"d{k}.txt").write_text(
            f"Officials said exports rose {k}% to ${k + 1} billion in 2023, according to "
            "Reuters.\n", encoding="utf-8")
    (folder / "zz.txt").write_bytes(b"\x00 not text")
    return folder


def _results(folder: Path, extractor: Extractor, n_process: int) -> list[list]:
    executor = LocalExecutor(n_process)
    executor.open([str(folder)], RecordKeys())
    return list(executor.run(extractor, set()))


@pytest.mark.slow
def test_worker_processes_give_the_rows_of_one_process_batch_by_batch(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 8)
    extractor = Extractor(batch_size=3)
    one, two = _results(folder, extractor, 1), _results(folder, extractor, 2)
    assert [len(batch) for batch in two] == [3, 3, 3]  # 8 documents and the binary file
    flat = [[{k: v for k, v in row.items() if k != "processed_at"} for row in rows]
            for results in (one, two) for batch in results for t in batch
            for rows in t.values()]
    half = len(flat) // 2
    assert flat[:half] == flat[half:]
    docs = [t["documents"][0]["doc_id"] for batch in two for t in batch]
    assert docs == [f"d{k}.txt" for k in range(8)] + ["zz.txt"]


def test_documents_already_stored_come_back_as_none_in_order(tmp_path: Path,
                                                             extractor: Extractor) -> None:
    folder = _folder(tmp_path, 3)
    first = [t for batch in _results(folder, extractor, 1) for t in batch]
    stored = {(d["doc_id"], d["content_sha256"], d["pipeline_fingerprint"])
              for t in first for d in t["documents"] if d["status"] == "ok"}
    executor = LocalExecutor(1)
    executor.open([str(folder)], RecordKeys())
    again = [t for batch in executor.run(extractor, stored) for t in batch]
    assert [t if t is None else t["documents"][0]["doc_id"] for t in again] == [
        None, None, None, "zz.txt"]
