"""The run-time stance classifiers (``pipeline.components.stance.classifier``)."""

from __future__ import annotations

import json
import math
import pickle
from pathlib import Path

import pytest

from pipeline.components.stance.classifier import LinearStance, fingerprint, load, read_meta
from pipeline.components.stance.component import StanceLabeller
from pipeline.errors import ModelNotFound


def _linear(folder: Path, weights: dict[str, list[float]]) -> Path:
    folder.mkdir(parents=True)
    (folder / "model.json").write_text(json.dumps(
        {"classes": ["none", "oppose", "support"], "intercept": [1.0, 0.0, 0.0],
         "weights": weights}))
    (folder / "newsclaims.json").write_text(json.dumps(
        {"kind": "linear", "labels": ["none", "support", "oppose"],
         "thresholds": {"statement": 0.5, "event": 0.5, "action": 0.5}}))
    return folder


def test_linear_scores_named_features(tmp_path: Path) -> None:
    model = LinearStance(_linear(tmp_path / "m", {"cue=blast": [0.0, 3.0, 0.0]}))
    # classes none, oppose, support: scores 1, 3, 0 -> P(polar) = (e^3 + 1) / (e + e^3 + 1)
    expected = (math.exp(3) + 1) / (math.e + math.exp(3) + 1)
    assert model.polar({"cue=blast": 1.0, "unknown": 1.0}) == pytest.approx(expected)
    assert model.polar({}) == pytest.approx(2 / (math.e + 2))


def test_missing_model_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound):
        read_meta(tmp_path / "nothing")


def test_fingerprint_follows_the_weights_not_the_card(tmp_path: Path) -> None:
    folder = _linear(tmp_path / "m", {"a": [0.0, 1.0, 0.0]})
    before = fingerprint(folder)
    (folder / "README.md").write_text("card")
    assert fingerprint(folder) == before
    (folder / "model.json").write_text((folder / "model.json").read_text().replace("1.0", "2.0"))
    assert fingerprint(folder) != before
    assert isinstance(load(folder), LinearStance)


def test_labeller_pickles_without_its_loaded_model(tmp_path: Path) -> None:
    labeller = StanceLabeller(None, "newsclaims_stance",  # type: ignore[arg-type]
                              model=str(_linear(tmp_path / "m", {})))
    assert labeller.classifier is not None
    copy = pickle.loads(pickle.dumps(labeller))
    assert copy._classifier is None and copy.thresholds == labeller.thresholds


def test_lexicon_alone_without_a_model(parse) -> None:
    labeller = StanceLabeller(None, "newsclaims_stance", model="")  # type: ignore[arg-type]
    doc = parse("The minister would not endorse the plan.")
    labeller(doc)
    assert [s.stance for s in doc._.nc_statements] == ["oppose"]
