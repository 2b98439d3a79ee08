"""Loading the project's own gold corpus (``corpus/gold/*.json`` + ``corpus/articles``).

A gold file that cannot be read is the user's to fix, so it raises
``GoldFormatError`` naming the file and the field; the CLI prints it without a
traceback. Softer problems (a ``value_text`` that differs from the text at its
offsets) only become notes, because the offsets are what scoring uses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import GoldFormatError
from pipeline.evaluate.runner import EvalDoc, GoldSet
from pipeline.evaluate.spans import Span


@dataclass(frozen=True)
class GoldEntity:
    canonical: str
    label: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GoldFigure:
    span: Span
    value_text: str | None
    value: float | None
    unit: str | None
    modifier: str | None = None
    time: str | None = None
    subject: str | None = None
    predicate: str | None = None
    target: str | None = None


@dataclass(frozen=True)
class GoldStance:
    source: str | None
    source_span: Span | None
    cue_span: Span | None
    content_span: Span | None
    target: str | None
    stance: str | None
    source_text: str | None = None
    cue: str | None = None
    content: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class CorpusGold:
    entities: tuple[GoldEntity, ...]
    figures: tuple[GoldFigure, ...]
    not_figures: tuple[Span, ...]
    stances: tuple[GoldStance, ...]


def require_dir(path: str | Path, what: str) -> Path:
    """The folder, or a GoldFormatError saying which dataset folder is missing."""
    folder = Path(path)
    if not folder.is_dir():
        raise GoldFormatError(f"{what} folder not found: {folder}")
    return folder


def read_json(path: Path) -> Any:
    """Parsed JSON (a leading BOM allowed), or a GoldFormatError naming the file."""
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold JSON: {exc}") from exc


def read_text(path: Path) -> str:
    """Text exactly as stored (no newline translation), since offsets point into it."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read article text: {exc}") from exc


class Fields:
    """Typed access to one gold record; every failure names the file and field."""

    def __init__(self, record: Any, where: str) -> None:
        if not isinstance(record, Mapping):
            raise GoldFormatError(f"{where}: expected an object, got {type(record).__name__}")
        self.record, self.where = record, where

    def _fail(self, key: str, expected: str) -> GoldFormatError:
        return GoldFormatError(
            f"{self.where}.{key}: expected {expected}, got {self.record.get(key)!r}"
        )

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.record.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def number(self, key: str) -> float | None:
        value = self.record.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "a number or null")
        return float(value)

    def span(
        self, start_key: str, end_key: str, n_chars: int, required: bool = False
    ) -> Span | None:
        start, end = self.record.get(start_key), self.record.get(end_key)
        if start is None and end is None and not required:
            return None
        ok = all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end))
        if not ok or not 0 <= start <= end <= n_chars:
            raise GoldFormatError(
                f"{self.where}: bad span {start_key}/{end_key} = {start!r}/{end!r} "
                f"(text has {n_chars} characters)"
            )
        return Span(start, end)

    def items(self, key: str) -> list[Any]:
        value = self.record.get(key, [])
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return value


def _figure(f: Fields, n_chars: int) -> GoldFigure:
    return GoldFigure(
        span=f.span("char_start", "char_end", n_chars, required=True),  # type: ignore[arg-type]
        value_text=f.text("value_text"),
        value=f.number("value"),
        unit=f.text("unit"),
        modifier=f.text("modifier"),
        time=f.text("time"),
        subject=f.text("subject"),
        predicate=f.text("predicate"),
        target=f.text("target"),
    )


def figures_of(top: Fields, n_chars: int) -> tuple[GoldFigure, ...]:
    """The ``figures`` list of a record whose text has ``n_chars`` characters."""
    return tuple(
        _figure(Fields(x, f"{top.where}:figures[{i}]"), n_chars)
        for i, x in enumerate(top.items("figures"))
    )


def read_jsonl(path: Path, what: str) -> list[tuple[str, Any]]:
    """``(file:line, record)`` for each non-blank line of a JSONL gold file; a line that
    cannot be read raises ``GoldFormatError`` naming the file and line number."""
    try:
        with path.open(encoding="utf-8-sig") as fh:
            lines = fh.read().split("\n")  # not splitlines(): U+2028 may sit in a text
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read {what}: {exc}") from exc
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            records.append((where, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{where}: cannot read JSON: {exc}") from exc
    return records


def _stance(f: Fields, n_chars: int) -> GoldStance:
    return GoldStance(
        source=f.text("source"),
        source_span=f.span("source_start", "source_end", n_chars),
        cue_span=f.span("cue_start", "cue_end", n_chars),
        content_span=f.span("content_start", "content_end", n_chars),
        target=f.text("target"),
        stance=f.text("stance"),
        source_text=f.text("source_text"),
        cue=f.text("cue"),
        content=f.text("content"),
        quote=f.text("quote"),
    )


def _entity(f: Fields) -> GoldEntity:
    aliases = f.items("aliases")
    if not all(isinstance(a, str) for a in aliases):
        raise GoldFormatError(f"{f.where}.aliases: expected a list of strings")
    return GoldEntity(f.text("canonical", required=True), f.text("label"), tuple(aliases))  # type: ignore[arg-type]


def _not_figure(item: Any, where: str, n_chars: int) -> Span | None:
    """not_figures entries with offsets become spans; bare strings carry no position."""
    if isinstance(item, Mapping):
        return Fields(item, where).span("char_start", "char_end", n_chars)
    return None


def load_gold_file(path: Path, articles_dir: Path) -> tuple[EvalDoc[CorpusGold], list[str]]:
    """One gold JSON and its article; returns the doc and soft warnings."""
    top = Fields(read_json(path), path.name)
    doc_id = top.text("doc_id", required=True)
    assert doc_id is not None
    article = articles_dir / doc_id
    if not article.is_file():
        raise GoldFormatError(f"{path}: article {doc_id!r} not found in {articles_dir}")
    text = read_text(article)
    n = len(text)

    def items(key: str) -> list[Fields]:
        return [Fields(x, f"{path.name}:{key}[{i}]") for i, x in enumerate(top.items(key))]

    figures = tuple(_figure(f, n) for f in items("figures"))
    gold = CorpusGold(
        entities=tuple(_entity(f) for f in items("entities")),
        figures=figures,
        not_figures=tuple(
            span
            for i, x in enumerate(top.items("not_figures"))
            if (span := _not_figure(x, f"{path.name}:not_figures[{i}]", n)) is not None
        ),
        stances=tuple(_stance(f, n) for f in items("stances")),
    )
    return EvalDoc(doc_id, text, gold, top.text("published_at")), _text_mismatches(
        doc_id, text, figures
    )


def _text_mismatches(doc_id: str, text: str, figures: tuple[GoldFigure, ...]) -> list[str]:
    """Soft warnings for figures whose value_text differs from the text at their offsets."""
    return [
        f"{doc_id}: figure text {text[g.span.start:g.span.end]!r} != value_text {g.value_text!r}"
        for g in figures
        if g.value_text is not None and text[g.span.start : g.span.end] != g.value_text
    ]


def _capped(notes: list[str]) -> list[str]:
    if len(notes) > 3:
        return [*notes[:3], f"... {len(notes) - 3} more value_text mismatches"]
    return notes


def load_corpus(corpus_dir: str | Path) -> GoldSet[CorpusGold]:
    """All gold documents of a corpus folder (``gold/`` and ``articles/`` inside it)."""
    root = require_dir(corpus_dir, "corpus")
    gold_dir = require_dir(root / "gold", "corpus gold")
    articles_dir = require_dir(root / "articles", "corpus articles")
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise GoldFormatError(f"no gold files (*.json) in {gold_dir}")
    docs, notes = [], []
    for path in paths:
        doc, warnings = load_gold_file(path, articles_dir)
        docs.append(doc)
        notes.extend(warnings)
    return GoldSet(docs, _capped(notes))


FIGURE_CASES = Path("figures") / "cases.jsonl"
"""Short gold figure cases inside a corpus folder (one JSON object per line)."""


def _figure_case(record: Any, where: str, seen: set[str]) -> tuple[EvalDoc[CorpusGold], list[str]]:
    top = Fields(record, where)
    case_id = top.text("id", required=True)
    text = top.text("text", required=True)
    assert case_id is not None and text is not None
    if case_id in seen:
        raise GoldFormatError(f"{where}: duplicate id {case_id!r}")
    seen.add(case_id)
    figures = figures_of(top, len(text))
    gold = CorpusGold(entities=(), figures=figures, not_figures=(), stances=())
    doc = EvalDoc(case_id, text, gold, top.text("published_at"))
    return doc, _text_mismatches(case_id, text, figures)


def load_figure_cases(path: str | Path) -> GoldSet[CorpusGold]:
    """Figure cases from a JSONL file: ``{"id", "text", "published_at", "figures": [...]}``.

    Each case is one document whose gold has only figures (in the corpus figure format);
    a case with ``"figures": []`` must produce nothing. Blank lines are skipped; a line
    that cannot be read raises ``GoldFormatError`` naming the file and line number.
    """
    path = Path(path)
    docs, notes, seen = [], [], set()
    for where, record in read_jsonl(path, "figure cases"):
        doc, warnings = _figure_case(record, where, seen)
        docs.append(doc)
        notes.extend(warnings)
    if not docs:
        raise GoldFormatError(f"{path}: no figure cases")
    notes = _capped(notes)
    empty = sum(1 for d in docs if not d.gold.figures)
    if empty:
        notes.insert(0, f"{empty} cases have no gold figure (predictions there are FP)")
    return GoldSet(docs, notes)
