"""Character spans <-> per-token tags, one BIO layer per role.

A token carries three tags at once (SOURCE, CUE, CONTENT), each ``O``, ``B`` or
``I``, because PolNeAR nests attributions: the source and cue of a reported
statement often lie inside another statement's content. Within one role, spans
rarely overlap (113 of 19,826 train contents); the longer span keeps its tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

ROLES: tuple[str, ...] = ("SOURCE", "CUE", "CONTENT")
TAGS: tuple[str, ...] = ("O", "B", "I")
OUTSIDE, BEGIN, INSIDE = range(3)
IGNORE = -100  # the loss skips these positions (special and padding tokens)

Offsets = Sequence[tuple[int, int]]
RoleSpans = dict[str, list[tuple[int, int]]]


def label_names() -> list[str]:
    """The classifier's labels: ``SOURCE-O, SOURCE-B, SOURCE-I, CUE-O, ...``; label
    ``3 * role + tag`` is tag ``tag`` of role ``role``."""
    return [f"{role}-{tag}" for role in ROLES for tag in TAGS]


def encode(offsets: Offsets, spans: RoleSpans) -> list[list[int]]:
    """Per token, its tag in each role layer: ``[[source, cue, content], ...]``.

    A token belongs to a span when their characters overlap; the first such token
    is ``B``. Tokens with no characters (special tokens) get ``IGNORE``.
    """
    tags = [[OUTSIDE] * len(ROLES) if end > start else [IGNORE] * len(ROLES)
            for start, end in offsets]
    for layer, role in enumerate(ROLES):
        taken = [False] * len(offsets)
        for span_start, span_end in sorted(spans.get(role, ()), key=lambda s: s[0] - s[1]):
            inside = [i for i, (start, end) in enumerate(offsets)
                      if end > start and start < span_end and span_start < end]
            if not inside or any(taken[i] for i in inside):
                continue  # empty, or nested in a longer span of the same role
            for k, i in enumerate(inside):
                tags[i][layer] = BEGIN if k == 0 else INSIDE
                taken[i] = True
    return tags


def decode(offsets: Offsets, tags: Sequence[Sequence[int]]) -> RoleSpans:
    """Per role, the character spans of the tagged runs, in text order.

    Repairs what an argmax tagger produces: an ``I`` after ``O`` starts a span,
    and a span ends at the next ``B`` or ``O``. Tokens without characters are
    skipped without breaking a run.
    """
    found: RoleSpans = {role: [] for role in ROLES}
    for layer, role in enumerate(ROLES):
        current: list[int] | None = None
        for (start, end), token_tags in zip(offsets, tags, strict=True):
            if end <= start:
                continue
            tag = token_tags[layer]
            if tag == INSIDE and current is not None:
                current[1] = end
                continue
            if current is not None:
                found[role].append((current[0], current[1]))
                current = None
            if tag in (BEGIN, INSIDE):
                current = [start, end]
        if current is not None:
            found[role].append((current[0], current[1]))
    return found


def join_adjacent(text: str, spans: RoleSpans) -> RoleSpans:
    """Join spans of one role that only whitespace separates ("told" + "reporters", or a
    word split at a subword tagged ``B``): PolNeAR almost never puts two spans of a role
    side by side, and joining them raised the tagger's dev cue F1 by about 0.03."""
    joined: RoleSpans = {}
    for role, found in spans.items():
        out: list[tuple[int, int]] = []
        for start, end in sorted(found):
            if out and start >= out[-1][1] and not text[out[-1][1]:start].strip():
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        joined[role] = out
    return joined
