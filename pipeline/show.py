"""One article's claims for a person to read: a terminal table or an HTML page (the
report's article view, ``pipeline.report.article``)."""

from __future__ import annotations

import shutil

import pandas as pd

_COLUMNS = ("type", "subject", "predicate", "what", "detail")


def _format_value(row: pd.Series) -> str:
    value = row["value"]
    number = f"{value:,.0f}" if value == int(value) and abs(value) >= 1000 else f"{value:g}"
    modifier = "" if row["modifier"] in (None, "=") else f"{row['modifier']} "
    unit = f" {row['unit']}" if isinstance(row["unit"], str) else ""
    when = f" [{row['time']}]" if isinstance(row["time"], str) else ""
    return f"{modifier}{number}{unit}{when}"


def _cells(row: pd.Series) -> tuple[str, ...]:
    def text(value: object) -> str:
        return value if isinstance(value, str) else ""

    if row["claim_type"] == "figure":
        return ("figure", text(row["subject"]), text(row["predicate"]), text(row["target"]),
                _format_value(row))
    quote = f' "{row["quote"]}"' if isinstance(row["quote"], str) else ""
    return ("stance", text(row["subject"]), text(row["predicate"]), text(row["target"]),
            f"{row['stance']}{quote}")


def table(claims: pd.DataFrame, width: int | None = None) -> str:
    """A plain-text table that fits the terminal, one line per claim."""
    width = width or shutil.get_terminal_size((120, 20)).columns
    rows = [_COLUMNS, *(_cells(r) for _, r in claims.iterrows())]
    share = [8, 24, 12, 28, 40]
    scale = max(0.5, (width - 2 * len(share)) / sum(share))
    widths = [max(4, int(s * scale)) for s in share]

    def fit(cell: str, w: int) -> str:
        cell = " ".join(cell.split())
        return cell if len(cell) <= w else cell[: w - 1] + "…"

    lines = ["  ".join(fit(c, w).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def html_report(tables: dict[str, pd.DataFrame], text: str | None) -> str:
    """One article as a standalone page: the report's article view (spans marked, the side
    panel, the legend) and its claims table."""
    from pipeline.report.article import article_view
    from pipeline.report.build import entity_names
    from pipeline.report.claims_table import table_data, table_html
    from pipeline.report.page import Section, render_page

    document = tables["documents"].iloc[0].to_dict()
    claims, entities = tables["claims"], tables["entities"]
    data = {"claims": table_data(claims, {document["doc_id"]}),
            "entities": entity_names(entities)}
    view = article_view(document, text, claims.to_dict("records"), entities.to_dict("records"))
    sections = [Section("article", "Article", view),
                Section("claims", "Claims", table_html(len(claims), len(claims)))]
    return render_page("newsclaims show", document["doc_id"], sections, data)
