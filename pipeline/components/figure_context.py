"""What the dependency parse says about a figure: the noun it counts, the verb that
governs it, whose it is (subject), what is measured (target) and whether it is a change.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.components.figure_grammar import FigureGrammar

_NOT_TARGETS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_COUNT_DEPS = ("nummod", "quantmod", "compound", "amod")


def counted_noun(anchor: Token, grammar: FigureGrammar) -> Token | None:
    """The noun a bare number counts ("98 F-15 fighter jets" -> jets), if any; a plural
    noun right after the number when the parse is lost (title-case headlines)."""
    noun = anchor.head if anchor.dep_ in _COUNT_DEPS else None
    if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.i > anchor.i:
        return noun
    following = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    if following is not None and following.tag_ in ("NNS", "NNPS"):
        return following
    return None


def count_unit(anchor: Token, noun: Token, grammar: FigureGrammar) -> str:
    """The singular counted noun with its descriptive words: "37 electronic voting
    machines" -> electronic voting machine; "six additional IRIS-T batteries" -> battery."""
    words = [
        t.lower_
        for t in anchor.doc[anchor.i + 1 : noun.i]
        if t.is_alpha and t.pos_ in ("NOUN", "ADJ", "VERB") and t.lower_ not in grammar.count_skip
        and t.head.i in (noun.i, *[c.i for c in noun.lefts])
    ]
    lemma = noun.lemma_.lower()
    if noun.tag_ in ("NNS", "NNPS") and lemma == noun.lower_ and lemma.endswith("s"):
        lemma = lemma[:-1]  # title-case plurals ("77 Jets") keep their surface as lemma
    return " ".join([*words, grammar.singular(lemma)])


def governing_verb(anchor: Token) -> Token | None:
    token = anchor
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def change(first: Token, anchor: Token, grammar: FigureGrammar) -> str | None:
    """'up' or 'down' when the figure is the size of a change: "rose 5%", "jumped nearly
    30%", "cut by half a point", "a 20% drop"; not the level reached ("fell to 39%")."""
    before = first.i - 1
    skip = {word for word in grammar.approx if " " not in word} | {"by"}
    while before >= 0 and first.doc[before].lower_ in skip:
        before -= 1
    if before >= 0:
        word = first.doc[before]
        if word.lower_ in ("up", "down") and word.dep_ != "prt":  # not "racked up $5m"
            return word.lower_
        if word.pos_ == "VERB" and word.lemma_.lower() in grammar.change_verbs:
            return grammar.change_verbs[word.lemma_.lower()]
    head, via = anchor.head, None
    if anchor.dep_ == "pobj":
        head, via = anchor.head.head, anchor.head.lower_
    if via not in (None, "by"):
        return None
    if head.pos_ == "VERB":
        return grammar.change_verbs.get(head.lemma_.lower())
    if head.pos_ == "NOUN" and head.i > anchor.i:  # "a 20% drop"
        return grammar.change_nouns.get(head.lemma_.lower())
    return None


def subject(verb: Token | None) -> tuple[str | None, tuple[int, int] | None]:
    """The verb's subject phrase (whose figure it is), climbing conjoined verbs."""
    while verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            tokens = [t for t in subjects[0].subtree if t.dep_ not in ("relcl", "appos")]
            tokens = [t for t in tokens if not t.is_punct] or list(subjects[0].subtree)
            span = subjects[0].doc[tokens[0].i : tokens[-1].i + 1]
            if span.root.pos_ == "PRON" and span.root.lower_ in ("it", "this", "that"):
                return None, None
            return span.text, (span.start_char, span.end_char)
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            return None, None
    return None, None


def target(anchor: Token, verb: Token | None) -> str | None:
    """What is measured: a prepositional object of the figure or its verb that is not a
    time or another figure; else the noun the figure modifies; else the verb's object."""
    for head in (anchor, verb):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "of", "for", "to"):
                continue
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects and objects[0].ent_type_ not in _NOT_TARGETS:
                tokens = list(objects[0].subtree)
                if len(tokens) <= 8:
                    return anchor.doc[tokens[0].i : tokens[-1].i + 1].text
    if anchor.head.i != anchor.i and anchor.head.pos_ == "NOUN":
        return anchor.head.lemma_.lower()
    if verb is not None:
        own = {t.i for t in anchor.subtree} | {anchor.head.i}
        for noun in verb.children:
            if noun.dep_ in ("dobj", "attr") and noun.i not in own and noun.pos_ == "NOUN":
                compounds = [w.lower_ for w in noun.lefts if w.dep_ == "compound"]
                return " ".join([*compounds, noun.lemma_.lower()])
    return None
