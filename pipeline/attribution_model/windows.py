"""Windows of subword tokens over a long document, overlapping, starting where a
sentence or paragraph starts when one is near; and back from windows to tokens."""

from __future__ import annotations

from collections.abc import Sequence

_ENDS = frozenset(".!?\n")


def boundaries(text: str, offsets: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of tokens that begin a sentence or paragraph (a rough cut: after a line
    break or a full stop; the window edges only need to be near one)."""
    found = []
    previous_end = 0
    for i, (start, end) in enumerate(offsets):
        if end <= start:
            continue
        gap = text[previous_end:start]
        if i and ("\n" in gap or (gap.isspace() and text[previous_end - 1:previous_end] in _ENDS)):
            found.append(i)
        previous_end = end
    return found


def windows(n_tokens: int, size: int, overlap: int,
            starts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of at most ``size`` tokens covering ``n_tokens``.

    Each window after the first starts in the last ``overlap`` tokens of the one
    before, at the earliest sentence start there if any, so that no token sits at
    a window's edge in every window that holds it.
    """
    if size < 2 or not 0 <= overlap < size:
        raise ValueError(f"bad window size {size} / overlap {overlap}")
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        end = min(n_tokens, start + size)
        spans.append((start, end))
        if end >= n_tokens:
            return spans
        earliest = max(start + 1, end - overlap)
        start = next((b for b in starts if earliest <= b < end), earliest)


def owners(n_tokens: int, spans: Sequence[tuple[int, int]]) -> list[int]:
    """For each token, the window that holds it farthest from an edge."""
    best = [-1] * n_tokens
    margin = [-1] * n_tokens
    for w, (start, end) in enumerate(spans):
        for i in range(start, end):
            m = min(i - start, end - 1 - i)
            if m > margin[i]:
                best[i], margin[i] = w, m
    return best
