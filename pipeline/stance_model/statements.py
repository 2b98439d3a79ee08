"""SEESAW stories -> labelled statements for the statement-level label model.

Each statement attribution finds gets its main row's parts (target, cue, content) as the
component computes them, and a label from SEESAW: the polarity of a gold triple in the
content's first sentence whose subject is the statement's source and whose object is the
main target; else, when the source's triples there agree, their polarity (what the
content says, toward whatever SEESAW names); else neutral (SEESAW annotates every polar
stance between listed entities, so a statement with none is mostly neutral, if noisily).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from pipeline.components import quotes as quoting
from pipeline.components.stance import lexicon
from pipeline.components.stance.candidates import STATEMENT
from pipeline.components.stance.classifier import META
from pipeline.components.stance.component import StanceLabeller
from pipeline.components.stance.statement_label import (
    LABELS,
    StatementLabel,
    combined,
    features,
)
from pipeline.components.stance.targets import Resolver
from pipeline.evaluate.metrics import phrases_match
from pipeline.evaluate.runner import EvalDoc
from pipeline.evaluate.seesaw import SeesawGold, load_seesaw
from pipeline.stance_model import data


@dataclass(frozen=True)
class LabelledStatement:
    doc_id: str
    features: dict[str, float]
    lexicon: str  # the lexicon's label of the main row
    label: str  # support, oppose or neutral
    toward: bool  # the label comes from a triple aimed at the main target


def gold_statement_label(gold: SeesawGold, span: tuple[int, int], source: str | None,
                         target: str | None) -> tuple[str, bool]:
    """The label SEESAW gives a statement whose first sentence covers ``span``, and
    whether a triple aimed at ``target`` gave it."""
    sentences = {i for i, s in enumerate(gold.sentences) if s.start < span[1] and span[0] < s.end}
    own = [t for t in gold.triples if t.sentence in sentences
           and phrases_match(t.subject, source)]
    toward = {data.POLARITY[t.polarity] for t in own if target and phrases_match(t.object, target)}
    if len(toward) == 1:
        return toward.pop(), True
    said = {data.POLARITY[t.polarity] for t in own}
    return (said.pop() if len(said) == 1 else "neutral"), False


def labelled(docs: list[EvalDoc[SeesawGold]], parses: list[Doc]) -> Iterator[LabelledStatement]:
    """Every attributed statement with a named source, its features and SEESAW label."""
    labeller = StanceLabeller(None, "newsclaims_stance", model="")  # type: ignore[arg-type]
    for item, doc in zip(docs, parses, strict=True):
        text = doc.text
        topic = lexicon.topic(text, quoting.quotes(text), doc)
        resolver = Resolver(doc, doc._.nc_entities or [], topic)
        statements, _ = labeller.finder.find(doc, resolver, doc._.nc_statements or [])
        for statement in statements:
            if statement.kind != STATEMENT or not statement.source:
                continue
            parts = labeller.main_parts(doc, statement, topic, resolver)
            if parts.cue is None or parts.content is None or not len(parts.cue):
                continue
            lexical, _ = labeller.lexicon_label(doc, parts)
            label, toward = gold_statement_label(
                item.gold, labeller.first_sentence(doc, statement), statement.source,
                parts.target.name if parts.target else None)
            yield LabelledStatement(item.doc_id, features(parts, lexical), lexical, label, toward)


def _rows(examples: list[LabelledStatement], kept: set[str]) -> list[dict[str, float]]:
    return [{k: v for k, v in ex.features.items() if k in kept} for ex in examples]


def fit(train: list[LabelledStatement], *, c: float, min_count: int, seed: int) -> dict:
    """Multinomial logistic regression (balanced classes: most statements are neutral) as
    the JSON-ready dict ``model.json`` holds."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(name for ex in train for name in ex.features)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(_rows(train, {k for k, n in seen.items() if n >= min_count}))
    model = LogisticRegression(C=c, max_iter=3000, random_state=seed, class_weight="balanced")
    model.fit(x, [ex.label for ex in train])
    weights = {str(name): [round(float(w), 4) for w in model.coef_[:, j]]
               for j, name in enumerate(vectorizer.get_feature_names_out())
               if abs(model.coef_[:, j]).max() >= 1e-3}
    return {"classes": [str(k) for k in model.classes_],
            "intercept": [round(float(b), 4) for b in model.intercept_],
            "weights": dict(sorted(weights.items()))}


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    """Accuracy, macro F1 over the three labels and micro F1 over support and oppose."""
    from sklearn.metrics import accuracy_score, f1_score

    return {"accuracy": round(float(accuracy_score(gold, predicted)), 4),
            "macro_f1": round(float(f1_score(gold, predicted, labels=list(LABELS),
                                             average="macro", zero_division=0)), 4),
            "polar_f1": round(float(f1_score(gold, predicted, labels=list(LABELS[1:]),
                                             average="micro", zero_division=0)), 4)}


def tune(model: StatementLabel, valid: list[LabelledStatement]) -> tuple[float, dict]:
    """The override floor with the best macro F1 on valid, and the valid scores of the
    lexicon, the model alone and the two combined."""
    gold = [ex.label for ex in valid]
    verdicts = [model.verdict(ex.features) for ex in valid]
    floors = [round(0.4 + 0.05 * k, 2) for k in range(12)]
    best = max(floors, key=lambda f: (scores(gold, [combined(ex.lexicon, v, f) for ex, v in zip(
        valid, verdicts, strict=True)])["macro_f1"], f))
    return best, {
        "lexicon": scores(gold, [ex.lexicon for ex in valid]),
        "model": scores(gold, [v.label for v in verdicts]),
        "combined": scores(gold, [combined(ex.lexicon, v, best)
                                  for ex, v in zip(valid, verdicts, strict=True)])}


def save(model: dict, meta: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.json").write_text(json.dumps(model, separators=(",", ":")) + "\n",
                                       encoding="utf-8")
    (folder / META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def train(seesaw: str, out: Path, *, c: float, min_count: int, seed: int,
          cache: Path | None, limit: int | None, log=print) -> dict:
    """Fit on SEESAW train statements, tune the override floor on valid, save; returns
    the folder's ``newsclaims.json``."""
    started = time.perf_counter()
    nlp = data.attribution_nlp()
    splits = {}
    for split in ("train", "valid"):
        docs = load_seesaw(seesaw, split=split).docs[: limit if split == "train" else None]
        splits[split] = list(labelled(docs, data.parsed(docs, nlp, cache)))
    train_set, valid = splits["train"], splits["valid"]
    log(f"{len(train_set)} training statements")
    model = fit(train_set, c=c, min_count=min_count, seed=seed)
    save(model, {}, out)
    floor, valid_scores = tune(StatementLabel(out), valid)
    meta = {"kind": "label", "labels": list(LABELS), "floor": floor,
            "config": {"c": c, "min_count": min_count, "seed": seed, "limit": limit},
            "valid": valid_scores, "train_statements": len(train_set),
            "train_labels": dict(Counter(ex.label for ex in train_set)),
            "valid_statements": len(valid), "features": len(model["weights"]),
            "seconds": round(time.perf_counter() - started, 1)}
    save(model, meta, out)
    log(f"override floor {floor}: SEESAW valid macro F1 {valid_scores['combined']['macro_f1']}"
        f" (lexicon {valid_scores['lexicon']['macro_f1']})")
    return meta
