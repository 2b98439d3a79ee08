"""One alias table for every name the pipeline writes: entity canonicals (and so statement
sources) and stance targets read the same ``models/entities.json`` aliases, so "Democrats
said" and "criticised the Democrats" both name the "Democratic Party".

Forms of 4 characters or less match case-sensitively ("GOP", "Tory", not "who" for the
WHO), longer ones case-insensitively.
"""

from __future__ import annotations

from functools import cache

from pipeline import resources


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    aliases: dict[str, str] = resources.load("entities")["aliases"]
    exact = {k: v for k, v in aliases.items() if len(k) <= 4}
    folded = {k.casefold(): v for k, v in aliases.items() if len(k) > 4}
    return exact, folded


def alias(name: str) -> str | None:
    """The canonical name ``name`` is an alias of, if the table has it."""
    exact, folded = _tables()
    return exact.get(name) or folded.get(name.casefold())
