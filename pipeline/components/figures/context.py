"""What the dependency parse says about a figure: the noun it counts, the verb that
governs it, whose it is (subject), what is measured (target) and whether it is a change.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from pipeline.components import hyphens
from pipeline.components.figures import numbers

if TYPE_CHECKING:
    from pipeline.components.figures.grammar import FigureGrammar

_NOT_TARGETS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_COUNT_DEPS = ("nummod", "quantmod", "compound", "amod")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_WHOLE = frozenset({"of", "their", "its", "his", "her", "our"})  # "half their value"


def counted_noun(figure: Span) -> Token | None:
    """The noun a bare number counts ("98 F-15 fighter jets" -> jets), if any; a plural
    noun right after the number when the parse is lost (title-case headlines). A compound
    gives way to its head ("half a million bed nets" -> nets); the second of two numbers
    counts what the first does ("two or three warning letters")."""
    anchor, doc = figure.root, figure.doc
    if anchor.dep_ == "conj" and anchor.head.like_num and anchor.head.dep_ in _COUNT_DEPS:
        anchor = anchor.head  # the "three" of "two or three warning letters"
    noun = anchor.head if anchor.dep_ in _COUNT_DEPS or anchor.head.tag_ in ("JJR", "RBR") \
        else None
    if noun is not None and noun.tag_ in ("JJR", "RBR") and noun.head.i > noun.i:
        noun = noun.head  # "100,000 more sixth-form places", "14 million more jobs"
    if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.is_alpha \
            and noun.i >= figure.end and not any(
        _another_count(t) for t in doc[figure.end : noun.i]
    ):  # "2 and 8 degrees": the 2 is a range end, not a count of degrees
        return _compound_head(noun)
    following = doc[figure.end] if figure.end < len(doc) else None
    if following is not None and following.tag_ in ("NNS", "NNPS") and following.is_alpha:
        return following
    return None


def names_an_item(noun: Token) -> bool:
    """A number before a singular proper name numbers an item of a list ("10 Mike.
    Huckabee.", "11 Rick. Santorum."); it counts nothing."""
    return noun.tag_ == "NNP"


def shared_noun(figure: Span) -> Token | None:
    """The noun the next number counts, when it is joined to this one: "12 and 11
    players", "two or three warning letters"."""
    doc, end = figure.doc, figure.end
    if end + 1 >= len(doc) or doc[end].lower_ not in ("and", "or", "to") \
            or not doc[end + 1].like_num:
        return None
    return counted_noun(doc[end + 1 : end + 2])


def range_low(figure: Span, pronoun_nouns: frozenset[str]) -> bool:
    """The figure is the low end of "N or M things" / "N to M things": a number joined by
    "or" or "to" to one that counts a noun ("five or six awards", "two to 2.5 hours");
    not "one or two others"."""
    doc, end = figure.doc, figure.end
    if end + 2 >= len(doc) or doc[end].lower_ not in ("or", "to") or not doc[end + 1].like_num:
        return False
    following = doc[end + 2]
    return following.pos_ in ("NOUN", "ADJ", "PROPN") and following.lower_ not in pronoun_nouns


def _compound_head(noun: Token) -> Token:
    while noun.dep_ == "compound" and noun.head.i == noun.i + 1 and noun.head.pos_ == "NOUN":
        noun = noun.head
    return noun


def _another_count(token: Token) -> bool:
    """A number between a figure and its noun that is no model name ("Boeing 737-8")."""
    previous = token.doc[token.i - 1]
    return token.like_num and token.tag_ == "CD" and token.ent_type_ != "PRODUCT" \
        and previous.pos_ != "PROPN"  # not the ordinal of "sixth-form places"


def count_unit(first: int, noun: Token, grammar: FigureGrammar) -> str:
    """The singular counted noun with the words that name its kind, from token ``first``
    on: "37 electronic voting machines" -> electronic voting machine; "six pre-election
    pledges" -> pre-election pledge; "84,000 civil servants jobs" -> civil servant job.
    Not the words that judge, rank or place it ("two unnamed firms", "three main
    parties", "the two most powerful figures", "six additional IRIS-T batteries"), nor
    proper names ("250 Lithuanian soldiers").
    Nouns joined by "and" are counted together ("53 interviews and depositions")."""
    doc = noun.doc
    name = _plural_name(doc[first : noun.i + 1])
    if name is not None:
        return name
    split, noun = noun, _hyphen_end(noun)
    attached = (noun.i, *[c.i for c in noun.lefts], *[c.i for c in split.lefts])
    groups = _hyphen_groups(doc[first : noun.i])
    words = [_word_form(group, grammar) for i, group in enumerate(groups)
             if _names_kind(group, attached, grammar) and not _judging_pair(groups, i, grammar)]
    lemma = noun.lemma_.lower()
    if noun.tag_ in ("NNS", "NNPS") and lemma == noun.lower_ and lemma.endswith("s"):
        lemma = _strip_plural(lemma)  # title-case plurals ("77 Jets") keep their surface
    if _ACRONYM_PLURAL.fullmatch(noun.text):
        lemma = noun.text[:-1]  # "MPs" -> MP, whatever the tagger made of it
    head = doc[noun.i - 2 : noun.i + 1] if hyphens.joined_before(noun) else None
    if head is not None and words and words[-1] == _word_form(list(head[:-1]), grammar):
        words.pop()  # "ex-wives": the hyphen group ends in the noun itself
    unit = " ".join([*words, _hyphen_prefix(noun) + grammar.singular(lemma)])
    if unit in _AGE_UNITS:
        return "year"  # "18 to 24 year olds"
    joined = _coordinated(noun)
    if joined is not None:  # "lawyers and immigration officers"
        unit += f" and {count_unit(phrase_start(joined), joined, grammar)}"
    return unit


def _plural_name(words: Span) -> str | None:
    """A counted noun that is a name in the plural, with the capitalised words of the same
    name before it, is that name in the singular, as written: "29 New Yorkers" -> New
    Yorker, "184 African Americans" -> African American, "two Super Bowls" -> Super Bowl
    (not "250 Lithuanian soldiers", nor "five Labour MPs", whose noun is no name, nor "19
    Turkish Americans", a nationality's adjective before a name)."""
    noun = words[-1]
    if noun.tag_ != "NNPS" or len(words) < 2 or not noun.ent_type_ \
            or _ACRONYM_PLURAL.fullmatch(noun.text) or not noun.is_title or not noun.is_alpha:
        return None
    if not all(t.ent_type_ == noun.ent_type_ and t.ent_iob_ == "I" for t in words[1:]) \
            or not all(t.is_title and t.is_alpha and t.tag_ != "JJ" for t in words):
        return None  # "19 Turkish Americans": a nationality's adjective, left out
    return " ".join([*(t.text for t in words[:-1]), _strip_plural(noun.text)])


def _strip_plural(word: str) -> str:
    """The singular of a regular English plural: "jets" -> jet, "wallabies" -> wallaby,
    "matches" -> match."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def _hyphen_groups(tokens: Span) -> list[list[Token]]:
    """Tokens written together with hyphens as one word: "pre - election" -> pre-election."""
    groups: list[list[Token]] = []
    for token in tokens:
        glued = groups and (token.text == "-" or groups[-1][-1].text == "-") \
            and not groups[-1][-1].whitespace_
        if glued:
            groups[-1].append(token)
        else:
            groups.append([token])
    return groups


def _word_form(group: list[Token], grammar: FigureGrammar) -> str:
    """A word of a counted phrase, lower-cased (an acronym as written: "TV") and as
    written: a plural modifier names the kind in the plural ("cosmetics brand", "special
    operations force", "arms deal"),
    unless it names people, whose plural before a noun is a possessive that lost its
    apostrophe ("civil servants jobs" -> civil servant job)."""
    token = group[0]
    if len(group) == 1 and token.tag_ == "NNS" and token.is_lower \
            and grammar.person_plural.search(token.lower_):
        return token.lemma_.lower()
    return "".join(t.text if t.text.isupper() and len(t) > 1 else t.lower_ for t in group)


def _names_kind(group: list[Token], attached: tuple[int, ...], grammar: FigureGrammar) -> bool:
    """A word that says what kind of thing is counted: a noun, adjective or participle
    attached to the noun, not one that judges or ranks it (count_skip_modifiers, a
    superlative or comparative), not a proper name."""
    last = group[-1]
    if len(group) == 1 and not last.is_alpha:
        return False
    if last.pos_ not in ("NOUN", "ADJ", "VERB") or last.head.i not in attached:
        return False
    if "".join(t.lower_ for t in group) in grammar.count_skip or any(
            t.lower_ in grammar.count_skip or t.tag_ in ("JJS", "JJR", "RBS", "RBR")
            for t in group):
        return False  # "well-known" is split in three tokens
    if any(c.tag_ in ("RBS", "RBR") for c in last.lefts):
        return False  # "most powerful"
    # "250 Lithuanian soldiers" -> soldier; but "Measles cases" opening a sentence, and an
    # acronym the tagger reads as a common noun ("20 TV stations", "3 DVD players")
    first = group[0]
    acronym = first.text.isupper() and first.pos_ == "NOUN" and not first.ent_type_
    return acronym or not first.text[0].isupper() \
        or (first.is_sent_start and first.pos_ != "PROPN")


def _judging_pair(groups: list[list[Token]], i: int, grammar: FigureGrammar) -> bool:
    """Group ``i`` and one beside it are a judging word written apart: "hard working
    families" -> family, as "hard-working families" (but "2.7 million working days")."""
    pairs = (groups[max(0, i - 1) : i + 1], groups[i : i + 2])
    return any(len(pair) == 2 and all(len(g) == 1 for g in pair)
               and f"{pair[0][0].lower_}-{pair[1][0].lower_}" in grammar.count_skip
               for pair in pairs)


def _hyphen_end(noun: Token) -> Token:
    """The last word of a hyphenated noun the tokenizer split and the parse cut short:
    the "mails" of "e - mails" (counted as e-mail), "defendants" of "co - defendants"."""
    doc, i = noun.doc, noun.i
    if noun.text == "-" and 0 < i < len(doc) - 1 and not noun.whitespace_ \
            and not doc[i - 1].whitespace_ and doc[i + 1].is_alpha:
        return doc[i + 1]  # the parse took the hyphen of "co - defendants" for the noun
    if i + 2 < len(doc) and hyphens.joined_before(doc[i + 2]) and doc[i + 2].is_alpha \
            and doc[i + 2].tag_ in ("NNS", "NN"):
        return doc[i + 2]
    return noun


def _hyphen_prefix(noun: Token) -> str:
    """The words glued to the noun by a hyphen: "ex-wives" -> "ex-"."""
    if not hyphens.joined_before(noun):
        return ""
    return noun.doc[noun.i - 2].lower_ + "-"


def _coordinated(noun: Token) -> Token | None:
    """A plural noun joined to the counted one by "and" with no determiner, number,
    possessive or adjective of its own ("interviews and depositions"; not "people and
    their families", "buildings and small boats"); "or" names another word for the same
    thing ("11 householders or occupiers" counts householders)."""
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in noun.children):
        return None
    for child in noun.children:
        if child.dep_ == "conj" and child.pos_ == "NOUN" and child.tag_ == "NNS" \
                and not child.like_num and not _VAGUE.fullmatch(child.text) and not any(
                    c.dep_ in ("det", "poss", "nummod", "amod") or c.like_num
                    for c in child.lefts):
            return child  # not "100 schools and dozens of centres": a number of its own
    return None


def partitive_noun(figure: Span) -> Token | None:
    """What "12 of their last 15 games", "23 of the 32 allies" or "four out of their six
    games" counts."""
    doc, end = figure.doc, figure.end
    preps = [c for c in figure.root.children if c.dep_ == "prep" and c.i == end]
    if end + 1 < len(doc) and doc[end].lower_ == "out" and doc[end + 1].lower_ == "of":
        preps = [doc[end + 1]]  # whatever the parse hung "out" on
    for prep in preps:
        if prep.lower_ == "of":
            nouns = [c for c in prep.children if c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS")]
            if nouns:
                return nouns[0]
    whole = end + 1 if end + 1 < len(doc) and doc[end].lower_ == "of" else \
        end + 2 if end + 2 < len(doc) and doc[end].lower_ == "out" else None
    if whole is not None and doc[whole].tag_ == "CD" and doc[whole].dep_ == "nummod" \
            and doc[whole].head.tag_ in ("NNS", "NNPS") and doc[whole].head.i > whole:
        return doc[whole].head  # "nine of 10 Republicans", parsed as one number phrase
    return None


def changed_noun(figure: Span) -> Token | None:
    """What a level reached after a counted change counts: "had fallen 1m barrels to
    294.3m" -> barrels (the change and the level are in one unit)."""
    anchor = figure.root
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "to" or anchor.head.head.pos_ != "VERB":
        return None
    verb = anchor.head.head
    return next((c for c in verb.children
                 if c.dep_ in ("dobj", "npadvmod") and c.tag_ == "NNS" and c.i < anchor.i
                 and any(t.like_num for t in c.doc[verb.i + 1 : c.i])), None)


def counted_whole(noun: Token) -> bool:
    """The whole of a partitive has its own number ("one of the seven states", "one of
    more than 50,000 people"), so "one" counts a part of it rather than referring; an
    ordinal is no number of it ("one of the first speakers" refers)."""
    return any(c.dep_ == "nummod" or (c.like_num and c.tag_ == "CD") for c in noun.lefts)


def superlative(noun: Token) -> bool:
    """"the most significant milestones", "the largest firms"."""
    return any(t.tag_ in ("JJS", "RBS") for t in noun.subtree if t.i < noun.i)


def _level_subjects(figure: Span, verbs: frozenset[str], grammar: FigureGrammar
                    ) -> list[Token]:
    """The subjects of the verb (one of ``verbs``) whose level the figure is, directly or
    through a level preposition ("rose 21% to 2.8 billion", "peaked at 14.2 million")."""
    anchor = figure.root
    verb = anchor.head
    if anchor.dep_ == "pobj" and verb.lower_ in grammar.level_prepositions:
        verb = verb.head
        if any(c.dep_ == "dobj" for c in verb.children):
            return []  # "reach the newsroom at 1-800-...": the object is what is reached
    elif anchor.dep_ not in ("dobj", "attr"):
        return []
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    while not subjects and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head  # "the number ... is expected to reach 200,000"
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects


def group_subject(figure: Span, grammar: FigureGrammar) -> str | None:
    """What a bare level of a group counts, the group its verb's subject: "The audience
    averaged 13.7 million" (viewer), "Japan's population is expected to peak at 127
    million" (person)."""
    subjects = _level_subjects(figure, grammar.level_verbs | grammar.state_verbs, grammar)
    return grammar.group_nouns.get(subjects[0].lemma_.lower()) if subjects else None


def level_subject(figure: Span, grammar: FigureGrammar) -> Token | None:
    """The plural subject a bare level counts: "Measles cases exceeded 58,000", "trips rose
    21% to 2.8 billion", "deaths fell to roughly 107,500", "the number of hotspots is
    expected to reach 200,000"; not a price or a rate."""
    subjects = _level_subjects(figure, grammar.level_verbs, grammar)
    if subjects and subjects[0].lemma_.lower() in grammar.count_nouns:
        subjects = [c for p in subjects[0].children if p.dep_ == "prep" and p.lower_ == "of"
                    for c in p.children if c.dep_ == "pobj"]  # "the number of hotspots"
    if not subjects or subjects[0].tag_ != "NNS" or subjects[0].ent_type_ in _NAMES or (
        subjects[0].text[0].isupper() and not subjects[0].is_sent_start
    ):
        return None  # not a name the tagger read as a plural ("Sanders will gain 24")
    noun = subjects[0]
    return None if noun.lemma_.lower() in grammar.not_counted_subjects else noun


def of_noun(figure: Span, grammar: FigureGrammar) -> Token | None:
    """The plural noun a bare number is "of": "pre-orders of more than 1.5 million"; not
    a price or a rate ("sales of 5 million")."""
    anchor = figure.root
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "of":
        return None
    noun = anchor.head.head
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or noun.i > figure.start:
        return None
    return None if noun.lemma_.lower() in grammar.not_counted_subjects else noun


def earlier_plural(sent: Span, figure: Span, grammar: FigureGrammar) -> Token | None:
    """The last plural common noun before a bare count in its sentence, what an elided
    count counts: "compact cars, with sales jumping to 136,000" -> cars; "All books ...,
    something like 15 million" -> books; not a price, rate or period, nor a unit."""
    for token in reversed(sent.doc[sent.start : figure.start]):
        lemma = token.lemma_.lower()
        if token.tag_ == "NNS" and token.pos_ == "NOUN" and token.is_alpha \
                and lemma not in grammar.not_counted_subjects \
                and grammar.singular(lemma) not in grammar.period_units \
                and not grammar.unit_word(token.text) \
                and token.lower_ not in grammar.pronoun_nouns and not _says(token, figure):
            return token
    return None


def _says(noun: Token, figure: Span) -> bool:
    """The noun is who says the clause the figure is in ("organisers confirmed that all
    130,000 ... had been sold"), not what it counts."""
    return noun.dep_ == "nsubj" and any(
        c.dep_ == "ccomp" and (c.i == figure.root.i or c.is_ancestor(figure.root))
        for c in noun.head.children)


def attribute_noun(figure: Span) -> Token | None:
    """The plural noun a bare number is said to be: "of which more than 2,700 were UK
    businesses" -> businesses."""
    anchor = figure.root
    if anchor.dep_ not in ("nsubj", "nsubjpass") or anchor.head.lemma_ != "be":
        return None
    return next((c for c in anchor.head.children if c.dep_ == "attr" and c.tag_ == "NNS"),
                None)


def phrase_start(noun: Token) -> int:
    """The first token of a noun's descriptive words, after its numbers and determiners
    ("the 1,000 promised charging points" -> promised)."""
    start = noun.left_edge.i
    for token in noun.lefts:
        if token.like_num or token.pos_ in ("DET", "PRON", "NUM") or token.dep_ == "poss":
            start = max(start, token.right_edge.i + 1)
    return start


def governing_verb(anchor: Token) -> Token | None:
    token = anchor
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


_RATE_NOUNS = frozenset({"rate", "pace"})
_AVERAGE_NOUNS = frozenset({"average", "mean"})
_YEAR = re.compile(numbers.YEAR)
_VAGUE = re.compile(numbers.vague_pattern(), re.IGNORECASE)  # "dozens", "hundreds"
_AGE_UNITS = frozenset({"year old", "year-old"})
_AMOUNT_DEPS = ("dobj", "attr", "nsubj", "nsubjpass", "appos", "conj")


def _change_word(token: Token, grammar: FigureGrammar) -> str | None:
    table = grammar.change_verbs if token.pos_ == "VERB" else grammar.change_nouns
    return table.get(token.lemma_.lower())


def _via_by(anchor: Token, grammar: FigureGrammar, relative: bool) -> str | None:
    """The change a "by" phrase measures: "cut by 0.25", "flows by up to 20%" (a verb
    or two above), "by as much as ₱6" (a preposition or two below "by")."""
    token = anchor
    for _ in range(4):
        if token.dep_ == "pobj" and token.head.lower_ == "of":  # "cuts of 25bp"
            changed = token.head.head  # but "spending cuts of R$70 billion" is an amount
            if changed.lemma_.lower() in _AVERAGE_NOUNS and changed.dep_ == "pobj":
                token = changed  # "increase caseloads by an average of 70 percent"
                continue
            if changed.lemma_.lower() in _RATE_NOUNS and relative:
                of_change = _rate_of_change(changed, grammar)
                if of_change:
                    return of_change  # "a growth rate of -0.1%": the rate of a change
                verb = changed.head.head if changed.head.pos_ == "ADP" else changed.head
                return _change_word(verb, grammar) if verb.pos_ == "VERB" else None
                # "rose at an annual rate of 2.4%": the verb above says
            return grammar.change_nouns.get(changed.lemma_.lower()) \
                if changed.pos_ == "NOUN" and (relative or _a_bare_change(changed)) else None
        if token.dep_ == "pobj" and token.head.lower_ == "by":
            if token is not anchor and token.pos_ == "NOUN" \
                    and token.lemma_.lower() in grammar.change_nouns:
                return grammar.change_nouns[token.lemma_.lower()]  # "Growth slowed, helped
                # by a 7.5% rise in exports": the figure sizes its own change, not the verb's
            changed = token.head.head
            before = token.doc[token.head.i - 1] if token.head.i > 0 else None
            if any(t is not None and t.lemma_.lower() in grammar.margin_verbs
                   for t in (changed, before)):
                return None  # "lose by only two points": the margin of a result
            for candidate in (changed, changed.head):
                found = _change_word(candidate, grammar) or _particle(candidate)
                if found:
                    return found
            # "turnout rises by 4%" parsed as a noun "rises": the word before "by" says
            lemma = before.lemma_.lower() if before is not None else ""
            return grammar.change_verbs.get(lemma) or grammar.change_nouns.get(lemma)
        if token is anchor and token.dep_ == "conj" and token.head.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "by" for c in token.head.children):
            return _change_word(token.head, grammar) or _particle(token.head)
            # "grow by 4.3% in 2005 and 4.2% in 2006": the second is a change too
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _rate_of_change(rate: Token, grammar: FigureGrammar) -> str | None:
    """The change a rate is of: "growth rate" -> up (a growth of -0.1% is still a growth)."""
    return next((grammar.change_nouns[c.lemma_.lower()] for c in rate.children
                 if c.dep_ in ("compound", "amod") and c.lemma_.lower() in grammar.change_nouns),
                None)


def _lead_clause(anchor: Token, grammar: FigureGrammar) -> bool:
    """"show Clinton up by 10 points": "up" and "by" say where someone stands against a
    rival (its object before the particle), not how a verb of change moved a share
    ("support went up by 3 points")."""
    if anchor.dep_ == "nummod":
        anchor = anchor.head
    by = anchor.head
    if anchor.dep_ != "pobj" or by.lower_ != "by":
        return False
    verb = by.head
    particle = next((c for c in verb.children
                     if c.dep_ in ("prt", "advmod") and c.lower_ in ("up", "down")), None)
    held = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return particle is not None and held is not None and held.i < particle.i \
        and verb.lemma_.lower() not in grammar.change_verbs


def _a_bare_change(noun: Token) -> bool:
    """"a decline of 133,000 units" is a change; "spending cuts of R$70 billion", "the
    cuts of £4bn" name what is cut or which cuts, so their figure is an amount."""
    children = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in children) and not any(
        c.dep_ in ("compound", "nmod", "poss") for c in children)


def _sizes_a_noun(figure: Span, anchor: Token, grammar: FigureGrammar) -> bool:
    """The figure describes the noun after it, which is what the verb acts on: "lost a
    $23bn contract" (the contract's worth), unlike "fell a further 5%" or "a 20% drop"."""
    head = anchor.head
    return anchor.dep_ in ("compound", "amod", "nmod") and head.i >= figure.end \
        and head.pos_ == "NOUN" and head.dep_ == "dobj" \
        and head.lemma_.lower() not in grammar.change_nouns  # not "grew 17.1% year on year"


def _particle(token: Token) -> str | None:
    """'up' or 'down' of "went up by 7.5 percent", "pushed circulation up by 20%" (an
    adverb of a verb, not of "be": "was up by two points" is a lead)."""
    if token.lower_ in ("up", "down"):
        return token.lower_
    deps = ("prt", "advmod", "prep") if token.pos_ == "VERB" else ("prt",)
    return next((c.lower_ for c in token.children
                 if c.dep_ in deps and c.lower_ in ("up", "down")), None)


def _changed_subject(anchor: Token, grammar: FigureGrammar) -> str | None:
    """The figure states what a change noun amounts to: "Economic growth in 2004 was
    about 4.7%", "The increase was 5%"."""
    verb = anchor.head
    if anchor.dep_ != "attr" or verb.lemma_.lower() != "be":
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return grammar.change_nouns.get(subjects[0].lemma_.lower()) if subjects else None


def change(
    figure: Span, noun: Token | None, unit: str | None, grammar: FigureGrammar
) -> str | None:
    """'up' or 'down' when the figure is the size of a change: "rose 5%", "weakened by
    about 30%", "cuts of 25 basis points", "a 20% drop", "40 per cent higher". Not the
    level reached ("fell to 39%") nor the amount a verb acts on ("cut 11,000 jobs",
    "raise €400 million"; ``noun`` is what the figure counts) -- though a verb's
    percentage is its change ("gained 11%")."""
    doc, anchor = figure.doc, figure.root
    if _level_after_figure(figure):
        return None  # "rose by 6% to £116.4m": the level reached, whatever the parse
    if noun is not None and noun.dep_ == "pobj" and noun.head.dep_ == "agent" and any(
            c.dep_ == "nsubjpass" and c.pos_ in ("PROPN", "PRON") for c in noun.head.head.children):
        return None  # "Stern was dropped by six stations": who did it, not a change
    found = _via_by(anchor, grammar, unit in grammar.relative_units) or (
        _changed_subject(anchor, grammar) if unit in grammar.relative_units else None)
    if found and unit == "pp" and _lead_clause(anchor, grammar):
        return None  # "Polls show Clinton up by 10 points": a lead, a level
    if found:
        return found
    compared = comparative(figure, noun, grammar) or (
        _difference(figure, grammar) if unit in grammar.relative_units else None)
    if compared:
        return compared
    if unit in grammar.period_units:
        return None  # "has doubled every five and a half months": a period changes by "by"
    end = max(figure.end, noun.i + 1 if noun is not None else 0)
    after = doc[end] if end < len(doc) else None
    before = figure.start - 1
    while before >= 0 and doc[before].lower_ in grammar.bound_words and not (
        doc[before].lower_ == "at" and doc[before + 1].lower_ not in ("least", "most")
    ):  # "fell as much as 5%", "up at least 5%"; but "closed 16% down at A$4.67" is a level
        before -= 1
    word = doc[before] if before >= 0 else None
    if word is not None and word.lower_ in ("up", "down") and (
        word.dep_ != "prt" or word.i != word.head.i + 1
        or word.head.lemma_.lower() in grammar.particle_change_verbs
    ) and doc[word.i + 1].lower_ != "for":
        return word.lower_  # "up 5%", "sent shares up 8.5p", "edged up 0.1 points"; not
        # "racked up $5m", nor "up for nine awards" (nominated), "up for sale"
    role = noun or anchor
    verb = anchor.head
    if verb.pos_ == "VERB" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                   and c.i < figure.start for c in anchor.children):
        return None  # "increasing the likely 40% turnout": a level the verb acts on
    if noun is None and anchor.dep_ in ("dobj", "npadvmod") and verb.pos_ == "VERB" \
            and verb.lemma_.lower() in grammar.intransitive_change_verbs \
            and not (after is not None and after.lower_ in _WHOLE):
        return grammar.change_verbs.get(verb.lemma_.lower())  # "shares rose 4p"
    share = after is not None and after.lower_ in _WHOLE  # "lost 39% of their volume"
    if noun is None and not share and anchor.dep_ == "dobj" and verb.pos_ == "VERB" \
            and _priced_subject(verb, grammar):
        return grammar.change_verbs.get(verb.lemma_.lower())  # "futures have lost $4"
    relative = unit in grammar.relative_units  # "gained 12.7 points" is a change
    amount = share or not relative
    if share or role.dep_ == "pobj" or (role.dep_ in _AMOUNT_DEPS and amount):
        return None  # a share of a whole is the amount lost or gained, not a change
    if word is not None and word.pos_ == "VERB" and _change_word(word, grammar) \
            and not _sizes_a_noun(figure, anchor, grammar):
        return _change_word(word, grammar)
    if anchor.head.pos_ == "VERB" and anchor.dep_ not in (*_AMOUNT_DEPS, "advcl") and not any(
            t.pos_ == "VERB" for t in doc[anchor.head.i + 1 : figure.start]):
        return _change_word(anchor.head, grammar)  # not across a clause or another verb
        # ("slashed his best ... while Kronberg clocked 7.62secs": parsed under "slashed")
    if noun is None and anchor.head.pos_ == "NOUN" and anchor.head.i > anchor.i and not any(
        t.pos_ in ("NOUN", "PROPN") for t in doc[figure.end : anchor.head.i]
    ):  # "a 20% drop"; not "two more cuts", nor "£4bn tax cuts" (the amount a cut is of)
        return _change_word(anchor.head, grammar)
    return None


def _difference(figure: Span, grammar: FigureGrammar) -> str | None:
    """'up' or 'down' for a share "above" or "below" what it is set against ("trading 84%
    above the offer price", "40 per cent below average"): how far off it, not a level."""
    doc = figure.doc
    if figure.end + 1 >= len(doc) or (doc[figure.end + 1].like_num and not _years_level(
            doc, figure.end + 1)):
        return None
    return grammar.differences_after.get(doc[figure.end].lower_)


def _years_level(doc: Doc, i: int) -> bool:
    """"32 percent below 2005 levels": the number after "below" is the year whose level the
    share is set against, not a second figure ("3% below 2.5%")."""
    return bool(_YEAR.fullmatch(doc[i].text)) and i + 1 < len(doc) \
        and doc[i + 1].lemma_.lower() == "level"


def _level_after_figure(figure: Span) -> bool:
    """The figure follows "to" right after a number of another unit ("rose 6% to £116.4m",
    "jumped more than $2 to $50"): the level a change reaches, which the parse often hangs on the
    change's phrase or verb as if it were a second change."""
    doc, to = figure.doc, figure.start - 1
    while to > 0 and (doc[to].is_currency or doc[to].pos_ == "SYM"):
        to -= 1  # "£" before "116.4m"
    if to < 1 or doc[to].lower_ != "to" or doc[to - 1].lower_ == doc[figure.end - 1].lower_:
        return False  # "rise 5% to 10%" may be a range of changes: left to the parse
    for token in reversed(doc[max(0, to - 3) : to]):  # "6 %", "$2", "2.5 per cent"
        if token.like_num:  # but "lower emissions by 2030 to 32 percent below": a deadline
            return not (_YEAR.fullmatch(token.text) and doc[token.i - 1].lower_ == "by")
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ":"):
            return False
    return False


def _priced_subject(verb: Token, grammar: FigureGrammar) -> bool:
    """The verb changes something priced or measured ("Oil futures ... have now lost $4",
    "Shares gained 4p"), so the amount it loses or gains is its change."""
    if verb.lemma_.lower() not in grammar.priced_change_verbs:
        return False
    phrase = subject(verb)
    return phrase is not None and phrase.root.lemma_.lower() in grammar.not_counted_subjects


def comparative(figure: Span, noun: Token | None, grammar: FigureGrammar) -> str | None:
    """'up' or 'down' for a figure a comparative follows: "40 per cent higher", "14 cents
    lower", "30% fewer" (which measures 'fewer'), or that counts more or fewer of a thing
    ("100,000 more places", "230 fewer injuries"); not a count of changes ("two more
    cuts")."""
    doc = figure.doc
    before_noun = comparative_before_noun(figure, noun, grammar)
    if before_noun:
        return before_noun
    end = max(figure.end, noun.i + 1 if noun is not None else 0)  # "14 cents lower"
    after = doc[end] if end < len(doc) else None
    if (after is not None and after.lower_ in grammar.comparatives_after
            and after.dep_ != "prt"  # "£33.5bn less spending", not the 'more' of a count
            and (after.dep_ != "amod" or noun is None or figure.root.head.i == after.i)
            and not _up_for(after, noun)):
        return grammar.comparatives_after[after.lower_]
    return None


def comparative_before_noun(figure: Span, noun: Token | None, grammar: FigureGrammar
                            ) -> str | None:
    """'up' or 'down' for a comparative between the figure and the noun it counts ("20%
    less fuel", "100,000 more places"): a bound before it bounds that amount ("up to 20%
    less fuel" is at most 20%), where after the noun or figure ("more than 1% higher", "at
    least 100 more than", "as many as five years more") the direction wins."""
    doc = figure.doc
    if noun is None:  # "20% less fuel": the comparative describes the noun after it
        after = doc[figure.end] if figure.end < len(doc) else None
        return grammar.comparatives_after.get(after.lower_) if after is not None \
            and after.dep_ == "amod" and after.head.i > after.i else None
    if noun.lemma_.lower() in grammar.change_nouns:
        return None
    between = [t for t in doc[figure.end : noun.i] if t.lower_ in grammar.comparatives_after
               and doc[t.i - 1].lower_ not in ("or", "and")]  # "10 or more people": a bound
    return grammar.comparatives_after[between[0].lower_] if between else None


def _up_for(word: Token, noun: Token | None) -> bool:
    """"24 Senate seats up in November": a count "up" for something, not risen."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return noun is not None and word.lower_ in ("up", "down") and following is not None \
        and following.lower_ in ("in", "for", "at")


_PRESENT = frozenset({"VB", "VBP", "VBZ"})


def bound(figure: Span, grammar: FigureGrammar) -> str | None:
    """'>' when the figure is what a verb like "exceeded" or "topped" passes, or counts
    it ("a petition tops 100,000 signatures"); '>=' for what one still needs."""
    anchor = figure.root
    if anchor.dep_ == "nummod" and anchor.head.i >= figure.end:
        anchor = anchor.head
    verb = anchor.head
    if anchor.dep_ == "npadvmod" and verb.pos_ == "VERB" and verb.lemma_.lower() in \
            grammar.comparison_verbs and not any(t.dep_ == "dobj" for t in verb.children):
        return grammar.comparison_verbs[verb.lemma_.lower()]  # "Turnout exceeded 60
        # percent": the parser's npadvmod there is the object a comparison verb passes
    if anchor.dep_ == "dobj" and verb.pos_ == "VERB":
        lemma = verb.lemma_.lower()
        if verb.tag_ in _PRESENT and lemma in grammar.threshold_verbs:
            return grammar.threshold_verbs[lemma]  # "now needs 61 percent to reach it"
        return grammar.comparison_verbs.get(lemma)
    if anchor.dep_ == "pobj" and verb.lower_ == "to" and verb.i == figure.start - 1 \
            and verb.head.pos_ == "VERB":  # not "limited to well below 2C": that bound stays
        return grammar.cap_verbs.get(verb.head.lemma_.lower())  # "limiting capacity to 15
    return None  # rounds": the most allowed ("cap output at 38 jets" names the cap: =)


def negated(figure: Span, bound_start: int) -> bool:
    """The verb the figure belongs to is negated, itself or through the first of two verbs
    joined by "or" that share its subject: "never spoke longer than 30 minutes", "never took
    part in a debate with fewer than four candidates", "has never faced a race ... or raised
    more than $525,000"; not a verb above the figure's clause ("did not reveal that it
    provided more than $200,000"), nor one the figure is the subject of. Only a negation
    before the bound's words (at ``bound_start``) counts: "paid not quite 13 cents" is its
    own bound."""
    verb = figure.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "amod":
            break
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    else:
        return False
    if figure.start < verb.i:
        return False  # "more than 14,000 voters were not registered": more than 14,000
    doc = figure.doc
    if any(c.dep_ == "neg" and c.idx < bound_start and not any(
            t.like_num for t in doc[c.i + 1 : figure.start] if t.idx < bound_start)
           for c in verb.children):
        return True  # but "not more than 3 years old, or less than 5": the first's negation
    first = verb.head
    return verb.dep_ == "conj" and not _has_subject(verb) and any(
        c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in first.children
    ) and any(c.dep_ == "neg" for c in first.children)


def absolute_clause(verb: Token) -> Token | None:
    """The absolute clause a participle follows, which the parse hangs elsewhere: "with
    ASEAN being China's largest trading partner in 2023, accounting for $468.8bn" ->
    being; the participle is told of its subject (ASEAN), at its time (2023)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        return None
    before = verb.i - 1
    while before >= 0 and verb.doc[before].is_punct:
        before -= 1
    if before < 0:
        return None
    for token in (verb.doc[before], *verb.doc[before].ancestors):
        if token.i == verb.head.i:
            return None
        if token.dep_ == "pcomp" and token.head.lower_ in ("with", "without") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children
        ):
            return token
    return None


def subject(verb: Token | None) -> Span | None:
    """The verb's subject phrase (whose figure it is), climbing conjoined verbs, an
    absolute clause before a participle, a participle that is a preposition
    ("spent $4.5bn on hardware, including 98 jets": Japan's; not "compared with"
    another's figure), one that is a preposition's object ("Despite making a record
    profit, Qantas has argued": to a verb that tells of the same actor, not "used to
    playing"), an object tagged a verb, and a participle after a verb's object ("paid fines
    totalling $1.7m")."""
    while verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return _without_asides(subjects[0])
        absolute = absolute_clause(verb)
        if absolute is not None:
            verb = absolute
        elif verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
        elif verb.dep_ == "dobj" and verb.pos_ == "VERB" and verb.head.pos_ == "VERB":
            verb = verb.head  # "the Tate managed to raise £12.5m funding" (a noun tagged a
            # verb): the Tate's
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" \
                and verb.head.head.pos_ == "VERB":
            verb = verb.head.head  # "Infinity paid fines totalling $1.7m": Infinity's
        elif verb.dep_ == "prep" and verb.tag_ == "VBG" and verb.head.i != verb.i:
            verb = governing_verb(verb.head)
        elif verb.dep_ == "pcomp" and verb.head.pos_ in ("ADP", "SCONJ") \
                and _shares_subject(verb.head.head):
            verb = verb.head.head
        else:
            return None
    return None


_ASIDES = frozenset({"relcl", "appos", "acl", "advmod", "npadvmod", "amod", "advcl"})
_ASIDE_OPENERS = frozenset({",", "-", "–", "—"})


def _without_asides(head: Token) -> Span:
    """The subject's words up to an aside that commas or dashes enclose after its head
    ("Indonesia, which accepted the offer, owes", "Mr Blair, looking windswept, joined",
    "Agassi, now 34, has"): the aside describes whose the figure is but does not name
    it. A restrictive clause stays ("the waves which killed"), a list ("Lithuania, Latvia
    and Estonia") and a phrase no second comma closes ("The Jacksonville, Florida-based
    firm has") too."""
    doc = head.doc
    end = head.right_edge.i
    asides = sorted((c for t in (head, *head.conjuncts) for c in t.rights
                     if c.dep_ in _ASIDES), key=lambda t: t.i)
    for child in asides:
        opened = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text in _ASIDE_OPENERS
        last = child.right_edge.i
        closed = doc[last].text in _ASIDE_OPENERS or (
            last + 1 < len(doc) and doc[last + 1].text in _ASIDE_OPENERS)
        if opened and closed:
            end = child.left_edge.i - 2
            break
    tokens = [t for t in doc[head.left_edge.i : end + 1] if not t.is_punct]
    return doc[tokens[0].i : tokens[-1].i + 1] if tokens else doc[head.i : head.i + 1]


def _has_subject(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _shares_subject(verb: Token) -> bool:
    """The verb a preposition's participle hangs on tells of the same actor: it has a
    subject, or it is an adverbial clause or a conjunct that climbs to one ("swept into
    London to announce a deal after spending three days there")."""
    return _has_subject(verb) or (verb.pos_ == "VERB" and verb.dep_ in ("advcl", "conj"))


_TARGET_PREPS = ("of", "on", "in", "for", "to")
_PHRASE_BREAKS = frozenset({",", ".", ";", ":", "(", ")", '"', "“", "”"})
_NOT_IN_A_PHRASE = ("det", "relcl", "appos", "punct", "cc", "acl", "advmod", "nummod",
                    "quantmod", "predet", "case")


def target(
    figure: Span, verb: Token | None, noun: Token | None, grammar: FigureGrammar,
    *, percent: bool = False, money: bool = False, period: bool = False,
) -> str | None:
    """What is measured: the whole a share is of ("35% of the airframe" -> share of
    airframe) or the figure's own prepositional object ("$468.8bn in trade"); the noun the
    figure counts or describes, with its modifiers ("30 Boeing 737-8 jets", "a 25% tariff
    on steel imports"); the subject whose level or change it is ("Core inflation eased to
    2.7%"); else a prepositional object or the object of its verb, or for money what it
    is for."""
    anchor = figure.root
    whole = _of_object(anchor)
    if whole is not None:  # a percentage of a whole measures a share of it
        share = percent and whole.head.lower_ == "of"
        return f"share of {_phrase(whole)}" if share else _phrase(whole)
    described = noun
    if described is None and anchor.dep_ in _COUNT_DEPS and anchor.head.i >= figure.end \
            and anchor.head.pos_ in ("NOUN", "PROPN"):
        described = anchor.head
    if described is not None:
        counted = _phrase(described, first=figure.end)
        participle = _acted_on(described, grammar) if described is noun else None
        return f"{counted} {participle}" if participle else counted
    if verb is not None:
        own = {t.i for t in anchor.subtree} | {t.i for t in figure} | {t.head.i for t in figure}
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i not in own
                   and c.pos_ in ("NOUN", "PROPN")]
        if objects:  # "cut its deposit rate by 25 basis points to 3.25%"
            return _phrase(objects[0])
    owner = _measured_subject(anchor, verb, grammar)
    if owner is not None:
        return _phrase(owner)
    if verb is not None:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPS:
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects and objects[0].ent_type_ not in _NOT_TARGETS \
                        and objects[0].pos_ in ("NOUN", "PROPN"):
                    return _phrase(objects[0])
        purpose = _purpose_object(verb) if money else None
        if purpose is not None:
            return _phrase(purpose)
        if not percent:
            return _verb_noun(anchor, verb, grammar, period=period)
    return None


def _acted_on(noun: Token, grammar: FigureGrammar) -> str | None:
    """The participle of the verb whose object a count is: "lost 18,000 jobs" (jobs
    lost), "870,000 children were vaccinated" (children vaccinated)."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    return grammar.counted_verb_participles.get(verb.lemma_.lower())


def _verb_noun(anchor: Token, verb: Token, grammar: FigureGrammar, *, period: bool
               ) -> str | None:
    """An amount its verb's subject spends, costs or travels, named by the verb's noun:
    "Visitors spent ¥8.1 trillion" -> visitor spending; "Each interceptor costs
    €400,000" -> interceptor cost; a period only as a duration ("the test takes 12
    weeks", not "spent 15 years in prison")."""
    noun = grammar.verb_nouns.get(verb.lemma_.lower())
    if noun is None or anchor.head.i != verb.i or anchor.dep_ not in ("dobj", "attr",
                                                                      "npadvmod"):
        return None  # not the period of "cost $374bn over 10 years"
    if period != (noun == "duration"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                and c.pos_ in ("NOUN", "PROPN")]
    if not subjects:
        return noun
    owner = subjects[0]
    words = _phrase(owner).split()
    if words and words[-1] == owner.text and owner.tag_ in ("NNS", "NNPS"):
        words[-1] = owner.lemma_  # "visitor spending", not "visitors spending"
    return " ".join([*words, noun])


def _purpose_object(verb: Token) -> Token | None:
    """The object of what the money is for: "requested ¥5.96bn (for) to strengthen
    cyberattack countermeasures", "pledged Rs 4,500 crore to repair roads"."""
    for child in verb.children:
        clauses = [child] if child.dep_ in ("advcl", "xcomp") else [
            c for c in child.children if c.dep_ == "pcomp"
        ] if child.dep_ == "prep" and child.lower_ == "for" else []
        for clause in clauses:
            if clause.pos_ != "VERB" or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
            ):
                continue
            objects = [c for c in clause.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            if objects:
                return objects[0]
    return None


def _of_object(anchor: Token) -> Token | None:
    """The object of the figure's own preposition: "35% of the airframe", "$468.8 billion
    in trade"."""
    for prep in anchor.children:
        if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPS:
            objects = [c for c in prep.children if c.dep_ == "pobj"
                       and c.ent_type_ not in _NOT_TARGETS]
            if objects:
                return objects[0]
    return None


def _measured_subject(anchor: Token, verb: Token | None, grammar: FigureGrammar) -> Token | None:
    """The subject of the verb whose level or change the figure is ("Core inflation eased
    to 2.7%", "The portfolio is worth €1.6 trillion"); not the agent of a verb that acts
    on the figure ("Congress pledged Rs 4,500 crore"), not a pronoun, not the figure."""
    if verb is None or anchor.dep_ in ("nsubj", "nsubjpass") or anchor.head.dep_ in (
        "nsubj", "nsubjpass"
    ) or verb.lemma_.lower() not in grammar.level_verbs | grammar.state_verbs:
        return None
    while verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            found = subjects[0]
            return found if found.pos_ in ("NOUN", "PROPN") else None
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _phrase(noun: Token, first: int | None = None) -> str:
    """A noun with its modifiers and a short prepositional phrase after it, without
    determiners, numbers, superlatives, relative clauses or appositions: "the 20 countries
    that share the euro" -> countries; "a 25% tariff on steel and aluminium imports" ->
    tariff on steel and aluminium imports; "its largest ever budget request" -> budget
    request."""
    doc = noun.doc
    left = [t for t in noun.lefts if t.tag_ not in ("JJS", "JJR") and (
        (t.dep_ not in _NOT_IN_A_PHRASE and not t.like_num and t.dep_ != "poss")
        or (t.dep_ == "poss" and t.pos_ == "PROPN")
    )]  # not "largest ever": a judgement, not the concept
    start = min([t.left_edge.i for t in left] + [noun.i])
    if first is not None:
        start = max(start, first)
    end = noun.i + 1
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPS:
            tail = list(prep.subtree)
            if len(tail) <= 6 and not any(
                t.ent_type_ in _NOT_TARGETS or t.like_num or t.is_currency for t in tail
            ):  # "tariff on imported rice", not "revenue of £287.4m"
                end = tail[-1].i + 1
            break
    tokens = [t for t in doc[start:end] if not (_another_count(t) and doc[t.i - 1].text != "-"
                                                and doc[t.i + 1 : t.i + 2].text != "-")
              and t.dep_ not in ("det", "predet", "advmod") and t.tag_ not in ("JJS", "JJR")
              and t.text not in _PHRASE_BREAKS]
    if not tokens:
        return noun.text
    # a dropped comma leaves no space: "the Ford Fusion, made in Mexico"
    return "".join(t.text + (t.whitespace_ or (" " if i + 1 < len(tokens)
                                                and tokens[i + 1].i > t.i + 1 else ""))
                   for i, t in enumerate(tokens)).strip()
