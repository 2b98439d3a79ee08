"""Counting and matching primitives shared by every evaluation.

Scores are micro-averaged: each evaluation adds true/false positives and false
negatives per metric across documents, and precision/recall/F1 are computed once
at the end, so long documents weigh more than short ones (the usual convention of
span-extraction benchmarks such as PolNeAR).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one metric, with the counts they came from."""

    metric: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


def prf(metric: str, tp: int, fp: int, fn: int) -> Score:
    """Build a Score; an empty denominator gives 0.0 rather than a ZeroDivisionError."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(metric, tp, fp, fn, precision, recall, f1)


class Tally:
    """Per-metric tp/fp/fn counters, kept in the order metrics were first added."""

    def __init__(self) -> None:
        self._counts: dict[str, list[int]] = {}
        # plain counts that are not P/R/F1 (e.g. predictions ignored); shown as notes
        self.counters: dict[str, int] = {}

    def count(self, what: str, n: int = 1) -> None:
        if n:
            self.counters[what] = self.counters.get(what, 0) + n

    def add(self, metric: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        counts = self._counts.setdefault(metric, [0, 0, 0])
        counts[0] += tp
        counts[1] += fp
        counts[2] += fn

    def add_matches(self, metric: str, n_matched: int, n_pred: int, n_gold: int) -> None:
        """Record a one-to-one matching: unmatched predictions are FP, unmatched gold FN."""
        self.add(metric, n_matched, n_pred - n_matched, n_gold - n_matched)

    def merge(self, other: Tally) -> None:
        for metric, (tp, fp, fn) in other._counts.items():
            self.add(metric, tp, fp, fn)
        for what, n in other.counters.items():
            self.count(what, n)

    def scores(self) -> list[Score]:
        return [prf(metric, *counts) for metric, counts in self._counts.items()]


def greedy_match(
    gold: Sequence[G],
    pred: Sequence[P],
    weight: Callable[[G, P], float | None],
) -> list[tuple[int, int]]:
    """One-to-one matching: best-weighted pairs first, each item used at most once.

    ``weight`` returns None for pairs that may not match at all. Greedy is not
    optimal in theory, but with overlap-based weights it is the standard choice
    (and deterministic: ties break by gold then prediction index).
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            w = weight(g, p)
            if w is not None:
                candidates.append((-w, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


# Function words that carry no concept; kept small on purpose, because generic stop
# lists (spaCy's) also drop content words such as "first", "amount" or "call".
STOPWORDS = frozenset({
    "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "with", "from", "and", "or",
    "as", "is", "are", "was", "were", "be", "been", "its", "it", "their", "his", "her", "this",
    "that", "these", "those", "than", "per", "into", "about", "over", "under",
})
_TOKEN = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s\b")


def normalise(text: str | None) -> str:
    """Casefold and collapse whitespace, for lenient string equality."""
    return " ".join((text or "").casefold().split())


def content_tokens(text: str | None) -> set[str]:
    """Lower-cased word tokens without stopwords or a possessive 's."""
    plain = _POSSESSIVE.sub("", normalise(text))
    return {w for w in _TOKEN.findall(plain) if w not in STOPWORDS}


def token_f1(a: str | None, b: str | None) -> float:
    """Token-set F1 of two phrases; 1.0 when they are equal after normalising."""
    if normalise(a) == normalise(b):
        return 1.0
    ta, tb = content_tokens(a), content_tokens(b)
    common = len(ta & tb)
    if not common:
        return 0.0
    return 2 * common / (len(ta) + len(tb))


def phrases_match(gold: str | None, pred: str | None, threshold: float = 0.5) -> bool:
    """Lenient phrase match (targets, concepts, names): both empty, or token F1 >= threshold."""
    if not normalise(gold) and not normalise(pred):
        return True
    if not normalise(gold) or not normalise(pred):
        return False
    return token_f1(gold, pred) >= threshold


def values_equal(gold: float | None, pred: float | None, rel_tol: float = 1e-6) -> bool:
    """Figure values agree within a relative tolerance (both missing also agrees)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return math.isclose(gold, pred, rel_tol=rel_tol, abs_tol=1e-12)
