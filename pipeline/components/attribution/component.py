"""The ``newsclaims_attribution`` component: who (source) says or signals (cue) what
(content). Target and stance are the ``newsclaims_stance`` component's job, which runs
next.

The rules (:mod:`.rules`) always run. With ``model`` set (a folder that ``newsclaims
train attribution`` wrote), a trained tagger finds source, cue and content spans and
:mod:`pipeline.attribution_model.linking` pairs them; with ``with_rules`` (the default)
the rules' statements stay and the tagger adds those whose cue the rules did not find.
Everything after the spans (canonical source, quote) is the same code for both.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotations import EntityMention, Statement
from pipeline.attribution_model import artifact, require_trf
from pipeline.components import quotes as quoting
from pipeline.components.attribution.found import Found
from pipeline.components.attribution.linking import floating_quotes
from pipeline.components.attribution.rules import RuleFinder
from pipeline.components.attribution.sources import SourceResolver
from pipeline.components.guard import never_raises


class AttributionExtractor:
    """Sets ``doc._.nc_statements``: a list of :class:`Statement` in text order."""

    def __init__(self, nlp: Language, name: str, model: str = "", with_rules: bool = True
                 ) -> None:
        self.name = name
        self.model = model
        self.with_rules = with_rules
        self.artifact_fingerprint: str | None = None
        self._tagger = None  # loaded on first use, in the process that tags
        if model:  # fail now, with a clean message, not once per document later
            self.artifact_fingerprint = artifact.fingerprint(model)  # a missing folder first
            require_trf(f"the attribution model {model!r}")
        self.rules = RuleFinder()
        self.sources = SourceResolver()
        if not Doc.has_extension("nc_statements"):
            Doc.set_extension("nc_statements", default=None)

    def __getstate__(self) -> dict[str, Any]:
        """Pickles without the loaded tagger: each worker loads its own."""
        return {**self.__dict__, "_tagger": None}

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # Doc.text joins all tokens on each access: read it once
        quotes = quoting.quotes(text)
        mentions: list[EntityMention] = getattr(doc._, "nc_entities", None) or []
        found = self.rules.find(doc, text, quotes) if self.with_rules or not self.model else []
        if self.model:
            cues = [f.cue_span for f in found]
            found += [f for f in self._tagged(doc, text)
                      if not any(c[0] < f.cue_span[1] and f.cue_span[0] < c[1] for c in cues)]
        statements: list[Statement] = []
        for each in sorted(floating_quotes(text, quotes, found), key=lambda f: f.cue_span):
            source, content = each.source_span, each.content_span
            if content[1] - content[0] < 2 or (source is not None and source[0] == source[1]):
                continue
            statements.append(self._statement(doc, text, each, mentions, statements, quotes))
        statements.sort(key=lambda s: s.cue_span)
        doc._.nc_statements = statements
        return doc

    # -- the trained tagger ------------------------------------------------------------

    @property
    def tagger(self) -> Any:  # a Tagger; its module imports torch, so it is not named here
        if self._tagger is None:
            from pipeline.attribution_model.tagger import Tagger

            self._tagger = Tagger(self.model)
        return self._tagger

    def _tagged(self, doc: Doc, text: str) -> list[Found]:
        from pipeline.attribution_model.linking import link

        spans = self.tagger.tag(text)
        return [Found(found.source, self._cue_lemma(doc, found.cue), found.cue, found.content)
                for found in link(text, spans["SOURCE"], spans["CUE"], spans["CONTENT"])]

    def _cue_lemma(self, doc: Doc, span: tuple[int, int]) -> str:
        """What the predicate column holds for a tagged cue: "according to" for a
        prepositional cue, else the lemma of its first verb ("has also vowed" -> "vow")."""
        cue = doc.char_span(*span, alignment_mode="expand")
        if cue is None or not len(cue):
            return doc.text[span[0]:span[1]].lower()
        words = [t.lower_ for t in cue]
        if words in self.rules.prepositional.get(words[0], ()):
            return " ".join(words)
        verbs = [t for t in cue if t.pos_ == "VERB"] or [t for t in cue if t.pos_ == "AUX"]
        return (verbs[0] if verbs else cue.root).lemma_.lower()

    # -- building a statement --------------------------------------------------------

    def _statement(self, doc: Doc, text: str, found: Found, mentions: list[EntityMention],
                   earlier: list[Statement], quotes: list[tuple[int, int]]) -> Statement:
        """The statement's spans, canonical source and quoted words; target and stance are
        left to the ``newsclaims_stance`` component."""
        source = found.source_span
        return Statement(
            source=None if source is None else
            self.sources.canonical(doc, source, mentions, earlier),
            source_span=source,
            cue=found.cue,
            cue_span=found.cue_span,
            content_span=found.content_span,
            target=None,
            stance="neutral",
            quote=quoting.quote_in(text, found.content_span, quotes),
            confidence=0.5,
        )


@Language.factory("newsclaims_attribution", default_config={"model": "", "with_rules": True})
def make_attribution_extractor(nlp: Language, name: str, model: str, with_rules: bool
                               ) -> AttributionExtractor:
    """``model``: a trained tagger's folder; empty (the default) means the rules only.
    ``with_rules``: with a model, keep the rules' statements and add the tagger's."""
    return AttributionExtractor(nlp, name, model, with_rules)
