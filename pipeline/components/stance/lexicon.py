"""The stance lexicon: what a statement is about (target) and its polarity (label).

Pure functions over spaCy spans, driven by ``models/stance.json``. The label is a
lexicon vote over the cue and the content, with negation flipping a word and
shifter phrases ("stopped short of endorsing") turning support into opposition.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from pipeline import resources
from pipeline.components import hyphens
from pipeline.components.quotes import sentence_start

_DEFINITE = frozenset({"the", "this", "that", "such", "any", "these", "those"})


def _phrase(entry: str) -> bool:
    """A lexicon entry of several tokens ("out of control", "ill-timed"), read in the
    content's text rather than as a lemma."""
    return " " in entry or "-" in entry


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of ``models/stance.json`` (its ``_doc`` says what each holds)."""
    return resources.words("stance", key)


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str],
                        tuple[str, ...], frozenset[str]]:
    data = resources.load("stance")
    support = frozenset(w for w in data["support"] if not _phrase(w))
    oppose = frozenset(w for w in data["oppose"] if not _phrase(w))
    phrases = tuple(w for w in data["oppose"] if _phrase(w))
    return (support, oppose, phrases, frozenset(data["negators"]), tuple(data["shifters"]),
            frozenset(data["anaphors"]))


@cache
def _rule_words() -> tuple[frozenset[str], frozenset[str]]:
    """The support and oppose lemmas :func:`label` reads on top of :func:`polar_words`:
    added after the boosted model was trained ("defended the order", "no longer tolerates
    bribery"), they stay out of its features and of the choice of target, whose inputs
    they would shift without a retraining."""
    support, oppose = polar_words()
    data = resources.load("stance")["rules_only"]
    return support | frozenset(data["support"]), oppose | frozenset(data["oppose"])


@cache
def _valences() -> dict[str, float]:
    """VADER's sentiment lexicon (Hutto and Gilbert 2014, MIT; the vadersentiment
    package): word -> mean valence, -4 (very negative) to +4."""
    from importlib import resources as package_data

    text = package_data.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(
        encoding="utf-8")
    table = {}
    for line in text.splitlines():
        word, value, *_ = line.split("\t")
        if word.isalpha():
            table[word] = float(value)
    return table


def valence(word: str) -> float:
    """The sentiment a (lower-cased) word carries by itself; 0.0 when it carries none."""
    return _valences().get(word, 0.0)


def valence_floor() -> float:
    """The least valence (either way) that makes a word evaluative by itself."""
    return _intensifiers()[1]


def polar_words() -> tuple[frozenset[str], frozenset[str]]:
    """The one-word support and oppose lemmas."""
    support, oppose, *_ = _lexicon()
    return support, oppose


@cache
def polar_lemmas() -> frozenset[str]:
    """The one-word lemmas of either side, joined once."""
    support, oppose = polar_words()
    return support | oppose


def reversed_(token: Token, cue: Span | None) -> bool:
    """``token`` is what a reversing verb of the content acts on ("measures to combat
    ageism"); the cue's own verb ("rejected the plan") and a verb of the lexicon
    ("have rejected a third bid") have had their say already, and a negated one reverses
    nothing ("pledged that Africa would not be neglected") unless advice has turned it
    already ("should not scrap the tax", :func:`_advised`), nor a shifted one, whose
    shifter has counted ("had failed to tackle crime": the failure is the verdict)."""
    if token.dep_ not in ("dobj", "pobj", "nsubjpass") or (
            token.dep_ == "pobj" and token.head.lower_ in ("with", "by")):
        return False  # "replaced with a local income tax": the new one, no act against it
    verb = token.head.head if token.head.dep_ == "prep" else token.head
    in_cue = cue is not None and cue.start <= verb.i < cue.end
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children) and _advised(token) is None
    lead = verb.doc[max(0, verb.i - 3) : verb.i].text.lower()
    shifted = any(lead.endswith(s) for s in _lexicon()[4])
    # not a polar verb ("rejected a bid": the word has counted against it)
    return lemma in _words("reversers") and not in_cue and lemma not in polar_lemmas() and (
        not negated) and not shifted


def negators() -> frozenset[str]:
    return _lexicon()[3]


def cue_turned(cue: Span) -> bool:
    """The cue verb is negated or shifted, with what leads into it ("would not back",
    "has refused to blame", "stopped short of endorsing"): it says the opposite."""
    _, _, _, negators, shifters, _ = _lexicon()
    doc = cue.doc
    lead = doc[max(cue.sent.start, cue.start - 3) : cue.end]
    negated = any(t.lower_ in negators for t in lead) or any(
        c.dep_ == "neg" for c in cue.root.children)
    return negated != any(s in lead.text.lower() for s in shifters)


@cache
def _public_affairs() -> tuple[int, frozenset[str]]:
    """How many distinct words of government, parties and elections make an article
    political news, and those words: the learned classifier was trained on no other."""
    data = resources.load("stance")["public_affairs"]
    return int(data["least"]), frozenset(data["words"])


def public_affairs(text: str) -> bool:
    """Whether the article reads as political news (enough distinct words of government,
    parties and elections), the only news the stance classifier was trained on."""
    least, words = _public_affairs()
    return len(words.intersection(re.findall(r"[a-z][a-z-]+", text.lower()))) >= least


def topic(text: str, doc_quotes: list[tuple[int, int]], doc: Doc | None = None
          ) -> str | None:
    """The article's subject: the most repeated short quoted name ("Asian NATO"), quoted
    at least twice, the first one on a tie; with the parse, a short quoted clause is no
    name ('"Search was always important," said ...')."""
    counts: Counter[str] = Counter()
    for start, end in doc_quotes:
        phrase = text[start:end].strip(" ,.")
        words = phrase.split()
        if 1 <= len(words) <= 4 and any(w[:1].isupper() for w in words) and sum(
                c.isalpha() for c in phrase) >= 2 and not (  # not a quoted letter ('Plan "A"')
                doc is not None and _clause(doc, start, end)):
            counts[phrase] += 1
    best = counts.most_common(1)
    # quoted once, a phrase is a phrase ('from a "high incidence TB country"'), not what
    # every "the plans" of the article stands for
    return best[0][0] if best and best[0][1] >= 2 else None


def _clause(doc: Doc, start: int, end: int) -> bool:
    """The characters hold a subject and its verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.dep_ in ("nsubj", "nsubjpass") and span.start <= t.head.i < span.end for t in span)


def target(content: Span, topic_name: str | None) -> str | None:
    """What the statement is about: the topic when the content names it or refers back to
    it ("the proposal", "such an alliance", "an alliance akin to NATO"), else the content's
    subject noun phrase."""
    anaphors = _lexicon()[5]
    if topic_name and re.search(rf"(?<!\w){re.escape(topic_name.lower())}(?!\w)",
                                content.text.lower()):
        return topic_name  # the name as words: "EU" is not in "neutral"
    if topic_name:
        head_word = topic_name.split()[-1].lower()
        for token in content:
            if token.lemma_.lower() not in anaphors:
                continue
            if any(c.lower_ in _DEFINITE or (c.dep_ == "poss" and c.pos_ == "PROPN")
                   for c in token.children) or any(
                    t.lower_ == head_word and t.pos_ == "PROPN" for t in token.subtree):
                return topic_name
    token = main_token(content)
    if token is None:
        return None
    tokens = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "det")]
    tokens = [t for t in tokens if not t.is_punct]
    if tokens and len(tokens) <= 6:
        return content.doc[tokens[0].i : tokens[-1].i + 1].text
    return token.text


def names_topic(content: Span, topic_name: str | None) -> bool:
    """The content names the topic or refers back to it ("the proposal", "such an
    alliance", "an alliance akin to NATO")."""
    return bool(topic_name) and target(content, topic_name) == topic_name


def main_token(content: Span) -> Token | None:
    """The head of what the content is about: its first subject or object noun."""
    return next(main_tokens(content), None)


def main_tokens(content: Span) -> Iterator[Token]:
    """Heads of what the content may be about, likeliest first: subject and object nouns,
    then nouns of prepositional phrases and complements."""
    for deps in (("nsubj", "nsubjpass", "dobj"), ("pobj", "attr", "appos")):
        for token in content:
            if token.dep_ in deps and token.pos_ in ("NOUN", "PROPN"):
                yield token


_HOLDERS = frozenset({"i", "we", "he", "she", "they"})  # whose feelings a statement reports


def evaluated(content: Span) -> Iterator[Token]:
    """Nouns the holder's own evaluative adjective attaches to: its object or the subject
    of the clause it governs ("we're extremely pleased with the show", "they were concerned
    that RFID tags would ..."). Only where the holder ("I", "we", a person pronoun) feels:
    "the tariffs are bad for business" is said of the tariffs. (Polar verbs were tried too:
    "we have enjoyed a long history", "they gain independence" are no stance on their
    objects.)"""
    for token in content:
        if token.lemma_.lower() not in polar_lemmas() or token.pos_ != "ADJ":
            continue
        clause = token.head if token.dep_ in ("acomp", "attr") else token
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ not in _HOLDERS:
            continue
        objects = [g for c in token.children for g in c.children if (
            c.dep_ == "prep" and g.dep_ == "pobj") or (
            c.dep_ == "ccomp" and g.dep_ in ("nsubj", "nsubjpass"))]
        yield from (o for o in objects if content.start <= o.i < content.end
                    and o.pos_ in ("NOUN", "PROPN"))


class Scope(NamedTuple):
    """The content's words that say something of a target (``words``, the naming verb's
    verdict included) and that verdict alone (``slot``, :func:`_slot`)."""

    words: set[int]
    slot: set[int]


def _about(target: Token, content: Span) -> Scope:
    """Tokens of the content that say something of ``target``: the words governing it up
    to the content's root, its own modifiers, and what is predicated of it when it is a
    subject ("the plan was premature", "a reckless plan", "will hurt the plan"). The chain
    of heads is walked once, and the slot read off its top."""
    near = {t.i for t in target.subtree}
    chain = [target]
    while content.start <= chain[-1].head.i < content.end and (
            chain[-1].head.i != chain[-1].i):
        chain.append(chain[-1].head)
    # a clause the target's clause is joined to says its own things ("the evidence is weak
    # and can expose the methods": "weak" is not said of the methods)
    joined = {up.i for below, up in pairwise(chain)
              if below.dep_ == "conj" and below.pos_ in ("VERB", "AUX")}
    # the content's own verdict counts too ("the position on the bill has been cautious")
    for token in (*chain[1:], content.root):
        near.add(token.i)
        for child in token.children:
            if child.dep_ in ("advmod", "neg") or _against(child) or (
                    child.dep_ == "amod" and token.pos_ not in ("NOUN", "PROPN")):
                # "would be against the interests of the fans"; a noun the target hangs
                # on is described by its own adjectives ("the 'wasteful' spending they
                # would stop to allow tax cuts": not said of the tax cuts); an adverb's
                # "too" says how ("the debate has gone on too long")
                near.add(child.i)
                near.update(c.i for c in child.children if child.dep_ == "advmod" and (
                    _excess(c)))
            elif (child.dep_ in ("acomp", "attr", "oprd", "xcomp", "dobj", "ccomp") or (
                    child.dep_ == "prep" and child.lower_ == "of" and token.lemma_ == "be")
                  ) and token.i not in joined:  # "made a mistake", "was premature", "are of
                near.update(t.i for t in child.subtree)  # great value"
    slot = _slot(chain[-1], content)
    return Scope(near | slot, slot)


def _slot(top: Token, content: Span) -> set[int]:
    """The verdict a naming verb outside the content passes on it ("described the deal as
    'far too little'", "called the move 'a death sentence'"): it hangs on the cue verb,
    beside ``top``, the content's word the target's chain reaches up to, or on ``top``
    itself where the parse hangs the "as" on the verb's object ("branded the response as
    'piecemeal and poor'")."""
    outer = top.head
    if content.start <= outer.i < content.end or outer.i == top.i:
        return set()
    on_top = top.children if top.dep_ == "dobj" and top.pos_ in ("NOUN", "PROPN") else ()
    return {t.i for child in (*outer.children, *on_top)
            if content.start <= child.i < content.end and child.i > top.i and (
                (child.dep_ in ("oprd", "attr", "acomp") and child.head == outer) or (
                    child.dep_ == "prep" and child.lower_ == "as"))
            for t in child.subtree}


def _against(token: Token) -> bool:
    """ "is against the plan", "voted against the bill", "campaigned against it": being or
    acting against something opposes it (not "played against France", "discrimination
    against women": :func:`_against_heads` names the verbs)."""
    return token.lower_ == "against" and token.dep_ == "prep" and (
        token.head.lemma_.lower() in _words("against_heads"))


def _excess(token: Token) -> bool:
    """ "too little, too late", "too lenient", "moving too fast": too much is a criticism
    (not "me too": that "too" governs no adjective or adverb; not "too early to say": not
    yet)."""
    head = token.head
    not_yet = head.lower_ in _NOT_YET and head.i + 1 < len(head.doc) and (
        head.doc[head.i + 1].lower_ == "to")  # "too early to comment": no criticism
    return token.lower_ == "too" and token.dep_ == "advmod" and head.i > token.i and (
        head.pos_ in ("ADJ", "ADV")) and not not_yet


_NOT_YET = frozenset({"early", "soon"})


_CLAUSE_UP = frozenset({"acl", "relcl", "attr", "acomp", "dobj", "pobj", "prep"})  # to the noun
_MAX_UP = 4  # steps from a word up to the noun whose quantifier may deny it


def _plain_event(token: Token) -> bool:
    """A verdict noun used as a verb: an event, no verdict ("wants to win", "won the game",
    "gain access"; still one as a noun or a modifier: "a big win", "a winning combination")."""
    return token.pos_ == "VERB" and token.dep_ != "amod" and (
        token.lemma_.lower() in _words("verdict_nouns"))


def _denied(token: Token) -> bool:
    """A denying quantifier ("little", "no", "few") quantifies the word or the noun its
    clause says something of: "little progress", "little evidence the ministry improved",
    "no sign that the reforms were a success" (not "a little progress")."""
    denying, node = _words("denying_quantifiers"), token
    for _ in range(_MAX_UP):
        if any(c.lower_ in denying and c.dep_ in ("det", "amod") and not (
                c.i > 0 and c.doc[c.i - 1].lower_ == "a") for c in node.children):
            return True
        if node.dep_ not in _CLAUSE_UP or node.head.i == node.i:
            return False
        node = node.head
    return False


_PREDICATE_UP = frozenset({"pobj", "prep", "acomp", "attr"})  # a word up to its predicate


def _negated(token: Token, content: Span, negators: frozenset[str]) -> bool:
    """A negator governs the word or stands up to three words before it in the content, or
    a denying quantifier says there is little or none of it (:func:`_denied`), or the word
    is in a negated predicate ("was not responsible for the company's problems", "is not
    a problem"; not through an object: "will not accept the threat" is still against it);
    not "never looked stronger" (:func:`_unbeaten`)."""
    if _unbeaten(token):
        return False
    if any(c.lower_ in negators for c in token.children) or any(
            t.lower_ in negators for t in content.doc[max(content.start, token.i - 3) : token.i]
    ) or _denied(token) or _belief_denied(token, content):
        return True
    node = token
    for _ in range(_MAX_UP):
        if node.dep_ not in _PREDICATE_UP or node.head.i == node.i:
            return False
        node = node.head
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _belief_denied(token: Token, content: Span) -> bool:
    """The word's clause is what a negated belief verb of the content holds ("we don't
    think we got our sums wrong", "I do not believe it is a good idea"): English puts the
    clause's "not" on the belief, so the clause is what is denied, not its subject's own
    words ("I don't think good growth policies have to obsess about deficits")."""
    clause = next((a for a in (token, *token.ancestors) if a.pos_ in ("VERB", "AUX")), None)
    if clause is None or clause.dep_ != "ccomp" or any(
            c.dep_ == "neg" for c in clause.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") and token in c.subtree for c in clause.children):
        return False
    belief = clause.head
    return content.start <= belief.i < content.end and (
        belief.lemma_.lower() in _words("beliefs")) and (
        any(c.dep_ == "neg" for c in belief.children))


def _governor(token: Token) -> Token | None:
    """The word that acts on ``token``: the verb of its object ("undermine stability"), the
    word its preposition hangs on ("a threat to every gain"), the verb it completes
    ("failed to improve")."""
    if token.dep_ not in ("dobj", "pobj", "xcomp", "nsubjpass"):
        return None
    governor = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else (
        token.head)
    return governor if governor.i != token.i else None


def _feeling_alone(token: Token) -> bool:
    """The speaker's own feeling with nothing it is about ("I felt good", "I'm happy here,
    I'm not in discussion with anyone"): how the speaker is, no verdict on what the content
    names ("we're pleased with the show" is about the show: :func:`evaluated`)."""
    if token.pos_ != "ADJ" or token.dep_ not in ("acomp", "attr"):
        return False
    subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in ("i", "we") and not any(
        c.dep_ in ("prep", "ccomp", "xcomp") for c in token.children)


_FEELING_PREPS = frozenset({"with", "about", "at", "by", "over", "toward", "towards"})


def _feeling_toward(token: Token, target: Token | None) -> bool:
    """A feeling adjective of a person whose preposition takes the target ("he was upset
    with Mandaric's decision", "we are unhappy about the plan"): VADER's sign says which
    way the person leans toward it."""
    if target is None or token.pos_ != "ADJ" or token.dep_ not in ("acomp", "attr") or (
            target.dep_ != "pobj" or target.head.head != token) or (
            target.head.lower_ not in _FEELING_PREPS):  # "fairer in the tackles": no feeling
        return False
    subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.lower_ in _HOLDERS or subject.ent_type_ == "PERSON")


def _act_denied(target: Token) -> bool:
    """The act on ``target`` is negated ("I will not go down the road", "promised not to
    raise taxes"): a call or commitment for it is against it; not where the act undoes the
    target ("pledged that Africa would not be neglected"), nor a passive one's subject,
    which is spared as often ("the hospital would not be closed")."""
    verb = _governor(target) if target.dep_ != "nsubjpass" else None
    return verb is not None and verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "neg" for c in verb.children) and (
        verb.lemma_.lower() not in _words("reversers")) and (
        not any(c.lower_ == "why" for c in verb.children))  # "why will he not take it up?"


def warning_cues() -> frozenset[str]:
    """Cues that warn: against what they warn of, but a forecast of what the target does
    is still no verdict on it."""
    return _words("warnings")


_COMPLEMENTS = frozenset({"dobj", "attr", "acomp", "oprd", "ccomp", "dative"})


def _undergoes(target: Token) -> bool:
    """``target`` is the subject of a verb (through its "to" infinitives) that takes no
    object or complement ("growth is set to slow", "yields were expected to decline",
    "livelihoods are at risk"): what happens to it, not what it does ("feuding could
    jeopardise Labour's hopes") or is ("the effects may be devastating")."""
    if target.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = target.head
    while (infinitive := next((c for c in verb.children if c.dep_ == "xcomp"), None)) is not None:
        verb = infinitive
    return verb.pos_ in ("VERB", "AUX") and not any(c.dep_ in _COMPLEMENTS for c in verb.children)


def _shifted(token: Token, content: Span, shifters: tuple[str, ...]) -> bool:
    """A shifter stands before the word in its sentence ("failed to deliver a boost",
    "lists rather than targets"): not in another sentence of the content ("We deserve an
    honest response. ... We refuse to understand double standards"), nor after it."""
    doc = content.doc
    before = doc[max(content.start, sentence_start(doc, token.i)) : token.i].text.lower()
    return any(s in before for s in shifters)


def _failing_condition(target: Token) -> Token | None:
    """The verb of a condition that fails which ``target`` is in ("could go under if it did
    not secure a refinancing deal", "unless it takes action"): what the cue warns of or
    hopes for follows from its absence, so the cue's side toward it turns round, and the
    condition's own "not" is no verdict."""
    clause = next((a for a in target.ancestors if a.dep_ in ("advcl", "ccomp", "relcl", "ROOT")),
                  None)
    if clause is None or clause.dep_ != "advcl":
        return None
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    negated = any(c.dep_ == "neg" for c in clause.children)
    return clause if ("if" in marks and negated) or ("unless" in marks and not negated) else (
        None)


def _unbeaten(token: Token) -> bool:
    """A comparative that nothing beats ("had never looked stronger", "could not be
    happier"): praise, no negation."""
    if token.tag_ not in ("JJR", "RBR"):
        return False
    verb = token.head
    negators = [c.lower_ for c in verb.children if c.dep_ == "neg"]
    return "never" in negators or (bool(negators) and any(
        c.lower_ == "could" for c in verb.children))


def _certain(token: Token) -> bool:
    """A polar word that only says how sure the holder is: "without a doubt", "no doubt
    (that) it will succeed", "I'm positive I touched the ball down" (not "I have no doubt
    in the players", "a positive result")."""
    if token.lemma_.lower() not in _words("certainty"):
        return False
    if token.pos_ == "NOUN":
        return (token.dep_ == "pobj" and token.head.lower_ == "without") or (any(
            c.lower_ == "no" for c in token.children) and not any(
            c.dep_ == "prep" for c in token.children))
    return token.dep_ == "acomp" and any(c.dep_ == "ccomp" for c in token.children)


_BACK = frozenset({"it", "they", "this", "these"})  # a later sentence's subject that refers back
_PERSON_BACK = frozenset({"he", "she"})  # ... to a person
_SPEAKER = frozenset({"i", "we"})  # the speaker's own words between


def _said_again(target: Token, content: Span) -> set[int]:
    """What the content's later sentences say of the target through a pronoun subject
    ("Tariffs are taxes. They are bad for business"); of a person through "he"/"she", past
    the speaker's own sentences ("I have had a word with Mathew. I still believe in him. He
    is an outstanding player")."""
    doc = content.doc
    near: set[int] = set()
    for sent in doc[target.i : content.end].sents:
        if sent.start <= target.i:
            continue
        part = doc[sent.start : min(sent.end, content.end)]
        subject = next((t for t in part if t.dep_ in ("nsubj", "nsubjpass")
                        and t.head == part.root), None)
        person = target.ent_type_ == "PERSON"
        back = _BACK | _PERSON_BACK if person else _BACK
        if person and subject is not None and subject.lower_ in _SPEAKER:
            continue  # "I still believe in him. He is an outstanding player"
        if subject is None or subject.lower_ not in back:
            break  # the content has moved on to something else
        near |= _about(subject, part).words
    return near


_DIRECT_WEIGHT = 2.0  # a verdict said of the target itself outweighs one reason given for it


@cache
def _desires() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Verbs that want their object ("want", "seek"), and, by preposition, those that want
    its object ("look for", "push for", "invest in")."""
    data = resources.load("stance")["desires"]
    return frozenset(data["object"]), {
        prep: frozenset(verbs) for prep, verbs in data.items() if prep != "object"}


def _desired(target: Token) -> Token | None:
    """The verb that wants ``target`` ("we want a referendum", "we're looking for the
    resurrection of the Empire", "investing heavily in the service"):
    support for it, whatever its own words."""
    wanting, wanting_prep = _desires()
    verb = target.head
    if target.dep_ == "dobj" and verb.lemma_.lower() in wanting:
        return verb
    if target.dep_ == "pobj" and verb.head.pos_ == "VERB" and (
            verb.head.lemma_.lower() in wanting_prep.get(verb.lower_, ())):
        return verb.head
    return None


@cache
def _holders() -> dict[str, str]:
    """Nouns that name a source by its side ("critic": oppose), read once."""
    return resources.load("stance")["holders"]


def holder_side(source: Span | None, target_name: str) -> str | None:
    """The side the source's own name takes on the target ("critics of the directive say it
    will cost millions": against the directive; "supporters of the plan"), where the
    content's words take none."""
    if source is None:
        return None
    words = set(target_name.lower().split())
    for token in source:
        side = _holders().get(token.lemma_.lower())
        if side and any(c.lower_ == "of" and any(
                p.dep_ == "pobj" and p.lower_ in words for p in c.children)
                for c in token.children):
            return side
    return None


@cache
def _subject_advice() -> tuple[dict[str, str], frozenset[str]]:
    """Verbs (with their particle: "step down") whose subject advice is for or against
    ("reform must continue", "he should return to the Cabinet"; "he should resign"), and
    those that count only bare ("Blair must go", not "should go on sale")."""
    data = resources.load("stance")
    return data["subject_advice"], frozenset(data["bare_advice"])


_WHERE_IT_GOES = frozenset({"prep", "advmod", "xcomp", "acomp", "ccomp", "attr", "oprd",
                            "advcl", "npadvmod", "dative", "prt"})


def _subject_side(verb: Token) -> str | None:
    """The side advice or a call for ``verb`` takes on its subject, where the verb is an
    intransitive act of :func:`_subject_advice` ("reform must continue", "called for the
    minister to step down")."""
    sides, bare = _subject_advice()
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle is not None and f"{lemma} {particle}" in sides:
        return sides[f"{lemma} {particle}"]
    if lemma in bare and any(c.dep_ in _WHERE_IT_GOES for c in verb.children):
        return None
    return sides.get(lemma)


def _called_subject(target: Token) -> str | None:
    """The side a call takes on the subject of the act it calls for ("called for Mr Blair
    to resign": against him; "urged the talks to continue": for them), where a call is
    otherwise for what the content names; "urged Mr Smith to resign" the parse hangs on the
    call's object."""
    verb = target.head if target.dep_ == "nsubj" else next(
        (c for c in target.head.children if c.dep_ == "xcomp"), None) if (
        target.dep_ == "dobj") else None
    if verb is None or verb.pos_ != "VERB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return _subject_side(verb)


@cache
def _advice() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Modals of advice, those that fault with "have", verbs whose object no advice is
    for ("should know the rules"), passive verbs whose subject it is for ("a fund should be
    set up")."""
    data = resources.load("stance")["advice"]
    return tuple(frozenset(data[k]) for k in ("modals", "hindsight", "not_advised", "passive"))


@cache
def _events() -> dict[str, str | None]:
    return resources.load("stance")["events"]


@cache
def _senses() -> tuple[dict[str, list[str]], frozenset[str], dict[str, frozenset[str]],
                      dict[str, frozenset[str]]]:
    """The only parts of speech in which a lexicon word is polar, the words polar only
    as a "to" infinitive, those polar only with one of these words or dependents, and
    those never polar after one of these words ("the hard right")."""
    data = resources.load("stance")
    return (data["parts_of_speech"], frozenset(data["infinitive_only"]),
            {w: frozenset(k) for w, k in data["polar_with"].items()},
            {w: frozenset(k) for w, k in data["unpolar_after"].items()})


def _other_sense(token: Token, lemma: str) -> bool:
    """A lexicon word in a sense that takes no side: "the right of appeal", "right now",
    "a hard right agenda", "buying goods", "behind my back", "the blog contained stories",
    "had agreed terms" (not
    "the right man", "a good deal", "backed the bid", "an effort to contain its influence",
    "agreed with the plan")."""
    parts, infinitive, polar_with, unpolar_after = _senses()
    if token.pos_ not in parts.get(lemma, (token.pos_,)) or (
            token.i > 0 and token.doc[token.i - 1].lower_ in unpolar_after.get(lemma, ())):
        return True
    if lemma in polar_with and not any(
            c.lower_ in polar_with[lemma] or c.dep_ in polar_with[lemma] for c in token.children):
        return True
    return lemma in infinitive and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


@cache
def _unpolar_objects() -> dict[str, frozenset[str]]:
    return {verb: frozenset(objects)
            for verb, objects in resources.load("stance")["unpolar_objects"].items()}


def unpolar_event(verb: Token) -> bool:
    """A stance event's verb in a sense its object shows takes no side: sport's "defended
    her title", a figure of speech's "fought an uphill battle" (not "defended the plan",
    "fought the ban")."""
    objects = _unpolar_objects().get(verb.lemma_.lower(), frozenset())
    return any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in verb.children)


class Advice(NamedTuple):
    """The verb a modal of advice governs, the side it takes on the target, and whether it
    looks back (a fault found, which negation does not turn: "should never have been
    allowed")."""

    verb: Token
    side: str
    hindsight: bool


def _advised(target: Token) -> Advice | None:
    """The holder's call for an act on ``target`` ("Blair should set out a proper exit
    strategy": for it; "the tax must be scrapped": for the scrapping, which
    :func:`reversed_` turns against the tax; "he should be sacked": the event's side) or
    the fault found with what it did or what was done to it ("the government should have
    acted sooner", "it should have been debated in Congress": against it)."""
    verb = target.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == target.i:
        return None
    modals, hindsight, not_advised, passive = _advice()
    auxes = {c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not auxes & modals:
        return None
    lemma = verb.lemma_.lower()
    if "have" in auxes:  # "must have known" guesses; "should have" faults
        faulted = auxes & hindsight and target.dep_ in ("nsubj", "nsubjpass") and (
            target.lower_ not in _SPEAKER) and lemma not in _words("reversers")
        return Advice(verb, "oppose", True) if faulted else None
    side = _subject_side(verb) if target.dep_ == "nsubj" else None
    if side is not None:  # "reform must continue": for it
        return Advice(verb, side, False)
    if target.dep_ not in ("dobj", "nsubjpass"):
        return None
    if lemma in _words("reversers"):
        return Advice(verb, "support", False)
    if lemma in _events():  # "should investigate the market": no side the verb takes
        return Advice(verb, _events()[lemma], False) if _events()[lemma] else None
    if (target.dep_ == "dobj" and lemma not in not_advised) or lemma in passive:
        return Advice(verb, "support", False)
    return None


_FORECAST_MODALS = frozenset({"will", "'ll", "would", "might", "may", "could", "wo"})


def foretold(target: Token, sided: Mapping[str, str | None]) -> bool:
    """``target`` is the subject of what a forecast says it will or may do ("Holmes will
    race", "Kenteris won't race again", "markets may become less jumpy") or of a result told
    ("Mr Kerry might have won") with no word in the clause that judges ("will add even more
    strength", "could work successfully"): what it does, no verdict on it, so a side the
    boosted model finds there is the news's, not the holder's. A forecast under a verb that
    takes a side (``sided``, the cue table: "she hoped Mr Blunkett would survive") is none."""
    if target.dep_ != "nsubj" or target.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = target.head
    if any(sided.get(a.lemma_.lower()) for a in verb.ancestors):
        return False
    if not (_plain_event(verb) or any(
            c.dep_ == "aux" and c.lower_ in _FORECAST_MODALS for c in verb.children)):
        return False
    own = {t.i for t in target.subtree}
    return not any(t.i not in own and (t.lemma_.lower() in polar_lemmas() or (
        _valenced(t) is not None)) for t in verb.subtree if t != verb or not _plain_event(t))


def _own_act(token: Token, target: Token) -> bool:
    """``token`` is a polar verb the target does ("Labour had proposed the idea too", "the
    union criticised the plan"): the target's side, no verdict on it."""
    return token == target.head and target.dep_ == "nsubj" and token.pos_ == "VERB" and (
        token.lemma_.lower() in _words("acts")) and target.lower_ not in _SPEAKER


def _harmed(token: Token, target: Token) -> bool:
    """``token`` is a harm done to the target, or says how much ("would hurt small firms",
    "trade was hurt by one-off factors", "a threat to jobs", "detrimental to growth",
    "lenders may be even worse hit"): the target is the victim, and the harm is a side
    against what does it, not against the target."""
    if token.dep_ == "advmod":  # "may be even worse hit", "badly affected": how much
        token = token.head
    if token.lemma_.lower() not in _words("harms") and token.lower_ not in _words("harms"):
        return False
    if target.dep_ in ("dobj", "nsubjpass"):
        return target.head == token
    if target.dep_ == "nsubj" and token.dep_ == "acomp" and token.pos_ != "ADJ":
        return target.head == token.head  # "lenders may be worse hit" (not "is dangerous")
    return target.dep_ == "pobj" and target.head.lower_ == "to" and target.head.head == token


def _denied_claim(cue: Span, content: Span, target: Token) -> bool:
    """A dismissing cue denies a clause about its subject, the target ("denied that the
    pair were involved", "denied the plan was flawed"): where the content takes a side
    toward the target, the holder takes the other; where it takes none, the denial's
    opposition stands ("denied that the timing was political"), as it does for a noun
    phrase dismissed ("denied Ms Villalba's claims")."""
    return cue.root.lemma_.lower() in _words("dismissals") and content.root.pos_ in (
        "VERB", "AUX") and target.dep_ in ("nsubj", "nsubjpass") and (
        target.head == content.root)


def _feels(token: Token, target: Token) -> bool:
    """``token`` is a feeling the target has ("investors were worried", "oil companies
    would be happy to find other routes"): how the target feels, no verdict on it."""
    return token.dep_ in ("acomp", "attr") and target.dep_ in ("nsubj", "nsubjpass") and (
        target.head == token.head) and target.lower_ not in _SPEAKER and (
        token.lemma_.lower() in _words("feelings") or token.lower_ in _words("feelings"))


def _measured(token: Token, target: Token) -> bool:
    """``token`` is the predicate adjective (or its noun's adjective) of a market's quantity
    ("demand will stay strong", "sales were weak", "stocks remained the weak point"): how
    the market stands, no verdict on it; still one: "growth is too slow" (:func:`_excess`),
    "the sale was illegal" (a sale made, not a market's sales)."""
    predicate = token.head if token.dep_ == "amod" and token.head.dep_ == "attr" else token
    return token.pos_ == "ADJ" and predicate.dep_ in ("acomp", "attr") and (
        target.dep_ == "nsubj") and target.head == predicate.head and (
        target.lower_ in _words("measures")) and not any(_excess(c) for c in token.children)


def _direct(target: Token, advised: Advice | None) -> set[int]:
    """The words that pass the verdict on ``target`` itself: the verb acting on it ("we
    strongly oppose the scheme", "the bid was rejected", "we want a referendum", the
    ``advised`` act) or its predicate as a subject ("the lawsuit was groundless", "the film
    was a gorgeous movie"). Reasons given beside them ("because the best interests of the
    child ...") weigh less."""
    desired = _desired(target)
    if desired is not None:
        return {desired.i}
    if advised is not None:
        return {advised.verb.i}
    if target.dep_ in ("dobj", "nsubjpass") and target.head.pos_ in ("VERB", "AUX"):
        return {target.head.i}
    if target.dep_ != "nsubj":
        return set()
    predicates = [c for c in target.head.children if c.dep_ in ("acomp", "attr")]
    return {t.i for p in predicates for t in (p, *(c for c in p.children if c.dep_ == "amod"))}


def _felt(verb: Token, cue: Span) -> bool:
    """The verb's subject is the holder ("I love my fans"; "he would not join them" when a
    person speaks): a verb that VADER valences is then the holder's verdict on its object,
    where another subject's ("police killed the gunman", "they say she broke a
    convention") is the news."""
    if verb.pos_ != "VERB":
        return False
    speaker = next((c for c in cue.root.children if c.dep_ == "nsubj"), None)
    person = speaker is not None and (speaker.ent_type_ == "PERSON" or (
        speaker.lower_ in _PERSON_BACK))
    return any(c.dep_ == "nsubj" and (c.lower_ in _SPEAKER or (
        person and c.lower_ in _PERSON_BACK)) for c in verb.children)


def _valenced(token: Token) -> str | None:
    """The polarity VADER gives a word, when at least the floor either way; a degree
    adverb grades its word and judges nothing ("pretty modest")."""
    if token.dep_ == "advmod" and token.head.pos_ in ("ADJ", "ADV"):
        return None
    value = valence(token.lower_) or valence(token.lemma_.lower())
    return None if abs(value) < valence_floor() else "support" if value > 0 else "oppose"


_NOUN_FLOOR = 2.0  # a predicate noun that judges: "hell", "a hero"; not "a victim", "a joke"


def _predicate_valence(token: Token) -> str | None:
    """A predicate adjective of the target that VADER valences (either way) at least the
    floor: said of the target itself, it judges it ("the forecast was dismal") where the
    same word before a noun may name a kind ("a clean engine") or its size ("a powerful
    indictment"), and a noun may name a thing ("the lack of interference"); a predicate
    noun only when VADER valences it strongly ("the regime was hell")."""
    if token.pos_ == "NOUN" and token.dep_ == "attr" and abs(
            valence(token.lower_) or valence(token.lemma_.lower())) >= _NOUN_FLOOR:
        return _valenced(token)
    if token.pos_ != "ADJ" or token.dep_ not in ("acomp", "attr") or any(
            c.dep_ in ("prep", "xcomp", "ccomp") or _excess(c) for c in token.children):
        return None  # "interested in raising": the subject's own lean; "too lenient": too much
    return _valenced(token)


def _voiced(cue: Span, content: Span) -> str | None:
    """The side of the attitude a cue voices about the content ("voiced concern about the
    violence", "expressed support for the plan", "raised doubts over the deal"): a polar
    noun, the cue verb's object outside the content, whose preposition takes the content
    (not "expressed no concern")."""
    support, oppose = _rule_words()
    for noun in cue.root.children:
        lemma = noun.lemma_.lower()
        side = "support" if lemma in support else "oppose" if lemma in oppose else None
        if side is None or noun.dep_ != "dobj" or content.start <= noun.i < content.end or (
                any(c.lower_ in negators() for c in noun.children)):
            continue
        if any(p.dep_ == "prep" and any(content.start <= o.i < content.end for o in p.children)
               for p in (*noun.children, *cue.root.children)):
            return side
    return None


def label(cue: Span, content: Span, cue_stance: str | None, target: Token | None = None
          ) -> tuple[str, float]:
    """``support``, ``oppose`` or ``neutral`` with a confidence in 0..1. With ``target``,
    only the content's words that say something of it count (see :func:`_about`): a polar
    word elsewhere in a factual sentence is no stance toward it."""
    scope = _about(target, content) if target is not None and (
        content.start <= target.i < content.end) else None
    about = scope.words | _said_again(target, content) if scope is not None else None
    _, _, phrases, negators, shifters, _ = _lexicon()
    support, oppose = _rule_words()
    score = {"support": 0.0, "oppose": 0.0}
    cue_text = cue.text.lower()
    condition = _failing_condition(target) if about is not None and target is not None else (
        None)
    cue_stance = cue_stance or _voiced(cue, content)
    if cue_stance and about is not None and target is not None and (
            cue.root.lemma_.lower() in warning_cues()) and _undergoes(target) and not any(
            c.lower_ in ("against", "of") for c in cue.root.children):  # "warned against it"
        cue_stance = None  # "warned that growth is set to slow": a forecast, not against growth
    if cue_stance:  # "would not endorse", "stopped short of endorsing": the opposite
        negated = any(t.lower_ in negators for t in cue)
        if negated != any(s in cue_text for s in shifters):
            cue_stance = "oppose" if cue_stance == "support" else "support"
        if cue_stance == "support" and about is not None and target is not None and (
                _act_denied(target)):
            cue_stance = "oppose"  # "vowed: I will not go down the road"
        if condition is not None:
            cue_stance = "oppose" if cue_stance == "support" else "support"
        if cue_stance == "support" and about is not None and target is not None:
            cue_stance = _called_subject(target) or cue_stance  # "called for X to resign"
        score[cue_stance] += 1.0
    # "agreed the rush will harm public confidence": agreeing takes the content's side;
    # "denied the plan was flawed": denying takes the other
    denial = cue_stance == "oppose" and target is not None and _denied_claim(cue, content,
                                                                              target)
    deferred = cue_stance if cue_stance and (
        denial or cue.root.lemma_.lower() in _words("deferring_cues")) else None
    text = content.text.lower()
    lead = cue.doc[sentence_start(cue.doc, cue.start) : cue.start].text_with_ws.lower()
    lead_shifted = any(s in lead for s in shifters if s.startswith("stop"))
    found = [p for p in phrases if p in text]
    score["oppose"] += 1.5 * len(found)
    # a phrase's words count once, in it ("a missed opportunity" is no opportunity)
    phrased = {t.i for p in found for m in re.finditer(re.escape(p), text)
               for t in content if m.start() <= t.idx - content.start_char < m.end()}
    # "dismissed the criticism": for what was criticised ("warned of a threat" is against it)
    rejected = content.root if cue_stance == "oppose" and content.root.pos_ == "NOUN" and (
        cue.root.lemma_.lower() in _words("dismissals")) else None
    # the words that make up the target's name are no verdict on it ("a support package",
    # "the buy-back" split by the tokenizer); its head noun may be ("the problem", "a win")
    own = {t.i for c in target.children if c.dep_ == "compound" or (
        c.dep_ == "amod" and hyphens.joined_before(c)) for t in c.subtree} | (
        {target.i} if hyphens.joined_before(target) else set()) if target is not None else set()
    advised = _advised(target) if about is not None and target is not None else None
    direct, slot = (_direct(target, advised), scope.slot) if (
        scope is not None and target is not None) else (set(), set())
    for token in content:
        if token.i in own or token.i in phrased or (
                about is not None and token.i not in about) or token.dep_ == "compound" or (
                target is not None and _measured(token, target)):
            continue
        lemma = token.lemma_.lower()
        polarity = "support" if lemma in support else "oppose" if lemma in oppose else (
            "oppose" if _excess(token) or _against(token) else None)
        if polarity is not None and (_other_sense(token, lemma) or (
                target is not None and (_own_act(token, target) or _harmed(token, target) or (
                    _feels(token, target))))):
            continue
        hindsight = advised is not None and token == advised.verb and advised.hindsight
        if polarity is None and advised is not None and token == advised.verb:
            polarity = advised.side
        if polarity is None and token.i in direct:
            polarity = "support" if token == _desired(target) else _predicate_valence(token)
        if polarity is None and token.i in direct and _felt(token, cue):
            polarity = _events().get(lemma)  # "he said he was suing White": his own act
        if polarity is None and (token.i in slot or (token.i in direct and _felt(token, cue))
                                 or _feeling_toward(token, target)):
            polarity = _valenced(token)  # "an artist I admire", "how much I love my fans"
        if polarity is None or _feeling_alone(token) or _plain_event(token) or _certain(token):
            continue
        governor = _governor(token)
        acting = governor.lemma_.lower() if governor is not None else ""
        if polarity == "support" and acting in oppose:
            continue  # "a threat to every gain": the harm is the news, and it has counted
        if acting in _words("reversers") and acting not in polar_lemmas() and token != target:
            # "avoid any risk": for what avoids it (the target's own word is turned by the
            # caller, :func:`reversed_`)
            polarity = "oppose" if polarity == "support" else "support"
        if token == rejected and polarity == "oppose":  # "dismissed the criticism": for it
            score["oppose"] -= 1.0
            polarity = "support"
        negated = not hindsight and token != condition and _negated(token, content, negators)
        if negated or (polarity == "support" and (
                lead_shifted or _shifted(token, content, shifters))):
            polarity = "oppose" if polarity == "support" else "support"
        score[polarity] += _DIRECT_WEIGHT if token.i in direct else 1.0
    if score["support"] == score["oppose"] == 0:
        score = _intensified(content, about, own, negators)
    gap = score["support"] - score["oppose"]
    if deferred is not None and gap != (1.0 if deferred == "support" else -1.0):
        gap -= 1.0 if deferred == "support" else -1.0  # the content's own side decides
        gap = -gap if denial else gap
    if gap == 0:
        return "neutral", 0.5
    return ("support" if gap > 0 else "oppose"), round(min(0.95, 0.55 + 0.1 * abs(gap)), 3)


@cache
def _intensifiers() -> tuple[frozenset[str], float]:
    """VADER's boosters that strengthen what they modify ("extremely", "utterly", "very"),
    with their adjectives ("a complete fiasco", "an absolute crisis"); the least valence a
    word they strengthen needs."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    data = resources.load("stance")
    words = {w for w, value in BOOSTER_DICT.items() if value > 0 and " " not in w} - set(
        data["not_intensifiers"])  # "more advanced": compares
    words |= {w[:-2] for w in words if w.endswith("ly")}
    return frozenset(words), float(data["valence_floor"])


def _intensified(content: Span, about: set[int] | None, own: set[int],
                 negators: frozenset[str]) -> dict[str, float]:
    """Where the lexicon found nothing: a valenced word (VADER) said of the target that an
    intensifier strengthens ("an absolute crisis", "remained very bright", "completely
    useless"): graded, so an evaluation, where a plain valenced word as often names a kind
    ("terrorist offences", "a clean engine") or a state ("not ready"). Adjectives and nouns
    only: an intensified adverb or verb says how something was done ("struck the ball very
    well", "said quite clearly", "really like to focus")."""
    boosters, floor = _intensifiers()
    score = {"support": 0.0, "oppose": 0.0}
    for token in content:
        if token.i in own or (about is not None and token.i not in about) or (
                token.pos_ not in ("ADJ", "NOUN")) or not any(
                c.dep_ in ("advmod", "amod") and c.lower_ in boosters for c in token.children):
            continue
        value = valence(token.lower_) or valence(token.lemma_.lower())
        if abs(value) < floor:
            continue
        negated = _negated(token, content, negators)
        score["support" if (value > 0) != negated else "oppose"] += 1.0
    return score
