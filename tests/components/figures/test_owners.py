"""Whose a figure is: possessors, ages, relative and personal pronouns, fragments."""

import pytest

from tests.components.figures.test_component import figures


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # the possessor of the noun the figure measures, not the verb's subject
        ("Analysts said India's population of 1.1bn would grow.", "1.1bn", "India"),
        # the possessor of the subject's noun
        ("The firm's profits rose 5% last year.", "5%", "The firm"),
        # a measure "in" or "at" a name is that name's (round 8: the fourth audit's
        # "the measure instead of its owner"); not a group "in" a place
        ("Shares in Cairn Energy rose 3.8% on Tuesday.", "3.8%", "Cairn Energy"),
        ("Net profits at Deutsche Bank were up 42%.", "42%", "Deutsche Bank"),
        ("Markets were calm.\nQuarterly profits at US media giant TimeWarner jumped 76% in "
         "December.", "76%", "TimeWarner"),
        ("Police in London arrested 5 men.", "5 men", "Police in London"),
        ("Sales in the first quarter rose 5%.", "5%", "Sales in the first quarter"),
        # an age describes the name it modifies or stands next to
        ("The 32-year-old Jaap Stam joined in 1998.", "32-year-old", "Jaap Stam"),
        ("Jaap Stam, 32, joined the club in 1998.", "32", "Jaap Stam"),
        # a relative pronoun stands for its antecedent
        ("Officials said the waves which killed more than 30,000 people also washed "
         "away homes.", "30,000 people", "the waves"),
        # a participle after "despite" is told of its clause's subject
        ("Despite making a record $648m profit last year, Qantas has argued for cuts.",
         "$648m", "Qantas"),
        # an apposition no second comma closes is the subject's own noun, not a fragment
        # ending in a hyphenated adjective
        ("The Jacksonville, Florida-based firm has 920 stores.", "920 stores",
         "The Jacksonville, Florida-based firm"),
        # a pronoun that resolves to no one is no owner
        ("He said they had 20 staff.", "20 staff", None),
        # "it" in a clause a name reports is that name, not the one named last
        ("Diehl Defence said on Monday that it would buy 120 trucks from Volvo.",
         "120 trucks", "Diehl Defence"),
        # a count before a headline's name describes no one
        ("ANA Orders 77 Jets Worth 2.1 Trillion Yen", "77 Jets", None),
        # a coordination is no single name
        ("Lithuania, Latvia and Estonia together bought 30 batteries.", "30 batteries",
         "Lithuania, Latvia and Estonia"),
        # a rank in a list describes no one
        ("21 Amy Frazier (US) 22 Magdalena Maleeva (Bulgaria) 23 Jelena Jankovic (Serbia)",
         "22", None),
        # an age names no one the sentence names after it
        ("The 25-year-old shocked Pete Sampras in the 2000 US Open.", "25-year-old", None),
        # a subject with a name in apposition is that name, not its possessor
        ("Jurors recommended that his sister, Jessica DeGroot, be fined $7,500.", "$7,500",
         "Jessica DeGroot"),
        # an unresolved possessor leaves the whole subject
        ("Their self-titled album moved from 13 to number four.", "13",
         "Their self-titled album"),
        # "used to playing": no climbing to another clause's subject
        ("The most important thing, though, is to get used to playing five-set matches.",
         "five-set", None),
        # a bare "it" is left unresolved
        ("Wales led at half time. Five metres in from the touchline, it was not a kick "
         "for the faint-hearted.", "Five metres", None),
        # the possessor of a superlative is the field it ranks in, no owner
        ("The world's second biggest economy is expected to grow by 0.2% in 2004.", "0.2%",
         "The world's second biggest economy"),
        # the figure is part of the possessor: the whole phrase stays
        ("The two unions' executives hold meetings on Wednesday.", "two unions",
         "The two unions' executives"),
        # the subject's head is what the figure counts: no owner (the fifth audit's "the
        # figure's own phrase restated"); a figure describing the head keeps it
        ("Up to 300 jobs will move to Frankfurt.", "300 jobs", None),
        ("The 600,000 connections were made last year.", "600,000 connections", None),
        # a bare count names no owner; a counted subject does
        ("Of the people asked, 16 paid more than £100.", "£100", None),
        ("Three firms paid $5m in fines.", "$5m", "Three firms"),
        ("About 25% of people said they would vote.", "25%", None),
        ("The $100m movie opened on Friday.", "$100m", "The $100m movie"),
        # another amount as the subject is a value, never whose the figure is (issue 11:
        # "£1.3bn" taken as the subject)
        ("The government said £1.3bn would pay for 5,000 new nurses.", "5,000 new nurses",
         None),
        ("£1.3bn was spent on 300 new schools last year.", "300 new schools", None),
        # an aside a comma or dash opens after the subject's head describes the owner but
        # is no part of its name; a list stays whole (see Lithuania above)
        ("Indonesia, which accepted the offer, owes the Paris Club about $48bn.", "$48bn",
         "Indonesia"),
        ("Mr Blair, looking a little windswept, joined two girls on the boat.", "two girls",
         "Mr Blair"),
        ("The firm, based in London, employs 300 people.", "300 people", "The firm"),
        ("Andy Johnson and Stewart Downing - the other two new players - will get 10 "
         "minutes.", "10 minutes", "Andy Johnson and Stewart Downing"),
        # a valuing verb's figure belongs to its object, not its subject
        ("A bid at that price would value the company at A$3.1bn.", "A$3.1bn",
         "the company"),
        ("Analysts have valued the six tracks at between £40m-£50m.", "£40m",
         "the six tracks"),
        ("The firm was valued at $5bn.", "$5bn", "The firm"),
        # a subject that has the figure as a value after its head ends before it; one
        # "the" refers back to stays whole
        ("Ministers said a default retirement age of 65 would be introduced.", "65",
         "a default retirement age"),
        ("The sale of the stake to Ferrovial for £146m is a lifeline to Jarvis.", "£146m",
         "The sale of the stake to Ferrovial"),
        ("The bulk of the £35bn saved by tackling waste would go to schools.", "£35bn",
         "The bulk of the £35bn saved by tackling waste"),
        ("Savings of £153m at the Foreign Office were found.", "£153m",
         "Savings of £153m at the Foreign Office"),
        # a share of a possessed noun is the possessor's, unless a subject holds it or
        # the possessor is a pronoun
        ("Ninety percent of Vodafone's customers will see faster speeds.", "Ninety percent",
         "Vodafone"),
        ("The US unit accounts for about 90% of Wembley's operating profit.", "90%",
         "The US unit"),
        ("He said: \"Ninety percent of our customers will see faster speeds.\"",
         "Ninety percent", None),
        # a participle after a preposition tells of the subject its clause climbs to
        ("The legend swept into London to announce a deal after spending three days in "
         "Spain.", "three days", "The legend"),
        # an amount or a date owns no figure, as subject or as a relative's antecedent
        # (issue 11: "around 10%", "80bn rupees ($1.8bn", "January" as subject)
        ("We will go over by around 10%, which is about 1bn euros.", "1bn euros", None),
        ("The total reached 5m in January, which takes the rate to 12.1%.", "12.1%", None),
        ("Growth is expected to be 4%, which is about 1% less than forecast.", "1%", None),
        ("He said 80bn rupees ($1.8bn) will be spent on roads.", "$1.8bn", None),
        # a name stays the antecedent
        ("Yukos hangs on to Yugansk, which accounts for 60% of its output.", "60%",
         "Yugansk"),
        # a sentence-opening "It" continues the organisation the sentence before opens
        # with (issue 11: an empty owner the previous sentence names)
        ("Vodafone has found it difficult to satisfy users. It suffered a net loss of "
         "$58m in January.", "$58m", "Vodafone"),
        # not a person, not an "It is" that stands for no one
        ("Mr Smith leads the firm. It made a profit of $5m.", "$5m", None),
        ("Vodafone reported results. It is expected to cut 300 jobs.", "300 jobs", None),
        # nor a place a "-based" names
        ("The Markfield, Leicestershire-based company runs 142 quarries. It also has 164 "
         "concrete plants.", "164 concrete plants", None),
        # "it" in a clause a person reports is not the person
        ("The Nikkei rose. In 2005 it \"will rise toward 13,000\", predicted strategist "
         "Naoki Kamiyama.", "13,000", None),
        # "whose" stands for its antecedent, as "which" does
        ("Deutsche Boerse - whose market capitalisation is more than £3bn - said it would "
         "bid.", "£3bn", "Deutsche Boerse"),
        # the figure's own named possessor, not the verb's subject
        ("If he wins, he will surpass Margaret Thatcher's 11 years by 2008.", "11 years",
         "Margaret Thatcher"),
        # the named owner of what a verb moves from or to the figure
        ("Iran's parliament voted to cut Turkcell's stake in the network from 70% to 49%.",
         "70%", "Turkcell"),
        # ... not a possessive pronoun, which is the subject's own
        ("Companies facing deficits had raised their contributions by 100% or more.", "100%",
         "Companies facing deficits"),
        # a company's bare measure is the company whose report the clause is ...
        ("Ford Motor said profits after tax would be 15% lower.", "15%", "Ford Motor"),
        # ... or, opening a sentence, the company the previous sentence's subject names
        ("Boeing cut its forecast on Monday.\nNet profit was $186m in the quarter.", "$186m",
         "Boeing"),
        # not a body that reports a trade's figures, nor a measure of no company
        ("The British Retail Consortium said sales rose 5% in January.", "5%", "sales"),
        ("Boeing said retail sales rose 5% in January.", "5%", "retail sales"),
    ],
)
def test_owner(parse, text, surface, subject):
    assert dict(figures(parse, text))[surface].subject == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # an amount deep in the verb's object or prepositional phrase is the verb's
        # subject's (issue 11: no subject where the sentence names the owner)
        ("Marks & Spencer has cut prices in London by an average of 24%.", "24%",
         "Marks & Spencer"),
        ("Softbank had an operating loss for the three months to December of 7.5bn yen.",
         "7.5bn yen", "Softbank"),
        # a count that deep is not: it names what a study covers, not whose it is
        ("The survey is based on in-depth questionnaires of 166 call centres.",
         "166 call centres", None),
        # a bracketed conversion is the same amount: the owner of what it converts
        ("Nissan made a profit of 331bn yen ($2.7bn) in 2001.", "$2.7bn", "Nissan"),
        # just "the firm" is the company the article gave that noun
        ("Japanese firm Softbank reported results. The firm had a loss of $71m.", "$71m",
         "Softbank"),
        # not where it gave no company that noun (the last named may be another): its words
        ("Tesco reported results. The firm made a profit of £1.5bn.", "£1.5bn", "The firm"),
        # round 13 (no owner where the sentence names it): a participle after a verb's
        # object is told of the verb's subject
        ("Infinity paid fines totalling $1.7m in 1995.", "$1.7m", "Infinity"),
        # ... an object the tagger took for a verb too
        ("In March, the Tate managed to raise £12.5m funding to buy it.", "£12.5m", "Tate"),
        # ... not a noun object a conjoined verb hangs on: the share's owner stays
        ("Medical research either didn’t support or flatly contradicted half of Oz’s TV "
         "recommendations.", "half", "Oz"),
        # ... and a "by" the parse took for a passive's agent
        ("Mr Manuel said the economy had grown by an average of 3.2% a year.", "3.2%",
         "the economy"),
        # a measure written as a gerund is its own subject, as "Sales" are
        ("Spending on health will rise by 9.4%.", "9.4%", "Spending on health"),
        # "it" in a clause its noun's clause reports or frames stands for that noun
        ("Earlier, the firm said it earned $10m in the third quarter.", "$10m", "the firm"),
        ("The portrait fetched a record when it was sold at auction for £10.3m.", "£10.3m",
         "The portrait"),
        # ... not for a person, nor for whoever a subjectless participle is told of
        ("Mr Kennedy defended the plans, saying it would apply to 1% of the population.",
         "1%", None),
    ],
)
def test_owner_named_elsewhere_in_the_sentence(parse, text, surface, subject):
    assert dict(figures(parse, text))[surface].subject == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a headline run into the first sentence is no part of the owner (issue 11's
        # whole headlines as subject)
        ("Steel maker to shed 4,000 jobs Acme Steel, one of the largest steel makers, "
         "could cut up to 4,000 jobs over five years.", "five years", "Acme Steel"),
        ("Web shop hits sales record Online retailer Shopco has sold 2.1% more books in "
         "2004 than a year earlier.", "2.1%", "Shopco"),
        # ... nor a descriptor the body opens with: the name at its head
        ("Ebbers pay rise revealed Former Worldcom boss Bernie Ebbers earned $5m last "
         "year.", "$5m", "Bernie Ebbers"),
        # a rest that is no noun is no owner
        ("Progress on new web domains By early 2005 the net could have two new domain "
         "names.", "two new domain names", None),
    ],
)
def test_owner_without_the_headline(parse, text, surface, subject):
    assert dict(figures(parse, text))[surface].subject == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject", "words"),
    [
        # a descriptor before a name is no part of the owner: the name at the phrase's
        # head is, with its own words, so the row links it and not the descriptor's
        # first entity (US, Worldcom)
        ("Markets were calm on Monday.\nUS banking giant Citigroup has sold its insurance "
         "arm for $11.5bn.", "$11.5bn", "Citigroup", "Citigroup"),
        ("Markets were calm.\nFormer Worldcom boss Bernie Ebbers earned $5m last year.",
         "$5m", "Bernie Ebbers", "Bernie Ebbers"),
        ("Markets were calm.\nAston Villa boss David O'Leary has spent £10m on players.",
         "£10m", "David O'Leary", "David O'Leary"),
        # a title is no descriptor, nor a list
        ("Mr Blair, looking a little windswept, joined two girls on the boat.", "two girls",
         "Mr Blair", "Mr Blair"),
    ],
)
def test_owner_after_a_descriptor(parse, text, surface, subject, words):
    found = dict(figures(parse, text))[surface]
    assert found.subject == subject
    assert text[found.subject_span[0] : found.subject_span[1]] == words


def test_pronoun_resolves_to_the_named_owner(parse):
    """"its" stands for the organisation named before; the subject span is the pronoun's."""
    text = ("Royal Dutch Shell, the oil company, reported results on Thursday. "
            "Its profits rose 5% in the year.")
    found = dict(figures(parse, text))["5%"]
    assert found.subject == "Royal Dutch Shell"
    assert text[found.subject_span[0] : found.subject_span[1]] == "Its"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # an age used as a noun is the age of the person it stands for, as subject or
        # object, never of the verb's subject
        ("Sonia O'Sullivan will seek to regain her title. The 35-year-old was beaten into "
         "fourth.", "Sonia O'Sullivan"),
        ("Rooney returned on Sunday. A chorus of jeers came from the crowd that once "
         "idolised the 19-year-old.", "Rooney"),
        # one that describes the common noun after it is that noun's
        ("A 18-year-old woman in the car was arrested.", "woman"),
        ("Police said a 19-year-old local student was arrested.", "local student"),
    ],
)
def test_age_as_a_noun(parse, text, subject):
    age = next(f for surface, f in figures(parse, text) if surface.endswith("year-old"))
    assert age.subject == subject
