"""The stance classifier at run time: (holder, target) candidates -> P(none, support, oppose).

:class:`LinearStance`: a multinomial logistic regression over :mod:`features`, its weights a
JSON file (``models/stance-linear/model.json``); plain Python at run time, microseconds a
pair. Its settings (the thresholds tuned on SEESAW valid) are in the model folder's
``newsclaims.json``; the weights load lazily, in the process that labels.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

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
        weights, intercept = self._weights
        featurizer = feats.Featurizer(doc, resolver)
        judged = []
        for candidate in candidates:
            statement = statements[candidate.statement]
            named = featurizer(statement, candidate, cue_stances[candidate.statement])
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
        weights, intercept = self._weights
        scores = list(intercept)
        for name, value in features.items():
            w = weights.get(name)
            if w is not None:
                for k in range(3):
                    scores[k] += value * w[k]
        return _softmax(scores).polar


def _softmax(scores: Sequence[float]) -> Judged:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return Judged(*(e / total for e in exps))


def load(folder: str | Path) -> LinearStance:
    """The classifier a model folder holds."""
    return LinearStance(folder)
