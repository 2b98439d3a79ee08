"""pipeline.runner.run_extract: read -> extract -> sink, counts, resume and --max-errors."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import Extractor
from pipeline.errors import InputNotFound, ModelNotFound, TooManyErrors
from pipeline.rows import sha256
from pipeline.runner import RunStats, run_extract

Write = Callable[[str, str | bytes], Path]


def _table(out: Path, name: str) -> list[dict]:
    path = out / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def inputs(write: Write, news: str, tmp_path: Path) -> Path:
    """Two good documents and one unreadable (binary) file."""
    write("in/a.txt", news)
    write("in/b.txt", "Sales fell 3% in 2022, the company said.\n")
    write("in/c.txt", b"\x00\x01\x02 not text")
    return tmp_path / "in"


def test_run_counts_what_it_writes(extractor: Extractor, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    stats = run_extract([str(inputs)], out=str(out), fmt="jsonl", extractor=extractor)
    assert (stats.ok, stats.failed, stats.skipped, stats.docs) == (2, 1, 0, 3)
    assert stats.claims == len(_table(out, "claims")) > 0
    assert stats.entities == len(_table(out, "entities")) > 0
    assert stats.errors == len(_table(out, "errors")) == 1
    documents = {d["doc_id"]: d for d in _table(out, "documents")}
    assert {k: d["status"] for k, d in documents.items()} == {
        "a.txt": "ok", "b.txt": "ok", "c.txt": "error"}
    assert stats.seconds > 0


def test_on_document_is_called_once_per_document(extractor: Extractor, inputs: Path,
                                                 tmp_path: Path) -> None:
    calls: list[None] = []
    out = str(tmp_path / "out.sqlite")
    run_extract([str(inputs)], out=out, extractor=extractor, on_document=lambda: calls.append(None))
    assert len(calls) == 3
    calls.clear()
    stats = run_extract([str(inputs)], out=out, extractor=extractor,
                        on_document=lambda: calls.append(None))
    assert stats.skipped == 2
    assert len(calls) == 3  # skipped and failed documents count too


def test_resume_skips_only_same_text_and_same_pipeline(extractor: Extractor, inputs: Path,
                                                       write: Write, tmp_path: Path) -> None:
    out = tmp_path / "out"

    def run(ex: Extractor, resume: bool = True) -> RunStats:
        return run_extract([str(inputs)], out=str(out), fmt="jsonl", extractor=ex,
                           resume=resume)

    run(extractor)
    again = run(extractor)
    assert (again.ok, again.skipped, again.failed) == (0, 2, 1)  # bad files are retried
    write("in/b.txt", "Sales fell 4% in 2022, the company said.\n")
    changed = run(extractor)
    assert (changed.ok, changed.skipped) == (1, 1)
    claims = _table(out, "claims")
    assert [c["value"] for c in claims if c["doc_id"] == "b.txt" and c["claim_type"] == "figure"
            ] == [4.0]
    new_pipeline = Extractor()
    new_pipeline._fingerprint = "a-newer-pipeline"
    redone = run(new_pipeline)
    assert (redone.ok, redone.skipped) == (2, 0)
    assert {d["pipeline_fingerprint"] for d in _table(out, "documents")
            if d["status"] == "ok"} == {"a-newer-pipeline"}
    forced = run(new_pipeline, resume=False)
    assert (forced.ok, forced.skipped) == (2, 0)
    ids = [c["claim_id"] for c in _table(out, "claims")]
    assert len(ids) == len(set(ids))  # rewritten documents replace their rows


def test_max_errors_stops_the_run_and_keeps_what_was_written(
    extractor: Extractor, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with pytest.raises(TooManyErrors, match="--max-errors 0"):
        run_extract([str(inputs)], out=str(out), fmt="jsonl", extractor=extractor, max_errors=0)
    assert [e["source"].endswith("c.txt") for e in _table(out, "errors")] == [True]
    stats = run_extract([str(inputs)], out=str(out), fmt="jsonl", extractor=extractor,
                        max_errors=1)
    assert stats.failed == 1


def test_many_writes_store_every_document_once(write: Write, tmp_path: Path) -> None:
    for n in range(5):
        write(f"in/d{n}.txt", f"Exports rose {n + 1}% in 2023, officials said.\n")
    out = tmp_path / "out"
    stats = run_extract([str(tmp_path / "in")], out=str(out), fmt="jsonl",
                        extractor=Extractor(batch_size=2))
    assert stats.ok == 5
    documents = _table(out, "documents")
    assert sorted(d["doc_id"] for d in documents) == [f"d{n}.txt" for n in range(5)]
    figures = {c["doc_id"]: c["value"] for c in _table(out, "claims")
               if c["claim_type"] == "figure"}
    assert figures == {f"d{n}.txt": float(n + 1) for n in range(5)}


def test_stdin_is_read_from_the_given_stream(extractor: Extractor, news: str,
                                             tmp_path: Path) -> None:
    out = tmp_path / "out"
    stats = run_extract(["-"], out=str(out), fmt="jsonl", extractor=extractor,
                        stdin=io.BytesIO(news.encode()))
    assert stats.ok == 1
    [document] = _table(out, "documents")
    assert (document["doc_id"], document["content_sha256"]) == ("stdin", sha256(news))


def test_missing_input_fails_before_any_output(extractor: Extractor, tmp_path: Path) -> None:
    out = tmp_path / "out.duckdb"
    with pytest.raises(InputNotFound):
        run_extract([str(tmp_path / "nope.txt")], out=str(out), extractor=extractor)
    assert not out.exists()


def test_bad_model_fails_before_any_output(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.duckdb"
    with pytest.raises(ModelNotFound):
        run_extract([str(inputs)], out=str(out), extractor=Extractor("no_such_model_xyz"))
    assert not out.exists()


@pytest.mark.parametrize(
    ("stats", "expected"),
    [
        (RunStats(), "0 docs (0 ok, 0 failed, 0 skipped), 0 claims, 0 entities, 0 errors"),
        (RunStats(ok=3, failed=1, skipped=2, claims=10, entities=7, errors=1),
         "6 docs (3 ok, 1 failed, 2 skipped), 10 claims, 7 entities, 1 errors"),
    ],
)
def test_summary(stats: RunStats, expected: str) -> None:
    stats.seconds = 2.0
    rate = (stats.ok + stats.failed) / 2.0
    assert stats.summary() == f"{expected} in 2.0s ({rate:.1f} docs/s)"
