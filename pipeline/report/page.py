"""The page template: one self-contained HTML file, its style, script and data inline.

The data (claims for the table and the side panel, entity names) is one JSON block the
script reads; ``<``, ``>`` and ``&`` are written as JSON escapes, so no text in it can
close the block or open a tag.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    body: str  # HTML


@cache
def asset(name: str) -> str:
    return (resources.files("pipeline.report") / "assets" / name).read_text(encoding="utf-8")


def json_script(data: Any, element_id: str) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def render_page(title: str, subtitle: str, sections: list[Section], data: dict[str, Any]) -> str:
    nav = "".join(f'<a href="#{s.id}">{html.escape(s.heading)}</a>' for s in sections)
    body = "".join(f'<section id="{s.id}"><h2>{html.escape(s.heading)}</h2>{s.body}</section>'
                   for s in sections)
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{asset('report.css')}</style></head>"
        f'<body><header class="top"><div class="brand">{html.escape(title)}'
        f'<span class="sub">{html.escape(subtitle)}</span></div><nav>{nav}</nav></header>'
        f"<main>{body}</main>{json_script(data, 'nc-data')}"
        f"<script>{asset('report.js')}</script></body></html>"
    )
