"""``newsclaims train stance`` on a tiny SEESAW-shaped folder written by the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.components.stance.classifier import BoostedStance, LinearStance, load, read_meta
from pipeline.evaluate.seesaw import load_seesaw
from pipeline.stance_model.data import gold_label

STORY = [
    "Barack Obama blasted Republicans for blocking Loretta Lynch.",
    "Mitch McConnell praised the trafficking bill on Monday.",
    '"She is qualified," Obama said of Lynch.',
]


@pytest.fixture
def seesaw(tmp_path: Path, write) -> Path:
    """Two train stories and one valid story, the same three sentences each."""
    for story, split in (("000", "train"), ("001", "train"), ("002", "valid")):
        write(f"seesaw/meta/TRIPLET_{story}.json", json.dumps({"Split": split}))
        name = f"TRIPLET_{story}_DOCUMENT_0.json"
        write(f"seesaw/articles/{name}", json.dumps(
            {"title": "t", "text": [{"id": i, "text": s} for i, s in enumerate(STORY)]}))
        triple = {"id": 0, "annotators": ["A"]}
        write(f"seesaw/annotations/{name}", json.dumps({"sentence-level stances": {
            "0": [{**triple, "subject": "Barack Obama", "sentiment": "NEG",
                   "object": "Republican Party"}],
            "1": [{**triple, "subject": "Mitch McConnell", "sentiment": "POS",
                   "object": "trafficking bill"}],
            "2": [{**triple, "subject": "Barack Obama", "sentiment": "POS",
                   "object": "Loretta Lynch"}]}}))
    return tmp_path / "seesaw"


def test_gold_label_matches_like_the_scorer(seesaw: Path) -> None:
    [doc] = load_seesaw(seesaw, split="valid").docs
    start = doc.text.index("Republicans")
    assert gold_label(doc.gold, start, "Obama", "Republican Party") == "oppose"
    assert gold_label(doc.gold, start, "Mitch McConnell", "Republican Party") == "none"
    bill = doc.text.index("trafficking bill")
    assert gold_label(doc.gold, bill, "Mitch McConnell", "the trafficking bill") == "support"


@pytest.mark.parametrize("kind", ["linear", "boosted"])
def test_train_writes_a_model_its_card_and_tuned_thresholds(seesaw: Path, tmp_path: Path,
                                                            kind: str) -> None:
    pytest.importorskip("sklearn")
    if kind == "boosted":
        pytest.importorskip("lightgbm")
    from pipeline.stance_model import card
    from pipeline.stance_model.train import TrainConfig, train

    out = tmp_path / f"stance-{kind}"
    meta = train(TrainConfig(seesaw=str(seesaw), out=str(out), kind=kind, min_count=1,
                             rounds=5), log=lambda line: None)
    card.write(out, meta)
    assert read_meta(out)["thresholds"] == meta["thresholds"]
    assert read_meta(out)["kind"] == kind
    assert set(meta["thresholds"]) == {"statement", "event", "action", "pair"}
    assert set(meta["valid"]) == {"subject+object", "triple"}
    assert meta["train_articles"] == 2 and meta["train_pairs"] > 0
    text = (out / "README.md").read_text()
    assert "SEESAW valid" in text and f"--kind {kind}" in text
    model = load(out)
    assert isinstance(model, LinearStance if kind == "linear" else BoostedStance)
    [judged] = model.score([{"cue=blast": 1.0}])
    assert judged.none + judged.support + judged.oppose == pytest.approx(1.0)
