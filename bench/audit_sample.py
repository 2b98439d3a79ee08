"""Draw a reproducible random sample of claims rows and lay each out for judging by reading.

The README's audits ("100 random stance rows from BBC news, judged against the article") are
only worth something if anyone can draw the same rows again: this script fixes the order
(rows sorted by ``claim_id``) and the draw (``random.Random(seed).sample``), and prints each
row with the article around its evidence, its spans marked, so a reader judges it against the
text rather than against the row alone.

    newsclaims extract ../shared/data/bbc-news/val.csv -o bbc-val.duckdb
    python bench/audit_sample.py bbc-val.duckdb --type stance -n 100 --seed 2026 > sheet.md
    python bench/audit_sample.py bbc-val.duckdb --extractor newsclaims_attribution --statements

``--extractor`` keeps the rows of one component (the attribution's statements, not the stance
component's events); ``--statements`` draws statements rather than rows, one row for each
(source, cue, content) however many targets it has rows for.

Marks in the article window: ``[[S ...]]`` source, ``[[C ...]]`` cue, ``{{ ... }}`` content.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

WINDOW = 400  # characters of article shown either side of the evidence


@dataclass(frozen=True)
class Mark:
    """One span to mark in the article window."""

    start: int
    end: int
    opening: str
    closing: str


def marked(text: str, start: int, end: int, marks: list[Mark]) -> str:
    """``text[start:end]`` with the marks inserted (marks outside the window are dropped)."""
    inserts: list[tuple[int, int, str]] = []
    for mark in marks:
        if start <= mark.start < mark.end <= end:
            inserts.append((mark.start, 1, mark.opening))
            inserts.append((mark.end, 0, mark.closing))
    out, cursor = [], start
    for position, _, token in sorted(inserts):
        out.append(text[cursor:position])
        out.append(token)
        cursor = position
    out.append(text[cursor:end])
    return "".join(out).replace("\n", " / ")


def row_marks(row: dict) -> list[Mark]:
    spans = (("subject", "[[S ", "]]"), ("predicate", "[[C ", "]]"), ("content", "{{", "}}"))
    return [Mark(row[f"{name}_start"], row[f"{name}_end"], opening, closing)
            for name, opening, closing in spans
            if row.get(f"{name}_start") is not None and row.get(f"{name}_end") is not None]


def sheet(database: Path, claim_type: str, n: int, seed: int, extractor: str = "",
          statements: bool = False) -> str:
    """The judging sheet, one numbered section per drawn row."""
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute(
            "SELECT c.*, d.text AS doc_text FROM claims c JOIN documents d USING (doc_id) "
            "WHERE c.claim_type = ? AND starts_with(c.extractor, ?) ORDER BY c.claim_id",
            [claim_type, extractor]).fetchdf()
    if statements:
        spans = ["doc_id", "subject_start", "predicate_start", "content_start", "content_end"]
        rows = rows.drop_duplicates(subset=spans).reset_index(drop=True)
    if rows.empty:
        raise SystemExit(f"no {claim_type} rows in {database}")
    picked = sorted(random.Random(seed).sample(range(len(rows)), min(n, len(rows))))
    kind = "statements" if statements else "rows"
    parts = [f"# {len(picked)} of {len(rows)} {claim_type} {kind} of {database.name}, "
             f"random.Random({seed}).sample over rows ordered by claim_id\n"]
    for number, index in enumerate(picked, 1):
        row = rows.iloc[index].to_dict()
        text = row["doc_text"] or ""
        starts = [v for v in (row["char_start"], row.get("subject_start")) if v is not None]
        ends = [v for v in (row["char_end"], row.get("content_end")) if v is not None]
        lo, hi = max(0, min(starts) - WINDOW), min(len(text), max(ends) + WINDOW)
        fields = ("subject", "predicate", "target", "stance", "value", "unit", "modifier",
                  "time", "content")
        shown = "; ".join(f"{f}={row[f]!r}" for f in fields if row.get(f) is not None)
        parts.append(f"## {number}. doc {row['doc_id']} claim {row['claim_id']}\n{shown}\n\n"
                     f"> ...{marked(text, lo, hi, row_marks(row))}...\n\n"
                     "judgement: \n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path, help="a DuckDB file written by newsclaims extract")
    parser.add_argument("--type", dest="claim_type", default="stance", choices=("stance", "figure"))
    parser.add_argument("-n", type=int, default=100, help="rows to draw")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--extractor", default="", help="only rows whose extractor starts so")
    parser.add_argument("--statements", action="store_true",
                        help="one row per (source, cue, content), whatever its targets")
    args = parser.parse_args(argv)
    if not args.database.is_file():
        raise SystemExit(f"no such database: {args.database}")
    sys.stdout.write(sheet(args.database, args.claim_type, args.n, args.seed, args.extractor,
                           args.statements))


if __name__ == "__main__":
    main()
