"""Which reading an ambiguous abbreviation has, from the words around it.

"m" after a number is a million in business news and a metre in sport ("the 400m final",
"cleared 1.85m"); "p" is pence or a video resolution ("1080p"); "5g" is five grams or a
network; "$" is a US dollar unless the sentence is about Canada. CQE decides such cases
with a classifier over the sentence; here each reading has cue words (and numbers) in
``models/units.json``: the reading with the most cues near the figure wins, the word right
after the figure counting twice, and a tie or no cue leaves the default. A reading of
``none`` means the figure is no quantity at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import resources

NONE = "none"


def _cue_pattern(cues: list[str]) -> re.Pattern[str] | None:
    """Words match whole, also in the plural ("run" not in "rerun"; "electorates");
    signs ("£") anywhere."""
    if not cues:
        return None
    words = sorted((c for c in cues if c[:1].isalnum()), key=len, reverse=True)
    signs = [re.escape(c) for c in cues if not c[:1].isalnum()]
    options = ([rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?:e?s)?(?![\w-])"]
               if words else []) + signs
    return re.compile("|".join(options), re.IGNORECASE)


@dataclass(frozen=True)
class Sense:
    reading: str
    cues: re.Pattern[str] | None
    numbers: frozenset[float]

    def score(self, window: str, after: str, value: float) -> int:
        if self.cues is None:
            return int(value in self.numbers)
        return (len(self.cues.findall(window)) + len(self.cues.findall(after))
                + int(value in self.numbers))


_CODE = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Ambiguity:
    default: str
    senses: tuple[Sense, ...]

    @property
    def currencies(self) -> frozenset[str]:
        """The readings that are ISO 4217 codes ("won" may be KRW)."""
        return frozenset(r for r in (self.default, *(s.reading for s in self.senses))
                         if _CODE.fullmatch(r))

    def reading(self, window: str, after: str = "", value: float = 0.0) -> str:
        """The reading best supported by ``window`` (the sentence), ``after`` (the word
        right after the figure) and the figure's ``value``."""
        scores = sorted(((s.score(window, after, value), s.reading) for s in self.senses),
                        reverse=True)
        if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
            return self.default
        return scores[0][1]


@cache
def ambiguities() -> dict[str, Ambiguity]:
    """Every ambiguous form, lower-cased -> its readings."""
    table: dict[str, Ambiguity] = {}
    for entry in resources.load("units")["ambiguous"]:
        ambiguity = Ambiguity(
            default=entry["default"],
            senses=tuple(
                Sense(reading=reading, cues=_cue_pattern(sense.get("cues", [])),
                      numbers=frozenset(sense.get("numbers", [])))
                for reading, sense in entry["senses"].items()
            ),
        )
        for form in entry["forms"]:
            table[form.lower()] = ambiguity
    return table
