"""Where a headline run into the first sentence ends (BBC texts come so)."""

import pytest

from pipeline.components.headlines import headline_end


def _parsed(nlp, text):
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    return doc


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Labour accused of broken pledge Labour has already broken its promise, the Tories "
         "said.", "Labour has already"),
        ("Opposition grows to house arrests The Conservatives have expressed misgivings.",
         "The Conservatives"),
        ("'Brainwave' cap controls computer A team of US researchers has shown that it works.",
         "A team of"),
        # the parser ends the first sentence at the headline itself
        ("Microsoft sues Google over patent The firm said on Monday that talks had failed. "
         "It will ask for damages.", "The firm"),
        # the body's subject repeats the headline's, inside a run of capitalised words
        ("Kinnock to urge reform in Lords Neil Kinnock has said his seat will let him "
         "argue for change.", "Neil Kinnock"),
        ("Blair says mayor should apologise Tony Blair has urged the mayor to say sorry.",
         "Tony Blair"),
        # a capitalised article before a lower-case word opens the body
        ("Blair defends terror law changes The prime minister has defended the plans.",
         "The prime"),
        ("Parker's saxophone heads auction A saxophone owned by a jazz star is expected "
         "to fetch $1m.", "A saxophone"),
        # a short name after a noun, the subject of a perfect
        ("GM issues 2005 profits warning General Motors has warned that it expects earnings "
         "to fall.", "General Motors"),
        ("BT offers equal access to rivals BT has moved to pre-empt a possible break-up of "
         "its business.", "BT has"),
        ("Fiat mulls Ferrari market listing Ferrari could be listed on the stock market.",
         "Ferrari could"),
        ("Dibaba breaks 5,000m world record Ethiopia's Tirunesh Dibaba set a new record.",
         "Ethiopia's"),
        # a descriptor before the body's first name belongs to the body
        ("Sella wants Michalak recall Former France centre Philippe Sella believes the "
         "coach must act.", "Former France"),
        ("Wenger offers Mutu hope Arsenal boss Arsene Wenger would consider signing the "
         "striker.", "Arsenal boss"),
        ("Worldcom boss 'left books alone' Former Worldcom boss Bernie Ebbers has denied "
         "the charges.", "Former Worldcom"),
        # a capitalised common word before a lower-case one opens a sentence
        ("Markets fall on weak dollar fears Rising oil prices hit shares on Monday.",
         "Rising oil"),
        ("Vouchers 'to cut winter deaths' Pensioners are being promised energy savings.",
         "Pensioners are"),
        ("'Super union' merger plan touted Two of Britain's big trade unions could merge.",
         "Two of"),
    ],
)
def test_a_headline_run_into_the_first_sentence_ends_where_the_body_starts(nlp, text, body):
    assert headline_end(_parsed(nlp, text)) == text.index(body)


@pytest.mark.parametrize("text", [
    "Labour accused of broken pledge\nLabour has already broken its promise, the Tories said.",
    "The minister said on Monday that taxes would rise.",
    "Voters in Ohio said the plan would fail.",  # "in Ohio": after a preposition
    '"This plan is premature," Finance Minister Taro Aso said.',  # a quotation
    "The senator said Friday that the bill would pass.",  # "Friday" hangs on "said"
    "He said Republicans would win the vote.",  # the complement of "said"
    "Trump told The New York Times that he would win.",  # a title goes on in capitals
    "China is now the top trader with Japan China said on Monday.",  # after a preposition
    "Voters said Donald Trump has won the debate.",  # after a verb: its complement
    "Voters said Democratic lawmakers would win the debate.",  # a nationality, not an opener
    "Voters said Britain's economy would grow.",  # after a verb: its complement
    # a title line of its own that the parser may cut in two
    "Washington Post Hit Piece Exploits Trump Supporter Who Was in a Hospital for Mental "
    "Issues.\n\nThe newspaper ran a feature on Saturday.",
])
def test_no_headline_in_a_first_line_of_its_own_or_a_plain_sentence(nlp, text):
    assert headline_end(_parsed(nlp, text)) == 0


def test_the_headline_end_is_worked_out_once_per_doc(nlp, monkeypatch):
    from pipeline.components import headlines

    doc = _parsed(nlp, "Labour accused of broken pledge Labour has already broken its promise.")
    first = headline_end(doc)
    monkeypatch.setattr(headlines, "_headline_end", lambda _doc: pytest.fail("recomputed"))
    assert headline_end(doc) == first == doc.text.index("Labour has")
