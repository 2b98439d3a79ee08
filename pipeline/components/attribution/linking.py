"""Content that a cue's own clause does not hold: an adjacent quotation, a quotation
interrupted by its speaker, and a floating quotation after the statement. These are
PolNeAR's conventions, shared by the rules and the trained model.

Pure functions over the text and its quotation spans; they never raise.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from pipeline.annotations import Span
from pipeline.components import once
from pipeline.components import quotes as quoting
from pipeline.components.attribution.found import Found

EDGE = " \t\n,.;:!?\"“”‘’'«»-—–()"
"""Characters trimmed off a content span's edges."""

_CONTINUES = re.compile(r"[ \t]*,[ \t]*(?P<next>\S)")
_SENTENCE_END = re.compile(r"[.!?]")


def short_gap(between: str, words: int = 3, chars: int = 40) -> bool:
    """Only punctuation and at most ``words`` words ("on Tuesday") separate the two."""
    return len(between) < chars and len(between.strip(EDGE).split()) <= words


def adjacent_quote(text: str, quotes: list[Span], speaker: tuple[Span, Span]) -> Span | None:
    """A quotation right next to source and cue: '"...," she said', 'She said: "..."'. It
    may be a sentence of its own: spaCy often splits '"...," he said'."""
    start = min(s[0] for s in speaker)
    end = max(s[1] for s in speaker)
    for q_start, q_end in quotes:
        inner = text[q_start:q_end]  # without the comma or stop inside the marks
        if not inner.strip(EDGE):
            continue  # marks paired wrongly around punctuation ('". "'): no quotation
        if (q_end <= start and short_gap(text[q_end:start])) or (
            end <= q_start and short_gap(text[end:q_start])
        ):
            left = len(inner) - len(inner.lstrip(EDGE))
            return q_start + left, q_start + len(inner.rstrip(EDGE))
    return None


def continued(content: Span, speaker_end: int, text: str, quotes: list[Span],
              sent: SpacySpan) -> Span:
    """Content interrupted by its speaker goes on after it: '"A," he said. "B."', '"A," he
    said, "B."' and 'A, he said, B.' are one statement whose content runs from A to B, as
    annotators mark it."""
    if content[1] > speaker_end:
        return content
    quoted = any(s <= content[0] and content[1] <= e for s, e in quotes)
    after = next(((s, e) for s, e in quotes if s > speaker_end), None)
    if quoted and after is not None:
        gap = text[speaker_end : after[0] - 1]
        if gap.count("\n") <= 1 and short_gap(gap, words=6, chars=61):
            return content[0], len(text[: after[1]].rstrip(EDGE))
    follows = _CONTINUES.match(text, speaker_end)
    if quoted or follows is None or follows.start("next") >= sent.end_char:
        return content
    if not text[follows.start("next")].islower():
        return content
    return content[0], len(text[: sent.end_char].rstrip(EDGE))


def floating_quotes(text: str, quotes: list[Span], found: list[Found]) -> list[Found]:
    """A quotation that opens a sentence or paragraph and has no cue of its own belongs to
    the statement just before it, in the same or the previous paragraph ('Caddell told
    Breitbart how surprised he is. / "Obamacare is ..."'): that statement's content runs on
    to the quotation's end, as PolNeAR annotates it."""
    found = sorted(found, key=lambda f: f.content_span[1])
    for q_start, q_end in quotes:
        opening = text[max(0, q_start - 3) : q_start - 1].rstrip(" \t")
        if opening and opening[-1] not in ".!?\n":
            continue  # the quote is inside a sentence: a mixed quote, not a floating one
        if len(text[q_start:q_end].split()) < 4 or any(
                f.content_span[0] < q_end and q_start < f.content_span[1] for f in found):
            continue
        before = [k for k, f in enumerate(found)
                  if f.content_span[1] <= q_start and f.source_span is not None]
        if not before:
            continue
        last = found[before[-1]]
        content = last.content_span
        if text.count("\n", content[1], q_start) > 1 + text.count("\n\n", content[1], q_start):
            continue  # more than one paragraph away
        longer = (content[0], len(text[:q_end].rstrip(EDGE)))
        found = [replace(f, content_span=longer)
                 if f.cue_span == last.cue_span and f.content_span == content else f
                 for f in found]
    return found


_OPEN_GAP = re.compile(r"\s*(?:''|``|[\"“„«])")
"""What lies between a quotation left open and the next one: space and its opening mark."""


def through_open_quotations(text: str, found: list[Found], quotes: list[Span]) -> list[Found]:
    """Content that ends with a quotation left open (no closing mark, a stop before the
    next opening one) goes on to the end of that next quotation, and on while each is left
    open: news marks a quotation that runs over a paragraph break by leaving it open, and
    scraped text without its breaks reads 'told reporters: "A. "B."' (BBC's). A closed
    quotation ('"A." "B."') ends where it closes; :func:`within_reach` still stops the run
    before another statement's cue. A speaker label's content is its line alone (a
    transcript opens each turn with a mark: '"PENCE: A.\\n\\n"WALLACE: B.')."""
    out = []
    for each in found:
        end = each.content_span[1] if each.cue == ":" else _past_open_quotations(
            text, each.content_span, quotes)
        out.append(replace(each, content_span=(each.content_span[0], end)))
    return out


def _past_open_quotations(text: str, content: Span, quotes: list[Span]) -> int:
    """Where ``content`` ends once run on to the end of the quotation it opens with, when it
    stops at a stop inside it ('explained: "Steve has never been used. There's no need
    ..."': the quotation is what he explained), and then through the quotations left open
    there (:func:`through_open_quotations`)."""
    start, end = content
    k = next((k for k, (q_start, stop) in enumerate(quotes) if q_start < end <= stop), None)
    if k is None:
        return end
    if text[end : quotes[k][1]].strip(EDGE):
        if not (quotes[k][0] <= start and not text[quotes[k][0] : start].strip(EDGE)
                and text[end : end + 1] in _STOPS):
            return end
        end = len(text[: quotes[k][1]].rstrip(EDGE))
    while k + 1 < len(quotes):
        inner = text[quotes[k][0] : quotes[k][1]].rstrip()
        if not (inner.endswith(_STOPS)
                and _OPEN_GAP.fullmatch(text, quotes[k][1], quotes[k + 1][0])):
            break
        k += 1
        end = len(text[: quotes[k][1]].rstrip(EDGE))
    return end


_STOPS = (".", "!", "?")


def ends_a_sentence_before(text: str, content: Span, sentence_start: int) -> bool:
    """The content ends a sentence of its own before the cue's sentence (which starts at
    ``sentence_start``): the cue is not its ('"The plan is sound." He said ...'). A
    quotation that goes on with a comma ('"The plan is sound," he said') is the cue's,
    however spaCy splits it."""
    return (content[1] <= sentence_start
            and _SENTENCE_END.search(text, content[1], sentence_start) is not None)


def with_negation(doc: Doc, cue: tuple[int, int]) -> tuple[int, int]:
    """A negated cue keeps its negation ("what we don't want", "did not say"): the cue's
    token range grows left over the auxiliaries, adverbs and the negation its verb governs."""
    head = doc[cue[0] : cue[1]].root.i
    start = cue[0]
    while start > 0 and doc[start - 1].head.i == head and doc[start - 1].dep_ in (
            "aux", "neg", "advmod"):
        start -= 1
    negated = any(doc[i].dep_ == "neg" for i in range(start, cue[0]))
    return (start, cue[1]) if negated else cue


def within_reach(doc: Doc, found: list[Found], quotes: list[Span]) -> list[Found]:
    """Content that runs on past its cue's sentence stops before the first later sentence
    that holds no quotation or holds another statement's cue: news quotes a speaker for a
    few sentences, and text with no paragraph breaks (BBC's) would otherwise let a run-on
    swallow the article. A speaker label's content is the rest of its line ("PENCE: Well,
    look. We ..."), unquoted sentences and all."""
    starts = once.sentence_offsets(doc)
    text = once.text(doc)
    cues = sorted({f.cue_span for f in found})
    out = []
    for each in found:
        if each.cue == ":":
            out.append(each)
            continue
        start, end = each.content_span
        here = bisect.bisect_right(starts, each.cue_span[0]) - 1
        first = max(here + 1, bisect.bisect_right(starts, start))
        cut = end
        for k in range(first, len(starts)):
            if starts[k] >= end:
                break
            sentence = (starts[k], starts[k + 1] if k + 1 < len(starts) else len(text))
            other = any(sentence[0] <= c[0] < sentence[1] and c != each.cue_span for c in cues)
            if not quoting.quoted(sentence, quotes) or other:
                cut = starts[k]
                break
        if cut < end:
            cut = _before_own_tag(text, each, len(text[:cut].rstrip(EDGE)), quotes)
            if cut - start < 2:
                continue
            each = replace(each, content_span=(start, cut))
        out.append(each)
    return out


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s")
_CLOSED_SENTENCE = re.compile(r"\.[\"”’']?\s*$")


def past_a_closed_quote(doc: Doc, found: list[Found], quotes: list[Span]) -> list[Found]:
    """Content that runs across its own speech tag starts after the tag when what comes
    before the tag closed a sentence with a stop ('His message was: "Please don't." Sir
    Digby added: "I don't think he will."': the first quotation is not what he added), as
    it does when it opens with words nobody quoted in a sentence before the cue's. A
    quotation that goes on with a comma ('"A," he said. "B."') or closes on a question
    or exclamation the tag follows ('"Why?" he asked. "B."') stays whole, as PolNeAR
    marks it."""
    text = once.text(doc)
    out = []
    for each in found:
        tag = _tag(each)
        start, end = each.content_span
        if start < tag[0] and tag[1] < end and _CLOSED_SENTENCE.search(text, start, tag[0]):
            after = [q[0] for q in quotes if tag[1] <= q[0] < end]
            if after and text[tag[1] : after[0]].strip(EDGE) == "":
                start = after[0]
        elif start < tag[0] and not quoting.quoted((start, start + 1), quotes):
            # '... he added. ... "unfair taxes". "Almost ...," Mr Howard insisted.': from
            # the quotation that opens the tag's own sentence
            breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, start, tag[0])
                      if not quoting.quoted((b.start(), b.start() + 1), quotes)
                      and not _abbreviation(doc, b.start())]
            opening = [q[0] for q in quotes if breaks and breaks[-1] - 1 <= q[0] < tag[0]]
            if opening:
                start = opening[0]
        if start != each.content_span[0]:
            each = replace(each, content_span=(start, end))
        out.append(each)
    return out


def _abbreviation(doc: Doc, char: int) -> bool:
    """Whether the stop at ``char`` ends an abbreviation the tokenizer kept whole ("Mr.",
    "U.S.", "Mich."), no sentence."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    return token is not None and len(token) == 1 and len(token[0].text) > 1


def _before_own_tag(text: str, found: Found, cut: int, quotes: list[Span]) -> int:
    """Where content cut off at ``cut`` ends when its own speech tag closes it
    ('"A," she said. [cut] Earlier, she told ...', '"A," X told the BBC's programme.
    [cut]'): before the tag, which the component leaves out of a quotation it ends, when
    nothing quoted follows the tag; else ``cut``."""
    tag = _tag(found)
    if not found.content_span[0] < tag[0] < cut:
        return cut
    rest = text[tag[1] : cut].strip(EDGE)
    if rest and (quoting.quoted((tag[1], cut), quotes)
                 or not _speech_tag(text, tag, quotes) or _SENTENCE_END.search(rest)):
        return cut
    return len(text[: tag[0]].rstrip(EDGE))


def _tag(found: Found) -> Span:
    """A statement's speech tag: its cue with its source, wherever the two stand."""
    spans = [found.cue_span] + ([found.source_span] if found.source_span else [])
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _speech_tag(text: str, tag: Span, quotes: list[Span]) -> bool:
    """The tag stands outside quotation marks and closes quoted words that end with a
    comma, question or exclamation mark ('"A," he said'), or opens them after a colon or
    comma ('he said: "A"'); not a clause inside them, nor a sentence of its own after a
    quotation closed by a stop ('"... can." Some chemistries promise')."""
    if quoting.quoted(tag, quotes):
        return False
    for q_start, q_end in quotes:
        if q_end <= tag[0] and not text[q_end : tag[0]].strip(EDGE):
            words = text[q_start:q_end].rstrip(EDGE)
            between = text[q_start + len(words) : tag[0]]
            if any(c in between for c in ",?!") and "." not in between:
                return True
        elif tag[1] <= q_start and not text[tag[1] : q_start].strip(EDGE) and any(
                c in text[tag[1] : q_start] for c in ":,"):
            return True
    return False


def _all_quoted(text: str, span: Span, quotes: list[Span]) -> bool:
    """Every word in ``span`` is inside quotation marks: quoted words a tag closes, with no
    narration between them ('"B," he added', not 'B." Britain's jobless rate ... "C," he
    added')."""
    inside = sorted((max(q[0], span[0]), min(q[1], span[1])) for q in quotes
                    if q[0] < span[1] and span[0] < q[1])
    at = span[0]
    for start, end in inside:
        if text[at:start].strip(EDGE):
            return False
        at = max(at, end)
    return bool(inside) and not text[at : span[1]].strip(EDGE)


def apart_from_other_tags(doc: Doc, found: list[Found], quotes: list[Span]) -> list[Found]:
    """Content never runs across another statement's speech tag ('"A," he said. "B," he
    added': what he added is B, what he said A): content that holds another statement's
    tag before its own starts after that tag's clause (at the quotation the tag opens, else
    the next sentence, or its quotation after a colon), and content that runs on past its
    own tag into quoted words that another statement's tag closes, with no narration
    between, ends before them (when they open a sentence or follow its tag: not a phrase
    quoted inside its clause, 'calling Trump "an orange buffoon," Susan said'), and before
    its own tag when nothing of its own is left after it. A tag inside quoted words or
    beside none (a clause the content reports: 'said Jones had told him that ...') is no
    boundary."""
    text = once.text(doc)
    starts = once.sentence_offsets(doc)
    tags: dict[Span, Span] = {}
    for f in found:  # one tag per cue, over all its sources ("X, Y and Z said")
        tag, known = _tag(f), tags.get(f.cue_span)
        tags[f.cue_span] = tag if known is None else (min(tag[0], known[0]),
                                                      max(tag[1], known[1]))
    boundaries = sorted(t for t in set(tags.values()) if _speech_tag(text, t, quotes))
    if not boundaries:
        return found
    fixed = []
    for each in found:  # backwards: past another tag inside the content before its own
        own = tags[each.cue_span]
        start, end = each.content_span
        inner = [t for t in boundaries if start < t[0] and t[1] <= min(end, own[0])
                 and not (t[0] < own[1] and own[0] < t[1])]
        if inner:
            after = inner[-1][1]
            sentence = starts[bisect.bisect_right(starts, after)] if (
                bisect.bisect_right(starts, after) < len(starts)) else len(text)
            opened = [q[0] for q in quotes if after <= q[0] < own[0] and (
                q[0] < sentence or text[max(0, q[0] - 9) : q[0] - 1].rstrip().endswith(":"))]
            begin = opened[0] if opened else sentence
            if begin >= own[0]:
                begin = own[1]
            begin += len(text[begin:end]) - len(text[begin:end].lstrip(EDGE))
            if end - begin >= 2:
                each = replace(each, content_span=(begin, end))
        fixed.append(each)
    out, closing = [], set(boundaries)
    for each in fixed:  # forwards: short of quoted words another tag after its own closes
        own = tags[each.cue_span]
        start, end = each.content_span
        later = [o.content_span[0] for o in fixed if o.cue_span != each.cue_span
                 and own[1] < o.content_span[0] < end and tags[o.cue_span] in closing
                 and o.content_span[0] < tags[o.cue_span][0]
                 and _all_quoted(text, (o.content_span[0], tags[o.cue_span][0]), quotes)
                 and (text[o.content_span[0]].isupper()
                      or not text[own[1] : o.content_span[0]].strip(EDGE))]
        if later:
            cut = len(text[: min(later)].rstrip(EDGE))
            if start < own[0] and cut <= own[1]:
                cut = len(text[: own[0]].rstrip(EDGE))  # nothing of its own after its tag
            if cut - start >= 2:
                each = replace(each, content_span=(start, cut))
        out.append(each)
    return out


_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
_NOMINAL_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl"))
_SUBJECTS = _NOMINAL_SUBJECTS | {"csubj", "csubjpass"}


def has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own, a noun phrase or "there"/"it" ("that he
    was right", "and it fell"): a clause, not an infinitive or a verb sharing a subject."""
    return any(c.dep_ in _NOMINAL_SUBJECTS for c in verb.children)


@dataclass(frozen=True)
class CueKinds:
    """What the cue lexicon (``models/cues.json``) says a statement needs, by cue lemma:
    ``speech`` cues make one with any content; ``intentions`` (intentions and acts:
    "plans to", "posted a loss") need quoted words or a clause of their own; a
    ``refusal`` to speak ("declined to comment", "failed to explain") makes none, nor
    does a ``pending`` one ("is still to announce"): the source said nothing
    (:func:`refuses_to_speak`). ``unsaid`` are the verbs of saying such a cue withholds:
    the speech cues and the acts that are also verbs of saying ("declined to add", "is
    still to announce whether"). ``hypothetical`` are the subordinators of a condition ("if
    X says"): nothing said (:func:`conditional`). ``findings`` are the verbs that need a
    clause and are neither speech cues nor intentions ("see"): they need a finite clause
    of their own ("saw sales rise 13.4%", "have both seen their audience share decline"
    say nothing). "show", "find" and "know" are speech cues: the same test for them cost
    PolNeAR dev 0.005 source and cue F1, which marks "figures show a decline". Motives
    ("wanted him to play", "prefers a tone") are findings too: a wish, not a statement.
    ``copulas``
    are the lemma of an attitude the model tags ("is interested in", "was angry at"): it
    needs a clause ("is hopeful that sales will rise")."""

    speech: frozenset[str]
    intentions: frozenset[str]
    refusals: frozenset[str]
    pending: frozenset[str]
    unsaid: frozenset[str]
    hypothetical: frozenset[str] = frozenset()
    findings: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()

    @classmethod
    def of(cls, cues: dict) -> CueKinds:
        intentions = frozenset(cues["intentions"])
        speech = frozenset(cues["verbs"]) - intentions | frozenset(cues["communication"])
        return cls(speech, intentions, frozenset(cues["refusals"]), frozenset(cues["pending"]),
                   speech | frozenset(cues["spoken_acts"]),
                   frozenset(cues["hypothetical_marks"]),
                   frozenset(cues["verbs_need_clause"]) - speech - intentions
                   | frozenset(cues["motives"]),
                   frozenset(cues["copulas"]))


def reads_as_statement(doc: Doc, cue: str, content: tuple[int, int], quoted: bool,
                       kinds: CueKinds) -> bool:
    """Whether a reader takes a statement with the cue lemma ``cue`` for something said or
    thought: the cue is a verb of saying, a mark or a phrase ("according to"), or the
    content (a token range) is quoted words or a clause: for an intention, act, finding
    ("saw sales rise") or attitude ("is interested in"), a clause of its own
    (:func:`is_clause`; not one coordinated with the cue: "want to make a system ... but
    also thwarts copying" is a plan), for a verb the lexicon does not know, any finite verb.
    PolNeAR also marks intentions and acts ("is hoping to repeat", "plans to offer planes
    that are able to fly", "posted a loss") that a claims table should not list as
    statements."""
    if quoted or cue in kinds.speech or not cue.isalpha():
        return True
    if cue in kinds.findings:
        return (is_clause(doc, content, NOT_CONTENT) and _finite(doc, content)) or (
            _hangs_on_saying(doc, content, kinds))
    if cue in kinds.intentions or cue in kinds.copulas:
        return is_clause(doc, content, NOT_CONTENT)
    return _finite(doc, content)


def _hangs_on_saying(doc: Doc, tokens: tuple[int, int], kinds: CueKinds) -> bool:
    """Whether the words hang on a verb of saying ("preferred to state that ..."): the
    wish is to say it, and it was said."""
    start, end = tokens
    return any(t.lemma_.lower() in kinds.speech for t in doc[start:end]
               if not start <= t.head.i < end)


def _finite(doc: Doc, tokens: tuple[int, int]) -> bool:
    return any(t.tag_ in _FINITE for t in doc[tokens[0] : tokens[1]])


NOT_CONTENT = frozenset(("conj", "advcl", "cc", "punct"))
"""How a verb's own clauses hang on it ("saw a rise and cut jobs", "saw their value hit
highs as traders bought"): no part of what a finding says."""


def verb_read_as_noun(doc: Doc, cue: tuple[int, int], lemma: str,
                      verbs: frozenset[str]) -> bool:
    """Whether a cue (a token range) with the lemma ``lemma`` is one of the lexicon's
    ``verbs`` that the parser reads as a noun or adjective with no verb beside it ("won
    the grand slam", "a show on BBC Two"): a name for a thing, not a verb of saying. A
    noun with a "that" clause of its own says something ("backed Tory demands that the
    plans be put on hold"), and the caller keeps the lexicon's nouns of saying ("his
    warning", "her claim")."""
    tokens = doc[cue[0] : cue[1]]
    return lemma in verbs and all(t.pos_ in _NOT_VERBS for t in tokens) and not any(
        c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that"
                                           for m in c.children)
        for c in tokens.root.children)


_NOT_VERBS = frozenset(("NOUN", "PROPN", "ADJ", "DET", "ADP", "PUNCT"))
"""The parts of speech of a cue read as a noun phrase ("the grand slam")."""


def refuses_to_speak(doc: Doc, cue: Span, kinds: CueKinds) -> bool:
    """Whether a cue (characters) says the source has not spoken: a refusal verb in it
    whose complement is a verb of saying ("declined to comment", "failed to explain
    why"), or "is" or "has" with a pending adverb and such a complement ("is still to
    announce whether", "has yet to say"), so whatever quotation is near, the source said
    nothing. A refusal to act ("refused to back the bill") stays: the stance component
    reads it as opposition."""
    tokens = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return tokens is not None and any(
        _withholds(t, kinds) and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in kinds.unsaid for c in t.children)
        for t in tokens)


def conditional(doc: Doc, cue: Span, kinds: CueKinds) -> bool:
    """Whether a cue (characters) is a condition, not something said: its verb, or the verb
    it is coordinated with, is introduced by "if" or "unless" ("if Gerrard comes out and
    says", "unless he tells them"), with no comma between: '... if orders were defied, Lord
    Falconer said' is the parser hanging the tag on the condition it closes."""
    tokens = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if tokens is None:
        return False
    verb = tokens.root
    while True:
        if any(c.dep_ == "mark" and c.lower_ in kinds.hypothetical and c.i < tokens.start
               and not any(t.text == "," for t in doc[c.i : tokens.start])
               for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head


def _withholds(verb: Token, kinds: CueKinds) -> bool:
    """A refusal verb ("declined", "failed"), or "is" or "has" with a pending adverb
    ("is still to", "has yet to")."""
    lemma = verb.lemma_.lower()
    return lemma in kinds.refusals or (lemma in _PENDING_HEADS and any(
        c.dep_ == "advmod" and c.lower_ in kinds.pending for c in verb.children))


_PENDING_HEADS = frozenset(("be", "have"))


def is_clause(doc: Doc, tokens: tuple[int, int], skipped: frozenset[str] = frozenset()) -> bool:
    """Whether a token range is a clause of its own: a word it hangs on (one whose head
    is outside it) is finite or has a subject ("that the win will come", "taxes rose");
    a finite verb further down, in a relative clause of an infinitive's object, is not
    enough ("to offer planes that are able to fly"); nor is a word hanging by a relation in
    ``skipped``."""
    start, end = tokens
    for token in doc[start:end]:
        if (start <= token.head.i < end and token.head.i != token.i) or token.dep_ in skipped:
            continue
        if token.tag_ in _FINITE or any(c.dep_ in _SUBJECTS for c in token.children):
            return True
    return False


def below_the_headline(found: list[Found], end: int, text: str) -> list[Found]:
    """The statements of the body below a headline that ends at character ``end``
    (:func:`headline_end`): none whose cue is in the headline ("Blair says UK tsunami aid
    to soar"), and no source or content that starts there. A body's cue given the
    headline's name for a source takes the name where the body repeats it before the cue
    ("O'Sullivan could run in Worlds | Sonia O'Sullivan has indicated"), as the parse of
    the run-on sentence may hang it on the headline's."""
    if not end:
        return found
    out = []
    for each in found:
        source, content = each.source_span, each.content_span
        if source is not None and source[1] <= end:
            again = text.find(text[source[0] : source[1]], end, each.cue_span[0])
            if again == -1:
                continue
            source = (again, again + source[1] - source[0])
        if each.cue_span[0] < end or content[1] <= end:
            continue
        if content[0] < end:
            content = (end, content[1])
        if source is not None and source[0] < end:
            source = (end, source[1])
        out.append(replace(each, source_span=source, content_span=content))
    return out
