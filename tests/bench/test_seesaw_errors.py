"""bench/seesaw_errors.py: each gold triple is put down to the first match condition it fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.seesaw_errors import extracted, fate
from pipeline.evaluate.predictions import PredStance
from pipeline.evaluate.runner import EvalDoc
from pipeline.evaluate.seesaw import SeesawGold, Triple

TRIPLE = Triple(sentence=1, subject="Democratic Party", polarity="NEG", object="Donald Trump")


def _row(subject: str, target: str, stance: str) -> PredStance:
    return PredStance(subject=subject, subject_span=None, spans=(), target=target,
                      stance=stance)


@pytest.mark.parametrize(("rows", "why"), [
    ([], "no row in the sentence"),
    ([(_row("Democrats", "Donald Trump", "oppose"), {1})], "subject differs"),
    ([(_row("Democratic Party", "Donald Trump", "oppose"), {2})], "no row in the sentence"),
    ([(_row("Democratic Party", "border wall", "oppose"), {1})], "target differs"),
    ([(_row("Democratic Party", "Trump", "neutral"), {1})], "pair found, neutral"),
    ([(_row("Democratic Party", "Trump", "support"), {1})], "polarity flipped"),
    ([(_row("Democratic Party", "Trump", "oppose"), {1})], "matched"),
])
def test_fate_names_the_first_condition_failed(rows, why):
    assert fate(TRIPLE, rows)[0] == why


def test_cached_parses_give_the_extractors_stance_rows(tmp_path: Path, news: str) -> None:
    text = news + "Senator Jane Roe criticised Finance Minister Taro Aso on Friday.\n"
    docs = [EvalDoc("d1", text, SeesawGold((), ()), None)]
    columns = ["subject", "predicate", "target", "stance", "char_start", "char_end"]
    claims = next(extracted(docs, None))["claims"]
    want = claims[claims["claim_type"] == "stance"][columns].reset_index(drop=True)
    assert len(want) >= 2
    for _ in range(2):  # parsed and kept, then read back
        got = next(extracted(docs, tmp_path))["claims"][columns].reset_index(drop=True)
        assert got.equals(want)
        assert len(list(tmp_path.glob("*.spacy"))) == 1
