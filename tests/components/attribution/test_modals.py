"""A cue with a modal before its verb reports what could be said, not what was."""

import pytest

from pipeline import resources
from pipeline.components.attribution.modals import hypothetical

_MODALS = frozenset(resources.load("cues")["hypothetical_modals"])
_CUES = resources.load("cues")
_STANCES = frozenset(v for v, stance in _CUES["verbs"].items() if stance)


@pytest.mark.parametrize(
    ("text", "cue", "modal"),
    [
        ("Some might say the plan is insignificant.", "say", True),
        ("Fans may well feel that the game is the one they waited for.", "feel", True),
        ("Wales could legitimately claim to have had victory within their grasp.", "claim",
         True),
        ("The spokeswoman would not confirm that the singer was among them.", "confirm", True),
        ("The minister would not endorse the plan.", "endorse", False),  # for stance
        ("A Downing Street spokeswoman would only say the election will come.", "say",
         False),  # something said
        ("Gordon Brown will say next year will be make or break.", "say", False),  # trailed
        ("The minister said the talks could resume.", "said", False),  # the modal is content
    ],
)
def test_a_modal_cue_is_no_statement(nlp, text, cue, modal):
    doc = nlp(text)
    start = text.index(cue)
    assert hypothetical(doc, (start, start + len(cue)), _MODALS, _STANCES) is modal


def test_the_pipeline_leaves_a_modal_cue_out(nlp):
    doc = nlp("Some fans might say the club was wrong. The manager said the club was right.")
    assert [doc.text[s.cue_span[0] : s.cue_span[1]] for s in doc._.nc_statements] == ["said"]
