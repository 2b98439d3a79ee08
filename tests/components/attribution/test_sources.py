"""Source spans: the bracket a source opened closes inside it; a quotation it runs into,
a verb before its phrase and words hanging elsewhere in the clause are left out."""

import pytest

from pipeline.components import quotes as quoting
from pipeline.components.attribution.sources import (
    at_the_named_person,
    at_the_phrase_nearest_the_cue,
    before_a_quotation,
    before_a_time,
    past_a_leading_verb,
    past_the_headline,
    the_subject_instead,
    with_closing_bracket,
    with_the_share,
    within_its_phrase,
)


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


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ('"This season is vital," said Sella, "which Laporte is doing well. It is hard."',
         'Sella, "which Laporte is doing well', "Sella"),
        # a quotation that ends inside the source, or none: left alone
        ('The "Save our Town" group said the plan was wrong.', 'The "Save our Town" group',
         'The "Save our Town" group'),
    ],
)
def test_a_source_ends_before_a_quotation_it_runs_into(text, source, expected):
    start = text.index(source)
    got = before_a_quotation(text, (start, start + len(source)), quoting.spoken(text))
    assert text[slice(*got)] == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("Commenting Mr Macklin said sponsored results must be clearly marked.",
         "Commenting Mr Macklin", "Mr Macklin"),
        # a verb inside the speaker's own phrase stays
        ("Retired general John Smith said the war was lost.", "Retired general John Smith",
         "Retired general John Smith"),
    ],
)
def test_a_source_starts_past_a_verb_outside_its_phrase(nlp, text, source, expected):
    assert _moved(nlp, text, source, past_a_leading_verb) == expected


def _moved(nlp, text, source, move):
    """The words of ``source`` in ``text`` once ``move(doc, span)`` has set its edges."""
    doc = nlp(text)
    start = text.index(source)
    return text[slice(*move(doc, (start, start + len(source))))]


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("The Times on Saturday wrote that the deal was off.", "The Times on Saturday",
         "The Times"),
        ("Wells Fargo just this month announced it would close branches.",
         "Wells Fargo just this month", "Wells Fargo"),
        ("Senator Mitch McConnell, who in 2010 said the goal was to stop him, agreed.",
         "who in 2010", "who"),
        # two subjects, or one phrase: left alone
        ("The family, protesters and civic leaders have been demanding the video.",
         "The family, protesters and civic leaders", "The family, protesters and civic leaders"),
        ("Cameron Easley wrote for Morning Consult that the race was tight.", "Cameron Easley",
         "Cameron Easley"),
    ],
)
def test_a_source_keeps_only_the_speakers_phrase(nlp, text, source, expected):
    def move(doc, span):
        cue = next(t for t in doc if t.pos_ == "VERB" and t.idx > span[1])
        return within_its_phrase(doc, span, (cue.idx, cue.idx + len(cue)))

    assert _moved(nlp, text, source, move) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell "
         "an American story.", "WASHINGTON -- President Obama", "President Obama"),
        ("With 50 days until the election, Minyon Moore, a senior adviser to the Clinton "
         "campaign, called the remarks a rallying cry.",
         "the election, Minyon Moore, a senior adviser to the Clinton campaign",
         "Minyon Moore, a senior adviser to the Clinton campaign"),
        # a noun for the speaker keeps the name it is given
        ("The minister, John Smith, said the plan would work.", "The minister, John Smith",
         "The minister, John Smith"),
    ],
)
def test_a_source_starts_at_the_name_hung_on_a_place_or_time(nlp, text, source, expected):
    assert _moved(nlp, text, source, at_the_named_person) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("The US is struggling with a trade deficit and analysts said the dollar would fall.",
         "struggling with a trade deficit and analysts", "analysts"),
        ("Blackburn want £6m for the midfielder and Williams has rejected proposals.",
         "for the midfielder and Williams", "Williams"),
        ("He is back from a groin injury with Rovers boss Mark Hughes claiming it was hard.",
         "a groin injury with Rovers boss Mark Hughes", "Rovers boss Mark Hughes"),
        # a speaker's own phrase, or a pair of names: left alone
        ("The guitarist with US rock band Korn said he had found God.",
         "The guitarist with US rock band Korn", "The guitarist with US rock band Korn"),
        ("The feud between Tony Blair and Gordon Brown has hurt Labour, he said.",
         "The feud between Tony Blair and Gordon Brown",
         "The feud between Tony Blair and Gordon Brown"),
        ("The survey, conducted by the Pew Internet and American Life Project, showed a rise.",
         "The survey, conducted by the Pew Internet and American Life Project",
         "The survey, conducted by the Pew Internet and American Life Project"),
        ("David Davis and Theresa May said the plan was wrong.", "David Davis and Theresa May",
         "David Davis and Theresa May"),
    ],
)
def test_a_source_keeps_the_speakers_phrase_nearest_the_cue(nlp, text, source, expected):
    assert _moved(nlp, text, source, at_the_phrase_nearest_the_cue) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("Among the over-65s, 70% said they would vote.", "70", "70%"),
        ("Now 45% of Japanese people say they use it.", "45", "45% of Japanese people"),
        # no percent sign after the number, or a whole source: left alone
        ("The 3 say they will launch a service.", "The 3", "The 3"),
        ("Some 70% said they would vote.", "Some 70%", "Some 70%"),
        ("According to Jupiter Research 40% of homes with broadband say it helps.",
         "Jupiter Research 40", "Jupiter Research 40"),
    ],
)
def test_a_source_ending_on_a_share_takes_its_phrase(nlp, text, source, expected):
    assert _moved(nlp, text, source, with_the_share) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("He made his fortune from care homes. The 52-year-old on Tuesday said he was "
         "reviewing his donations.", "The 52-year-old on Tuesday", "The 52-year-old"),
        # a time that says which, or hangs deeper in the phrase, is the phrase's
        ("A memorable ad in 2008 questioned whether she was ready.", "A memorable ad in 2008",
         "A memorable ad in 2008"),
        ("A poll released last week found that most voters agreed.",
         "A poll released last week", "A poll released last week"),
        # the age is the phrase's own word, not a time it was said at
        ("He made his fortune from care homes. The 52-year-old said he was reviewing his "
         "donations.", "The 52-year-old", "The 52-year-old"),
    ],
)
def test_a_source_ends_before_the_time_it_spoke(nlp, text, source, expected):
    assert _moved(nlp, text, source, before_a_time) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("Milburn defends poster campaign Labour's election chief Alan Milburn has defended "
         "the posters.", "Milburn defends poster campaign Labour's election chief Alan Milburn",
         "poster campaign Labour's election chief Alan Milburn"),
        # the verb of the speaker's relative clause is no headline's
        ("Springer criticises opera Talk show host Jerry Springer, whose programme inspired "
         "the opera, has said he would not have written it.",
         "Jerry Springer, whose programme inspired the opera",
         "Jerry Springer, whose programme inspired the opera"),
    ],
)
def test_a_source_starts_past_a_headline_run_into_it(nlp, text, source, expected):
    assert _moved(nlp, text, source, past_the_headline) == expected


@pytest.mark.parametrize(
    ("text", "source", "subject"),
    [
        ('"Fans want albums; either single tracks or subscription services," said Paul '
         "Myers, chief executive of Wippit.", "subscription services", "Myers"),
        ("The tone of the campaign, said Mr Milburn, would be more conversational.",
         "The tone of the campaign", "Milburn"),
        # the speaker's own phrase, or words outside the quotation: no other subject
        ('"Fans want albums," said Paul Myers, chief executive of Wippit.', "Paul Myers", None),
        ("Talk show host Jerry Springer, whose programme inspired the opera, has said he "
         "would not have written it.", "the opera", None),
    ],
)
def test_the_wrong_one_of_two_subjects_gives_way_to_the_other(nlp, text, source,
                                                                    subject):
    doc = nlp(text)
    words = doc.char_span(text.index(source), text.index(source) + len(source))
    said = next(t for t in doc if t.lower_ == "said")
    got = the_subject_instead(doc, (words.start, words.end), (said.i, said.i + 1),
                              quoting.spoken(text))
    assert (got.text if got is not None else None) == subject
