"""PolNeAR brat annotations -> tagged subword windows, the training examples.

Reuses the evaluation's reader (:func:`pipeline.evaluate.attribution.load_polnear`),
so the model learns exactly the spans it is scored on. Needs a tokenizer with
offset mapping (a ``transformers`` fast tokenizer); imports no torch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.attribution_model import labels
from pipeline.attribution_model.windows import boundaries, windows
from pipeline.evaluate.attribution import Attribution, load_polnear

DEFAULT_MAX_LENGTH = 256
DEFAULT_OVERLAP = 64


@dataclass(frozen=True)
class Example:
    """One window: token ids with ``[CLS]``/``[SEP]`` and per token its three role tags."""

    doc_id: str
    input_ids: list[int]
    tags: list[list[int]]


@dataclass(frozen=True)
class Tokens:
    """A whole document as subword tokens (no special tokens)."""

    ids: list[int]
    offsets: list[tuple[int, int]]


def tokenize(tokenizer: Any, text: str) -> Tokens:
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True,
                        truncation=False, verbose=False)
    return Tokens(list(encoded["input_ids"]), [tuple(o) for o in encoded["offset_mapping"]])


def role_spans(gold: Iterable[Attribution]) -> labels.RoleSpans:
    """Distinct spans per role: a source shared by two attributions is tagged once."""
    spans: labels.RoleSpans = {role: [] for role in labels.ROLES}
    for attribution in gold:
        for role in labels.ROLES:
            span = getattr(attribution, role.lower())
            if span is not None and (span.start, span.end) not in spans[role]:
                spans[role].append((span.start, span.end))
    return spans


def document_examples(tokenizer: Any, doc_id: str, text: str, gold: Iterable[Attribution], *,
                      max_length: int = DEFAULT_MAX_LENGTH,
                      overlap: int = DEFAULT_OVERLAP) -> Iterator[Example]:
    tokens = tokenize(tokenizer, text)
    tags = labels.encode(tokens.offsets, role_spans(gold))
    ignore = [labels.IGNORE] * len(labels.ROLES)
    size = max_length - 2
    for start, end in windows(len(tokens.ids), size, min(overlap, size - 1),
                              boundaries(text, tokens.offsets)):
        yield Example(
            doc_id,
            [tokenizer.cls_token_id, *tokens.ids[start:end], tokenizer.sep_token_id],
            [ignore, *tags[start:end], ignore],
        )


def split_examples(tokenizer: Any, path: str | Path, *, max_length: int = DEFAULT_MAX_LENGTH,
                   overlap: int = DEFAULT_OVERLAP, limit: int | None = None) -> list[Example]:
    """Every window of every article in one PolNeAR split folder."""
    gold = load_polnear(path, limit=limit)
    return [example for doc in gold.docs
            for example in document_examples(tokenizer, doc.doc_id, doc.text, doc.gold,
                                             max_length=max_length, overlap=overlap)]
