"""Figures (value, unit, modifier, concept, time) against the gold corpus, its figure
cases, the real-news sentences (``realnews.py``) and the Recognizers-Text specs (see
``recognizers.py`` for what those cases become).

A prediction is a claims row with ``claim_type == "figure"``; its position is the
``content_start/content_end`` span (the figure's surface). A prediction and a gold
figure match when their spans overlap. Each metric re-runs the one-to-one matching
with its own condition added, so a pair with a wrong value counts as one FP and one
FN for ``value`` but still as a TP for ``span``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from pipeline.components.figures.units import lexicon
from pipeline.evaluate.gold import (
    FIGURE_CASES,
    CorpusGold,
    GoldFigure,
    load_corpus,
    load_figure_cases,
)
from pipeline.evaluate.metrics import (
    Tally,
    content_tokens,
    greedy_match,
    normalise,
    phrases_match,
    values_equal,
)
from pipeline.evaluate.predictions import PredFigure, pred_figures
from pipeline.evaluate.realnews import HELD_OUT, load_realnews, realnews_files
from pipeline.evaluate.recognizers import RecognizerGold, load_recognizers
from pipeline.evaluate.report import Report
from pipeline.evaluate.runner import EvalDoc, ExtractFn, run_doc_groups, run_docs
from pipeline.evaluate.spans import Span, any_overlap_weight, overlaps

FigureCheck = Callable[[GoldFigure, PredFigure], bool]


def _same(a: str | None, b: str | None) -> bool:
    return normalise(a) == normalise(b)


def value_ok(g: GoldFigure, p: PredFigure) -> bool:
    return values_equal(g.value, p.value)


def unit_ok(g: GoldFigure, p: PredFigure) -> bool:
    return value_ok(g, p) and _same(g.unit, p.unit)


def modifier_ok(g: GoldFigure, p: PredFigure) -> bool:
    """A missing modifier on either side means "=" (the figure is exact)."""
    return value_ok(g, p) and (g.modifier or "=") == (p.modifier or "=")


def concept_partial(g: GoldFigure, p: PredFigure) -> bool:
    """CQE's partial concept match: a content word in common (or both empty)."""
    gold, pred = content_tokens(g.target), content_tokens(p.target)
    return bool(gold & pred) or not (gold or pred)


def concept_exact(g: GoldFigure, p: PredFigure) -> bool:
    """CQE's complete concept match: the same content words (or both empty)."""
    return content_tokens(g.target) == content_tokens(p.target)


CORPUS_METRICS: dict[str, FigureCheck] = {
    "span": lambda g, p: True,
    "value": value_ok,
    "value+unit": unit_ok,
    "value+modifier": modifier_ok,
    "concept": lambda g, p: phrases_match(g.target, p.target),
    "concept partial": concept_partial,
    "concept exact": concept_exact,
    "time": lambda g, p: _same(g.time, p.time),
}
"""``concept`` is the lenient phrase match used across the evaluations (content-word F1
of at least 0.5); ``concept partial`` and ``concept exact`` are CQE's two concept
scores (EMNLP 2023: any concept word in common, the same concept words), over content
words (no function words or possessive 's, as in ``concept``)."""


def score_figures(
    gold: list[GoldFigure], pred: list[PredFigure], metrics: dict[str, FigureCheck]
) -> Tally:
    """One-to-one span-overlap matching per metric, closest spans (IoU) first."""
    tally = Tally()
    for name, check in metrics.items():
        def weight(g: GoldFigure, p: PredFigure, check: FigureCheck = check) -> float | None:
            return any_overlap_weight(g.span, p.span) if check(g, p) else None

        tally.add_matches(name, len(greedy_match(gold, pred, weight)), len(pred), len(gold))
    return tally


# The figure cases (corpus/figures/cases.jsonl) carry no target, so no concept metric.
CASE_METRICS: dict[str, FigureCheck] = {
    name: check for name, check in CORPUS_METRICS.items() if not name.startswith("concept")
}


def score_gold_figures(
    doc: EvalDoc[CorpusGold], tables: dict[str, pd.DataFrame],
    metrics: dict[str, FigureCheck] = CORPUS_METRICS,
) -> Tally:
    """Corpus-format gold (articles or cases): all predictions count, spans of
    not_figures and documents that must produce nothing are noted."""
    pred = pred_figures(tables)
    tally = score_figures(list(doc.gold.figures), pred, metrics)
    tally.count(
        "predictions on not_figures spans (counted as FP)",
        sum(1 for p in pred if p.span and any(overlaps(p.span, s) for s in doc.gold.not_figures)),
    )
    if not doc.gold.figures:
        tally.count("predictions in documents with no gold figure (counted as FP)", len(pred))
    return tally


def score_corpus_figures(doc: EvalDoc[CorpusGold], tables: dict[str, pd.DataFrame]) -> Tally:
    return score_gold_figures(doc, tables, CORPUS_METRICS)


def score_case_figures(doc: EvalDoc[CorpusGold], tables: dict[str, pd.DataFrame]) -> Tally:
    return score_gold_figures(doc, tables, CASE_METRICS)


# The real-news gold carries neither a time nor a target.
REALNEWS_METRICS: dict[str, FigureCheck] = {
    name: CORPUS_METRICS[name] for name in ("span", "value", "value+unit", "value+modifier")
}


def score_realnews_figures(
    doc: EvalDoc[CorpusGold], tables: dict[str, pd.DataFrame]
) -> Tally:
    return score_gold_figures(doc, tables, REALNEWS_METRICS)


def evaluate_realnews(
    extract_fn: ExtractFn, files: list[Path], data_dir: str | Path | None
) -> list[Report]:
    """One report per real-news gold file, one for the development files together
    (``realnews:all``), then the held-out file (``check.jsonl``) on its own: it is how
    the rules are judged on news nobody tuned them on, so it never joins the sum.
    Without the shared data the sentences cannot be read, so one empty report says why
    they were skipped."""
    if data_dir is None:
        return [Report("figures", "realnews", 0, 0.0, notes=[
            f"skipped: no shared data folder (--data, $NEWSCLAIMS_DATA or ../shared/data), "
            f"so the sentences of {len(files)} real-news gold file(s) cannot be read"])]
    development = [path for path in files if path.name != HELD_OUT]
    held_out = [path for path in files if path.name == HELD_OUT]
    groups = [(f"realnews:{path.stem}", load_realnews(path, data_dir)) for path in development]
    reports = run_doc_groups("figures", groups, extract_fn, score_realnews_figures,
                             "realnews:all") if groups else []
    for path in held_out:
        gold = load_realnews(path, data_dir)
        reports.append(run_docs("figures", f"realnews:{path.stem}", gold.docs, extract_fn,
                                score_realnews_figures,
                                ["held out: never used to tune the rules, not in realnews:all",
                                 *gold.notes]))
    return reports


# No value+modifier here: the specs annotate no modifier (their spans leave out "about",
# "more than"), so "about $14 million" -> "~" would count as wrong against an implied "=".
RECOGNIZER_METRICS: dict[str, FigureCheck] = {
    "span": lambda g, p: True,
    "value": value_ok,
    "value+unit": unit_ok,
}
# NumberModel gold has no unit, so "value+unit" is the value alone there.
NUMBER_METRICS: dict[str, FigureCheck] = {**RECOGNIZER_METRICS, "value+unit": value_ok}

_CURRENCY_CODE = re.compile(r"[A-Za-z]{3}")
_IN_SCOPE: dict[str, Callable[[PredFigure], bool]] = {
    "currency": lambda p: bool(p.unit and _CURRENCY_CODE.fullmatch(p.unit)),
    "percent": lambda p: p.unit in ("%", "pp"),
    "number": lambda p: not (p.unit and (p.unit in ("%", "pp") or p.unit in lexicon().measures
                                          or _CURRENCY_CODE.fullmatch(p.unit))),
}
"""Which predictions a spec could have annotated: CurrencyModel marks no counts, so a
"5 apples" figure in a currency case is neither right nor wrong; NumberModel marks no
number that has a unit ("the 180ml liquid")."""


def score_recognizer_case(
    doc: EvalDoc[RecognizerGold], tables: dict[str, pd.DataFrame]
) -> Tally:
    """Score predictions on gold spans or of the spec's kind; ignore the rest."""
    gold = list(doc.gold.figures)

    def on(spans: list[Span], p: PredFigure) -> bool:
        return p.span is not None and any(overlaps(p.span, s) for s in spans)

    kept, ignored = [], 0
    for p in pred_figures(tables):
        on_gold = on([g.span for g in gold], p)
        if on_gold or (_IN_SCOPE[doc.gold.kind](p) and not on(list(doc.gold.ignored), p)):
            kept.append(p)
        else:
            ignored += 1
    metrics = NUMBER_METRICS if doc.gold.kind == "number" else RECOGNIZER_METRICS
    tally = score_figures(gold, kept, metrics)
    tally.count("predictions ignored (other kind of figure, or on a left-out result)", ignored)
    return tally


def evaluate_figures(
    extract_fn: ExtractFn,
    *,
    corpus_dir: str | Path,
    recognizers_dir: str | Path | None = None,
    data_dir: str | Path | None = None,
    held_out: bool = True,
) -> list[Report]:
    """Figure scores on the gold corpus, on its figure cases (``figures/cases.jsonl``,
    when present), on its real-news sentences (``figures/realnews/*.jsonl``, read from the
    shared data folder ``data_dir``) and, if given, on the Recognizers-Text specs, in that
    order. ``held_out=False`` leaves the held-out check out, unread, for development runs
    that must not see it."""
    gold = load_corpus(corpus_dir)
    reports = [
        run_docs("figures", f"corpus:{Path(corpus_dir).name}", gold.docs, extract_fn,
                 score_corpus_figures, gold.notes)
    ]
    cases_path = Path(corpus_dir) / FIGURE_CASES
    if cases_path.is_file():
        cases = load_figure_cases(cases_path)
        reports.append(run_docs("figures", "corpus-cases", cases.docs, extract_fn,
                                score_case_figures, cases.notes))
    files = [f for f in realnews_files(corpus_dir) if held_out or f.name != HELD_OUT]
    if files:
        reports += evaluate_realnews(extract_fn, files, data_dir)
    if recognizers_dir is not None:
        specs = load_recognizers(recognizers_dir)
        reports.append(run_docs("figures", "recognizers-text", specs.docs, extract_fn,
                                score_recognizer_case, specs.notes))
    return reports
