from __future__ import annotations

import re

from pipeline.attribution_model.linking import Link, gap, link


def spans(text: str, *words: str) -> list[tuple[int, int]]:
    return [re.search(re.escape(w), text).span() for w in words]


def test_gap() -> None:
    assert gap((0, 5), (8, 10)) == 3 and gap((8, 10), (0, 5)) == 3 and gap((0, 5), (3, 9)) == 0


def test_each_cue_takes_the_nearest_content_and_source() -> None:
    text = "Smith said taxes rise. Jones argued they fall."
    [smith, jones] = spans(text, "Smith", "Jones")
    [said, argued] = spans(text, "said", "argued")
    [rise, fall] = spans(text, "taxes rise", "they fall")
    assert link(text, [smith, jones], [said, argued], [rise, fall]) == [
        Link(smith, said, rise), Link(jones, argued, fall)]


def test_a_source_serves_two_cues_but_a_content_one() -> None:
    text = "Smith said taxes rise and added that rates fall."
    [smith] = spans(text, "Smith")
    said, added = spans(text, "said", "added")
    rise, fall = spans(text, "taxes rise", "that rates fall")
    found = link(text, [smith], [said, added], [rise, fall])
    assert found == [Link(smith, said, rise), Link(smith, added, fall)]
    # one content for two cues: the nearer cue takes it, the other makes no attribution
    assert link(text, [smith], [said, added], [fall]) == [Link(smith, added, fall)]


def test_a_source_inside_the_content_is_not_its_speaker() -> None:
    text = "Smith said Jones lied, aides said."
    smith, jones = spans(text, "Smith", "Jones")
    [content] = spans(text, "Smith said Jones lied")
    [said] = spans(text, "aides said")
    aides_said = (said[1] - 4, said[1])
    assert link(text, [smith, jones], [aides_said], [content]) == [
        Link(None, aides_said, content)]


def test_nothing_links_across_a_paragraph() -> None:
    text = "Smith said\ntaxes rise."
    [smith, said, rise] = spans(text, "Smith", "said", "taxes rise")
    assert link(text, [smith], [said], [rise]) == []


def test_a_far_source_is_left_out() -> None:
    text = "Smith met voters in a town hall on Tuesday morning, and later said taxes rise."
    [smith, said, rise] = spans(text, "Smith", "said", "taxes rise")
    assert link(text, [smith], [said], [rise]) == [Link(smith, said, rise)]
    assert link(text, [smith], [said], [rise], max_source_gap=20) == [Link(None, said, rise)]
