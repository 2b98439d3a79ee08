"""The overview's charts: Altair specs rendered to inline SVG by vl-convert (no browser,
no network, no script in the page). Each function takes an aggregate from
``pipeline.report.overview`` and returns SVG markup, or None when there is nothing to draw.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

STANCE_COLOURS: dict[str, str] = {"support": "#1a9850", "oppose": "#d73027",
                                  "neutral": "#9e9e9e"}
KIND_COLOURS: dict[str, str] = {"money": "#1f77b4", "percent": "#ff7f0e",
                                "count or measure": "#7b4fa0", "no unit": "#9e9e9e"}
WIDTH = 460  # px of the plot area: two charts side by side at 1280 px, scaled on a phone
LABEL_LIMIT = 200  # px of an axis label before it is cut with an ellipsis
COUNT_AXIS = alt.Axis(tickMinStep=1, format="d")  # counts: no 0.2 ticks
_SIZE = re.compile(r'^(<svg[^>]*?) width="([\d.]+)" height="([\d.]+)"')


# Labels are measured at render time with this font and drawn by the browser: DejaVu Sans
# is wide, so where a viewer lacks it the fallback is narrower and nothing is cut.
FONT = "DejaVu Sans, Verdana, sans-serif"


def _theme(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    # configure() replaces the whole config, so it comes first.
    return (chart.configure(font=FONT).configure_view(stroke=None)
            .configure_axis(labelFontSize=11, titleFontSize=11, labelLimit=LABEL_LIMIT,
                            gridColor="#eee", domainColor="#999", tickColor="#999")
            .configure_legend(labelFontSize=11, titleFontSize=11, orient="bottom",
                              direction="horizontal", titleLimit=400, labelLimit=200))


def to_svg(chart: alt.TopLevelMixin, label: str) -> str:
    """Inline SVG that scales down to its container (a phone) and never up past its size."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(_theme(chart).to_dict())
    match = _SIZE.match(svg)
    if match:  # width/height -> a max-width, so the viewBox scales it
        svg = (f'{match.group(1)} style="max-width:{match.group(2)}px" '
               f'role="img" aria-label="{label}"' + svg[match.end():])
    return svg


def _scale(colours: dict[str, str]) -> alt.Scale:
    return alt.Scale(domain=list(colours), range=list(colours.values()))


def top_sources_chart(table: pd.DataFrame) -> str | None:
    """Horizontal bars: statements per source, split by stance."""
    if table.empty:
        return None
    order = list(dict.fromkeys(table["source"]))
    chart = alt.Chart(table).mark_bar().encode(
        y=alt.Y("source:N", sort=order, title=None),
        x=alt.X("sum(count):Q", title="statements", axis=COUNT_AXIS),
        color=alt.Color("stance:N", scale=_scale(STANCE_COLOURS), title="stance"),
        order=alt.Order("stance:N"),
    ).properties(width=WIDTH - LABEL_LIMIT + 60, height=alt.Step(18))
    return to_svg(chart, "top sources by number of statements")


def stance_matrix_chart(table: pd.DataFrame) -> str | None:
    """Sources by targets; a cell's colour is the net stance, its number the statements."""
    if table.empty:
        return None
    sources = list(table.groupby("source")["total"].sum().sort_values(ascending=False).index)
    targets = list(table.groupby("target")["total"].sum().sort_values(ascending=False).index)
    base = alt.Chart(table).encode(
        y=alt.Y("source:N", sort=sources, title=None),
        x=alt.X("target:N", sort=targets, title="about",
                axis=alt.Axis(labelAngle=-40, labelLimit=140)),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("net:Q", title="net stance (oppose -1 … +1 support)",
                        scale=alt.Scale(domain=[-1, 0, 1], range=[
                            STANCE_COLOURS["oppose"], "#f2f2f2", STANCE_COLOURS["support"]])),
    )
    numbers = base.mark_text(fontSize=11).encode(text="total:Q")
    chart = (cells + numbers).properties(width=alt.Step(34), height=alt.Step(24))
    return to_svg(chart, "who supports or opposes whom and what")


def figures_by_unit_chart(table: pd.DataFrame) -> str | None:
    if table.empty:
        return None
    chart = alt.Chart(table).mark_bar().encode(
        y=alt.Y("unit:N", sort=list(table["unit"]), title=None),
        x=alt.X("count:Q", title="figures", axis=COUNT_AXIS),
        color=alt.Color("kind:N", scale=_scale(KIND_COLOURS), title="kind"),
    ).properties(width=WIDTH - LABEL_LIMIT + 60, height=alt.Step(18))
    return to_svg(chart, "figures by unit")


def figures_over_time_chart(table: pd.DataFrame) -> str | None:
    if table.empty:
        return None
    chart = alt.Chart(table).mark_bar().encode(
        x=alt.X("year:O", title="year the figure refers to", axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("sum(count):Q", title="figures", axis=COUNT_AXIS),
        color=alt.Color("kind:N", scale=_scale(KIND_COLOURS), title="kind"),
    ).properties(width=min(WIDTH, 40 * table["year"].nunique() + 40), height=220)
    return to_svg(chart, "figures over time")
