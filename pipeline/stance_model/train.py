"""``newsclaims train stance``: fit on SEESAW train, tune thresholds on valid, save.

SEESAW test is never read. The corpus gold is not used here: it is the second check
(``newsclaims evaluate stance``).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.components.stance import classifier
from pipeline.components.stance.component import StanceLabeller
from pipeline.evaluate.seesaw import load_seesaw
from pipeline.stance_model import boosted, data, linear, tuning


@dataclass(frozen=True)
class TrainConfig:
    seesaw: str
    out: str
    kind: str = "boosted"  # boosted trees (LightGBM) or linear (logistic regression)
    c: float = 0.1  # linear: inverse L2 regularisation strength
    rounds: int = 150  # boosted: boosting rounds (each a tree per label)
    min_count: int = 2  # features seen fewer times in training are dropped
    seed: int = 13
    cache: str | None = None
    limit: int | None = None  # train on the first N articles only (quick runs)


def train(config: TrainConfig, log=print) -> dict:
    """Train, tune and save one model folder; returns its ``newsclaims.json``."""
    started = time.perf_counter()
    nlp = data.attribution_nlp()
    cache = Path(config.cache) if config.cache else None
    train_docs = load_seesaw(config.seesaw, split="train").docs[: config.limit]
    valid_docs = load_seesaw(config.seesaw, split="valid").docs
    train_parses = data.parsed(train_docs, nlp, cache)
    valid_parses = data.parsed(valid_docs, nlp, cache)
    examples = list(data.examples(train_docs, train_parses))
    log(f"{len(examples)} training pairs from {len(train_docs)} SEESAW train articles")
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    settings = {k: v for k, v in asdict(config).items() if k not in ("seesaw", "out", "cache")}
    meta: dict = {"kind": config.kind, "labels": list(classifier.LABELS),
                  "config": settings, "thresholds": {}}
    if config.kind == "boosted":
        boosted.save(boosted.fit(examples, rounds=config.rounds, min_count=config.min_count,
                                 seed=config.seed), out)
    else:
        linear.save(linear.fit(examples, c=config.c, min_count=config.min_count,
                               seed=config.seed), out)
    trained_s = time.perf_counter() - started
    # valid: thresholds, then the scores the card reports
    (out / classifier.META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    labeller = StanceLabeller(None, "newsclaims_stance",  # type: ignore[arg-type]
                              model=str(out), pairs=True)
    judged = tuning.judge_all(valid_docs, valid_parses, labeller, labeller.judge)
    thresholds, f1 = tuning.tune(judged, labeller)
    meta.update(thresholds=thresholds, valid=tuning.score(judged, labeller),
                train_pairs=len(examples), train_articles=len(train_docs),
                seconds=round(time.perf_counter() - started, 1),
                train_seconds=round(trained_s, 1))
    (out / classifier.META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    log(f"thresholds {thresholds}: SEESAW valid triple F1 {f1:.3f}")
    return meta
