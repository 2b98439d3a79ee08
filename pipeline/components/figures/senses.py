"""Which reading an ambiguous abbreviation has, from the words around it.

"m" after a number is a million in business news and a metre in sport ("the 400m final",
"cleared 1.85m"); "p" is pence or a video resolution ("1080p"); "5g" is five grams or a
network; "$" is a US dollar unless the sentence is about Canada. CQE decides such cases
with a classifier over the sentence; here each reading has cue words (and numbers) in
``models/units.json``: the reading with the most cues near the figure wins, the word right
after the figure counting twice (and a ``next`` phrase right after it, "with 500m to go",
twice), and a tie or no cue leaves the default. A reading of ``none`` means the figure is
no quantity at all.
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


def _next_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """Phrases that must come right after the figure, whole ("to go", not "to govern")."""
    if not phrases:
        return None
    return re.compile(rf"\s*(?:{'|'.join(map(re.escape, phrases))})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sense:
    reading: str
    cues: re.Pattern[str] | None
    numbers: frozenset[float]
    next_cues: re.Pattern[str] | None = None  # phrases right after the figure ("to go")
    weak: re.Pattern[str] | None = None  # cues that count only where the article is silent

    def score(self, window: str, after: str, value: float, following: str = "") -> int:
        found = int(value in self.numbers)
        if self.next_cues is not None and self.next_cues.match(following):
            found += 2  # "with 500m to go": a phrase only a distance takes
        if self.cues is None:
            return found
        return found + len(self.cues.findall(window)) + len(self.cues.findall(after))


_CODE = re.compile(r"[A-Z]{3}")


def _decided(scores: list[tuple[int, str]]) -> bool:
    """The best reading has a cue and no other has as many."""
    return bool(scores) and scores[0][0] > 0 and (len(scores) < 2 or scores[1][0] < scores[0][0])


@dataclass(frozen=True)
class Ambiguity:
    default: str
    senses: tuple[Sense, ...]

    @property
    def currencies(self) -> frozenset[str]:
        """The readings that are ISO 4217 codes ("won" may be KRW)."""
        return frozenset(r for r in (self.default, *(s.reading for s in self.senses))
                         if _CODE.fullmatch(r))

    def reading(self, window: str, after: str = "", value: float = 0.0,
                following: str = "", wider: str = "") -> str:
        """The reading best supported by ``window`` (the sentence), ``after`` (the word
        right after the figure), the figure's ``value`` and ``following`` (the text right
        after the figure, for phrases that must follow it); where these hold no cue at
        all, by the sentence's weak cues ("lead", which polls and matches share) --
        unless ``wider`` (the article) favours another reading: "a lead of five points"
        is a poll's in a poll story, a match's in a match report."""
        scores = self._scores(window, after, value, following)
        if scores and scores[0][0] == 0 and wider and self.default == NONE:
            # "It has earmarked 100 trillion won ($96bn)": a sentence with no cue does not
            # drop the figure where the article says which currency ("South Korea ...")
            article = self._scores(wider, "", 0.0, "")
            if _decided(article):
                return article[0][1]
        if scores and scores[0][0] == 0:
            scores = sorted(((len(s.weak.findall(window)) if s.weak else 0, s.reading)
                             for s in self.senses), reverse=True)
            if wider and _decided(scores):
                article = self._scores(wider, "", 0.0, "")
                if _decided(article) and article[0][1] != scores[0][1]:
                    return article[0][1]
        return scores[0][1] if _decided(scores) else self.default

    def _scores(self, window: str, after: str, value: float,
                following: str) -> list[tuple[int, str]]:
        return sorted(((s.score(window, after, value, following), s.reading)
                       for s in self.senses), reverse=True)


@cache
def ambiguities() -> dict[str, Ambiguity]:
    """Every ambiguous form, lower-cased -> its readings."""
    table: dict[str, Ambiguity] = {}
    for entry in resources.load("units")["ambiguous"]:
        ambiguity = Ambiguity(
            default=entry["default"],
            senses=tuple(
                Sense(reading=reading, cues=_cue_pattern(sense.get("cues", [])),
                      numbers=frozenset(sense.get("numbers", [])),
                      next_cues=_next_pattern(sense.get("next", [])),
                      weak=_cue_pattern(sense.get("weak", [])))
                for reading, sense in entry["senses"].items()
            ),
        )
        for form in entry["forms"]:
            table[form.lower()] = ambiguity
    return table
