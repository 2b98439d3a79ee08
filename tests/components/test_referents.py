"""Mentions resolve to whom the article names: relative pronouns, organisation nouns, and
no statement at all for a source that names no one."""

import pytest

from pipeline.annotations import EntityMention, Statement
from pipeline.components.referents import SourceResolver, _full_name
from pipeline.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(None, {"newsclaims_attribution": {"model": ""}})


def before_attribution(nlp, text):
    """The article through the pipes before attribution and stance."""
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline[:-2]:
        doc = pipe(doc)
    return doc


def sources(nlp, text):
    return [(text[slice(*s.source_span)], s.source) for s in nlp(text)._.nc_statements
            if s.source_span is not None]


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Acme Corporation, which said profits would fall, cut 200 jobs.", "which",
         "Acme Corporation"),
        ("Maria Lopez, who said the plan would fail, left the meeting early.", "who",
         "Maria Lopez"),
        ("The Guardian broke the story on Monday. The newspaper said the minister had "
         "resigned.", "The newspaper", "Guardian"),
        ("Shares in Tesco fell on Friday. The firm said sales had slowed.", "The firm",
         "Tesco"),
        # the organisation the noun was given, not the one named last
        ("The Acme board met in Leeds on Monday. Shares in Brixton Holdings rose. The board "
         "said profits would rise.", "The board", "Acme"),
        # a company named with another company noun, not one it owns
        ("German telecoms firm Fenwick Holdings saw profits rise. Acme Mobile, the company's US "
         "business, did well. The company said it would pay a dividend.", "The company",
         "Fenwick Holdings"),
        # of the companies given such a noun, the one named last
        ("Retailer Fenwick Holdings cut prices. Drugs group Globex Pharma launched adverts. "
         "Jo Smith, of Save Our Town, a group opposing Fenwick, spoke. Globex Pharma hired "
         "staff. The company said sales had grown.", "The company", "Globex Pharma"),
        # not the employer of an analyst quoted in between
        ("Shares in Tesco rose. \"It is a good result,\" said Jane Smith, an analyst at "
         "Barclays Capital. The company said sales had grown.", "The company", "Tesco"),
        # a band the tagger takes for a person, given the noun before its name
        ("Scottish band Franz Ferdinand won two awards. The band said the prizes were a "
         "surprise.", "The band", "Franz Ferdinand"),
        # an organisation noun in the phrase that says whose the source is
        ("Shares in Tesco fell. A spokesman for the firm said sales had slowed.",
         "A spokesman for the firm", "Tesco"),
        # "the statement": whoever the article said issued one, or spoke in one
        ("The Home Office issued a statement on Monday. The statement said the law would "
         "change.", "The statement", "Home Office"),
        ("The All England Club said in a statement that the roof would be ready. The "
         "statement added that tickets would be refunded.", "The statement",
         "All England Club"),
        # not the party that only welcomed the report
        ("The Home Office published a report. Tories welcomed the report. It says quangos "
         "cost too much.", "It", "Home Office"),
        # "the UK firm" names no firm called the UK
        ("Shares in Cairn Energy rose after the UK firm announced a find. The firm, which "
         "made other finds, said the find was large.", "The firm, which made other finds",
         "Cairn Energy"),
    ],
)
def test_sources_resolve_to_the_name(nlp, text, span, name):
    found = dict(sources(nlp, text))
    assert span in found
    assert name in found[span]


@pytest.mark.parametrize("text", [
    "You said the plan would fail.",
    "As you said yourself, the plan would fail.",
])
def test_a_source_that_names_no_one_gives_no_statement(nlp, text):
    assert all(name is not None and name.lower() not in ("you", "yourself")
               for _, name in sources(nlp, text))
    assert all(span.lower() != "you" for span, _ in sources(nlp, text))


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # the statement just before is one person's: "they" is not that person
        ("Maria Lopez said the plan was good. Officials were asked about the plan. They said "
         "that it would fail.", "They", "Officials"),
        # a group's statement just before: "they" are that group
        ("Greenpeace said the plan was good. Later they said that it would fail.", "they",
         "Greenpeace"),
        # the article titles the last person named as the other sex: not whom "she" is
        ("David Blunkett met Kimberly Quinn in 2002. Mrs Quinn's nanny got a visa. "
         "Mr Blunkett denied wrongdoing. She said the affair was over.", "She",
         "Kimberly Quinn"),
        ("Mike Tomlinson met Ruth Kelly. Mr Tomlinson listened and Ms Kelly spoke. "
         "Later, he said the report stood.", "he", "Mike Tomlinson"),
        # ... or gives a noun of the other sex
        ("The award went to actor Jamie Foxx, and actress Helen Mirren read out his speech. "
         "He said that he was sorry.", "He", "Jamie Foxx"),
        # a kin noun before a full name gives no sex to the surname the couple shares
        ("Donald Smith arrived with his wife Melania Smith. He said that the trip went "
         "well.", "He", "Donald Smith"),
        # a name the article never titles may be either
        ("Mr Brown met Alex Jones on Monday. Mr Brown stayed late. She said the talks "
         "went well.", "She", "Alex Jones"),
        # a spokesman for an organisation the article names speaks for it
        ("Tony Blair spoke on Monday. A spokesman for the Home Office said the plan was "
         "ready.", "A spokesman for the Home Office", "Home Office"),
        ("Fox News aired the show. A spokeswoman for Reuters said the report was wrong.",
         "A spokeswoman for Reuters", "Reuters"),
        # the speaker is none of the people the statement's own words name
        ("Jo Pavey finished second behind Justyna Bak. \"Justyna Bak ran a great race and "
         "deserved to win,\" she said.", "she", "Jo Pavey"),
        ("Kevin Keegan met Norwich boss Nigel Worthington afterwards. \"I feel for Nigel "
         "Worthington,\" he said.", "he", "Kevin Keegan"),
        # "the spokeswoman": whom the spokeswoman of a statement before spoke for
        ("Fox News aired the show. A spokeswoman for Reuters said the report was wrong. The "
         "spokeswoman said that it would be corrected.", "The spokeswoman", "Reuters"),
        # "it" with only a thing before it: the organisation a clause was about, not a
        # place named where something happened; a state that was a subject stays
        ("Toyota Motor is cutting costs. The outlook in Japan is poor. It said trading "
         "would remain competitive.", "It", "Toyota Motor"),
        ("Toyota Motor is cutting costs. Japan is in recession. It said trading would "
         "remain competitive.", "It", "Japan"),
    ],
)
def test_a_pronoun_or_group_stands_for_whom_the_article_names(nlp, text, span, name):
    assert sources(nlp, text)[-1] == (span, name)


@pytest.mark.parametrize("text", [
    "He said the plan would fail.",  # no one named before "he"
    "They said the plan would fail.",
])
def test_a_pronoun_that_stands_for_no_one_named_gives_no_statement(nlp, text):
    assert sources(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # the noun was the name's title or apposition in a sentence before
        ("Manchester United striker Wayne Rooney scored twice on Saturday. The striker said "
         "he was delighted with the result.", "The striker", "Wayne Rooney"),
        ("Wayne Rooney, the striker, scored twice. Alex Ferguson praised him. The striker "
         "said he was happy.", "The striker", "Wayne Rooney"),
        # the age the article gave with the name
        ("Paula Radcliffe, 30, pulled out of the race. The 30-year-old said she would "
         "return next year.", "The 30-year-old", "Paula Radcliffe"),
        # an age or role tied to no name: whom the sentence before is about (its subject,
        # not the last person named), or the one person it names
        ("Luis Aragones was fined for his comments about Thierry Henry. The 66-year-old "
         "said the fine was unfair.", "The 66-year-old", "Luis Aragones"),
        ("England's Josh Lewsey has lost his appeal. The Wasps wing insisted that he "
         "grounded the ball.", "The Wasps wing", "Josh Lewsey"),
        ("The club has signed Graham Stuart. \"It was an easy decision,\" the midfielder "
         "told reporters.", "the midfielder", "Graham Stuart"),
        # further back, a title the article gave that one person alone
        ("Lions coach Clive Woodward named his squad. Martin Johnson had retired. Jonny "
         "Wilkinson was injured. Lawrence Dallaglio was left out. The fans were angry. "
         "\"They are a great side,\" said the Lions coach.", "the Lions coach",
         "Clive Woodward"),
    ],
)
def test_a_description_resolves_to_the_person_it_described(nlp, text, span, name):
    assert dict(sources(nlp, text))[span] == name


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a thing tied to a person is not that person
        ("The report was published by John Smith on Monday. The report said growth would "
         "slow.", "The report"),
        # what a person made or owns is not that person
        ("Robert Peston's new book was published on Monday. The new book claims the two men "
         "fell out.", "The new book"),
        ("Ministers published the Nicholas Stern report on Monday. The report said growth "
         "would slow.", "The report"),
        # the same noun with other modifiers is someone else
        ("Roger Federer beat seventh seed Feliciano Lopez on Friday. \"I played well,\" said "
         "the top seed.", "the top seed"),
        # further back, a title the article gave two people: no telling which
        ("Lions coach Clive Woodward named his squad. Lions coach Ian McGeechan agreed. "
         "Martin Johnson had retired. Jonny Wilkinson was injured. The fans were angry. "
         "Lawrence Dallaglio was left out. \"They are a great side,\" said the Lions coach.",
         "the Lions coach"),
        # a role with no name in the sentence before, or two people and no subject
        ("Ronald Pognon set a record. Favourite won the 60m title. \"I feel there is more "
         "to come,\" said the sprinter.", "the sprinter"),
        ("The club signed Graham Stuart from Charlton and Tom Reed from Leeds. \"It was "
         "an easy decision,\" the midfielder said.", "the midfielder"),
        # an office is held only by whom the article gives it: not a person it gives
        # another office, nor one the statement itself names
        ("London mayor Ken Livingstone says he is standing by his remarks. But the prime "
         "minister says it is time to apologise.", "the prime minister"),
        ("Ken Livingstone says he is standing by his remarks. But the prime minister says "
         "it is time for Mr Livingstone to apologise.", "the prime minister"),
        # nor one the article gives the office with another place
        ("Vermont Sen. Bernie Sanders won in Minnesota on Tuesday. The Florida senator said "
         "he would fight on.", "The Florida senator"),
        # nor the person an earlier statement's other office stood for
        ("David Blunkett unveiled the plans on Monday. The home secretary said the plans "
         "would work. The prime minister said the police would be in charge.",
         "The prime minister"),
        ("Philip Pullman wrote the books. His agent told the Times that he was happy.",
         "His agent"),
        # the speaker just before has another role: not "the striker"
        ("Manager Tom Reed said the team played well. \"We were unlucky,\" he added. "
         "\"It was hard,\" said the striker.", "the striker"),
        # an age no one named was given
        ("Paula Radcliffe, 30, pulled out of the race. The 41-year-old said she would "
         "return next year.", "The 41-year-old"),
    ],
)
def test_a_description_tied_to_no_one_stays_as_written(nlp, text, span):
    assert dict(sources(nlp, text))[span] == span


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # "he" in a clause fronted before its main clause: the main clause's subject
        ("Mary Jones said the vote was fair. After he said that the plan was dead, Tom Hardy "
         "left the room.", "he", "Tom Hardy"),
        # "he" after a statement: its speaker, unless another person became a main
        # clause's subject since
        ("Gordon Brown spoke in London. Evan Davis said the figures were plausible. Mr "
         "Brown's insistence was a rebuttal of a warning. He said that the plan would work.",
         "He", "Gordon Brown"),
        ("Gordon Brown spoke in London. Evan Davis said that Mr Brown was right. He said "
         "that the plan would work.", "He", "Evan Davis"),
        # "he" after an unnamed spokesperson's statement: that spokesperson still
        ("Tony Blair visited Leeds. A spokesman said the road would close. He added that it "
         "would reopen in May.", "He", "A spokesman"),
        # ... also when the spokesperson's own words named someone
        ("Tony Blair visited Leeds. A spokesman said that Mr Smith had no money. He also "
         "said that the road would close.", "He", "A spokesman"),
        # "it": the last subject that is no person, not the last organisation named
        ("Acme Corp said profits fell. Analysts at Barclays Capital were surprised. It added "
         "that sales would recover.", "It", "Acme Corp"),
        ("Acme Corp cut jobs. The Demos report looked at broadband. It found that most "
         "people logged on daily.", "It", "Demos"),
        # an "it" that was already a statement's source, past a reported clause's subject
        ("The Financial Times reported the deal. It said Fiat would restructure. Listing "
         "Ferrari is one option, it said.", "it", "Financial Times"),
        # an organisation given by an apposition, a report by the body it is "from"
        ("Manufacturers' organisation, the EEF, said output fell. It also said that "
         "confidence was waning.", "It", "EEF"),
        ("The study, from the Centre for Economic Policy Research, looked at Russia. It "
         "argues that tax policing helped.", "It", "Centre for Economic Policy Research"),
        # "the report" with no author of its own: whom the article gave that report before
        ("A report by the Pew Research Center looked at search habits. Broadband grew. Few "
         "people spot paid adverts, the report said.", "the report", "Pew Research Center"),
        # the nearest subject, named as its own statement named it: not the last place named
        ("Globex said sales rose. Sizzla's UK tour was cancelled after the taskforce "
         "announced that a review was due. It said that no artist was named.", "It",
         "the taskforce"),
        # a person who spoke is never "it"
        ("EC President Jose Manuel Barroso told the Parliament that the Commission had no "
         "plan. He said that it had supported the deal.", "it", "Commission"),
        # a one-word name that spoke is no sure person: the tagger often takes a firm for one
        ("Analysts at Barclays Capital were surprised. Yukos said that the sale was illegal. "
         "It added that it would appeal.", "It", "Yukos"),
        # "they": the last plural subject, when it comes after the statement just before
        ("Maria Lopez said the club was fine. Fans were angry on Saturday. They said the "
         "club had failed them.", "They", "Fans"),
        # an office with a qualifier is held by whom the article gives it
        ("Shadow chancellor Oliver Letwin spoke first. Chancellor Gordon Brown disagreed. "
         "The shadow chancellor said the plan would fail.", "The shadow chancellor",
         "Oliver Letwin"),
        # an office is held by whom the article gives that office, not another minister
        ("Prime Minister Tony Blair spoke first. Foreign Minister Jack Straw agreed. The "
         "prime minister said the plan would work.", "The prime minister", "Tony Blair"),
        ("Home Secretary Ann Grey spoke. She took over at the Home Office from Tom Reed, now "
         "foreign secretary. The home secretary said she was wrong.", "The home secretary",
         "Ann Grey"),
        # an office the article gives no one: the person its first sentence is about, or
        # the speaker of the statement just before
        ("Tony Blair has rejected calls for an inquiry. The prime minister told reporters "
         "the matter was closed.", "The prime minister", "Tony Blair"),
        ("David Blunkett unveiled the plans on Monday. The home secretary said the plans "
         "would work.", "The home secretary", "David Blunkett"),
        ("Shops shut early on Monday. Roads were closed. Police were busy all day. Tony "
         "Blair said the plan was sound. The prime minister said he hoped for support.",
         "The prime minister", "Tony Blair"),
        # an office as news abbreviates it before the name
        ("Donald Trump spoke in Texas. Florida Sen. Marco Rubio won in Minnesota. The "
         "Florida senator said he would fight on.", "The Florida senator", "Marco Rubio"),
        # a role with no name tied to it: the person named just before, else the speaker
        # just before; a capitalised role too
        ("Adam Jones says the forwards are ready. The prop said the pack would win.",
         "The prop", "Adam Jones"),
        ("Austin Aitken is suing NBC. He said the show made him ill. The legal assistant "
         "said NBC was wrong.", "The legal assistant", "Austin Aitken"),
        # a possessive role: whom the article gave that noun, not the person nearby
        ("Mr Nogar's son Stephen Nogar sold the tapes. \"He kept them all,\" his son said.",
         "his son", "Stephen Nogar"),
        ("Judge James Kleinberg ruled on Friday. The Judge wrote that the public had no "
         "right to know.", "The Judge", "James Kleinberg"),
        # a state's minister is the person the article gives that office, where it does
        ("Finance Minister Jean Morel spoke in Paris. France's finance minister said growth "
         "would slow.", "France's finance minister", "Jean Morel"),
        # an apposition in the source names the speaker
        ("The chief executive of Tesco, Terry Leahy, said sales were strong.",
         "The chief executive of Tesco, Terry Leahy", "Terry Leahy"),
    ],
)
def test_a_pronoun_office_or_apposition_resolves_to_the_name(nlp, text, span, name):
    assert dict(sources(nlp, text))[span] == name


def test_an_office_without_the_qualifier_is_not_its_deputy(nlp):
    text = ("Deputy Prime Minister John Prescott spoke first. The prime minister said the plan "
            "would work.")
    assert dict(sources(nlp, text)).get("The prime minister") != "John Prescott"


def test_a_source_that_is_only_an_apposition_or_relative_clause_is_its_noun():
    doc = build_nlp(None, {"newsclaims_attribution": {"model": ""}})(
        "John Smith, the chief executive of Acme, said sales fell. People who know him "
        "say he is honest.")
    resolver = SourceResolver()
    mentions = doc._.nc_entities
    apposition = doc.text.index("the chief")
    assert resolver.canonical(doc, (apposition, doc.text.index(", said")), mentions,
                              []) == "John Smith"
    clause = doc.text.index("who know")
    assert resolver.canonical(doc, (clause, doc.text.index(" say")), mentions,
                              []) == "People"


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        # a title's name at the end of the source speaks, not the party owning the office
        ("Labour's deputy minister for women Jacqui Smith said the sums did not add up.",
         "Labour's deputy minister for women Jacqui Smith", "Jacqui Smith"),
        # a name in another phrase of the source is not the speaker
        ("The secretary of victim Jane Doe said the sums did not add up.",
         "The secretary of victim Jane Doe", "The secretary of victim Jane Doe"),
    ],
)
def test_a_title_with_its_name_is_that_person(nlp, text, source, name):
    doc = nlp(text)
    span = (text.index(source), text.index(source) + len(source))
    assert SourceResolver().canonical(doc, span, doc._.nc_entities, []) == name


def test_he_is_the_speaker_just_before_by_surname(nlp):
    text = ("Dougie Walker won the sprint. Tom Reed came second. \"I had intended to race,\" "
            "said Walker. He told the Herald that he was tired.")
    doc = nlp(text)
    walker = text.index("Walker.")
    said = Statement(source="Walker", source_span=(walker, walker + 6),
                     cue="say", cue_span=(walker - 5, walker - 1),
                     content_span=(text.index("I had"), text.index(",\" said")), target=None,
                     stance="neutral", quote=None, confidence=0.5)
    people = [m for m in doc._.nc_entities if m.label == "PERSON" and m.end <= walker]
    he = text.index("He told")
    assert SourceResolver().canonical(doc, (he, he + 2), people, [said]) == "Dougie Walker"



_FILLER = " ".join(["Voters in the town were angry about taxes and schools."] * 50)


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # the office the article gave one person alone, far back
        (f"Prime Minister Tony Blair visited Leeds. {_FILLER} The prime minister said the "
         "economy was strong.", "The prime minister", "Tony Blair"),
        # a bare capitalised title used as a name
        ("Bishop Tom Wright led the service in Durham. The congregation was large. \"The "
         "church must change,\" Bishop said.", "Bishop", "Tom Wright"),
        # a statement is its author's
        ("Lynton Crosby ran the campaign. Mr Crosby's statement said the party would win.",
         "Mr Crosby's statement", "Lynton Crosby"),
        ("Lynton Crosby ran the campaign. A statement from Mr Crosby said the party would "
         "win.", "A statement from Mr Crosby", "Lynton Crosby"),
        # a surname alone the tagger missed: the full name given before
        ("Vince Cable attacked the plan. Ministers disagreed. \"It will fail,\" said Cable.",
         "Cable", "Vince Cable"),
    ],
)
def test_a_title_statement_or_surname_resolves_to_the_named_person(nlp, text, span, name):
    assert dict(sources(nlp, text)).get(span) == name


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # far back, two people given the office: no guessing
        (f"Prime Minister Tony Blair met Prime Minister Jean Chretien. {_FILLER} The prime "
         "minister said the economy was strong.", "The prime minister"),
        # two full names end with the surname: no guessing
        ("Vince Cable met Jo Cable. Ministers disagreed. \"It will fail,\" said Cable.",
         "Cable"),
    ],
)
def test_an_ambiguous_title_or_surname_stays_as_written(nlp, text, span):
    assert dict(sources(nlp, text)).get(span) == span


@pytest.mark.parametrize(("canonical", "found"), [
    ("Vince Cable", "Vince Cable"),
    ("Chelsea star Cable", None),  # a description the tagger took into the name
])
def test_a_surname_takes_a_full_name_not_a_description(canonical, found):
    mention = EntityMention(100, 100 + len(canonical), canonical, "PERSON", canonical)
    assert _full_name("Cable", [mention]) == found


def test_he_goes_on_standing_for_a_spokesperson(nlp):
    """'A spokesman for X said ... He said ... He said': every "he" is the spokesperson's,
    not the person named before the spokesperson spoke."""
    text = ("Dean Boyd said the raid worked. A spokesman for Acme Corp said the groups were "
            "busy. He said the groups were growing. He also said that the cost was high.")
    statements = [s for s in nlp(text)._.nc_statements if s.source_span is not None
                  and text[slice(*s.source_span)] == "He"]
    assert [s.source for s in statements] == ["Acme Corp", "Acme Corp"]


def test_she_after_a_spokeswoman_the_parser_hangs_on_her_department(nlp):
    """'A Department for Work and Pensions spokeswoman confirmed ... she said': the last
    word of the source says it is a spokeswoman, whatever word the parse makes its head."""
    text = ("Lib Dem leaders were angry. A Department for Work and Pensions spokeswoman "
            "confirmed Mr Smith was still in post. \"No date was ever given for his "
            "departure,\" she said.")
    doc = nlp(text)
    spokeswoman = text.index("A Department")
    said = Statement(source="A Department for Work and Pensions spokeswoman",
                     source_span=(spokeswoman, text.index(" confirmed")), cue="confirm",
                     cue_span=(text.index("confirmed"), text.index("confirmed") + 9),
                     content_span=(text.index("Mr Smith"), text.index(" in post")),
                     target=None, stance="neutral", quote=None, confidence=0.5)
    she = text.index("she said")
    assert SourceResolver().canonical(doc, (she, she + 3), doc._.nc_entities, [said]) == (
        "A Department for Work and Pensions spokeswoman")


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # BBC runs the headline into the first sentence: the body gives the office no one,
        # the headline's person holds it
        ("Tony Blair defends terror law changes The prime minister has defended the plans. "
         "The prime minister said the police would need the powers.", "The prime minister",
         "Tony Blair"),
        ("Gordon Brown hails record jobs figures The chancellor has welcomed the figures. The "
         "chancellor said the economy was strong.", "The chancellor", "Gordon Brown"),
    ],
)
def test_an_office_the_body_gives_no_one_is_the_headlines_person(nlp, text, span, name):
    assert dict(sources(nlp, text)).get(span) == name


def test_a_person_the_body_names_keeps_the_office_from_the_headlines_person(nlp):
    text = ("Tony Blair defends terror law changes The plans were unveiled by Gordon Brown on "
            "Monday. The chancellor said the police would need the powers.")
    assert dict(sources(nlp, text)).get("The chancellor") != "Tony Blair"


def test_a_headline_person_with_another_office_does_not_hold_it(nlp):
    text = ("Chancellor Gordon Brown defends terror law changes The prime minister has "
            "defended the plans. The prime minister said the police would need the powers.")
    assert dict(sources(nlp, text)).get("The prime minister") != "Gordon Brown"


def test_a_relative_pronoun_the_parser_left_outside_a_relative_clause(nlp):
    """ "... the Department which reported", parsed as a clause of the verb before: the
    noun the pronoun follows."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=["They", "called", "Acme", "Holdings", "which", "reported",
                                "losses", "."],
              heads=[1, 1, 3, 1, 5, 1, 5, 1],
              deps=["nsubj", "ROOT", "compound", "dobj", "nsubj", "ccomp", "dobj", "punct"],
              pos=["PRON", "VERB", "PROPN", "PROPN", "PRON", "VERB", "NOUN", "PUNCT"],
              tags=["PRP", "VBD", "NNP", "NNP", "WDT", "VBD", "NNS", "."],
              sent_starts=[True] + [False] * 7)
    which = doc[4]
    span = (which.idx, which.idx + len(which))
    assert SourceResolver().canonical(doc, span, [], []) == "Acme Holdings"


def test_a_person_known_by_a_surname_alone_goes_by_the_full_name(nlp):
    """The entity layer left "Pizzorno" apart from "Sergio Pizzorno": the one full name."""
    text = "Kasabian guitarist Sergio Pizzorno spoke. \"We want fun,\" said Pizzorno."
    doc = before_attribution(nlp, text)
    full, alone = text.index("Sergio"), text.rindex("Pizzorno")
    mentions = [EntityMention(full, full + 15, "Sergio Pizzorno", "PERSON", "Sergio Pizzorno"),
                EntityMention(alone, alone + 8, "Pizzorno", "PERSON", "Pizzorno")]
    resolver = SourceResolver()
    assert resolver.canonical(doc, (alone, alone + 8), mentions, []) == "Sergio Pizzorno"
    # two full names that end so, or a tagger's run longer than a name: no guess
    other = EntityMention(0, 8, "Kasabian", "PERSON", "Alan Pizzorno")
    assert resolver.canonical(doc, (alone, alone + 8), [other, *mentions], []) == "Pizzorno"
    run = EntityMention(full, full + 15, "Sergio Pizzorno", "PERSON", "Kasabian Sergio Pizzorno")
    assert resolver.canonical(doc, (alone, alone + 8), [run, mentions[1]], []) == "Pizzorno"


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # an office the article gave no one: the subject of the sentence before, not the
        # story's first person nor the speaker before, whom the article titles otherwise
        ("Prime Minister Tony Blair opened the debate on Monday. Tory leader Michael Howard "
         "said the plans would fail. Gordon Brown addressed the conference later. The "
         "chancellor said the economy was strong.", "The chancellor", "Gordon Brown"),
        # the same office described at more length before is no other person's
        ("Gordon Brown flew to Kenya on Monday. The chancellor, speaking in Nairobi, said "
         "debts would be cut. Tory leader Michael Howard said aid would rise. The chancellor "
         "said other countries would follow.", "The chancellor", "Gordon Brown"),
        # a place the description does not name rules no one out
        ("New York Senator Charles Schumer said the tapes were stolen. \"The bank must act "
         "now,\" the Democrat senator said.", "the Democrat senator", "Charles Schumer"),
        # a demonym for one person is the person, not the state
        ("Marat Safin beat Mario Ancic in four sets on Monday. The Russian said his ankle was "
         "fine.", "The Russian", "Marat Safin"),
        # a bare spokesperson speaks for the organisation the nearest subject names
        ("Shares in Tesco rose on Monday. Tesco has also been granted approval to build a "
         "store. This approval came from the council. A spokesman said the decision showed "
         "confidence.", "A spokesman", "Tesco"),
        # a publication named before its noun, and "the paper" after it, where the tagger
        # gave it no organisation
        ("Shares in Yukos fell on Monday. Russia's Vedomosti newspaper reported that the "
         "firm had been sold. The paper said the price was high.", "The paper", "Vedomosti"),
        ("Qantas may move jobs abroad, The Australian newspaper reported on Monday. Qantas "
         "made a record profit. The newspaper said 7,000 jobs could go.", "The newspaper",
         "The Australian"),
        # a newspaper the article names by a newspaper's name, not the firm named since
        ("The chief executive told the Financial Times on Monday that Acme Holdings would "
         "make a bid. The newspaper said the board would meet on Friday.", "The newspaper",
         "Financial Times"),
        # the survey's author by the agent of its participle
        ("The survey, conducted by the Pew Research Center, found that blogs were popular. "
         "The survey said readers were young.", "The survey", "Pew Research Center"),
    ],
)
def test_descriptions_resolve_to_whom_the_article_names(nlp, text, span, name):
    found = dict(sources(nlp, text))
    assert span in found
    assert name in found[span]


def test_he_is_not_a_person_only_the_quoted_words_name(nlp):
    text = ("It was a good win for Andy Roddick, who said: \"I fear players like Lleyton "
            "Hewitt.\" The ATP said the match was fine. \"The ankle will be OK,\" he said.")
    assert dict(sources(nlp, text))["he"] == "Andy Roddick"


def test_a_person_called_by_one_name_goes_by_the_two_the_article_gives(nlp):
    """A surname first ("Xie Xuren ... Mr Xie"), or a first name the entity layer left
    out of the mention ("champion Edith Masai" tagged "Masai")."""
    text = ("The State Administration of Taxation head Xie Xuren spoke on Monday. Mr Xie said "
            "tax revenue had grown.")
    assert dict(sources(nlp, text))["Mr Xie"] == "Xie Xuren"
    assert alone_resolves_to(nlp, "Kenyan champion Edith Masai won. \"It was hard,\" said "
                             "Masai.", "Masai") == "Edith Masai"
    # a title before the name is none of it
    assert alone_resolves_to(nlp, "Lord Falconer spoke. \"It was hard,\" said Falconer.",
                             "Falconer") == "Falconer"


def alone_resolves_to(nlp, text, surname):
    """The name the last ``surname`` resolves to where the entity layer tagged it alone
    each time."""
    doc = before_attribution(nlp, text)
    at = (text.index(surname), text.rindex(surname))
    mentions = [EntityMention(a, a + len(surname), surname, "PERSON", surname) for a in at]
    return SourceResolver().canonical(doc, (at[1], at[1] + len(surname)), mentions, [])


@pytest.mark.parametrize(("text", "name"), [
    # a word after a title is none of the name
    ("Lord Justice Rix and Mr Justice Forbes ruled on Monday. \"The case fails,\" said Forbes.",
     "Forbes"),
    # an organisation keeps its name: no product that opens with it
    ("Chelsea are in good hands. Sky said the deal for Sky Plus was done.", "Sky"),
    # a country is no surname: not "East China" from the seas' name
    ("Ships crowd the South and East China Seas. China has said the patrols are routine.",
     "China"),
])
def test_a_one_word_name_stays_where_the_article_gives_no_first_name(nlp, text, name):
    assert (name, name) in sources(nlp, text)


def test_a_singular_demonym_is_the_person_and_an_adjective_no_paper(nlp):
    """"The Czech" is one player (its ending is the one "the French" have); "Local
    newspaper the Echo" names no paper "Local"."""
    assert ("The Czech", "Tomas Berdych") in sources(
        nlp, "Tomas Berdych beat Roger Federer. The Czech said he was delighted.")
    assert all(name != "Local" for _, name in sources(
        nlp, "The deal collapsed. Local newspaper the Echo said the talks had failed."))


def test_a_word_for_whoever_heads_a_body_is_the_speaker_with_another_office(nlp):
    text = ('Wigan chairman Maurice Lindsay said the club would not stand in his way. "It '
            'would be a great loss for us," said the Warriors chief.')
    assert dict(sources(nlp, text)).get("the Warriors chief") == "Maurice Lindsay"


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # a body the tagger names by its noun alone is the one named in full before
        ("The American Film Institute hailed the two films as inspiring debate. The "
         "Institute also said the year had been a strong one.", "The Institute",
         "American Film Institute"),
        # a company the tagger took for a place, that spoke before
        ("Electrolux to export Europe jobs Electrolux saw its shares rise 14% on Tuesday "
         "after it said it would be shifting more of its manufacturing to low-cost countries. "
         "The Swedish firm, the world's largest maker of home appliances, said it is to "
         "relocate about 10 of its 27 plants.",
         "The Swedish firm, the world's largest maker of home appliances", "Electrolux"),
    ],
)
def test_a_body_named_by_its_noun_is_the_one_named_before(nlp, text, span, name):
    assert dict(sources(nlp, text)).get(span) == name


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Duncan Bannatyne has given Labour £50,000. Mr Bannatyne is due to host a new "
         "programme. But his spokesman insisted his attack on Labour was not a stunt.",
         "his spokesman", "Duncan Bannatyne"),
        # a definite organisation noun as the possessor: the body named before
        ("US rock band REM have cancelled two concerts after Mike Mills was taken ill. The "
         "band's spokesman said that they would review their remaining dates.",
         "The band's spokesman", "REM"),
        # a document's possessor is its author
        ("Amitai Etzioni, a key influence on New Labour thinking, says the US emphasis is "
         "misplaced. His report demands a major overhaul of world rules on nuclear "
         "technology.", "His report", "Amitai Etzioni"),
    ],
)
def test_a_possessive_description_is_whom_its_possessor_stands_for(nlp, text, span, name):
    assert dict(sources(nlp, text)).get(span) == name


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # "its" would stand for an earlier source that is itself a description
        ("Sales at Tesco rose 5%. Its chief executive said the rise would continue. Its "
         "report said profits would rise.", "Its report"),
        # two states the article gave the noun: no guess
        ("The Chinese government has cut rates. The US government has raised them. The "
         "government said rates would rise.", "The government"),
    ],
)
def test_a_description_whose_owner_is_no_one_name_stays(nlp, text, span):
    assert dict(sources(nlp, text)).get(span) == span


def test_the_government_is_the_one_state_the_article_gave_it(nlp):
    text = ("Half of the money put aside by the Chinese government to help the poor is "
            "benefiting the rich, a study has found. Sound distribution of the cash could cut "
            "poverty levels to 36% from 53%, the government believes.")
    assert dict(sources(nlp, text)).get("the government") == "China"


def test_a_name_nothing_resolves_is_named_without_its_apposition(nlp):
    text = ("Anyone convicted of selling an 18-rated game to a child can be jailed. Rockstar "
            "Games, the makers of Manhunt, has said in the past it markets its games "
            "responsibly.")
    assert dict(sources(nlp, text)).get("Rockstar Games, the makers of Manhunt") == (
        "Rockstar Games")


def test_the_worlds_largest_maker_is_the_maker_the_article_named(nlp):
    text = ("Rich Templeton, the head of giant chip maker Texas Instruments, backed the plan. "
            "Internet service provider Wanadoo has launched a phone service. The world's "
            "largest maker of chips for mobile phones believes the technology will grow.")
    assert dict(sources(nlp, text)).get(
        "The world's largest maker of chips for mobile phones") == "Texas Instruments"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The proposals were opposed in the past by leftist parties. They said that the "
         "reforms undermined workers' rights.", "leftist parties"),
        ("The new offer was drawn up by union leaders on Monday. They said the talks would "
         "resume.", "union leaders"),
    ],
)
def test_they_after_a_thing_done_by_a_group_is_that_group(nlp, text, name):
    assert dict(sources(nlp, text)).get("They") == name


def test_a_name_in_apposition_to_a_run_in_headlines_subject_is_the_subject(nlp):
    text = ("Aragones angered by racism fine Spain coach Luis Aragones is furious after being "
            "fined by the federation for his comments about Thierry Henry. The 66-year-old "
            "criticised his punishment even though it was far below the maximum penalty. "
            '"I am not guilty," he said.')
    assert sources(nlp, text) == [("The 66-year-old", "Luis Aragones"), ("he", "Luis Aragones")]


def test_he_is_not_a_person_named_as_an_object_since(nlp):
    text = ("Aston Villa are waiting on Thomas Hitzlsperger. Hitzlsperger's current deal "
            "expires in the summer and he has been offered a new deal by manager Roy Aitken. "
            "But he said he wants assurances.")
    assert dict(sources(nlp, text))["he"] == "Thomas Hitzlsperger"


def test_he_is_not_the_person_a_prepositional_phrase_names(nlp):
    text = ("Arjen Robben has broken his foot. \"It will take six weeks,\" Arjen Robben told a "
            "newspaper. \"It is serious.\" The 21-year-old missed three months after a "
            "challenge from Olivier Dacourt. And he added: \"It felt different then.\"")
    assert dict(sources(nlp, text))["he"] == "Arjen Robben"


def test_he_after_a_quotation_is_the_speaker_just_before_the_tagger_took_for_no_person(nlp):
    text = ("Federer admitted he was under extra pressure. \"They are so used to me winning,\" "
            "he said.")
    doc = nlp(text)
    assert not any(m.label == "PERSON" and m.text == "Federer" for m in doc._.nc_entities)
    assert dict(sources(nlp, text))["he"] == "Federer"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a body named with its organisation noun
        ("Duncan Bell wants to play. But the International Rugby Board confirmed that he could "
         "play for England. \"It is fantastic,\" he said.", "Duncan Bell"),
        # a speaker the quotation names in the third person
        ("Milan Mandaric was shocked. Redknapp vowed he would not join Southampton. \"I said "
         "to Redknapp: do not go,\" he said.", "Milan Mandaric"),
    ],
)
def test_he_after_a_quotation_is_no_body_and_no_one_the_quotation_names(nlp, text, name):
    assert dict(sources(nlp, text))["he"] == name
