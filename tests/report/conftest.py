"""Helpers shared by the report tests: read marked HTML back as a bracket string."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from tests.writers.conftest import pg_database  # noqa: F401 - a fixture, for the reader tests


def bracket(node: Node) -> str:
    """``[role:...]`` for every ``mark[data-role]`` under ``node``, text as it reads."""
    out = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            out.append(child.text(deep=False))
        elif child.tag == "mark" and "data-role" in child.attributes:
            out.append(f"[{child.attributes['data-role']}:{bracket(child)}]")
        else:
            out.append(bracket(child))
    return "".join(out)


def parse(html: str) -> HTMLParser:
    return HTMLParser(html)
