"""Scoring newsclaims output against gold data; each evaluation returns a Report."""

from pipeline.evaluate.attribution import evaluate_attribution
from pipeline.evaluate.entities import evaluate_entities
from pipeline.evaluate.figures import evaluate_figures
from pipeline.evaluate.metrics import Score
from pipeline.evaluate.report import Report, format_report
from pipeline.evaluate.runner import ExtractFn
from pipeline.evaluate.stance import evaluate_stance

__all__ = [
    "ExtractFn",
    "Report",
    "Score",
    "evaluate_attribution",
    "evaluate_entities",
    "evaluate_figures",
    "evaluate_stance",
    "format_report",
]
