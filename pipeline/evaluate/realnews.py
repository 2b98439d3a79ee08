"""Real-news figure gold: sentences of the shared benchmark data, annotated by hand.

The gold (``corpus/figures/realnews/*.jsonl``) holds no article text, only where each
sentence is (the shared data's licences forbid copying it), one JSON object per line:

    {"id": "bbc-train-0123-s4", "file": "bbc-news/train.csv", "record": 123,
     "start": 1043, "end": 1190, "sha1": "<hex>", "domain": "business",
     "figures": [{"char_start": 12, "char_end": 18, "value": 2.3e9, "unit": "GBP",
                  "modifier": "="}], "note": "..."}

``file`` is relative to the shared data folder (``../shared/data``); ``start``/``end``
are code-point offsets into the text that ``file`` and ``record`` name, and the
figures' offsets are relative to the sentence. Three kinds of file:

- ``.csv`` (BBC news): ``record`` is the 0-based row as ``pandas.read_csv`` reads it,
  the text its ``text`` column;
- ``.txt`` (PolNeAR): ``record`` is null, the text the whole file as stored;
- ``.json`` (a SEESAW article): ``record`` is the index in its sentence list, the text
  that sentence.

``sha1`` (of the sentence as UTF-8) proves the data is the one annotated: a mismatch is
a ``GoldFormatError``, never a silent score on other text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pandas as pd

from pipeline.errors import GoldFormatError
from pipeline.evaluate.gold import (
    CorpusGold,
    Fields,
    figures_of,
    read_json,
    read_jsonl,
    read_text,
)
from pipeline.evaluate.runner import EvalDoc, GoldSet
from pipeline.evaluate.seesaw import article_sentences

REALNEWS = Path("figures") / "realnews"
"""The real-news gold files inside a corpus folder."""
HELD_OUT = "check.jsonl"
"""The real-news file kept out of development: scored on its own, never in the sum."""


@dataclass(frozen=True)
class SentenceRef:
    """Where one gold sentence is in the shared data."""

    file: str
    record: int | None
    start: int
    end: int
    sha1: str


class SharedText:
    """Texts of the shared data folder, each file read once per load."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._files: dict[Path, str | tuple[str, ...]] = {}

    def sentence(self, ref: SentenceRef, where: str) -> str:
        """The sentence a reference names, checked against its sha1."""
        text = self._text(ref.file, ref.record, where)
        if not 0 <= ref.start <= ref.end <= len(text):
            raise GoldFormatError(f"{where}: bad span start/end = {ref.start}/{ref.end} "
                                  f"({ref.file} record {ref.record} has {len(text)} characters)")
        sentence = text[ref.start:ref.end]
        digest = hashlib.sha1(sentence.encode("utf-8")).hexdigest()
        if digest != ref.sha1:
            raise GoldFormatError(
                f"{where}: sha1 mismatch: {ref.file} record {ref.record} "
                f"[{ref.start}:{ref.end}] has sha1 {digest}, the gold says {ref.sha1} "
                f"(the shared data is not the text that was annotated)"
            )
        return sentence

    def _text(self, file: str, record: int | None, where: str) -> str:
        path = self._path(file, where)
        if path not in self._files:
            self._files[path] = _read(path, where)
        texts = self._files[path]
        if isinstance(texts, str):
            if record is not None:
                raise GoldFormatError(f"{where}: record must be null for a .txt file")
            return texts
        if record is None or not 0 <= record < len(texts):
            raise GoldFormatError(
                f"{where}: record {record!r} is not in {file} ({len(texts)} records)")
        return texts[record]

    def _path(self, file: str, where: str) -> Path:
        rel = PurePosixPath(file)
        if rel.is_absolute() or ".." in rel.parts:
            raise GoldFormatError(f"{where}: file must be relative to the shared data: {file!r}")
        path = self.data_dir / rel
        if not path.is_file():
            raise GoldFormatError(f"{where}: {file} not found in {self.data_dir}")
        return path


def _read(path: Path, where: str) -> str | tuple[str, ...]:
    """A .txt file's text; a .csv file's ``text`` column; a SEESAW article's sentences."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return read_text(path)
    if suffix == ".json":
        return tuple(article_sentences(read_json(path), path.name))
    if suffix == ".csv":
        try:
            column = pd.read_csv(path)["text"]
        except (OSError, ValueError, KeyError) as exc:
            raise GoldFormatError(f"{path}: cannot read a text column: {exc}") from exc
        return tuple("" if pd.isna(t) else str(t) for t in column)
    raise GoldFormatError(f"{where}: {path.name}: expected a .csv, .txt or .json file")


def _ref(top: Fields) -> SentenceRef:
    record = top.record.get("record")
    if record is not None and (isinstance(record, bool) or not isinstance(record, int)):
        raise GoldFormatError(f"{top.where}.record: expected an integer or null, got {record!r}")
    start, end = top.record.get("start"), top.record.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise GoldFormatError(f"{top.where}: start/end must be integers, got {start!r}/{end!r}")
    return SentenceRef(top.text("file", required=True), record, start, end,  # type: ignore[arg-type]
                       top.text("sha1", required=True))  # type: ignore[arg-type]


def load_realnews(path: str | Path, data_dir: str | Path) -> GoldSet[CorpusGold]:
    """The sentences of one real-news gold file, each its own document (like a figure
    case), read from ``data_dir``; ``GoldFormatError`` on a record that does not resolve."""
    path, shared = Path(path), SharedText(Path(data_dir))
    docs: list[EvalDoc[CorpusGold]] = []
    seen: set[str] = set()
    for where, record in read_jsonl(path, "real-news figure gold"):
        top = Fields(record, where)
        sent_id = top.text("id", required=True)
        if sent_id in seen:
            raise GoldFormatError(f"{where}: duplicate id {sent_id!r}")
        seen.add(sent_id)  # type: ignore[arg-type]
        sentence = shared.sentence(_ref(top), where)
        gold = CorpusGold(entities=(), figures=figures_of(top, len(sentence)), not_figures=(),
                          stances=())
        docs.append(EvalDoc(sent_id, sentence, gold))  # type: ignore[arg-type]
    if not docs:
        raise GoldFormatError(f"{path}: no sentences")
    empty = sum(1 for d in docs if not d.gold.figures)
    return GoldSet(docs, [f"{empty} of {len(docs)} sentences have no gold figure "
                          "(predictions there are FP)"])


def realnews_files(corpus_dir: str | Path) -> list[Path]:
    """The real-news gold files of a corpus folder, by name."""
    return sorted((Path(corpus_dir) / REALNEWS).glob("*.jsonl"))
