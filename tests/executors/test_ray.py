"""``--engine ray`` gives the same rows as ``--engine local`` (issue: 40 PolNeAR dev articles)."""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline import Extractor
from pipeline.errors import UserError
from pipeline.runner import run_extract

POLNEAR_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "polnear" / "dev"
N_ARTICLES = 40


@pytest.fixture(scope="module")
def ray() -> Iterator[object]:
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsclaims[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 40 PolNeAR dev texts, plus one unreadable file to show errors travel too."""
    texts = sorted((POLNEAR_DEV / "text").glob("*.txt"))[:N_ARTICLES]
    if len(texts) < N_ARTICLES:
        pytest.skip(f"PolNeAR dev texts not found under {POLNEAR_DEV}")
    folder = tmp_path_factory.mktemp("polnear") / "in"
    folder.mkdir()
    for path in texts:
        shutil.copy(path, folder / path.name)
    (folder / "zz-binary.txt").write_bytes(b"\x00\x01 not text")
    return folder


def tables(out: Path) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(out), read_only=True) as conn:
        frames = {t: conn.sql(f"SELECT * FROM {t}").df()
                  for t in ("claims", "entities", "documents", "errors")}
    return {name: frame.drop(columns=["processed_at"], errors="ignore").astype(str)
            .sort_values(list(frame.columns.drop("processed_at", errors="ignore")))
            .reset_index(drop=True) for name, frame in frames.items()}


@pytest.mark.slow
def test_ray_matches_local_and_resumes(ray: object, articles: Path, tmp_path: Path,
                                       extractor: Extractor) -> None:
    local, distributed = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    run_extract([str(articles)], out=str(local), extractor=extractor)
    stats = run_extract([str(articles)], out=str(distributed), engine="ray",
                        n_process=2, extractor=Extractor(batch_size=8))
    assert (stats.ok, stats.failed) == (N_ARTICLES, 1)
    expected, got = tables(local), tables(distributed)
    assert len(expected["claims"]) > 10 * N_ARTICLES
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)

    again = run_extract([str(articles)], out=str(distributed), engine="ray",
                        n_process=2, extractor=Extractor(batch_size=8))
    assert (again.skipped, again.ok) == (N_ARTICLES, 0)  # resume works through Ray too


@pytest.mark.slow
def test_ray_refuses_stdin(ray: object, extractor: Extractor, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not stdin"):
        run_extract(["-"], out=str(tmp_path / "x.duckdb"), engine="ray", extractor=extractor)


def test_ray_step_keeps_order_and_passes_errors_and_skips(extractor: Extractor) -> None:
    """``RayStep`` is the map_batches callable: one packed row per record, in order."""
    from pipeline.executors.ray import PACKED, RECORD, RayStep
    from pipeline.records import Document, ReadError

    records = [
        Document(doc_id="a", text="Exports rose 5% in 2023, officials said.", source="in.jsonl"),
        None,  # already stored: stays None
        ReadError(source="in.jsonl", error_type="bad_json", message="line 3", line=3),
        Document(doc_id="b", text="Sales fell 3% in 2022.", source="in.jsonl"),
    ]
    step = RayStep.__new__(RayStep)
    step.step = extractor
    out = step(pd.DataFrame({RECORD: [pickle.dumps(r) for r in records]}))
    tables = [pickle.loads(payload) for payload in out[PACKED]]
    assert [t and [d["doc_id"] for d in t["documents"]] for t in tables] == [["a"], None, [],
                                                                              ["b"]]
    assert tables[2]["errors"][0]["error_type"] == "bad_json"
    assert {c["value"] for c in tables[0]["claims"] if c["claim_type"] == "figure"} == {5.0}
