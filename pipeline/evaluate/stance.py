"""Stance statements (source, cue, target, label) against the gold corpus.

Rows are grouped by statement (subject, cue and content spans): a statement with stances
toward several targets gives several rows, and counts as one prediction, matched by its
best row. A stance row matches a gold statement when
- its source agrees: ``subject`` equals the gold ``source`` (case-insensitive), or
  the ``subject_start/end`` span overlaps the gold source mention (a pronoun
  resolved to the wrong canonical still finds its statement); and
- its position agrees: its content or predicate span overlaps the gold content or
  cue span.
Metrics add conditions to that match: ``+target`` (normalised equality or token
F1 >= 0.5), ``+label`` (same stance), and ``source-target-label`` (both).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.evaluate.gold import CorpusGold, GoldStance, load_corpus
from pipeline.evaluate.metrics import Tally, greedy_match, normalise, phrases_match
from pipeline.evaluate.predictions import PredStance, pred_stances
from pipeline.evaluate.report import Report
from pipeline.evaluate.runner import EvalDoc, ExtractFn, run_docs
from pipeline.evaluate.seesaw import evaluate_seesaw
from pipeline.evaluate.spans import any_overlap_weight, overlaps


def _source_ok(g: GoldStance, p: PredStance) -> bool:
    if g.source and normalise(g.source) == normalise(p.subject):
        return True
    return bool(g.source_span and p.subject_span and overlaps(g.source_span, p.subject_span))


def statement_weight(g: GoldStance, p: PredStance) -> float | None:
    """Best IoU between the prediction's and the statement's spans, if the source agrees."""
    if not _source_ok(g, p):
        return None
    weights = [
        w
        for gs in (g.content_span, g.cue_span)
        for ps in p.spans
        if (w := any_overlap_weight(gs, ps)) is not None
    ]
    return max(weights) if weights else None


def _target_ok(g: GoldStance, p: PredStance) -> bool:
    return phrases_match(g.target, p.target)


def _label_ok(g: GoldStance, p: PredStance) -> bool:
    return normalise(g.stance) == normalise(p.stance)


STANCE_METRICS = {
    "statement": lambda g, p: True,
    "statement+target": _target_ok,
    "statement+label": _label_ok,
    "source-target-label": lambda g, p: _target_ok(g, p) and _label_ok(g, p),
}


def _statements(pred: list[PredStance]) -> list[list[PredStance]]:
    """Rows grouped by statement (the same subject, cue and content spans): the gold has one
    row per statement, so a statement with stances toward several targets is one
    prediction, matched by its best row."""
    groups: dict[tuple, list[PredStance]] = {}
    for p in pred:
        groups.setdefault((p.subject_span, p.spans), []).append(p)
    return list(groups.values())


def score_corpus_stances(doc: EvalDoc[CorpusGold], tables: dict[str, pd.DataFrame]) -> Tally:
    gold, statements = list(doc.gold.stances), _statements(pred_stances(tables))
    tally = Tally()
    for name, check in STANCE_METRICS.items():
        def weight(g: GoldStance, rows: list[PredStance], check=check) -> float | None:
            weights = [w for p in rows if check(g, p) and (w := statement_weight(g, p))
                       is not None]
            return max(weights) if weights else None

        pairs = greedy_match(gold, statements, weight)
        tally.add_matches(name, len(pairs), len(statements), len(gold))
    tally.count("stance rows beyond a statement's first",
                sum(len(rows) - 1 for rows in statements))
    return tally


def evaluate_stance(
    extract_fn: ExtractFn,
    *,
    corpus_dir: str | Path,
    seesaw_dir: str | Path | None = None,
    split: str = "valid",
) -> list[Report]:
    """Stance scores on the gold corpus and, if given, on one SEESAW split."""
    gold = load_corpus(corpus_dir)
    reports = [
        run_docs("stance", f"corpus:{Path(corpus_dir).name}", gold.docs, extract_fn,
                 score_corpus_stances, gold.notes)
    ]
    if seesaw_dir is not None:
        reports.append(evaluate_seesaw(extract_fn, seesaw_dir, split=split))
    return reports
