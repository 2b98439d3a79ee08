"""Report at scale: `newsclaims report` on a 10,000-document DuckDB, its size and time.

The database is written with the project's own sink from real rows: corpus/articles is
extracted once, then its documents are repeated under new doc_ids (and claim ids) until
there are N of them, so texts, claims and entities per document are those of real news.

    python bench/report_scale.py                       # 10,000 documents, default caps
    python bench/report_scale.py --docs 2000 --keep /tmp/rs -- --max-articles 1000

The report runs as its own process (imports included, as a user sees it), with its peak
RSS from ``wait4``. Goals: under 25 MB, under 60 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from scale import run_child

REPO = Path(__file__).resolve().parent.parent
GOALS = {"MB": 25.0, "seconds": 60.0}
BATCH_DOCS = 500


def template(folder: Path) -> dict[str, pd.DataFrame]:
    """The four tables of a real extraction of ``folder``'s .txt articles."""
    from pipeline import Extractor

    frame = pd.DataFrame([{"id": p.name, "text": p.read_text(encoding="utf-8")}
                          for p in sorted(folder.glob("*.txt"))])
    return Extractor().extract(frame)


def replicate(tables: dict[str, pd.DataFrame], n_docs: int) -> Iterator[dict[str, list]]:
    """Batches of rows for ``n_docs`` documents: copy i of a template document gets doc_id
    ``{i:05d}-{doc_id}``; claim ids get the same prefix so they stay unique."""
    per_doc = {name: dict(tuple(frame.groupby("doc_id"))) for name, frame in tables.items()
               if name != "errors"}
    doc_ids = list(tables["documents"]["doc_id"])
    batch: dict[str, list[Any]] = {name: [] for name in tables}
    for i in range(n_docs):
        original = doc_ids[i % len(doc_ids)]
        new_id = f"{i:05d}-{original}"
        for name, frames in per_doc.items():
            rows = frames.get(original)
            if rows is None:
                continue
            rows = rows.assign(doc_id=new_id)
            if name == "claims":
                rows = rows.assign(claim_id=f"{i:05d}-" + rows["claim_id"])
            batch[name].extend(rows.to_dict("records"))
        if (i + 1) % BATCH_DOCS == 0 or i + 1 == n_docs:
            yield batch
            batch = {name: [] for name in tables}


def write_database(tables: dict[str, pd.DataFrame], n_docs: int, out: Path) -> None:
    from pipeline.writers import open_sink

    with open_sink(str(out)) as sink:
        for batch in replicate(tables, n_docs):
            sink.write(batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--articles", type=Path, default=REPO / "corpus" / "articles",
                        help="folder of .txt articles to extract and repeat")
    parser.add_argument("--keep", type=Path, default=None,
                        help="write the database and report here (default: a temp folder)")
    parser.add_argument("report_options", nargs="*",
                        help="options for newsclaims report, after --")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nc-report-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        database, page = work / f"synthetic-{args.docs}.duckdb", work / "report.html"
        if not database.exists():
            write_database(template(args.articles), args.docs, database)
        stdout, seconds, rss = run_child([sys.executable, "-m", "pipeline", "report",
                                          str(database), "-o", str(page),
                                          *args.report_options])
        size_mb = page.stat().st_size / 1e6
        db_mb = database.stat().st_size / 1e6
    print(stdout.strip())
    print(f"\n{'documents':<12}{'DB MB':>8}{'report MB':>11}{'seconds':>9}{'peak MB':>9}")
    print(f"{args.docs:<12,}{db_mb:>8.1f}{size_mb:>11.1f}{seconds:>9.1f}{rss:>9.0f}")
    for name, value in (("MB", size_mb), ("seconds", seconds)):
        verdict = "met" if value < GOALS[name] else "NOT met"
        print(f"report {name:<8}{value:>7.1f}  goal < {GOALS[name]:g}  {verdict}")


if __name__ == "__main__":
    main()
