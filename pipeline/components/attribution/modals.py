"""Cues that report what could, would or should be said rather than what was."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.annotations import Span


def hypothetical(doc: Doc, cue: Span, modals: frozenset[str], stances: frozenset[str]) -> bool:
    """Whether a cue (characters) says nothing for its modal: its verb has a modal of
    ``modals`` before it ("some might say", "fans may well feel", "Wales could legitimately
    claim", "can expect", "would not confirm", "could not explain": a refusal to speak).
    A negated verb of ``stances`` stays for the stance component, as a refusal to act does
    ("would not endorse the plan"). On BBC train such
    rows are nearly all the writer's guesses, refusals or acts; PolNeAR marks some of them
    ("would call them messianic"). "would only say" is something said and stays. The
    verb a cue is coordinated with is not asked: "X might resign and said" is said."""
    tokens = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if tokens is None:
        return False
    verb = tokens.root
    if not any(c.dep_ == "aux" and c.lower_ in modals and c.i < verb.i for c in verb.children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "only" for c in verb.children):
        return False
    return not any(c.dep_ == "neg" for c in verb.children) or verb.lemma_.lower() not in stances
