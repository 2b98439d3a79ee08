"""Thresholds tuned on SEESAW valid: how sure the classifier must be before a pair
becomes a row, one threshold per kind of statement (statement, event, action).

The valid articles' candidates are judged once; each setting is then scored the way
``newsclaims evaluate stance`` scores (rows -> :func:`score_seesaw`), so the tuned
number is the reported one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc

from pipeline.annotations import Statement
from pipeline.components import quotes as quoting
from pipeline.components.stance import lexicon
from pipeline.components.stance.candidates import Candidate
from pipeline.components.stance.classifier import Judged
from pipeline.components.stance.component import StanceLabeller
from pipeline.components.stance.targets import Resolver
from pipeline.evaluate.metrics import Tally
from pipeline.evaluate.runner import EvalDoc
from pipeline.evaluate.seesaw import SeesawGold, score_seesaw
from pipeline.extractor import empty_tables, to_frames
from pipeline.rows import RowBuilder, sha256

KINDS = ("statement", "event", "action", "pair")
GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)  # below the component's floors nothing changes

Judge = Callable[[Doc, list[Statement], list[Candidate], Resolver], list[Judged]]


@dataclass(frozen=True)
class _Judged:
    item: EvalDoc[SeesawGold]
    doc: Doc
    statements: list[Statement]
    candidates: list[Candidate]
    judged: list[Judged]
    topic: str | None
    resolver: Resolver


def judge_all(docs: list[EvalDoc[SeesawGold]], parses: list[Doc], labeller: StanceLabeller,
              judge: Judge) -> list[_Judged]:
    out = []
    for item, doc in zip(docs, parses, strict=True):
        text = doc.text
        topic = lexicon.topic(text, quoting.quotes(text), doc)
        resolver = Resolver(doc, doc._.nc_entities or [], topic)
        statements, candidates = labeller.finder.find(doc, resolver, doc._.nc_statements or [])
        out.append(_Judged(item, doc, statements, candidates,
                           judge(doc, statements, candidates, resolver), topic, resolver))
    return out


def stance_frames(doc: Doc, doc_id: str) -> dict[str, pd.DataFrame]:
    """The tables of a labelled Doc with its stance rows only, as the extractor writes
    them: what the SEESAW scorer reads."""
    builder = RowBuilder(doc, list(doc.sents), doc_id, sha256(doc.text), 0, 0)
    tables = empty_tables()
    tables["claims"] = builder.statements()
    return to_frames(tables)


def score(judged: list[_Judged], labeller: StanceLabeller) -> dict[str, float]:
    """SEESAW F1 of ``labeller``'s thresholds over pre-judged articles."""
    tally = Tally()
    for j in judged:
        doc = j.doc
        doc._.nc_statements = labeller.assemble(doc, j.statements, j.candidates, j.judged,
                                                j.topic, j.resolver)
        tally.merge(score_seesaw(j.item, stance_frames(doc, j.item.doc_id)))
    return {s.metric: s.f1 for s in tally.scores()}


def tune(judged: list[_Judged], labeller: StanceLabeller) -> tuple[dict[str, float], float]:
    """Per-kind thresholds maximising triple F1, one kind at a time, twice over."""
    thresholds = dict.fromkeys(KINDS, 0.5)
    best = -1.0
    for _ in range(2):
        for kind in KINDS:
            for value in GRID:
                labeller.thresholds = {**thresholds, kind: value}
                f1 = score(judged, labeller)["triple"]
                if f1 > best:
                    best, thresholds = f1, dict(labeller.thresholds)
    labeller.thresholds = thresholds
    return thresholds, best
