"""Where the corpus stance scores are lost: one line per gold statement.

``newsclaims evaluate stance`` gives four F1s (statement, +label, +target, both); this
script says, for each gold statement, whether a statement matched it at all and, if so,
what label and targets the matched statement's rows carry, so the losses split into
"statement not found", "label wrong on a found statement" and "target wrong" (with the
gold and predicted names side by side, to see naming mismatches). Usage::

    python -m bench.stance_errors [--corpus corpus] [--show label|target|missed]
"""

from __future__ import annotations

import argparse
from collections import Counter

from pipeline.evaluate.gold import load_corpus
from pipeline.evaluate.metrics import greedy_match
from pipeline.evaluate.predictions import pred_stances
from pipeline.evaluate.stance import _label_ok, _statements, _target_ok, statement_weight
from pipeline.extractor import Extractor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--show", choices=("label", "target", "missed", "all"), default="all")
    args = parser.parse_args()
    extractor = Extractor()
    counts: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for doc in load_corpus(args.corpus).docs:
        tables = extractor.extract_text(doc.text, doc.doc_id, published_at=doc.published_at)
        gold, statements = list(doc.gold.stances), _statements(pred_stances(tables))

        def weight(g, rows):
            ws = [w for p in rows if (w := statement_weight(g, p)) is not None]
            return max(ws) if ws else None

        matched = dict(greedy_match(gold, statements, weight))
        for gi, g in enumerate(gold):
            counts["gold"] += 1
            if gi not in matched:
                counts["missed"] += 1
                if args.show in ("missed", "all"):
                    print(f"MISSED  {doc.doc_id}: {g.source} | {g.cue} | {g.content[:90]!r}")
                continue
            rows = statements[matched[gi]]
            label_ok = any(_label_ok(g, p) for p in rows)
            target_ok = any(_target_ok(g, p) for p in rows)
            counts["matched"] += 1
            counts["label ok"] += label_ok
            counts["target ok"] += target_ok
            counts["both ok"] += any(_label_ok(g, p) and _target_ok(g, p) for p in rows)
            confusion[(g.stance or "-", rows[0].stance or "-")] += 1
            if not label_ok and args.show in ("label", "all"):
                print(f"LABEL   {doc.doc_id}: gold {g.stance} pred "
                      f"{[p.stance for p in rows]} | {g.content[:110]!r}")
            if not target_ok and args.show in ("target", "all"):
                print(f"TARGET  {doc.doc_id}: gold {g.target!r} pred "
                      f"{[p.target for p in rows]} | {g.content[:80]!r}")
    print(dict(counts))
    print("gold label -> first row's label:", dict(confusion))


if __name__ == "__main__":
    main()
