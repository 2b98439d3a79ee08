"""Where SEESAW triples are lost: for each gold triple of a split, the best row of its
sentence, and which condition of the match it fails.

``newsclaims evaluate stance`` counts triples matched; this says what bounds that count:
no stance row in the sentence at all, rows whose subject never matches (a naming
difference: "Democrats" against "Democratic Party"), the right subject but another
target, the right pair left neutral, or the polarity flipped. Usage (train or valid only,
never test)::

    python -m bench.seesaw_errors [--split valid] [--examples 20] [--cache DIR]

With ``--cache`` the articles are parsed up to attribution once and kept there (as
``newsclaims train stance --cache`` keeps them), so a rerun after a stance change takes
the stance component's time only: 18 s for SEESAW train against 5 minutes on the shared
machine, the same counts.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from pipeline.cli import DEFAULT_DATA
from pipeline.evaluate.metrics import phrases_match
from pipeline.evaluate.predictions import PredStance
from pipeline.evaluate.runner import EvalDoc, rows
from pipeline.evaluate.seesaw import POLARITY, SeesawGold, load_seesaw
from pipeline.evaluate.spans import overlaps
from pipeline.extractor import Extractor


def fate(triple, preds) -> tuple[str, str]:
    """The furthest a row of the triple's sentence gets: the failing condition's name, and
    the nearest row's subject and target for the examples."""
    in_sentence = [p for p, sents in preds if triple.sentence in sents]
    if not in_sentence:
        return "no row in the sentence", ""
    subject = [p for p in in_sentence if phrases_match(triple.subject, p.subject)]
    if not subject:
        return "subject differs", "; ".join(sorted({f"{p.subject}->{p.target}"
                                                    for p in in_sentence}))
    pair = [p for p in subject if phrases_match(triple.object, p.target)]
    if not pair:
        return "target differs", "; ".join(sorted({str(p.target) for p in subject}))
    polar = [p for p in pair if (p.stance or "") in POLARITY]
    if not polar:
        return "pair found, neutral", ""
    if any(POLARITY[p.stance] == triple.polarity for p in polar):
        return "matched", ""
    return "polarity flipped", ""


def extracted(docs: list[EvalDoc[SeesawGold]], cache: Path | None
              ) -> Iterator[dict[str, pd.DataFrame]]:
    """Each article's tables: the whole extractor's, or with a cache the default stance
    component's rows over the articles parsed up to attribution (read from the cache when
    there)."""
    if cache is None:
        extractor = Extractor()
        for doc in docs:
            yield extractor.extract_text(doc.text, doc.doc_id, published_at=doc.published_at)
        return
    from pipeline.components.stance.component import StanceLabeller
    from pipeline.stance_model.data import attribution_nlp, parsed
    from pipeline.stance_model.tuning import stance_frames

    nlp = attribution_nlp()
    labeller = StanceLabeller(nlp, "newsclaims_stance")
    for doc, parse in zip(docs, parsed(docs, nlp, cache), strict=True):
        yield stance_frames(labeller(parse), doc.doc_id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="valid", choices=("train", "valid"))
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--examples", type=int, default=15)
    parser.add_argument("--cache", type=Path, help="folder to keep the parsed articles in")
    args = parser.parse_args()
    gold = load_seesaw(f"{args.data}/seesaw", split=args.split)
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for doc, tables in zip(gold.docs, extracted(gold.docs, args.cache), strict=True):
        preds = []
        for row in rows(tables, "claims", claim_type="stance"):
            p = PredStance.from_row(row)
            sents = {i for i, s in enumerate(doc.gold.sentences)
                     if p.evidence is not None and overlaps(s, p.evidence)}
            preds.append((p, sents))
        for triple in doc.gold.triples:
            why, nearest = fate(triple, preds)
            counts[why] += 1
            examples.setdefault(why, []).append(
                f"{triple.subject} {triple.polarity} {triple.object} | {nearest}")
    for why, n in counts.most_common():
        print(f"{n:5d}  {why}")
    rng = random.Random(0)
    for why, lines in examples.items():
        if why == "matched":
            continue
        print(f"\n## {why}")
        for line in rng.sample(lines, min(args.examples, len(lines))):
            print("  ", line)


if __name__ == "__main__":
    main()
