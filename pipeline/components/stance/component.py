"""Who is for or against whom: targets and polarity of statements and stance events.

Runs after ``newsclaims_attribution``. For every statement attribution found it keeps one
row with the statement's main target (the article's topic when the content refers to it,
else its subject noun phrase) and the lexicon's label, which a confident classifier
overrides; it adds a row for every further target the classifier finds a stance toward
("Obama said Republicans are holding Lynch hostage": against the Republicans, for Lynch).
Stance events ("X criticised Y", "X backed Y's bid") and other actions with a named
subject become statements of their own where the classifier finds a stance
(:mod:`candidates`). Targets are canonical across the article (:mod:`targets`).

The classifier (:mod:`classifier`) loads lazily, in the process that labels.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import resources
from pipeline.annotations import Statement
from pipeline.components import once
from pipeline.components import quotes as quoting
from pipeline.components.guard import never_raises
from pipeline.components.stance import classifier, lexicon
from pipeline.components.stance.candidates import (
    ACTION,
    EVENT,
    PAIR,
    STATEMENT,
    Candidate,
    CandidateFinder,
    conjuncts,
)
from pipeline.components.stance.classifier import Judged
from pipeline.components.stance.targets import (
    ENTITY,
    PHRASE,
    TOPIC,
    Resolver,
    Target,
    aged,
    said_of,
)

DEFAULT_MODEL = "stance-boosted"
# The least P(polar) a pair needs to become a row, whatever threshold maximised SEESAW F1
# (the classifier is trained with balanced class weights, so its P(polar) runs high): read
# on BBC news, the statements' further targets were right about half the time at P >= 0.9
# and a third of the time below; an action ("X delayed Y's vote") is any verb and a name
# pair any two names, so they need the same; a stance event's verb says most of it.
FLOORS = {STATEMENT: 0.9, EVENT: 0.5, ACTION: 0.9, PAIR: 0.9}
# The classifier labels a statement's main row only when the lexicon found no polarity and
# it is this sure (read on BBC news, its labels at P >= 0.8 were right 4 times in 6, others
# 4 in 12).
RELABEL_FLOOR = 0.9
_UNJUDGED = Judged(1.0, 0.0, 0.0)  # no stance: what a pair gets that no classifier judged
_PERSONS = frozenset({"he", "she"})  # a subject pronoun that names a person the article named


def model_path(model: str) -> Path:
    """A model folder: a path, or a folder name under ``models/``."""
    path = Path(model)
    return path if path.is_dir() or len(path.parts) > 1 else resources.models_dir() / model


class StanceLabeller:
    """Sets target, target_span, stance and confidence on ``doc._.nc_statements`` and adds
    the statements of stance events and of further targets."""

    def __init__(self, nlp: Language, name: str, model: str = DEFAULT_MODEL,
                 pairs: bool = False) -> None:
        self.name = name
        self.model = str(model_path(model)) if model else ""
        cues = resources.load("cues")
        # the stance a cue carries by itself ("endorse" support, "reject" oppose); where a
        # verb and its noun differ, the noun's is the phrasal verb's too ("a call for",
        # "called for": support; "called the move a death sentence": none by itself)
        self.cue_stances: dict[str, str | None] = {**cues["nominal"], **cues["verbs"]}
        self.noun_stances: dict[str, str | None] = cues["nominal"]
        self.particles: dict[str, list[str]] = cues["phrasal"]
        self.events: dict[str, str | None] = resources.load("stance")["events"]
        self.finder = CandidateFinder(self.events, frozenset(cues["verbs"]), pairs)
        self.artifact_fingerprint: str | None = None
        self.thresholds: dict[str, float] = {}
        self._classifier: classifier.Classifier | None = None
        if self.model:  # fail now, with a clean message, not once per document later
            meta = classifier.read_meta(self.model)
            self.thresholds = meta["thresholds"]
            self.artifact_fingerprint = classifier.fingerprint(self.model)
        if not Doc.has_extension("nc_statements"):
            Doc.set_extension("nc_statements", default=None)

    def __getstate__(self) -> dict:
        """Pickles without the loaded classifier: each worker loads its own."""
        return {**self.__dict__, "_classifier": None}

    @property
    def classifier(self) -> classifier.Classifier | None:
        if self._classifier is None and self.model:
            self._classifier = classifier.load(self.model)
        return self._classifier

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        given: list[Statement] = doc._.nc_statements or []
        text = once.text(doc)
        quotes = quoting.quotes(text)
        topic = lexicon.topic(text, quotes, doc)
        resolver = Resolver(doc, doc._.nc_entities or [], topic, text, quotes)
        statements, candidates = self.finder.find(doc, resolver, given)
        judged = self.judge(doc, statements, candidates, resolver)
        doc._.nc_statements = self.assemble(doc, statements, candidates, judged, topic,
                                            resolver)
        return doc

    def assemble(self, doc: Doc, statements: list[Statement], candidates: list[Candidate],
                 judged: list[Judged], topic: str | None, resolver: Resolver
                 ) -> list[Statement]:
        """The rows: each statement's main row and the pairs judged polar enough."""
        by_statement: dict[int, list[tuple[Candidate, Judged]]] = {}
        for candidate, judgement in zip(candidates, judged, strict=True):
            by_statement.setdefault(candidate.statement, []).append((candidate, judgement))
        main: list[Statement] = []
        pairs: dict[tuple[str, str, int], Statement] = {}
        for i, statement in enumerate(statements):
            rows = self._rows(doc, statement, by_statement.get(i, []), topic, resolver)
            if statement.kind == STATEMENT:
                main.append(rows.pop(0))
            for row in rows:  # one row per holder, target and sentence: the surest
                at = doc.char_span(*(row.target_span or row.content_span),
                                   alignment_mode="expand")
                key = ((row.source or "").casefold(), (row.target or "").casefold(),
                       quoting.sentence_start(doc, at.start) if at is not None else -1)
                if key not in pairs or pairs[key].confidence < row.confidence:
                    pairs[key] = row
        said = {((r.source or "").casefold(), (r.target or "").casefold(), r.cue_span)
                for r in main}
        out = main + [r for r in pairs.values() if ((r.source or "").casefold(),
                      (r.target or "").casefold(), r.cue_span) not in said]
        out.sort(key=lambda s: (s.cue_span, s.target_span or (-1, -1)))
        return out

    def cue_stance(self, doc: Doc, statement: Statement) -> str | None:
        cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
        if cue is not None and len(cue) > 0 and lexicon.unpolar_event(cue.root):
            return None  # "defended her title": sport, no side
        if statement.kind != STATEMENT:
            return self.events.get(statement.cue)
        nominal = cue is not None and len(cue) > 0 and (cue.root.pos_ == "NOUN" or (
            len(cue) > 1 and cue[-1].lower_ in self.particles.get(statement.cue, ())))
        return (self.noun_stances if nominal else self.cue_stances).get(statement.cue)

    def judge(self, doc: Doc, statements: list[Statement], candidates: list[Candidate],
              resolver: Resolver) -> list[Judged]:
        """The classifier's probabilities for each candidate: none without a model, nor
        outside political news, the only news it was trained on; elsewhere it read reports
        as sides ("Forest confirmed a bid for Andy Reid": for Reid; "James denied Duff" in
        a match report: against Duff), right 9 times in 45 on BBC train's business, sport,
        tech and entertainment news, where the lexicon's and stance verbs' labels hold."""
        model = self.classifier
        if model is None or not candidates or not lexicon.public_affairs(once.text(doc)):
            return [_UNJUDGED for _ in candidates]
        return model.predict(doc, statements, candidates, resolver,
                             [self.cue_stance(doc, s) for s in statements])

    def _rows(self, doc: Doc, statement: Statement, judged: list[tuple[Candidate, Judged]],
              topic: str | None, resolver: Resolver) -> list[Statement]:
        threshold = max(self.thresholds.get(statement.kind, 0.5), FLOORS[statement.kind])
        polar = [(c.target, j) for c, j in judged if j.polar >= threshold and (
            statement.kind == EVENT or c.target.kind != PHRASE)]
        if statement.kind != STATEMENT:
            rows = [self._row(statement, target, j.label, j.polar) for target, j in polar]
            stance = self.cue_stance(doc, statement)
            if not rows and statement.kind == EVENT and judged and stance:
                # "X criticised Y": the verb says it, whatever the classifier's doubt
                # ("refused to criticise": the opposite)
                cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
                if cue is not None and len(cue) and lexicon.cue_turned(cue):
                    stance = "oppose" if stance == "support" else "support"
                rows = [self._row(statement, self._acted_on(cue, judged), stance, 0.5)]
            if statement.kind == EVENT:
                rows = self._joined(doc, rows, judged)
            return rows + self._owners(doc, rows, resolver)
        main = self._main(doc, statement, topic, resolver)
        # what a forecast or a result says the target does is no verdict on it, unless the
        # cue itself takes a side ("doubted Rock would make an impact"; a warning does not)
        cue_stance = self.cue_stance(doc, statement)
        if cue_stance is None or statement.cue in lexicon.warning_cues():
            told = {c.target.head for c, _ in judged
                    if lexicon.foretold(doc[c.target.head], self.cue_stances)}
            polar = [(t, j) for t, j in polar if t.head not in told]
            judged = [(c, j) for c, j in judged if c.target.head not in told]
        judged_main = [j for c, j in judged if c.target.name == main.target]
        if main.stance == "neutral" and judged_main and judged_main[0].polar >= max(
                threshold, RELABEL_FLOOR):
            # the classifier finds a stance the lexicon missed (it never turns one round:
            # it does not read "would not back")
            main = replace(main, stance=judged_main[0].label,
                           confidence=round(min(0.99, judged_main[0].polar), 3))
        first = self._first_sentence(doc, statement)
        rows = [main]
        rows += [self._row(statement, target, j.label, j.polar) for target, j in polar
                 if target.name != main.target and first[0] <= target.span[0] < first[1]]
        return rows + self._owners(doc, rows, resolver)

    @staticmethod
    def _owners(doc: Doc, rows: list[Statement], resolver: Resolver) -> list[Statement]:
        """A row toward whoever owns what a polar row judges ("said Labour's plans were a
        disaster": against Labour too; "called Trump's budget cruel"): a stance on a
        party's plan, offer or record is one on the party, as SEESAW reads it. The owner
        named, not a pronoun ("his books", "her removal": too often someone else, or
        harmed rather than judged), and the thing owned no name itself ("Russia's Elena
        Bovina")."""
        named = {(r.target or "").casefold() for r in rows}
        out = []
        for row in rows:
            span = doc.char_span(*row.target_span, alignment_mode="expand") if (
                row.target_span and row.stance != "neutral") else None
            if span is None or not len(span) or resolver.entity_at(span.root) is not None:
                continue
            for child in span.root.children:
                owner = resolver.at(child, phrases=False) if (
                    child.dep_ == "poss" and child.pos_ != "PRON") else None
                if owner is None or owner.kind != ENTITY or owner.name.casefold() in named or (
                        owner.name.casefold() == (row.source or "").casefold()):
                    continue
                named.add(owner.name.casefold())
                out.append(replace(row, target=owner.name, target_span=owner.span))
        return out

    @staticmethod
    def _acted_on(cue: Span | None, judged: list[tuple[Candidate, Judged]]) -> Target:
        """What a stance verb acts on: the target its object heads ("praises the former MTV
        VJ": the VJ, not MTV), else the first one the object names."""
        if cue is not None and len(cue):
            for candidate, _ in judged:
                head = cue.doc[candidate.target.head]
                if head.head == cue.root and head.dep_ in ("dobj", "nsubjpass"):
                    return candidate.target
            for candidate, _ in judged:  # "filed a lawsuit against Y": Y
                head = cue.doc[candidate.target.head]
                if head.dep_ == "pobj" and head.head.lower_ == "against" and (
                        head.head.head in cue):
                    return candidate.target
        return judged[0][0].target

    @staticmethod
    def _joined(doc: Doc, rows: list[Statement], judged: list[tuple[Candidate, Judged]]
                ) -> list[Statement]:
        """A stance event's rows with one for each target joined to a row's by "and"
        ("thanked Senators Patty Murray and John Cornyn", "criticised Obama and Reid": the
        same stance toward each), where the classifier left it out."""
        named = {(r.target or "").casefold() for r in rows}
        out = list(rows)
        for row in rows:
            head = next((c.target.head for c, _ in judged if c.target.name == row.target), None)
            joined = {t.i for t in conjuncts(doc[head])} if head is not None else set()
            for candidate, _ in judged:
                target = candidate.target
                if target.head in joined and target.name.casefold() not in named:
                    named.add(target.name.casefold())
                    out.append(replace(row, target=target.name, target_span=target.span))
        return out

    @staticmethod
    def _first_sentence(doc: Doc, statement: Statement) -> tuple[int, int]:
        """Characters of the content's first sentence: a quote that runs on into later
        sentences ('"...," he said. "..."') speaks of others there as often as not."""
        content = doc.char_span(*statement.content_span, alignment_mode="expand")
        if content is None:
            return statement.content_span
        end = content.start + 1
        while end < content.end and not doc[end].is_sent_start:
            end += 1
        return content.start_char, doc[end - 1].idx + len(doc[end - 1])

    def _main(self, doc: Doc, statement: Statement, topic: str | None, resolver: Resolver
              ) -> Statement:
        """The statement's own row: its main target (in the content's first sentence) and
        the lexicon's label, turned round when the target is what a reverser acts on."""
        content = doc.char_span(*statement.content_span, alignment_mode="expand")
        cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
        first = self._first_sentence(doc, statement)
        opening = doc.char_span(*first, alignment_mode="expand") if content is not None else None
        target = self._main_target(opening, topic, resolver, statement.source,
                                   statement.source_span, statement.cue_span)
        if target is None and opening is not None and content is not None and (
                opening.end < content.end):  # '"... properly. So to get a result like that'
            target = self._main_target(content, topic, resolver, statement.source,
                                       statement.source_span, statement.cue_span)
        head = doc[target.head] if target is not None and target.kind != TOPIC else None
        polarity, confidence = lexicon.label(cue, content, self.cue_stance(doc, statement),
                                             head)
        source = doc.char_span(*statement.source_span, alignment_mode="expand") if (
            statement.source_span) else None
        side = lexicon.holder_side(source, target.name) if (
            target is not None and polarity == "neutral") else None
        if side is not None:
            polarity, confidence = side, 0.65
        elif target is not None and polarity != "neutral" and lexicon.reversed_(
                doc[target.head], cue):
            polarity = "oppose" if polarity == "support" else "support"
        name = target.name if target else None
        return replace(statement, target=name, target_span=target.span if target else None,
                       stance=polarity, confidence=confidence)

    @staticmethod
    def _main_target(content: Span | None, topic: str | None, resolver: Resolver,
                     source: str | None, source_span: tuple[int, int] | None = None,
                     cue_span: tuple[int, int] | None = None) -> Target | None:
        """The article's topic when the content refers to it, else what the content's
        subject or object names, resolved across the article ("the agreement" -> "the Good
        Friday agreement", "the president" -> "Donald Trump"), not the source itself ("Mr
        Tyler said Mr Tyler's view ..."), nor what the source's own words name when a
        quote's content runs across them ('"...," said Bosworth, who attended the premiere.
        "..."'): what the holder's own evaluative word attaches to ("we're pleased with the
        show"), what an agent subject acts on before the agent, what an aspect noun is of
        (:meth:`Resolver.about`), what a subject "it" stands for
        (:meth:`Resolver.antecedent`); else the content's first noun phrase. A noun named
        in passing ("the funny side was lost on Jeremy Paxman") gives way to a name, the
        topic or a repeated phrase after it (:meth:`Resolver.passing`)."""
        if content is None:
            return None
        if topic and lexicon.names_topic(content, topic):
            return Target(topic, TOPIC, (content.start_char, content.end_char), content.root.i)
        own = (source or "").casefold()
        said = (resolver.antecedent(t, source_span) for t in content if t.head == content.root
                or (t.head.dep_ == "ccomp" and t.head.head == content.root))
        tokens = [*lexicon.evaluated(content), *(t for t in said if t is not None),
                  *lexicon.main_tokens(content),
                  *(t for t in content if t.dep_ in ("nsubj", "nsubjpass")  # "she did nothing
                    and (t.lower_ in _PERSONS or aged(t))),  # wrong by taking the medicine"
                  *(t for t in content if t.pos_ in ("NOUN", "PROPN")
                    and t.dep_ not in ("compound", "npadvmod"))]  # not "a bit sceptical"
        # a speech tag inside the content: its words are about the speaker and whom they
        # tell ('," Lord Falconer told BBC1's Breakfast With Frost')
        tags = [resolver.speech_tag(anchor, content) for anchor in (source_span, cue_span)
                if anchor is not None and content.start_char < anchor[0] < content.end_char]
        tokens = [t for t in tokens if not any(resolver.tagged(t, tag) for tag in tags)]
        passing = None  # a noun named in passing waits for a name or the topic after it
        for candidate in resolver.about(tokens, content, source):
            token = said_of(candidate)  # "it's a shame", "have the guts": not the target
            if token is None:
                continue
            target = resolver.at(token, speaker=source)
            if target is None or target.name.casefold() == own:
                continue
            if passing is None and resolver.passing(target):
                passing = target
            elif passing is None or resolver.better(target, content):
                return target
        return passing

    @staticmethod
    def _row(statement: Statement, target: Target, label: str, confidence: float
             ) -> Statement:
        return replace(statement, target=target.name, target_span=target.span, stance=label,
                       confidence=round(min(0.99, confidence), 3))


@Language.factory("newsclaims_stance", default_config={"model": DEFAULT_MODEL, "pairs": False})
def make_stance_labeller(nlp: Language, name: str, model: str, pairs: bool) -> StanceLabeller:
    """``model``: a stance classifier folder (a path, or a name under ``models/``;
    ``stance-boosted`` by default); empty for the lexicon alone. ``pairs``: judge any two
    names of a sentence as well (the ``accurate`` preset: they double the component's time
    for a few rows; training always sees them)."""
    return StanceLabeller(nlp, name, model, pairs)
