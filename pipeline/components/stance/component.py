"""What each attributed statement is about (target) and whether its source is for or
against it (stance).

Runs after ``newsclaims_attribution`` and rewrites the target, stance and confidence of
every statement in ``doc._.nc_statements``; the spans and the source stay as found, so
the finding of statements and the judging of their stance can be improved apart.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.annotations import Statement
from pipeline.components import quotes as quoting
from pipeline.components.guard import never_raises
from pipeline.components.stance import lexicon


class StanceLabeller:
    """Sets target, stance and confidence on ``doc._.nc_statements``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        cues = resources.load("cues")
        # the stance a cue carries by itself ("endorse" support, "reject" oppose)
        self.cue_stances: dict[str, str | None] = {**cues["verbs"], **cues["nominal"]}
        if not Doc.has_extension("nc_statements"):
            Doc.set_extension("nc_statements", default=None)

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        statements: list[Statement] = doc._.nc_statements or []
        if not statements:
            return doc
        text = doc.text
        topic = lexicon.topic(text, quoting.quotes(text))
        doc._.nc_statements = [self._judged(doc, st, topic) for st in statements]
        return doc

    def _judged(self, doc: Doc, statement: Statement, topic: str | None) -> Statement:
        content = doc.char_span(*statement.content_span, alignment_mode="expand")
        cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
        polarity, confidence = lexicon.label(cue, content, self.cue_stances.get(statement.cue))
        return replace(statement, target=lexicon.target(content, topic), stance=polarity,
                       confidence=confidence)


@Language.factory("newsclaims_stance", default_config={})
def make_stance_labeller(nlp: Language, name: str) -> StanceLabeller:
    return StanceLabeller(nlp, name)
