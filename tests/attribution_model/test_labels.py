from __future__ import annotations

import re

import pytest

from pipeline.attribution_model import labels
from pipeline.attribution_model.data import role_spans
from pipeline.evaluate.attribution import parse_brat

# a nested attribution: Jones's statement sits inside Smith's content; a quotation
TEXT = "Smith said that Jones told aides the plan failed. “No,” she added."
ANN = """T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 48\tthat Jones told aides the plan failed
E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1
T4\tSource 16 21\tJones
T5\tCue 22 32\ttold aides
T6\tContent 33 48\tthe plan failed
E2\tAttribution:T9 Content:T6 Cue:T5 Source:T4
T7\tSource 56 59\tshe
T8\tCue 60 65\tadded
T10\tContent 50 55\t“No,”
E3\tAttribution:T9 Content:T10 Cue:T8 Source:T7
T9\tAttribution 6 10\tsaid
"""


def word_offsets(text: str) -> list[tuple[int, int]]:
    """A stand-in tokenizer: words and single punctuation marks, plus [CLS]-like (0, 0)."""
    return [(0, 0), *((m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)), (0, 0)]


def test_label_names_are_role_major() -> None:
    names = labels.label_names()
    assert names[:3] == ["SOURCE-O", "SOURCE-B", "SOURCE-I"]
    assert names[3 * 2 + 1] == "CONTENT-B"


def test_brat_to_tags_and_back() -> None:
    spans = role_spans(parse_brat(ANN))
    offsets = word_offsets(TEXT)
    tags = labels.encode(offsets, spans)
    assert tags[0] == tags[-1] == [labels.IGNORE] * 3
    words = {TEXT[s:e]: t for (s, e), t in zip(offsets, tags, strict=True) if e > s}
    assert words["Jones"] == [labels.BEGIN, labels.OUTSIDE, labels.INSIDE]  # nested source
    assert words["told"] == [labels.OUTSIDE, labels.BEGIN, labels.INSIDE]
    # Jones's content lies inside Smith's: one CONTENT layer keeps the longer span
    assert labels.decode(offsets, tags) == {
        "SOURCE": [(0, 5), (16, 21), (56, 59)], "CUE": [(6, 10), (22, 32), (60, 65)],
        "CONTENT": [(11, 48), (50, 55)]}


def test_a_span_nested_in_a_longer_one_of_its_role_gives_way() -> None:
    offsets = word_offsets("a b c d")
    tags = labels.encode(offsets, {"CONTENT": [(2, 5), (0, 7)]})
    assert labels.decode(offsets, tags)["CONTENT"] == [(0, 7)]


@pytest.mark.parametrize(
    ("content_tags", "expected"),
    [
        ("O I I O", ["b c"]),  # I after O opens a span
        ("B I B I", ["a b", "c d"]),  # B closes the run before it
        ("B O I O", ["a", "c"]),
        ("I I I I", ["a b c d"]),  # runs to the end
        ("O O O O", []),
    ],
)
def test_decode_repairs_bio(content_tags: str, expected: list[str]) -> None:
    text = "a b c d"
    offsets = word_offsets(text)
    tag = {"O": labels.OUTSIDE, "B": labels.BEGIN, "I": labels.INSIDE}
    tags = [[labels.OUTSIDE] * 3, *([0, 0, tag[t]] for t in content_tags.split()),
            [labels.OUTSIDE] * 3]
    assert [text[s:e] for s, e in labels.decode(offsets, tags)["CONTENT"]] == expected


def test_role_spans_count_a_shared_source_once() -> None:
    ann = ("T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 12\tx\n"
           "T4\tCue 20 25\tadded\nT5\tContent 26 27\ty\n"
           "E1\tContent:T3 Cue:T2 Source:T1\nE2\tContent:T5 Cue:T4 Source:T1\n")
    assert role_spans(parse_brat(ann))["SOURCE"] == [(0, 5)]


def test_join_adjacent_spans_of_a_role() -> None:
    text = "He told reporters that it rained, then left."
    spans = {"CUE": [(3, 7), (8, 17)], "CONTENT": [(18, 32), (34, 43)]}
    assert labels.join_adjacent(text, spans) == {"CUE": [(3, 17)],
                                                 "CONTENT": [(18, 32), (34, 43)]}
