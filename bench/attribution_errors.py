"""Where the attribution pipeline loses PolNeAR statements: stage-wise error analysis.

Runs the default pipeline's ``newsclaims_attribution`` step by step on one PolNeAR split
(train or dev only) and, for every gold statement, names the first stage that lost its
cue: never tagged by the cue CRF (by kind of cue), tagged with other boundaries, no
source or content, left out by a filter of ``component.py``/``linking.py``, or kept but
with a wrong source or content. Wrong predictions (cues with no gold cue) are counted by
kind too. Usage::

    python -m bench.attribution_errors ../shared/data/polnear/dev [--examples N]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.components import quotes as quoting
from pipeline.components.attribution import component as comp
from pipeline.components.attribution import cue_lexicon, features
from pipeline.components.attribution.content import quotations
from pipeline.components.attribution.features import char_range
from pipeline.components.attribution.found import Found
from pipeline.components.attribution.linking import (
    apart_from_other_tags,
    below_the_headline,
    conditional,
    ends_a_sentence_before,
    floating_quotes,
    past_a_closed_quote,
    reads_as_statement,
    refuses_to_speak,
    through_open_quotations,
    with_negation,
    within_reach,
)
from pipeline.components.attribution.model import decode
from pipeline.components.headlines import headline_end
from pipeline.evaluate.attribution import Attribution, load_polnear
from pipeline.evaluate.spans import Span, exact_weight
from pipeline.nlp import build_nlp


@dataclass
class Stages:
    """Cue character spans reaching each stage, and why the others stopped."""

    tagged: list[tuple[int, int]] = field(default_factory=list)
    lost: dict[tuple[int, int], str] = field(default_factory=dict)
    final: list[Found] = field(default_factory=list)


def _lose(stages: Stages, cue: tuple[int, int], why: str) -> None:
    stages.lost.setdefault(cue, why)


def run_stages(ext: comp.AttributionExtractor, doc: Doc) -> Stages:
    """The component's ``__call__`` with every stage's losses recorded."""
    stages = Stages()
    model = ext.trained
    text = doc.text
    quotes = quoting.spoken(text)
    mentions = getattr(doc._, "nc_entities", None) or []
    rules = floating_quotes(text, quotes, ext.rules.find(doc, text, quotes))
    view = model.vocabulary.view(doc, quotes, rules)
    spans = quotations(view)
    tagged = []
    for sent in view.sents:
        tags = decode(model.cues, cue_lexicon.cue_features(view, sent, model.lexicon),
                      model._thresholds(view, sent))
        for cue in features.runs(tags, sent[0]):
            chars = char_range(doc, cue)
            stages.tagged.append(chars)
            source = model.source_of(view, cue)
            if source is None:
                _lose(stages, chars, "no source")
                continue
            choice = model.content.choose(view, cue, spans)
            if choice is None:
                _lose(stages, chars, "no content candidate")
                continue
            statement = features.TokenStatement(source, cue, choice.span)
            if ext._event(doc, statement):
                _lose(stages, chars, "stance event")
                continue
            found = ext._found(doc, text, statement, quotes)
            if not found:
                _lose(stages, chars, _why_not_found(ext, doc, statement, quotes))
            tagged += found
    special = [f for f in ext._special(doc, text, rules) if ext._reads(doc, f, quotes)]
    kept = [f for f in tagged if not any(
        c.cue_span[0] < f.cue_span[1] and f.cue_span[0] < c.cue_span[1] for c in special)]
    for f in tagged:
        if f not in kept:
            _lose(stages, f.cue_span, "replaced by a rules statement")
    found = special + kept
    spoken = [f for f in found if not refuses_to_speak(doc, f.cue_span, ext.kinds)
              and not conditional(doc, f.cue_span, ext.kinds)]
    for f in found:
        if f not in spoken:
            _lose(stages, f.cue_span, "a refusal or a conditional")
    found = spoken
    found = through_open_quotations(text, found, quotes)
    reached = within_reach(doc, past_a_closed_quote(doc, found, quotes), quotes)
    for f in found:
        if f.cue_span not in {r.cue_span for r in reached}:
            _lose(stages, f.cue_span, "within_reach: content too short")
    below = below_the_headline(reached, headline_end(doc), text)
    for f in reached:
        if f.cue_span not in {b.cue_span for b in below}:
            _lose(stages, f.cue_span, "in the headline")
    below = apart_from_other_tags(doc, below, quotes)
    statements = []
    for each in sorted(below, key=lambda f: f.cue_span):
        if not comp._plausible(doc, each):
            _lose(stages, each.cue_span, "_plausible")
            continue
        speaker = comp._quoting(text, each, below) or each
        statement = ext._statement(doc, text, each, speaker, mentions, statements, quotes)
        if statement is None:
            _lose(stages, each.cue_span, "source unresolved / first person")
            continue
        statements.append(statement)
    stages.final = _merged(statements)
    return stages


def _merged(statements: list) -> list[Found]:
    """One statement per cue and content, its source the stretch over all of them ("X and
    Y said"), as the scorer merges the rows."""
    merged: dict[tuple, list] = {}
    for s in statements:
        merged.setdefault((s.cue, s.cue_span, s.content_span), []).append(s.source_span)
    return [Found((min(s[0] for s in spans), max(s[1] for s in spans))
                  if all(spans) else None, cue, cue_span, content)
            for (cue, cue_span, content), spans in merged.items()]


def _why_not_found(ext: comp.AttributionExtractor, doc: Doc,
                   statement: features.TokenStatement, quotes: list) -> str:
    cue = with_negation(doc, statement.cue)
    content = char_range(doc, statement.content)
    sentence = doc[quoting.sentence_start(doc, cue[0])].idx
    if ends_a_sentence_before(doc.text, content, sentence):
        return "content ends before the cue's sentence"
    quoted = any(q[0] < content[1] and content[0] < q[1] for q in quotes)
    lemma = ext._cue_lemma(doc, cue, doc.text)
    if not reads_as_statement(doc, lemma, statement.content, quoted, ext.kinds):
        return "reads_as_statement: non-speech cue, no clause"
    return "_found: other"


def _same(text: str, a: Span | tuple[int, int] | None, b: Span | tuple[int, int] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return exact_weight(text, _span(a), _span(b)) is not None


def _span(s: Span | tuple[int, int]) -> Span:
    return s if isinstance(s, Span) else Span(*s)


def cue_kind(doc: Doc, cue: Span, ext: comp.AttributionExtractor) -> str:
    """A coarse kind of a gold cue the CRF never tagged."""
    tokens = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return "no tokens"
    words = [t.lower_ for t in tokens if not t.is_punct]
    if not words:
        return "punctuation (: or dash)"
    sentence = tokens[0].sent.text.rstrip()
    root = tokens.root
    pos = root.pos_
    lemma = root.lemma_.lower()
    if words[0] in ("according", "as") or pos == "ADP":
        kind = "prepositional (according to, as, ...)"
    elif pos in ("VERB", "AUX"):
        kind = "verb in lexicon" if lemma in ext.rules.verbs else "verb outside lexicon"
    elif pos in ("NOUN", "PROPN"):
        kind = "noun in lexicon" if lemma in ext.rules.nominal else "noun outside lexicon"
    elif pos == "ADJ":
        kind = "adjective"
    else:
        kind = f"other ({pos})"
    if len(words) > 1 and kind.startswith("verb"):
        kind += ", multi-word"
    if sentence.endswith("?"):
        kind += ", in a question"
    return kind


def analyse(path: str, examples: int) -> None:
    nlp = build_nlp()
    ext = nlp.get_pipe("newsclaims_attribution")
    gold = load_polnear(path)
    lost: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    totals: Counter[str] = Counter()
    with nlp.select_pipes(disable=["newsclaims_attribution", "newsclaims_stance"]):
        parsed = list(nlp.pipe(d.text for d in gold.docs))
    for eval_doc, doc in zip(gold.docs, parsed, strict=True):
        text = doc.text
        stages = run_stages(ext, doc)
        used: set[int] = set()
        for g in eval_doc.gold:
            if g.cue is None:
                continue
            totals["gold"] += 1
            where = _first_loss(text, doc, g, stages, used, ext)
            lost[where] += 1
            if where.startswith("never tagged"):
                kinds[where.split(": ", 1)[1]] += 1
            shown[where].append(_show(text, g))
        for k, f in enumerate(stages.final):
            totals["predicted"] += 1
            if k in used:
                continue
            wrong[_false_kind(text, doc, f, eval_doc.gold, ext)] += 1
            shown["FP " + _false_kind(text, doc, f, eval_doc.gold, ext)].append(
                _show(text, Attribution(*(None if s is None else Span(*s) for s in (
                    f.source_span, f.cue_span, f.content_span)))))
    print(f"gold statements with a cue: {totals['gold']}, predicted: {totals['predicted']}")
    print("\n# where each gold statement is lost (first stage)")
    for key, n in lost.most_common():
        print(f"{n:5d}  {key}")
    print("\n# cues never tagged, by kind")
    for key, n in kinds.most_common():
        print(f"{n:5d}  {key}")
    print("\n# predictions whose cue matches no gold cue")
    for key, n in wrong.most_common():
        print(f"{n:5d}  {key}")
    rng = random.Random(13)
    for key, rows in shown.items():
        if examples:
            print(f"\n## {key}")
            for row in rng.sample(rows, min(examples, len(rows))):
                print("  " + row)


def _first_loss(text: str, doc: Doc, g: Attribution, stages: Stages, used: set[int],
                ext: comp.AttributionExtractor) -> str:
    for k, f in enumerate(stages.final):
        if k not in used and _same(text, g.cue, f.cue_span):
            used.add(k)
            source_ok = _same(text, g.source, f.source_span)
            content_ok = _same(text, g.content, f.content_span)
            if source_ok and content_ok:
                return "right (cue, source, content)"
            parts = [p for p, ok in (("source", source_ok), ("content", content_ok)) if not ok]
            return "cue right, wrong " + " and ".join(parts)
    for cue, why in stages.lost.items():
        if _same(text, g.cue, cue):
            return "dropped: " + why
    if any(_same(text, g.cue, c) for c in stages.tagged):
        return "tagged, lost to a duplicate/other statement"
    if any(f.cue_span[0] < g.cue.end and g.cue.start < f.cue_span[1] for f in stages.final):
        return "cue boundary differs (an overlapping cue kept)"
    if any(c[0] < g.cue.end and g.cue.start < c[1] for c in stages.tagged):
        return "cue boundary differs (overlapping cue dropped)"
    return "never tagged: " + cue_kind(doc, g.cue, ext)


def _false_kind(text: str, doc: Doc, f: Found, gold: list[Attribution],
                ext: comp.AttributionExtractor) -> str:
    cue = Span(*f.cue_span)
    if any(g.cue is not None and g.cue.start < cue.end and cue.start < g.cue.end for g in gold):
        return "cue boundary differs from an overlapping gold cue"
    return "no gold cue here: " + cue_kind(doc, cue, ext)


def _show(text: str, a: Attribution) -> str:
    def part(span: Span | None) -> str:
        return "-" if span is None else repr(text[span.start : span.end][:80])
    return f"S={part(a.source)} C={part(a.cue)} T={part(a.content)}"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("split", help="a PolNeAR split folder (train or dev, never test)")
    parser.add_argument("--examples", type=int, default=0, help="examples shown per bucket")
    args = parser.parse_args()
    analyse(args.split, args.examples)
