"""Batch-scale benchmark: throughput against bare spaCy, 2-process speed-up, flat memory.

Every measurement is its own process, timed from start to exit (imports and model
loading included, as a user sees it), with its peak RSS and CPU seconds (its worker
processes included) from ``wait4``:

1. bare    ``nlp.pipe`` of the base model over the texts (the limit newsclaims can reach);
2. local   ``newsclaims extract DIR -o X.duckdb`` on the same texts;
3. 2-proc  the same with ``--n-process 2``; its rows must equal run 2's;
4. small   run 2 on a tenth of the texts: peak RSS of 10x the documents / this <= 1.2.

    python bench/scale.py                                   # PolNeAR train, 840 articles
    python bench/scale.py --limit 200 --json results.json  # a quicker look
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
GOALS = {"pipeline / bare": 0.8, "2-process speed-up": 1.8, "peak RSS 10x / 1x": 1.2}

BARE = """
import sys, spacy
from pathlib import Path
nlp = spacy.load(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=32)))
"""


@dataclass
class Run:
    name: str
    docs: int
    tokens: int
    seconds: float
    peak_rss_mb: float
    cpu_seconds: float

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds


def run_child(argv: list[str]) -> tuple[str, float, float, float]:
    """(stdout, wall seconds, peak RSS in MB, CPU seconds) of one child process, reaped
    with wait4; the CPU seconds include its reaped worker processes."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(argv, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if child.returncode:
            sys.exit(f"failed ({child.returncode}): {' '.join(argv)}\n{err.read()}")
        cpu = usage.ru_utime + usage.ru_stime
        return out.read(), seconds, usage.ru_maxrss / 1024, cpu  # Linux: KiB


def pipeline_run(name: str, texts: Path, out: Path, model: str | None, *extra: str) -> Run:
    argv = [sys.executable, "-m", "pipeline", "extract", str(texts), "-o", str(out), *extra]
    if model:
        argv += ["--model", model]
    _, seconds, rss, cpu = run_child(argv)
    with duckdb.connect(str(out), read_only=True) as conn:
        docs, tokens = conn.sql("SELECT count(*), sum(n_tokens) FROM documents").fetchall()[0]
    return Run(name, docs, int(tokens), seconds, rss, cpu)


def claims(out: Path) -> list[tuple]:
    with duckdb.connect(str(out), read_only=True) as conn:
        return conn.sql("SELECT * EXCLUDE (claim_id) FROM claims ORDER BY ALL").fetchall()


def subset(files: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder of .txt articles (default: PolNeAR train texts)")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--model", default=None, help="base spaCy model (default: newsclaims')")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()

    from pipeline.nlp import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    files = sorted(args.data.glob("*.txt"))[: args.limit]
    if len(files) < 20:
        sys.exit(f"need at least 20 .txt articles under {args.data}, found {len(files)}")
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="nc-bench-") as tmp:
        work = Path(tmp)
        texts = subset(files, work / "all")
        small = subset(files[: len(files) // 10], work / "small")
        stdout, seconds, rss, cpu = run_child([sys.executable, "-c", BARE, model, str(texts)])
        runs = [Run("bare nlp.pipe", len(files), int(stdout), seconds, rss, cpu)]
        runs.append(pipeline_run("newsclaims extract", texts, work / "one.duckdb", args.model))
        runs.append(pipeline_run("--n-process 2", texts, work / "two.duckdb", args.model,
                                 "--n-process", "2"))
        runs.append(pipeline_run("extract, 1/10 docs", small, work / "small.duckdb", args.model))
        identical = claims(work / "one.duckdb") == claims(work / "two.duckdb")
    bare, one, two, tenth = runs
    ratios = {
        "pipeline / bare": one.tokens_per_s / bare.tokens_per_s,
        "2-process speed-up": one.seconds / two.seconds,
        "peak RSS 10x / 1x": one.peak_rss_mb / tenth.peak_rss_mb,
    }
    print(f"{len(files)} articles from {args.data}, model {model}, {os.cpu_count()} CPUs, "
          f"load average before/after {load_before:.2f}/{os.getloadavg()[0]:.2f}\n")
    print(f"{'run':<22}{'docs':>6}{'tokens':>10}{'seconds':>9}{'tokens/s':>10}{'peak MB':>9}"
          f"{'CPU s':>8}")
    for r in runs:
        print(f"{r.name:<22}{r.docs:>6}{r.tokens:>10}{r.seconds:>9.1f}{r.tokens_per_s:>10.0f}"
              f"{r.peak_rss_mb:>9.0f}{r.cpu_seconds:>8.1f}")
    print()
    for name, value in ratios.items():
        goal = GOALS[name]
        ok = value <= goal if name.startswith("peak") else value >= goal
        print(f"{name:<22}{value:>6.2f}  goal {'<=' if name.startswith('peak') else '>='} "
              f"{goal}  {'met' if ok else 'NOT met'}")
    print(f"{'2-process output':<22}{'identical' if identical else 'DIFFERENT'}")
    if args.json:
        args.json.write_text(json.dumps({"runs": [asdict(r) for r in runs], "ratios": ratios,
                                         "identical": identical}, indent=2))


if __name__ == "__main__":
    main()
