"""The stance component's share of the pipeline's time, on PolNeAR dev (84 articles).

    python bench/stance_speed.py [--data ../shared/data] [--repeat 3]

Runs the pipeline up to attribution over the articles once, then the stance component
over the parsed documents ``--repeat`` times with each shipped classifier (the boosted one
also with name pairs, as the accurate preset runs it; and the lexicon alone), each run
from attribution's statements, and prints the best of those against the time of the
pipeline before it. CPU seconds of this process (``time.process_time``), so other
processes on a shared machine count less; a model's one-time load is paid in a warm-up
run.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.cli import DEFAULT_DATA
from pipeline.components.stance.component import StanceLabeller
from pipeline.evaluate.attribution import load_polnear
from pipeline.stance_model.data import attribution_nlp

# (model, name pairs too): the default, the accurate preset, the lighter model, the lexicon
RUNS = (("stance-boosted", False), ("stance-boosted", True), ("stance-linear", False),
        ("", False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [doc.text for doc in load_polnear(args.data / "polnear" / "dev").docs]

    nlp = attribution_nlp()
    started = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    before = time.process_time() - started
    given = [list(doc._.nc_statements or []) for doc in docs]
    print(f"{len(docs)} articles, {sum(len(d) for d in docs)} tokens; pipeline up to "
          f"attribution {before:.2f} s CPU")
    for model, pairs in RUNS:
        labeller = StanceLabeller(nlp, "newsclaims_stance", model=model, pairs=pairs)
        runs = []
        for _ in range(args.repeat + 1):  # the first loads the model
            for doc, statements in zip(docs, given, strict=True):
                doc._.nc_statements = list(statements)
            started = time.process_time()
            for doc in docs:
                labeller(doc)
            runs.append(time.process_time() - started)
        best = min(runs[1:])
        rows = sum(len(doc._.nc_statements or []) for doc in docs)
        name = (model or "lexicon alone") + (" with name pairs" if pairs else "")
        print(f"stance {name}: best of {args.repeat} {best:.2f} s = "
              f"{best / before:.1%} of the pipeline before it ({rows} rows)")


if __name__ == "__main__":
    main()
