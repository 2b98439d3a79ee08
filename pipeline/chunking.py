"""Cut work to sizes spaCy's memory can bear: long documents into paragraph-aligned
chunks, and a stream of chunks into batches bounded in characters.

spaCy refuses texts over ``nlp.max_length`` and its memory grows with document
length, so a 2-million-character text is parsed piecewise. Chunks are plain
slices of the original text: a chunk's offset plus an offset inside it is an
offset into the document. Likewise a batch of 32 long articles would set the peak
memory of a whole run, so batches stop at a character budget too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

DEFAULT_MAX_CHARS = 100_000
DEFAULT_BATCH_CHARS = 100_000

T = TypeVar("T")


def chunks(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, piece)`` covering ``text``; cut after a newline where possible,
    else after a sentence end, else at whitespace, else hard."""
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = window.rfind("\n") + 1
        if cut <= max_chars // 4:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! ")) + 2
        if cut <= max_chars // 4:
            cut = window.rfind(" ") + 1
        if cut <= max_chars // 4:
            cut = max_chars
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def batches(items: Iterable[T], max_count: int, max_chars: int,
            chars: Callable[[T], int]) -> Iterator[list[T]]:
    """Consecutive items in lists of at most ``max_count`` items and ``max_chars``
    characters (an item longer than that alone), in order."""
    batch: list[T] = []
    size = 0
    for item in items:
        n = chars(item)
        if batch and (len(batch) >= max_count or size + n > max_chars):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += n
    if batch:
        yield batch
