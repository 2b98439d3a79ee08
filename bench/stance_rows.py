"""Stance rows of a sample of news articles, for reading and for comparing two trees.

    python -m bench.stance_rows ../shared/data/bbc-news/train.csv -n 150 --seed 88 \\
        --cache /tmp/bbc.spacy -o before.jsonl
    (change the stance code)
    python -m bench.stance_rows ... -o after.jsonl
    python -m bench.stance_rows --diff before.jsonl after.jsonl   # the statements that changed
    python -m bench.stance_rows --show after.jsonl --draw 1 -n 40  # 40 rows to judge

A stance round changes a handful of rows in a thousand, and each needs reading: the articles
are parsed up to attribution once (``--cache``), so a rerun takes the stance component's time
only, and rows keep their order across trees (one line per row, in document order), so a
draw by row number picks the same statements before and after. Never point it at a split
reserved for the lead's audits (BBC val).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

KEY_CHARS = 60  # characters of content that, with the document and cue, name a statement


def extract(path: Path, n: int, seed: int, cache: Path | None) -> list[dict]:
    """The stance rows of ``n`` articles drawn with ``random.Random(seed)`` from a CSV
    with a ``text`` column."""
    import pandas as pd
    from spacy.tokens import DocBin

    from pipeline.components.stance.component import StanceLabeller
    from pipeline.readers import mojibake
    from pipeline.stance_model.data import attribution_nlp

    nlp = attribution_nlp()
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        # as the readers do: "Â£" is "£" in every extraction
        texts = [mojibake.fix(t) for t in pd.read_csv(path)["text"].tolist()]
        picked = sorted(random.Random(seed).sample(range(len(texts)), min(n, len(texts))))
        docs = list(nlp.pipe((texts[i] for i in picked), batch_size=16))
        if cache is not None:
            DocBin(docs=docs, store_user_data=True).to_disk(cache)
    labeller = StanceLabeller(nlp, "newsclaims_stance")
    rows = []
    for number, doc in enumerate(docs):
        for st in labeller(doc)._.nc_statements or []:
            rows.append({"doc": number, "kind": st.kind, "source": st.source, "cue": st.cue,
                         "cue_span": list(st.cue_span),
                         "content": doc.text[st.content_span[0] : st.content_span[1]],
                         "target": st.target, "stance": st.stance,
                         "confidence": st.confidence})
    return rows


def _key(row: dict) -> tuple:
    return row["doc"], tuple(row["cue_span"]), row["content"][:KEY_CHARS]


def diff(before: list[dict], after: list[dict]) -> list[str]:
    """One entry per statement whose (target, stance) rows differ."""
    grouped: tuple[dict, dict] = ({}, {})
    for rows, into in zip((before, after), grouped, strict=True):
        for row in rows:
            into.setdefault(_key(row), []).append(row)
    out = []
    for key in sorted(set(grouped[0]) | set(grouped[1])):
        old, new = ([(r["target"], r["stance"]) for r in g.get(key, [])] for g in grouped)
        if old != new:
            row = (grouped[0].get(key) or grouped[1][key])[0]
            out.append(f"- {row['source']} | {row['cue']} | {row['content'][:250]}\n"
                       f"    {old}\n -> {new}")
    return out


def show(rows: list[dict], draw: int, n: int) -> list[str]:
    """``n`` rows drawn by row number with ``random.Random(draw)``."""
    picked = sorted(random.Random(draw).sample(range(len(rows)), min(n, len(rows))))
    return [f"#{i} [{rows[i]['kind']}] {rows[i]['source']} | {rows[i]['cue']} | "
            f"T={rows[i]['target']!r} | {rows[i]['stance']} {rows[i]['confidence']}\n"
            f"    {rows[i]['content'][:400]}" for i in picked]


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path, nargs="?")
    parser.add_argument("-n", type=int, default=150, help="articles, or rows with --show")
    parser.add_argument("--seed", type=int, default=88, help="the draw of articles")
    parser.add_argument("--cache", type=Path, help="the parsed articles (DocBin)")
    parser.add_argument("-o", "--out", type=Path)
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--show", type=Path)
    parser.add_argument("--draw", type=int, default=1, help="the draw of rows with --show")
    args = parser.parse_args()
    if args.diff:
        lines = diff(*(_read(p) for p in args.diff))
        print("\n".join([*lines, f"{len(lines)} statements changed"]))
    elif args.show:
        print("\n".join(show(_read(args.show), args.draw, args.n)))
    elif args.csv and args.out:
        rows = extract(args.csv, args.n, args.seed, args.cache)
        args.out.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        print(f"{len(rows)} rows -> {args.out}")
    else:
        parser.error("give CSV and -o, or --diff BEFORE AFTER, or --show ROWS")


if __name__ == "__main__":
    main()
