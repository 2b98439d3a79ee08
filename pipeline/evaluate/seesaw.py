"""Entity-to-entity stance triples against SEESAW (Zhang et al., EMNLP 2022).

Assumptions about the files (checked on the train/valid data):
- ``meta/TRIPLET_<story>.json`` holds ``Split`` ("train"/"valid"); the story's
  articles are ``articles/TRIPLET_<story>_DOCUMENT_<k>.json`` with ``text`` a list of
  ``{"id", "text"}`` sentences, and ``annotations/`` the same file names with
  ``"sentence-level stances": {"<sentence id>": [{subject, sentiment, object}]}``.
- The document is the sentences joined with "\\n" (empty sentences kept, so ids and
  offsets line up); the title is not part of it.
- Gold keeps triples whose subject is a named entity: subject "None" (the author)
  and "Not in the list" (unlisted), and object "Not in the list", are left out.
  Triples repeated by several annotators count once.
- A prediction is a stance row with stance support/oppose (-> POS/NEG); neutral rows
  are ignored, as SEESAW annotates only polar stances. Its sentences are the SEESAW
  sentences its evidence span (``char_start/char_end``) overlaps, else ``sent_idx``.
- Match: sentence, subject (token F1 >= 0.5), object vs ``target`` (token F1 >= 0.5)
  and polarity; ``subject+object`` drops the polarity condition.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import GoldFormatError
from pipeline.evaluate.gold import read_json, require_dir
from pipeline.evaluate.metrics import Tally, greedy_match, phrases_match
from pipeline.evaluate.predictions import PredStance
from pipeline.evaluate.report import Report
from pipeline.evaluate.runner import EvalDoc, ExtractFn, GoldSet, rows, run_docs
from pipeline.evaluate.spans import Span, overlaps

POLARITY = {"support": "POS", "oppose": "NEG"}
UNNAMED = frozenset({"None", "Not in the list"})


@dataclass(frozen=True)
class Triple:
    sentence: int
    subject: str
    polarity: str
    object: str


@dataclass(frozen=True)
class SeesawGold:
    sentences: tuple[Span, ...]
    triples: tuple[Triple, ...]


def article_sentences(article: Any, where: str) -> list[str]:
    """A SEESAW article's sentences in id order (ids run 0..n-1, so id = list index)."""
    try:
        items = sorted(article["text"], key=lambda s: int(s["id"]))
        return [str(s["text"]) for s in items]
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldFormatError(f"{where}: expected text: [{{id, text}}, ...]") from exc


def _join(sentences: list[str]) -> tuple[str, tuple[Span, ...]]:
    spans, start = [], 0
    for s in sentences:
        spans.append(Span(start, start + len(s)))
        start += len(s) + 1
    return "\n".join(sentences), tuple(spans)


def _triples(annotation: Any, n_sentences: int, where: str, dropped: Counter[str]) -> list[Triple]:
    try:
        by_sentence = annotation["sentence-level stances"].items()
        raw = [(int(k), t["subject"], t["sentiment"], t["object"])
               for k, ts in by_sentence for t in ts]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise GoldFormatError(f"{where}: bad 'sentence-level stances'") from exc
    kept: dict[Triple, None] = {}
    for sent, subject, polarity, obj in raw:
        if subject in UNNAMED:
            dropped[f"subject {subject!r}"] += 1
        elif obj in UNNAMED:
            dropped[f"object {obj!r}"] += 1
        elif not 0 <= sent < n_sentences:
            dropped["sentence id out of range"] += 1
        else:
            kept.setdefault(Triple(sent, subject, polarity, obj))
    return list(kept)


def load_seesaw(seesaw_dir: str | Path, *, split: str = "valid") -> GoldSet[SeesawGold]:
    """Articles of the stories in one split, with their named-source triples."""
    root = require_dir(seesaw_dir, "SEESAW")
    meta_dir = require_dir(root / "meta", "SEESAW meta")
    articles_dir = require_dir(root / "articles", "SEESAW articles")
    annotations_dir = require_dir(root / "annotations", "SEESAW annotations")
    docs: list[EvalDoc[SeesawGold]] = []
    dropped: Counter[str] = Counter()
    for meta_path in sorted(meta_dir.glob("*.json")):
        meta = read_json(meta_path)
        if not isinstance(meta, dict) or meta.get("Split") != split:
            continue
        for path in sorted(articles_dir.glob(f"{meta_path.stem}_DOCUMENT_*.json")):
            text, spans = _join(article_sentences(read_json(path), path.name))
            ann_path = annotations_dir / path.name
            triples = (
                _triples(read_json(ann_path), len(spans), ann_path.name, dropped)
                if ann_path.is_file()
                else []
            )
            gold = SeesawGold(spans, tuple(triples))
            docs.append(EvalDoc(path.stem, text, gold, meta.get("story_time")))
    if not docs:
        raise GoldFormatError(f"no SEESAW articles with Split == {split!r} in {root}")
    notes = [f"left out {n} gold triples: {why}" for why, n in dropped.most_common()]
    return GoldSet(docs, notes)


def _pred_sentences(p: PredStance, row_sent: int | None, spans: tuple[Span, ...]) -> set[int]:
    if p.evidence is not None:
        return {i for i, s in enumerate(spans) if overlaps(s, p.evidence)}
    return {row_sent} if row_sent is not None else set()


def score_seesaw(doc: EvalDoc[SeesawGold], tables: dict[str, pd.DataFrame]) -> Tally:
    tally = Tally()
    preds: list[tuple[PredStance, set[int], str]] = []
    for row in rows(tables, "claims", claim_type="stance"):
        p = PredStance.from_row(row)
        polarity = POLARITY.get((p.stance or "").lower())
        if polarity is None:
            tally.count("non-polar stance rows ignored")
            continue
        sent = row.get("sent_idx")
        preds.append((p, _pred_sentences(p, None if sent is None else int(sent),
                                         doc.gold.sentences), polarity))
    gold = list(doc.gold.triples)
    for name, need_polarity in (("subject+object", False), ("triple", True)):
        def weight(g: Triple, pred: tuple[PredStance, set[int], str],
                   need_polarity: bool = need_polarity) -> float | None:
            p, sents, polarity = pred
            ok = (g.sentence in sents and phrases_match(g.subject, p.subject)
                  and phrases_match(g.object, p.target)
                  and (polarity == g.polarity or not need_polarity))
            return 1.0 if ok else None

        tally.add_matches(name, len(greedy_match(gold, preds, weight)), len(preds), len(gold))
    return tally


def evaluate_seesaw(
    extract_fn: ExtractFn, seesaw_dir: str | Path, *, split: str = "valid"
) -> Report:
    gold = load_seesaw(seesaw_dir, split=split)
    return run_docs("stance", f"seesaw:{split}", gold.docs, extract_fn, score_seesaw, gold.notes)
