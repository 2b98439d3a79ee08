"""``--engine ray`` gives the same rows as ``--engine local`` (issue: 40 PolNeAR dev articles)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline import Extractor
from pipeline.errors import UserError
from pipeline.runner import run_extract

pytestmark = pytest.mark.slow

POLNEAR_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev"
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


def test_ray_matches_local_and_resumes(ray: object, articles: Path, tmp_path: Path,
                                       extractor: Extractor) -> None:
    local, distributed = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    run_extract([str(articles)], out=str(local), extractor=extractor)
    stats = run_extract([str(articles)], out=str(distributed), engine="ray",
                        extractor=Extractor(n_process=2, batch_size=8))
    assert (stats.ok, stats.failed) == (N_ARTICLES, 1)
    expected, got = tables(local), tables(distributed)
    assert len(expected["claims"]) > 10 * N_ARTICLES
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)

    again = run_extract([str(articles)], out=str(distributed), engine="ray",
                        extractor=Extractor(n_process=2, batch_size=8))
    assert (again.skipped, again.ok) == (N_ARTICLES, 0)  # resume works through Ray too


def test_ray_refuses_stdin(ray: object, extractor: Extractor, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not stdin"):
        run_extract(["-"], out=str(tmp_path / "x.duckdb"), engine="ray", extractor=extractor)
