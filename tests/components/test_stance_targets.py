"""Target resolution across an article (``pipeline.components.stance.targets``)."""

import pytest

from pipeline.components.stance.targets import ENTITY, PHRASE, Resolver, said_of


def _resolver(doc, topic=None):
    return Resolver(doc, doc._.nc_entities or [], topic)


def _token(doc, text, nth=0):
    return [t for t in doc if t.text == text][nth]


def test_pronoun_is_the_last_person_named(parse):
    doc = parse("Barack Obama met Loretta Lynch on Monday. Republicans criticised her.")
    target = _resolver(doc).at(_token(doc, "her"))
    assert (target.name, target.kind) == ("Loretta Lynch", ENTITY)


@pytest.mark.parametrize(("text", "name"), [
    # a place named where something happened is passed over for the company a clause
    # was about; a state that was a subject stays
    ("Toyota Motor is cutting costs. The outlook in Japan is poor, so it plans a sale.",
     "Toyota Motor"),
    ("Toyota Motor is cutting costs. Japan is in recession, so it plans a sale.", "Japan"),
])
def test_it_is_the_last_body_named_not_a_place_in_passing(parse, text, name):
    doc = parse(text)
    assert _resolver(doc).at(_token(doc, "it")).name == name


def test_title_is_the_person_the_article_gave_it(parse):
    doc = parse("President Donald Trump spoke in Ohio. Democrats attacked the president.")
    assert _resolver(doc).at(_token(doc, "president")).name == "Donald Trump"


def test_a_named_title_is_the_person_the_article_gave_it(parse):
    doc = parse("Tory leader Michael Howard spoke first. Labour leader Tony Blair replied. "
                "Mr Hain accused the Tory leader of behaving like a mongrel.")
    assert _resolver(doc).at(_token(doc, "leader", 2)).name == "Michael Howard"


def test_seat_of_power_is_the_person_holding_its_title(parse):
    doc = parse("President Barack Obama spoke in Ohio. The White House criticised Congress.")
    assert _resolver(doc).at(_token(doc, "House")).name == "Barack Obama"
    doc = parse("The White House criticised Congress on Monday.")
    assert _resolver(doc).at(_token(doc, "House")).name == "White House"  # nobody to hold it


def test_party_members_stand_for_the_party(parse):
    doc = parse("Barack Obama blasted Republicans for the delay.")
    assert _resolver(doc).at(_token(doc, "Republicans")).name == "Republican Party"


def test_a_party_is_one_name_as_source_and_as_target(parse):
    """Sources and targets read one alias table: what one statement says of the Lib Dems
    is matched to what the Lib Dems say."""
    doc = parse("Labour said the Lib Dems were wrong about taxes. "
                "The Lib Dems said Labour had broken its promise.")
    sources = {s.source for s in doc._.nc_statements}
    targets = {_resolver(doc).at(_token(doc, "Dems", 0)).name,
               _resolver(doc).at(_token(doc, "Labour", 1)).name}
    assert sources == targets == {"Labour Party", "Liberal Democrats"}


@pytest.mark.parametrize(("text", "word"), [
    ("Apple and Motorola announced a deal at the end of last year.", "year"),
    ("She won her claim of unfair dismissal after her sacking in August 2003.", "August"),
])
def test_a_date_is_no_target(parse, text, word):
    doc = parse(text)
    assert _resolver(doc).at(_token(doc, word)) is None


def test_anaphor_is_the_topic(parse):
    doc = parse('Ishiba wants an "Asian NATO". China said the proposal was dangerous.')
    assert _resolver(doc, "Asian NATO").at(_token(doc, "proposal")).name == "Asian NATO"


def test_definite_noun_is_the_longer_phrase_named_before(parse):
    doc = parse("The leaders signed the Good Friday agreement in 1998. "
                "Nancy Pelosi praised the agreement on Tuesday.")
    target = _resolver(doc).at(_token(doc, "agreement", 1))
    assert target.kind == PHRASE
    assert "Good Friday agreement" in target.name


@pytest.mark.parametrize(("text", "word", "name"), [
    # a description whose head ends a name before stands for that name
    ("The government introduced the Prevention of Terrorism Act last year. Lawyers said the "
     "new Act was unfair.", "Act", "Prevention of Terrorism Act"),
    ("The Human Rights Act came into force in 2000. Critics said the Act was misused.", "Act",
     "Human Rights Act"),
    ("The Bank of England held rates on Thursday. Economists said the bank was right.",
     "bank", "Bank of England"),
    # not a description with words of its own, nor a plural
    ("The Bank of England held rates on Thursday. Economists said the investment bank was "
     "wrong.", "bank", "investment bank"),
    ("The Bank of England held rates. Economists said the banks were right.", "banks",
     "banks"),
])
def test_a_description_is_the_thing_named_before(parse, text, word, name):
    doc = parse(text)
    assert _resolver(doc).at(_token(doc, word, -1)).name == name


@pytest.mark.parametrize(("text", "word", "name"), [
    # an anaphor of another noun of its kind: the specific one named just before
    ("MPs will hold a long debate next week and then vote on the controversial ID cards "
     "bill. Up to 30 Labour MPs could oppose the scheme.", "scheme",
     "controversial ID cards bill"),
    # not where a speech tag says it was said, nor an act, an agreement or "a" deal
    ("Mr Blair told BBC Radio 4's Today programme he was sure. He said the plans would "
     "work.", "plans", "plans"),
    ("Ministers backed the ID cards bill. Critics said the move was wrong.", "move", "move"),
    ("Viacom agreed to train staff about indecency laws. The agreement ends the row.",
     "agreement", "agreement"),
])
def test_an_anaphor_of_its_kind_is_the_plan_named_just_before(parse, text, word, name):
    doc = parse(text)
    assert _resolver(doc).at(_token(doc, word)).name == name


@pytest.mark.parametrize(("text", "word", "name"), [
    ("Critics attacked the proposed border wall on Monday.", "wall", "proposed border wall"),
    ("She opposed the annual production of the missiles.", "production",
     "annual production of the missiles"),
    # whole words, no quote marks: "e-mails" is split by the tokenizer
    ("Lycos did not want to use e-mail to fight back.", "e", "e-mail"),
    ("He condemned the deletion of e-mails last year.", "deletion", "deletion of e-mails"),
    ('The firm held "constructive" talks with the LSE.', "talks", "constructive talks"),
    # an infinitive says what a need or decision is for; not its own phrases
    ("The UK should not ignore the need to reform the farm policy.", "need",
     "need to reform the farm policy"),
    ("The court overturned its decision to provide Yukos with protection.", "decision",
     "decision to provide Yukos"),
    ("Were economic conditions to deteriorate, banks would lose.", "conditions",
     "economic conditions"),  # an infinitive acting on nothing
    ("Prices saw a rise of 0.4% in January.", "rise", "rise"),  # not of an amount
    ("He welcomed the return of the four detainees.", "return",
     "return of the four detainees"),
    ("They noted the dip in hiring.", "dip", "dip in hiring"),
    ("They noted the dip in 2004.", "dip", "dip"),  # when is no name
    # "his party": the body the article named beside him
    ("Tory leader Michael Howard spoke in Leeds. He said his party would cut taxes.",
     "party", "Conservative Party"),
    ("Tory Liam Fox said his party offered a clear choice.", "party", "Conservative Party"),
    ("Michael Howard spoke in Leeds. He said his party would cut taxes.", "party", "party"),
    # an act with what it does, object or none
    ("Polls show most Britons support the couple's decision to marry.", "decision",
     "couple's decision to marry"),
    # a time unit is no part of a name; a day or a possessor names one
    ("Gordon Brown said that each year fuel duties should rise with inflation.", "duties",
     "fuel duties"),
    ("BMW said it would produce 100,000 Mini models a year at Cowley.", "models",
     "Mini models"),
    ("The minister described Friday's meeting as very productive.", "meeting",
     "Friday's meeting"),
    ("They would not achieve their aim of re-engaging voters.", "aim", "aim"),  # no gap
    ("They saw stronger economic growth.", "growth", "economic growth"),
    ("It was a very good deal.", "deal", "deal"),  # a graded opinion is no part of a name
    ("He failed a positive test.", "test", "positive test"),  # a kind of test
    # the lexicon's opinion words are no part of a name, nor what they are joined with
    ("He said a good deal had been secured.", "deal", "deal"),
    ("He promised the most positive and upbeat election campaign.", "campaign",
     "election campaign"),
    ("Figures show a worrying rise in the number of accidents.", "rise",
     "rise in the number of accidents"),  # a generic noun keeps its "of"
    ("They delivered at least double-digit earnings growth.", "growth",
     "double-digit earnings growth"),  # a bound is no word of a name
    ("It can produce up to 100 million doses a year.", "doses", "doses a year"),
    ("He said no deal had been offered.", "deal", "deal"),
    # an amount is no word of a name; an ordinal is
    ("The SEC had reached a $140m deal with the firm.", "deal", "deal"),
    ("About 2,500 new jobs should be created.", "jobs", "new jobs"),
    ("She is writing the second book in the series.", "book", "second book"),
    ("The lower duty will cut prices.", "duty", "lower duty"),  # how much, not how good
    ("They sell products in media.", "products", "products"),  # where
    ("They called for an inquiry into the deal.", "inquiry", "inquiry into the deal"),
])
def test_phrase_keeps_its_modifiers_and_whole_words_not_its_determiner(parse, text, word,
                                                                        name):
    doc = parse(text)
    assert _resolver(doc).at(_token(doc, word)).name == name


def test_the_decision_is_the_decision_named_before(parse):
    doc = parse("Cherie Blair welcomed a decision to throw out the law. "
                "Critics said the decision was wrong.")
    target = _resolver(doc).at(_token(doc, "decision", 1))
    assert target.name == "decision to throw out the law"


def test_an_amount_is_no_target(parse):
    doc = parse("The firm will pay $140m to settle the case.")
    assert _resolver(doc).at(_token(doc, "m")) is None


def test_an_idiom_names_no_target(parse):
    doc = parse("Life gets better as a result. It was beyond belief.")
    assert _resolver(doc).at(_token(doc, "result")) is None
    assert _resolver(doc).at(_token(doc, "belief")) is None


def test_generic_nouns_are_no_targets(parse):
    doc = parse("Officials said people were waiting.")
    assert _resolver(doc).at(_token(doc, "people")) is None


@pytest.mark.parametrize(("text", "first"), [
    ("The group planned to raise international capacity by 30%.", "capacity"),  # agent
    ("The cost of the order has risen.", "order"),  # an aspect of it
    ("The tariffs will hurt farmers.", "tariffs"),  # no agent: the subject stays first
    ("Ministers cut about 60% of the budget.", "budget"),  # what the amount is of
    ("The company secured 8.4 gigawatts of offshore wind capacity.", "capacity"),
    ("They urged governments to fund warning systems.", "systems"),  # urged to act
    ("One million people have lost their livelihoods.", "livelihoods"),  # how many act
    ("The watchdog should investigate why the computer system failed.", "system"),
    ("Qantas could move jobs abroad as it seeks to save costs.", "jobs"),
    ("Qantas could move 7,000 jobs abroad as it seeks to save costs.", "Qantas"),  # no object
    ("The survey suggests that the recovery is running out of steam.", "recovery"),  # reports
    ("Saudi Arabia had pushed for the delay.", "Arabia"),  # no clause reported: the subject
    ("Concerns about the strength of the euro remain.", "strength"),  # what the concern is about
    ("They demanded clarification on the move.", "move"),
    ("Our task is to rebuild the coalition.", "coalition"),  # the speaker's own: after
    ("I felt good and used my knowledge of the course.", "course"),
    ("I love this film, she told the audience.", "film"),  # who is told: not what about
    ("The whole of Chelsea is different now.", "Chelsea"),  # what the whole is of
    ("The audience for the show peaked at 14 million.", "show"),
    ("His opinion of the town had been lowered.", "town"),  # what an opinion is of
])
def test_about_puts_what_the_statement_is_about_first(parse, text, first):
    doc = parse(text)
    tokens = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
              and t.pos_ in ("NOUN", "PROPN")]
    assert _resolver(doc).about(tokens)[0].text == first


@pytest.mark.parametrize(("text", "holder", "first"), [
    # someone else's act the verb judges: about them
    ("Labour has betrayed the voters of London.", "Liberal Democrats", "Labour"),
    # the holder's own act, or a plain one: about what it acts on
    ("Labour has betrayed the voters of London.", "Labour Party", "voters"),
    ("Labour will cut the tariff on rice.", "Liberal Democrats", "tariff"),
])
def test_a_judged_act_of_someone_named_is_about_them(parse, text, holder, first):
    doc = parse(text)
    tokens = [t for t in doc if t.dep_ in ("nsubj", "dobj") and t.pos_ in ("NOUN", "PROPN")]
    assert _resolver(doc).about(tokens, holder=holder)[0].text == first


@pytest.mark.parametrize(("text", "holder", "thing"), [
    # the nearest clause before it in its sentence
    ("Tony Blair believes a winter break carries many advantages, explaining that it is the "
     "perfect chance to rest.", "Blair", "break"),
    ("Kennedy defended his plans to increase income tax, saying it would apply to few "
     "people.", "Kennedy", "tax"),
    # what the sentence before says, a gerund's object
    ("The research says cutting the limit would save lives. Gordon Brown estimates that "
     "this would save the country money.", "Brown", "limit"),
    # a placeholder, an organisation that speaks of itself, an idiom
    ("The plan was costly. The minister said it is clear that the plan failed.", "minister",
     None),
    ("The refinery was losing money. Shell said it was in talks to sell.", "Shell", None),
    ("The industry is changing. Thompson thinks it is about time.", "Thompson", None),
])
def test_a_subject_it_stands_for_the_thing_said_before(parse, text, holder, thing):
    doc = parse(text)
    pronoun = next(t for t in doc if t.lower_ in ("it", "this") and t.dep_ == "nsubj")
    source = _token(doc, holder)
    found = _resolver(doc).antecedent(pronoun, (source.idx, source.idx + len(source)))
    assert (found.text if found is not None else None) == thing


def test_an_open_question_names_no_target(parse):
    doc = parse("Fox is still to announce which technology it will be supporting.")
    assert _resolver(doc).at(_token(doc, "technology")) is None


@pytest.mark.parametrize(("text", "word", "said_of_word"), [
    ("The plan is a shame.", "shame", "plan"),  # a copula's predicate: its subject
    ("The board has the guts to act.", "guts", "board"),  # a light verb's object
    ("Banks will play a vital role.", "role", "Banks"),  # an evaluative modifier
    ("It is a shame for the club.", "shame", "club"),  # what it is "for"
    ("It was a wonderful adventure.", "adventure", None),  # said of nothing named
    ("The crisis deepened.", "crisis", "crisis"),  # a subject is what its clause is about
    ("There is a problem with the engine.", "problem", "engine"),  # what it is with
    ("There is a problem.", "problem", "problem"),  # with nothing named: what there is
    ("There is some room for improvement in her game.", "room", "game"),
    ("There was an absolute crisis in the recruitment of staff.", "crisis", "recruitment"),
    ("Man Utd's resolve impressed everyone.", "resolve", "Utd"),  # a named holder
    ("His innocence was never in doubt.", "innocence", "innocence"),  # whose: unsure
    ("There is corporate profitability in the current fiscal year.", "profitability",
     "profitability"),  # not in a time
    ("Our confidence is growing.", "confidence", "confidence"),  # the speaker's own: no
    ("I have had problems with that ankle.", "problems", "ankle"),  # what it is with
    ("Schumer called her a tireless type.", "type", "her"),  # what a predicate describes
    ("He branded the plan a disaster.", "disaster", "plan"),
    ("Jindal characterized them as do-nothings.", "nothings", "them"),
    ("Schiff called the letter irresponsible.", "irresponsible", "letter"),
    ("Voters will have a choice of candidates.", "choice", "Voters"),  # a predicate noun
])
def test_an_evaluative_word_is_said_of_something(parse, text, word, said_of_word):
    found = said_of(_token(parse(text), word))
    assert (found.text if found is not None else None) == said_of_word


@pytest.mark.parametrize(("text", "word", "name"), [
    ("Philippines Cuts Rice Tariff to 15%\nRice rose. Officials said the tariff would help.",
     "tariff", "Rice Tariff"),  # not "Philippines Cuts Rice Tariff"
    ("OPEC+ Delays Output Increase Again\nOutput fell. Analysts said the increase would help.",
     "increase", "Output Increase"),
])
def test_a_headline_phrase_stops_at_the_headline_verb(parse, text, word, name):
    doc = parse(text)
    assert _resolver(doc).at(_token(doc, word)).name == name


def test_a_headline_phrase_is_in_words_the_article_names_with(parse):
    doc = parse("OPEC+ Delays Output Increase Again\nOutput fell. Analysts said a prolonged "
                "delay would hurt.")
    assert _resolver(doc).at(_token(doc, "delay")).name == "prolonged delay"  # no "Delays"


def test_an_event_anaphor_is_the_headline_news(parse):
    doc = parse("Philippines Cuts Rice Tariff to 15%\nThe rice tariff fell. "
                "Farmers said the move would ruin them.")
    assert _resolver(doc).at(_token(doc, "move")).name == "Rice Tariff"
    doc = parse("Glaciers Lost Record Ice\nFarmers said the move would ruin them.")
    assert _resolver(doc).at(_token(doc, "move")).name == "move"  # a name the body never uses


@pytest.mark.parametrize(("text", "word", "name"), [
    # an age used as a noun: the person the article gave that age
    ("Serena Williams, 31, lost in the final. Fans fear the 31-year-old would retire.",
     "old", "Serena Williams"),
    # a person noun: the person the article gave it, in the sentences before
    ("England's Josh Lewsey played well. Coach Andy Robinson said the winger was superb.",
     "winger", "Josh Lewsey"),
    # an organisation noun: the organisation the article called so
    ("Telecoms firm Deutsche Telekom posted a loss. Analysts said the firm had erred.",
     "firm", "Deutsche Telekom"),
    # the noun is the name's own head, or the name modifies it, as sources resolve it
    ("The Economic Social Research Council met. The council aims to support research.",
     "council", "Economic Social Research Council"),
    ("Ken Clarke said the Tory party was improving. The party could win, he said.",
     "party", "Conservative Party"),
])
def test_a_description_is_the_name_the_article_gave_it(parse, text, word, name):
    doc = parse(text)
    target = _resolver(doc).at(_token(doc, word, -1))
    assert (target.name, target.kind) == (name, ENTITY)


@pytest.mark.parametrize(("text", "word"), [
    # not any organisation named last: one the article never called a party
    ("The Daily Telegraph reported the row. Members said the party needed him.", "party"),
    # a modified noun names its own thing ("the election campaign" is no Labour Party)
    ("Labour began its campaign. Mr Milburn said the election campaign would be upbeat.",
     "campaign"),
])
def test_a_description_the_article_ties_to_no_name_stays(parse, text, word):
    doc = parse(text)
    assert _resolver(doc).at(_token(doc, word, -1)).kind == PHRASE


def test_a_name_in_apposition_is_what_the_description_stands_for(parse):
    doc = parse("Regulators said the country's biggest bank Barclays had erred.")
    assert _resolver(doc).at(_token(doc, "bank")).name == "Barclays"


@pytest.mark.parametrize(("text", "word", "framed"), [
    ("The office said the main driver of the expansion has been exports.", "driver",
     "expansion"),
    ("King said the only way to combat these attacks was with better systems.", "way",
     "attacks"),
    ("LNM said it welcomed the possibility that the mill might be sold.", "possibility",
     "mill"),
    ('Ferguson said: "The good thing is that you are in control."', "thing", None),
    ("Aides said the Blair way of government had worked.", "way", "way"),  # a named one
])
def test_a_frame_noun_stands_for_what_it_frames(parse, text, word, framed):
    found = said_of(_token(parse(text), word))
    assert (found.text if found is not None else None) == framed


def test_the_figure_is_what_the_last_figure_measured(parse):
    doc = parse("The number of broadband users rose to 6 million in 2004. "
                "Analysts expect these figures to leap in 2005.")
    measured = [f.target for f in doc._.nc_figures if f.target]
    target = _resolver(doc).at(_token(doc, "figures"))
    assert measured and target.name == measured[-1]
    doc = parse("Analysts expect the figures to leap in 2005.")
    assert _resolver(doc).at(_token(doc, "figures")).name == "figures"  # none before


def test_it_is_a_plain_noun_names_what_it_is(parse):
    doc = parse('Mr Flynn said the pair had a "scorching" from MPs. He added: "It was a '
                'Labour Party meeting like no other."')
    assert doc._.nc_statements[-1].target == "Labour Party meeting"


def test_a_long_name_is_cut_between_words(parse):
    doc = parse("King said these so-called Distributed Denial-of-Service attacks were rising.")
    assert _resolver(doc).at(_token(doc, "attacks")).name == (
        "Distributed Denial-of-Service attacks")


def test_a_writers_brackets_are_no_part_of_a_name(parse):
    doc = parse('Mr Hofheinz said: "The [Lisbon] vision is a compelling one."')
    assert _resolver(doc).at(_token(doc, "vision")).name == "Lisbon vision"


def test_at_one_point_names_nothing(parse):
    doc = parse('The official said: "There was at one point the intention to vote."')
    assert _resolver(doc).at(_token(doc, "point")) is None


def test_a_he_in_the_speakers_quoted_words_is_someone_else(parse):
    doc = parse('Jens Lehmann is unhappy. Jurgen Klinsmann said: "He cannot be our number '
                'one keeper."')
    target = _resolver(doc).at(_token(doc, "He"), speaker="Jurgen Klinsmann")
    assert target.name == "Jens Lehmann"
    doc = parse("Jens Lehmann is unhappy. Jurgen Klinsmann said he would resign.")
    target = _resolver(doc).at(_token(doc, "he"), speaker="Jurgen Klinsmann")
    assert target.name == "Jurgen Klinsmann"  # reported speech: the speaker himself


def test_a_predicate_noun_of_he_or_she_is_said_of_the_person(parse):
    doc = parse('Jens Lehmann is unhappy. Jurgen Klinsmann said: "He cannot be our number '
                'one keeper."')
    assert doc._.nc_statements[-1].target == "Jens Lehmann"
    assert said_of(_token(doc, "keeper")).text == "He"


def test_it_is_a_plain_description_keeps_what_it_stands_for(parse):
    doc = parse('Consumer borrowing rose again. Ed Balls said: "I don\'t believe it would be '
                'a big election issue."')
    assert doc._.nc_statements[-1].target == "Consumer borrowing"


@pytest.mark.parametrize(("text", "word", "passing"), [
    ("Mr Smith said the funny side was lost on him.", "side", True),
    # made specific by a possessor or an "of" phrase
    ("Mr Smith said the club's side was weak.", "side", False),
    ("Mr Smith said the door of the club was open.", "door", False),
    # the article's own subject: it names the noun again
    ("The door opened. Mr Smith said the door was open.", "door", False),
    # no noun of the list
    ("Mr Smith said the merger was weak.", "merger", False),
])
def test_a_noun_named_once_in_passing(parse, text, word, passing):
    doc = parse(text)
    resolver = _resolver(doc)
    token = _token(doc, word, -1)
    assert resolver.passing(resolver.at(token)) is passing


@pytest.mark.parametrize(("text", "target"), [
    # what "there is" says there is is what the clause is about, not the nouns of its
    # clause, nor those of a "while" clause said on the way
    ("Mr Smith said there are just too many televised gatherings of stars showering praise "
     "on each other.", "many televised gatherings of stars"),
    ("Mr Smith said that while progress had been made, there was still a gap in pay "
     "figures.", "gap"),
    # a number, an attitude noun or a noun of what it is for says little of its own
    ("Mr Smith said there were two or three occasions when the advice was published.",
     "advice"),
    ("Mr Smith said there was no guarantee that the domains would go into service.",
     "domains"),
    ("Mr Smith said there were no legitimate grounds for investigating his business "
     "affairs.", "business affairs"),
])
def test_what_there_is_is_what_a_statement_is_about(parse, text, target):
    assert parse(text)._.nc_statements[0].target == target


@pytest.mark.parametrize(("text", "start", "told"), [
    # a content that starts at whom the speaker told: neither they nor the name in their
    # words are what it is about
    ("Peter Hain told BBC Radio Four's Today programme that Mr Howard's stance was wrong.",
     3, {"BBC", "Radio", "Four", "Today", "programme"}),
    # what is told is no addressee
    ("Wasp told the story of a single mother living on the breadline.", 2, set()),
])
def test_about_leaves_out_whom_a_content_starts_by_telling(parse, text, start, told):
    doc = parse(text)
    within = doc[start:-1]
    tokens = [t for t in within if t.pos_ in ("NOUN", "PROPN")]
    heads = {t.text for t in _resolver(doc).about(tokens, within)}
    assert heads == {t.text for t in tokens} - told
