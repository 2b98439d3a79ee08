"""bench/figure_modifier_cv.py: the features read the words around a figure and its
neighbours, the rules' modifier can be left out, folds keep an article together, and the
models learn a modifier from the words."""

from __future__ import annotations

import pytest
import spacy

from bench import figure_modifier_cv as cv
from pipeline.annotations import Figure


def _figure(text: str, surface: str, modifier: str, unit: str | None = "%") -> Figure:
    start = text.index(surface)
    return Figure(span=(start, start + len(surface)), value=1.0, unit=unit, modifier=modifier,
                  time=None, subject=None, subject_span=None, predicate="rise",
                  predicate_span=None, target=None, conversion_of=None, confidence=0.9)


def _example(article: str, gold: str, word: str, rule: str = "=") -> cv.Example:
    return cv.Example("f", article, rule, gold, {f"b1={word}": 1.0, f"rule={rule}": 1.0})


def test_features_read_the_words_before_and_the_figure_beside():
    text = "Sales rose more than 5% to 10% last year."
    doc = spacy.blank("en")(text)
    figures = [_figure(text, "5%", ">"), _figure(text, "10%", "<=")]
    named = cv.features(doc, figures, 0)
    assert {"b1=than", "b2=more", "b12=than_more", "rule=>", "unit=share", "verb=rise",
            "next_gap=to", "rule_next=<="} <= set(named)
    assert {"prev_gap=to", "rule_prev=>", "a1=last"} <= set(cv.features(doc, figures, 1))
    assert not any(k.startswith("rule") for k in cv.without_rule(named))
    assert "b1=than" in cv.without_rule(named)


def test_a_far_figure_is_no_neighbour():
    text = "Sales rose 5% in the first half of the year and 7% later."
    doc = spacy.blank("en")(text)
    named = cv.features(doc, [_figure(text, "5%", "up"), _figure(text, "7%", "=")], 0)
    assert not any(k.startswith("next_gap") for k in named)


def test_alpha_keeps_the_rules_modifier_unless_the_model_is_surer():
    probabilities = {"=": 0.3, "up": 0.7}
    assert cv.combine(probabilities, "=", 0.0) == "up"
    assert cv.combine(probabilities, "=", 0.5) == "="
    assert cv.combine(probabilities, "up", 0.5) == "up"


def test_an_article_keeps_to_one_fold():
    items = [_example(f"a{n // 2}", "=", "x") for n in range(20)]
    folds = cv.article_folds(items, k=5)
    assert all(folds[n] == folds[n + 1] for n in range(0, 20, 2))
    assert len(set(folds)) == 5
    assert folds == cv.article_folds(items, k=5)


def test_cross_validation_never_trains_on_the_group_it_scores():
    items = [_example("a", "=", "x"), _example("b", "~", "about")]

    def predict(train: list[cv.Example], test: list[cv.Example]) -> list[str]:
        return [train[0].gold for _ in test]  # the left-out group's label is never seen

    overall, per = cv.cross_validate(items, predict, ["a", "b"])
    assert overall == 0.0
    assert per == {"a": 0.0, "b": 0.0}


def test_the_words_teach_the_modifier():
    pytest.importorskip("sklearn")
    train = [_example(f"a{n}", gold, word) for n in range(6)
             for gold, word in (("~", "about"), (">", "than"), ("=", "the"))]
    test = [_example("t", "~", "about"), _example("t", ">", "than")]
    assert cv.logistic(10.0, rule=False)(train, test) == ["~", ">"]
    # the rules' "=" outweighs the words when its bonus is large
    assert cv.logistic(10.0, rule=False, alpha=1.0)(train, test) == ["=", "="]
