"""The attribution rules alone (the pipeline's answer when no trained model is installed,
and features of the model when it is)."""

import pytest

from pipeline.nlp import build_nlp


@pytest.fixture(scope="module")
def parse():
    """Text -> Doc through the pipeline with the attribution rules alone."""
    nlp = build_nlp(None, {"newsclaims_attribution": {"model": ""}})
    return nlp


def statements(parse, text):
    doc = parse(text)
    span = lambda s: doc.text[s[0] : s[1]]  # noqa: E731
    return [(span(s.source_span), span(s.cue_span), span(s.content_span), s) for s in
            doc._.nc_statements]


SEED_KRITENBRINK = (
    'Daniel Kritenbrink, the U.S. Assistant Secretary of State for East Asia and the Pacific, '
    'stated that the proposal for an "Asian NATO" is "premature" and emphasized the importance '
    "of building on existing relationships."
)
SEED_MEDIA = (
    'Shigeru Ishiba has proposed an "Asian NATO". Chinese state media have described the '
    'proposal as a "Cold War mentality" aimed at creating regional divisions.'
)


def test_indirect_speech_with_mixed_quote(parse):
    [(source, cue, content, st)] = statements(parse, SEED_KRITENBRINK)
    assert source.startswith("Daniel Kritenbrink")
    assert cue == "stated"
    assert content.startswith('that the proposal for an "Asian NATO" is "premature"')
    assert st.source == "Daniel Kritenbrink"
    assert st.cue == "state"
    assert st.quote is not None and "premature" in st.quote
    assert st.stance == "oppose"


def test_described_as_and_topic_target(parse):
    found = {st.source: st for *_, st in statements(parse, SEED_MEDIA)}
    media = found["Chinese state media"]
    assert media.cue == "describe"
    assert media.target == "Asian NATO"
    assert media.stance == "oppose"
    assert "Cold War mentality" in media.quote
    assert found["Shigeru Ishiba"].stance == "support"


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ('"We will not back down," the minister said.', "the minister", "said",
         "We will not back down"),
        ("According to the central bank, inflation will ease next year.", "the central bank",
         "According to", "inflation will ease next year"),
        ("The union warned that the cuts would hurt families.", "The union", "warned",
         "that the cuts would hurt families"),  # the 'that' is content, as in PolNeAR
        ('Critics said his temperament is "dangerous for a president."', "Critics", "said",
         'his temperament is "dangerous for a president'),  # a mixed quote: the whole clause
    ],
)
def test_statement_shapes(parse, text, source, cue, content):
    found = statements(parse, text)
    assert (source, cue, content) in [(s, c, t) for s, c, t, _ in found]


def test_pronoun_source_resolves_to_last_person(parse):
    found = statements(
        parse, "Jane Morrison leads the agency. She said that the budget was too small."
    )
    [(_, _, _, st)] = found
    assert st.source == "Jane Morrison"


def test_cue_inside_a_quote_is_not_a_cue(parse):
    found = statements(parse, 'The report read: "Officials said nothing." It ended there.')
    assert all(cue != "said" for _, cue, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        'He said "this is unbalanced.',  # a stray quote mark
        "“Curly and \"straight\" quotes mixed,” she said.",
        '"',
        "",
    ],
)
def test_odd_quotes_never_crash(parse, text):
    doc = parse(text)
    assert doc._.nc_errors is None
    assert isinstance(doc._.nc_statements, list)


def test_quote_belongs_only_to_an_adjacent_cue(parse):
    found = statements(
        parse, '"This plan is premature," Finance Minister Taro Aso said, adding that China '
               "would object."
    )
    pairs = [(s, c, t) for s, c, t, _ in found]
    assert ("Finance Minister Taro Aso", "said", "This plan is premature") in pairs
    assert ("Finance Minister Taro Aso", "adding", "that China would object") in pairs
    assert all(s != "China" for s, _, _ in pairs)  # the quote is not China's



@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("PENCE: Well, look, Hillary Clinton apparently thinks this is an epic debate.\n",
         "PENCE", ":", "Well, look, Hillary Clinton apparently thinks this is an epic debate."),
        ("Pat Caddell: Democrat Voters Worried About Clinton\nThe poll was released.",
         "Pat Caddell", ":", "Democrat Voters Worried About Clinton"),
        ("“He represents our greatest shame.” ― Sonya Herridge\n", "Sonya Herridge", "―",
         "He represents our greatest shame."),
        ("“I cannot believe it.”\xa0―\xa0Jacklyn Ashley\n", "Jacklyn Ashley", "―",
         "I cannot believe it."),  # non-breaking spaces around the dash (scraped text)
        ("Rival Hillary Clinton mocked the complaint, saying it was absurd.",
         "Rival Hillary Clinton", "saying", "it was absurd"),
    ],
)
def test_labels_signatures_and_participles(parse, text, source, cue, content):
    assert (source, cue, content) in [(s, c, t) for s, c, t, _ in statements(parse, text)]


def test_a_label_that_names_no_speaker_is_no_statement(parse):
    found = statements(parse, "Two questions: Why would he do that? And will she attend?\n")
    assert found == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator said Friday that the bill would pass.", "said Friday"),
        ("The senator said in an interview that the bill would pass.",
         "said in an interview"),
        ("The mayor has also vowed that taxes will not rise.", "has also vowed"),
        ("Unions called for a strike.", "called for"),
    ],
)
def test_cue_spans_keep_what_goes_with_the_verb(parse, text, cue):
    assert cue in [c for _, c, _, _ in statements(parse, text)]


def test_quote_wins_over_the_lead_in_the_parse_adds(parse):
    text = ("Tom Reed runs the network. "  # someone for "he" to stand for
            "With thousands of systems, “there is no single point of failure,” he said. "
            "But to prevent problems, he said, officials should be vigilant.")
    found = [(s, c, t) for s, c, t, _ in statements(parse, text)]
    assert ("he", "said", "there is no single point of failure") in found
    assert any(c == "said" and "officials should be vigilant" in t for _, c, t in found)


def by_source(parse, text):
    return {st.source: (source, cue, content, st) for source, cue, content, st in
            statements(parse, text)}


def test_companions_and_named_members_are_sources_of_their_own(parse):
    found = by_source(parse, (
        "Japan's foreign and defense ministers, along with key regional powers like India and "
        "Australia, have expressed skepticism or outright rejection of the idea."))
    assert set(found) == {"Japan", "India", "Australia"}
    assert found["India"][0] == "India"
    assert found["Japan"][0] == "Japan's foreign and defense ministers"
    assert {st.stance for *_, st in found.values()} == {"oppose"}
    assert len({(cue, content) for _, cue, content, _ in found.values()}) == 1


def test_coordinated_sources_give_one_row_each(parse):
    found = by_source(parse, "Maria Lopez and Tom Hughes said the merger would cut costs.")
    assert set(found) == {"Maria Lopez", "Tom Hughes"}
    assert found["Tom Hughes"][0] == "Tom Hughes"


def test_a_report_by_several_names_gives_one_row_each(parse):
    found = by_source(parse, "Recent surveys from the Halifax and Nationwide showed that "
                             "prices were rising again.")
    assert set(found) == {"Halifax", "Nationwide"}
    assert found["Halifax"][0] == "Recent surveys from the Halifax"
    assert found["Nationwide"][0] == "Nationwide"


def test_one_source_keeps_its_whole_phrase(parse):
    [(source, *_)] = statements(parse, "The head of the steel workers' union said the strike "
                                       "would go ahead.")
    assert source == "The head of the steel workers' union"


def test_shifter_turns_the_cue_it_governs(parse):
    text = ('Shigeru Ishiba proposed an "Asian NATO". U.S. officials praised the plan, but they '
            "have stopped short of endorsing a formal military alliance akin to NATO in Asia.")
    found = [f for f in statements(parse, text) if "endors" in f[1]]
    [(source, cue, content, st)] = found
    assert (source, cue) == ("they", "have stopped short of endorsing")
    assert content == "a formal military alliance akin to NATO in Asia"
    assert st.cue == "endorse"
    assert st.stance == "oppose"
    assert st.source == "United States"  # "they": the officials just before
    assert st.target == "Asian NATO"  # an alliance named after the topic's head word


@pytest.mark.parametrize(
    ("text", "source", "cue", "stance"),
    [
        ("China's opposition to the plan hardened this week.", "China", "opposition", "oppose"),
        ("The government's position on the bill has been cautious at best.", "The government",
         "position", "oppose"),
        ("The minister's warning that prices would rise rattled markets.", "The minister",
         "warning", "oppose"),
    ],
)
def test_nominal_cues(parse, text, source, cue, stance):
    [(found_source, found_cue, _, st)] = statements(parse, text)
    assert (found_source, found_cue, st.stance) == (source, cue, stance)


@pytest.mark.parametrize("text", [
    "Trump's view of NATO has shaped the campaign.",  # a topic, not a statement
    "Shigeru Ishiba's Asian NATO: Strategic Opportunity, or Geopolitical Gamble?",  # headline
])
def test_not_statements(parse, text):
    assert statements(parse, text) == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("U.S. officials said the talks would resume.", "United States"),
        ("Chinese officials said the talks would resume.", "China"),
        ("Beijing said the talks would resume.", "China"),
        ("The Defense Ministry requested more money. The ministry said costs had risen.",
         "Defense Ministry"),
        ("Moscow warned that it would respond. Officials said the drills were provocative.",
         "Russia"),
        ("Maria Lopez unveiled her plan on Monday. Her proposal for a new tax drew criticism.",
         "Maria Lopez"),
    ],
)
def test_group_and_metonymic_sources_resolve_to_who_they_stand_for(parse, text, subject):
    *_, st = statements(parse, text)[-1]
    assert st.source == subject


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('"The plan is sound," Ms. Reyes said. "It will pay for itself within a decade."',
         'The plan is sound," Ms. Reyes said. "It will pay for itself within a decade'),
        ('"The plan is sound," said Ana Reyes, the finance minister, "and it will pay for '
         'itself."', 'The plan is sound," said Ana Reyes, the finance minister, "and it will '
         'pay for itself'),
        ("Tom Reed spoke on Monday. The transition was smooth, he said, but the next one "
         "would be harder.",
         "The transition was smooth, he said, but the next one would be harder"),
    ],
)
def test_content_interrupted_by_its_speaker_runs_on(parse, text, content):
    [(_, _, found, _)] = statements(parse, text)
    assert found == content


def test_a_quote_with_its_own_speaker_is_not_joined(parse):
    text = ('"The plan is sound," Ms. Reyes said on Monday at a long press conference in the '
            'capital city. "It will fail," the opposition leader replied.')
    contents = [content for _, _, content, _ in statements(parse, text)]
    assert "The plan is sound" in contents


def test_floating_quote_runs_on_from_the_statement_before(parse):
    text = ("Maria Lopez said on Monday that the budget was balanced.\n"
            '"We have cut waste in every ministry and we will keep cutting."\n')
    [(_, _, content, st)] = statements(parse, text)
    assert content.startswith("that the budget was balanced")
    assert content.endswith("we will keep cutting")
    assert st.source == "Maria Lopez"
    assert "keep cutting" in st.quote


@pytest.mark.parametrize("text", [
    # the quotation has a speaker of its own
    ('Maria Lopez said on Monday that the budget was balanced.\n'
     '"We have cut waste in every ministry," the finance minister Tom Lee said.\n'),
    # two paragraphs away: not the same statement
    ('Maria Lopez said on Monday that the budget was balanced.\n'
     "The opposition walked out of the chamber before the vote.\n"
     '"We have cut waste in every ministry and we will keep cutting."\n'),
])
def test_a_quote_that_is_not_floating_is_left_alone(parse, text):
    first = statements(parse, text)[0]
    assert first[2] == "that the budget was balanced"


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # nouns of saying with a "that" clause
        ("Israel refuses to accept Syria's denials that it was implicated in the bombing.",
         "Syria", "denials", "that it was implicated in the bombing"),
        ("Parry's insistence that all offers will be refused is a firm statement of intent.",
         "Parry", "insistence", "that all offers will be refused"),
        # adjectives of belief with a clause
        ("Nintendo is confident it will keep its number one spot.", "Nintendo",
         "is confident", "it will keep its number one spot"),
        ("China has long been worried that net cafes are an unhealthy influence.", "China",
         "has long been worried", "that net cafes are an unhealthy influence"),
        # a gerund of saying after a preposition: the subject of the verb above
        ("The government was widely criticised for insisting the detentions would continue.",
         "The government", "insisting", "the detentions would continue"),
        ("Mr Clarke won over critics by announcing he would introduce an amendment.",
         "Mr Clarke", "announcing", "he would introduce an amendment"),
        # a nominal cue keeps its adjectives
        ("The police's earlier claim that he refused to raise his hands was disputed.",
         "The police", "earlier claim", "that he refused to raise his hands"),
    ],
)
def test_nouns_adjectives_and_gerunds_of_saying(parse, text, source, cue, content):
    assert [found[:3] for found in statements(parse, text)] == [(source, cue, content)]


@pytest.mark.parametrize("text", [
    "Trump's threats to wall off the border alarmed Mexico.",  # a plan, no clause said
    "It is certain that prices will rise.",  # no one holds the belief
    "Holmes is aware that time is running out.",  # knowing is no view of one's own
    "Unless she is certain she can win, she will not race.",  # a condition
    "It goes without saying that taxes will rise.",  # no one says it
    "Harvey quit the show after learning that his grandmother had died.",  # an act
    "She was criticised for criticising the plan.",  # nothing said but an object
])
def test_nouns_adjectives_and_gerunds_that_make_no_statement(parse, text):
    assert statements(parse, text) == []


def test_a_belief_reported_by_a_verb_of_saying_is_one_statement(parse):
    text = "Mr Balls said he was confident the chancellor would meet his rules."
    assert [found[1] for found in statements(parse, text)] == ["said"]
