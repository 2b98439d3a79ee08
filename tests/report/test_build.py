"""The whole page: self-contained, escaped, capped; and the `report` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.report import build
from pipeline.report.build import build_report
from pipeline.writers import open_sink

from .conftest import parse
from .sample import HOSTILE, TEXTS, rows


@pytest.fixture
def src(tmp_path: Path) -> str:
    out = str(tmp_path / "out.duckdb")
    with open_sink(out) as sink:
        sink.write(rows())
    return out


def page_of(src: str, tmp_path: Path, **options: int) -> str:
    out = tmp_path / "report.html"
    build_report(src, out, **options)
    return out.read_text(encoding="utf-8")


def test_the_page_is_self_contained(src: str, tmp_path: Path) -> None:
    page = page_of(src, tmp_path)
    assert page.startswith("<!doctype html>")
    # one data block and one script, however hostile the text: nothing closes them early
    assert len(re.findall(r"<script\b", page)) == 2
    assert len(re.findall(r"</script>", page)) == 2
    # nothing to fetch: no link, import or src, and every link stays in the page
    tree = parse(page)
    assert not tree.css("link, [src], img, iframe, object, embed")
    assert not re.search(r"@import|\burl\(", tree.css_first("style").text())
    assert {a.attributes["href"][0] for a in tree.css("[href]")} == {"#"}
    assert [s.attributes.get("type") for s in tree.css("script")] == ["application/json", None]
    data = json.loads(tree.css_first("#nc-data").text())
    contents = dict(zip((r[0] for r in data["claims"]["rows"]),
                        (r[data["claims"]["columns"].index("content")]
                         for r in data["claims"]["rows"]), strict=True))
    assert contents["c-union"] == HOSTILE
    assert data["entities"]["E-Taro Aso"] == ["Taro Aso", "PERSON"]


def test_the_page_shows_overview_errors_and_articles(src: str, tmp_path: Path) -> None:
    tree = parse(page_of(src, tmp_path))
    numbers = [n.text() for n in tree.css(".card .n")]
    assert numbers == ["2", "5", "3", "1"]  # documents, claims, entities, errors
    assert {t.text() for t in tree.css("#top-sources svg text")} >= {
        "Taro Aso", "officials", "The <union>"}
    for chart in ("stance-matrix", "figures-by-unit", "figures-over-time"):
        assert tree.css_first(f"#{chart} svg") is not None
    assert "Expecting value <here>" in tree.css_first("#errors-table").text()
    texts = {a.attributes["data-doc-id"]: a.css_first(".text").text()
             for a in tree.css("article.article")}
    assert texts == TEXTS
    hidden = ["hidden" in a.attributes for a in tree.css("article.article")]
    assert hidden == [False, True]  # the script shows one article at a time


def test_article_views_and_table_rows_are_capped(src: str, tmp_path: Path) -> None:
    out = tmp_path / "capped.html"
    stats = build_report(src, out, max_articles=1, max_claims=1)
    assert (stats.documents, stats.claims, stats.articles) == (2, 5, 1)
    assert stats.table_rows == 4  # the included article's claims are always in the table
    tree = parse(out.read_text(encoding="utf-8"))
    assert [a.attributes["data-doc-id"] for a in tree.css("article.article")] == ["a.txt"]
    assert "1 more documents are not included" in tree.css_first("#articles .notice").text()
    assert "holds 4 of the 5 claims" in tree.css_first("#claims .notice").text()
    data = json.loads(tree.css_first("#nc-data").text())
    assert list(data["claims"]["anchors"]) == ["a.txt"]
    assert build_report(src, out, max_articles=0, max_claims=0).table_rows == 0


def test_documents_without_text_are_listed_unmarked(tmp_path: Path) -> None:
    out = str(tmp_path / "out.sqlite")
    with open_sink(out) as sink:
        sink.write(rows(store_text=False))
    tree = parse(page_of(out, tmp_path))
    assert not tree.css("article mark[data-role]")
    assert len(tree.css("article .notice")) == 2


# -- the command -------------------------------------------------------------------------------


def test_report_command(src: str, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", src, "-o", str(out), "--max-articles", "1"])
    assert result.exit_code == 0, result.output
    assert "2 documents, 5 claims; 1 article view, 5 table rows" in result.output
    assert str(out) in result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize(("args", "code"), [
    (["missing.duckdb"], "NC101"),
    (["."], "NC102"),
    (["SRC", "-o", "."], "is a directory"),
    (["SRC", "--max-articles", "-1"], "Invalid value"),
])
def test_report_usage_errors(src: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             args: list[str], code: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["report", *(src if a == "SRC" else a for a in args)])
    assert result.exit_code == 2
    assert code in result.output
    assert "Traceback" not in result.output


def test_report_help_states_the_defaults() -> None:
    output = " ".join(CliRunner().invoke(main, ["report", "--help"]).output.split())
    assert f"(default {build.DEFAULT_MAX_ARTICLES})" in output
    assert f"(default {build.DEFAULT_MAX_CLAIMS:,})" in output
