"""Score quantulum3 with the newsclaims figure scorer, as a baseline.

quantulum3 is installed for this benchmark only (``pip install quantulum3``); it is
not a newsclaims dependency. Each quantulum3 ``Quantity`` becomes one figure row of
the claims table, mapped to the newsclaims conventions (see bench/README.md), and
``pipeline.evaluate.evaluate_figures`` scores those rows exactly as it scores ours.

    python bench/quantulum_baseline.py            # quantulum3 only
    python bench/quantulum_baseline.py --compare  # quantulum3, then newsclaims
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.evaluate import ExtractFn, evaluate_figures, format_report
from pipeline.schema import TABLES

REPO = Path(__file__).resolve().parent.parent
CLAIMS_COLUMNS = [c.name for c in TABLES["claims"]]

CURRENCY_CODES: dict[str, str] = {
    "united states dollar": "USD",
    "dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "japanese yen": "JPY",
    "yen": "JPY",
    "renminbi": "CNY",
    "chinese yuan": "CNY",
    "yuan": "CNY",
    "swiss franc": "CHF",
    "indian rupee": "INR",
    "russian ruble": "RUB",
    "canadian dollar": "CAD",
    "australian dollar": "AUD",
}
"""Fallback, by quantulum3 unit name, when a currency unit has no ``currency_code``."""


def map_unit(unit: Any) -> str | None:
    """A quantulum3 Unit -> the newsclaims unit convention.

    Currency -> ISO 4217 code; percentage -> "%"; "percentage point" (no such unit in
    quantulum3 0.10, kept in case a later version adds it) -> "pp"; a bare number ->
    None; any other unit -> its singular name, lower-cased.
    """
    name = (getattr(unit, "name", None) or "").strip()
    entity = getattr(getattr(unit, "entity", None), "name", None)
    lowered = name.lower()
    if entity == "currency":
        code = getattr(unit, "currency_code", None)
        if code:
            return str(code).upper()
        return CURRENCY_CODES.get(lowered, lowered or None)
    if lowered in ("percentage point", "percentage points"):
        return "pp"
    if lowered in ("percentage", "percent"):
        return "%"
    if not lowered or lowered == "dimensionless":
        return None
    return lowered


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (newline to newline) holding a span: quantulum3 has no sentences."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right == -1 else right


class QuantulumExtractor:
    """An ``ExtractFn`` over ``quantulum3.parser.parse``; counts texts it failed on."""

    def __init__(self, classifier_path: Path | None = None) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "classifier dependencies not installed"
            from quantulum3 import parser
        self._parse = parser.parse
        self.classifier_path = str(classifier_path) if classifier_path else None
        self.name = f"quantulum3-{version('quantulum3')}" + ("+clf" if classifier_path else "")
        self.failures: Counter[str] = Counter()
        self.n_texts = 0

    def __call__(self, text: str, doc_id: str, published_at: str | None) -> dict[str, Any]:
        self.n_texts += 1
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                quantities = self._parse(text, classifier_path=self.classifier_path)
        except Exception as exc:  # one text quantulum3 chokes on must not end the run
            self.failures[type(exc).__name__] += 1
            quantities = []
        rows = []
        for i, q in enumerate(quantities):
            try:
                start, end = (int(x) for x in q.span)
                value = float(q.value)
            except (TypeError, ValueError):
                self.failures["bad quantity"] += 1
                continue
            left, right = _line_around(text, start, end)
            rows.append({
                "claim_id": f"{doc_id}:q{i}",
                "doc_id": doc_id,
                "claim_type": "figure",
                "value": value,
                "unit": map_unit(q.unit),
                "modifier": "=",  # quantulum3 has no modifier notion
                "value_text": text[start:end],
                "sentence": text[left:right],
                "sent_idx": text.count("\n", 0, left),
                "char_start": left,
                "char_end": right,
                "content_start": start,
                "content_end": end,
                "confidence": 1.0,
                "extractor": self.name,
            })
        return {"claims": pd.DataFrame(rows, columns=CLAIMS_COLUMNS)}


def newsclaims_extract_fn() -> ExtractFn:
    from pipeline.extractor import Extractor

    extractor = Extractor()

    def extract_fn(text: str, doc_id: str, published_at: str | None) -> Any:
        return extractor.extract_text(text, doc_id, published_at=published_at)

    return extract_fn


def run(label: str, extract_fn: ExtractFn, corpus: Path, recognizers: Path | None) -> None:
    print(f"==== {label} ====")
    for report in evaluate_figures(extract_fn, corpus_dir=corpus, recognizers_dir=recognizers):
        print(format_report(report))
        print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus",
                    help="gold corpus folder (default: the repo's corpus/)")
    ap.add_argument("--recognizers", type=Path,
                    default=REPO.parent / "shared" / "data" / "recognizers-text",
                    help="Recognizers-Text specs folder (default: ../shared/data/"
                         "recognizers-text beside the repo; skipped if absent)")
    ap.add_argument("--classifier", type=Path, default=None,
                    help="a quantulum3 clf.joblib to disambiguate units with (needs "
                         "scikit-learn; see bench/README.md); default: no classifier")
    ap.add_argument("--compare", action="store_true",
                    help="also score newsclaims' own Extractor on the same data")
    args = ap.parse_args(argv)

    recognizers: Path | None = args.recognizers
    if recognizers is not None and not recognizers.is_dir():
        print(f"Recognizers-Text specs not found at {recognizers}; scoring the corpus only.")
        recognizers = None

    if args.classifier is not None and not args.classifier.is_file():
        ap.error(f"--classifier {args.classifier} is not a file")
    quantulum = QuantulumExtractor(args.classifier)
    run(quantulum.name, quantulum, args.corpus, recognizers)
    failed = sum(quantulum.failures.values())
    print(f"quantulum3: {quantulum.n_texts} texts parsed, {failed} failures"
          + (f" ({dict(quantulum.failures)})" if failed else ""))
    print()
    if args.compare:
        run("newsclaims", newsclaims_extract_fn(), args.corpus, recognizers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
