"""Gold figures from the Microsoft Recognizers-Text English specs.

Each case's ``Input`` is one document; each result becomes a gold figure with the
span ``Start .. End + 1`` (the specs' ``End`` is inclusive). The specs carry no
modifier, so modifiers are not scored on them.

What cannot be a figure row is left out, and counted:
- cases whose ``NotSupported``/``NotSupportedByDesign`` names python (the reference
  implementation never met them either);
- results without a numeric value, or a percentage whose value is "null";
- currencies with neither an ISO code nor an unambiguous one (cents, pence, francs,
  bitcoin ...: the claims table wants an ISO 4217 code). A plain "Dollar" is read as
  USD and "Pound" as GBP, the news convention for "$" and "£";
- numbers that are bare years (1900-2099, no currency sign before them) or parts of
  a slash/dash date ("5/17/2018"), which the extractor reports as ``time``;
- ordinals ("4th"), which are ranks, not quantities.
Within a kept case, predictions on a left-out result's span are ignored (neither
TP nor FP). A case whose every result was left out is skipped whole.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import GoldFormatError
from pipeline.evaluate.gold import GoldFigure, read_json, require_dir
from pipeline.evaluate.runner import EvalDoc, GoldSet
from pipeline.evaluate.spans import Span

MODELS: dict[str, str] = {
    "CurrencyModel.json": "currency",
    "PercentModel.json": "percent",
    "NumberModel.json": "number",
}
"""spec file -> kind of figure it annotates"""

CURRENCY_NAMES: dict[str, str] = {"Dollar": "USD", "Pound": "GBP"}
_YEAR = re.compile(r"(19|20)\d\d")
_DATE = re.compile(r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}")
_ORDINAL = re.compile(r"\d+\s*(st|nd|rd|th)", re.IGNORECASE)


@dataclass(frozen=True)
class RecognizerGold:
    kind: str
    figures: tuple[GoldFigure, ...]
    ignored: tuple[Span, ...]


def _not_supported_in_python(case: dict[str, Any]) -> bool:
    fields = (case.get("NotSupported"), case.get("NotSupportedByDesign"))
    return any(isinstance(f, str) and "python" in f.lower() for f in fields)


def _value_unit(kind: str, resolution: dict[str, Any]) -> tuple[float, str | None] | str:
    """(value, unit) of a result, or the reason it cannot be a figure row."""
    raw = resolution.get("value")
    if kind == "percent" and isinstance(raw, str):
        raw = raw.removesuffix("%")
    try:
        value = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "no numeric value"
    if kind == "percent":
        return value, "%"
    if kind == "currency":
        unit = resolution.get("isoCurrency") or CURRENCY_NAMES.get(resolution.get("unit", ""))
        return (value, unit) if unit else "currency without ISO code"
    return value, None


def _number_reason(text: str, result: dict[str, Any], start: int, end: int) -> str | None:
    """Why a NumberModel result is not a figure, or None when it is one."""
    surface = result.get("Text", "")
    if result.get("Resolution", {}).get("subtype") == "ordinal" or _ORDINAL.fullmatch(surface):
        return "ordinal"
    if any(m.start() <= start and end <= m.end() for m in _DATE.finditer(text)):
        return "part of a date"
    if _YEAR.fullmatch(surface) and not text[:start].rstrip().endswith(("$", "€", "£", "¥")):
        return "bare year"
    return None


def parse_case(kind: str, case: Any, where: str) -> tuple[RecognizerGold, Counter[str]] | str:
    """A case's gold and the reasons of left-out results, or why the whole case is skipped."""
    if not isinstance(case, dict) or not isinstance(case.get("Input"), str):
        raise GoldFormatError(f"{where}: expected an object with an Input string")
    if _not_supported_in_python(case):
        return "not supported in python"
    text, figures, ignored, reasons = case["Input"], [], [], Counter()
    for i, result in enumerate(case.get("Results") or []):
        try:
            start, end = int(result["Start"]), int(result["End"]) + 1
            resolution = result.get("Resolution") or {}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GoldFormatError(f"{where}: Results[{i}] lacks Start/End") from exc
        parsed = _value_unit(kind, resolution)
        reason = parsed if isinstance(parsed, str) else None
        if reason is None and kind == "number":
            reason = _number_reason(text, result, start, end)
        if reason is not None:
            reasons[reason] += 1
            ignored.append(Span(start, end))
            continue
        value, unit = parsed  # type: ignore[misc]
        figures.append(GoldFigure(Span(start, end), result.get("Text"), value, unit, "="))
    if ignored and not figures:
        return reasons.most_common(1)[0][0]
    return RecognizerGold(kind, tuple(figures), tuple(ignored)), reasons


def load_recognizers(recognizers_dir: str | Path) -> GoldSet[RecognizerGold]:
    """Cases of the currency, percent and number specs; notes say what was left out."""
    folder = require_dir(recognizers_dir, "Recognizers-Text")
    docs: list[EvalDoc[RecognizerGold]] = []
    notes: list[str] = []
    for filename, kind in MODELS.items():
        path = folder / filename
        if not path.is_file():
            raise GoldFormatError(f"Recognizers-Text spec not found: {path}")
        cases = read_json(path)
        if not isinstance(cases, list):
            raise GoldFormatError(f"{path}: expected a list of cases")
        skipped: Counter[str] = Counter()
        left_out: Counter[str] = Counter()
        empty = 0
        for i, case in enumerate(cases):
            parsed = parse_case(kind, case, f"{filename}[{i}]")
            if isinstance(parsed, str):
                skipped[parsed] += 1
                continue
            gold, reasons = parsed
            left_out.update(reasons)
            empty += not gold.figures
            docs.append(EvalDoc(f"{path.stem}#{i}", case["Input"], gold))
        stem = path.stem
        notes.extend(f"{stem}: skipped {n} cases: {why}" for why, n in skipped.items())
        notes.extend(f"{stem}: left out {n} results in kept cases: {why}"
                     for why, n in left_out.items())
        if empty:
            notes.append(f"{stem}: {empty} cases have no gold figure (predictions there are FP)")
    notes.append("value+modifier not scored: the specs annotate no modifiers")
    return GoldSet(docs, notes)
