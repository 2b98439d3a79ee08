"""A cue lexicon learned from annotated articles, read by the cue CRF as features.

The hand lexicon (``models/cues.json``) knows 134 verbs; PolNeAR's annotators mark cues
far beyond it ("decried", "touted", "rail against", "call on", "has vowed"). Counting
the gold cues of the training split gives, for each lemma, how often a token with it is
part of a cue, and, for each token hanging on a head, how often it is part of a cue
given the head's lemma and how it hangs on it (the "for" of "call for", the "has" of
"has vowed"). Those shares generalise where the CRF's own word features are sparse: a
lemma seen five times gets a share, not five unrelated weights.

At training time the shares a token's features read are learned from the other folds of
the training split (:func:`cross_fitted`), so the CRF does not learn to trust shares that
count the very cue it is tagging; the model ships the lexicon learned from the whole
split as ``cue_lexicon.json``.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.components.attribution import features
from pipeline.components.attribution.features import DocView, Tokens

FILE = "cue_lexicon.json"

_STEPS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.75, 0.9)
"""Shares are features by the step they reach (a CRF weighs labels, not numbers)."""


def step(share: float) -> int:
    """The number of ``_STEPS`` a share reaches: 0 below 2%, 9 at 90% and above (a
    bisection: this runs for every token of every sentence with a cue candidate)."""
    return bisect_right(_STEPS, share)


@dataclass(frozen=True)
class CueLexicon:
    """``lemmas``: lemma -> share of its tokens inside a gold cue; ``links``:
    "head lemma|dep|lemma" -> share of such tokens inside a gold cue. Only keys seen at
    least ``min_count`` times in the training split, with at least one cue, are kept."""

    lemmas: dict[str, float]
    links: dict[str, float]
    min_count: int = 3

    def features(self, view: DocView, sent: Tokens) -> list[list[str]]:
        """Per token of ``sent``: the step of its lemma's share, of its head's, of its own
        link to its head, and the lemma step joined with its part of speech."""
        lemma, dep, head, pos = view.lemma, view.dep, view.head, view.pos
        out = []
        for i in range(*sent):
            found = []
            if (share := self.lemmas.get(lemma[i])) is not None:
                k = step(share)
                found += [f"cl={k}", f"cl={k}|{pos[i]}"]
            h = head[i]
            if h != i:
                if (share := self.lemmas.get(lemma[h])) is not None:
                    found.append(f"chl={step(share)}|{dep[i]}")
                if (share := self.links.get(f"{lemma[h]}|{dep[i]}|{lemma[i]}")) is not None:
                    found.append(f"cll={step(share)}")
            out.append(found)
        return out

    def to_json(self) -> dict[str, object]:
        return {"min_count": self.min_count,
                "lemmas": dict(sorted(self.lemmas.items())),
                "links": dict(sorted(self.links.items()))}

    def save(self, folder: str | Path) -> Path:
        path = Path(folder) / FILE
        path.write_text(json.dumps(self.to_json(), indent=0, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        return path


def cue_features(view: DocView, sent: Tokens, lexicon: CueLexicon | None
                 ) -> list[list[str]]:
    """The cue CRF's features of one sentence: :func:`features.cue_features`, and the
    lexicon's where the model has one."""
    xseq = features.cue_features(view, sent)
    if lexicon is not None:
        for own, learned in zip(xseq, lexicon.features(view, sent), strict=True):
            own.extend(learned)
    return xseq


def load(folder: str | Path) -> CueLexicon | None:
    """The lexicon a model folder holds; None for a model trained without one."""
    path = Path(folder) / FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return CueLexicon(data["lemmas"], data["links"], data["min_count"])


def learn(annotated: Iterable[tuple[DocView, Sequence[Tokens]]], min_count: int = 3
          ) -> CueLexicon:
    """The shares, from views and their gold cue token ranges."""
    lemma_all: Counter[str] = Counter()
    lemma_cue: Counter[str] = Counter()
    link_all: Counter[str] = Counter()
    link_cue: Counter[str] = Counter()
    for view, cues in annotated:
        inside = {i for start, end in cues for i in range(start, end)}
        lemma, dep, head = view.lemma, view.dep, view.head
        for i, word in enumerate(lemma):
            lemma_all[word] += 1
            h = head[i]
            link = f"{lemma[h]}|{dep[i]}|{word}" if h != i else None
            if link is not None:
                link_all[link] += 1
            if i in inside:
                lemma_cue[word] += 1
                if link is not None:
                    link_cue[link] += 1

    def shares(seen: Counter[str], cued: Counter[str]) -> dict[str, float]:
        return {key: round(n / seen[key], 4) for key, n in cued.items()
                if seen[key] >= min_count}

    return CueLexicon(shares(lemma_all, lemma_cue), shares(link_all, link_cue), min_count)


def cross_fitted(annotated: Sequence[tuple[DocView, Sequence[Tokens]]], folds: int,
                 min_count: int = 3) -> list[CueLexicon]:
    """Per article, the lexicon learned from the articles outside its fold (article k is
    in fold k mod ``folds``); one fold, or fewer articles than folds, gives every article
    the lexicon of all of them."""
    if folds <= 1 or len(annotated) < folds:
        whole = learn(annotated, min_count)
        return [whole] * len(annotated)
    by_fold = [learn([a for k, a in enumerate(annotated) if k % folds != f], min_count)
               for f in range(folds)]
    return [by_fold[k % folds] for k in range(len(annotated))]
