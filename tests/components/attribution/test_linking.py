"""Linking helpers shared by the rules and the trained model."""

import pytest

from pipeline import resources
from pipeline.components import quotes as quoting
from pipeline.components.attribution.found import Found
from pipeline.components.attribution.linking import (
    CueKinds,
    apart_from_other_tags,
    below_the_headline,
    conditional,
    ends_a_sentence_before,
    past_a_closed_quote,
    reads_as_statement,
    refuses_to_speak,
    through_open_quotations,
    verb_read_as_noun,
    with_negation,
    within_reach,
)


@pytest.mark.parametrize(
    ("text", "verb", "cue"),
    [
        ("What we don't want is higher taxes.", "want", "do n't want"),
        ("The minister did not say when the vote would be held.", "say", "did not say"),
        ("The minister said the vote would be held.", "said", "said"),  # nothing to add
        ("He will also argue that the vote was fair.", "argue", "argue"),  # no negation
    ],
)
def test_a_negated_cue_keeps_its_negation(nlp, text, verb, cue):
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline:  # the parse is enough
        doc = pipe(doc)
    i = next(t.i for t in doc if t.text == verb)
    start, end = with_negation(doc, (i, i + 1))
    assert " ".join(t.text for t in doc[start:end]) == cue


@pytest.mark.parametrize(
    ("text", "content", "cue_sentence", "before"),
    [
        ('"The plan is sound." He said more.', "The plan is sound", "He", True),
        ('"The plan is sound," he said.', "The plan is sound", "he", False),
        ("He said the plan is sound.", "the plan is sound", "He", False),  # content after
    ],
)
def test_a_cue_is_never_taken_from_the_next_sentence(text, content, cue_sentence, before):
    start = text.index(content)
    sentence = text.index(cue_sentence)
    assert ends_a_sentence_before(text, (start, start + len(content)), sentence) is before


_KINDS = CueKinds(speech=frozenset(("say", "warn", "comment", "confirm", "explain", "announce")),
                  intentions=frozenset(("hope", "plan", "refuse", "decline", "add", "look",
                                        "want")),
                  refusals=frozenset(("refuse", "decline", "fail")),
                  pending=frozenset(("yet", "still")),
                  unsaid=frozenset(("say", "warn", "comment", "confirm", "explain", "announce",
                                    "add")),
                  findings=frozenset(("show", "find", "know", "see")),
                  copulas=frozenset(("be",)))  # as if all were


@pytest.mark.parametrize(
    ("text", "lemma", "content", "quoted", "statement"),
    [
        ("Smith is hoping to repeat the win.", "hope", "to repeat the win", False, False),
        ("Smith hopes that the win will come.", "hope", "that the win will come", False, True),
        ("Smith refused to comment.", "refuse", "to comment", False, False),
        ("Smith plans to buy jets that can fly far.", "plan", "to buy jets that can fly far",
         False, False),  # the finite verb is the jets', not the plan's
        ("Smith plans to win.", "plan", "to win", True, True),  # quoted words
        ("Smith vied to take over a firm that owns mines.", "vie",
         "to take over a firm that owns mines", False, True),  # unknown verb: any finite one
        ("Smith warned of a strike.", "warn", "of a strike", False, True),  # a speech verb
        ("Smith pleaded guilty to fraud.", "plead", "guilty to fraud", False, False),
        ("Daiwa added 5.3% to 740 yen.", "add", "5.3% to 740 yen", False, False),  # a price
        ("Smith added that taxes rose.", "add", "that taxes rose", False, True),
        ("A Scottish firm is looking to attract tourists who love golf.", "look",
         "to attract tourists who love golf", False, False),
        ("According to Smith, taxes rose.", "according to", "taxes rose", False, True),
        ("The teenager showed more confidence in the set that followed.", "show",
         "more confidence in the set that followed", False, False),  # a finding: a clause
        ("Figures showed that house prices are still rising.", "show",
         "that house prices are still rising", False, True),
        ("He knew all four members' names.", "know", "all four members' names", False, False),
        ("The teenager showed her class as she stole top spot.", "show",
         "her class as she stole top spot", False, False),  # the verb's own clause
        ("The firm saw sales rise 13.4% in the period.", "see", "sales rise 13.4% in the period",
         False, False),  # no finite verb
        ("The firms want to make a system that ensures files play but also thwarts copying.",
         "want", "to make a system that ensures files play but also thwarts copying", False,
         False),  # the finite verb is coordinated with the cue, no clause of the plan's
        ("Investors are interested in the news they can get.", "be",
         "the news they can get", False, False),  # an attitude
        ("The chief is hopeful that sales will rise.", "be", "that sales will rise", False,
         True),  # an attitude with a clause: a belief
        ("He is confident that the trial being run could be extended.", "be",
         "that the trial being run could be extended", False, True),  # a clausal subject
    ],
)
def test_an_intention_or_an_act_is_no_statement(nlp, text, lemma, content, quoted, statement):
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    start = text.index(content)
    span = doc.char_span(start, start + len(content), alignment_mode="expand")
    assert reads_as_statement(doc, lemma, (span.start, span.end), quoted, _KINDS) is statement


@pytest.mark.parametrize(
    ("text", "cue", "refusal"),
    [
        ('Delta declined to comment. "We won," he said.', "declined to comment", True),
        ("Delta declined to comment on the report.", "declined", True),  # the cue alone
        ("Kilroy-Silk refused to confirm he is setting up a party.", "refused to confirm", True),
        ("The senator refused to back the bill.", "refused to back", False),  # an act
        ("Delta said it would not comment.", "said", False),
        ("The firm failed to explain why the payments were late.", "failed to explain", True),
        ("The ministry is still to announce whether it will act.", "is still to announce", True),
        ("The club has yet to say whether he will stay.", "has yet to say", True),
        ("The police declined to add details.", "declined to add", True),  # an act's verb
        ("The club is still trying to say goodbye.", "is still trying to say", False),
    ],
)
def test_a_refusal_to_speak_is_no_statement(nlp, text, cue, refusal):
    doc = nlp(text)
    start = text.index(cue)
    assert refuses_to_speak(doc, (start, start + len(cue)), _KINDS) is refusal


@pytest.mark.parametrize(
    ("text", "cue", "hypothetical"),
    [
        ('If Gerrard comes out and says "I want to go", we will sell him.', "says", True),
        ("If the minister says no, the plan is dead.", "says", True),
        ("The deal will fail unless the union tells its members to accept it.", "tells", True),
        ('"If we win, we stay," he said.', "said", False),  # the condition is in the content
        ("He said that if the vote fails he will resign.", "said", False),
        ("Asked if he would resign, he said no.", "said", False),
        ("Orders could be used if access were defied, Lord Falconer said.", "said", False),
    ],
)
def test_a_cue_in_a_condition_is_no_statement(nlp, text, cue, hypothetical):
    doc = nlp(text)
    start = text.index(cue)
    kinds = CueKinds.of(resources.load("cues"))
    assert conditional(doc, (start, start + len(cue)), kinds) is hypothetical


def test_below_the_headline_drops_its_cues_and_cuts_spans_that_start_there():
    text = "x" * 100
    headline = Found((0, 5), "say", (6, 10), (11, 40))  # "Blair says ..." in the headline
    body = Found((50, 60), "say", (61, 65), (30, 90))  # content reaching back into it
    assert below_the_headline([headline, body], 45, text) == [
        Found((50, 60), "say", (61, 65), (45, 90))]
    assert below_the_headline([headline, body], 0, text) == [headline, body]


def test_a_body_cue_given_the_headline_name_takes_the_name_the_body_repeats():
    text = "Kerr could run in Worlds Sonia Kerr has indicated that she would run. Amy Lee said so."
    body = Found((0, 4), "indicate", (text.index("indicated"), text.index(" that")),
                 (text.index("that"), text.index(".")))
    worlds = (text.index("Worlds"), text.index(" Sonia"))  # not repeated below: dropped
    elsewhere = Found(worlds, "say", (text.index("said"), text.index(" so")),
                      (text.index("so"), len(text) - 1))
    end = text.index("Sonia")
    kerr = text.index("Kerr has")
    assert below_the_headline([body, elsewhere], end, text) == [
        Found((kerr, kerr + 4), "indicate", body.cue_span, body.content_span)]


def test_marks_paired_around_punctuation_are_no_adjacent_quotation():
    """'...television". "Unsure of how the FCC will rule' in scraped text pairs '". "' as a
    quotation: it holds no words, so it is no content (it gave an inverted span)."""
    from pipeline.components.attribution.linking import adjacent_quote

    text = 'they "had a big effect on television". "The FCC will rule'
    stray = (text.index('". "') + 1, text.index('". "') + 3)
    assert text[slice(*stray)] == ". "
    source = text.index("The FCC")
    cue = text.index("will rule")
    assert adjacent_quote(text, [stray], ((source, source + 7), (cue, cue + 9))) is None


def test_content_cut_back_to_its_own_speech_tag_ends_before_the_tag(nlp):
    """'"A," she said. Earlier, she told ...': the run-on content stops before the sentence
    with another cue, and then before its own tag too, as the component cuts a tag that
    ends a quotation."""
    text = ('"It is simply wrong to assume that," she said. Earlier, she told the BBC: '
            '"We are talking about jobs."')
    doc = nlp(text)
    said, told = text.index("said"), text.index("told")
    she = text.index("she")
    run_on = Found((she, she + 3), "say", (said, said + 4), (1, len(text) - 2))
    other = Found(None, "tell", (told, told + 4), (text.index("We"), len(text) - 2))
    [cut, _] = within_reach(doc, [run_on, other], [(1, 36), (text.index("We"), len(text) - 1)])
    assert text[slice(*cut.content_span)] == "It is simply wrong to assume that"


def _across(text: str, content_from: str, source: str, cue: str) -> Found:
    at = text.index
    return Found((at(source), at(source) + len(source)), "add", (at(cue), at(cue) + len(cue)),
                 (at(content_from), len(text) - 2))


@pytest.mark.parametrize(
    ("text", "content_from", "starts"),
    [
        # the quotation before the tag closed a sentence: not what he added
        ('His message was: "Please do not." Sir Digby added: "I do not think so."',
         "Please", "I do not"),
        # words nobody quoted in a sentence before: the content starts at the quotation
        ('The rest would go on tax, he said. It would end "unfair taxes". "Every expert '
         'agrees," Mr Howard added. "It is bound to."', "The rest", "Every expert"),
        # a quotation interrupted by its speaker stays whole, as PolNeAR marks it
        ('"Please do not," Sir Digby added. "I do not think so."', "Please", "Please"),
        # and so does a question or exclamation the tag follows
        ('"Why would we do that?" Sir Digby added. "I do not think so."', "Why", "Why"),
        # the stop of an abbreviation ends no sentence
        ('Voters admire Mr. Putin as a "protector" from threats and "a provider," Mr Howard '
         'added.', "Voters", "Voters"),
    ],
)
def test_content_across_its_own_tag_starts_after_a_closed_sentence(nlp, text, content_from,
                                                                   starts):
    source = "Sir Digby" if "Digby" in text else "Mr Howard"
    found = _across(text, content_from, source, "added")
    quotes = [(m + 1, text.index('"', m + 1)) for m in
              [i for i, c in enumerate(text) if c == '"'][::2]]
    [moved] = past_a_closed_quote(nlp(text), [found], quotes)
    assert text[moved.content_span[0]:].startswith(starts)


def test_a_speaker_labels_content_keeps_its_unquoted_sentences(nlp):
    """'PENCE: Well, look. We ...': the rest of the line is what was said, quoted or not,
    where another statement's content stops at the first unquoted sentence."""
    text = "PENCE: Well, look at the record. We have done the work. We will do more."
    doc = nlp(text)
    label = Found((0, 5), ":", (5, 6), (7, len(text) - 1))
    [kept] = within_reach(doc, [label], [])
    assert kept.content_span == label.content_span
    said = Found((0, 5), "say", (5, 6), (7, len(text) - 1))
    [cut] = within_reach(doc, [said], [])
    assert text[slice(*cut.content_span)] == "Well, look at the record"


def _said(text: str, source: str, cue: str, content: tuple[str, str]) -> Found:
    """A statement by words of ``text``: its content from the first word of ``content``
    to the end of the last."""
    at = text.index
    return Found(_last(text, source), "say", _last(text, cue),
                 (at(content[0]), at(content[1]) + len(content[1])))


def test_content_stops_at_another_statements_speech_tag(nlp):
    """'"A," he said. "B," he added.': what he said is A and what he added B, however the
    run-on joined them across the other's tag."""
    text = '"The plan is sound," he said. "It will work," Mr Smith added.'
    said = _said(text, "he", "said", ("The plan", "work"))
    added = _said(text, "Mr Smith", "added", ("The plan", "work"))
    out = apart_from_other_tags(nlp(text), [said, added], quoting.spoken(text))
    assert [text[slice(*f.content_span)] for f in out] == ["The plan is sound", "It will work"]


def _last(text: str, words: str) -> tuple[int, int]:
    at = text.rindex(words)
    return at, at + len(words)


@pytest.mark.parametrize(
    ("text", "other", "own", "content", "after"),
    [
        # narration after another statement's tag: the content starts there
        ('"Pirates steal music," it said. But the issue is complex, said Mark Lee.',
         ("it", "said"), ("Mark Lee", "said"), ("Pirates", "complex"),
         "But the issue is complex"),
        # the other tag's sentence ends with narration; the next one is hers
        ('"We want to be sure," Ann Lee told the BBC. She said the cards would come soon.',
         ("Ann Lee", "told"), ("She", "said"), ("We want", "soon"),
         "the cards would come soon"),
        # a quotation after a colon in the next sentence
        ('"Keep track of time," wrote Ann Lee. Some were funny: "It is so good," wrote Bob.',
         ("Ann Lee", "wrote"), ("Bob", "wrote"), ("Keep", "good"), "It is so good"),
    ],
)
def test_content_starts_after_another_tag_before_its_own(nlp, text, other, own, content,
                                                         after):
    first = Found(_last(text, other[0]) if other[0] != "it" else (23, 25), "say",
                  (text.index(other[1]), text.index(other[1]) + len(other[1])), (1, 5))
    mine = Found(_last(text, own[0]), "say", _last(text, own[1]),
                 (text.index(content[0]), text.index(content[1]) + len(content[1])))
    out = apart_from_other_tags(nlp(text), [first, mine], quoting.spoken(text))
    assert text[slice(*out[1].content_span)] == after


@pytest.mark.parametrize(
    ("text", "other", "content"),
    [
        # a reported clause inside the content is no speech tag
        ("Smith said Jones had told him that the plan would fail.", ("Jones", "told"),
         ("Jones", "fail")),
        # nor a sentence of its own after a quotation closed by a stop
        ('"It can be done." Some firms promise more, said Mr Lee.', ("Some firms", "promise"),
         ("It can", "more")),
    ],
)
def test_content_keeps_a_tag_that_closes_no_quotation(nlp, text, other, content):
    first = Found((text.index(other[0]), text.index(other[0]) + len(other[0])), "say",
                  (text.index(other[1]), text.index(other[1]) + len(other[1])),
                  (text.index(other[1]) + len(other[1]) + 1, len(text) - 1))
    mine = Found((0, 5), "say", _last(text, "said"),
                 (text.index(content[0]), text.index(content[1]) + len(content[1])))
    out = apart_from_other_tags(nlp(text), [first, mine], quoting.spoken(text))
    assert out[1].content_span == mine.content_span


def test_content_cut_back_to_its_own_tag_leaves_the_tags_narration_out(nlp):
    """'"A," Ann Lee told the BBC programme. "B," she continued.': cut before the next
    sentence (another cue's), the content ends before its own tag and what the tag's
    sentence adds ("the BBC programme")."""
    text = '"There is a whiff of it," Ann Lee told the BBC programme. "We know," she went on.'
    doc = nlp(text)
    told = Found(_last(text, "Ann Lee"), "tell", _last(text, "told"), (1, len(text) - 14))
    went = Found(_last(text, "she"), "go", _last(text, "went on"),
                 (text.index("We"), text.index("We") + 7))
    [cut, _] = within_reach(doc, [told, went], quoting.spoken(text))
    assert text[slice(*cut.content_span)] == "There is a whiff of it"


def test_content_keeps_quoted_words_whose_later_tag_closes_narration_too(nlp):
    """'"A," he said. "B." Narration. "C," he added.': the tag closes C, not B, which stays
    with what he said however far the other content ran back."""
    text = ('"The plan is sound," he said. "It will work." Jobs were scarce. "We will see," '
            'Mr Smith added.')
    said = _said(text, "he", "said", ("The plan", "will work"))
    added = _said(text, "Mr Smith", "added", ("It will", "will see"))
    out = apart_from_other_tags(nlp(text), [said, added], quoting.spoken(text))
    assert out[0].content_span == said.content_span


def test_content_keeps_a_phrase_quoted_inside_its_clause(nlp):
    """'calling Trump "an orange buffoon," Susan said': the quoted phrase another tag
    closes is part of the clause, not quoted words after the cue's own tag."""
    text = 'Her friends mocked him, calling Trump "an orange buffoon," Susan said.'
    calling = _said(text, "Her friends", "calling", ("Trump", "buffoon"))
    said = _said(text, "Susan", "said", ("an orange", "buffoon"))
    out = apart_from_other_tags(nlp(text), [calling, said], quoting.spoken(text))
    assert out[0].content_span == calling.content_span
@pytest.mark.parametrize(
    ("text", "lemma", "content", "statement"),
    [
        ("West announced plans for a solo album.", "announce", "plans for a solo album", False),
        ("West announced that he would tour.", "announce", "that he would tour", True),
        ("Wales have learnt that style.", "learn", "that style", False),
        ("Smith warned of a strike.", "warn", "of a strike", True),
        # verbal attacks and boasts: said, whatever their object
        ("The senator has long railed against the influence of lobbyists.", "rail",
         "the influence of lobbyists", True),
        ("The candidate touted his record on jobs.", "tout", "his record on jobs", True),
        # a wish is a motive, said only with a finite clause of its own
        ("The Commission wants people to be able to find content.", "want",
         "people to be able to find content", False),
        ("He prefers a more exasperated tone.", "prefer", "a more exasperated tone", False),
        ("He wants it known that he is fit.", "want", "it known that he is fit", True),
        ("He preferred to state that the plan was flawed.", "prefer",
         "to state that the plan was flawed", True),  # the wish is to say it
    ],
)
def test_the_lexicon_tells_acts_from_statements(nlp, text, lemma, content, statement):
    doc = nlp(text)
    start = text.index(content)
    span = doc.char_span(start, start + len(content), alignment_mode="expand")
    kinds = CueKinds.of(resources.load("cues"))
    assert reads_as_statement(doc, lemma, (span.start, span.end), False, kinds) is statement


_VERBS = frozenset((*resources.load("cues")["verbs"], *resources.load("cues")["verbs_need_clause"]))


@pytest.mark.parametrize(
    ("text", "word", "noun"),
    [
        ("Federer won the grand slam in Melbourne last year.", "slam", True),
        ("The show on BBC Two drew six million viewers.", "show", True),
        ("The minister will slam the plan in a speech today.", "slam", False),  # a verb
        ("The report shows that prices rose.", "shows", False),
        ("The Liberal Democrats backed Tory demands that the plans be put on hold.", "demands",
         False),  # a noun of saying with its clause
    ],
)
def test_a_verb_of_the_lexicon_read_as_a_noun_is_no_cue(nlp, text, word, noun):
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline:  # the parse is enough
        doc = pipe(doc)
    i = next(t.i for t in doc if t.text.lower() == word)
    assert verb_read_as_noun(doc, (i, i + 1), doc[i].lemma_.lower(), _VERBS) is noun


@pytest.mark.parametrize(("text", "content"), [
    # BBC's paragraphs joined: the first quotation is left open, so it goes on
    ('He told reporters: "Europe needs unity. "That is the goal." Mr Chirac left.',
     'Europe needs unity. "That is the goal'),
    ('He said: "A rise is due.\n\n"Prices will go up, too.\n\n"Nobody disputes it." Then',
     'A rise is due.\n\n"Prices will go up, too.\n\n"Nobody disputes it'),
    # closed: each quotation ends where it closes
    ('He told reporters: "Europe needs unity." "That is the goal." Mr Chirac left.',
     "Europe needs unity"),
    # open, but no sentence ends before the next mark: a stray mark, not a paragraph
    ('He called it a "shambles "That is the goal." Mr Chirac left.', "shambles"),
])
def test_content_goes_on_through_a_quotation_left_open(text, content):
    quotes = quoting.spoken(text)
    first = next(q for q in quotes if text[q[0]:].startswith(content[:6]))
    said = Found((0, 2), "tell", (3, 7), (first[0], len(text[: first[1]].rstrip(".,\" "))))
    [out] = through_open_quotations(text, [said], quotes)
    assert text[out.content_span[0] : out.content_span[1]] == content


def test_a_speaker_labels_content_does_not_run_into_the_next_turn():
    text = '"PENCE: We will win.\n\n"WALLACE: Will you?'
    quotes = quoting.spoken(text)
    label = Found((1, 6), ":", (6, 7), (8, text.index(".")))
    assert through_open_quotations(text, [label], quotes) == [label]


@pytest.mark.parametrize(("text", "content", "whole"), [
    # the quotation it opens with, cut at a stop inside: the whole quotation
    ('Parry explained: "Steve was never used. There is no need." He left.',
     "Steve was never used", "Steve was never used. There is no need"),
    # cut elsewhere (a comma), or not from the quotation's start: as it is
    ('Parry explained: "Steve was never used, there is no need." He left.',
     "Steve was never used", None),
    ('Parry explained: "Steve was never used. There is no need." He left.',
     "There is no need", None),
])
def test_content_that_opens_a_quotation_runs_to_its_end(text, content, whole):
    quotes = quoting.spoken(text)
    start = text.index(content)
    said = Found((0, 5), "explain", (6, 15), (start, start + len(content)))
    [out] = through_open_quotations(text, [said], quotes)
    assert text[out.content_span[0] : out.content_span[1]] == (whole or content)
