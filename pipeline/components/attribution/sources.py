"""Where a source span starts and ends: past a headline run into the article's first
sentence or a verb that opens it, over the bracket its own words opened, and before a
quotation it runs into."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from pipeline import resources
from pipeline.annotations import Span
from pipeline.components import quotes as quoting
from pipeline.components.attribution.linking import EDGE

_DESCRIBING = frozenset(("relcl", "acl"))
"""How a clause describing a noun hangs on it: "whose programme inspired the opera"."""


def past_the_headline(doc: Doc, span: Span) -> Span:
    """A source in the article's first sentence that holds a finite verb took in a
    headline run into the first sentence ("Milburn defends poster campaign
    Labour's election chief Alan Milburn has defended ..."): it starts after that verb,
    not one of a clause describing the speaker ("host Jerry Springer, whose programme
    inspired the opera, has said")."""
    source = doc.char_span(*span, alignment_mode="expand")
    if source is None or not len(source) or quoting.sentence_start(doc, source.start) != 0:
        return span
    verbs = [t for t in source[:-1] if t.tag_ in ("VBZ", "VBD", "VBP") and not any(
        a.dep_ in _DESCRIBING for a in (t, *t.ancestors) if a.i >= source.start)]
    if not verbs:
        return span
    rest = doc[verbs[-1].i + 1 : source.end]
    return (rest.start_char, rest.end_char) if len(rest) else span


def with_closing_bracket(text: str, span: Span) -> Span:
    """A source that opened a bracket takes the bracket that closes right after it: "The
    Japanese Rugby Football Union (JRFU)", "Rep. Gwen Moore (D-Wis.)", not "... (JRFU",
    which the tagger leaves when it stops before the mark."""
    words = text[span[0] : span[1]]
    if words.count("(") > words.count(")") and text[span[1] : span[1] + 1] == ")":
        return span[0], span[1] + 1
    return span


def before_a_quotation(text: str, span: Span, quotes: list[Span]) -> Span:
    """A source that runs into a quotation going on past it ends before the quotation's
    mark ('said Sella, "which Laporte is doing very well': Sella): the quoted words are
    what was said, never who said it."""
    opened = [q[0] for q in quotes if span[0] < q[0] < span[1] < q[1]]
    if not opened:
        return span
    end = len(text[: opened[0]].rstrip(EDGE))
    return (span[0], end) if end > span[0] else span


def past_a_leading_verb(doc: Doc, span: Span) -> Span:
    """A source that opens with a participle before the speaker's name took in the clause
    before it ("Commenting Mr Macklin said", which the parser makes one name; "Speaking
    after the vote, Bob Neill"): it starts at the name's phrase. A qualifier of an office
    ("Acting President X") or a participle the phrase holds ("Retired general X") stays."""
    source = doc.char_span(*span, alignment_mode="expand")
    if source is None or len(source) < 2:
        return span
    first, root = source[0], source.root
    if first.tag_ not in ("VBG", "VBN") or (
            first.lower_ in resources.words("cues", "title_qualifiers")):
        return span
    if root.left_edge.i > first.i:
        start = root.left_edge.i  # the clause is no part of the phrase
    elif root.tag_ == "NNP" and source[1].tag_ == "NNP" and first.tag_ == "VBG":
        start = first.i + 1  # "Commenting Mr Macklin"
    else:
        return span
    rest = doc[start : source.end]
    return rest.start_char, rest.end_char


_ASIDE = frozenset(("prep", "advmod", "npadvmod", "advcl", "mark", "parataxis", "pobj", "ROOT"))
"""How words that are no part of the speaker's phrase hang in its clause: "on Saturday",
"just this month", "speaking to ...", "[with 50 days until] the election", or a clause of
their own ("The spot concludes with footage of [Trump] saying")."""

_TIMES = frozenset(("DATE", "TIME"))


def within_its_phrase(doc: Doc, span: Span, cue: Span) -> Span:
    """A source the tagger ran over words that hang elsewhere in the clause keeps only the
    speaker's phrase: "[In November] the British Medical Association said", "Wells Fargo
    [just this month] announced", "Mr Howard [last week] said", "who [in 2010] said", as
    PolNeAR marks them. Only when one of the source's top words is no such aside: two
    subjects ("The family, protesters ... have been demanding") stay, and so do a noun the
    parser hung on the verb ("of media consultancy Decipher"), a phrase naming a person
    ("Treasury Under Secretary John Taylor") or a capitalised word ("analysts In-Stat/MDR")
    and the object of the cue's own preposition ("according to Jupiter Research")."""
    source = doc.char_span(*span, alignment_mode="expand")
    if source is None or len(source) < 2:
        return span
    tops = [t for t in source if not t.is_punct
            and not (source.start <= t.head.i < source.end and t.head.i != t.i)]
    speakers = [t for t in tops if not _aside(t, cue)]
    if len(tops) < 2 or len(speakers) != 1:
        return span
    inside = [t.i for t in speakers[0].subtree if source.start <= t.i < source.end]
    kept = doc[inside[0] : inside[-1] + 1]
    return kept.start_char, kept.end_char


def _aside(top: Token, cue: Span) -> bool:
    if top.dep_ not in _ASIDE:
        return False
    if top.dep_ in ("advmod", "npadvmod"):
        return top.pos_ == "ADV" or top.ent_type_ in _TIMES
    if top.dep_ == "pobj":
        return not cue[0] <= top.head.idx < cue[1]  # not "according to [X]"
    if top.dep_ != "prep":
        return True
    named = top.is_title and not top.is_sent_start  # "In-Stat/MDR" parsed as "In"
    return not named and not any(t.ent_type_ == "PERSON" for t in top.subtree)


def before_a_time(doc: Doc, span: Span) -> Span:
    """A source that ends on a time the parser hung on the speaker's noun ("The
    52-year-old [on Tuesday] said", "Mr Howard [last week] said") ends before it: when
    something was said is no part of who said it. A time that is the phrase's own word
    ("The 52-year-old") stays, and so does one that says which ("an ad in 2008", as
    PolNeAR marks it) or hangs deeper in the phrase ("a poll released last week")."""
    source = doc.char_span(*span, alignment_mode="expand")
    if source is None or len(source) < 2:
        return span
    time = next((e for e in doc.ents if e.end == source.end and e.label_ in _TIMES
                 and e.start > source.start + 1), None)
    if time is None:
        return span
    end, root = time.start, source.root
    if doc[end - 1].lower_ == "on" and doc[end - 1].head.i == root.i:
        end -= 1  # "on Tuesday"
    elif time.root.dep_ not in ("npadvmod", "tmod") or time.root.head.i != root.i:
        return span
    kept = doc[source.start : end]
    while len(kept) > 1 and kept[-1].is_punct:
        kept = kept[:-1]
    return kept.start_char, kept.end_char


_PLACES_AND_TIMES = frozenset(("GPE", "LOC", "FAC", "DATE", "TIME", "EVENT"))


def at_the_named_person(doc: Doc, span: Span) -> Span:
    """A source whose head the parser took from a place or a time before the speaker's
    name, or from a preposition's object the source opens with, the name hung on it as an
    apposition after a comma or dash ("WASHINGTON -- President Obama said", "With 50 days
    until [the election,] Minyon Moore, a senior adviser, called"): it starts at the name.
    A noun for a speaker ("The minister, John Smith,") keeps its name."""
    source = doc.char_span(*span, alignment_mode="expand")
    if source is None or len(source) < 3:
        return span
    root = source.root
    if root.ent_type_ not in _PLACES_AND_TIMES and not (
            source.start and doc[source.start - 1].pos_ in ("ADP", "SCONJ")):
        return span
    named = next((c for c in root.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                  and c.i < source.end and doc[c.left_edge.i - 1].is_punct), None)
    return (named.left_edge.idx, span[1]) if named is not None else span


_NAMED = frozenset(("PERSON", "ORG", "NORP", "GPE"))


def at_the_phrase_nearest_the_cue(doc: Doc, span: Span) -> Span:
    """A source whose head is no speaker (a verb, a preposition, a thing) that the parser
    ran on into the speaker's phrase after "and" or "with" ("The US is struggling with a
    trade deficit and [analysts] said", "£6m for the midfielder and [Williams] has
    rejected", "a groin injury with [Rovers boss Mark Hughes] claiming") keeps that phrase,
    the one that ends where the source does, nearest the cue. A speaker's own phrase ("The
    guitarist with US rock band Korn", "Critics in the opposition and activists", "The
    survey, conducted by the Pew Internet and American Life Project") and a pair of names
    ("The feud between Tony Blair and Gordon Brown") stay."""
    source = doc.char_span(*span, alignment_mode="expand")
    if source is None or len(source) < 3 or _speaks(source.root):
        return span
    last = source.end - 1
    for token in reversed(source[1:]):
        joined = token.dep_ == "conj" and _speaks(token) and (
            token.head.ent_type_ not in _NAMED and token.head.pos_ != "PROPN")
        withed = token.dep_ == "pobj" and token.head.lower_ == "with" and (
            token.ent_type_ == "PERSON")
        if (joined or withed) and token.right_edge.i == last and (
                token.left_edge.i > source.start):
            return token.left_edge.idx, span[1]
    return span


def _speaks(token: Token) -> bool:
    """Whether a phrase headed by ``token`` can name a speaker: a pronoun, a name, or a
    noun for a person, group or body ("analysts", "the union"), or for what one issues
    ("The survey, conducted by the Pew Internet and American Life Project")."""
    return token.pos_ in ("PRON", "PROPN") or token.ent_type_ in _NAMED or (
        token.lemma_.lower() in _speaker_nouns())


@cache
def _speaker_nouns() -> frozenset[str]:
    """The nouns of ``models/cues.json`` that name a speaker or what one issues, merged
    once: ``_speaks`` asks of every word of a source."""
    cues = resources.load("cues")
    return frozenset().union(*(cues[key] for key in (
        "person_nouns", "group_nouns", "organisation_nouns", "company_nouns",
        "speaker_titles", "spokespeople", "publication_nouns", "document_nouns",
        "statement_nouns")))


def the_subject_instead(doc: Doc, source: tuple[int, int], cue: tuple[int, int],
                        quotes: list[Span]) -> Token | None:
    """The cue verb's other nominal subject, where the parser gave the verb two and the
    source (a token range) is the wrong one: words inside a quotation the cue stands
    outside ('"... either single tracks or subscriptions services," said Paul Myers'),
    or words before a tag whose subject follows its verb ("The tone of the campaign,
    said Mr Milburn, would be ...": the tag's subject speaks). None where the source is
    neither, or the verb has no such subject."""
    words = doc[source[0] : source[1]]
    if not len(words) or cue[1] <= cue[0]:
        return None
    verb = doc[cue[0] : cue[1]].root
    others = [c for c in verb.children if c.dep_ == "nsubj" and not source[0] <= c.i < source[1]]
    at = doc[cue[0]].idx
    if any(q[0] <= words.start_char and words.end_char <= q[1] and not q[0] <= at < q[1]
           for q in quotes):
        return next((c for c in others if not quoting.quoted(
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge)), quotes)), None)
    if source[1] <= cue[0]:
        return next((c for c in others if c.left_edge.i == cue[1]), None)  # "said Mr X"
    return None


def with_the_share(doc: Doc, span: Span) -> Span:
    """A source the tagger ended on a number a percent sign follows ("[70]% said", "with
    [12]% saying") takes the share's whole phrase: "70%", "45% of the Japanese people".
    A share names no speaker, but it is what the article gives; a group the sentence
    names apart ("Among the over-65s, 70% said") is left to the reader, not pasted in.
    Only where the source is the share's or holds it ("A majority of voters (68"): not
    a name the tagger ran on into it ("According to Jupiter Research 40")."""
    source = doc.char_span(*span, alignment_mode="expand")
    if source is None or source.end >= len(doc) or not source[-1].like_num:
        return span
    share = doc[source.end]
    if share.text != "%" or source[-1].head.i != share.i or not (
            source.start <= share.head.i < source.end
            or all(share.left_edge.i <= t.i for t in source)):
        return span  # "According to Jupiter Research 40% of homes ... say": another phrase
    end = doc[share.right_edge.i]
    return span[0], end.idx + len(end)
