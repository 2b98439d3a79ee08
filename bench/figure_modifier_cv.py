"""Would a learned figure modifier generalise better than the rules? (issue 11)

    python bench/figure_modifier_cv.py [--corpus corpus] [--data ../shared/data]
        [--examples-out X.json | --examples X.json] [--pre-round FILE=X.json ...]

Every figure the rules find whose value matches a gold figure of the real-news dev files
(the pairs ``newsclaims evaluate figures`` matches; never ``check.jsonl``) is an example:
its label the gold modifier, its features the rules' modifier, the words, lemmas and tags
up to four tokens either side, the words inside it, its parse head, governing verb and
nearest preposition, its unit's kind and the gap to a figure beside it. Multinomial
logistic regression (scikit-learn, ``pip install 'newsclaims[train]'``) is scored three
ways: on the words alone, with the rules' modifier as a feature, and as the rules'
modifier with ``--alpha`` added to its probability over the words-alone model's (it wins
when that model is more sure). Modifier accuracy over the matched figures, per file left
out and over five folds by article.

The rules were tuned on every dev file, so their dev accuracy is in-sample. The honest
test is a file scored with the rules of before its round: build its examples in a
checkout of that commit (``git worktree add /tmp/pre9 6c9a3cc``, copy this script there,
run it with ``--examples-out``, which writes them and stops) and pass them as
``--pre-round fresh9=X.json`` (one per file): that file's examples are replaced by
these, in training and testing, so with every fresh file given, each is scored left out
against the rules of before its round, by a model trained on the other files' rules as
they were before theirs (the out-of-sample errors a model must learn to correct).
Results: the README, "A learned modifier".
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from pipeline.annotations import Figure
from pipeline.evaluate.figures import value_ok
from pipeline.evaluate.metrics import greedy_match
from pipeline.evaluate.predictions import PredFigure
from pipeline.evaluate.realnews import HELD_OUT, load_realnews, realnews_files
from pipeline.evaluate.spans import Span as CharSpan
from pipeline.evaluate.spans import any_overlap_weight

WINDOW = 4
"""Tokens read on either side of a figure."""
_GAP_CHARS = 16
"""A gap to the figure beside longer than this joins nothing ("3 to 4", ", or")."""
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"-s\d+$")
_AFTER_FIGURES = ("newsclaims_attribution", "newsclaims_stance")
RULE = "rule"
"""The prefix of every feature that reads the rules' modifier."""


@dataclass(frozen=True)
class Example:
    """One rule-found figure matched to a gold figure by value."""

    file: str  # the gold file's stem ("fresh9")
    article: str  # the sentence id without "-sN": a fold keeps an article together
    rule: str
    gold: str
    features: dict[str, float]


def _shape(token: Token) -> str:
    return _DIGIT.sub("0", token.lower_)


def _unit_kind(unit: str | None) -> str:
    if unit is None:
        return "none"
    if unit in ("%", "pp"):
        return "share"
    return "money" if len(unit) == 3 and unit.isupper() else "other"


def _gap(text: str, start: int, end: int) -> str | None:
    """The words between two figures, when they are close enough to be joined."""
    gap = text[start:end]
    return (" ".join(gap.lower().split()) or "_") if len(gap) <= _GAP_CHARS else None


def _side(tokens: list[Token], prefix: str) -> dict[str, float]:
    """Words by distance (nearest first) and as a bag, the nearest two lemmas and tags,
    the nearest two and three words together."""
    out: dict[str, float] = {}
    for n, token in enumerate(tokens, start=1):
        out[f"{prefix}{n}={_shape(token)}"] = out[f"{prefix}*={_shape(token)}"] = 1.0
        if n <= 2:
            out[f"{prefix}{n}l={token.lemma_.lower()}"] = out[f"{prefix}{n}p={token.tag_}"] = 1.0
    words = [_shape(t) for t in tokens]
    for n in (2, 3):
        if len(words) >= n:
            out[f"{prefix}{'123'[:n]}={'_'.join(words[:n])}"] = 1.0
    return out


def features(doc: Doc, figures: list[Figure], i: int) -> dict[str, float]:
    """The named features of ``figures[i]``, whose modifiers are the rules'."""
    figure, text = figures[i], doc.text
    rule, kind = figure.modifier, _unit_kind(figure.unit)
    out = {f"{RULE}={rule}": 1.0, f"unit={kind}": 1.0, f"{RULE}|unit={rule}|{kind}": 1.0}
    if figure.value < 0:
        out["negative"] = 1.0
    if figure.conversion_of is not None:
        out["conversion"] = 1.0
    if figure.predicate:
        out[f"verb={figure.predicate}"] = 1.0
    for side, (a, b) in (("prev", (i - 1, i)), ("next", (i, i + 1))):
        if a >= 0 and b < len(figures) and (
                gap := _gap(text, figures[a].span[1], figures[b].span[0])) is not None:
            other = figures[b if side == "next" else a]
            out[f"{side}_gap={gap}"] = out[f"{RULE}_{side}={other.modifier}"] = 1.0
    tokens: Span | None = doc.char_span(*figure.span, alignment_mode="expand")
    if tokens is None:
        return out
    for token in tokens:
        out[f"in={_shape(token)}"] = 1.0
    root = tokens.root
    head = root.head.lemma_.lower()
    out[f"dep={root.dep_}"] = out[f"head={head}"] = out[f"dep|head={root.dep_}|{head}"] = 1.0
    before = [t for t in doc[max(0, tokens.start - WINDOW) : tokens.start] if not t.is_space]
    after = [t for t in doc[tokens.end : tokens.end + WINDOW] if not t.is_space]
    out |= _side(before[::-1], "b") | _side(after, "a")
    if before:
        out[f"{RULE}|b1={rule}|{_shape(before[-1])}"] = 1.0
    preposition = next((t for t in reversed(before) if t.pos_ == "ADP"), None)
    if preposition is not None:
        out[f"prep={preposition.lower_}"] = 1.0
    return out


def without_rule(named: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in named.items() if not k.startswith(RULE)}


def examples(corpus: Path, data: Path, log: Callable[[str], None] = print) -> list[Example]:
    """The matched figures of the dev files, from the rules of this checkout."""
    from pipeline.nlp import build_nlp

    nlp = build_nlp(None)
    out: list[Example] = []
    for path in realnews_files(corpus):
        if path.name == HELD_OUT:
            continue
        docs = load_realnews(path, data).docs
        with nlp.select_pipes(disable=[p for p in _AFTER_FIGURES if p in nlp.pipe_names]):
            for gold_doc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
                figures = doc._.nc_figures or []
                pred = [PredFigure(CharSpan(*f.span), f.value, f.unit, f.modifier, None, None)
                        for f in figures]
                gold = list(gold_doc.gold.figures)
                pairs = greedy_match(gold, pred, lambda g, p: any_overlap_weight(
                    g.span, p.span) if value_ok(g, p) else None)
                out += [Example(path.stem, _SENTENCE.sub("", gold_doc.doc_id),
                                figures[p].modifier, gold[g].modifier or "=",
                                features(doc, figures, p))
                        for g, p in sorted(pairs, key=lambda pair: pair[1])]
        log(f"{path.stem}: {sum(1 for e in out if e.file == path.stem)} matched figures")
    return out


Predict = Callable[[list[Example], list[Example]], list[str]]


def logistic(c: float, *, rule: bool, alpha: float | None = None) -> Predict:
    """Fit on ``train``, predict ``test``: over all features (``rule``) or the words alone;
    with ``alpha``, the words-alone probabilities plus ``alpha`` on the rules' modifier."""

    def predict(train: list[Example], test: list[Example]) -> list[str]:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        def rows(part: list[Example]) -> list[dict[str, float]]:
            return [ex.features if rule else without_rule(ex.features) for ex in part]

        vectorizer = DictVectorizer()
        model = LogisticRegression(C=c, max_iter=10000)
        model.fit(vectorizer.fit_transform(rows(train)), [ex.gold for ex in train])
        probabilities = model.predict_proba(vectorizer.transform(rows(test)))
        classes = [str(k) for k in model.classes_]
        return [combine(dict(zip(classes, p, strict=True)), ex.rule, alpha or 0.0)
                for p, ex in zip(probabilities, test, strict=True)]

    return predict


def combine(probabilities: dict[str, float], rule: str, alpha: float) -> str:
    """The modifier with the highest probability once ``alpha`` is added to the rules'."""
    return max(probabilities, key=lambda k: probabilities[k] + (alpha if k == rule else 0.0))


def accuracy(found: list[str], test: list[Example]) -> float:
    return sum(f == ex.gold for f, ex in zip(found, test, strict=True)) / max(1, len(test))


def article_folds(items: list[Example], k: int = 5, seed: int = 13) -> list[int]:
    """A fold per example; an article's figures share one."""
    articles = sorted({ex.article for ex in items})
    random.Random(seed).shuffle(articles)
    fold = {a: n % k for n, a in enumerate(articles)}
    return [fold[ex.article] for ex in items]


def cross_validate(items: list[Example], predict: Predict, groups: list[str]
                   ) -> tuple[float, dict[str, float]]:
    """Accuracy with each group left out in turn: over all, and per group."""
    found: list[str] = [""] * len(items)
    per: dict[str, float] = {}
    for group in sorted(set(groups)):
        test = [n for n, g in enumerate(groups) if g == group]
        train = [items[n] for n, g in enumerate(groups) if g != group]
        out = predict(train, [items[n] for n in test])
        per[group] = accuracy(out, [items[n] for n in test])
        for n, f in zip(test, out, strict=True):
            found[n] = f
    return accuracy(found, items), per


def _rules(items: list[Example]) -> float:
    return accuracy([ex.rule for ex in items], items)


def _read(path: Path) -> list[Example]:
    return [Example(**e) for e in json.loads(path.read_text(encoding="utf-8"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    parser.add_argument("--corpus", type=Path, default=root / "corpus")
    parser.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    parser.add_argument("--examples", type=Path, help="read the examples instead")
    parser.add_argument("--examples-out", type=Path, help="write the examples (JSON), stop")
    parser.add_argument("--pre-round", action="append", default=[], metavar="FILE=JSON",
                        help="a dev file's examples from the rules of before its round: "
                             "they replace its examples, in training and in testing")
    parser.add_argument("--c", type=float, nargs="+", default=[1.0, 3.0, 10.0])
    parser.add_argument("--alpha", type=float, nargs="+", default=[0.5, 0.7, 0.9])
    args = parser.parse_args()
    items = _read(args.examples) if args.examples else examples(args.corpus, args.data)
    if args.examples_out:
        args.examples_out.write_text(json.dumps([asdict(e) for e in items]), encoding="utf-8")
        return
    print(f"{len(items)} matched figures; the rules (in-sample) {_rules(items):.4f}: "
          + ", ".join(f"{f} {_rules([e for e in items if e.file == f]):.3f}"
                      for f in sorted({e.file for e in items})))
    models = {f"words C={c}": logistic(c, rule=False) for c in args.c} | {
        f"words+rule C={c}": logistic(c, rule=True) for c in args.c} | {
        f"rule+{a} x words C={c}": logistic(c, rule=False, alpha=a)
        for c in args.c for a in args.alpha}
    pre = {name: [ex for ex in _read(Path(path)) if ex.file == name]
           for name, path in (spec.split("=", 1) for spec in args.pre_round)}
    pooled = [ex for ex in items if ex.file not in pre] + [ex for exs in pre.values()
                                                           for ex in exs]
    if pre:
        print(f"the rules of before each round on {', '.join(pre)}: "
              + ", ".join(f"{name} {_rules(exs):.3f}" for name, exs in pre.items())
              + f"; together {_rules([ex for exs in pre.values() for ex in exs]):.4f}")
    folds = [str(f) for f in article_folds(pooled)]
    for name, predict in models.items():
        by_file, per = cross_validate(pooled, predict, [ex.file for ex in pooled])
        by_article, _ = cross_validate(pooled, predict, folds)
        together = sum(per[f] * len(exs) for f, exs in pre.items()) / max(
            1, sum(len(exs) for exs in pre.values()))
        print(f"{name}: file left out {by_file:.4f}, 5 folds by article {by_article:.4f}"
              + (f", the pre-round files together {together:.4f}" if pre else "") + "; "
              + ", ".join(f"{f} {a:.3f}" for f, a in per.items()))

if __name__ == "__main__":
    main()
