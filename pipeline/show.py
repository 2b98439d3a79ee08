"""One article's claims for a person to read: a terminal table or an HTML report."""

from __future__ import annotations

import html
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


def html_report(text: str, title: str, claims: pd.DataFrame) -> str:
    """A standalone page: the claims table, then the article with every evidence span marked."""
    marks = sorted(
        ((int(r.content_start), int(r.content_end), r.claim_type)
         for r in claims.itertuples() if pd.notna(r.content_start)),
        key=lambda m: (m[0], -m[1]),
    )
    body, cursor = [], 0
    for start, end, kind in marks:
        if start < cursor:
            continue  # nested or overlapping spans: the first one wins
        body.append(html.escape(text[cursor:start]))
        body.append(f'<mark class="{kind}">{html.escape(text[start:end])}</mark>')
        cursor = end
    body.append(html.escape(text[cursor:]))
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(r)) + "</tr>"
        for _, r in claims.iterrows()
    )
    head = "".join(f"<th>{c}</th>" for c in _COLUMNS)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .4em}"
        "mark.figure{background:#cde}mark.stance{background:#fd9}"
        "pre{white-space:pre-wrap}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><table><tr>{head}</tr>{rows}</table>"
        f"<h2>Article</h2><pre>{''.join(body)}</pre></body></html>"
    )
