"""The run-time stance classifiers (``pipeline.components.stance.classifier``)."""

from __future__ import annotations

import json
import math
import pickle
from pathlib import Path

import pytest

from pipeline.components.stance.classifier import (
    BoostedStance,
    LinearStance,
    fingerprint,
    load,
    read_meta,
)
from pipeline.components.stance.component import StanceLabeller
from pipeline.components.stance.lexicon import public_affairs
from pipeline.components.stance.targets import Resolver
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


def _leaf(value: float) -> dict[str, list]:
    return {"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "value": [value]}


def _boosted(folder: Path) -> Path:
    """One round of three trees (none, support, oppose, LightGBM's order): "oppose" gains
    2 when cue=blast is on and its count of polar words exceeds 1, else nothing."""
    folder.mkdir(parents=True)
    oppose = {"feature": [0, 0, 1, 0, 0], "threshold": [0.5, 0.0, 1.0, 0.0, 0.0],
              "left": [1, 1, 3, 3, 4], "right": [2, 1, 4, 3, 4],
              "value": [0.0, 0.0, 0.0, 0.0, 2.0]}
    (folder / "model.json").write_text(json.dumps(
        {"classes": ["none", "support", "oppose"], "per_round": 3,
         "features": ["cue=blast", "content_oppose"],
         "trees": [_leaf(1.0), _leaf(0.0), oppose]}))
    (folder / "newsclaims.json").write_text(json.dumps(
        {"kind": "boosted", "labels": ["none", "support", "oppose"],
         "thresholds": {"statement": 0.5, "event": 0.5, "action": 0.5, "pair": 0.5}}))
    return folder


def test_boosted_walks_each_tree_to_its_leaf(tmp_path: Path) -> None:
    model = load(_boosted(tmp_path / "m"))
    assert isinstance(model, BoostedStance)
    off, on_weak, on = model.score([
        {"unknown": 1.0}, {"cue=blast": 1.0, "content_oppose": 1.0},
        {"cue=blast": 1.0, "content_oppose": 2.0}])
    assert off.polar == on_weak.polar == pytest.approx(2 / (math.e + 2))
    assert on.oppose == pytest.approx(math.exp(2) / (math.e + 1 + math.exp(2)))
    assert on.label == "oppose"
    assert model.score([]) == []


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


def test_public_affairs_words() -> None:
    assert public_affairs("The minister told parliament the policy would stay.")
    assert not public_affairs("The striker scored twice before half-time in the league match.")


def test_classifier_judges_political_news_only(parse, tmp_path: Path) -> None:
    labeller = StanceLabeller(None, "newsclaims_stance",  # type: ignore[arg-type]
                              model=str(_linear(tmp_path / "m", {})))
    text = ("Chelsea signed Vincent Candela from Roma. Jose Mourinho said Candela was the "
            "best defender in Italy.")
    for political, words in ((False, ""), (True, " The minister told parliament so.")):
        doc = parse(text + words)
        resolver = Resolver(doc, doc._.nc_entities or [], None)
        statements, candidates = labeller.finder.find(doc, resolver, doc._.nc_statements)
        judged = labeller.judge(doc, statements, candidates, resolver)
        polar = {(statements[c.statement].kind, j.polar > 0)
                 for c, j in zip(candidates, judged, strict=True)}
        assert ("statement", political) in polar and ("action", political) in polar
