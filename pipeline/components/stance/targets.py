"""Target resolution: the canonical name a mention stands for, across one article.

A target is an entity ("Ms. Lynch" -> "Loretta Lynch", "her" -> the last person named,
"the president" and "the White House" -> the last person the article called President),
the article's topic ("the proposal" -> "Asian NATO"), or otherwise the noun phrase itself
("the tax bill").
Pure functions of the Doc and its entity mentions; never raise.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from pipeline import resources
from pipeline.annotations import EntityMention, Statement
from pipeline.components import aliases, hyphens, once, referents
from pipeline.components import quotes as quoting
from pipeline.components.headlines import headline_end
from pipeline.components.stance import lexicon

ENTITY = "entity"
TOPIC = "topic"
PHRASE = "phrase"

# modifiers kept in a phrase target: what makes "the tax bill" more than "bill"
_KEEP_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "npadvmod", "case"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "such", "any",
                          "some", "its", "his", "her", "their", "our", "my", "your"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
# a phrase right after a head that is part of its name ("production of the missiles",
# "the row over pay", "an inquiry into the deal"); "in" only after a noun of change,
# attitude or evaluation ("the dip in hiring", "confidence in the squad"; not "products
# in media")
_NAMING_PREPS = frozenset({"of", "on", "for", "to", "between", "against", "over", "into",
                           "about"})
# spaCy's entity types of times and amounts: no stance is about a date or a number
_MEASURES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})
_PLACES = frozenset({"GPE", "NORP", "LOC"})  # "Philippines", "Americas": names in -s
# what a definite description may stand for by its head ("the new Act": the Freedom of
# Information Act; "the report": the Gershon Report; "the bank": the Bank of England)
_THINGS = frozenset({"LAW", "EVENT", "FAC", "ORG", "PRODUCT", "WORK_OF_ART"})
# what makes a noun specific however rarely the article uses it: "tuition fees", "the
# club's debt", "two goals", "the cost of the plan"
_SPECIFIC = frozenset({"compound", "poss", "nummod", "prep", "nmod", "appos"})
_SPACE = re.compile(r"\s+")
_QUOTE_MARKS = re.compile(r"[\"“”\[\]]")  # 'held "constructive" talks', 'the [Lisbon]
# vision' (a writer's insertion): the name is without them
_AMOUNT_START = frozenset("0123456789%£$€¥")  # "2bn", "£2bn", "%"
# clauses whose nouns a statement names in passing ("while India has rejected aid", "by
# taking the medicine", "users accessing the web"): not what it is about; a predicate noun
# ("it's an accolade", "a huge political signal") says something of the subject, and is no
# more what it is about than they are
_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp", "attr"})
# a condition is what a verdict depends on ("it would be an insult if the Commission ignored
# the request"): its nouns are not in passing ("when" clauses were: "when his contract ends")
_CONDITIONS = frozenset({"if", "unless"})


def _quantity(token: Token) -> bool:
    """ "about 60%", "2.2 million barrels": an amount, not what a statement is about."""
    return token.like_num or token.text == "%" or any(
        c.dep_ == "nummod" or c.like_num for c in token.children)


def _measure(token: Token) -> bool:
    """An amount or a time ("in the current fiscal year"): no thing an evaluation is
    about."""
    return _quantity(token) or token.ent_type_ in _MEASURES


def _subordinate(token: Token, within: Span | None) -> bool:
    """``token`` is inside an adverbial, relative or participle clause of ``within`` (the
    content), below what the content itself says."""
    if within is None:
        return False
    while within.start <= token.head.i < within.end and token.head.i != token.i:
        if token.dep_ in _SUBORDINATE and not _says(token) and not _there_is(token):
            return True
        token = token.head
    return False


def _there_is(token: Token) -> bool:
    """What "there is" says there is ("there are too many gatherings of stars showering
    praise", "while progress was made, there is still a gap in pay"): what the clause is
    about, no predicate noun said of a subject; not a generic or attitude noun, which says little
    of its own ("there are people on low salaries who ...", "there have been signs of a
    slowdown", "there was no guarantee that the domains would ..."), nor a number ("two or
    three occasions when advice was published"), nor a noun of what it is for ("no factual
    basis for the declaration", "no grounds for investigating his affairs": about that),
    nor what a condition supposes ("if there's a vote, it's a difficult vote for those who
    oppose tariffs")."""
    vocab = _vocabulary()
    lemma = token.lemma_.lower()
    return _existential(token) and token.pos_ in _NOMINAL and not _quantity(token) and (
        lemma not in vocab.generic and lemma not in vocab.attitudes) and not any(
        c.dep_ == "prep" and c.lower_ == "for" for c in token.children) and not any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.head.children)


_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_DEMONSTRATIVES = frozenset({"the", "this", "these", "that", "those"})
_PERSON_SUBJECTS = frozenset({"he", "she"})
_AGE = re.compile(r"\d{1,3}-year-old$")


def aged(token: Token) -> bool:
    """``token`` ends an age used as a noun ("the 31-year-old said", "the 31-year-old's
    career"), not one describing the noun after it ("a 31-year-old woman")."""
    return token.lower_ == "old" and token.dep_ != "amod" and token.i >= 4 and bool(
        _AGE.search(token.doc[token.i - 4 : token.i + 1].text))


_FIRST_PERSON = frozenset({"my", "our"})
_REFERRING = frozenset({"it", "this"})  # subject pronouns that stand for a thing said before
_SPEAKERS = frozenset({"i", "we"})
_KIN_REACH = 1000  # characters back an anaphor looks for a phrase of another of its kind


def _own(token: Token) -> bool:
    """``token`` is what "my"/"our" holds ("use my racing knowledge", "our task is to
    rebuild the coalition", "our growth initiatives"): the speaker's side or doings, not
    what the statement judges. (What "I"/"we" do was tried too: "we have a veto on any
    changes" is about the veto.)"""
    return any(c.dep_ == "poss" and c.lower_ in _FIRST_PERSON for c in token.children)


def _says(clause: Token) -> bool:
    """The clause is what the statement says, not said in passing: a condition ("an insult
    if the Commission ignored the request"), what a plain noun holds ("the fact that
    Yahoo has grown") or what a measure turns against ("measures to combat ageism")."""
    vocab = _vocabulary()
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in clause.children) or (
        clause.dep_ in ("acl", "relcl") and clause.head.lemma_.lower() in vocab.generic) or (
        clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in vocab.reversers)


def _object(token: Token) -> bool:
    """What a verb acts on: its object, or the subject of the clause it governs ("should
    investigate why the system had gone wrong": the system)."""
    return token.dep_ == "dobj" or (
        token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ccomp")


def _acts_on(agent: Token, obj: Token) -> bool:
    """``obj`` is the object of the agent's verb or of a verb that verb leads into ("planned
    to raise capacity", "urged governments to fund systems"), not of another clause."""
    verb = obj.head
    for _ in range(3):
        if verb == agent.head:
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head == verb:
            return False
        verb = verb.head
    return False


def _urged(token: Token, within: Span | None) -> bool:
    """``token`` is whom the cue bids do something ("urged politicians to avoid negative
    campaigning", "asked fans to boycott the match"): what they are bid act on is what
    the statement is about, whoever they are (a verb of the content is no bidding: "raise
    prices to offset costs" is about the prices)."""
    return within is not None and token.dep_ == "dobj" and token.head.i < within.start and any(
        c.dep_ == "xcomp" and c.i > token.i for c in token.head.children)


def _counted(token: Token) -> bool:
    """``token`` counts who or what acts ("at least one million people have lost their
    livelihoods", "36% of users had never sent a message"): how many do it is said of
    what they do (a number, not an ordinal: "the first combined chart")."""
    return token.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in token.children)


def _judging(word: Token, head: Token) -> bool:
    """``word`` is the opinion in a phrase rather than part of its name ("stronger
    economic growth", "very strong results", "a good deal", "a worrying rise", "the most
    positive and upbeat campaign"): an evaluative adjective of the head that is graded (a
    comparative, a superlative or with a degree adverb) and evaluative, or a word of the
    stance lexicon by itself but one that names a kind ("a positive test"; "free education"
    and "fair and reasonable guidelines" are names too), or the adverb grading it."""
    if word.dep_ == "advmod" and word.head.dep_ == "amod":
        word = word.head
    if word.dep_ != "amod" or word.head != head or word.pos_ != "ADJ":
        return False
    graded = word.tag_ in ("JJR", "JJS") or any(c.dep_ == "advmod" for c in word.children)
    if not graded:
        return _polar(word) and word.lower_ not in _vocabulary().kinds and not any(
            c.dep_ == "cc" for c in word.children)
    return _polar(word) or abs(lexicon.valence(word.lower_)) >= _JUDGING_VALENCE


def _amount_word(word: Token) -> bool:
    """A word of an amount: a number (not an ordinal: "the second book"), a currency sign,
    or a scale after a number ("$140m", "5bn rupees"): no word of a name, nor a thing a
    statement is about."""
    doc = word.doc
    return word.tag_ in ("CD", "$") or word.text in _AMOUNT_START or (
        word.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")) or (
        word.lower_.rstrip(".") in resources.words("figures", "scales") and word.i > 0 and (
            doc[word.i - 1].like_num or doc[word.i - 1].ent_type_ == "MONEY"))


_TIMES = frozenset({"DATE", "TIME"})


def _when(word: Token) -> bool:
    """A word of a time unit before a noun, no possessor ("each year fuel duties", "this
    year rising oil prices"): how often or when, not what; a day, a month or a possessor
    names one ("Friday's meeting", "the February poll", "this year's nominees"), and so
    does a duration ("a five-year ban")."""
    doc, vocab = word.doc, _vocabulary()
    unit = word if word.lower_ in vocab.time_units else (
        doc[word.i + 1] if word.lower_ in vocab.time_determiners and word.i + 1 < len(doc)
        else None)
    return unit is not None and unit.lower_ in vocab.time_units and unit.ent_type_ in _TIMES and (
        not any(c.tag_ == "POS" for c in unit.children)) and not hyphens.joined_before(unit)


def _hedge(word: Token) -> bool:
    """A word that bounds or limits a phrase ("at least double-digit growth", "only
    items", "up to 100 million doses", "no deal"): no word of its name."""
    return (word.i < word.head.i and (word.dep_ in ("advmod", "quantmod", "predet", "preconj")
                                     and word.pos_ in ("ADV", "ADP", "ADJ", "PART"))) or (
        word.dep_ == "det" and word.lower_ == "no")


def _changes(token: Token) -> bool:
    """A noun of change, attitude or evaluation: what it is "in" is part of its name."""
    vocab = _vocabulary()
    lemma = token.lemma_.lower()
    return lemma in vocab.changes or lemma in vocab.attitudes or lemma in vocab.aspects or (
        _evaluative(token))


# VADER's "lower" (-1.2) says how much ("the lower duty"), "stronger" (1.6) and "better"
# (1.9) how good: the valence a graded adjective needs to be an opinion
_JUDGING_VALENCE = 1.5
_JOINERS = frozenset({"of", "the", "and", "for", "on", "in", "a", "an", "to"})


def _title_case(phrase: str) -> bool:
    """A name: two to four words, each capitalised but the joining ones ("Asian NATO",
    "Axis of Evil"; not "It looks pretty grim")."""
    words = phrase.split()
    return 2 <= len(words) <= 4 and words[-1][:1].isupper() and all(
        w[:1].isupper() or w in _JOINERS for w in words)


def _infinitive(token: Token) -> Token | None:
    """The infinitive right after a noun that says what it acts on ("the need to reform
    the policy", "a decision to sell the club"; not "the capacity to start", nor the
    inverted "were conditions to deteriorate"), or what an act does ("their decision to
    marry", "the move to quit": the act is nothing without it)."""
    act = token.lemma_.lower() in _vocabulary().acts
    return next((c for c in token.children if c.dep_ == "acl" and any(
        a.dep_ == "aux" and a.lower_ == "to" and a.i == token.i + 1 for a in c.children)
        and (act or any(o.dep_ == "dobj" for o in c.children))), None)


def _joined(token: Token, hi: int) -> Token | None:
    """A common noun joined to ``token`` by "and"/"or" right after its phrase (which ends
    at token ``hi``): "talking about skills and investment", "red tape and debt"; not a
    name ("the EU and Germany": each its own target), a list ("X, Y and Z") or a noun with
    words of its own after it."""
    doc = token.doc
    if token.pos_ != "NOUN" or hi + 2 >= len(doc) or doc[hi + 1].dep_ != "cc" or (
            doc[hi + 1].lower_ not in ("and", "or")) or doc[hi + 1].head != token:
        return None
    conj = next((c for c in token.children if c.dep_ == "conj" and c.i > hi), None)
    if conj is None or conj.pos_ != "NOUN" or conj.ent_type_ or conj.left_edge.i != hi + 2 or (
            any(c.i > conj.i or c.dep_ == "conj" for c in conj.children)) or any(
            t.is_punct for t in doc[hi + 2 : conj.i]):  # "follow his lead and 'dump' brands"
        return None
    return conj


def _in_clause(token: Token, top: Token) -> bool:
    """``token`` is inside a clause or prepositional phrase below ``top``; not the "of"
    phrase of a generic ``top``, which names nothing without it ("the number of
    accidents", "a lot of money")."""
    generic = top.lemma_.lower() in _vocabulary().generic
    while token.i != top.i:
        if token.dep_ in ("relcl", "acl", "prep", "advcl", "ccomp") and not (
                generic and token.head == top and token.lower_ == "of"):
            return True
        token = token.head
    return False


@dataclass(frozen=True)
class Target:
    """A resolved mention: its canonical ``name``, ``kind`` (entity, topic or phrase),
    the character span of the words that name it, and the token index of its head."""

    name: str
    kind: str
    span: tuple[int, int]
    head: int


@dataclass(frozen=True)
class _Vocabulary:
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    titles: frozenset[str]
    anaphors: frozenset[str]
    seats: dict[str, str]  # casefolded seat of power -> the title of who holds it
    states: dict[str, str]
    generic: frozenset[str]
    aspects: frozenset[str]  # "the cost of the order": about the order
    changes: frozenset[str]  # "the dip in hiring": a change in something
    idioms: frozenset[str]  # "as a result", "beyond belief": a noun that names nothing
    attitudes: frozenset[str]  # "reservations about the Lords": about the Lords
    agents: frozenset[str]  # nouns of who acts ("investors", "the group", "ministers")
    speech: frozenset[str]  # cue verbs: who says something inside a statement is no target
    reversers: frozenset[str]  # "measures to combat ageism": against ageism
    light_verbs: frozenset[str]  # "have the guts", "play a vital role": the verb says little
    predicate_nouns: frozenset[str]  # "make a difference", "change their mind": no target
    kinds: frozenset[str]  # adjectives that name a kind, not an opinion ("a positive test")
    frames: frozenset[str]  # "the only way to combat X": about X
    figures: frozenset[str]  # "the figure": what the last figure measured
    passing: frozenset[str]  # "the funny side", "the extent": named in passing
    covenants: frozenset[str]  # anaphors of an agreement, which no plan or law is
    acts: frozenset[str]  # "the move", "the decision": an act, no plan named before
    affiliations: dict[str, frozenset[str]]  # "his party": the NORP or ORG named beside him
    time_units: frozenset[str]  # "each year fuel duties": when, no word of a name
    time_determiners: frozenset[str]  # "this year", "every month": before a time unit


@cache
def _vocabulary() -> _Vocabulary:
    data = resources.load("stance")["targets"]
    cues = resources.load("cues")
    return _Vocabulary(
        person_pronouns=frozenset(data["person_pronouns"]),
        thing_pronouns=frozenset(data["thing_pronouns"]),
        titles=frozenset(data["titles"]),
        anaphors=frozenset(resources.load("stance")["anaphors"]),
        seats={k.casefold(): v for k, v in data["seats"].items()},
        states=resources.load("entities")["states"],
        generic=frozenset(data["generic_nouns"]),
        aspects=frozenset(data["aspect_nouns"]),
        changes=frozenset(data["change_nouns"]),
        idioms=frozenset(data["idioms"]),
        attitudes=frozenset(data["attitude_nouns"]),
        agents=frozenset(data["agent_nouns"]) | frozenset(
            w for key in ("group_nouns", "organisation_nouns") for w in cues[key]),
        speech=frozenset(cues["verbs"]),
        reversers=frozenset(resources.load("stance")["reversers"]),
        light_verbs=frozenset(data["light_verbs"]),
        predicate_nouns=frozenset(data["predicate_nouns"]),
        kinds=frozenset(data["kind_adjectives"]),
        frames=frozenset(data["frame_nouns"]),
        figures=frozenset(data["figure_nouns"]),
        passing=frozenset(data["passing_nouns"]),
        covenants=frozenset(data["covenant_nouns"]),
        acts=frozenset(data["act_nouns"]),
        affiliations={noun: frozenset(labels) for noun, labels in data["affiliations"].items()
                      if noun != "_doc"},
        time_units=frozenset(data["time_units"]),
        time_determiners=frozenset(data["time_determiners"]),
    )


@cache
def _kin() -> tuple[frozenset[str], frozenset[str]]:
    """The anaphor nouns that may stand for one another's phrase (:meth:`_kin_before`):
    those of an agreement, and the rest; an act ("the move") none. Read once, asked per
    anaphor."""
    vocab = _vocabulary()
    anaphors = vocab.anaphors - vocab.acts
    return anaphors & vocab.covenants, anaphors - vocab.covenants


_OF = frozenset({"of", "for"})  # "the failure of the plan", "a shame for the club"
_NAMING_PRONOUNS = frozenset({"he", "she", "they"})


def _polar(token: Token) -> bool:
    """A lemma of the stance lexicon ("favour", "benefit", "danger")."""
    return token.lemma_.lower() in lexicon.polar_lemmas()


def _evaluative(token: Token) -> bool:
    """A word that judges: a lexicon-polar lemma or a word VADER valences at least the
    lexicon's floor ("shame", "peril", "excellent")."""
    return _polar(token) or abs(lexicon.valence(token.lower_)) >= lexicon.valence_floor()


def _predicate(token: Token) -> bool:
    """``token`` is what a clause says rather than what it is about: a copula's predicate
    nominal ("it's a shame") or a light verb's object ("have the guts", "play a role")."""
    if token.dep_ == "attr":  # "there is a problem": what there is, no predicate
        return not any(c.dep_ == "expl" for c in token.head.children)
    return (
        token.dep_ == "dobj" and token.head.lemma_.lower() in _vocabulary().light_verbs
        and not any(c.dep_ == "prt" for c in token.head.children))  # not "take out"


# what "there is a problem" is with or in ("a problem with the engine", "room for
# improvement in her game", "a crisis in the recruitment of statisticians")
_EXISTENTIAL_PREPS = frozenset({"with", "in", "over", "about", "for", "of", "to", "on", "at"})


def _existential(token: Token) -> bool:
    """``token`` is what "there is" says there is ("there is a problem")."""
    return token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children)


def _complement(token: Token) -> Token | None:
    """The first noun an existential's prepositions lead to that is not itself an
    evaluation or an amount ("room for improvement in her game": the game)."""
    frontier = [token]
    while frontier:
        head = frontier.pop(0)
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _EXISTENTIAL_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.pos_ not in _NOMINAL or _measure(obj):
                    continue
                if not _evaluative(obj):
                    return obj
                frontier.append(obj)
    return None


def _described(token: Token) -> Token | None:
    """What a verb's object predicate describes: its object ("called her a tireless
    type", "branded the plan a disaster", "characterised them as do-nothings", "described
    the release as overdue"): the description is what is said of it."""
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        if verb.head.pos_ in _NOMINAL:  # the parser hung "as" on the object
            return verb.head
        verb = verb.head
    elif token.dep_ != "oprd" and not (token.dep_ == "dobj" and any(
            c.dep_ == "dobj" and c.i < token.i for c in verb.children)):
        return None  # a second object is a predicate too ("branded the plan a disaster")
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < token.i), None)


def _framed(token: Token) -> Token | None:
    """What a frame noun frames: its "of" object ("the main driver of the expansion"),
    what its infinitive acts on ("the only way to combat the attacks"), or the subject of
    its clause ("the possibility that the mill is sold"); None when it frames nothing
    named ("the good thing is that ...": the next candidate)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            of = next((g for g in child.children if g.dep_ == "pobj"), None)
            if of is not None and of.pos_ in _NOMINAL and not _quantity(of):
                return of
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"):
            deps = ("dobj",) if any(a.lower_ == "to" for a in child.children) else (
                "nsubj", "nsubjpass")
            said = next((g for g in child.children if g.dep_ in deps), None)
            if said is not None and said.pos_ in _NOMINAL and not _quantity(said):
                return said
    return None


def _described_person(token: Token) -> Token | None:
    """The "he"/"she" a copula's predicate noun describes ("he cannot be Germany's number
    one keeper", "she is the new chair"): the statement is about that person."""
    if token.dep_ != "attr" or token.head.lemma_ != "be":
        return None
    return next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.lower_ in _PERSON_SUBJECTS), None)


def _names_it(token: Token) -> bool:
    """``token`` is a copula's predicate noun that names what its subject is ("it was a
    Labour Party meeting"), not what is said of it ("it was a shame", "a huge step", "a
    big election issue": "it" is the consumer borrowing named before), nor what it
    comes of ("the result of lunging for a ball")."""
    vocab = _vocabulary()
    lemma = token.lemma_.lower()
    return token.dep_ == "attr" and token.pos_ == "NOUN" and not _evaluative(token) and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children) and (
        lemma not in vocab.generic and lemma not in vocab.predicate_nouns
        and lemma not in vocab.frames and not _measure(token)) and not any(
        (c.dep_ == "amod" and _evaluative(c)) or (c.dep_ == "prep" and c.lower_ == "of")
        for c in token.children)  # "it was the result of lunging": what "it" is


def _possessor(token: Token) -> Token | None:
    """Who an evaluative noun belongs to, when it names them ("Man Utd's resolve"): the
    evaluation is of them. Not a common noun ("people's confidence": no one named), nor
    a pronoun ("his innocence", "her award": as often the speaker as anyone else)."""
    return next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"),
                None)


def _framing(token: Token, marked: bool = False) -> bool:
    """``token`` is the subject of a copula whose complement is a clause ("the problem is
    (that) there has not been enough understanding", "the danger is that ..."): it frames
    what the clause says, which is what the statement is about. ``marked``: only a clause
    "that" or "whether" opens ("the main issue would be that ..."; not "the move was
    ill-timed given data showing ...", a parse that reads a clause there)."""
    verb = token.head
    return token.dep_ == "nsubj" and verb.lemma_ == "be" and any(
        c.dep_ == "ccomp" and (not marked or any(
            m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children))
        for c in verb.children) and not any(
        c.dep_ in ("acomp", "attr") for c in verb.children)


def said_of(token: Token) -> Token | None:
    """What an evaluative candidate is said of: ``token`` itself when it is no fragment
    of the evaluation; else its "of/for" object ("the failure of the plan"), for a
    predicate the copula's or light verb's subject ("the plan is a shame", "the board
    has the guts"); None when nothing is (the next candidate decides). An evaluative
    head is a fragment as a predicate or with an "of/for" object; a predicate also when
    an evaluative word modifies it ("a vital role", "an excellent response") or its
    noun is a predicate noun ("make a difference"). "The crisis deepened" keeps the
    crisis: a subject is what its clause is about. What "there is" an evaluation is
    with or in ("a problem with the engine": the engine; "a problem" alone keeps it),
    what someone named holds ("Man Utd's resolve": Man Utd), and what an object
    predicate describes ("called her a tireless type": her) is what it is said of."""
    vocab = _vocabulary()
    if token.lemma_.lower() in vocab.frames and not any(
            c.dep_ == "compound" for c in token.children):  # "the feel-good factor"
        return _framed(token)
    if _framing(token, marked=True) and not any(c.dep_ in _SPECIFIC for c in token.children):
        return None  # "the main issue would be that ...": what the clause says
    described = _described(token)
    if described is not None:
        return described if described.pos_ in _NOMINAL or described.pos_ == "PRON" else None
    head = _evaluative(token)
    if _existential(token) and (head or any(
            (c.dep_ == "amod" and _evaluative(c)) or (c.dep_ == "prep" and any(
                g.dep_ == "pobj" and _evaluative(g) for g in c.children))
            for c in token.children)):
        return _complement(token) or token  # "there is a problem (with the engine)"
    predicate = _predicate(token)
    judged = head or (predicate and any(c.dep_ == "amod" and _evaluative(c)
                                        for c in token.children))
    if not judged and not (predicate and (token.lemma_.lower() in vocab.predicate_nouns
                                          or token.lower_ in vocab.predicate_nouns)):
        return _described_person(token) or token
    # "for" only of a predicate ("a shame for the club"; not "a defeat for the first
    # time"), none of a plain predicate noun ("have the role of Speaker": who has it), nor
    # what a reverser ends ("end the right of male heirs": against the right)
    # what else only the lexicon's words are "of" ("in favour of the cuts"; VADER's "the
    # victims of the wave" are the victims)
    preps = _OF if judged and predicate else {"of"} if _polar(token) else set()
    if head:  # "a lot of problems with that ankle", "his dispute with Bellamy"; whence it
        preps = {*preps, "with", "from"}  # comes: "the risk from viruses", "a boost from"
    of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
               for g in c.children if g.dep_ == "pobj" and g.pos_ in _NOMINAL), None)
    if of is not None and not _quantity(of) and (
            token.head.lemma_.lower() not in vocab.reversers):
        return of
    if not predicate:
        if head and _framing(token):
            return None
        return (_possessor(token) if head else None) or token
    subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (subject.pos_ in _NOMINAL or subject.lower_ in
                                _NAMING_PRONOUNS):
        return subject
    return None


class Resolver:
    """Resolves mentions of one Doc. Built once per Doc: it indexes the entity mentions
    by token. ``quotes``: the article's quotations, where the caller found them already."""

    def __init__(self, doc: Doc, mentions: list[EntityMention], topic: str | None,
                 text: str | None = None, quotes: list[tuple[int, int]] | None = None
                 ) -> None:
        self.doc = doc
        self.text = once.text(doc) if text is None else text
        self.topic = topic
        self.vocab = _vocabulary()
        self.person_titles = frozenset(resources.load("entities")["titles"])
        self.mentions = mentions
        # attribution's statements: what a description's resolver reads as who spoke before
        self.statements: list[Statement] = list(
            doc._.nc_statements or []) if Doc.has_extension("nc_statements") else []
        self._by_token: dict[int, EntityMention] = {}
        # how often the article names each entity, and uses each noun: salience
        self._names = [self.canonical(m.canonical, m.label) for m in mentions]  # as targets
        self._counts = Counter(name.casefold() for name in self._names)
        self._lemmas = Counter(t.lemma_.lower() for t in doc if t.pos_ in _NOMINAL)
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self._by_token[token.i] = mention
        # head lemma -> (offset, name, specific) of each longer phrase: built on first use
        self._heads: dict[str, list[tuple[int, str, bool]]] | None = None
        self._body_start: int | None = None
        self._titles: dict[str, str] | None = None
        self._quoted: list[tuple[int, str]] | None = None  # (start, phrase) of each quote
        self._quote_spans = quotes
        self._descriptions: dict[int, Target | None] = {}
        self._title_end = 0
        self._news: tuple[int, str | None] = (-1, None)  # the headline's news, by its start
        # the person each title word last named: "President Donald Trump" -> president
        self._titled: list[tuple[int, str, str, frozenset[str]]] = []
        for mention in mentions:
            if mention.label != "PERSON":
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            words = {t.lower_ for t in doc[max(0, span.start - 3) : span.start]}
            words |= {t.lower_ for t in span}
            for title in words & self.vocab.titles:
                self._titled.append((mention.start, title, mention.canonical, frozenset(words)))

    def canonical(self, name: str, label: str | None = None) -> str:
        """One name per target: the alias table entities and sources use too ("Republicans"
        -> "Republican Party"), a demonym or capital for its state ("Chinese" -> "China")."""
        alias = aliases.alias(name)
        if alias:
            return alias
        if label in ("NORP", "GPE"):
            return self.vocab.states.get(name, name)
        return name

    def salience(self, target: Target) -> int:
        """How often the article names the target: its entity mentions, or its head noun."""
        if target.kind == ENTITY:
            return self._counts[target.name.casefold()] or 1
        if target.kind == TOPIC:
            return max(self._lemmas[self.doc[target.head].lemma_.lower()], 2)
        return self._lemmas[self.doc[target.head].lemma_.lower()] or 1

    def passing(self, target: Target) -> bool:
        """A noun the statement names in passing ("the funny side", "the extent", "big
        points"; ``passing_nouns``): the article uses it nowhere else (its head's lemma
        once), no name, compound, possessor, number, "of" phrase or infinitive makes it
        specific (at most two words: "the need to detain them" is its own), and it
        stands for nothing named before (its name holds its head word). A reader takes
        the thing the statement is about, when it names one, over it (:meth:`better`)."""
        if target.kind != PHRASE:
            return False
        head = self.doc[target.head]
        lemma = head.lemma_.lower()
        return lemma in self.vocab.passing and self._lemmas[lemma] <= 1 and len(
            target.name.split()) <= 2 and head.lower_ in target.name.lower().split() and not any(
            c.dep_ in _SPECIFIC for c in head.children)

    def better(self, target: Target, within: Span | None) -> bool:
        """A target to take over a noun named in passing (:meth:`passing`): a name, the
        article's topic or a phrase the article uses more than once, that the content's own
        clause names (not a clause said in passing: "when I first walked through the door
        of 10 Downing Street")."""
        return not _subordinate(self.doc[target.head], within) and (
            target.kind != PHRASE or (not self.passing(target) and self.salience(target) > 1))

    def count(self, name: str) -> int:
        """How many entity mentions the article has with this canonical name."""
        return self._counts[name.casefold()]

    def entity_at(self, token: Token) -> EntityMention | None:
        return self._by_token.get(token.i)

    def at(self, token: Token, *, phrases: bool = True, speaker: str | None = None
           ) -> Target | None:
        """The target the noun phrase headed by ``token`` names, if any; ``speaker``: who
        says it, whom a "he" or "she" in their quoted words is not."""
        mention = self._by_token.get(token.i)
        if mention is not None:
            name = self.canonical(mention.canonical, mention.label)
            seat = self.vocab.seats.get(name.casefold())
            # "the White House said": the president the article named (SEESAW reads so)
            holder = self._titled_person(token, seat) if seat else None
            return Target(holder or name, ENTITY, (mention.start, mention.end), token.i)
        lower = token.lower_
        if token.pos_ == "PRON":
            return self._pronoun(token, lower, speaker)
        if aged(token):  # "the 31-year-old": the person the article gave that age
            return self._described(token)
        if token.pos_ not in _NOMINAL or any(c.tag_ == "WDT" for c in token.children):
            return None  # "which technology it will support" names none yet
        if token.dep_ == "pobj" and " ".join(
                t.lower_ for t in token.head.subtree) in self.vocab.idioms:
            return None  # "life gets better as a result"
        if token.ent_type_ in _MEASURES or _amount_word(token):
            return None  # "at the end of last year", "in August 2003", "a $140m": no what
        lemma = token.lemma_.lower()
        if lemma in self.vocab.figures and (measured := self._measured(token)):
            return Target(measured, PHRASE, (token.idx, token.idx + len(token.text)), token.i)
        definite = any(c.lower_ in _DETERMINERS for c in token.children)
        qualifiers = self._named_qualifiers(token) if lemma in self.vocab.titles else None
        if definite and qualifiers is not None:  # "the president", "the Tory leader"
            person = self._titled_person(token, lemma, qualifiers)
            if person:
                return Target(person, ENTITY, (token.idx, token.idx + len(token.text)), token.i)
        named = self._apposed(token) or self._described(token) or self._affiliated(
            token, speaker)
        if named is not None:
            return named
        if self.topic and ((lemma in self.vocab.anaphors and definite) or self._names_topic(token)):
            return Target(self.topic, TOPIC, self._phrase_span(token), token.i)
        if lemma in self.vocab.anaphors and definite and not self.topic:
            quoted = self._quoted_before(token)  # 'proposed an "Asian NATO". ... the proposal'
            if quoted:
                return Target(quoted, PHRASE, (token.idx, token.idx + len(token.text)), token.i)
        thing = self._named_thing(token) if definite else None
        if thing is not None:
            return thing
        alias = aliases.alias(token.text) if token.pos_ == "PROPN" else None
        if alias:
            return Target(alias, ENTITY, (token.idx, token.idx + len(token.text)), token.i)
        titled = self._title_phrases().get(lemma)
        if titled and token.idx > self._title_end:  # "a 25% tariff": the headline's tariffs
            return Target(titled, PHRASE, self._phrase_span(token), token.i)
        if definite and not self._modified(token):  # "the agreement": the one named before
            earlier = self._named_before(token, {lemma}) or self._kin_before(token, lemma)
            if earlier:
                return Target(earlier, PHRASE, (token.idx, token.idx + len(token.text)), token.i)
            self._title_phrases()  # finds the news
            news = self._news[1]
            if lemma in self.vocab.anaphors and news and token.idx > self._title_end:
                # "the move", "the decision": the news the headline names
                return Target(news, PHRASE, (token.idx, token.idx + len(token.text)), token.i)
        if not phrases or (lemma in self.vocab.generic and not any(
                c.dep_ in ("compound", "amod", "nummod", "poss") for c in token.children)):
            return None  # "the case", not "the court case"
        body = self._body()  # a headline run into the body: no name spans both
        tokens = [t for t in self._phrase_tokens(token, join=True)
                  if (t.idx < body) == (token.idx < body)]
        if token.pos_ == "PROPN":  # a name the entity recogniser missed: no title, no "of"
            tokens = [t for t in tokens if t.i <= token.i and t.text not in self.person_titles]
        name = self._name_of(tokens)
        span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)) if tokens else None
        return Target(name, PHRASE, span, token.i) if name and span else None

    def _named_thing(self, token: Token) -> Target | None:
        """The name a definite description stands for where the article named it before
        by the same head noun: "the new Act" -> the last law, event, work, place or body
        whose name is headed by "Act" ("Freedom of Information Act"; "the report" ->
        "Gershon Report", "the bank" -> "Bank of England"). A work by its kind ("the
        film" -> the last title) was tried: a film the recogniser takes for a person ("Vera
        Drake") leaves "the film" to another title.
        Only a singular noun with no words of its own but adjectives and a relative clause
        ("the new Act", "the Act, which obliges ..."; not "the party's plans", "the tax
        act", "the federation concerned"), a noun of a body ("party", "bank") with no
        adjective ("this new party" is no party named before), within 3,000 characters (60
        sentences' worth)."""
        if token.tag_ not in ("NN", "NNP") or token.ent_type_ or not any(
                c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in token.children) or any(
                c.dep_ not in ("det", "amod", "punct", "case", "relcl") for c in token.children):
            return None
        lemma = token.lemma_.lower()
        if lemma in referents.shared().organisation_nouns and any(
                c.dep_ == "amod" for c in token.children):
            return None
        named = [e for e in self.doc.ents if e.end_char <= token.idx < e.start_char + 3000
                 and e.label_ in _THINGS and e.root.lemma_.lower() == lemma and len(e) > 1]
        if not named:
            return None
        span = (token.left_edge.idx, token.idx + len(token.text))
        mention = self._by_token.get(named[-1].root.i)
        if mention is not None:
            return Target(self.canonical(mention.canonical, mention.label), ENTITY, span,
                          token.i)
        words = list(named[-1])
        name = self._name_of(words[1:] if words[0].lower_ == "the" else words)
        return Target(name, PHRASE, span, token.i) if name else None

    def _body(self) -> int:
        """Where the body starts after a headline run into it (:func:`headline_end`)."""
        if self._body_start is None:
            self._body_start = headline_end(self.doc)
        return self._body_start

    def _measured(self, token: Token) -> str | None:
        """What "the figure" or "these numbers" stand for: the measured concept of the last
        figure in this sentence or the one before ("mobile phone sales rose to 674m
        units. The figure was 30% more than in 2003": mobile phone sales)."""
        if not any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in token.children) or any(
                c.dep_ in ("prep", "amod", "compound", "nummod") for c in token.children):
            return None  # "a figure of 5%", "the unemployment figures": their own
        since = self.doc[quoting.sentences_back(self.doc, token.i, 2)].idx
        figures = [f for f in (self.doc._.nc_figures or []) if since <= f.span[0]
                   and f.span[1] <= token.idx and f.target] if Doc.has_extension(
            "nc_figures") else []
        return figures[-1].target if figures else None

    def _affiliated(self, token: Token, speaker: str | None) -> Target | None:
        """What "his party" or "her side" stands for: the body the article named beside
        the person "his"/"her" is ("Lib Dem leader Charles Kennedy ... his party": the
        Liberal Democrats; "Republic of Ireland manager Brian Kerr ... his side"), in the
        words before one of their mentions or in its apposition ("Charles Kennedy, the Lib
        Dem leader"); None where the article named none."""
        labels = self.vocab.affiliations.get(token.lemma_.lower())
        owner = next((c for c in token.children if c.dep_ == "poss"), None) if labels else None
        if owner is None or owner.lower_ not in ("his", "her") or any(
                c.dep_ in ("compound", "amod") for c in token.children):
            return None  # "his England side": named already
        person = self._pronoun(owner, owner.lower_, speaker)
        if person is None:
            return None
        person_name = person.name.casefold()
        for mention, name in zip(reversed(self.mentions), reversed(self._names), strict=True):
            if mention.end > token.idx or mention.label != "PERSON" or (
                    name.casefold() != person_name):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            body = self._body_of(span, labels)
            if body is not None:
                return Target(body, ENTITY, (owner.idx, token.idx + len(token.text)), token.i)
        return None

    def _body_of(self, person: Span, labels: frozenset[str]) -> str | None:
        """The body with one of ``labels`` that a role names a person by: the name before
        the role ("Tory leader Michael Howard", "Republic of Ireland manager Brian Kerr")
        or inside a role in apposition ("Charles Kennedy, the Lib Dem leader"), a party's
        word right before the name ("Tory Liam Fox"); not any name nearby ("the Uefa Cup
        win against Lazio, Steve McClaren")."""
        roles = self.vocab.titles | referents.shared().person_nouns
        role = person.start - 1
        while role >= 0 and self.doc[role].lemma_.lower() in roles:
            role -= 1
        words = [self.doc[role]] if role >= 0 else []
        words += [c for appos in person[-1].children if appos.dep_ == "appos"
                  and appos.lemma_.lower() in roles
                  for c in appos.children if c.dep_ == "compound"]
        for word in words:
            body = self._by_token.get(word.i)
            if body is not None and body.label in labels and (
                    word.i != person.start - 1 or body.label == "NORP"):
                return self.canonical(body.canonical, body.label)
            if body is None and word.pos_ == "PROPN" and (alias := aliases.alias(word.text)):
                return alias  # "Tory Liam Fox", which the recogniser leaves out
        return None

    def _apposed(self, token: Token) -> Target | None:
        """The name in apposition to a description ("the world's biggest carmaker General
        Motors", "the regulator, Ofcom,"): what the description stands for."""
        for child in token.children:
            mention = self._by_token.get(child.i) if child.dep_ == "appos" else None
            if mention is not None and mention.label in _NAMED:
                name = self.canonical(mention.canonical, mention.label)
                return Target(name, ENTITY, (mention.start, mention.end), child.i)
        return None

    def _described(self, token: Token) -> Target | None:
        """The name a definite description of a person or an organisation stands for,
        resolved the way statement sources are, from the sentences before its own ("the
        striker" -> "Wayne Rooney", "the 31-year-old" -> the person the article gave that
        age, "the company" -> the company it named), or None where they name none; once
        per token (candidates, main targets and features ask again)."""
        if token.tag_ != "NN" and token.lower_ != "old":
            return None
        if token.i not in self._descriptions:
            self._descriptions[token.i] = self._description(token)
        return self._descriptions[token.i]

    def _description(self, token: Token) -> Target | None:
        lemma = token.lemma_.lower()
        organisation = lemma in referents.shared().organisation_nouns and all(
            c.dep_ == "det" for c in token.children)  # "the company", not "the election
        if not (aged(token) or (token.tag_ == "NN" and any(  # campaign" nor "the highest
                c.lower_ == "the" and c.dep_ == "det" for c in token.children) and (  # court"
                organisation or lemma in referents.shared().person_nouns))):
            return None
        first = token.left_edge if aged(token) else next(
            c for c in token.children if c.lower_ == "the")
        span = (first.idx, token.idx + len(token.text))
        # what sentences before name: the speaker's own sentence names the speaker
        before = self.doc[quoting.sentence_start(self.doc, token.i)].idx
        named = [m for m in self.mentions if m.end <= before]
        if organisation:  # the last one the article gave that noun ("the firm" only for
            # one it called a firm), as sources resolve it
            name = referents.shared().tied_organisation(self.doc, lemma, named, kin=False)
        else:
            earlier = [s for s in self.statements if s.cue_span[1] <= before]
            name = referents.shared().canonical(self.doc, span, named, earlier)
        name = self.canonical(name) if name else None
        if not name or not self._counts[name.casefold()]:
            return None  # nothing named it
        return Target(name, ENTITY, span, token.i)

    def agentive(self, token: Token) -> bool:
        """``token`` names someone who acts: a person, organisation or place, a pronoun,
        a title or an agent noun ("the group", "investors")."""
        if token.pos_ == "PRON":
            return True
        mention = self._by_token.get(token.i)
        if mention is not None:
            return mention.label in ("PERSON", "ORG", "GPE", "NORP")
        lemma = token.lemma_.lower()
        return lemma in self.vocab.agents or lemma in self.vocab.titles

    def speech_tag(self, anchor: tuple[int, int], content: Span) -> tuple[int, int]:
        """Characters of the speech tag around a source or cue (``anchor``) inside the
        content: after a quotation, the unquoted words up to the next one or to the end
        of the anchor's sentence ('"... the Commons," Lord Falconer told BBC1's Breakfast
        With Frost. "..."', '," he said on the opening day of the London conference');
        with no quotation before it the anchor alone ("which, critics say, will add to
        the cost": the rest is what they say)."""
        words = self.doc.char_span(*anchor, alignment_mode="expand")
        lo = max((end for _, end in self._quotes()
                  if content.start_char <= end <= anchor[0]), default=None)
        if lo is None or words is None or not len(words) or (
                anchor[0] >= content.end_char):  # a tag after the content: its own
            return anchor
        # not before the anchor's sentence ('"see the light" on the rebate. But the
        # foreign secretary told ...': the rebate is what the quote was on)
        lo = max(lo, self.doc[quoting.sentence_start(self.doc, words.start)].idx)
        hi = min((start for start, _ in self._quotes() if start >= anchor[1]), default=None)
        if hi is None:  # the end of the anchor's sentence
            end = words.end
            while end < content.end and not self.doc[end].is_sent_start:
                end += 1
            hi = self.doc[end - 1].idx + len(self.doc[end - 1].text)
        return lo, min(hi, content.end_char)

    @staticmethod
    def tagged(token: Token, tag: tuple[int, int]) -> bool:
        """``token`` is a word of the speech tag ``tag`` (:meth:`speech_tag`), not of a
        clause it reports ("he told the Times Educational Supplement that truancy was
        'very bad'": the truancy is what he said)."""
        if not tag[0] <= token.idx < tag[1]:
            return False
        while tag[0] <= token.head.idx < tag[1] and token.head.i != token.i:
            if token.dep_ in ("ccomp", "xcomp"):
                return False
            token = token.head
        return token.dep_ not in ("ccomp", "xcomp")

    def addressee(self, token: Token, within: Span | None = None) -> bool:
        """``token`` is who is told ("she told the audience", "told BBC News"), inside a
        quote's speech tag: whom the speaker addresses, not what the stance is about; and
        whatever a "told" before the content ``within`` takes as its object where a
        "that" clause or a new sentence of the content follows, and the words that name it
        ("told BBC Radio Four's Today programme that ...": a content that starts at the
        addressee; not "told the story of a single mother")."""
        told = token
        while within is not None and told.dep_ in ("poss", "compound") and told.head != told:
            told = told.head
        if told.dep_ not in ("dobj", "dative") or told.head.lemma_.lower() != "tell":
            return False
        if self.agentive(token):
            return True
        return within is not None and told.head.i < within.start < told.i + 1 < within.end and (
            told.nbor().lower_ == "that" or told.nbor().is_punct)

    def about(self, tokens: list[Token], within: Span | None = None,
              holder: str | None = None) -> list[Token]:
        """Heads of what a statement is about, likeliest first, from its subject and object
        nouns in order: who reports a clause last ("experts say ..."), what an aspect noun,
        an amount or an attitude is of or about ("the cost of the order", "8.4 gigawatts of
        wind capacity", "reservations about the Lords"), and
        what an agent acts on before the agent ("the group planned to raise capacity",
        "urged governments to fund warning systems", "should investigate why the system
        failed"; "the tariffs will hurt farmers" keeps
        the tariffs), none who is told (:meth:`addressee`), and nouns of a subordinate
        clause of ``within`` after the rest ("it does not want a debt freeze, while India
        has rejected aid")."""
        pairs = [(t, self._aspect_of(t) or t) for t in tokens
                 if not self.addressee(t, within)]
        # "almost every expert says a Labour government means higher taxes": what they say
        pairs.sort(key=lambda p: (self._reports(p[0]), _own(p[0]) or _subordinate(p[0], within)))
        agent = pairs[0][0] if pairs else None
        if agent is not None and (self.agentive(agent) or _urged(agent, within) or (
                _counted(agent))) and (
                not self._judged_agent(agent, holder)) and (agent.dep_ == "nsubj" or (
                agent.dep_ == "dobj" and agent.head.i < agent.i)):
            acted = next((p for p in pairs[1:] if _object(p[0]) and _acts_on(agent, p[0])
                          and not _quantity(p[1]) and p[1].pos_ != "PRON"), None)
            if acted is not None:
                pairs.remove(acted)
                pairs.insert(0, acted)
        return [mapped for _, mapped in pairs]

    def antecedent(self, pronoun: Token, holder_span: tuple[int, int] | None = None
                   ) -> Token | None:
        """What a subject "it" or "this" stands for when it names a thing said just before:
        in its own sentence, the nearest clause's subject or object noun ("a winter break
        carries many advantages, explaining: 'it is the perfect chance'", "defend the
        plans to increase income tax, saying it would apply to 1%"); else the subject of
        the sentence before, or of what it reports ("the research says cutting the limit
        would save lives. He estimates this would save £119m": a gerund stands for its
        object). None for a placeholder ("it is
        clear that", "it looks likely that", "it's about time"), for one that repeats a
        noun before it in its clause, for a holder who is no person ("ONGC said it was
        in talks": itself; "critics said it had acted too slowly": the bank), for "this
        is" (what just happened: "this is a temporary measure"), and where what comes
        first is a name, a person or an agent: "it" is as often an organisation."""
        if pronoun.lower_ not in _REFERRING or pronoun.dep_ not in ("nsubj", "nsubjpass") or (
                pronoun.pos_ != "PRON"):
            return None
        verb = pronoun.head
        heads = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr"))]
        if any(c.dep_ in ("ccomp", "xcomp", "csubj") or (  # "finding it difficult to
                h.pos_ == "ADJ" and c.dep_ == "advcl" and any(  # identify a target"
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
               for h in heads for c in h.children):
            return None
        doc = self.doc
        start = quoting.sentence_start(doc, pronoun.i)
        if any(c.dep_ == "prep" and " ".join(t.lower_ for t in c.subtree) in self.vocab.idioms
               for c in verb.children) or any(t.pos_ in _NOMINAL and t.head == verb for t in
                                              doc[start : pronoun.i]):
            return None  # "it's about time"; "the road of journalism, yes, it is threatened"
        holder = doc.char_span(*holder_span, alignment_mode="expand") if holder_span else None
        if holder is not None and not any(self._person(t) for t in holder):
            return None  # "Shell said it ...", "critics said it had acted too slowly"
        if pronoun.lower_ == "this" and verb.lemma_ == "be":
            return None  # "this is a temporary measure": what just happened
        if verb.lemma_ == "be" and any(_names_it(c) for c in verb.children):
            return None  # "it was a party meeting like no other": the meeting
        for k in range(pronoun.i - 1, start - 1, -1):
            token = doc[k]
            if token.pos_ not in ("VERB", "AUX") or (holder is not None and (
                    holder.start <= k < holder.end)):
                continue
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass", "csubj", "dobj") and (
                        child.i < pronoun.i):
                    noun = self._named_by(child)
                    if noun is not None:
                        return noun
        if start == 0:
            return None
        root = doc[quoting.sentence_start(doc, start - 1) : start].root
        said = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if root.lemma_ in self.vocab.speech and said is not None:
            root = said  # "the research says cutting the limit would ...": what it says
        subject = next((c for c in root.children
                        if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        return self._named_by(subject) if subject is not None else None

    def _person(self, token: Token) -> bool:
        """``token`` names a person: a person's name, a person pronoun or a title."""
        mention = self._by_token.get(token.i)
        if mention is not None:
            return mention.label == "PERSON"
        return token.lower_ in self.vocab.person_pronouns or token.lower_ in _SPEAKERS or (
            token.lemma_.lower() in self.vocab.titles)

    def _named_by(self, noun: Token) -> Token | None:
        """``noun`` when it names a thing (no name, person, agent, amount or generic
        noun), the object of a gerund ("cutting the limit": the limit)."""
        if noun.tag_ == "VBG":
            noun = next((c for c in noun.children if c.dep_ == "dobj"), noun)
        if noun.pos_ != "NOUN" or noun.i in self._by_token or self.agentive(noun) or (
                _measure(noun) or noun.lemma_.lower() in self.vocab.generic):
            return None
        return noun

    def _judged_agent(self, agent: Token, holder: str | None) -> bool:
        """``agent`` is someone named other than the statement's holder whose act is judged
        by its verb, a word of the lexicon or one VADER valences strongly ("Labour has
        betrayed the voters", "Bez has wooed the viewers"): the statement is about them,
        not what they act on. A plain act ("Blair should set out an exit strategy", "ONGC
        reached a deal", "the Philippines will cut the tariff", VADER's -1.1) is about
        what it acts on."""
        mention = self._by_token.get(agent.i)
        verb = agent.head
        return agent.dep_ == "nsubj" and mention is not None and holder is not None and (
            self.canonical(mention.canonical, mention.label).casefold() != holder.casefold()
        ) and (_polar(verb) or max(abs(lexicon.valence(verb.lower_)), abs(lexicon.valence(
            verb.lemma_.lower()))) >= _JUDGING_VALENCE)

    def _reports(self, token: Token) -> bool:
        """``token`` is who says, shows or thinks the clause that follows ("experts say",
        "the survey suggests")."""
        verb = token.head
        return token.dep_ == "nsubj" and verb.lemma_ in self.vocab.speech and any(
            c.dep_ == "ccomp" for c in verb.children)

    def _aspect_of(self, token: Token) -> Token | None:
        purpose = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
                        for g in c.children if g.dep_ == "pobj" and g.pos_ in _NOMINAL
                        and not _quantity(g) and not _evaluative(g)), None)
        if purpose is not None and _existential(token):  # "there is no need for such a
            return purpose  # massive upheaval", "no plans for a comeback": about that
        aspect = token.lemma_.lower() in self.vocab.aspects
        amount = token.like_num or token.pos_ == "NUM" or token.text[:1] in _AMOUNT_START or any(
            c.dep_ == "nummod" for c in token.children)
        attitude = token.lemma_.lower() in self.vocab.attitudes
        if not aspect and not amount and not attitude:
            return None
        preps = ("about", "over", "on", "to", "for", "of", "against", "with", "into"
                 ) if attitude else (
            ("of", "for", "on") if aspect else ("of",))
        rights = list(token.rights)
        if attitude and token.dep_ == "dobj":  # "offered his sympathy for the victims"
            rights += [t for t in token.head.rights if t.i > token.i]
        for prep in rights:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in preps:
                return next((c for c in prep.children if c.dep_ == "pobj"
                             and c.pos_ in _NOMINAL and not _quantity(c)), None)
        return None

    def _pronoun(self, token: Token, lower: str, speaker: str | None = None
                 ) -> Target | None:
        """The last person (organisation, place) named before a pronoun; in a speaker's
        quoted words not the speaker, who says "I" there ('"He cannot be Germany's number
        one keeper," said Klinsmann' is not about Klinsmann); for "it" not a place named
        where something happened when an organisation was a clause's subject
        (:func:`referents.last_body`)."""
        if lower in self.vocab.person_pronouns:
            labels: tuple[str, ...] = ("PERSON",)
        elif lower in self.vocab.thing_pronouns:
            labels = ("ORG", "GPE")
        else:
            return None
        if speaker and labels == ("PERSON",) and quoting.quoted(
                (token.idx, token.idx + 1), self._quotes()):
            speaker = speaker.casefold()
        else:
            speaker = None
        before = {m: name for m, name in zip(self.mentions, self._names, strict=True)
                  if m.end <= token.idx and m.label in labels and token.idx - m.start < 1500
                  and (speaker is None or name.casefold() != speaker)}
        if not before:
            return None
        last = (referents.last_body(self.doc, list(before)) if labels == ("ORG", "GPE")
                else None) or list(before)[-1]  # "it": not a place named in passing
        return Target(before[last], ENTITY, (token.idx, token.idx + len(token.text)), token.i)

    def _quotes(self) -> list[tuple[int, int]]:
        if self._quote_spans is None:
            self._quote_spans = quoting.quotes(self.text)
        return self._quote_spans

    def _title_phrases(self) -> dict[str, str]:
        """Head noun -> phrase of the headline ("U.S. Steel Tariffs" for "tariff"), when the
        article opens with one (a short first line without a full stop). Headline case
        confuses the tagger, so a phrase is the run of words up to the noun, back to a
        lower-case word, a number, the headline's verb or the start, in words the body
        names with. The first phrase after the headline's subject is its news ("Philippines
        Cuts Rice Tariff to 15%": "Rice Tariff"), what "the move" and "the decision" are."""
        if self._titles is None:
            self._titles = {}
            first = self.text.split("\n", 1)[0]
            self._title_end = len(first)
            if "\n" not in self.text or len(first.split()) > 20 or first.rstrip(
                    ).endswith("."):
                return self._titles
            named = {w for t in self.doc if t.idx > self._title_end
                     and t.pos_ in ("NOUN", "PROPN", "ADJ") for w in (t.lower_, t.lemma_.lower())}
            words = []
            for t in self.doc:
                if t.idx >= self._title_end:
                    break
                words.append(t)
            for k, t in enumerate(words):
                lemma = t.lemma_.lower()
                if not t.is_alpha or not t.text[:1].isupper() or lemma in self.vocab.generic:
                    continue
                lo = k
                while lo > 0 and k - lo < 3 and (words[lo - 1].text[:1].isupper() and not (
                        words[lo - 1].like_num or words[lo - 1].pos_ == "VERB"
                        or self._headline_verb(words[lo - 1]))):
                    lo -= 1
                # a name in words the article names with ("Rice Tariff"; not "Lost Record
                # Ice" nor "OPEC+ Delays": the body's verbs)
                if k > lo and all(w.lower_ in named for w in words[lo : k + 1]):
                    phrase = " ".join(w.text for w in words[lo : k + 1])
                    self._titles.setdefault(lemma, phrase)
                    self._titles.setdefault(t.lower_, phrase)
                    if lo > 0 and self._news[0] in (-1, lo):  # the first after the subject
                        self._news = (lo, phrase)
        return self._titles

    def _headline_verb(self, token: Token) -> bool:
        """A headline's verb the tagger read as a name ("Philippines Cuts Rice Tariff",
        "OPEC+ Delays Output Increase"): a capitalised word in -s that names no place.
        Plural modifiers are rare in English compounds ("Arms Deal" loses "Arms"); the
        recogniser's other entities in a headline are no guide ("Cuts Rice Tariff" was
        a person)."""
        text = token.text
        mention = self._by_token.get(token.i)
        return len(text) > 3 and text.endswith("s") and not text.endswith("ss") and not (
            mention is not None and mention.label in _PLACES)

    def _named_before(self, token: Token, lemmas: set[str] | frozenset[str],
                      reach: int = 3000, specific: bool = False) -> str | None:
        """The last longer phrase with one of these head nouns before ``token`` ("the Good
        Friday agreement" for "the agreement"), within ``reach`` characters (60 sentences'
        worth); ``specific``: only one a name, a possessor or a phrase after it makes
        specific ("the government's plans", "plans for ID cards"; not "the current law")."""
        if self._heads is None:
            self._heads = {}
            body = self._body()
            for t in self.doc:
                if t.pos_ == "NOUN" and t.dep_ != "compound" and self._modified(t) and (
                        t.lemma_.lower() not in self.vocab.generic):
                    tokens = self._phrase_tokens(t)
                    name = self._name_of(tokens)
                    if name and len(name.split()) > 1 and (  # not across a headline's end
                            tokens[0].idx >= body or tokens[-1].idx < body):
                        self._heads.setdefault(t.lemma_.lower(), []).append((t.idx, name, any(
                            c.dep_ in ("compound", "poss", "prep") for c in t.children)
                            and not self._told(t)))
        named = [(idx, name) for lemma in lemmas for idx, name, named in self._heads.get(
            lemma, ()) if token.idx - reach < idx < token.idx and (named or not specific)]
        return max(named)[1] if named else None

    def _told(self, token: Token) -> bool:
        """``token`` is where a speech tag says something is said ("told BBC Radio 4's
        Today programme", "speaking on the Today programme"): no plan of the news."""
        if token.dep_ == "pobj":
            return token.head.lower_ == "on" and token.head.head.lemma_ in self.vocab.speech
        return token.dep_ in ("dobj", "dative") and token.head.lemma_ == "tell"

    def _kin_before(self, token: Token, lemma: str) -> str | None:
        """What "the scheme" or "the measures" stand for where the article named none so
        before: the last specific phrase of another anaphor noun of its kind in the 1,000
        characters before ("the controversial ID cards bill", "plans for ID cards"); an
        agreement only another agreement ("the agreement" is no "indecency laws"), an act
        ("the move", "the decision") none."""
        agreements, others = _kin()
        kin = agreements if lemma in agreements else others if lemma in others else None
        if kin is None or not any(
                c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in token.children):
            return None  # "a great deal"
        return self._named_before(token, kin, _KIN_REACH, specific=True)

    def _quoted_before(self, token: Token) -> str | None:
        """The name in title case quoted last in the 300 characters before ``token``: what
        an anaphor ("the proposal") refers back to where the article has no topic quoted
        twice."""
        if self._quoted is None:
            self._quoted = [(start, self.text[start:end].strip(" ,.")) for start, end in
                            self._quotes()]
        named = [name for start, name in self._quoted
                 if token.idx - 300 < start < token.idx and _title_case(name)]
        return named[-1] if named else None

    def _titled_person(self, token: Token, title: str,
                       qualifiers: frozenset[str] = frozenset()) -> str | None:
        """The last person named before ``token`` with this title (and these words beside
        it: "Tory leader Michael Howard" for "the Tory leader")."""
        named = [name for start, t, name, words in self._titled
                 if t == title and start < token.idx and qualifiers <= words]
        return named[-1] if named else None

    def _names_topic(self, token: Token) -> bool:
        topic = (self.topic or "").casefold()
        return bool(topic) and topic in self.doc[token.left_edge.i : token.i + 1].text.casefold()

    def _named_qualifiers(self, token: Token) -> frozenset[str] | None:
        """The names modifying a title ("Tory" in "the Tory leader"; none in "the leader");
        None when anything else modifies it ("the leader of the club", "a new leader"; not
        "accused the leader of behaving ...", the accusation's "of" the parser hung on it)."""
        if any(c.dep_ in ("amod", "poss") or (c.dep_ == "prep" and any(
                g.dep_ == "pobj" for g in c.children)) for c in token.children):
            return None
        compounds = [c for c in token.children if c.dep_ == "compound"]
        if any(c.i not in self._by_token for c in compounds):
            return None
        return frozenset(c.lower_ for c in compounds)

    @staticmethod
    def _modified(token: Token) -> bool:
        """'the president of the club', 'the decision to sell': not the article's
        president, nor the decision named before ("a good deal" is the deal named before:
        the opinion is no part of its name)."""
        return any(c.dep_ in ("prep", "compound", "poss") or (
            c.dep_ == "amod" and not _judging(c, token)) for c in token.children
                   ) or _infinitive(token) is not None

    @staticmethod
    def _phrase_tokens(token: Token, join: bool = False) -> list[Token]:
        """The words naming what ``token`` heads: its modifiers and an "of/on/for/to"
        phrase right after it ("annual production of the missiles") or an infinitive with
        its object ("the need to reform the policy": a need is nothing without what it is
        for), not its clauses; no leading determiner; at most 8 words (else the modifiers
        and the head alone). ``join``: with a common noun joined to it ("skills and
        investment"), where the phrase is the target itself, not a name an anaphor takes
        ("the agreement" is one of them)."""
        doc = token.doc
        ids = {token.i}
        after: set[int] = set()
        for child in token.children:
            if child.dep_ == "npadvmod" and child.ent_type_ in _TIMES:
                continue  # "100,000 Mini models a year": how often, no part of the name
            if child.dep_ in _KEEP_DEPS or (child.dep_ in ("det", "punct") and child.i < token.i):
                ids.update(t.i for t in child.subtree)
            elif child.dep_ == "prep" and (child.lower_ in _NAMING_PREPS or (
                    child.lower_ == "in" and _changes(token))) and (
                    child.i == token.i + 1):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and (objects[0].pos_ in _NOMINAL or objects[0].tag_ == "VBG") and (
                        objects[0].ent_type_ not in _MEASURES):  # "a rise of 0.4%": a rise
                    after = {child.i} | {t.i for t in objects[0].subtree
                                         if not _in_clause(t, objects[0])}
        verb = _infinitive(token)
        if verb is not None:
            after = {verb.i} | {t.i for c in verb.children if c.dep_ in ("aux", "prt", "dobj")
                                for t in (c.subtree if c.dep_ == "dobj" else [c])
                                if not _in_clause(t, c)}
        lo = hi = token.i
        while lo - 1 in ids:
            lo -= 1
        while hi + 1 in ids:
            hi += 1
        first = lo  # the determiner is no word of the name
        while first < token.i and doc[first].lower_ in _DETERMINERS:
            first += 1
        if after and min(after) == hi + 1 and max(after) - min(after) + 1 == len(after) and (
                hi + 1 - first + len(after) <= 8):  # "their aim of re-engaging voters": no
            hi = max(after)
        elif join and (joined := _joined(token, hi)) is not None and joined.i - first < 8:
            hi = joined.i  # "skills and investment": both are what it names
        while lo < token.i:
            word = doc[lo]
            if _judging(word, token):  # the opinion and what it is joined with
                lo = max(lo + 1, (word.head if word.dep_ == "advmod" else word).right_edge.i + 1)
            elif word.lower_ in _DETERMINERS or word.is_punct or word.tag_ == "POS" or (
                    _hedge(word) or _amount_word(word) or _when(word)):
                lo += 1
            else:
                break
        lo = min(lo, token.i)
        while hi > token.i and (doc[hi].is_punct or doc[hi].tag_ == "POS"):
            hi -= 1
        lo, hi = hyphens.whole_words(doc, lo, hi)
        first = max(lo, hi - 7)
        while first < token.i and (doc[first].text == "-" or hyphens.joined_before(doc[first])):
            first += 1  # cut at 8 words, not inside one ("so-called X" is no "called X")
        return list(doc[first : hi + 1])

    def _phrase_span(self, token: Token) -> tuple[int, int]:
        tokens = self._phrase_tokens(token)
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def _name_of(self, tokens: list[Token]) -> str | None:
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].dep_ == "case"):
            tokens.pop()
        text = self.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else ""
        text = _SPACE.sub(" ", _QUOTE_MARKS.sub("", text)).strip(" ‘’'")
        return text if any(c.isalpha() for c in text) else None
