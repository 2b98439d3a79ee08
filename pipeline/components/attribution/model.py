"""The trained attribution model: a cue tagger, a source tagger and a content ranker.

Citron's split of the work (bbc/citron): a CRF tags cues sentence by sentence; for each
cue, a second CRF tags its source in the cue's sentence, and a ranker picks its content
among candidate spans (:mod:`.content`). Each step reads the parse, the cue vocabulary
and the rules' statements as features (:mod:`.features`), so it adds little time to
the pipeline. The folder holds ``cue.crfsuite``, ``source.crfsuite`` (python-crfsuite),
``content.json`` (the ranker's weights), ``newsclaims.json`` (how it was trained and
scored) and the model card ``README.md``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from pipeline.annotations import Span
from pipeline.components.attribution import cue_lexicon, features
from pipeline.components.attribution.content import ContentRanker, quotations
from pipeline.components.attribution.features import DocView, Tokens, TokenStatement, Vocabulary
from pipeline.components.attribution.found import Found
from pipeline.errors import ModelNotFound

META = "newsclaims.json"
FILES = ("cue.crfsuite", "source.crfsuite", "content.json", META)


def check(path: str | Path) -> Path:
    """The model folder, or a clean :class:`ModelNotFound` naming what is missing."""
    folder = Path(path)
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        raise ModelNotFound(f"no attribution model at {str(path)!r}: {', '.join(missing)} "
                            "missing (`newsclaims train attribution` writes them)")
    return folder


def read_meta(path: str | Path) -> dict[str, Any]:
    return json.loads((Path(path) / META).read_text(encoding="utf-8"))


def write_meta(path: str | Path, meta: dict[str, Any]) -> None:
    (Path(path) / META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def fingerprint(path: str | Path) -> str:
    """Hash of the files that shape the output, so retraining into the same folder
    changes the pipeline fingerprint; the card and the training record do not."""
    digest = hashlib.sha256()
    optional = [cue_lexicon.FILE] if (Path(path) / cue_lexicon.FILE).is_file() else []
    for name in [*FILES[:-1], *optional]:
        digest.update(name.encode())
        digest.update((check(path) / name).read_bytes())
    return digest.hexdigest()[:16]


class AttributionModel:
    """Loads the three parts from ``path``; :meth:`find` turns a Doc into statements."""

    def __init__(self, path: str | Path) -> None:
        import pycrfsuite

        folder = check(path)
        self.cues = pycrfsuite.Tagger()
        self.cues.open(str(folder / "cue.crfsuite"))
        self.sources = pycrfsuite.Tagger()
        self.sources.open(str(folder / "source.crfsuite"))
        weights = json.loads((folder / "content.json").read_text(encoding="utf-8"))
        self.content = ContentRanker(weights["weights"])
        self.vocabulary = Vocabulary()
        self.lexicon = cue_lexicon.load(folder)  # None for a model trained without one
        decoding = read_meta(folder).get("decode", {})
        self.cue_threshold: float | None = decoding.get("cue_threshold")
        self.rule_cue_threshold: float | None = decoding.get("rule_cue_threshold")

    def find(self, doc: Doc, quotes: list[Span], rules: list[Found]) -> list[TokenStatement]:
        """Every statement the model finds: one per tagged cue that has a content and a
        source (:meth:`source_of`). A statement with no source costs
        nothing on PolNeAR dev when left out (cue F1 0.697 against 0.699, content 0.570
        against 0.569) and raises precision (cue 0.793 against 0.751), and a stance row
        without a subject says little."""
        view = self.vocabulary.view(doc, quotes, rules)
        spans = quotations(view)
        found = []
        for sent in view.sents:
            xseq = cue_lexicon.cue_features(view, sent, self.lexicon)
            tags = decode(self.cues, xseq, self._thresholds(view, sent))
            for cue in features.runs(tags, sent[0]):
                source = self.source_of(view, cue)
                choice = self.content.choose(view, cue, spans) if source else None
                if choice is not None:
                    found.append(TokenStatement(source, cue, choice.span))
        return found

    def _thresholds(self, view: DocView, sent: Tokens) -> list[float] | None:
        """Per token of ``sent``, the posterior a cue needs: lower where the rules found a
        cue ("China has expressed strong opposition to ..."); None for Viterbi."""
        if self.cue_threshold is None:
            return None
        ruled = {i for r in view.rules if sent[0] <= r.cue[0] < sent[1] for i in range(*r.cue)}
        low = self.rule_cue_threshold if self.rule_cue_threshold is not None else \
            self.cue_threshold
        return [low if i in ruled else self.cue_threshold for i in range(*sent)]

    def source_of(self, view: DocView, cue: Tokens) -> Tokens | None:
        """The source of ``cue``: tagged, else the rules' for that cue, else the subject
        its verb shares with the verb it hangs on (:func:`shared_subject`)."""
        return (reporting_subject(view, cue) or self._source(view, cue)
                or next((r.source for r in view.rules_at(cue) if r.source), None)
                or shared_subject(view, cue))

    def _source(self, view: DocView, cue: Tokens) -> Tokens | None:
        """The tagged source of ``cue``: of several tagged runs, the one nearest the cue
        (given the gold cues of PolNeAR dev, 1,756 sources exact against 1,715 when the
        runs were joined into one stretch) among those that hold its verb's subject, if
        any does ("Trump, appearing after Clinton at the forum, cited": not Clinton; "A
        judge has rejected a request ... from wife Ivana, saying": the judge)."""
        start = view.sents[view.sent_of[cue[0]]][0]
        found = features.runs(self.sources.tag(features.source_features(view, cue)), start)
        if len(found) > 1:
            subjects = _subjects(view, cue)
            found = [r for r in found if any(r[0] <= i < r[1] for i in subjects)] or found
        return min(found, key=lambda run: max(run[0] - cue[1], cue[0] - run[1]), default=None)


_SHARING = frozenset(("conj", "advcl"))
_OWN_SUBJECT = frozenset(("nsubj", "nsubjpass", "csubj", "expl", "auxpass"))
_REPORTED = frozenset(("ccomp", "xcomp", "acl", "pcomp", "parataxis"))
"""Verbs whose subject said nothing: a reported clause's; a relative clause's "who" speaks."""


def shared_subject(view: DocView, cue: Tokens) -> Tokens | None:
    """The subject a tagged cue's verb shares with the verb it hangs on as a second verb,
    a participle or the object of a preposition ("Ukraine ousted its leader and has said",
    "Trump admires Putin, comparing him to", "Birchers viewed communists as terrorists and
    despised them", "Blige sings to Clinton before asking her", "demonstrators, who have
    taken to the streets and called for"), which the source tagger rarely tags, being
    outside the cue's own clause; for a verb hung on a quotation its speech tag reports
    ('"...," Sanders said, going on to say'), the tag's subject. Not for a verb with a
    subject of its own or a passive one ("is expected"), nor when the verb above is itself
    reported ("he said activities were good but accepted that": the subject of "were"
    said nothing). The cue need not be a verb of the lexicon: the cue tagger chose it.
    Of the cues the tagger finds with no source, PolNeAR train: 132 more with one, 85 of
    them exact; dev exact F1 source 0.727 -> 0.728, cue 0.688 -> 0.689, content kept
    (most such cues then fail :func:`.linking.reads_as_statement`)."""
    head = view.root(cue)
    governor = _governor(view, head)
    if (governor is None or view.pos[head] != "VERB" or _bare_participle(view, head)
            or _after_a_quotation(view, head)
            or any(view.dep[c] in _OWN_SUBJECT for c in view.children[head])):
        return None
    tag = next((c for c in view.children[governor]
                if view.lexical_cue[c] and view.dep[c] == "parataxis"), None)
    if tag is not None:
        governor = tag  # '"...," Sanders said, going on to say': Sanders
    elif view.dep[governor] in _REPORTED:
        return None
    return _subject_phrase(view, governor)


def _governor(view: DocView, verb: int) -> int | None:
    """The verb whose subject ``verb`` shares: the one it hangs on (:data:`_SHARING`), or
    through a preposition ("before asking", "after bragging"); None for other verbs."""
    head = view.head[verb]
    if view.dep[verb] in _SHARING:
        return head
    above = view.head[head]
    if view.dep[verb] == "pcomp" and view.dep[head] == "prep" and view.pos[above] == "VERB":
        return above
    return None


def reporting_subject(view: DocView, cue: Tokens) -> Tokens | None:
    """The speaker of a cue verb with no subject that the parser hangs on a verb inside
    the clause another verb of saying reports ("Clinton told the audience that she
    believes ..., saying", "May said the country would leave ... and suggested", "Analysts
    said factors have contributed ..., citing"): the reporting verb's subject, as PolNeAR
    marks it, not the reported clause's."""
    verb = view.root(cue)
    if view.dep[verb] not in _SHARING or view.doc[verb].tag_ not in ("VBG", "VBD", "VBZ", "VBP") \
            or any(view.dep[c] in _OWN_SUBJECT for c in view.children[verb]) \
            or _after_a_noun(view, cue):
        return None
    reported = view.head[verb]
    sayer = view.head[reported]
    if view.dep[reported] != "ccomp" or not view.lexical_cue[sayer]:
        return None
    return _subject_phrase(view, sayer)


def _subject_phrase(view: DocView, verb: int) -> Tokens | None:
    """The tokens of a verb's nominal subject, the speaker both sharing rules give."""
    subject = next((c for c in view.children[verb] if view.dep[c] == "nsubj"), None)
    return None if subject is None else (view.left_edge[subject], view.right_edge[subject] + 1)


def _subjects(view: DocView, cue: Tokens) -> list[int]:
    """The subject of the cue's verb, else of the verb a subjectless cue shares it with
    (:data:`_SHARING`: "..., saying", "and warned")."""
    verb = view.root(cue)
    for _ in range(2):
        own = [c for c in view.children[verb] if view.dep[c] in ("nsubj", "nsubjpass")]
        if own or view.dep[verb] not in _SHARING or _after_a_noun(view, cue):
            return own
        verb = view.head[verb]
    return []


def _after_a_noun(view: DocView, cue: Tokens) -> bool:
    """A cue right after a noun, no comma between: its own subject, whatever the parse
    ("with both the Tories and Lib Dems pledging", "and the Liberal Democrats claim")."""
    return cue[0] > 0 and view.pos[cue[0] - 1] in ("NOUN", "PROPN", "PRON")


def _after_a_quotation(view: DocView, verb: int) -> bool:
    """A verb right after quoted words, punctuation aside: a speech tag whose speaker
    comes after it ('"...," added the 30-year-old'), not the subject of a verb before."""
    before = verb - 1
    while before >= 0 and view.blank[before] and not view.in_quote[before]:
        before -= 1
    return before >= 0 and view.in_quote[before]


def _bare_participle(view: DocView, verb: int) -> bool:
    """A past participle with no auxiliary: passive in sense ("Asked if ..., he replied",
    "Dubbed the PMA430, it"), its subject the one asked, not who asks."""
    return view.doc[verb].tag_ == "VBN" and not any(view.dep[c] == "aux"
                                                    for c in view.children[verb])


def decode(tagger: Any, xseq: list[list[str]], thresholds: list[float] | None) -> list[str]:
    """BIO tags of one sequence: the Viterbi path, or with ``thresholds`` each token's own
    posterior, a token being in a span when P(not O) >= its threshold. Per-token
    posteriors find cues the best path leaves out (PolNeAR dev at 0.4, 0.2 where the
    rules found a cue: exact F1 0.708 / 0.686 / 0.562, against 0.706 / 0.683 / 0.559
    with Viterbi); the thresholds are set in the model's ``newsclaims.json``
    ("decode"). A posterior is asked for only where it decides the tag: most tokens are
    "O" on P(O) alone."""
    if thresholds is None:
        return tagger.tag(xseq)
    tagger.set(xseq)
    labels = frozenset(tagger.labels())

    def p(label: str, t: int) -> float:
        return tagger.marginal(label, t) if label in labels else 0.0

    tags: list[str] = []
    for t, threshold in enumerate(thresholds):
        if 1.0 - p("O", t) < threshold:
            tags.append("O")
        elif tags and tags[-1] != "O" and p("I", t) >= p("B", t):
            tags.append("I")
        else:
            tags.append("B")
    return tags
