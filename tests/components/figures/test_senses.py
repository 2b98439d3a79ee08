import pytest

from pipeline.components.figures.senses import NONE, ambiguities


@pytest.mark.parametrize(
    ("form", "sentence", "after", "value", "reading"),
    [
        ("m", "He won the 400m final in Madrid.", "final", 400, "metre"),
        ("m", "She cleared 1.85m to win the high jump.", "to", 1.85, "metre"),
        ("m", "Holmes won the 800m and 1500m.", "and", 800, "metre"),  # a race distance
        ("m", "The firm made 5m in profit.", "in", 5, "million"),
        ("m", "It sold 2m copies.", "copies", 2, "million"),
        ("m", "It was 7m.", "", 7, "million"),  # no cue: the default
        ("k", "He ran a 5k race for charity.", "race", 5, "kilometre"),
        ("k", "The job pays 30k a year.", "a", 30, "thousand"),
        ("p", "The stamp costs 95p.", "", 95, "penny"),
        ("p", "The video plays in 1080p on the TV.", "on", 1080, NONE),
        ("pc", "Rates rose to 2.75pc.", "", 2.75, "%"),
        ("g", "It has 5g of sugar.", "of", 5, "gram"),
        ("g", "Operators will launch 5g networks.", "networks", 5, NONE),
        ("pounds", "The fish weighed 12 pounds.", "", 12, "pound"),
        ("pounds", "It cost 12 pounds.", "", 12, "GBP"),
        ("won", "The won weakened against the dollar.", "", 0, "KRW"),
        ("won", "They won 3 games.", "games", 3, NONE),
        ("$", "Ottawa will spend $2 billion.", "", 2, "CAD"),
        ("$", "Washington will spend $2 billion.", "", 2, "USD"),
        ("¥", "Beijing approved ¥20 billion in yuan loans.", "", 20, "CNY"),
        ("¥", "Tokyo approved ¥20 billion.", "", 20, "JPY"),
        ("degrees", "Warming must stay below 1.5 degrees.", "", 1.5, "degree Celsius"),
        ("degrees", "The road turns 90 degrees.", "", 90, "degree"),
    ],
)
def test_reading(form, sentence, after, value, reading):
    assert ambiguities()[form].reading(sentence, after, value) == reading


@pytest.mark.parametrize(
    ("sentence", "following", "reading"),
    [
        ("The plan was to go with 500m to go.", " to go.", "metre"),
        ("He kicked from 40m from the line.", " from the line.", "metre"),
        ("The firm plans to go public with 500m.", ".", "million"),  # "to go" elsewhere
    ],
)
def test_a_next_phrase_counts_only_right_after_the_figure(sentence, following, reading):
    assert ambiguities()["m"].reading(sentence, "", 500, following) == reading


def test_a_tie_leaves_the_default():
    # one metre cue ("final") against one million cue ("worth")
    assert ambiguities()["m"].reading("The final deal is worth 7m.", "", 7) == "million"


def test_cue_words_match_whole():
    assert ambiguities()["m"].reading("The rerun cost 7m.", "", 7) == "million"


@pytest.mark.parametrize(
    ("sentence", "article", "reading"),
    [
        # a lead in points is a match's in a match report, a poll's in a poll story
        ("Leeds held a lead of six points.", "Leeds won the match 20-14.", "point"),
        ("Smith held a lead of six points.", "The poll of 800 voters ended Monday.", "pp"),
        # a cue in the sentence decides before the article does
        ("Smith held a lead of six points in the poll.", "Leeds won the match.", "pp"),
        # a silent article leaves it to the sentence's weak cue
        ("Smith was six points ahead.", "He spoke on Monday.", "pp"),
        ("Smith was six points clear.", "He spoke on Monday.", "point"),
    ],
)
def test_an_undecided_sentence_leaves_points_to_the_article(sentence, article, reading):
    assert ambiguities()["point"].reading(sentence, wider=f"{article} {sentence}") == reading


def test_a_tie_in_the_sentence_is_not_left_to_the_article():
    # "purchasing managers" against "%": the default, whatever the article says
    sentence = "Output fell 0.2% and the purchasing managers survey fell to 45.0."
    assert ambiguities()["point"].reading(sentence, wider="The poll and the rate.") == "point"


@pytest.mark.parametrize(
    ("sentence", "article", "reading"),
    [
        # a form that would drop the figure waits for the article's cue (the fifth audit's
        # "It has earmarked 100 trillion won ($96bn)" after "South Korea will boost ...")
        ("It has earmarked 100 trillion won.", "South Korea will boost spending.", "KRW"),
        ("It has earmarked 100 trillion won.", "The budget was set on Monday.", "none"),
        ("It has earmarked 100 trillion won.", "", "none"),
    ],
)
def test_a_figure_the_sentence_would_drop_reads_the_article(sentence, article, reading):
    wider = f"{article} {sentence}" if article else ""
    assert ambiguities()["won"].reading(sentence, wider=wider) == reading
