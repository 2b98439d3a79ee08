"""Train and tag end to end on a tiny random BERT (seconds; skipped without [trf])."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.attribution_model.tiny import article, tiny_config

pytest.importorskip("torch", reason="the [trf] extra (torch) is not installed")
pytest.importorskip("transformers", reason="the [trf] extra (transformers) is not installed")


def test_artifact_has_weights_tokenizer_label_map_and_card(tiny_model: Path) -> None:
    names = {p.name for p in tiny_model.iterdir()}
    assert {"model.safetensors", "config.json", "newsclaims.json", "README.md"} <= names
    assert any(n.startswith("tokenizer") for n in names)
    meta = json.loads((tiny_model / "newsclaims.json").read_text())
    assert meta["labels"][:3] == ["SOURCE-O", "SOURCE-B", "SOURCE-I"]
    assert meta["max_length"] == 32
    config = json.loads((tiny_model / "config.json").read_text())
    assert config.get("dtype", config.get("torch_dtype")) == "float16"
    card = (tiny_model / "README.md").read_text()
    assert "PolNeAR" in card and "## Rebuild" in card


def test_tagger_learns_the_training_spans(tiny_model: Path) -> None:
    from pipeline.attribution_model.tagger import Tagger

    text, gold = article(0)
    found = Tagger(tiny_model).tag(text)
    cues = [text[s:e] for s, e in found["CUE"]]
    assert cues == [cue for _, cue, _ in gold]
    sources = [text[s:e] for s, e in found["SOURCE"]]
    assert sources == [source for source, _, _ in gold]


def test_tagging_a_text_longer_than_a_window(tiny_model: Path) -> None:
    from pipeline.attribution_model.tagger import Tagger

    text = " ".join(article(k)[0].strip() for k in range(5))  # ~8 windows of 30 tokens
    found = Tagger(tiny_model).tag(text)
    assert len(found["CUE"]) >= 15
    assert all(text[s:e] in ("said", "argued", "warned", "claimed") for s, e in found["CUE"])
    assert Tagger(tiny_model).tag("") == {"SOURCE": [], "CUE": [], "CONTENT": []}


def test_training_is_deterministic_for_a_seed(tiny_encoder: Path, polnear_tiny: Path,
                                              tmp_path: Path) -> None:
    from pipeline.attribution_model.train import train

    quick = {"epochs": 2}
    first = train(tiny_config(tiny_encoder, polnear_tiny, tmp_path / "a", **quick),
                  log=lambda _: None)
    second = train(tiny_config(tiny_encoder, polnear_tiny, tmp_path / "b", **quick),
                   log=lambda _: None)
    third = train(tiny_config(tiny_encoder, polnear_tiny, tmp_path / "c", seed=8, **quick),
                  log=lambda _: None)
    weights = [(p / "model.safetensors").read_bytes() for p in (first, second, third)]
    assert weights[0] == weights[1] != weights[2]
