"""A report of a real extraction, opened in headless Chromium: the marks, the charts, the
top sources and the script's work are checked in the DOM the browser built, and a
screenshot is saved in the test's folder. Skips (saying why) where Chromium is missing;
.ci/run installs Debian's ``chromium``."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import Extractor
from pipeline.report import overview
from pipeline.report.article import ROLES
from pipeline.report.build import build_report
from pipeline.report.source import open_output
from pipeline.runner import run_extract

from .conftest import parse

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars")
PAYLOAD = "<script>document.body.dataset.pwned = 1</script>"
HOSTILE = f'The union said "{PAYLOAD}" & <img src=x onerror="alert(1)"> was wrong.\n'


def chromium() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        pytest.skip("no Chromium on PATH (Debian: apt-get install -y chromium; .ci/run "
                    "installs it when it can)")
    return found


def browse(browser: str, profile: Path, url: str, *args: str) -> str:
    """Run headless Chromium on ``url``; its stdout."""
    done = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args, url],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_report_of_a_real_extraction_in_chromium(extractor: Extractor, news: str,
                                                 write: Callable[[str, str], Path],
                                                 tmp_path: Path) -> None:
    browser = chromium()
    write("in/news.txt", news)
    write("in/hostile.txt", HOSTILE)
    out = str(tmp_path / "out.duckdb")
    run_extract([str(tmp_path / "in")], out=out, extractor=extractor)
    report = tmp_path / "report.html"
    build_report(out, report)
    with open_output(out) as reader:
        tables = reader.tables()

    tree = parse(browse(browser, tmp_path / "profile", report.as_uri(), "--dump-dom"))
    for role in ROLES:
        marks = tree.css(f'.text mark[data-role="{role}"]')
        key = "data-entity-id" if role == "entity" else "data-claim-id"
        assert marks and all(m.attributes.get(key) for m in marks), role
    for chart in ("top-sources", "stance-matrix", "figures-by-unit", "figures-over-time"):
        assert tree.css_first(f"#{chart} svg") is not None, chart
    top = overview.top_sources(tables.claims)["source"].iloc[0]
    assert top in {t.text() for t in tree.css("#top-sources svg text")}
    # the script ran: the table has its first page, one article shows, the payload did not run
    assert len(tree.css("#claims-table tbody tr")) == min(50, len(tables.claims))
    assert [a.attributes["data-doc-id"] for a in tree.css("article:not([hidden])")] == [
        "hostile.txt"]
    assert "data-pwned" not in tree.body.attributes
    assert PAYLOAD in tree.css_first("article .text").text()

    # a link to a claim opens its article and fills the side panel with the row
    quote = tables.claims.query("claim_type == 'stance' and doc_id == 'news.txt'").iloc[0]
    linked = parse(browse(browser, tmp_path / "profile",
                          f"{report.as_uri()}#claim-{quote['claim_id']}", "--dump-dom"))
    assert [a.attributes["data-doc-id"] for a in linked.css("article:not([hidden])")] == [
        "news.txt"]
    panel = linked.css_first("article:not([hidden]) .panel").text()
    assert quote["claim_id"] in panel and quote["content"] in panel

    shot = tmp_path / "report.png"
    browse(browser, tmp_path / "profile", report.as_uri(), f"--screenshot={shot}",
           "--window-size=1280,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
