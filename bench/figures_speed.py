"""The figures component's share of the pipeline's time, on PolNeAR dev (84 articles).

    python bench/figures_speed.py [--data ../shared/data] [--repeat 5]

Runs the whole default pipeline over the articles once (that time includes the figures
component), then the figures component alone over the parsed documents ``--repeat``
times, and prints the best of those against the pipeline's time. CPU seconds of this
process (``time.process_time``), so other processes on a shared machine count less.
The one-time build of the unit tables (pint's registry, Babel's CLDR data) and the
pattern is timed apart: it is paid once per process, on the first document.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.components.figures.component import _grammar
from pipeline.nlp import build_nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8")
             for p in sorted((args.data / "polnear" / "dev" / "text").glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no PolNeAR dev texts under {args.data}")

    started = time.process_time()
    _grammar()
    load = time.process_time() - started

    nlp = build_nlp()
    started = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    pipeline = time.process_time() - started

    component = nlp.get_pipe("newsclaims_figures")
    runs = []
    for _ in range(args.repeat):
        started = time.process_time()
        for doc in docs:
            component(doc)
        runs.append(time.process_time() - started)
    best = min(runs)
    figures = sum(len(doc._.nc_figures or []) for doc in docs)
    print(f"{len(docs)} articles, {sum(len(d) for d in docs)} tokens, {figures} figures")
    print(f"pipeline {pipeline:.2f} s CPU; figures component best of {args.repeat} "
          f"{best:.3f} s = {best / pipeline:.1%} of the pipeline")
    print(f"one-time unit tables and pattern: {load:.2f} s CPU per process")


if __name__ == "__main__":
    main()
