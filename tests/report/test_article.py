"""The article view: spans become properly nested marks, text is escaped, a document
without its text says so."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.report.article import Mark, article_view, collect_marks, marked_html

from .conftest import bracket, parse
from .sample import HOSTILE, TEXTS, frames


def render(text: str, spans: list[tuple[int, int, str]]) -> str:
    marks = [Mark(s, e, role, (f"id{i}",), "") for i, (s, e, role) in enumerate(spans)]
    return bracket(parse(f"<div>{marked_html(text, marks)}</div>").css_first("div"))


@pytest.mark.parametrize(("text", "spans", "expected"), [
    ("abcdef", [(0, 6, "content"), (2, 4, "figure")], "[content:ab[figure:cd]ef]"),
    ("abcdef", [(0, 2, "entity"), (0, 4, "source")], "[source:[entity:ab]cd]ef"),
    ("abcdef", [(0, 2, "entity"), (0, 2, "source")], "[source:[entity:ab]]cdef"),
    ("abcdef", [(0, 4, "content"), (2, 6, "cue")], "[content:ab[cue:cd]][cue:ef]"),
    ("abcdef", [(0, 2, "cue"), (2, 4, "content")], "[cue:ab][content:cd]ef"),
    ("abcdef", [(0, 6, "content"), (1, 3, "source"), (2, 5, "entity")],
     "[content:a[source:b[entity:c]][entity:de]f]"),
    ("😀 é Aso said", [(4, 7, "source"), (8, 12, "cue")], "😀 é [source:Aso] [cue:said]"),
    ("a < b & c", [(2, 7, "content")], "a [content:< b &] c"),
])
def test_spans_nest_and_split_where_they_cross(text: str, spans: list[tuple[int, int, str]],
                                               expected: str) -> None:
    assert render(text, spans) == expected


def test_a_split_span_keeps_its_claim_id_in_every_part() -> None:
    marks = [Mark(0, 4, "content", ("c1",), ""), Mark(2, 6, "cue", ("c2",), "")]
    tree = parse(f"<div>{marked_html('abcdef', marks)}</div>")
    parts = tree.css('mark[data-role="cue"]')
    assert [p.attributes["data-claim-id"] for p in parts] == ["c2", "c2"]
    assert "".join(p.text() for p in parts) == "cdef"


def of(table: pd.DataFrame, doc_id: str) -> list[dict]:
    return table[table["doc_id"] == doc_id].to_dict("records")


def test_article_marks_every_role_with_its_ids() -> None:
    tables = frames()
    html = article_view(of(tables["documents"], "a.txt")[0], TEXTS["a.txt"],
                        of(tables["claims"], "a.txt"), of(tables["entities"], "a.txt"))
    tree = parse(html)
    figure = tree.css_first('mark[data-role="figure"][data-claim-id="c-yen"]')
    assert figure.text() == "8.54 trillion yen"
    assert figure.parent.attributes["data-claim-id"] == "c-aso"  # inside the content
    person = tree.css_first('mark[data-role="entity"][data-entity-id="E-Taro Aso"]')
    assert person.parent.attributes["data-role"] == "source"  # inside the source
    assert {m.attributes["data-role"] for m in tree.css("mark[data-role]")} == {
        "source", "cue", "content", "figure", "entity"}
    # the whole text reads as ingested, marks or not
    assert tree.css_first(".text").text() == TEXTS["a.txt"]
    assert [m.text() for m in tree.css(".legend mark")] == [
        "content (what is said)", "source (who says it)", "cue (the saying verb)",
        "figure", "entity"]


def test_rows_sharing_a_span_share_one_mark() -> None:
    claims = frames()["claims"].query("claim_id == 'c-aso'")
    twin = claims.assign(claim_id="c-twin", content_start=None, content_end=None)
    marks = collect_marks(pd.concat([claims, twin]).to_dict("records"), [], 200)
    sources = [m for m in marks if m.role == "source"]
    assert [m.ids for m in sources] == [("c-aso", "c-twin")]
    assert {m.role for m in marks} == {"source", "cue", "content"}


def test_spans_out_of_range_or_missing_are_left_out() -> None:
    claims = frames()["claims"].query("claim_id == 'c-aso'").assign(
        content_end=10_000, subject_start=None)
    marks = collect_marks(claims.to_dict("records"), [], len(TEXTS["a.txt"]))
    assert [m.role for m in marks] == ["cue"]


def test_hostile_text_is_escaped_everywhere() -> None:
    tables, odd = frames(), "odd/<b>.txt"
    html = article_view(of(tables["documents"], odd)[0], TEXTS[odd], of(tables["claims"], odd),
                        of(tables["entities"], odd))
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    tree = parse(html)
    assert tree.css_first(".text").text() == TEXTS["odd/<b>.txt"]
    assert tree.css_first('mark[data-role="content"]').text() == HOSTILE
    assert tree.css_first("article").attributes["data-doc-id"] == "odd/<b>.txt"


def test_a_document_without_text_lists_its_rows_unmarked() -> None:
    tables = frames(store_text=False)
    html = article_view(of(tables["documents"], "a.txt")[0], None,
                        of(tables["claims"], "a.txt"), of(tables["entities"], "a.txt"))
    tree = parse(html)
    assert "--no-store-text" in tree.css_first(".notice").text()
    assert not tree.css("mark[data-role]")
    cells = [td.text() for td in tree.css("table.rows td")]
    assert "the plan would cost 8.54 trillion yen in 2025" in cells
    assert "Taro Aso" in cells
