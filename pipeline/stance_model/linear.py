"""The default stance classifier: multinomial logistic regression over named features.

Fit with scikit-learn at training time only; saved as plain JSON (feature -> weights per
class), which :class:`pipeline.components.stance.classifier.LinearStance` scores with
numpy. Features seen fewer than ``min_count`` times in training are dropped.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pipeline.stance_model.data import Example


def fit(train: list[Example], *, c: float = 0.1, min_count: int = 2,
        balanced: bool = True, seed: int = 13) -> dict:
    """The fitted model as the JSON-ready dict ``model.json`` holds."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(name for ex in train for name in ex.features)
    rows = [{k: v for k, v in ex.features.items() if seen[k] >= min_count} for ex in train]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=3000, random_state=seed,
                               class_weight="balanced" if balanced else None)
    model.fit(x, [ex.label for ex in train])
    names = vectorizer.get_feature_names_out()
    weights = {str(name): [round(float(w), 5) for w in model.coef_[:, j]]
               for j, name in enumerate(names) if abs(model.coef_[:, j]).max() >= 1e-4}
    return {"classes": [str(c) for c in model.classes_],
            "intercept": [round(float(b), 5) for b in model.intercept_],
            "weights": dict(sorted(weights.items()))}


def save(model: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.json").write_text(json.dumps(model, separators=(",", ":")) + "\n",
                                       encoding="utf-8")
