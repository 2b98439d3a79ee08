"""Score textacy's direct quotations with the newsclaims attribution and stance scorers.

textacy is installed for this benchmark only, in a venv that sees the project's
packages (see bench/README.md); it is not a newsclaims dependency. Each document is
parsed by the same base spaCy model newsclaims builds on, and each triple of
``textacy.extract.triples.direct_quotations`` becomes one stance row of the claims
table. ``pipeline.evaluate`` scores those rows exactly as ``newsclaims evaluate``
scores ours: attribution on PolNeAR dev, stance on the corpus and SEESAW valid.

Run from the repo root with ``-m``, so that ``pipeline`` comes from this checkout:

    /tmp/textacy-venv/bin/python -m bench.textacy_baseline            # textacy only
    /tmp/textacy-venv/bin/python -m bench.textacy_baseline --compare  # then newsclaims
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from pipeline.evaluate import (
    ExtractFn,
    Report,
    evaluate_attribution,
    evaluate_stance,
    format_report,
)
from pipeline.evaluate.seesaw import evaluate_seesaw
from pipeline.nlp import DEFAULT_MODEL
from pipeline.schema import TABLES

REPO = Path(__file__).resolve().parent.parent
CLAIMS_COLUMNS = [c.name for c in TABLES["claims"]]


class TokenLike(Protocol):
    idx: int
    text: str


class SpanLike(Protocol):
    start_char: int
    end_char: int


class TripleLike(Protocol):
    """What the mapping reads of a textacy ``DQTriple``."""

    speaker: Sequence[TokenLike]
    cue: Sequence[TokenLike]
    content: SpanLike


def _token_extent(tokens: Sequence[TokenLike], offset: int) -> tuple[int, int]:
    """First to last character of some tokens, which need not be adjacent."""
    return (min(t.idx for t in tokens) + offset,
            max(t.idx + len(t.text) for t in tokens) + offset)


def triple_rows(
    triples: Iterable[TripleLike],
    text: str,
    sentences: Sequence[tuple[int, int]],
    doc_id: str,
    extractor: str,
    *,
    offset: int = 0,
    first: int = 0,
) -> list[dict[str, Any]]:
    """textacy direct-quotation triples -> stance rows of the claims table.

    ``text`` is the whole document and ``sentences`` its (start, end) character spans
    in order; token ``idx`` and span ``start_char`` are shifted by ``offset`` (the
    start of the piece of text the triples were found in). A speaker or cue made of
    tokens that are not adjacent ("John Smith and Mary Jones" without "and") gets the
    span from its first to its last token. ``first`` numbers the claim ids on.
    """
    starts = [s for s, _ in sentences]
    rows = []
    for triple in triples:
        if not triple.speaker or not triple.cue:  # textacy yields none such; stay safe
            continue
        subject = _token_extent(triple.speaker, offset)
        cue = _token_extent(triple.cue, offset)
        content = (triple.content.start_char + offset, triple.content.end_char + offset)
        evidence = (min(subject[0], cue[0], content[0]), max(subject[1], cue[1], content[1]))
        sent = max(bisect.bisect_right(starts, evidence[0]) - 1, 0)
        sentence = text[slice(*sentences[sent])].strip() if sentences else ""
        quoted = text[content[0] : content[1]]
        rows.append({
            "claim_id": f"{doc_id}:dq{first + len(rows)}",
            "doc_id": doc_id,
            "claim_type": "stance",
            "subject": text[subject[0] : subject[1]],
            "predicate": text[cue[0] : cue[1]],
            "target": None,  # textacy finds no target
            "stance": "neutral",  # nor a stance: SEESAW ignores neutral rows
            "content": quoted,
            "quote": quoted,
            "sentence": sentence,
            "sent_idx": sent,
            "char_start": evidence[0],
            "char_end": evidence[1],
            "subject_start": subject[0],
            "subject_end": subject[1],
            "predicate_start": cue[0],
            "predicate_end": cue[1],
            "content_start": content[0],
            "content_end": content[1],
            "confidence": 1.0,
            "extractor": extractor,
        })
    return rows


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-blank lines of a text."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


class TextacyExtractor:
    """An ``ExtractFn``: base spaCy model, then ``direct_quotations`` on the parsed Doc.

    textacy raises ValueError on a text with an odd number of quotation marks rather
    than guess which one is unclosed. By default (``by_paragraph=False``) the whole
    document then has no predictions, as a textacy user would get; with
    ``by_paragraph=True`` each non-blank line is searched on its own, so only the
    paragraph with the stray mark is lost. Failures are counted either way.
    """

    def __init__(self, model: str | None = None, *, by_paragraph: bool = False) -> None:
        self.model = model or DEFAULT_MODEL
        self.by_paragraph = by_paragraph
        self.name = f"textacy-{version('textacy')}" + ("/paragraph" if by_paragraph else "")
        self.failures: Counter[str] = Counter()
        self.n_texts = 0
        self.n_pieces = 0
        self._nlp: Any = None
        self._direct_quotations: Any = None

    def _load(self) -> None:
        import spacy
        from textacy.extract.triples import direct_quotations

        self._nlp = spacy.load(self.model)
        self._direct_quotations = direct_quotations

    def _search(self, doc: Any) -> list[Any]:
        self.n_pieces += 1
        try:
            return list(self._direct_quotations(doc))
        except ValueError as exc:
            why = "odd number of quotation marks" if "quotation marks" in str(exc) else str(exc)
            self.failures[why] += 1
        except Exception as exc:  # one text textacy chokes on must not end the run
            self.failures[type(exc).__name__] += 1
        return []

    def __call__(self, text: str, doc_id: str, published_at: str | None) -> dict[str, Any]:
        if self._nlp is None:
            self._load()
        self.n_texts += 1
        doc = self._nlp(text)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        rows: list[dict[str, Any]] = []
        if not self.by_paragraph:
            rows = triple_rows(self._search(doc), text, sentences, doc_id, self.name)
        else:
            for start, end in _paragraphs(text):
                piece = doc.char_span(start, end, alignment_mode="expand")
                if piece is None or len(piece) == 0:
                    continue
                rows += triple_rows(self._search(piece.as_doc()), text, sentences, doc_id,
                                    self.name, offset=piece.start_char, first=len(rows))
        return {"claims": pd.DataFrame(rows, columns=CLAIMS_COLUMNS)}

    def take_note(self) -> str:
        """What failed since the last note, as a report note; then start counting anew."""
        pieces = f"{self.n_pieces} paragraphs of " if self.by_paragraph else ""
        why = ", ".join(f"{n} {reason}" for reason, n in self.failures.items())
        note = (f"textacy raised on {sum(self.failures.values())} of {pieces}{self.n_texts} "
                f"texts{f' ({why})' if why else ''}; those gave no triples")
        self.failures.clear()
        self.n_texts = self.n_pieces = 0
        return note


def newsclaims_extract_fn(model: str | None) -> ExtractFn:
    from pipeline.extractor import Extractor

    extractor = Extractor(model)

    def extract_fn(text: str, doc_id: str, published_at: str | None) -> Any:
        return extractor.extract_text(text, doc_id, published_at=published_at)

    return extract_fn


def evaluate(extract_fn: ExtractFn, *, corpus: Path, polnear: Path | None,
             seesaw: Path | None, limit: int | None = None) -> Iterator[Report]:
    """The reports of ``newsclaims evaluate attribution`` and ``... stance``, one dataset
    at a time (so that the caller can note what happened on each)."""
    if polnear is not None:
        yield evaluate_attribution(polnear, extract_fn, limit=limit)
    yield from evaluate_stance(extract_fn, corpus_dir=corpus)
    if seesaw is not None:
        yield evaluate_seesaw(extract_fn, seesaw, split="valid")


def _dataset(path: Path, label: str) -> Path | None:
    if path.is_dir():
        return path
    print(f"{label} not found at {path}; skipped.")
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus",
                    help="gold corpus folder (default: the repo's corpus/)")
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data",
                    help="shared benchmark data holding polnear/dev and seesaw (default: "
                         "../shared/data beside the repo; a missing dataset is skipped)")
    ap.add_argument("--limit", type=int, default=None, metavar="N",
                    help="score at most this many PolNeAR articles")
    ap.add_argument("--model", default=None,
                    help=f"spaCy pipeline to parse with (default {DEFAULT_MODEL})")
    ap.add_argument("--by-paragraph", action="store_true",
                    help="run direct_quotations on each paragraph, so that an unclosed "
                         "quotation mark loses one paragraph, not the whole document")
    ap.add_argument("--compare", action="store_true",
                    help="also score newsclaims' own Extractor on the same data")
    args = ap.parse_args(argv)

    polnear = _dataset(args.data / "polnear" / "dev", "PolNeAR dev")
    seesaw = _dataset(args.data / "seesaw", "SEESAW")

    textacy = TextacyExtractor(args.model, by_paragraph=args.by_paragraph)
    runs: list[tuple[str, ExtractFn]] = [(textacy.name, textacy)]
    if args.compare:
        runs.append(("newsclaims", newsclaims_extract_fn(args.model)))
    for label, extract_fn in runs:
        print(f"==== {label} ====")
        for report in evaluate(extract_fn, corpus=args.corpus, polnear=polnear,
                               seesaw=seesaw, limit=args.limit):
            if extract_fn is textacy:
                report.notes.append(textacy.take_note())
            print(format_report(report))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
