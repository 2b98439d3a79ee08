"""A self-contained HTML report of anything ``newsclaims extract`` wrote."""

from pipeline.report.build import ReportStats, build_report, render_report
from pipeline.report.source import Tables, open_output

__all__ = ["ReportStats", "Tables", "build_report", "open_output", "render_report"]
