"""A learned label for a statement's main row: support, oppose or neutral toward its target.

The lexicon (:func:`lexicon.label`) leaves much evaluative content neutral ("so poorly
drafted", "Critics are concerned"): its word lists cannot hold every way of judging. This
model reads the same cue and content as words (lemmas, those a negator governs marked)
beside the lexicon's own verdicts and VADER's valences, so it can learn wording the lists
miss. A multinomial logistic regression fit on SEESAW train statements
(:mod:`pipeline.stance_model.statements`), stored as JSON and scored in plain Python.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spacy.tokens import Span, Token

from pipeline.components.stance import lexicon
from pipeline.components.stance.targets import Target

LABELS = ("neutral", "support", "oppose")
_SCOPE = 3  # words after a negator that it turns ("did not like", "no longer backs")


@dataclass(frozen=True)
class MainParts:
    """A statement's main row before its label: cue, content, the cue's own stance and
    the main target with the token that heads it (none for the article's topic)."""

    cue: Span
    content: Span
    cue_stance: str | None
    target: Target | None
    head: Token | None


@dataclass(frozen=True)
class Verdict:
    """The model's probabilities over :data:`LABELS`."""

    neutral: float
    support: float
    oppose: float

    @property
    def label(self) -> str:
        return max(LABELS, key=lambda name: getattr(self, name))

    @property
    def confidence(self) -> float:
        return getattr(self, self.label)


def _words(content: Span) -> list[str]:
    """The content's lemmas, ``not_`` before those in a negator's scope."""
    negators = lexicon.negators()
    words, scope = [], 0
    for token in content:
        if token.is_punct or token.like_num or not token.text.strip():
            scope = 0 if token.is_punct else scope
            continue
        lemma = token.lemma_.lower()
        if token.lower_ in negators or token.dep_ == "neg":
            words.append(lemma)
            scope = _SCOPE
            continue
        words.append(f"not_{lemma}" if scope else lemma)
        scope = max(0, scope - 1)
    return words


def features(parts: MainParts, lexical: str) -> dict[str, float]:
    """Named features of one statement: the lexicon's verdicts (``lexical``, the main
    row's, and over the whole content), the cue, VADER's valences and the content's
    words."""
    cue, content = parts.cue, parts.content
    whole, _ = lexicon.label(cue, content, parts.cue_stance)
    named = {f"lex={lexical}": 1.0, f"lexall={whole}": 1.0,
             f"cue={cue.root.lemma_.lower()}": 1.0, f"cuestance={parts.cue_stance}": 1.0}
    if lexicon.cue_turned(cue):
        named["cue_turned"] = 1.0
    words = _words(content)
    positive = negative = 0.0
    for word in words:
        value = lexicon.valence(word.removeprefix("not_"))
        value = -value if word.startswith("not_") else value
        positive += max(value, 0.0)
        negative += max(-value, 0.0)
    named["vader+"] = math.log1p(positive)
    named["vader-"] = math.log1p(negative)
    for word in words:
        named[f"w={word}"] = 1.0
    return named


def combined(lexical: str, verdict: Verdict, floor: float) -> str:
    """The lexicon's label unless it is neutral and the model is at least ``floor`` sure of
    a stance (the model never turns a polar label round: it misreads "would not back")."""
    if lexical == "neutral" and verdict.label != "neutral" and verdict.confidence >= floor:
        return verdict.label
    return lexical


class StatementLabel:
    """Logistic regression over named features (``model.json`` in a model folder)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    @cached_property
    def _weights(self) -> tuple[dict[str, tuple[float, ...]], tuple[float, ...]]:
        data = json.loads((self.folder / "model.json").read_text(encoding="utf-8"))
        order = [data["classes"].index(label) for label in LABELS]
        weights = {name: tuple(float(w[i]) for i in order)
                   for name, w in data["weights"].items()}
        return weights, tuple(float(data["intercept"][i]) for i in order)

    def verdict(self, named: dict[str, float]) -> Verdict:
        weights, intercept = self._weights
        scores = list(intercept)
        for name, value in named.items():
            w = weights.get(name)
            if w is not None:
                for k in range(len(LABELS)):
                    scores[k] += value * w[k]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return Verdict(*(e / total for e in exps))
