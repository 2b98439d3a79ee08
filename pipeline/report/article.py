"""The article view: the text as ingested with every evidence span marked.

Each mark is a ``<mark data-role="source|cue|content|figure|entity">`` carrying the
claim ids (``data-claim-id``, space-separated when several rows share the span) or the
entity id (``data-entity-id``). Spans overlap freely (a figure inside a content span, an
entity inside a source, a cue that crosses a content boundary), but HTML elements must
nest: longer spans open outside shorter ones, and a span that crosses the end of an
outer one is split into parts that carry the same attributes.
"""

from __future__ import annotations

import hashlib
import html
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

# Outer to inner when two spans are equally long; the legend's order too.
ROLES: tuple[str, ...] = ("content", "source", "cue", "figure", "entity")
ROLE_LABELS: dict[str, str] = {
    "content": "content (what is said)",
    "source": "source (who says it)",
    "cue": "cue (the saying verb)",
    "figure": "figure",
    "entity": "entity",
}
_RANK = {role: i for i, role in enumerate(ROLES)}
# (role, start column, end column) of the spans a claim row marks, by claim_type.
CLAIM_SPANS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "stance": (("source", "subject_start", "subject_end"),
               ("cue", "predicate_start", "predicate_end"),
               ("content", "content_start", "content_end")),
    "figure": (("figure", "content_start", "content_end"),),
}
SPAN_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(
    column for spans in CLAIM_SPANS.values() for _, *columns in spans for column in columns))


Row = Mapping[str, Any]  # one row of a table, as ``DataFrame.to_dict("records")`` gives


@dataclass(frozen=True)
class Mark:
    """One marked span: all rows that mark the same span with the same role share it."""

    start: int
    end: int
    role: str
    ids: tuple[str, ...]
    title: str  # the native tooltip


def plural(n: int, what: str) -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"


def text_or(value: object, default: str = "") -> str:
    """A text cell's string; missing (None, NaN, NA) or empty gives ``default``."""
    return value if isinstance(value, str) and value else default


def _span(start: object, end: object, n_chars: int) -> tuple[int, int] | None:
    """A usable (start, end), or None for a missing or out-of-range span."""
    if pd.isna(start) or pd.isna(end):
        return None
    s, e = int(start), int(end)  # type: ignore[call-overload]
    return (s, e) if 0 <= s < e <= n_chars else None


def _claim_title(row: Row) -> str:
    if row["claim_type"] == "figure":
        return f"figure: {text_or(row['value_text'], text_or(row['content']))}"
    target = f" on {row['target']}" if text_or(row["target"]) else ""
    return f"{text_or(row['stance'], 'stance')}: {text_or(row['subject'], '?')}{target}"



def collect_marks(claims: Iterable[Row], entities: Iterable[Row], n_chars: int) -> list[Mark]:
    """The marks of one document's claims and entity mentions."""
    found: dict[tuple[int, int, str], list[tuple[str, str]]] = defaultdict(list)
    for row in claims:
        for role, start, end in CLAIM_SPANS.get(row["claim_type"], ()):
            span = _span(row[start], row[end], n_chars)
            if span:
                found[(*span, role)].append((row["claim_id"], _claim_title(row)))
    for row in entities:
        span = _span(row["char_start"], row["char_end"], n_chars)
        if span:
            title = f"{row['label']}: {row['canonical']}"
            found[(*span, "entity")].append((row["entity_id"], title))
    marks = []
    for (start, end, role), rows in found.items():
        ids = tuple(dict.fromkeys(i for i, _ in rows))
        titles = " | ".join(dict.fromkeys(t for _, t in rows))
        marks.append(Mark(start, end, role, ids, titles))
    return marks


def _open_tag(mark: Mark) -> str:
    id_attr = "data-entity-id" if mark.role == "entity" else "data-claim-id"
    return (f'<mark class="nc nc-{mark.role}" data-role="{mark.role}" '
            f'{id_attr}="{html.escape(" ".join(mark.ids))}" title="{html.escape(mark.title)}">')


def _outer_first(mark: Mark) -> tuple[int, int]:
    return -mark.end, _RANK[mark.role]


def marked_html(text: str, marks: Iterable[Mark]) -> str:
    """``text`` escaped, with ``marks`` as properly nested ``<mark>`` elements."""
    starting: dict[int, list[Mark]] = defaultdict(list)
    bounds = {0, len(text)}
    for mark in marks:
        starting[mark.start].append(mark)
        bounds |= {mark.start, mark.end}
    return "".join(_render(text, sorted(bounds), starting))


def _render(text: str, bounds: list[int], starting: dict[int, list[Mark]]) -> Iterator[str]:
    open_marks: list[Mark] = []  # the element stack, outermost first
    cursor = 0
    for at in bounds:
        yield html.escape(text[cursor:at])
        cursor = at
        ending = [i for i, m in enumerate(open_marks) if m.end <= at]
        reopen: list[Mark] = []
        if ending:
            # Close down to the outermost mark that ends here; inner ones that go on
            # are closed with it and reopened as a new part.
            low = ending[0]
            yield "</mark>" * (len(open_marks) - low)
            reopen = [m for m in open_marks[low:] if m.end > at]
            del open_marks[low:]
        for mark in sorted(reopen + starting.get(at, []), key=_outer_first):
            yield _open_tag(mark)
            open_marks.append(mark)
    yield "</mark>" * len(open_marks)


def legend() -> str:
    items = "".join(f'<li><mark class="nc nc-{r}">{html.escape(ROLE_LABELS[r])}</mark></li>'
                    for r in ROLES)
    return f'<ul class="legend" aria-label="legend">{items}</ul>'


def anchor(doc_id: str) -> str:
    """A fragment id for a document: doc ids may hold any character, ids may not."""
    return "doc-" + hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _rows_table(claims: list[Row]) -> str:
    """The document's rows without marks, for a document whose text was not stored."""
    head = "".join(f"<th>{c}</th>" for c in ("type", "source", "cue", "target", "stance",
                                             "content / figure"))
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(text_or(v))}</td>" for v in (
            r["claim_type"], r["subject"], r["predicate"], r["target"], r["stance"],
            r["content"])) + "</tr>" for r in claims)
    return f'<table class="rows"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def article_view(document: Row, text: str | None, claims: list[Row],
                 entities: list[Row]) -> str:
    """One article: a header, the legend, the marked text and the side panel. Without a
    stored text (``extract --no-store-text``) it says so and lists the rows unmarked.
    ``claims`` and ``entities`` are the document's rows."""
    doc_id = document["doc_id"]
    title = text_or(document.get("title"), doc_id)
    meta = [f"<code>{html.escape(doc_id)}</code>"]
    meta += [html.escape(v) for v in (document.get("source"), document.get("url"),
                                      document.get("published_at")) if text_or(v)]
    n_stance = sum(r["claim_type"] == "stance" for r in claims)
    meta.append(", ".join(plural(n, what) for n, what in (
        (n_stance, "statement"), (len(claims) - n_stance, "figure"),
        (len(entities), "entity mention"))))
    if text is None:
        body = ('<p class="notice">The text of this document was not stored (it was '
                "extracted with <code>--no-store-text</code>), so its spans cannot be "
                f"marked; its rows:</p>{_rows_table(claims)}")
    else:
        marks = collect_marks(claims, entities, len(text))
        body = (f'<div class="reader"><div class="text">{marked_html(text, marks)}</div>'
                '<aside class="panel" aria-live="polite"><p class="hint">Hover or tap a '
                "mark to see its row; click to keep it.</p></aside></div>")
    return (f'<article class="article" id="{anchor(doc_id)}" data-doc-id="{html.escape(doc_id)}">'
            f"<h3>{html.escape(title)}</h3><p class=\"meta\">{' · '.join(meta)}</p>"
            f"{legend()}{body}</article>")
