"""Where the body of a text starts when its headline runs into the first sentence.

Scraped news often comes as one line, headline and body run together ("Labour accused of
broken pledge Labour has already broken its pre-election promise ..."): no component may
read a speaker, a cue or a stance out of the headline, so they all ask here where it ends.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token

from pipeline.components import once

_HEADLINE_TOKENS = 10
_FUNCTION_TAGS = frozenset(("IN", "DT", "PRP$", "CC", "TO", "WDT", "POS"))
_ARTICLES = frozenset(("The", "A", "An"))
_NAME_TAGS = frozenset(("NNP", "NNPS"))
_COMMON_ENTITIES = frozenset(("", "CARDINAL", "ORDINAL"))  # "Two of", not "India plant"
_DESCRIPTOR_TAGS = frozenset(("NN", "NNS", "JJ", "CD", "POS", "HYPH"))
_DESCRIPTOR_TOKENS = 5
_MODIFIER_DEPS = frozenset(("amod", "det", "nummod", "poss", "advmod"))
_ENDS: WeakKeyDictionary[Doc, int] = WeakKeyDictionary()


def _hangs_on_the_word_before(token: Token) -> bool:
    """The phrase ``token`` starts is the word before's object or complement ("said |
    Friday", "told | Reuters", "said | Republicans would win"), not a clause of its own
    run on to a headline ("... broken pledge | Labour has already broken ...")."""
    top = token
    while top.head.i != top.i and top.head.i >= token.i:
        top = top.head
    return top.head.i == token.i - 1


def _opens_a_noun_phrase(token: Token) -> bool:
    """A capitalised article or common word before a lower-case word ("ministers | The
    UK's top judge", "auction | A saxophone belonging to", "deaths' | Pensioners are",
    "fears | Rising oil prices"): BBC headlines are in sentence case, so it opens a
    sentence, whatever the parser hung it on; a title ("told The Times") goes on in
    capitals, and a name the tagger took for a common word ("back | Aviator for",
    "said | Democratic lawmakers") is an entity."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    if following is None or not following.text[:1].islower():
        return False
    return token.text in _ARTICLES or (
        token.text[:1].isupper() and token.tag_ not in _NAME_TAGS and token.text != "I"
        and token.ent_type_ in _COMMON_ENTITIES)


def _short_name_opens_a_clause(token: Token) -> bool:
    """A name of one or two words after a noun, the subject of a perfect, a modal, a
    progressive or a passive, or a possessor ("taxes | Gordon Brown has failed",
    "warning | General Motors has warned", "listing | Ferrari could be", "swap |
    Argentina is set", "record | Ethiopia's Tirunesh Dibaba"): BBC bodies open so; a
    longer run of capitals holds the headline's last words ("play Aussie Open | Kim
    Clijsters has denied")."""
    before = token.doc[token.i - 1]
    if before.tag_ in ("VB", "VBD", "VBN", "VBZ", "VBP", "MD"):
        return False
    end = token.i
    while end < min(len(token.doc), token.i + 2) and token.doc[end].pos_ == "PROPN":
        end += 1
    rest = token.doc[end : end + 2]
    return (end > token.i and len(rest) == 2
            and ((rest[0].lower_ in ("has", "have") and rest[1].tag_ == "VBN")
                 or rest[0].tag_ in ("POS", "MD")
                 or (rest[0].lower_ in ("is", "are") and rest[1].tag_ in ("VBN", "VBG"))))


def headline_end(doc: Doc) -> int:
    """:func:`_headline_end`, worked out once per Doc (the attribution component, the
    resolver's ``_lead`` for each office it resolves and the stance candidates all ask;
    no component moves a token after the parser)."""
    return once.kept(_ENDS, doc, _headline_end)


def _headline_end(doc: Doc) -> int:
    """Where the body starts (a character offset) when a headline runs into the first
    sentence with no break ("Labour accused of broken pledge Labour has already broken
    its pre-election promise ...", as BBC texts come); 0 when there is none. The headline
    ends at the last switch from a lower-case word or a closing quote to a capitalised
    word among the first ten (not inside a name, not after a preposition or a
    determiner, not the object or complement of the word before unless it is a
    capitalised article or common word before a lower-case one, or a short name that
    opens a clause, which open a sentence whatever the parser made of them: BBC
    headlines are short and in sentence case), moved back to the start of a descriptor
    before the body's first name (:func:`_descriptor_start`: "recall | Former France
    centre Philippe Sella"). With no such switch, a name that repeats the headline's
    subject may start the body inside a run of capitalised words
    (:func:`_repeated_name`). Where the parser already ended the first sentence at the
    headline (a few words with no closing punctuation: "Microsoft sues Google over
    patent | The firm said ..."), the body starts at the second, unless such a common
    word opens it inside the first ("Lib Dems highlight problem debt | People
    vulnerable to problem debts | should"). A first line of its own is left alone: a
    title there is a sentence of its own already."""
    if not len(doc):
        return 0
    sentences = doc.sents
    first = next(sentences)
    text = once.text(doc)
    line_end = text.find("\n")
    if line_end == -1:
        line_end = len(text)
    if line_end < first.end_char:
        return 0
    second = next(sentences, None)
    switch = _last_switch(doc, first.end)
    if (second is not None and len(first) <= _HEADLINE_TOKENS and not first[-1].is_punct
            and text[second.end_char : line_end].strip()  # not a title line cut in two
            and not (switch is not None and _opens_a_noun_phrase(switch))):
        return second.start_char
    if switch is None:
        return _repeated_name(doc, first.end)
    return doc[_descriptor_start(switch)].idx


def _last_switch(doc: Doc, first_end: int) -> Token | None:
    """The last switch from a lower-case word or a closing quote to a capitalised word
    that may open the body among the first ten (see :func:`_headline_end`); None when
    there is none."""
    end = None
    for token in doc[2 : min(first_end, _HEADLINE_TOKENS + 1)]:
        if (_after_a_headline_word(token) and token.text[:1].isupper()
                and (_opens_a_noun_phrase(token) or _short_name_opens_a_clause(token)
                     or not _hangs_on_the_word_before(token))):
            end = token
    return end


def _after_a_headline_word(token: Token) -> bool:
    """The word before ``token`` may end a headline: a lower-case word or a closing quote
    ("'Brainwave' | cap"; a possessive tag there is the quote), not a preposition, a
    determiner or a name."""
    before = token.doc[token.i - 1]
    word = token.doc[token.i - 2]  # a quoted headline word, not a quotation
    closing = (before.is_quote and not word.is_punct and not word.whitespace_
               and before.whitespace_)
    return closing or (before.is_lower and before.tag_ not in _FUNCTION_TAGS
                       and before.pos_ != "PROPN")


def _descriptor_start(name: Token) -> int:
    """Where a descriptor before the body's first name starts ("recall | Former France
    centre Philippe Sella", "hope | Arsenal boss Arsene Wenger", "'left books alone' |
    Former Worldcom boss Bernie Ebbers"): a run of up to five capitalised words, nouns,
    adjectives and numbers ending in a lower-case noun that the parser hangs on the name
    or after it, whose first capitalised word follows a headline word; not the object of
    a verb before it nor modified by the word before it, and not opened by a person's
    name ("answer GB call | Paula Radcliffe", "build new India plant | South Korea's
    Hyundai", "rule out Jol move | Ajax have" are the headline's). ``name.i`` when there
    is none."""
    doc = name.doc
    head = doc[name.i - 1]
    if not (name.pos_ == "PROPN" and head.is_lower and head.tag_ in ("NN", "NNS", "CD")
            and head.head.i >= name.i):  # a title of the name, not an object before it
        return name.i
    for i in range(name.i - 2, max(1, name.i - 1 - _DESCRIPTOR_TOKENS), -1):
        token = doc[i]
        if not (token.text[:1].isupper() or token.tag_ in _DESCRIPTOR_TAGS):
            return name.i
        if token.text[:1].isupper() and _after_a_headline_word(token):
            return i if _opens_a_descriptor(token, name) else name.i
    return name.i


def _opens_a_descriptor(token: Token, name: Token) -> bool:
    """``token`` after a headline word opens the descriptor of ``name``: it is no person
    ("rule out Jol move | Ajax have"), the word before modifies nothing inside the
    descriptor ("build new India plant | South Korea's") and, a verb, does not take it as
    its object ("answer GB call | Paula Radcliffe")."""
    before = token.doc[token.i - 1]
    return (token.ent_type_ != "PERSON"
            and not (before.dep_ in _MODIFIER_DEPS and token.i <= before.head.i < name.i)
            and not (before.tag_.startswith("VB") and _hangs_on_the_word_before(token)))


def _repeated_name(doc: Doc, first_end: int) -> int:
    """Where the body starts at a name that repeats the headline's subject and opens a
    clause, inside a run of capitalised words that the rule above reads as one name
    ("Kinnock to urge reform in Lords | Neil Kinnock has said", "Sayeed to stand down as
    Tory MP | Tory MP Jonathan Sayeed is", "Blair says mayor should apologise | Tony
    Blair has urged"): the first name before the repeated one starts it, among the first
    ten words, not after a preposition or a determiner ("trader with Japan | China
    overtook"); 0 when there is none."""
    subject = {t.lower_ for t in doc[:2] if t.text[:1].isupper() and not t.is_stop}
    for token in doc[3 : min(first_end - 1, _HEADLINE_TOKENS + 2)]:
        name, before = doc[token.i - 1], doc[token.i - 2]
        if (token.lower_ in subject and token.pos_ == "PROPN" and name.pos_ == "PROPN"
                and name.text[:1].isupper() and name.lower_ not in subject
                and before.tag_ not in _FUNCTION_TAGS
                and doc[token.i + 1].pos_ in ("VERB", "AUX")):
            return name.idx
    return 0
