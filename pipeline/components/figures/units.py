"""Units and currencies, from the libraries that keep them.

Physical units come from pint's unit registry: every unit ``models/units.json`` names, with
the prefixes news uses, gives its name, symbol and aliases, their plurals and British
spellings, square and cubic forms and slashed rates, each mapped to one canonical singular
name ("km", "kilometers", "kms" -> kilometre; "kWh" -> kilowatt-hour; "km/h" -> kilometre
per hour). Currencies come from CLDR through Babel: the English signs ("£", "A$", "CN¥"),
names ("US dollars", "Japanese yen") and the ISO 4217 codes in use. The data file adds
what news writes and the libraries lack ("$US", "S$", "Y=" for yen, "mpg", "PS" for a "£"
lost in scraping), and every non-ASCII sign also matches in its mojibake forms ("Â£" is
"£" read as Windows-1252), so scraped text that nobody repaired still reads right.

pint needs about a second to import and build its registry, so the tables are built once
per process, on first use, and only plain dicts are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property

from pipeline import resources

_ES = re.compile(r"(?:s|x|z|ch|sh)$")
_CONSONANT_Y = re.compile(r"[^aeiou]y$")
_WORD = re.compile(r"[a-z]{4,}")  # a unit's name or alias, not a symbol ("sec", "hr", "degC")
_SHORT_SYMBOL = re.compile(r"[a-z]{2,3}")  # "lb", "kg", "hr": plural with an "s" ("lbs")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, str]  # a unit as written -> its canonical singular name
    folded_units: dict[str, str]  # lower-cased; where forms collide the first unit listed wins
    glued: frozenset[str]  # lower-cased forms that count only against the number ("500g", "17in")
    signs: dict[str, str]  # a currency sign (mojibake forms too), lower-cased -> ISO 4217 code
    scraped_signs: frozenset[str]  # lower-cased signs that stand for a sign lost in scraping
    names: dict[str, str]  # a currency name, lower-cased -> ISO code
    shared_names: dict[str, frozenset[str]]  # "cfa francs" -> XAF, XOF: ends of several names
    territories: dict[str, str]  # a country's English name, lower-cased -> its currency
    codes: frozenset[str]  # ISO 4217 codes in use that may stand for their currency
    common_codes: frozenset[str]  # codes of currencies with an English sign: any case ("usd")

    def unit(self, surface: str) -> str | None:
        """The canonical name of a unit as written ("kms" -> kilometre), or None."""
        key = _SPACES.sub(" ", surface.strip())
        return self.units.get(key) or self.folded_units.get(key.lower())

    def sign(self, surface: str) -> str | None:
        """The ISO code of a currency sign as written ("hk $" -> HKD), or None."""
        key = _SPACES.sub("", surface).lower()
        return self.signs.get(key) or (key.upper() if key.upper() in self.codes else None)

    def currency(self, word: str) -> str | None:
        """The ISO code of a currency name, code or sign written after a number ("500
        USD", "40 RMB", "5 dollars", "10 €")."""
        if word in self.codes or word.upper() in self.common_codes:
            return word.upper()
        key = _SPACES.sub(" ", word.strip()).lower()
        lettered = key.isalpha() and len(key) >= 3  # "RMB"; not "Rs" or the scraped "PS"
        return self.names.get(key) or (self.signs.get(key) if lettered or not key.isalpha()
                                       else None)

    def currency_in(self, words: str, sentence: str) -> str | None:
        """The ISO code of the end of several CLDR currency names ("CFA francs": Central
        or West African; "francs") in a sentence that names a country using one of them
        ("Cameroon" -> XAF, "Mali" -> XOF); None when no country settles it."""
        codes = self.shared_names.get(_SPACES.sub(" ", words.strip()).lower())
        if not codes:
            return None
        named = {self.territories[m.group(0).lower()]
                 for m in self._territory_pattern.finditer(sentence)}
        found = named & codes
        return found.pop() if len(found) == 1 else None

    @cached_property
    def _territory_pattern(self) -> re.Pattern[str]:
        names = sorted(self.territories, key=len, reverse=True)
        return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b", re.IGNORECASE)

    @property
    def lettered_signs(self) -> list[str]:
        """Signs of three letters or more, which may also follow the number ("40 RMB")."""
        return [sign for sign in self.signs if sign.isalpha() and len(sign) >= 3]

    @property
    def symbol_signs(self) -> list[str]:
        """Signs with no letter, which may also follow the number ("10 €", "10 $")."""
        return [sign for sign in self.signs if not any(c.isalpha() for c in sign)]

    @cached_property
    def measures(self) -> frozenset[str]:
        """Every canonical physical unit name."""
        return frozenset(self.units.values())


def mojibake(text: str) -> set[str]:
    """The forms UTF-8 text takes when it is read as Windows-1252 or Latin-1 ("£" -> "Â£",
    "€" -> "â‚¬"); none for ASCII."""
    raw = text.encode("utf-8")
    forms = {raw.decode("latin-1"), "".join(_cp1252(byte) for byte in raw)}
    return forms - {text}


def repaired(sign: str) -> str:
    """A mojibake sign read back as UTF-8 ("Â¥" -> "¥"); any other text as it is."""
    for codec in ("cp1252", "latin-1"):
        try:
            return sign.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return sign


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves out read as Latin-1
        return chr(byte)


def plural(word: str) -> str:
    if _CONSONANT_Y.search(word):
        return word[:-1] + "ies"
    return word + ("es" if _ES.search(word) else "s")


def _plural_phrase(words: list[str]) -> list[str]:
    """"mile per hour" -> miles per hour; "degree Celsius" -> degrees Celsius; "kilowatt
    hour" -> kilowatt hours."""
    at = words.index("per") - 1 if "per" in words else 0 if words[0] == "degree" else \
        len(words) - 1
    return [*words[:at], plural(words[at]), *words[at + 1 :]]


def _spelled(name: str, spelling: dict[str, str]) -> str:
    """A pint name in news spelling: "kilometer_per_hour" -> kilometre per hour."""
    for american in sorted(spelling, key=len, reverse=True):
        name = name.replace(american, spelling[american])
    return name.replace("_", " ")


def _british(form: str) -> set[str]:
    return {form, form.replace("meter", "metre").replace("liter", "litre")}


@dataclass(frozen=True)
class _Unit:
    """One pint unit with one prefix: its canonical name and how it is written."""

    pint_name: str
    canonical: str
    words: tuple[str, ...]  # names, spelt out, singular and plural
    symbols: tuple[str, ...]


def _pint_units(data: dict) -> Iterator[_Unit]:
    import pint  # slow to import and to build: only here, once per process

    registry = pint.UnitRegistry()
    plural_only = set(data["plural_only"])
    for name, prefix_names in data["pint_units"].items():
        unit = registry._units[registry.get_name(name)]  # pint keeps aliases only here
        words = [unit.name] + [a for a in unit.aliases if _WORD.fullmatch(a)]
        symbols = [s for s in (unit.symbol, *unit.aliases)
                   if "_" not in s and (s == unit.symbol or s not in words)]
        for prefix_name in ["", *prefix_names]:
            prefix = registry._prefixes[prefix_name]
            signs = [prefix.symbol, *(a for a in prefix.aliases if a in ("µ", "μ"))]
            spelt: set[str] = set()
            for word in (prefix_name + w for w in words):
                parts = word.split("_")
                several = [parts, _plural_phrase(parts)]
                if unit.name in plural_only and not prefix_name:
                    several = several[1:]  # "3 days", but not "one day"
                for phrase in several:
                    spelt |= _british(" ".join(phrase)) | _british("-".join(phrase))
            written = {sign + symbol for sign in signs for symbol in symbols}
            written |= {s + "s" for s in written if _SHORT_SYMBOL.fullmatch(s)}  # "lbs"
            yield _Unit(
                pint_name=prefix_name + unit.name,
                canonical=_spelled(prefix_name + unit.name, data["spelling"]),
                words=tuple(sorted(spelt)),
                symbols=tuple(sorted(written)),
            )


def _derived(unit: _Unit, data: dict) -> Iterator[tuple[str, str]]:
    """Areas, volumes and rates a length makes: "sq km", "km²", "cubic feet", "km/h"."""
    if unit.pint_name in data["square_units"]:
        for word in unit.words:
            for head in ("square ", "sq ", "sq. "):
                yield head + word, f"square {unit.canonical}"
        for symbol in unit.symbols:
            for form in (f"sq {symbol}", f"sq. {symbol}", f"{symbol}2", f"{symbol}²"):
                yield form, f"square {unit.canonical}"
    if unit.pint_name in data["cubic_units"]:
        for word in unit.words:
            yield "cubic " + word, f"cubic {unit.canonical}"
        for symbol in unit.symbols:
            for form in (f"cu {symbol}", f"{symbol}3", f"{symbol}³"):
                yield form, f"cubic {unit.canonical}"
    if unit.pint_name in data["rate_numerators"]:
        for symbol in unit.symbols:
            for denominator, name in data["rate_denominators"].items():
                yield f"{symbol}/{denominator}", f"{unit.canonical} per {name}"


def _unit_forms(data: dict) -> dict[str, str]:
    """Every way a unit is written -> its canonical name; news spellings first, then in
    the data file's order (which decides a lower-cased collision: MW is megawatt). One-letter
    symbols stand alone only where the data file lets them ("500g"), but make compounds
    ("sq m", "m/s")."""
    excluded = set(data["exclude_surfaces"])
    forms = dict(data["news_units"])
    for unit in _pint_units(data):
        own = [(form, unit.canonical) for form in (*unit.words, *unit.symbols)
               if form not in excluded and (len(form) > 1 or form in data["glued_symbols"])]
        for form, canonical in [*own, *_derived(unit, data)]:
            forms.setdefault(form, canonical)
    for form, canonical in list(forms.items()):
        for broken in mojibake(form):  # "Â°C"
            forms.setdefault(broken, canonical)
    return forms


def _currencies(data: dict) -> tuple[dict[str, str], dict[str, str], frozenset[str],
                                     frozenset[str], dict[str, frozenset[str]], dict[str, str]]:
    """CLDR's English currency signs and names for the currencies in use, their codes, the
    codes of those with an English sign of their own (the common ones), the ends of names
    that several currencies share ("cfa francs"), and each country's currency."""
    from babel import Locale
    from babel.numbers import get_currency_name, get_territory_currencies

    english = Locale.parse("en")
    in_use = sorted({code for territory in english.territories
                     for code in get_territory_currencies(territory)})
    signs = {symbol.lower(): code for code, symbol in english.currency_symbols.items()
             if code in in_use and symbol not in (code, "¤")}
    signs |= {sign.lower(): code for sign, code in data["currency_signs"].items()}
    signs |= {broken.lower(): code for sign, code in list(signs.items())
              for broken in mojibake(sign)}
    refused = set(data["not_currency_words"])
    names: dict[str, str] = {}
    by_word: dict[str, set[str]] = {}
    for code in in_use:
        for count in (1, 2):
            name = get_currency_name(code, count, "en").lower()
            if "(" not in name:
                names[name] = code
                words = name.split()
                for first in range(1, len(words)):  # "cfa francs", "francs"
                    by_word.setdefault(" ".join(words[first:]), set()).add(code)
    by_word = {end: codes for end, codes in by_word.items() if end not in names}
    names |= {end: next(iter(codes)) for end, codes in by_word.items() if len(codes) == 1}
    shared = {end: frozenset(codes) for end, codes in by_word.items() if len(codes) > 1}
    names |= {word.lower(): code for word, code in data["currency_words"].items()}
    names = {name: code for name, code in names.items() if name not in refused}
    codes = frozenset(in_use) - set(data["code_words"])
    common = frozenset(code for code, symbol in english.currency_symbols.items()
                       if code in codes and symbol not in (code, "¤"))
    territories = {name.lower(): currencies[0] for region, name in english.territories.items()
                   if len(region) == 2 and (currencies := get_territory_currencies(region))}
    return signs, names, codes, common, shared, territories


@cache
def lexicon() -> Lexicon:
    """The unit and currency tables, built on first use."""
    data = resources.load("units")
    units = _unit_forms(data)
    folded: dict[str, str] = {}
    for form, canonical in units.items():
        folded.setdefault(form.lower(), canonical)
    signs, names, codes, common, shared, territories = _currencies(data)
    return Lexicon(
        units=units,
        folded_units=folded,
        glued=frozenset(form.lower() for form in data["glued_symbols"]),
        signs=signs,
        scraped_signs=frozenset(s.lower() for s in data["scraped_signs"]),
        names=names,
        shared_names=shared,
        territories=territories,
        codes=codes,
        common_codes=common,
    )


def forms(table: Iterable[str]) -> list[str]:
    """The distinct forms of a table under case folding, for a case-insensitive pattern."""
    seen: dict[str, str] = {}
    for form in table:
        seen.setdefault(form.lower(), form)
    return list(seen.values())
