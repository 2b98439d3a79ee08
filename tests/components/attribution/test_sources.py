"""Source spans: the bracket a source opened closes inside it."""

import pytest

from pipeline.components.attribution.sources import with_closing_bracket


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("The Japanese Rugby Football Union (JRFU) says it has no offer.",
         "The Japanese Rugby Football Union (JRFU", "The Japanese Rugby Football Union (JRFU)"),
        ("Rep. Gwen Moore (D-Wis.) said the bill would pass.", "Rep. Gwen Moore (D-Wis.",
         "Rep. Gwen Moore (D-Wis.)"),
        # balanced already, or no bracket right after: left alone
        ("The union (JRFU) says it has no offer.", "The union (JRFU)", "The union (JRFU)"),
        ("Tom Hardy (and others, he said) left.", "Tom Hardy (and others", "Tom Hardy (and others"),
    ],
)
def test_a_source_takes_the_bracket_it_opened(text, source, expected):
    start = text.index(source)
    got = with_closing_bracket(text, (start, start + len(source)))
    assert text[slice(*got)] == expected
