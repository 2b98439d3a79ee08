"""CPU seconds of each pipe of the default pipeline, on the extraction step itself.

    python bench/component_cpu.py ../shared/data/polnear/train/text --limit 80 --repeat 3

Reads the documents, loads the pipeline, then runs ``Extractor.run_all`` over them
``--repeat`` times (the first run pays the one-time loads: lemma tables, unit lexicon)
and prints, per pipe, the least CPU time (``time.process_time``) any run gave it, the
tokenizer and the row building counted apart, and the best whole run. CPU time of this
process, so the other processes of a shared machine count far less than in wall time;
compare two trees by running the script with each on ``PYTHONPATH``, one after the other.
A pipe's time is its own: what it spends pulling Docs from the pipes before it is theirs.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from pipeline.extractor import Extractor
from pipeline.readers import iter_documents


class Clock:
    """Charges CPU time to whatever is on top of a stack of names."""

    def __init__(self) -> None:
        self.stack = ["rows and the rest"]
        self.spent: dict[str, float] = defaultdict(float)
        self.last = time.process_time()

    def enter(self, name: str) -> None:
        self._charge()
        self.stack.append(name)

    def leave(self) -> None:
        self._charge()
        self.stack.pop()

    def _charge(self) -> None:
        now = time.process_time()
        self.spent[self.stack[-1]] += now - self.last
        self.last = now


class Timed:
    """A pipe whose calls and yielded Docs are charged to its name."""

    def __init__(self, clock: Clock, name: str, pipe: Any) -> None:
        self.clock, self.name, self.pipe_ = clock, name, pipe

    def __call__(self, doc: Doc) -> Doc:
        self.clock.enter(self.name)
        try:
            return self.pipe_(doc)
        finally:
            self.clock.leave()

    def pipe(self, docs: Iterable[Doc], **kwargs: Any) -> Iterator[Doc]:
        inner = self.pipe_.pipe(docs, **kwargs) if hasattr(self.pipe_, "pipe") else \
            map(self.pipe_, docs)
        while True:
            self.clock.enter(self.name)
            try:
                doc = next(inner)
            except StopIteration:
                return
            finally:
                self.clock.leave()
            yield doc


def timed(clock: Clock, name: str, call: Callable[..., Doc]) -> Callable[..., Doc]:
    def run(*args: Any) -> Doc:
        clock.enter(name)
        try:
            return call(*args)
        finally:
            clock.leave()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="what `newsclaims extract` takes")
    parser.add_argument("--limit", type=int, default=None, help="the first N documents")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    extractor = Extractor()
    nlp = extractor.nlp
    extractor.fingerprint  # noqa: B018 - loaded before the clock runs
    documents = list(islice(iter_documents(args.inputs), args.limit))
    names = [name for name, _ in nlp.pipeline]
    runs = []
    for _ in range(args.repeat):
        clock = Clock()
        nlp._components = [(n, Timed(clock, n, p)) for n, p in nlp._components]
        extractor._make_doc = timed(clock, "tokenizer", Extractor._make_doc.__get__(extractor))
        started = time.process_time()
        extractor.run_all(documents)
        clock.leave()  # the rest, up to now
        runs.append((time.process_time() - started, clock.spent))
        nlp._components = [(n, p.pipe_) for n, p in nlp._components]
    tokens = sum(len(d.text.split()) for d in documents)
    print(f"{len(documents)} documents (~{tokens} words), best of {args.repeat} runs, "
          "CPU seconds")
    for name in ["tokenizer", *names, "rows and the rest"]:
        print(f"{name:<26}{min(spent.get(name, 0.0) for _, spent in runs):8.2f}")
    print(f"{'whole run':<26}{min(total for total, _ in runs):8.2f}")


if __name__ == "__main__":
    main()
