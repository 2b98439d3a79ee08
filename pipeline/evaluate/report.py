"""The result of one evaluation and its plain-text rendering for the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.evaluate.metrics import Score


@dataclass
class Report:
    """Scores of one evaluation on one dataset, plus what was skipped or failed."""

    name: str
    dataset: str
    n_docs: int
    seconds: float
    scores: list[Score] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    n_errors: int = 0

    @property
    def docs_per_second(self) -> float:
        return self.n_docs / self.seconds if self.seconds > 0 else 0.0

    def score(self, metric: str) -> Score:
        """The score of one metric by name (KeyError when it was not computed)."""
        for s in self.scores:
            if s.metric == metric:
                return s
        raise KeyError(metric)


def format_report(report: Report) -> str:
    """A fixed-width table: one row per metric, then the notes."""
    width = max([len("metric"), *(len(s.metric) for s in report.scores)])
    lines = [
        f"{report.name} - {report.dataset}: {report.n_docs} docs, "
        f"{report.seconds:.2f} s ({report.docs_per_second:.1f} docs/s), "
        f"{report.n_errors} errors",
        f"{'metric':<{width}}  {'tp':>6} {'fp':>6} {'fn':>6}  {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for s in report.scores:
        lines.append(
            f"{s.metric:<{width}}  {s.tp:>6} {s.fp:>6} {s.fn:>6}  "
            f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
        )
    lines.extend(f"  note: {note}" for note in report.notes)
    return "\n".join(lines)
