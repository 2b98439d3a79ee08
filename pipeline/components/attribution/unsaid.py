"""Cues that report no statement though a verb of saying is there: a request ("asked them
to leave", "asked whether"), a passive whose subject is the one spoken to or about ("was
told to leave", "is alleged to have"), a foretold act ("will release a system", "will
defend his title"), a display ("showed his class"), a naming or act ("called the
police", "called off a strike"), an act in a contest or a vote ("conceded a penalty",
"claimed the award", "defended her title", "backed the bill by 310 votes") and a passive
participle that names a thing ("the ban proposed by the EU"). A negated disclosure ("did
not say when") stays: PolNeAR marks them ("have not said when they would take up the
reauthorization"; leaving them out cost PolNeAR dev 0.0024 source F1 for about one BBC row
in 500).

On BBC train such rows are acts or questions, not claims; each test reads the parse of
the cue's verb (a :class:`Doc` and the cue's characters) and the lexicon's word lists
(``models/cues.json``), and never raises.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Tokens

from pipeline.annotations import Span
from pipeline.components.attribution.linking import NOT_CONTENT, is_clause


@dataclass(frozen=True)
class Unsaid:
    """The word lists the tests read (``models/cues.json``): ``requests``,
    verbs that ask for an act or an answer rather than report one ("asked them to",
    "told him to leave", "asked whether"); ``future``, the modals of a foretold act
    ("will", "'ll"); ``passive_cues``, what a passive cue may still be: a verb that
    names its speaker elsewhere ("was quoted as saying") or an adjective of belief the
    parser reads as a participle ("was concerned that"); ``displays``, verbs of finding
    or showing that name an act with a phrase of the subject's own ("showed his class",
    "found themselves a goal down", "showed off a system"); ``namings``, verbs that
    characterise with a second complement ("called the plan a disaster") and only name
    or act with one ("a firm called the Operating and Financial Review", "called the
    police", "called off a demonstration"); ``act_particles``, the particles that make a
    naming verb an act ("called off a strike"); ``question_words``, what opens an
    indirect question ("asked whether"); ``prizes``, what a contest or an election is
    won, lost, held or given away with ("claimed the award" meaning won it, "conceded a
    penalty", "defended her title", "claimed victory"); ``votes``, the nouns of a vote
    that make backing or opposing an act ("backed the bill by 310 votes to 219");
    ``sayings``, the nouns of something said, which a participle may name with its
    speaker ("claims denied by Labour")."""

    requests: frozenset[str]
    future: frozenset[str]
    passive_cues: frozenset[str]
    displays: frozenset[str]
    namings: frozenset[str]
    act_particles: frozenset[str]
    question_words: frozenset[str]
    prizes: frozenset[str]
    votes: frozenset[str]
    sayings: frozenset[str]

    @classmethod
    def of(cls, cues: dict) -> Unsaid:
        """The word lists from ``models/cues.json`` (as ``resources.load`` parsed it), built
        into sets once per component, not per statement."""
        return cls(frozenset(cues["requests"]),
                   frozenset(cues["future_modals"]),
                   frozenset((*cues["communication"], *cues["belief_adjectives"])),
                   frozenset(cues["displays"]), frozenset(cues["namings"]),
                   frozenset(cues["act_particles"]), frozenset(cues["question_words"]),
                   frozenset(cues["prizes"]), frozenset(cues["votes"]),
                   frozenset(cues["nominal"]))

    def says_nothing(self, doc: Doc, cue: Span, content: Span, quoted: bool) -> bool:
        """Whether the statement with these spans (characters) reports nothing said."""
        tokens = doc.char_span(cue[0], cue[1], alignment_mode="expand")
        words = doc.char_span(content[0], content[1], alignment_mode="expand")
        if tokens is None or words is None or not len(tokens) or not len(words):
            return False  # an empty span (a cue or content of no token) says nothing either way
        verb = tokens.root
        return self.passive(verb) or (not quoted and (
            self.request(verb, words) or self.foretold(verb, words)
            or self.display(verb, words) or self.naming(verb, words)
            or self.contest(verb, words) or self.vote(verb) or self.naming_participle(verb)))

    def passive(self, verb: Token) -> bool:
        """A passive cue: its subject is whom it was said to or about ("was told to
        leave", "is alleged to have met him", "had been asked to consider"), no
        speaker; not one whose agent is named ("was announced by the Treasury")."""
        return any(c.dep_ == "auxpass" for c in verb.children) and not any(
            c.dep_ == "agent" for c in verb.children) and not (
            verb.lemma_.lower() in self.passive_cues or verb.lower_ in self.passive_cues)

    def request(self, verb: Token, content: Tokens) -> bool:
        """A request: a verb of asking with an infinitive ("asked the court to award",
        "told them to leave") or an indirect question ("asked whether the deal was
        fair") as its content."""
        if verb.lemma_.lower() not in self.requests:
            return False
        first = content[0]
        if first.lower_ in self.question_words:
            return True
        return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                            for a in c.children) for c in verb.children)

    def foretold(self, verb: Token, content: Tokens) -> bool:
        """A foretold act: a future modal before the cue and no clause in its content
        ("will release a similar system", "will support the formats"); a trailed speech
        with a clause stays ("will say next year will be make or break")."""
        return any(c.dep_ == "aux" and c.lower_ in self.future and c.i < verb.i
                   for c in verb.children) and not is_clause(
            content.doc, (content.start, content.end), NOT_CONTENT)

    def display(self, verb: Token, content: Tokens) -> bool:
        """An act of showing or finding: a particle ("showed off a system") or content
        that is no clause and opens with the subject's own possessive or reflexive
        pronoun ("showed his nous", "have shown their determination", "found themselves
        in trouble"); "figures show a decline" and "found that ..." stay."""
        if verb.lemma_.lower() not in self.displays:
            return False
        first = content[0]
        if any(c.dep_ == "prt" for c in verb.children) or first.lower_.endswith(_REFLEXIVE):
            return True  # a reflexive however it is parsed ("themselves" as a subject)
        return first.tag_ in _OWN and not is_clause(
            content.doc, (content.start, content.end), NOT_CONTENT)

    def naming(self, verb: Token, content: Tokens) -> bool:
        """A name or an act, no characterisation: a particle ("called off a strike") or
        a lone object with no second complement ("called the police"; "called the
        sale illegal" and "called it a 'vote now, pay later' Budget" stay)."""
        if verb.lemma_.lower() not in self.namings:
            return False
        if any(c.dep_ == "prt" and c.lower_ in self.act_particles for c in verb.children):
            return True
        tops = [t for t in content if not content.start <= t.head.i < content.end]
        return (len(tops) == 1 and tops[0].dep_ == "dobj" and tops[0].head == verb
                and not any(c.dep_ in _SECOND_COMPLEMENTS for c in verb.children))

    def contest(self, verb: Token, content: Tokens) -> bool:
        """An act in a contest: a prize as the cue verb's object with no clause beside it,
        or as the head of content that is no clause ("claimed the award", "conceded a late
        penalty", "defended her world title", however wide the content was tagged);
        "claimed the award was rigged" stays."""
        if any(c.dep_ == "dobj" and c.lemma_.lower() in self.prizes for c in verb.children):
            return not any(c.dep_ in _CLAUSES for c in verb.rights)
        return content.root.lemma_.lower() in self.prizes and not is_clause(
            content.doc, (content.start, content.end), NOT_CONTENT)

    def vote(self, verb: Token) -> bool:
        """Backing or opposing in a vote: the cue verb has a phrase whose object is a vote
        ("backed the bill by 310 votes to 219", "rejected the plan in a ballot"); not one
        that only dates it ("said after the vote")."""
        return any(c.dep_ == "prep" and c.lower_ in _VOTE_PREPOSITIONS and any(
            o.dep_ == "pobj" and o.lemma_.lower() in self.votes for o in c.children)
            for c in verb.children)

    def naming_participle(self, verb: Token) -> bool:
        """A passive participle that names a thing by who did it ("the ban proposed by
        the EU", "competition, encouraged by Ofcom"): what the agent did, not what it
        said; one that names something said stays ("claims denied by Labour")."""
        return verb.dep_ == "acl" and verb.tag_ == "VBN" and (
            verb.head.lemma_.lower() not in self.sayings)


_VOTE_PREPOSITIONS = frozenset(("by", "in", "with"))
"""What puts a vote's count or kind beside a verb ("by 310 votes", "in a ballot", "with a
majority of 40"), where "after the vote" only dates it."""

_CLAUSES = frozenset(("ccomp", "xcomp", "oprd"))
"""A verb's clause complements: a prize object with one after it is part of what was said
("claimed the title was his"); one before it is another sentence the parser hung there."""

_SECOND_COMPLEMENTS = frozenset(("oprd", "ccomp", "xcomp", "attr", "acomp", "dative"))

_OWN = frozenset(("PRP$", "PRP"))
"""A possessive ("his class") or personal pronoun ("themselves", "him how to") opening
what a display verb shows or finds."""

_REFLEXIVE = ("self", "selves")
