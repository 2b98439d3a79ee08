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
    """A capitalised article before a lower-case word ("ministers | The UK's top judge",
    "auction | A saxophone belonging to"): it opens a sentence, whatever the parser hung
    it on; a title ("told The Times") goes on in capitals."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return (token.text in _ARTICLES and following is not None
            and following.text[:1].islower())


def _opens_a_perfect(token: Token) -> bool:
    """A name of one or two words after a noun, the subject of a perfect ("taxes | Gordon
    Brown has failed", "warning | General Motors has warned"): BBC bodies open so; a
    longer run of capitals holds the headline's last words ("play Aussie Open | Kim
    Clijsters has denied")."""
    before = token.doc[token.i - 1]
    if before.tag_ in ("VB", "VBD", "VBN", "VBZ", "VBP", "MD"):
        return False
    end = token.i
    while end < min(len(token.doc), token.i + 2) and token.doc[end].pos_ == "PROPN":
        end += 1
    rest = token.doc[end : end + 2]
    return (end > token.i and len(rest) == 2 and rest[0].lower_ in ("has", "have")
            and rest[1].tag_ == "VBN")


def headline_end(doc: Doc) -> int:
    """:func:`_headline_end`, worked out once per Doc (the attribution component, the
    resolver's ``_lead`` for each office it resolves and the stance candidates all ask;
    no component moves a token after the parser)."""
    found = _ENDS.get(doc)
    if found is None:
        found = _ENDS[doc] = _headline_end(doc)
    return found


def _headline_end(doc: Doc) -> int:
    """Where the body starts (a character offset) when a headline runs into the first
    sentence with no break ("Labour accused of broken pledge Labour has already broken
    its pre-election promise ...", as BBC texts come); 0 when there is none. The headline
    ends at the last switch from a lower-case word or a closing quote to a capitalised
    word among the first ten (not inside a name, not after a preposition or a
    determiner, not the object or complement of the word before unless it is a
    capitalised article or a short name that is the subject of a perfect, which open a
    sentence whatever the parser made of them): BBC headlines are short. With no such
    switch, a name that repeats the headline's subject may start the body inside a run
    of capitalised words (:func:`_repeated_name`). Where the parser already ended the
    first sentence at the headline (a few words with no closing punctuation: "Microsoft
    sues Google over patent | The firm said ..."), the body starts at the second. A
    first line of its own is left alone: a title there is a sentence of its own
    already."""
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
    if (second is not None and len(first) <= _HEADLINE_TOKENS and not first[-1].is_punct
            and text[second.end_char : line_end].strip()):  # not a title line cut in two
        return second.start_char
    end = 0
    for token in doc[2 : min(first.end, _HEADLINE_TOKENS + 1)]:
        before = doc[token.i - 1]
        word = doc[token.i - 2]  # a quoted headline word ("'Brainwave' cap"), not a quotation
        closing = (before.is_quote and not word.is_punct and not word.whitespace_
                   and before.whitespace_)
        if ((before.is_lower or closing) and token.text[:1].isupper()
                and before.tag_ not in _FUNCTION_TAGS and before.pos_ != "PROPN"
                and (_opens_a_noun_phrase(token) or _opens_a_perfect(token)
                     or not _hangs_on_the_word_before(token))):
            end = token.idx
    return end or _repeated_name(doc, first.end)


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
