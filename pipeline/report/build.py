"""``newsclaims report``: read an output, aggregate, render, write one HTML file.

The overview counts every row; the page carries the article views of the first
``max_articles`` documents (by doc_id) and their claims in the table, with further
documents' claims up to ``max_claims`` rows, so a 10,000-document corpus still gives a
page of a few MB.
"""

from __future__ import annotations

import html
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm import tqdm

from pipeline.errors import BadOutput
from pipeline.report import charts, overview
from pipeline.report.article import SPAN_COLUMNS, anchor, article_view, plural, text_or
from pipeline.report.claims_table import COLUMNS, table_data, table_html
from pipeline.report.page import Section, render_page
from pipeline.report.source import Tables, open_output

DEFAULT_MAX_ARTICLES = 200
DEFAULT_MAX_CLAIMS = 20_000
MAX_ERROR_ROWS = 500
# What the page uses of the big tables; claims.sentence, the largest column, is not shown.
READ_COLUMNS: dict[str, list[str]] = {
    "claims": list(dict.fromkeys((*COLUMNS, *SPAN_COLUMNS, "char_start"))),
    "entities": ["entity_id", "doc_id", "label", "canonical", "char_start", "char_end"],
}


@dataclass(frozen=True)
class ReportStats:
    documents: int
    claims: int
    articles: int  # article views in the page
    table_rows: int
    bytes: int
    seconds: float

    def summary(self) -> str:
        return (f"{plural(self.documents, 'document')}, {plural(self.claims, 'claim')}; "
                f"{plural(self.articles, 'article view')}, {plural(self.table_rows, 'table row')}"
                f"; {self.bytes / 1e6:.1f} MB in {self.seconds:.1f}s")


def choose_articles(documents: pd.DataFrame, max_articles: int) -> list[str]:
    """The doc_ids that get an article view: documents read ok, in doc_id order."""
    ok = documents[documents["status"] == "ok"]["doc_id"].dropna()
    return sorted(ok)[:max_articles]


def table_claims(claims: pd.DataFrame, included: list[str], max_claims: int) -> pd.DataFrame:
    """The table's rows, by document and position: every claim of the included articles,
    and those of further documents in doc_id order (whole documents) while the table
    stays within ``max_claims`` rows."""
    inside = claims["doc_id"].isin(included)
    room = max_claims - int(inside.sum())
    per_doc = claims.loc[~inside, "doc_id"].value_counts().sort_index()
    others = per_doc.index[per_doc.cumsum() <= room]  # sorting 10,000 ids, not every row
    rows = claims[inside | claims["doc_id"].isin(others)]
    return rows.sort_values(["doc_id", "char_start"], kind="stable")


def _cards(c: overview.Counts) -> str:
    cards = [
        (c.documents, "documents", f"{c.documents_ok:,} ok, {c.documents_failed:,} failed"),
        (c.claims, "claims", f"{c.statements:,} statements, {c.figures:,} figures"),
        (c.entities, "entities", f"{c.entity_mentions:,} mentions"),
        (c.errors, "errors", "rows in the errors table"),
    ]
    return '<div class="cards">' + "".join(
        f'<div class="card"><div class="n">{n:,}</div><div class="what">{what}'
        f"<br>{html.escape(detail)}</div></div>" for n, what, detail in cards) + "</div>"


def _chart(chart_id: str, caption: str, note: str, svg: str | None, empty: str) -> str:
    body = svg or f'<p class="empty">{html.escape(empty)}</p>'
    return (f'<figure class="chart" id="{chart_id}"><figcaption>{html.escape(caption)}'
            f"<small>{html.escape(note)}</small></figcaption>{body}</figure>")


def _errors_table(errors: pd.DataFrame) -> str:
    if errors.empty:
        return "<p>No errors: every input was read and extracted.</p>"
    columns = ["doc_id", "source", "line", "stage", "error_type", "message"]
    shown = errors.head(MAX_ERROR_ROWS)
    head = "".join(f"<th>{c}</th>" for c in columns)
    body = "".join("<tr>" + "".join(
        f"<td>{'' if pd.isna(v) else html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in shown[columns].itertuples(index=False, name=None))
    more = (f'<p class="notice">The first {MAX_ERROR_ROWS:,} of {len(errors):,} errors.</p>'
            if len(errors) > len(shown) else "")
    return (f'{more}<div class="table-wrap"><table id="errors-table"><thead><tr>{head}</tr>'
            f"</thead><tbody>{body}</tbody></table></div>")


def overview_html(tables: Tables) -> str:
    claims, entities = tables.claims, tables.entities
    figures = [
        _chart("top-sources", "Top sources", "statements per source, by stance",
               charts.top_sources_chart(overview.top_sources(claims)), "No statements."),
        _chart("stance-matrix", "Who supports or opposes whom and what",
               "busiest sources by their targets; colour: net stance, number: statements",
               charts.stance_matrix_chart(overview.stance_matrix(claims, entities)),
               "No statement has both a source and a target."),
        _chart("figures-by-unit", "Figures by unit", "the commonest units",
               charts.figures_by_unit_chart(overview.figures_by_unit(claims)), "No figures."),
        _chart("figures-over-time", "Figures over time", "figures per year they refer to",
               charts.figures_over_time_chart(overview.figures_over_time(claims)),
               "No figure has a time."),
    ]
    return (f"{_cards(overview.counts(tables))}<div class=\"charts\">{''.join(figures)}</div>"
            f'<h2 id="errors">Errors</h2>{_errors_table(tables.errors)}')


def entity_names(entities: pd.DataFrame) -> dict[str, list[str]]:
    """entity_id -> [canonical, label], for the side panel."""
    unique = entities.drop_duplicates("entity_id")
    return {e: [text_or(c), text_or(lab)] for e, c, lab in zip(
        unique["entity_id"], unique["canonical"], unique["label"], strict=True)}


def _rows_by_doc(table: pd.DataFrame, doc_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``doc_ids`` as records, grouped by document (one conversion for all)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in table[table["doc_id"].isin(doc_ids)].to_dict("records"):
        grouped.setdefault(row["doc_id"], []).append(row)
    return grouped


def articles_html(tables: Tables, texts: dict[str, str | None], *,
                  progress: bool = False) -> str:
    """The article index and one view per document of ``texts`` (in its order)."""
    included = list(texts)
    claims_of = _rows_by_doc(tables.claims, included)
    entities_of = _rows_by_doc(tables.entities, included)
    documents = {r["doc_id"]: r for r in tables.documents[
        tables.documents["doc_id"].isin(included)].to_dict("records")}
    views, index = [], []
    for i, doc_id in enumerate(tqdm(included, desc="report", unit="article", file=sys.stderr,
                                    disable=not progress)):
        document, doc_claims = documents[doc_id], claims_of.get(doc_id, [])
        view = article_view(document, texts[doc_id], doc_claims, entities_of.get(doc_id, []))
        views.append(view if i == 0 else view.replace("<article ", "<article hidden ", 1))
        title = text_or(document["title"], doc_id)
        index.append(f'<li><a href="#{anchor(doc_id)}">{html.escape(title)}</a> '
                     f"<small>({plural(len(doc_claims), 'claim')})</small></li>")
    left = len(tables.documents) - len(included)
    note = (f'<p class="notice">{left:,} more documents are not included (the page holds '
            f"{len(included):,}; raise <code>--max-articles</code> for more). Their claims "
            "are counted in the overview.</p>") if left > 0 else ""
    return f'{note}<ol class="article-index">{"".join(index)}</ol>{"".join(views)}'


def render_report(tables: Tables, texts: dict[str, str | None], rows: pd.DataFrame, *,
                  title: str, progress: bool = False) -> str:
    """The whole page: the documents of ``texts`` as article views, ``rows`` in the table."""
    data: dict[str, Any] = {
        "claims": table_data(rows, set(texts)),
        "entities": entity_names(tables.entities[tables.entities["doc_id"].isin(texts)]),
    }
    sections = [
        Section("overview", "Overview", overview_html(tables)),
        Section("claims", "Claims", table_html(len(tables.claims), len(rows))),
        Section("articles", "Articles", articles_html(tables, texts, progress=progress)),
    ]
    return render_page("newsclaims report", title, sections, data)


def build_report(src: str, out: str | os.PathLike[str], *,
                 max_articles: int = DEFAULT_MAX_ARTICLES, max_claims: int = DEFAULT_MAX_CLAIMS,
                 table_prefix: str = "", progress: bool = False) -> ReportStats:
    """Write the report of output ``src`` to ``out`` (atomically: a temp file, renamed)."""
    started = time.perf_counter()
    path = Path(out)
    if path.is_dir():
        raise BadOutput(f"report output {out} is a folder; give a file name such as report.html")
    with open_output(src, table_prefix=table_prefix) as reader:
        tables = reader.tables(READ_COLUMNS)
        chosen = choose_articles(tables.documents, max_articles)
        stored = reader.texts(chosen)
    texts = {d: stored.get(d) for d in chosen}
    rows = table_claims(tables.claims, chosen, max_claims)
    page = render_report(tables, texts, rows, title=str(src), progress=progress)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BadOutput(f"cannot write report {out}: {exc.strerror or exc}") from exc
    return ReportStats(documents=len(tables.documents), claims=len(tables.claims),
                       articles=len(texts), table_rows=len(rows),
                       bytes=len(page.encode("utf-8")), seconds=time.perf_counter() - started)
