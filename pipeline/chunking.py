"""Split very long documents into paragraph-aligned chunks for spaCy.

spaCy refuses texts over ``nlp.max_length`` and its memory grows with document
length, so a 2-million-character text is parsed piecewise. Chunks are plain
slices of the original text: a chunk's offset plus an offset inside it is an
offset into the document.
"""

from __future__ import annotations

from collections.abc import Iterator

DEFAULT_MAX_CHARS = 100_000


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
