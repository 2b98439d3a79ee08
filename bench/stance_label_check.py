"""The statement label model's second checks: corpus gold and BBC train rows it changes.

``corpus``: for each gold statement a statement matches, the gold label, the lexicon's and
the model's, and how many labels are right at several override floors. ``bbc``: the main
rows of N shuffled BBC train articles whose label the model (at its tuned floor) changes,
written as JSON for reading. Usage::

    python -m bench.stance_label_check corpus MODEL_DIR
    python -m bench.stance_label_check bbc MODEL_DIR --articles 230 --out changed.json
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter

from pipeline.components.stance import component
from pipeline.components.stance.statement_label import StatementLabel, combined, features
from pipeline.evaluate.gold import load_corpus
from pipeline.evaluate.metrics import greedy_match
from pipeline.evaluate.predictions import pred_stances
from pipeline.evaluate.stance import _statements, statement_weight
from pipeline.extractor import Extractor


def _recording(model: StatementLabel, seen: dict) -> None:
    """Makes every main row record its lexicon label, the model's verdict and its text."""
    original = component.StanceLabeller._main

    def main(self, doc, statement, topic, resolver):
        parts = self.main_parts(doc, statement, topic, resolver)
        lexical, _ = self.lexicon_label(doc, parts)
        seen[statement.content_span] = (lexical, model.verdict(features(parts, lexical)),
                                        statement, doc.text[slice(*statement.content_span)])
        return original(self, doc, statement, topic, resolver)

    component.StanceLabeller._main = main


def corpus(model: StatementLabel) -> None:
    seen: dict = {}
    _recording(model, seen)
    extractor, found = Extractor(), []
    for doc in load_corpus("corpus").docs:
        seen.clear()
        tables = extractor.extract_text(doc.text, doc.doc_id, published_at=doc.published_at)
        gold, statements = list(doc.gold.stances), _statements(pred_stances(tables))

        def weight(g, rows):
            ws = [w for p in rows if (w := statement_weight(g, p)) is not None]
            return max(ws) if ws else None

        for gi, pi in greedy_match(gold, statements, weight):
            key = next(((s.start, s.end) for r in statements[pi] for s in r.spans
                        if (s.start, s.end) in seen), None)
            if key is not None:
                found.append((gold[gi].stance, *seen[key][:2]))
    print(f"{len(found)} matched gold statements; lexicon right "
          f"{sum(g == lex for g, lex, _ in found)}, model alone "
          f"{sum(g == v.label for g, _, v in found)}")
    for floor in (0.0, 0.4, 0.5, 0.6, 0.7, 0.8):
        right = sum(combined(lex, v, floor) == g for g, lex, v in found)
        print(f"override floor {floor}: {right} right")
    print(Counter((g, lex, v.label) for g, lex, v in found).most_common())


def bbc(model: StatementLabel, floor: float, articles: int, out: str) -> None:
    seen: dict = {}
    _recording(model, seen)
    csv.field_size_limit(10**8)
    with open("../shared/data/bbc-news/train.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    random.Random(6).shuffle(rows)
    extractor, changed = Extractor(), []
    for i, row in enumerate(rows[:articles]):
        seen.clear()
        extractor.extract_text(row["text"], f"bbc-train-{i}")
        for lexical, verdict, statement, content in seen.values():
            if combined(lexical, verdict, floor) != lexical:
                changed.append({"source": statement.source, "cue": statement.cue,
                                "lexicon": lexical, "model": verdict.label,
                                "p": round(verdict.confidence, 3), "content": content[:300]})
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(changed, handle, indent=1)
    print(f"{len(changed)} main rows change in {articles} articles; written to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=("corpus", "bbc"))
    parser.add_argument("model")
    parser.add_argument("--articles", type=int, default=230)
    parser.add_argument("--out", default="stance-label-changed.json")
    args = parser.parse_args()
    model = StatementLabel(args.model)
    floor = json.loads((model.folder / "newsclaims.json").read_text())["floor"]
    if args.check == "corpus":
        corpus(model)
    else:
        bbc(model, floor, args.articles, args.out)


if __name__ == "__main__":
    main()
