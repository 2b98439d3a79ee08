"""The stance classifiers at run time: (holder, target) candidates -> P(none, support, oppose).

Both score the named features of :mod:`features` and are plain JSON files read without the
training libraries: :class:`BoostedStance` (the default, ``models/stance-boosted``)
gradient-boosted trees evaluated with numpy, all of a document's pairs at once;
:class:`LinearStance` (``models/stance-linear``) a multinomial logistic regression in plain
Python, microseconds a pair. A model folder's settings (its kind, the thresholds tuned on
SEESAW valid) are in its ``newsclaims.json``; the model loads lazily, in the process that
labels.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from pipeline.annotations import Statement
from pipeline.components.stance import features as feats
from pipeline.components.stance.candidates import Candidate
from pipeline.components.stance.targets import Resolver
from pipeline.errors import ModelNotFound

LABELS = ("none", "support", "oppose")
META = "newsclaims.json"


def read_meta(folder: str | Path) -> dict[str, Any]:
    path = Path(folder) / META
    if not path.is_file():
        raise ModelNotFound(f"no stance model at {str(folder)!r} (a folder with {META}, as "
                            "`newsclaims train stance` writes it)")
    return json.loads(path.read_text(encoding="utf-8"))


def fingerprint(folder: str | Path) -> str:
    """Hash of the files that shape the labels (weights, tokenizer, settings), not the card."""
    digest = hashlib.sha256()
    for file in sorted(Path(folder).iterdir()):
        if file.is_file() and file.name != "README.md":
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Judged:
    """One candidate's probabilities over :data:`LABELS`."""

    none: float
    support: float
    oppose: float

    @property
    def polar(self) -> float:
        return 1.0 - self.none

    @property
    def label(self) -> str:
        """The likelier of support and oppose."""
        return "support" if self.support >= self.oppose else "oppose"


class LinearStance:
    """Multinomial logistic regression over named features (``model.json``)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.meta = read_meta(folder)

    @cached_property
    def _weights(self) -> tuple[dict[str, tuple[float, ...]], tuple[float, ...]]:
        """Feature -> weights and the intercepts, in :data:`LABELS` order (plain floats:
        a pair has few features, and numpy's per-call cost would dominate)."""
        data = json.loads((self.folder / "model.json").read_text(encoding="utf-8"))
        order = [data["classes"].index(label) for label in LABELS]
        weights = {name: tuple(float(w[i]) for i in order)
                   for name, w in data["weights"].items()}
        return weights, tuple(float(data["intercept"][i]) for i in order)

    def predict(self, doc: Doc, statements: list[Statement], candidates: list[Candidate],
                resolver: Resolver, cue_stances: list[str | None]) -> list[Judged]:
        return self.score(_features(doc, statements, candidates, resolver, cue_stances))

    def score(self, rows: list[dict[str, float]]) -> list[Judged]:
        """Each pair's probabilities from its named features."""
        weights, intercept = self._weights
        judged = []
        for named in rows:
            none, support, oppose = intercept
            for name, value in named.items():
                w = weights.get(name)
                if w is not None:
                    none += value * w[0]
                    support += value * w[1]
                    oppose += value * w[2]
            judged.append(_softmax((none, support, oppose)))
        return judged

    def polar(self, features: dict[str, float]) -> float:
        """P(support or oppose) of one pair's features."""
        return self.score([features])[0].polar


@dataclass(frozen=True)
class _Forest:
    """All trees' nodes in flat arrays (tree k's nodes from ``k * width``), a leaf pointing
    to itself, so every pair can take ``depth`` steps down every tree."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    classes: np.ndarray  # tree x label: 1.0 where the tree scores that label
    columns: dict[str, int]
    depth: int


def _depth(tree: dict[str, list]) -> int:
    deepest, stack = 0, [(0, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if tree["left"][node] != node:
            stack += [(tree["left"][node], depth + 1), (tree["right"][node], depth + 1)]
    return deepest


class BoostedStance:
    """Gradient-boosted trees over named features (``model.json``), evaluated with numpy."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.meta = read_meta(folder)

    @cached_property
    def _forest(self) -> _Forest:
        data = json.loads((self.folder / "model.json").read_text(encoding="utf-8"))
        trees = data["trees"]
        width = max((len(t["feature"]) for t in trees), default=1)
        roots = np.arange(len(trees), dtype=np.int64) * width
        own = np.arange(len(trees) * width, dtype=np.int64)

        def flat(key: str, fill: float, dtype: type) -> np.ndarray:
            out = np.full((len(trees), width), fill, dtype=dtype)
            for k, tree in enumerate(trees):
                out[k, : len(tree[key])] = tree[key]
            return out.ravel()

        left, right = flat("left", -1, np.int64), flat("right", -1, np.int64)
        base = np.repeat(roots, width)  # child indices are within their tree
        order = [data["classes"].index(label) for label in LABELS]
        classes = np.zeros((len(trees), len(LABELS)))
        for k in range(len(trees)):
            classes[k, order.index(k % data["per_round"])] = 1.0
        return _Forest(
            feature=flat("feature", 0, np.int64), threshold=flat("threshold", np.inf, float),
            left=np.where(left < 0, own, left + base), right=np.where(right < 0, own, right + base),
            value=flat("value", 0.0, float), roots=roots, classes=classes,
            columns={name: j for j, name in enumerate(data["features"])},
            depth=max((_depth(t) for t in trees), default=0))

    def predict(self, doc: Doc, statements: list[Statement], candidates: list[Candidate],
                resolver: Resolver, cue_stances: list[str | None]) -> list[Judged]:
        return self.score(_features(doc, statements, candidates, resolver, cue_stances))

    def score(self, rows: list[dict[str, float]]) -> list[Judged]:
        """Each pair's probabilities: every pair walks every tree at once, one level a
        step."""
        forest = self._forest
        if not rows:
            return []
        width = max(len(forest.columns), 1)
        x = np.zeros(len(rows) * width)
        for i, named in enumerate(rows):
            for name, value in named.items():
                j = forest.columns.get(name)
                if j is not None:
                    x[i * width + j] = value
        offsets = (np.arange(len(rows)) * width)[:, None]
        node = np.tile(forest.roots, (len(rows), 1))
        for _ in range(forest.depth):
            left = x[offsets + forest.feature[node]] <= forest.threshold[node]
            node = np.where(left, forest.left[node], forest.right[node])
        raw = forest.value[node] @ forest.classes
        return [_softmax(r) for r in raw.tolist()]


Classifier = LinearStance | BoostedStance
KINDS: dict[str, Callable[[Path], Classifier]] = {"linear": LinearStance,
                                                 "boosted": BoostedStance}


def _features(doc: Doc, statements: list[Statement], candidates: list[Candidate],
              resolver: Resolver, cue_stances: list[str | None]) -> list[dict[str, float]]:
    featurizer = feats.Featurizer(doc, resolver)
    return [featurizer(statements[c.statement], c, cue_stances[c.statement])
            for c in candidates]


def _softmax(scores: Sequence[float]) -> Judged:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return Judged(*(e / total for e in exps))


def load(folder: str | Path) -> Classifier:
    """The classifier a model folder holds (its ``newsclaims.json`` names the kind)."""
    return KINDS[read_meta(folder).get("kind", "linear")](Path(folder))
