"""The ``newsclaims_attribution`` component: who (source) says or signals (cue) what
(content). Target and stance are the ``newsclaims_stance`` component's job, which runs
next.

The rules (:mod:`.rules`) always run: their statements are features of the trained
model (:mod:`.model`, ``models/attribution/``), which finds the statements when its
folder is there, and they are the answer when it is not. Everything after the spans
(canonical source, quoted words) is the same code for both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.annotations import EntityMention, Span, Statement
from pipeline.components import once
from pipeline.components import quotes as quoting
from pipeline.components.attribution import model as trained
from pipeline.components.attribution.content import past_the_addressee, with_its_subject
from pipeline.components.attribution.features import TokenStatement, char_range
from pipeline.components.attribution.found import Found
from pipeline.components.attribution.linking import (
    EDGE,
    CueKinds,
    apart_from_other_tags,
    below_the_headline,
    conditional,
    continued,
    ends_a_sentence_before,
    floating_quotes,
    has_subject,
    past_a_closed_quote,
    reads_as_statement,
    refuses_to_speak,
    through_open_quotations,
    verb_read_as_noun,
    with_negation,
    within_reach,
)
from pipeline.components.attribution.modals import hypothetical
from pipeline.components.attribution.rules import RuleFinder
from pipeline.components.attribution.sources import (
    at_the_named_person,
    at_the_phrase_nearest_the_cue,
    before_a_quotation,
    before_a_time,
    past_a_leading_verb,
    past_the_headline,
    the_subject_instead,
    with_closing_bracket,
    with_the_share,
    within_its_phrase,
)
from pipeline.components.attribution.unsaid import Unsaid
from pipeline.components.guard import never_raises
from pipeline.components.headlines import headline_end
from pipeline.components.referents import SourceResolver

DEFAULT_MODEL = "attribution"
"""The shipped model: a folder of that name under ``models/``."""

_MARKS = (":", "―")
"""The cues of speaker labels ("PENCE: ...") and signed quotations ('"..." ― Name')."""


def model_folder(setting: str) -> Path | None:
    """The model folder a ``model`` setting names: a path, or a folder under ``models/``;
    None for "" (the rules alone) and for the default when it is not installed. A folder
    named on purpose that is not there is a clean :class:`ModelNotFound`."""
    if not setting:
        return None
    named = Path(setting)
    folder = named if named.is_dir() or len(named.parts) > 1 else resources.models_dir() / named
    if setting == DEFAULT_MODEL and not folder.is_dir():
        return None  # the rules stay the fallback
    return trained.check(folder)


class AttributionExtractor:
    """Sets ``doc._.nc_statements``: a list of :class:`Statement` in text order."""

    def __init__(self, nlp: Language, name: str, model: str = DEFAULT_MODEL) -> None:
        self.name = name
        self.model = model
        self.folder = model_folder(model)
        self.artifact_fingerprint = trained.fingerprint(self.folder) if self.folder else None
        self._model: trained.AttributionModel | None = None  # loaded where it first runs
        self.rules = RuleFinder()
        self.sources = SourceResolver()
        # stance events ("X sued Y", "Y was praised by X") are newsclaims_stance's to find
        # and judge: the model's statements with such a cue are left to it when the cue
        # lexicon does not know the verb or the verb is passive (PolNeAR dev: -0.006 source
        # and cue F1, -0.002 content)
        self.events = frozenset(resources.load("stance")["events"])
        cues = resources.load("cues")
        self.event_only = self.events - frozenset(cues["verbs"])
        # cues that make a statement whatever their content, those that need quoted words
        # or a clause, and refusals, which make none (``reads_as_statement``)
        self.kinds = CueKinds.of(cues)
        self.modals = frozenset(cues["hypothetical_modals"])
        # denials, requests, passives and foretold acts: no statement (``Unsaid``)
        self.unsaid = Unsaid.of(cues)
        # verbs whose object is whom the source speaks to ('told MPs that ...')
        self.addressed = frozenset(cues["addressed"])
        # the lexicon's verbs, which make no cue where the parser reads them as a noun
        self.verb_lemmas = frozenset((*cues["verbs"], *cues["verbs_need_clause"],
                                      *cues["intentions"], *cues["communication"]))
        # cue verbs with a stance of their own: "would not endorse the plan" is one, left to
        # newsclaims_stance, where "would not confirm" says nothing
        self.stance_verbs = frozenset(v for v, stance in cues["verbs"].items() if stance)
        if not Doc.has_extension("nc_statements"):
            Doc.set_extension("nc_statements", default=None)

    def __getstate__(self) -> dict[str, Any]:
        """Pickles without the loaded model: each worker loads its own."""
        return {**self.__dict__, "_model": None}

    @property
    def trained(self) -> trained.AttributionModel | None:
        """The trained model, loaded on first use (in the worker that tags)."""
        if self._model is None and self.folder is not None:
            self._model = trained.AttributionModel(self.folder)
        return self._model

    @never_raises
    def __call__(self, doc: Doc) -> Doc:
        text = once.text(doc)
        # quotation marks paired by the side of a word they touch, so a stray mark does not
        # turn every later quotation inside out (the model trained on ``quoting.quotes``)
        quotes = quoting.spoken(text)
        mentions: list[EntityMention] = getattr(doc._, "nc_entities", None) or []
        found = floating_quotes(text, quotes, self.rules.find(doc, text, quotes))
        if self.trained is not None:
            tagged = [each for statement in self.trained.find(doc, quotes, found)
                      if not self._event(doc, statement)
                      for each in self._found(doc, text, statement, quotes)]
            special = [f for f in self._special(doc, text, found) if self._reads(doc, f, quotes)]
            found = special + [f for f in tagged if not any(
                c.cue_span[0] < f.cue_span[1] and f.cue_span[0] < c.cue_span[1]
                for c in special)]
        found = [f for f in found if not refuses_to_speak(doc, f.cue_span, self.kinds)
                 and not conditional(doc, f.cue_span, self.kinds)
                 and not hypothetical(doc, f.cue_span, self.modals, self.stance_verbs)
                 and not self.unsaid.says_nothing(doc, f.cue_span, f.content_span,
                                                  quoting.quoted(f.content_span, quotes))]
        found = through_open_quotations(text, found, quotes)
        found = below_the_headline(within_reach(
            doc, past_a_closed_quote(doc, found, quotes), quotes), headline_end(doc), text)
        found = apart_from_other_tags(doc, found, quotes)
        statements: list[Statement] = []
        for each in sorted(found, key=lambda f: f.cue_span):
            if not _plausible(doc, each):
                continue
            speaker = _quoting(text, each, found) or each
            statement = self._statement(doc, text, each, speaker, mentions, statements, quotes)
            if statement is not None:
                statements.append(statement)
        doc._.nc_statements = statements
        return doc

    def _event(self, doc: Doc, tagged: TokenStatement) -> bool:
        cue = doc[tagged.cue[0] : tagged.cue[1]]
        lemma = cue.root.lemma_.lower()
        return lemma in self.event_only or (lemma in self.events and any(
            t.dep_ == "auxpass" for t in cue))

    def _special(self, doc: Doc, text: str, found: list[Found]) -> list[Found]:
        """The rules' statements that win over the model's for the same cue: speaker labels
        and signed quotations (the cue tagger rarely tags a punctuation mark; the rules are
        right for 27 of 28 it missed on PolNeAR dev), nominal cues ("China's opposition
        to"; a noun, not the verb of the same lemma: "called on X to resign", "praised"),
        shifted cues ("stopped short of endorsing") and statements the rules give several
        sources ("X, along with Y and Z, said")."""
        sources: dict[Span, int] = {}
        for f in found:
            sources[f.cue_span] = sources.get(f.cue_span, 0) + 1
        def shifted(cue: Span) -> bool:
            words = text[cue[0] : cue[1]].lower()
            return any(" ".join(p) in words for p in self.rules.shifters)

        def nominal(f: Found) -> bool:
            cue = doc.char_span(*f.cue_span, alignment_mode="expand")
            return f.cue in self.rules.nominal and cue is not None and cue.root.pos_ == "NOUN"

        return [f for f in found if f.cue in _MARKS or nominal(f) or f.cue in self.rules.beliefs
                or sources[f.cue_span] > 1 or shifted(f.cue_span)]

    def _reads(self, doc: Doc, found: Found, quotes: list[Span]) -> bool:
        """A rules' statement with an intention cue needs what the model's needs
        (:func:`reads_as_statement`): "Intel and AMD plan to release chips" is a plan of
        two sources, no statement; nominal cues ("China's opposition to") stay."""
        if found.cue not in self.kinds.intentions:
            return True
        content = doc.char_span(*found.content_span, alignment_mode="expand")
        return content is None or reads_as_statement(
            doc, found.cue, (content.start, content.end),
            quoting.quoted(found.content_span, quotes), self.kinds)

    # -- the model's statements as Found records ------------------------------------------

    def _found(self, doc: Doc, text: str, tagged: TokenStatement,
               quotes: list[Span]) -> list[Found]:
        cue = with_negation(doc, tagged.cue)
        cue_span = char_range(doc, cue)
        lemma = self._cue_lemma(doc, cue, text)
        if lemma not in self.rules.nominal and verb_read_as_noun(doc, cue, lemma,
                                                                 self.verb_lemmas):
            return []
        content = char_range(doc, with_its_subject(doc, tagged.cue, past_the_addressee(
            doc, tagged.cue, tagged.content, self.addressed), self.addressed)
        ) if tagged.content else None
        sentence = doc[quoting.sentence_start(doc, cue[0])].idx
        if content is None or ends_a_sentence_before(text, content, sentence):
            return []
        if not reads_as_statement(doc, lemma, tagged.content, quoting.quoted(content, quotes),
                                  self.kinds):
            return []
        said_by = char_range(doc, tagged.source) if tagged.source else cue_span
        tag = (min(cue_span[0], said_by[0]), max(cue_span[1], said_by[1]))
        if _ends_at_its_tag(text, content, tag, quotes) and not _interrupts(doc, cue, tag,
                                                                           content):
            # '"...," adds Conti', '"...," he told the BBC News website': the quotation,
            # without the speech tag that ends it
            content = (content[0], len(text[: tag[0]].rstrip(EDGE)))
        elif content[1] <= tag[0] and not text[content[1] : tag[0]].strip(EDGE):
            content = _past_its_tag(doc, cue, content, tag, quotes)
        if tagged.source is None:
            return [Found(None, lemma, cue_span, content)]
        return [Found(source, lemma, cue_span, content)
                for source in self._sources(doc, tagged.source, cue, quotes)]

    def _sources(self, doc: Doc, source: tuple[int, int], cue: tuple[int, int],
                 quotes: list[Span]) -> list[Span]:
        """One span per source ("X and Y said"), as the rules give them, when the tagged
        source is a whole phrase or part of one that stays clear of the cue (the tagger
        often stops before an apposition or relative clause that PolNeAR's source holds:
        "Kenneth Baer, a former official who runs a firm"); else the tagged stretch. The
        wrong one of two subjects the parser gave the cue verb gives way to the other
        (:func:`the_subject_instead`: "The tone of the campaign, said Mr Milburn, ...")."""
        subject = the_subject_instead(doc, source, cue, quotes)
        if subject is not None:
            return self.rules.split_sources(subject, doc[cue[0] : cue[1]].root)
        root = doc[source[0] : source[1]].root
        whole = (root.left_edge.i, root.right_edge.i + 1)
        if not (whole[0] <= source[0] and source[1] <= whole[1]
                and (whole[1] <= cue[0] or cue[1] <= whole[0])):
            return [char_range(doc, source)]
        return self.rules.split_sources(root, doc[cue[0] : cue[1]].root)

    def _cue_lemma(self, doc: Doc, cue: tuple[int, int], text: str) -> str:
        """What the predicate column holds: "according to" for a prepositional cue, the
        mark of a speaker label or signature (":", "―"), else the lemma of the cue's first
        verb ("has also vowed" -> "vow")."""
        tokens = doc[cue[0] : cue[1]]
        words = [t.lower_ for t in tokens]
        if words in self.rules.prepositional.get(words[0], ()):
            return " ".join(words)
        if all(t.is_punct for t in tokens):
            return tokens.text.strip()
        verbs = [t for t in tokens if t.pos_ == "VERB"] or [t for t in tokens if t.pos_ == "AUX"]
        return (verbs[0] if verbs else tokens.root).lemma_.lower()

    # -- building a statement --------------------------------------------------------

    def _statement(self, doc: Doc, text: str, found: Found, speaker: Found,
                   mentions: list[EntityMention], earlier: list[Statement],
                   quotes: list[Span]) -> Statement | None:
        """The statement's spans, canonical source and quoted words; None when its source
        names no one ("you", or "I" outside any quotation). ``speaker`` is whose name the
        source resolves to: the statement's own, or for "I" inside a quotation the
        quotation's. Target and stance
        are left to the ``newsclaims_stance`` component."""
        source = found.source_span
        if source is not None:
            source = at_the_named_person(doc, before_a_time(doc, within_its_phrase(
                doc, past_a_leading_verb(doc, past_the_headline(doc, source)),
                found.cue_span)))
            source = with_the_share(doc, at_the_phrase_nearest_the_cue(doc, source))
            source = before_a_quotation(text, with_closing_bracket(text, source), quotes)
            if speaker is found and text[source[0] : source[1]].lower() in _FIRST_PERSON:
                return None  # "I" with no quotation around it: the writer, not a source
        name = None if source is None else self.sources.canonical(
            doc, source if speaker is found else speaker.source_span, mentions, earlier,
            quotes, speaker.content_span)
        if source is not None and name is None:
            return None
        return Statement(
            source=name,
            source_span=source,
            cue=found.cue,
            cue_span=found.cue_span,
            content_span=found.content_span,
            target=None,
            stance="neutral",
            quote=quoting.quote_in(text, found.content_span, quotes),
            confidence=0.5,
        )


_FIRST_PERSON = frozenset(("i", "me", "my", "we", "us", "our"))

_BEFORE_A_TAG = tuple(',"”’\'')
"""How the words before a speech tag inside a content end when the tag closes them."""


def _ends_at_its_tag(text: str, content: Span, tag: Span, quotes: list[Span]) -> bool:
    """Whether content that runs over its own speech tag ends at the tag: the words before
    it are closed by a comma or quote mark ('"...," adds Conti') and nothing said goes on
    after it. Content that goes on, quoted ('"A," he said. "B."', however short) or after a
    comma ('A, he said, B, C and D'), stays whole, as PolNeAR marks it, and so does a
    clause the tag sits in ('which the OECD says had the highest wage floors')."""
    if not content[0] < tag[0] < content[1]:
        return False
    before = text[content[0] : tag[0]].rstrip()
    if not (before.endswith(_BEFORE_A_TAG) or quoting.quoted((content[0], tag[0]), quotes)):
        return False
    rest = (tag[1], content[1])
    words = len(text[slice(*rest)].strip(EDGE).split())
    return not words or not (quoting.quoted(rest, quotes) or (
        words > 3 and text[slice(*rest)].lstrip().startswith(",")))


def _past_its_tag(doc: Doc, cue: tuple[int, int], content: Span, tag: Span,
                  quotes: list[Span]) -> Span:
    """A quotation that ends where its own speech tag starts goes on past the tag when the
    tag splits one quoted sentence ('"If you look back," Scott said, "I could have written
    ..."'), as the rules join them (:func:`continued`); not past a tag that ends its
    sentence ('"A," he said. "B."') or holds words of its own ('"A," he said, adding that
    "B"', '"A," says King, who describes him as "B"'). PolNeAR dev: 2 contents right. The
    same past unquoted words ('A, he said, b ...') made 3 right, 1 wrong there, but on BBC
    train ran on into the writer's words ('..., according to sources, although there is
    no public confirmation')."""
    text = once.text(doc)
    longer = continued(content, tag[1], text, quotes, doc[cue[0]].sent)
    opening = next((q[0] for q in quotes if tag[1] <= q[0] < longer[1]), None)
    if longer == content or opening is None:
        return content
    gap = text[tag[1] : opening]
    if gap.strip(EDGE) or any(stop in gap for stop in ".!?"):
        return content
    words = doc.char_span(tag[0], tag[1], alignment_mode="expand")
    if words is None or any(t.pos_ in ("VERB", "AUX") and not cue[0] <= t.i < cue[1]
                            for t in words):
        return content
    return longer


def _interrupts(doc: Doc, cue: tuple[int, int], tag: Span, content: Span) -> bool:
    """Whether the speech tag interrupts the clause it reports: a word of the content after
    the tag, in the cue's sentence, is what the cue's verb hangs on ('The average benefit,
    it says, would be $300'; 'The truth, the senator said then, was that ...') or a clause
    coordinated with it ('X paid 8.9 percent, the agency said in a June report, and Y paid
    0.8 percent'). PolNeAR's content holds the whole sentence then, tag and all; a tag
    that closes its quotation ('"...," he said, adding ...') governs what follows it."""
    verb = doc[cue[0] : cue[1]].root
    above = {t.i for t in verb.ancestors}
    after = doc.char_span(tag[1], content[1], alignment_mode="contract")
    first = doc.char_span(content[0], content[1], alignment_mode="contract")
    if after is None or first is None or first[0].tag_ in _WH:
        return False  # a relative clause the tag sits in ('which he wrote, directed and')
    end = verb.sent.end
    return any(t.i in above or (t.head.i in above and not verb.is_ancestor(t))
               or (t.dep_ == "conj" and t.head == verb and has_subject(t))
               for t in after if t.i < end and not t.is_punct and not t.is_space)


_WH = frozenset(("WDT", "WP", "WP$", "WRB"))


def _quoting(text: str, found: Found, others: list[Found]) -> Found | None:
    """For "I" or "we" inside someone's quoted words, that someone's statement."""
    source = found.source_span
    if source is None or text[source[0] : source[1]].lower() not in _FIRST_PERSON:
        return None
    return next((o for o in others if o.source_span is not None and o is not found
                 and o.content_span[0] <= source[0] and source[1] <= o.content_span[1]
                 and text[o.source_span[0] : o.source_span[1]].lower() not in _FIRST_PERSON),
                None)


def _plausible(doc: Doc, found: Found) -> bool:
    """Not a statement: content of one character, the same words as the source, or a lone
    pronoun or determiner ("which authorities have said")."""
    source, content = found.source_span, found.content_span
    if content[1] - content[0] < 2 or source == content or (
            source is not None and source[0] == source[1]):
        return False
    words = doc.char_span(*content, alignment_mode="expand")
    return words is None or len(words) > 1 or words[0].pos_ not in ("PRON", "DET")


@Language.factory("newsclaims_attribution", default_config={"model": DEFAULT_MODEL})
def make_attribution_extractor(nlp: Language, name: str, model: str) -> AttributionExtractor:
    """``model``: the trained model's folder, a path or a name under ``models/``; the
    default is the shipped ``models/attribution`` (the rules alone when it is absent);
    "" means the rules alone."""
    return AttributionExtractor(nlp, name, model)
