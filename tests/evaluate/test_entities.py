from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.evaluate import evaluate_entities
from pipeline.evaluate.entities import find_occurrences, strip_possessive
from pipeline.evaluate.gold import GoldEntity


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Ishiba's", "Ishiba"), ("Ishiba’s", "Ishiba"), ("voters'", "voters"), ("Japan", "Japan")],
)
def test_strip_possessive(raw: str, expected: str) -> None:
    assert strip_possessive(raw) == expected


def test_find_occurrences_longest_first_whole_words(text: str) -> None:
    entities = (
        GoldEntity("Shigeru Ishiba", "PERSON", ("Ishiba",)),
        GoldEntity("Japan", "GPE", ("Japan",)),
        GoldEntity("Japan Post", "ORG", ("Post",)),  # "Post" never occurs as a word here
    )
    found = [(text[o.span.start:o.span.end], o.entities[0].canonical)
             for o in find_occurrences(text, entities)]
    assert found == [("Japan", "Japan"), ("Shigeru Ishiba", "Shigeru Ishiba"),
                     ("Ishiba", "Shigeru Ishiba")]


def _counts(report) -> dict[str, tuple[int, int, int]]:
    return {s.metric: (s.tp, s.fp, s.fn) for s in report.scores}


def test_perfect_predictions_score_one(corpus: Path, oracle, extractor) -> None:
    extra = pd.DataFrame([{"text": "Defense Ministry", "canonical": "Defense Ministry",
                           "label": "ORG", "char_start": 8, "char_end": 24}])
    entities = pd.concat([oracle["entities"], extra], ignore_index=True)  # not gold: unscored
    report = evaluate_entities(extractor({"entities": entities}), corpus_dir=corpus)
    assert _counts(report) == {"mention": (3, 0, 0), "canonical": (3, 0, 0),
                               "canonical+label": (3, 0, 0)}


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("canonical", "Ishiba", {"mention": (3, 0, 0), "canonical": (2, 1, 1),
                                 "canonical+label": (2, 1, 1)}),
        ("label", "ORG", {"canonical": (3, 0, 0), "canonical+label": (2, 1, 1)}),
        ("canonical", "shigeru ishiba", {"canonical": (3, 0, 0)}),  # case-insensitive
    ],
)
def test_one_wrong_mention(corpus: Path, oracle, extractor, column, value, expected) -> None:
    entities = oracle["entities"].copy()
    entities.loc[2, column] = value  # row 2 is "Ishiba's"
    report = evaluate_entities(extractor({"entities": entities}), corpus_dir=corpus)
    got = _counts(report)
    assert {k: got[k] for k in expected} == expected


def test_missed_mentions_are_fn(corpus: Path, oracle, extractor) -> None:
    entities = oracle["entities"].iloc[:1]
    report = evaluate_entities(extractor({"entities": entities}), corpus_dir=corpus)
    assert _counts(report)["canonical"] == (1, 0, 2)
