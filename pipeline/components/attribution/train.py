"""Train the attribution model on a PolNeAR split and save it as a model folder.

The articles are parsed once by the pipeline's own spaCy model (and cached as DocBins
with ``cache``, so a second run skips the parse); the rules run on each; then the cue
CRF learns from every sentence, the source CRF and the content ranker from every
annotated cue. Needs python-crfsuite (a default dependency) and numpy (spaCy's).
Reads the gold through the evaluation's PolNeAR reader, so the model learns exactly the
spans it is scored on; extraction never imports this module.
"""

from __future__ import annotations

import hashlib
import json
import random
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pycrfsuite
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from pipeline import __version__
from pipeline.components import quotes as quoting
from pipeline.components.attribution import content, cue_lexicon, features, model
from pipeline.components.attribution.features import DocView, Tokens, TokenStatement
from pipeline.components.attribution.linking import floating_quotes
from pipeline.components.attribution.rules import RuleFinder
from pipeline.errors import UserError
from pipeline.evaluate.attribution import Attribution, load_polnear
from pipeline.evaluate.spans import Span, trim

Log = Callable[[str], None]


@dataclass(frozen=True)
class TrainConfig:
    data: str  # a PolNeAR split folder (text/, attributions/)
    out: str
    cache: str | None = None  # a folder for the parsed articles, reused by later runs
    limit: int | None = None  # the first N articles only (tests, quick runs)
    min_density: float = 1.5  # attributions per 1,000 characters; sparser articles are skipped
    c1: float = 0.05  # the CRFs' L1 and L2 penalties and L-BFGS iterations
    c2: float = 0.01
    iterations: int = 250
    cue_threshold: float = 0.5  # posterior decoding of the cue CRF (model.decode)
    rule_cue_threshold: float = 0.15  # the same where the rules found a cue
    epochs: int = 6  # passes of the content ranker over the cues
    seed: int = 13
    lexicon_folds: int = 5  # the learned cue lexicon's folds (0: train without one)
    lexicon_min_count: int = 3  # a lemma or link seen fewer times gets no share


@dataclass(frozen=True)
class Article:
    view: DocView
    gold: list[TokenStatement]


def _tokens(doc: Doc, text: str, span: Span | None) -> Tokens | None:
    """Gold characters as tokens, trimmed of edge punctuation the way the scorer trims
    (a cue that is only punctuation, ":" or a dash, keeps it)."""
    if span is None:
        return None
    trimmed = trim(text, span)
    span = trimmed if len(trimmed) else span
    return features.token_range(doc, (span.start, span.end))


def gold_statements(doc: Doc, gold: list[Attribution]) -> list[TokenStatement]:
    text = doc.text
    found = []
    for attribution in gold:
        cue = _tokens(doc, text, attribution.cue)
        if cue is not None:
            found.append(TokenStatement(_tokens(doc, text, attribution.source), cue,
                                        _tokens(doc, text, attribution.content)))
    return found


def parsed(config: TrainConfig, nlp: Language, log: Log
           ) -> Iterator[tuple[Doc, list[Attribution]]]:
    """(Doc, gold attributions) per article of ``config.data``, parsed once per cache."""
    gold = load_polnear(config.data, limit=config.limit).docs
    key = hashlib.sha256(json.dumps([str(Path(config.data).resolve()), config.limit,
                                     nlp.meta.get("name"), nlp.meta.get("version"),
                                     nlp.pipe_names]).encode()).hexdigest()[:12]
    cached = Path(config.cache) / f"polnear-{key}.spacy" if config.cache else None
    if cached is not None and cached.is_file():
        docs = list(DocBin().from_disk(cached).get_docs(nlp.vocab))
        log(f"{len(docs)} parsed articles read from {cached}")
    else:
        started = time.perf_counter()
        ours = [p for p in nlp.pipe_names  # the parse only: what the features read
                if p.startswith("newsclaims_") and p != "newsclaims_paragraphs"]
        with nlp.select_pipes(disable=ours):
            docs = list(nlp.pipe((d.text for d in gold), batch_size=16))
        log(f"{len(docs)} articles parsed in {time.perf_counter() - started:.0f}s")
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            bin_ = DocBin(docs=docs)
            bin_.to_disk(cached)
    yield from zip(docs, (d.gold for d in gold), strict=True)


def articles(config: TrainConfig, pairs: Iterable[tuple[Doc, list[Attribution]]], log: Log
             ) -> list[Article]:
    """The training articles as views with the rules' statements and the gold as tokens;
    articles annotated more sparsely than ``min_density`` are left out (partly annotated:
    their unmarked statements would teach the taggers that statements are no such thing)."""
    rules, vocabulary = RuleFinder(), features.Vocabulary()
    kept, skipped = [], 0
    for doc, gold in pairs:
        text = doc.text
        if len(gold) * 1000 < config.min_density * max(1, len(text)):
            skipped += 1
            continue
        quotes = quoting.quotes(text)
        found = floating_quotes(text, quotes, rules.find(doc, text, quotes))
        kept.append(Article(vocabulary.view(doc, quotes, found), gold_statements(doc, gold)))
    log(f"{len(kept)} articles kept, {skipped} sparsely annotated ones left out")
    return kept


def _crf(path: Path, config: TrainConfig, sequences: Iterator[tuple[list, list[str]]]) -> int:
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
        n += 1
    trainer.set_params({"c1": config.c1, "c2": config.c2, "max_iterations": config.iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(path))
    return n


def cue_sequences(items: list[Article], lexicons: list[cue_lexicon.CueLexicon] | None = None
                  ) -> Iterator[tuple[list, list[str]]]:
    """Every sentence with its gold cue tags; ``lexicons``: per article, the learned
    lexicon its features read (cross-fitted: learned without the article's fold)."""
    for k, article in enumerate(items):
        cues = [g.cue for g in article.gold]
        lexicon = lexicons[k] if lexicons is not None else None
        for sent in article.view.sents:
            yield (cue_lexicon.cue_features(article.view, sent, lexicon),
                   features.bio(cues, *sent))


def learn_lexicon(config: TrainConfig, items: list[Article], out: Path, log: Log
                  ) -> list[cue_lexicon.CueLexicon] | None:
    """The learned cue lexicon of all ``items``, saved in ``out``, and the cross-fitted
    ones the cue CRF trains on; None when ``config.lexicon_folds`` is 0."""
    if config.lexicon_folds <= 0:
        return None
    annotated = [(a.view, [g.cue for g in a.gold]) for a in items]
    whole = cue_lexicon.learn(annotated, config.lexicon_min_count)
    whole.save(out)
    log(f"cue lexicon: {len(whole.lemmas)} lemmas, {len(whole.links)} links")
    return cue_lexicon.cross_fitted(annotated, config.lexicon_folds, config.lexicon_min_count)


def source_sequences(items: list[Article]) -> Iterator[tuple[list, list[str]]]:
    for article in items:
        for gold in article.gold:
            start, end = article.view.sents[article.view.sent_of[gold.cue[0]]]
            sources = [gold.source] if gold.source is not None else []
            yield features.source_features(article.view, gold.cue), features.bio(sources, start,
                                                                                  end)


def content_groups(items: list[Article]) -> Iterator[tuple[list[list[str]], int]]:
    """Per annotated cue: its candidates' features and which one is the gold content
    (cues whose content no candidate matches are left out)."""
    for article in items:
        view = article.view
        spans, counts = content.quotations(view), content.running(view)
        for gold in article.gold:
            if gold.content is None:
                continue
            found = sorted(content.candidates(view, gold.cue, spans).items())
            index = next((k for k, (span, _) in enumerate(found) if span == gold.content), None)
            if index is None:
                continue
            rules = view.rules_at(gold.cue)
            contents = [r.content for r in rules if r.content is not None]
            source = next((r.source for r in rules if r.source is not None), None)
            head = view.root(gold.cue)
            yield ([content.candidate_features(view, gold.cue, head, span, sorted(kinds),
                                               contents, source, counts)
                    for span, kinds in found],
                   index)


def fit_ranker(groups: list[tuple[list[list[str]], int]], epochs: int, seed: int,
               log: Log, rate: float = 0.1, l2: float = 1e-5, min_count: int = 3
               ) -> dict[str, float]:
    """Softmax over each group's candidates, AdaGrad on the log-loss of the gold one.
    ``rate`` 0.1 and ``l2`` 1e-5 were chosen on PolNeAR dev given gold cues (share of gold
    contents exact 0.733, against 0.721 at 0.2 and 1e-6, 0.731 at 0.05); features seen
    for fewer than ``min_count`` cues are left out (0.737 at 3, 0.734 at 10, with 37k and
    15k weights against 80k)."""
    seen: Counter[str] = Counter(f for cands, _ in groups for f in {x for c in cands for x in c})
    groups = [([[f for f in cand if seen[f] >= min_count] for cand in cands], gold)
              for cands, gold in groups]
    index: dict[str, int] = {}
    encoded = [([np.array([index.setdefault(f, len(index)) for f in cand], dtype=np.int64)
                 for cand in cands], gold) for cands, gold in groups]
    weights, squares = np.zeros(len(index)), np.full(len(index), 1e-8)
    shuffler = random.Random(seed)
    for epoch in range(epochs):
        shuffler.shuffle(encoded)
        loss = right = 0.0
        for cands, gold in encoded:
            scores = np.array([weights[c].sum() for c in cands])
            probs = np.exp(scores - scores.max())
            probs /= probs.sum()
            loss -= float(np.log(probs[gold] + 1e-12))
            right += int(probs.argmax() == gold)
            for k, c in enumerate(cands):
                grad = probs[k] - (k == gold)
                if abs(grad) < 1e-4:
                    continue
                step = grad + l2 * weights[c]
                np.add.at(squares, c, step * step)
                np.add.at(weights, c, -rate * step / np.sqrt(squares[c]))
        log(f"content ranker epoch {epoch + 1}/{epochs}: loss {loss / len(encoded):.3f}, "
            f"train accuracy {right / len(encoded):.3f}")
    return {f: round(float(weights[j]), 5) for f, j in index.items() if abs(weights[j]) >= 1e-5}


def train(config: TrainConfig, nlp: Language, *, log: Log | None = None,
          pairs: Iterable[tuple[Doc, list[Attribution]]] | None = None) -> Path:
    """Train all three parts on ``config.data`` parsed by ``nlp`` (or on ``pairs``, parsed
    already); write them and ``newsclaims.json`` to ``config.out`` (the model card is
    written by :mod:`.card`)."""
    say = log or (lambda message: print(message, file=sys.stderr, flush=True))
    started = time.perf_counter()
    items = articles(config, pairs if pairs is not None else parsed(config, nlp, say), say)
    if not items:
        raise UserError(f"no annotated articles to train on in {config.data}")
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    lexicons = learn_lexicon(config, items, out, say)
    for part, sequences in (("cue", cue_sequences(items, lexicons)),
                            ("source", source_sequences(items))):
        clock = time.perf_counter()
        counts[part] = _crf(out / f"{part}.crfsuite", config, sequences)
        say(f"{part} CRF: {counts[part]} sequences, {time.perf_counter() - clock:.0f}s")
    groups = list(content_groups(items))
    counts["content"] = len(groups)
    weights = fit_ranker(groups, config.epochs, config.seed, say)
    (out / "content.json").write_text(json.dumps({"weights": weights}, sort_keys=True),
                                      encoding="utf-8")
    model.write_meta(out, {
        "train": {**asdict(config), "cache": None},
        "decode": {"cue_threshold": config.cue_threshold,
                   "rule_cue_threshold": config.rule_cue_threshold},
        "run": {"articles": len(items), "sequences": counts,
                "seconds": round(time.perf_counter() - started, 1),
                "spacy_model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-"
                               f"{nlp.meta.get('version')}",
                "newsclaims": __version__, "command": rebuild_command(config)},
    })
    say(f"saved {out} after {time.perf_counter() - started:.0f}s")
    return out


def rebuild_command(config: TrainConfig) -> str:
    """The command line that trains this model again, every setting spelled out."""
    args = ["newsclaims", "train", "attribution", "--data", config.data, "--out", config.out]
    for name in ("min_density", "c1", "c2", "iterations", "cue_threshold", "rule_cue_threshold",
                 "epochs", "seed", "lexicon_folds", "lexicon_min_count"):
        args += [f"--{name.replace('_', '-')}", str(getattr(config, name))]
    if config.limit:
        args += ["--limit", str(config.limit)]
    return shlex.join(args)
