"""A tiny PolNeAR-shaped split, built in tmp: training on it takes seconds. The
``polnear_tiny`` fixture in ``tests/conftest.py`` writes it."""

from __future__ import annotations

import itertools
from pathlib import Path

SPEAKERS = ["Smith", "Jones", "The minister", "Officials", "Aides"]
CUES = ["said", "argued", "warned", "claimed"]
CLAIMS = ["taxes will rise", "the plan failed", "rates fall soon", "the vote was rigged",
          "growth will slow", "the deal is dead"]
FILLER = ["The weather was mild.", "Markets opened late.", "Traffic was heavy downtown."]


def article(k: int) -> tuple[str, list[tuple[str, str, str]]]:
    """Text and its (source, cue, content) strings, in text order."""
    sentences, gold = [], []
    for i in range(4):
        source = SPEAKERS[(k + i) % len(SPEAKERS)]
        cue = CUES[(k * 3 + i) % len(CUES)]
        content = f"that {CLAIMS[(k + 2 * i) % len(CLAIMS)]}"
        sentences.append(f"{source} {cue} {content}.")
        sentences.append(FILLER[(k + i) % len(FILLER)])
        gold.append((source, cue, content))
    return " ".join(sentences) + "\n", gold


def brat(text: str, gold: list[tuple[str, str, str]]) -> str:
    lines, ids, at = [], itertools.count(1), 0
    for n, triple in enumerate(gold, start=1):
        tids = []
        for role, words in zip(("Source", "Cue", "Content"), triple, strict=True):
            start = text.index(words, at)
            at = start if role != "Content" else start + len(words)
            tid = f"T{next(ids)}"
            tids.append(tid)
            lines.append(f"{tid}\t{role} {start} {start + len(words)}\t{words}")
        lines.append(f"E{n}\tSource:{tids[0]} Cue:{tids[1]} Content:{tids[2]}")
    return "\n".join(lines) + "\n"


def write_split(root: Path, articles: range) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for k in articles:
        text, gold = article(k)
        (root / "text" / f"art{k}.txt").write_text(text, encoding="utf-8")
        (root / "attributions" / f"art{k}_4e07.ann").write_text(brat(text, gold),
                                                                  encoding="utf-8")
    return root
