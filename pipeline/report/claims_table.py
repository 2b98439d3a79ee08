"""The claims table: rows travel as compact JSON (a column list and one array per row) and
the page's script pages, filters and sorts them, so tens of thousands of rows stay small
and quick. The same data feeds the article view's side panel."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from pipeline.report.article import anchor

# What the table and the side panel know of a claim, in this order.
COLUMNS: tuple[str, ...] = (
    "claim_id", "doc_id", "claim_type", "subject", "predicate", "target", "stance",
    "content", "quote", "value", "unit", "modifier", "value_text", "time", "sent_idx",
    "subject_entity_id", "target_entity_id", "confidence", "extractor",
)
# (column, label, filter): "text" a contains-box, "select" a list of the values seen.
SHOWN: tuple[tuple[str, str, str | None], ...] = (
    ("doc_id", "document", "text"),
    ("claim_type", "type", "select"),
    ("subject", "source", "text"),
    ("predicate", "cue", None),
    ("target", "target", "text"),
    ("stance", "stance", "select"),
    ("content", "content / figure", None),
    ("value", "value", None),
    ("unit", "unit", "select"),
    ("time", "time", None),
)


def _plain(value: Any) -> Any:
    """JSON-ready: NaN/NA -> null, numpy numbers -> Python numbers."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        return round(value, 6) if not value.is_integer() else value
    return value


def table_data(claims: pd.DataFrame, included: set[str]) -> dict[str, Any]:
    """The rows as ``{"columns", "rows", "anchors"}``; ``anchors`` maps a doc_id whose
    article is in the page to its fragment id."""
    frame = claims.reindex(columns=list(COLUMNS))
    rows = [[_plain(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    doc_ids = dict.fromkeys(frame["doc_id"])
    return {"columns": list(COLUMNS), "rows": rows,
            "anchors": {d: anchor(d) for d in doc_ids if d in included}}


def table_html(total: int, shown: int) -> str:
    """The table's frame: filters, headers and pager; the script fills the body."""
    filters = []
    for column, label, kind in SHOWN:
        if kind == "text":
            filters.append(f'<label>{label}<input type="search" data-filter="{column}" '
                           f'placeholder="contains…"></label>')
        elif kind == "select":
            filters.append(f'<label>{label}<select data-filter="{column}">'
                           '<option value="">all</option></select></label>')
    heads = "".join(f'<th data-sort="{c}" tabindex="0" aria-sort="none">{label}</th>'
                    for c, label, _ in SHOWN)
    capped = (f'<p class="notice">The table holds {shown:,} of the {total:,} claims: those '
              "of the articles included, then of further documents up to "
              "<code>--max-claims</code>. The overview counts them all.</p>"
              ) if shown < total else ""
    return (f'{capped}<form class="filters" onsubmit="return false">{"".join(filters)}</form>'
            '<div class="table-wrap"><table id="claims-table"><thead><tr>'
            f'{heads}</tr></thead><tbody></tbody></table></div>'
            '<p class="pager"><button type="button" data-page="-1">‹ previous</button> '
            '<span class="page-info"></span> '
            '<button type="button" data-page="1">next ›</button></p>')
