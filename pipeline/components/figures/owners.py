"""Whose a figure is, as the article names it: the possessor of what the figure measures
("India's population of 1.1bn" -> India), the name an age describes ("the 32-year-old
Stam", "Jaap Stam, 32,"), else its verb's subject. A pronoun, a relative pronoun or "the
29-year-old" stands for the name the attribution's source resolver gives it (the shared
rules for "he", "its", "which"); one that resolves to no one, or a phrase that is no noun
("The Jacksonville, Florida-based"), leaves the owner empty: no owner is better than a
wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from pipeline import resources
from pipeline.annotations import EntityMention
from pipeline.components import hyphens, once, referents
from pipeline.components.figures import context
from pipeline.components.headlines import headline_end
from pipeline.components.referents import mention_of

_AGE = re.compile(r"\d{1,3}-year-old")
_AMOUNT = re.compile(r"\d[\d.,]*(?:bn|m|tn|k)?")  # not "3M"
_NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


@dataclass(frozen=True)
class Owner:
    name: str
    span: tuple[int, int]  # the words that name it in the sentence


def owner(figure: Span, verb: Token | None, mentions: list[EntityMention],
          counted: Token | None = None, amount: bool = False) -> Owner | None:
    """Whose ``figure`` is: the possessor of the noun it measures or counts (``counted``,
    "300 jobs"), the person an age or apposition describes, else its verb's subject
    (itself owned by a possessor: "the firm's profits rose 5%" -> the firm); for an
    ``amount`` (money, a percentage) the subject of a verb its phrase hangs on deeper."""
    return _in_body(_owner(figure, verb, mentions, counted, amount), figure)


def _in_body(found: Owner | None, figure: Span) -> Owner | None:
    """An owner without the headline a body's first sentence runs on from ("Dutch bank to
    lay off 2,850 staff ABN Amro, the Netherlands' largest bank, is to cut" -> ABN Amro,
    the Netherlands' largest bank; issue 11's whole headlines as subject): the headline's
    words belong to no phrase of the body's, and a rest that is no noun is no owner."""
    if found is None:
        return None
    end = headline_end(figure.doc)
    start, stop = found.span
    if not start < end < stop or figure.start_char < end:
        return found
    text = once.text(figure.doc)
    if found.name != text[start:stop]:
        return found  # a canonical name: no words of the headline in it
    body = figure.doc.char_span(end, stop, alignment_mode="contract")
    if body is None or not len(body) or body.root.pos_ not in _NOUNS:
        return None  # "Progress on new internet domains | By early 2005": no noun
    return Owner(body.text, (body.start_char, body.end_char))


def _owner(figure: Span, verb: Token | None, mentions: list[EntityMention],
           counted: Token | None, amount: bool) -> Owner | None:
    """:func:`owner`, headline words and all."""
    described = _described_name(figure, mentions)
    if described is not None:
        return described
    if _age_as_noun(figure):
        return _age_referent(figure, mentions)
    aged = _aged_noun(figure, mentions)
    if aged is not None:
        return aged
    found = _phrase_owner(figure, verb, mentions, counted, amount)
    return found if found is not None else _share_owner(figure, mentions)


def _phrase_owner(figure: Span, verb: Token | None, mentions: list[EntityMention],
                  counted: Token | None, amount: bool) -> Owner | None:
    """The owner a phrase names: the measured noun's possessor, a valued object or the
    verb's subject, itself owned by a possessor or a holder."""
    reached = verb if verb is not None or not amount else _object_verb(figure)
    phrase = _measured_possessor(figure) or _valued(figure, verb) \
        or _changed_possessor(figure, verb) or context.subject(reached)
    if phrase is None:
        return None
    named = _apposed_name(phrase)
    if named is not None:  # "his sister, Jessica DeGroot": the name, not "his"
        return _named(named, mentions)
    possessor = _possessor(phrase, figure) or _measure_holder(phrase, figure)
    owned = _named(possessor, mentions) if possessor is not None else None
    if owned is not None or _restates(phrase, figure, counted):
        return owned
    return _reported_measure(phrase, mentions) or _named(_without_figure(phrase, figure),
                                                          mentions)


def _reported_measure(phrase: Span, mentions: list[EntityMention]) -> Owner | None:
    """The organisation a company's bare measure belongs to: the one whose report the
    clause is ("Virgin Blue said profits after tax would be 10% lower" -> Virgin Blue),
    or, for a measure opening a sentence, the one the previous sentence's subject names
    ("Ford posted a loss. Net income fell 5%" -> Ford); issue 11: a measure as its own
    owner. Only a company's measures with no word that names another holder ("regional
    exports", "retail sales", "its profits" stay as they are), and not a body that reports
    a trade's figures ("Sales rose 0.5%, the British Retail Consortium said": the shops')."""
    root, doc = phrase.root, phrase.doc
    if root.dep_ not in ("nsubj", "nsubjpass") or root.lower_ not in _words("company_measures") \
            or any(t.lower_ not in _words("company_measure_qualifiers") and t.lower_ != "the"
                   for t in doc[phrase.start : root.i]):
        return None
    verb = root.head
    if verb.dep_ == "ccomp":
        teller = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        name = _organisation(teller, mentions) if teller is not None else None
        words = _proper_name(teller) if name is not None else None
        return Owner(name, (words.start_char, words.end_char)) \
            if words is not None and _company(name) else None
    if verb.dep_ != "ROOT" or phrase.start != root.sent.start or phrase.start == 0:
        return None
    name = _previous_organisation(root.sent, mentions)
    return Owner(name, (phrase.start_char, phrase.end_char)) \
        if name is not None and _company(name) else None


def _company(name: str) -> bool:
    return _words("reporting_bodies").isdisjoint(name.split())


_PHRASE_LINKS = frozenset({"nummod", "compound", "amod", "quantmod", "pobj", "prep", "dobj",
                           "nmod", "agent"})  # "agent": a "by" the parse took for a passive's


def _object_verb(figure: Span) -> Token | None:
    """The verb whose object or prepositional phrase holds an amount deeper than the
    governing verb looks (four words up): "M&S has cut prices by an average of 24%",
    "The firm had an operating loss for the three months to December of 7.5bn yen"; only
    through a noun phrase's own links, so no clause another subject opens, and not to a
    participle that is a preposition ("following the discovery of an $11bn fraud")."""
    token = figure.root
    for _ in range(8):
        if token.dep_ not in _PHRASE_LINKS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token if token.dep_ not in ("prep", "pcomp", "amod", "acl") else None
    return None


_REFERRING = frozenset({"the", "this", "that", "these", "those"})


def _without_figure(phrase: Span, figure: Span) -> Span:
    """The phrase up to the preposition that gives its head the figure as a value ("a
    retirement age of 65" -> a retirement age, "The sale of the stake for £146m" -> The
    sale of the stake): the figure is the row's value, not part of whose it is. A figure
    "the" refers back to keeps the phrase ("The bulk of the £35bn saved"), and so does one
    that says where ("Savings of £153m at the Foreign Office")."""
    doc, anchor = phrase.doc, figure.root
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.dep_ != "prep" or not phrase.start < prep.i < phrase.end \
            or prep.right_edge.i < phrase.end - 1 \
            or any(t.lower_ in _REFERRING for t in doc[prep.i + 1 : figure.start]) \
            or any(c.dep_ == "prep" for c in anchor.children):
        return phrase
    tokens = [t for t in doc[phrase.start : prep.i] if not t.is_punct]
    return doc[tokens[0].i : tokens[-1].i + 1] if tokens else phrase


def _share_owner(figure: Span, mentions: list[EntityMention]) -> Owner | None:
    """Where nothing else names an owner, the named possessor of what the figure is a
    share of: "Ninety percent of Vodafone's customers will see", "holders of 5% of the
    firm's shares". A subject that holds the share comes first ("The unit accounts for
    90% of Wembley's profit" is the unit's), and a pronoun ("our customers") is left:
    whose "our" is, the sentence rarely says."""
    of = [held for prep in figure.root.children if prep.dep_ == "prep" and prep.lower_ == "of"
          for held in prep.children if held.dep_ == "pobj"]
    possessor = _possessor(figure.doc[of[0].left_edge.i : of[0].i + 1], figure) if of else None
    if possessor is None or possessor.root.pos_ == "PRON":
        return None
    return _named(possessor, mentions)


def _restates(phrase: Span, figure: Span, counted: Token | None) -> bool:
    """The subject's head is what the figure counts or measures ("Up to 300 jobs will
    move", "About 25% of people said", "16 said"), or another amount ("£1.3bn would pay
    for 5,000 nurses"): that is the row's target or a value, not whose the figure is. A
    figure that only describes the subject's head keeps it: "The $100m movie", "Three
    firms paid $5m", "The two unions' executives"."""
    root = phrase.root
    return (counted is not None and root.i == counted.i) or figure.start <= root.i < figure.end \
        or _is_quantity(root)


_QUANTITY_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "TIME"})


def _is_quantity(root: Token) -> bool:
    """A head that is a number, an amount or a date, which owns no figure: "16 said",
    "£1.3bn" (tagged a name), "around 10%, which is about 1bn euros", "80bn rupees
    ($1.8bn) will be spent", "in January, which takes the rate to 12.1%" (issue 11: amounts
    and months as subject on BBC train); not "16% of women", a share of the group that
    holds the figure ("earn more than £50,000")."""
    return root.like_num or root.pos_ == "NUM" or root.tag_ == "$" \
        or _AMOUNT.fullmatch(root.text) is not None or root.ent_type_ in _QUANTITY_LABELS \
        or (root.lower_ in resources.words("units", "currency_words")
            and any(_AMOUNT.fullmatch(c.text) for c in root.children))


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of the figures rules (models/figures.json)."""
    return resources.words("figures", key)


def _valued(figure: Span, verb: Token | None) -> Span | None:
    """The object a valuing verb puts "at" the figure: "A bid would value the company at
    A$3.1bn", "Analysts valued the six tracks at between £40m-£50m" (the company's and
    the tracks' value, not the bid's or the analysts')."""
    if verb is None or verb.lemma_.lower() not in _words("valuing_verbs"):
        return None
    obj = _object_through(figure, verb, ("at",))
    return obj.doc[obj.left_edge.i : obj.i + 1] if obj is not None else None


def _changed_possessor(figure: Span, verb: Token | None) -> Span | None:
    """The named possessor of the object a verb moves "from", "to" or "by" the figure:
    "MPs voted to cut Turkcell's stake from 70% to 49%" -> Turkcell, not the MPs (issue
    11: a subject for the object's owner on BBC train)."""
    obj = _object_through(figure, verb, ("from", "to", "by")) if verb is not None else None
    possessor = _possessor(obj.doc[obj.left_edge.i : obj.i + 1], figure) if obj is not None \
        else None
    # "Companies raised their contributions by 100%": a pronoun is the subject's own
    return possessor if possessor is not None and possessor.root.pos_ != "PRON" else None


def _object_through(figure: Span, verb: Token, prepositions: tuple[str, ...]) -> Token | None:
    """The verb's direct object, where the figure hangs on the verb through one of
    ``prepositions`` ("value the company at A$3.1bn", "cut the stake from 70% to 49%")."""
    node = figure.root
    while node.head.i not in (node.i, verb.i):
        node = node.head
    if node.head.i != verb.i or node.lower_ not in prepositions:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _measure_holder(phrase: Span, figure: Span) -> Span | None:
    """The name a measure is "in", "at", "of" or "for" ("Shares in Cairn Energy rose
    3.8%" -> Cairn Energy, "Net profits at Deutsche Bank" -> Deutsche Bank, "Sales in Dr
    Reddy's generics business" -> Dr Reddy's), as the possessor of "Cairn Energy's
    shares" is; "Quarterly profits at US media giant TimeWarner" -> TimeWarner, the name a
    descriptor introduces; not "Police in London" (no measure), nor a name inside the
    figure."""
    root = phrase.root
    if root.pos_ != "NOUN" or root.lower_ not in _words("measure_nouns"):
        return None
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "of", "for"):
            continue
        held = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if held is None or figure.start <= held.i < figure.end:
            continue
        if held.pos_ == "PROPN":
            return _proper_name(held)
        named = _apposed_name(held.doc[held.i : held.i + 1])  # "at US media giant TimeWarner"
        return named or _possessor(held.doc[held.left_edge.i : held.i + 1], figure)
    return None


def _apposed_name(phrase: Span) -> Span | None:
    names = [c for c in phrase.root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return _proper_name(names[0]) if names else None


def _described_name(figure: Span, mentions: list[EntityMention]) -> Owner | None:
    """The name an age or a number in apposition describes: "the 32-year-old Stam",
    "Jaap Stam, 32,"."""
    anchor = _joined_end(figure)
    doc, head = figure.doc, anchor.head
    age = _AGE.search(doc[figure.start : anchor.i + 1].text)
    aside = anchor.dep_ == "appos" and anchor.like_num and 0 < anchor.i < len(doc) - 1 \
        and doc[anchor.i - 1].text == "," and doc[anchor.i + 1].text in (",", ".")
    before = age and anchor.dep_ == "amod" and _proper_name(head).start == anchor.i + 1
    if head.pos_ != "PROPN" or not (aside or before):
        return None  # not the count of "ANA Orders 77 Jets", nor the rank of a list
    words = _proper_name(anchor.head)
    name = referents.shared().mention_at(anchor.head, mentions) or words.text
    return Owner(name, (words.start_char, words.end_char))


def _joined_end(figure: Span) -> Token:
    """The last word the figure is written joined to: the "old" of "32-year-old"."""
    anchor = figure.root
    while anchor.head.i > anchor.i and not any(
            t.whitespace_ for t in anchor.doc[anchor.i : anchor.head.i]):
        anchor = anchor.head
    return anchor


def _age_as_noun(figure: Span) -> bool:
    """An age that stands for a person ("The 31-year-old insisted", "the crowd idolised
    the 19-year-old"), not one that describes the noun after it ("a 18-year-old woman")."""
    doc, end = figure.doc, _joined_end(figure).i + 1
    return _AGE.fullmatch(doc[figure.start : end].text) is not None and (
        end == len(doc) or doc[end].pos_ not in ("NOUN", "PROPN", "ADJ"))


def _aged_noun(figure: Span, mentions: list[EntityMention]) -> Owner | None:
    """The common noun an age describes, with its adjectives: "A 18-year-old woman in the
    car was arrested" -> woman (the age is hers, not the verb's subject's); the name the
    shared resolver gives "the 31-year-old Dane" where it gives one."""
    anchor = _joined_end(figure)
    doc, head = figure.doc, anchor.head
    if _AGE.fullmatch(doc[figure.start : anchor.i + 1].text) is None or anchor.dep_ != "amod" \
            or head.pos_ != "NOUN" or head.i <= anchor.i or any(
                t.dep_ not in ("amod", "compound") for t in doc[anchor.i + 1 : head.i]):
        return None
    words = doc[anchor.i + 1 : head.i + 1]
    span = (_age_phrase_start(figure), words.end_char)
    name = _canonical(doc, span, mentions)
    if name is not None and name.casefold() != once.text(doc)[span[0] : span[1]].casefold():
        return Owner(name, span)
    return Owner(words.text, (words.start_char, words.end_char))


def _age_referent(figure: Span, mentions: list[EntityMention]) -> Owner | None:
    """Whose an age used as a noun is: the person the shared resolver takes "the
    31-year-old" for (an earlier name), else no one; never the verb's subject ("a chorus
    of jeers from the crowd that idolised the 19-year-old" is no chorus's age)."""
    doc = figure.doc
    span = (_age_phrase_start(figure), _joined_end(figure).idx + len(_joined_end(figure)))
    name = _canonical(doc, span, mentions)
    if name is None or name.casefold() == once.text(doc)[span[0] : span[1]].casefold():
        return None
    return Owner(name, span)


def _age_phrase_start(figure: Span) -> int:
    """Where the phrase an age begins starts: its article ("the 31-year-old")."""
    doc = figure.doc
    first = figure.start - 1 if figure.start > 0 and doc[figure.start - 1].lower_ in (
        "the", "a", "an") else figure.start
    return doc[first].idx


def _measured_possessor(figure: Span) -> Span | None:
    """The possessor of the noun the figure is "of" or modifies, or of the figure itself:
    "India's population of 1.1bn", "Absa's market value of R50bn", "the firm's 5% stake",
    "surpass Margaret Thatcher's 11 years"."""
    anchor = figure.root
    nouns = [anchor.head.head] if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" \
        else [anchor.head] if anchor.dep_ in ("nummod", "compound", "amod") else []
    own = _possessor(figure.doc[anchor.left_edge.i : anchor.i + 1], figure)
    if own is not None and own.root.pos_ != "PRON":  # "surpass Margaret Thatcher's 11 years"
        return own  # (not "raise rates from their current 4.75%": the subject's own)
    for noun in nouns:
        if noun.pos_ == "NOUN" and noun.i != anchor.i:
            possessor = _possessor(noun.doc[noun.left_edge.i : noun.i + 1], figure)
            if possessor is not None:
                return possessor
    return None


def _possessor(phrase: Span, figure: Span) -> Span | None:
    """The possessor of a common noun phrase ("the firm's profits" -> the firm), not one
    the figure is part of ("the two unions' executives") nor the field a superlative
    ranks in."""
    root = phrase.root
    owners = [c for c in root.children if c.dep_ == "poss"] if root.pos_ == "NOUN" else []
    ranked = any(c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" for c in root.children)
    if not owners or ranked:  # "the world's second biggest economy" is no world's
        return None
    tokens = [t for t in owners[0].subtree if t.dep_ != "case"]
    span = phrase.doc[tokens[0].i : tokens[-1].i + 1]
    if span.start < figure.end and figure.start < span.end:
        return None
    return span


def _named(phrase: Span, mentions: list[EntityMention]) -> Owner | None:
    """The canonical name a phrase stands for, or its own words; None for a pronoun that
    resolves to no one and for a phrase that is no noun."""
    doc, root = phrase.doc, phrase.root
    if (root.tag_ in ("WP", "WDT") and root.lower_ in referents.shared().relative) \
            or root.tag_ == "WP$":  # "Deutsche Boerse - whose market capitalisation is"
        antecedent = _antecedent(root)
        return None if antecedent is None or _is_quantity(antecedent.root) \
            else _named(antecedent, mentions)
    last = phrase[-1]
    gerund = root.tag_ == "VBG" and root.dep_ in ("nsubj", "nsubjpass") \
        and root.lower_ in _words("measure_nouns")  # "Spending on health will rise by 9.4%"
    if (root.pos_ not in _NOUNS and not gerund) or (
            last.pos_ in ("ADJ", "VERB") and hyphens.joined_before(last)):
        return None  # "The Jacksonville, Florida-based"
    span = (phrase.start_char, phrase.end_char)
    name = referents.shared().mention_at(root, mentions) if _is_a_name(phrase, mentions) else None
    if name is not None:
        return Owner(name, span)
    described = _described_head(phrase, mentions)
    if described is not None:
        return described
    if _company_reference(phrase):
        organisations = [m for m in mentions if m.label == "ORG" and m.end <= span[0]]
        name = referents.shared().tied_organisation(doc, root.lemma_.lower(), organisations,
                                             kin=False)
        if name is not None:
            return Owner(name, span)
    holder = _clause_holder(root) if root.lower_ in ("it", "its") else None
    if holder is not None:
        return _named(holder, mentions)
    if root.pos_ == "PRON" or _AGE.search(phrase.text):
        name = _reporter(root, mentions) or (
            _previous_subject(root, mentions) if root.lower_ == "it"
            else _canonical(doc, span, mentions))
        # a bare "it" is too often no one named ("it was not a kick"): only "its" resolves
        # freely
        return None if name is None or name.casefold() == phrase.text.casefold() \
            else Owner(name, span)
    return Owner(phrase.text, span)


def _company_reference(phrase: Span) -> bool:
    """Just "the firm", "the company", "the bank": a company the article named before,
    which the shared resolver finds where the article gave it that noun ("telecoms firm
    Deutsche Telekom", "LSE, the group"); not "the combined company" nor "the car
    business", which are no one company named. The resolver's fallback, the last
    organisation named, is left out: on BBC train it was another company as often as not."""
    root = phrase.root
    return len(phrase) == 2 and phrase[0].lower_ == "the" and root.i == phrase.end - 1 \
        and root.tag_ == "NN" and root.lemma_.lower() in referents.shared().company_nouns


def _is_a_name(phrase: Span, mentions: list[EntityMention]) -> bool:
    """The phrase is one name and a determiner ("The European Central Bank"), not more
    ("Japan's Defense Ministry", "Godzilla star Jean Reno", "Lithuania, Latvia and
    Estonia"), so its canonical name says the same."""
    mention = mention_of(phrase.root, mentions)
    return mention is not None and all(
        mention.start <= t.idx < mention.end or t.dep_ == "det" for t in phrase)


def _described_head(phrase: Span, mentions: list[EntityMention]) -> Owner | None:
    """The name a descriptor introduces, where it ends the phrase and holds its head: "US
    banking giant Citigroup" -> Citigroup, "Former Worldcom boss Bernie Ebbers" -> Bernie
    Ebbers; the name alone, with its own words as the span, so that the row links the
    entity at the head and not the first one inside the descriptor (US, Worldcom). A
    title ("Mr Blair") or a list ("Lithuania, Latvia and Estonia") is no descriptor."""
    mention = mention_of(phrase.root, mentions)
    if mention is None or mention.end < phrase.end_char:
        return None
    before = [t for t in phrase if t.idx < mention.start]
    if not any(t.pos_ == "NOUN" for t in before) or any(t.dep_ in ("cc", "conj") for t in phrase):
        return None
    words = phrase.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    name = referents.shared().mention_at(phrase.root, mentions)
    if words is None or name is None:
        return None
    return Owner(name, (words.start_char, words.end_char))


def _clause_holder(pronoun: Token) -> Span | None:
    """The common noun "it" or "its" stands for in a clause that the noun's own clause
    reports or frames: "the firm said it earned $10m" -> the firm, "Portrait of Omai
    fetched the most when it was sold for £10.3m" -> Portrait of Omai (a name the main
    clause gives is :func:`_reporter`'s)."""
    clause = pronoun.head if pronoun.dep_ != "poss" else pronoun.head.head
    if clause.dep_ not in ("ccomp", "advcl") or clause.head.i == clause.i:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.head.children):
        return None  # "..., saying it would apply to 1%": whose "saying" is, is no "it"
    holder = context.subject(clause.head)
    if holder is None or holder.root.tag_ not in ("NN", "NNP") or holder.end > pronoun.i \
            or holder.root.ent_type_ == "PERSON":
        return None
    return holder


def _reporter(pronoun: Token, mentions: list[EntityMention]) -> str | None:
    """Who "it", "he" or "they" stands for in a clause a name reports: "Diehl Defence
    said it would raise production" -> Diehl Defence, not the firm named last ("he"
    only a person: the entity labels of firms are less sure than those of people; "it"
    never a person: "In 2005 it will rise toward 13,000, predicted Naoki Kamiyama" is the
    index's, not his; "their" may be anyone's: "Mr Pound said their two children")."""
    clause = pronoun.head if pronoun.dep_ != "poss" else pronoun.head.head
    if clause.dep_ != "ccomp":
        return None
    kind = referents.shared().pronouns.get(pronoun.lower_)
    person = kind == "PERSON"
    for speaker in clause.head.children:
        if speaker.dep_ == "nsubj" and speaker.pos_ == "PROPN":
            mention = mention_of(speaker, mentions)
            if mention is None and not person:
                return _proper_name(speaker).text
            if mention is not None and (kind == "GROUP" or (mention.label == "PERSON") == person):
                return referents.shared().mention_at(speaker, mentions)
    return None


_EXPLETIVE_VERBS = frozenset({"be", "seem", "appear", "take", "make", "mean", "remain"})


def _previous_subject(pronoun: Token, mentions: list[EntityMention]) -> str | None:
    """The organisation a sentence-opening "It" continues from the sentence before, where
    that sentence's subject names one: "Vodafone has found it difficult to satisfy users.
    It suffered a net loss of 58,000 customers" -> Vodafone (issue 11: an empty owner the
    previous sentence names). Not an "it" of "It is", "It takes 2,383 to win" or "It
    emerged that", which stand for no one."""
    verb, sent = pronoun.head, pronoun.sent
    if pronoun.dep_ != "nsubj" or pronoun.i != sent.start or verb.dep_ != "ROOT" \
            or verb.lemma_.lower() in _EXPLETIVE_VERBS or sent.start == 0 \
            or any(c.dep_ in ("ccomp", "csubj") for c in verb.children):
        return None
    return _previous_organisation(sent, mentions)


def _previous_organisation(sent: Span, mentions: list[EntityMention]) -> str | None:
    """The organisation the subject of the sentence before ``sent`` names, if it names
    one by its proper name."""
    before = sent.doc[sent.start - 1].sent.root
    subject = next((c for c in before.children if c.dep_ == "nsubj"), None)
    if subject is None or any(
            hyphens.joined_before(t) for t in subject.subtree if t.pos_ in ("ADJ", "VERB")):
        return None  # "The Markfield, Leicestershire-based company runs": a place
    return _organisation(subject, mentions)


def _organisation(subject: Token, mentions: list[EntityMention]) -> str | None:
    """The canonical name of an organisation a proper noun names, else None."""
    mention = mention_of(subject, mentions)
    if mention is None or mention.label != "ORG" or subject.pos_ != "PROPN":
        return None
    return referents.shared().mention_at(subject, mentions)


def _proper_name(head: Token) -> Span:
    """A proper noun with the names before it: "Jaap Stam", "Diehl Defence"."""
    first = min([t.i for t in head.lefts if t.dep_ == "compound"], default=head.i)
    return head.doc[first : head.i + 1]


def _canonical(doc: Doc, span: tuple[int, int], mentions: list[EntityMention]) -> str | None:
    return referents.shared().canonical(doc, span, mentions, [])


def _antecedent(relative: Token) -> Span | None:
    """The noun phrase a relative pronoun stands for: "the waves which killed" -> the
    waves, "Deutsche Boerse - whose market capitalisation is" -> Deutsche Boerse (its
    words up to the noun)."""
    clause = relative.head if relative.dep_ != "poss" else relative.head.head
    if clause.dep_ not in ("relcl", "acl") or clause.head.i == relative.i:
        return None
    noun = clause.head
    return relative.doc[noun.left_edge.i : noun.i + 1]
