"""Fixtures shared by the whole suite.

The real spaCy model loads once per test session (so once per xdist worker) through
the ``nlp`` and ``extractor`` fixtures. Everything a test writes goes under its own
``tmp_path``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from pipeline import Extractor
from pipeline.nlp import build_nlp
from tests.components.attribution import tiny

SEED_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seed"

# A short article with what every output table needs: figures (one with a bracketed
# conversion), an attributed quote, named people, places and organisations.
NEWS = (
    "Japan Pledges Record Defense Budget\n"
    "On August 30, Japan's Defense Ministry requested 8.54 trillion yen (US$59 billion) "
    "for fiscal year 2025, its largest ever budget request.\n"
    "Exports rose 5% to $3.2 billion in 2023, the trade ministry said on Tuesday.\n"
    '"This plan is premature," Finance Minister Taro Aso said, adding that China would '
    "object.\n"
)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline with our components, built once per test process."""
    return build_nlp()


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The default Extractor with its model loaded; read-only, shared by a worker's tests."""
    ex = Extractor()
    ex.nlp  # noqa: B018 - load now, so the first test using it is not the slow one
    return ex


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """write("in/a.txt", "text") -> the path, parents created; str is written as UTF-8."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write


@pytest.fixture
def news() -> str:
    return NEWS


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, or skip where the shared seed folder is absent."""
    path = SEED_DIR / "asian-nato-article.txt"
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_tables(extractor: Extractor, seed_text: str) -> dict[str, pd.DataFrame]:
    """The seed article's four tables, extracted once per worker; tests only read them."""
    return extractor.extract_text(seed_text, doc_id="asian-nato-article.txt")


# -- PostgreSQL -----------------------------------------------------------------------------

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """URL of a fresh PostgreSQL database for this session (worker)."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL not reachable on 127.0.0.1:5432: {exc}")
    name = f"nc_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f"CREATE DATABASE {name}")
        try:
            yield f"postgresql://postgres@127.0.0.1:5432/{name}"
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# -- a tiny PolNeAR split (tests/components/attribution/tiny.py) ----------------------------


@pytest.fixture(scope="session")
def polnear_tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``train/`` (8 articles) and ``dev/`` (2) in PolNeAR's layout."""
    root = tmp_path_factory.mktemp("polnear")
    tiny.write_split(root / "train", range(8))
    tiny.write_split(root / "dev", range(8, 10))
    return root
