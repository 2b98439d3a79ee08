"""Entity canonicalisation: does each mention of a gold cluster get its canonical name?

Gold mentions are the occurrences, in the article text, of each cluster's aliases
(and its canonical name) as whole words; where aliases overlap ("Shigeru Ishiba"
and "Ishiba") the longest wins. A predicted mention (entities row) takes part when
its text, less a possessive 's, is one of those aliases; it is matched one-to-one
to an overlapping gold occurrence. Metrics:
- ``mention``: the mention was found at all;
- ``canonical``: and its ``canonical`` equals the gold one (case-insensitive);
- ``canonical+label``: and its spaCy ``label`` equals the gold label too.
Predicted entities that are no gold alias are not scored (the gold lists only the
clusters that matter for the claims).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.evaluate.gold import CorpusGold, GoldEntity, load_corpus
from pipeline.evaluate.metrics import Tally, greedy_match, normalise
from pipeline.evaluate.report import Report
from pipeline.evaluate.runner import EvalDoc, ExtractFn, as_str, rows, run_docs, span_of
from pipeline.evaluate.spans import Span, any_overlap_weight

_POSSESSIVE = re.compile(r"\s*['’]s?$")


@dataclass(frozen=True)
class Occurrence:
    span: Span
    entities: tuple[GoldEntity, ...]  # several when clusters share an alias


@dataclass(frozen=True)
class PredMention:
    span: Span | None
    canonical: str | None
    label: str | None


def strip_possessive(text: str) -> str:
    """ "Ishiba's" -> "Ishiba"; "voters'" -> "voters"."""
    return _POSSESSIVE.sub("", text.strip())


def _alias_index(entities: tuple[GoldEntity, ...]) -> dict[str, tuple[GoldEntity, ...]]:
    """normalised alias -> clusters that list it (the canonical name is an alias too)."""
    index: dict[str, list[GoldEntity]] = {}
    for entity in entities:
        for alias in {entity.canonical, *entity.aliases}:
            if normalise(alias):
                index.setdefault(normalise(alias), []).append(entity)
    return {alias: tuple(dict.fromkeys(ents)) for alias, ents in index.items()}


def find_occurrences(text: str, entities: tuple[GoldEntity, ...]) -> list[Occurrence]:
    """Whole-word alias occurrences, longest first, never overlapping each other."""
    index = _alias_index(entities)
    found = []
    for alias, ents in index.items():
        words = [re.escape(w) for w in alias.split()]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
        found.extend((m.start(), m.end(), ents) for m in pattern.finditer(text))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[Occurrence] = []
    for start, end, ents in found:
        if all(end <= o.span.start or o.span.end <= start for o in taken):
            taken.append(Occurrence(Span(start, end), ents))
    return sorted(taken, key=lambda o: o.span)


MentionCheck = Callable[[Occurrence, PredMention], bool]
ENTITY_METRICS: dict[str, MentionCheck] = {
    "mention": lambda o, p: True,
    "canonical": lambda o, p: any(normalise(e.canonical) == normalise(p.canonical)
                                  for e in o.entities),
    "canonical+label": lambda o, p: any(
        normalise(e.canonical) == normalise(p.canonical)
        and (e.label is None or normalise(e.label) == normalise(p.label))
        for e in o.entities
    ),
}


def score_entities(doc: EvalDoc[CorpusGold], tables: dict[str, pd.DataFrame]) -> Tally:
    index = _alias_index(doc.gold.entities)
    gold = find_occurrences(doc.text, doc.gold.entities)
    pred = [
        PredMention(span_of(r, "char"), as_str(r.get("canonical")), as_str(r.get("label")))
        for r in rows(tables, "entities")
        if normalise(strip_possessive(str(r.get("text") or ""))) in index
    ]
    tally = Tally()
    for name, check in ENTITY_METRICS.items():
        pairs = greedy_match(
            gold, pred, lambda o, p, check=check: any_overlap_weight(o.span, p.span)
            if check(o, p) else None
        )
        tally.add_matches(name, len(pairs), len(pred), len(gold))
    return tally


def evaluate_entities(extract_fn: ExtractFn, *, corpus_dir: str | Path) -> Report:
    """Canonical-name accuracy of entity mentions on the gold corpus, as P/R/F1."""
    gold = load_corpus(corpus_dir)
    return run_docs("entities", f"corpus:{Path(corpus_dir).name}", gold.docs, extract_fn,
                    score_entities, gold.notes)
