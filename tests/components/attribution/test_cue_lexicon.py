"""The learned cue lexicon: shares counted from gold cues, cross-fitted folds, features."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.components.attribution import cue_lexicon
from pipeline.components.attribution.features import DocView, Vocabulary

TEXTS = [
    ("Smith decried the plan.", [(1, 2)]),  # "decried"
    ("Jones decried the tax.", [(1, 2)]),
    ("Lee called for a vote.", [(1, 3)]),  # "called for"
    ("Kim called the office.", []),  # "called" without "for": no cue
]


@pytest.fixture(scope="module")
def annotated(nlp: Language) -> list[tuple[DocView, list[tuple[int, int]]]]:
    vocabulary = Vocabulary()
    return [(vocabulary.view(nlp(text), [], []), cues)
            for text, cues in TEXTS]


def test_shares_count_the_tokens_inside_gold_cues(annotated) -> None:
    lexicon = cue_lexicon.learn(annotated, min_count=1)
    assert lexicon.lemmas["decry"] == 1.0
    assert lexicon.lemmas["call"] == 0.5  # one of its two tokens is a cue
    assert "smith" not in lexicon.lemmas  # never inside a cue: no entry
    assert lexicon.links["call|prep|for"] == 1.0  # the "for" of "called for"


def test_a_lemma_seen_less_than_min_count_gets_no_share(annotated) -> None:
    lexicon = cue_lexicon.learn(annotated, min_count=2)
    assert set(lexicon.lemmas) == {"decry", "call"}
    assert lexicon.links == {}


def test_cross_fitting_leaves_out_the_articles_own_fold(annotated) -> None:
    lexicons = cue_lexicon.cross_fitted(annotated, folds=2, min_count=1)
    # articles 0 and 2 are fold 0: their lexicon comes from articles 1 and 3
    assert lexicons[0] is lexicons[2] and lexicons[1] is lexicons[3]
    assert lexicons[0].lemmas == {"decry": 1.0}  # "Kim called the office": no cue
    assert lexicons[1].lemmas == {"decry": 1.0, "call": 1.0, "for": 1.0}
    assert cue_lexicon.cross_fitted(annotated, folds=1)[0].lemmas == \
        cue_lexicon.learn(annotated).lemmas


@pytest.mark.parametrize(("share", "steps"), [(0.0, 0), (0.019, 0), (0.02, 1), (0.5, 6),
                                              (0.95, 9)])
def test_a_share_is_a_feature_by_the_step_it_reaches(share: float, steps: int) -> None:
    assert cue_lexicon.step(share) == steps


def test_features_name_the_lemma_head_and_link_steps(annotated, tmp_path: Path) -> None:
    lexicon = cue_lexicon.learn(annotated, min_count=1)
    view, _ = annotated[2]  # Lee called for a vote.
    rows = cue_lexicon.cue_features(view, view.sents[0], lexicon)
    called, for_ = rows[1], rows[2]
    assert "cl=6" in called and "cl=6|VERB" in called  # "call": 0.5
    assert "chl=6|prep" in for_ and "cll=9" in for_
    cue_lexicon.CueLexicon({}, {}).save(tmp_path)
    assert cue_lexicon.load(tmp_path) == cue_lexicon.CueLexicon({}, {})
    assert cue_lexicon.load(tmp_path / "none") is None
    assert not any(f.startswith("cl") for f in cue_lexicon.cue_features(
        view, view.sents[0], None)[1])
