"""The stance classifiers at run time: (holder, target) candidates -> P(none, support, oppose).

- :class:`LinearStance` (the default): a multinomial logistic regression over
  :mod:`features`, its weights a JSON file (``models/stance-linear/model.json``);
  plain Python at run time, microseconds a pair.
- :class:`EncoderStance` (the ``accurate`` preset): a MiniLM cross-encoder over the
  sentence with holder and target marked, exported to ONNX (int8) and run with
  onnxruntime + tokenizers, no torch; about a millisecond a pair.

Both read their settings (the thresholds tuned on SEESAW valid) from the model folder's
``newsclaims.json`` and load lazily, in the process that labels.
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

import numpy as np
from spacy.tokens import Doc

from pipeline.annotations import Statement
from pipeline.components.stance import features as feats
from pipeline.components.stance.candidates import Candidate
from pipeline.components.stance.encoding import pair_text
from pipeline.components.stance.targets import Resolver
from pipeline.errors import MissingExtra, ModelNotFound

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
        """P(support or oppose) of one pair's features (what the encoder's first stage
        keeps)."""
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


class EncoderStance:
    """The ONNX cross-encoder (``model.onnx`` + ``tokenizer.json``), behind a first stage:
    the linear model it names judges every pair, and only pairs it finds possibly polar
    (``prefilter`` threshold) are read by the encoder; the rest stay ``none``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.meta = read_meta(folder)
        first = self.meta["prefilter"]
        self.first = LinearStance(Path(folder).parent / first["model"])
        self.prefilter = float(first["threshold"])

    @cached_property
    def _session(self) -> tuple[Any, Any]:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise MissingExtra("the stance encoder needs onnxruntime and tokenizers: "
                               "pip install onnxruntime tokenizers") from exc
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one worker, one core: scale out with processes
        options.inter_op_num_threads = 1
        session = ort.InferenceSession(str(self.folder / "model.onnx"), options,
                                       providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
        tokenizer.enable_truncation(self.meta["max_length"])
        return session, tokenizer

    def predict(self, doc: Doc, statements: list[Statement], candidates: list[Candidate],
                resolver: Resolver, cue_stances: list[str | None]) -> list[Judged]:

        if not candidates:
            return []
        first = self.first.predict(doc, statements, candidates, resolver, cue_stances)
        read = [i for i, j in enumerate(first) if j.polar >= self.prefilter]
        judged = [Judged(1.0, 0.0, 0.0) for _ in candidates]
        for i, j in zip(read, self._encode(doc, statements, [candidates[i] for i in read],
                                           resolver), strict=True):
            judged[i] = j
        return judged

    def _encode(self, doc: Doc, statements: list[Statement], candidates: list[Candidate],
                resolver: Resolver) -> list[Judged]:
        if not candidates:
            return []
        session, tokenizer = self._session
        texts = [pair_text(doc, statements[c.statement], c, resolver) for c in candidates]
        order = [self.meta["labels"].index(label) for label in LABELS]
        judged: list[Judged] = []
        batch = self.meta.get("batch_size", 16)
        for start in range(0, len(texts), batch):
            chunk = texts[start : start + batch]
            encoded = tokenizer.encode_batch([(a, b) for a, b in chunk])
            width = max(len(e.ids) for e in encoded)
            ids = np.zeros((len(encoded), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            types = np.zeros_like(ids)
            for row, e in enumerate(encoded):
                ids[row, : len(e.ids)] = e.ids
                mask[row, : len(e.ids)] = 1
                types[row, : len(e.ids)] = e.type_ids
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            names = {i.name for i in session.get_inputs()}
            (logits,) = session.run(None, {k: v for k, v in feed.items() if k in names})
            judged.extend(_softmax([float(row[i]) for i in order]) for row in logits)
        return judged


def load(folder: str | Path) -> LinearStance | EncoderStance:
    """The classifier a model folder holds (its ``newsclaims.json`` says which)."""
    meta = read_meta(folder)
    if meta.get("kind") == "encoder":
        return EncoderStance(folder)
    return LinearStance(folder)
