"""Tagged spans -> attributions: each cue takes the nearest source and content.

"Nearest" is the character gap between two spans, within the cue's paragraph
(PolNeAR links across a line break for under 1% of train cues). A source more than
``max_source_gap`` characters from its cue is left out, and the statement has none
(PolNeAR's Attribution-no-source). A source may serve several cues ("Smith said X
and added Y": PolNeAR counts it once per attribution); a content may not. On PolNeAR
dev, joining whitespace-adjacent spans and the source gap limit measured better
than linking the raw spans without a limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Link:
    source: Span | None
    cue: Span
    content: Span


def gap(a: Span, b: Span) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    return max(0, b[0] - a[1], a[0] - b[1])


def _paragraph(text: str, at: int) -> Span:
    return text.rfind("\n", 0, at) + 1, (text.find("\n", at) + 1 or len(text) + 1) - 1


MAX_SOURCE_GAP = 100


def link(text: str, sources: Sequence[Span], cues: Sequence[Span], contents: Sequence[Span],
         *, max_source_gap: int = MAX_SOURCE_GAP) -> list[Link]:
    """One :class:`Link` per cue that has a content in its paragraph, in cue order.

    Contents go to cues closest pair first, so two cues never share a content; a
    source is the nearest one that does not overlap the cue's content (a source
    inside the content belongs to a reported statement within it).
    """
    pairs = []
    for c, cue in enumerate(cues):
        para = _paragraph(text, cue[0])
        for k, content in enumerate(contents):
            if content[0] < para[1] and para[0] < content[1] and not _overlaps(cue, content):
                pairs.append((gap(cue, content), c, k))
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _, c, k in sorted(pairs):
        if c not in chosen and k not in used:
            chosen[c] = k
            used.add(k)
    links = []
    for c in sorted(chosen):
        cue, content = cues[c], contents[chosen[c]]
        para = _paragraph(text, cue[0])
        options = [s for s in sources if para[0] <= s[0] < para[1] and not _overlaps(s, cue)
                   and not _overlaps(s, content) and gap(s, cue) <= max_source_gap]
        source = min(options, key=lambda s: (gap(s, cue), s[0])) if options else None
        links.append(Link(source, cue, content))
    return links


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
