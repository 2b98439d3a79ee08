import pytest


def canonical(parse, text):
    doc = parse(text)
    return {m.text: m.canonical for m in doc._.nc_entities}


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Officials in the U.S. met allies.", "U.S.", "United States"),
        ("The US and Japan agreed.", "US", "United States"),
        ("Allies including the Unite States and Japan met.", "Unite States", "United States"),
        ("Trade with the UK slowed.", "UK", "United Kingdom"),
        # one alias table: a party as the stance targets name it ("Democratic Party")
        ("Democrats said the bill failed.", "Democrats", "Democratic Party"),
        ("The Lib Dems said the bill failed.", "Lib Dems", "Liberal Democrats"),
    ],
)
def test_alias_and_typo(parse, text, mention, expected):
    assert canonical(parse, text)[mention] == expected


def test_surname_and_title_resolve_to_full_name(parse):
    found = canonical(
        parse,
        "Shigeru Ishiba became prime minister on Friday. PM Ishiba said Japan would act. "
        "Ishiba later met reporters.",
    )
    assert found["Shigeru Ishiba"] == "Shigeru Ishiba"
    assert found["Ishiba"] == "Shigeru Ishiba"
    assert found.get("PM Ishiba", found.get("Ishiba")) == "Shigeru Ishiba"


def test_acronym_resolves_to_long_name(parse):
    found = canonical(
        parse,
        "The International Energy Agency published its outlook on Monday. "
        "The IEA expects demand to peak.",
    )
    assert found["IEA"] == "International Energy Agency"


def test_spans_exclude_articles_and_possessives(parse):
    doc = parse("The United States’s allies backed the plan.")
    [mention] = [m for m in doc._.nc_entities if m.canonical == "United States"]
    assert doc.text[mention.start : mention.end] == mention.text == "United States"


def test_entity_ids_follow_canonical_names():
    from pipeline.rows import entity_id

    assert entity_id("United States") == entity_id("united states")
    assert entity_id("United States") != entity_id("United Kingdom")


def mentions(parse, text):
    return {(m.text, m.label, m.canonical) for m in parse(text)._.nc_entities}


def test_span_stops_at_a_spaced_dash_or_a_line_not_a_hyphen():
    import spacy

    from pipeline.components.entities import _cut

    doc = spacy.blank("en")("Rob Partridge - Marley's press officer. Wong Kar-Wai\nSport")
    assert _cut(doc.char_span(0, 22, label="PERSON")).text == "Rob Partridge"
    assert _cut(doc[8:14]).text == "Wong Kar-Wai"


def test_span_stops_at_an_opening_bracket(parse):
    doc = parse("The Institute for Fiscal Studies (IFS) said taxes would rise.")
    texts = {m.text for m in doc._.nc_entities}
    assert not any("(" in t for t in texts)


def test_span_stops_at_a_score():
    import spacy

    from pipeline.components.entities import _cut

    nlp = spacy.blank("en")
    doc = nlp("Henman beat Peter Luczak 7-6 6-3 on Monday.")
    span = doc.char_span(12, 28, label="PERSON")
    assert span.text == "Peter Luczak 7-6"
    assert _cut(span).text == "Peter Luczak"


def test_person_with_a_digit_is_an_organisation():
    from pipeline.components.entities import _label

    assert _label("PERSON", "Transport 2000") == "ORG"
    assert _label("PERSON", "Theresa May") == "PERSON"
    assert _label("GPE", "G8") == "GPE"
    assert _label("PERSON", "Beatles", after_the=True) == "ORG"


def test_after_the(nlp):
    from pipeline.components.entities import _after_the

    doc = nlp("The Beatles had it, said Paul McCartney. The Lib Dem spokesman said so.")
    assert _after_the(doc[1:2]) and _after_the(doc[0:2])
    assert not _after_the(doc[6:8])
    assert not _after_the(doc[10:12])  # a modifier: "the Lib Dem spokesman"


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Fifth seed Carlos Moya lost on Monday to Juan Lopez. "
            '"Carlos is one of the best players in the world," Lopez said.',
            "Carlos",
            "Carlos Moya",
        ),
        # after "Mr" a lone name is a surname, not Howard Flight's first name
        (
            "Sacked MP Howard Flight met party officials. Michael Smith said he was wrong. "
            "At a news conference, Mr Howard insisted he had played by the rules.",
            "Howard",
            "Howard",
        ),
    ],
)
def test_lone_first_name_resolves_to_the_one_full_name(parse, text, mention, expected):
    assert canonical(parse, text).get(mention, expected) == expected


def test_person_label_follows_the_documents_majority():
    from pipeline.annotations import EntityMention
    from pipeline.components.entities import _agree

    found = _agree(
        [
            EntityMention(0, 5, "Yukos", "ORG", "Yukos"),
            EntityMention(10, 15, "Yukos", "ORG", "Yukos"),
            EntityMention(20, 25, "Yukos", "PERSON", "Yukos"),
            EntityMention(30, 35, "Sella", "PERSON", "Sella"),
            EntityMention(40, 44, "Wang", "PERSON", "Wang"),
            EntityMention(50, 54, "Wang", "ORG", "Wang"),
            EntityMention(60, 64, "Wang", "ORG", "Wang"),
        ],
        titled={40},  # "Mr Wang"
    )
    assert [m.label for m in found] == ["ORG", "ORG", "ORG", "PERSON", "PERSON", "ORG", "ORG"]


def test_plural_possessive_and_first_name_resolve_to_the_person(nlp):
    from pipeline.components.entities import EntityCanonicalizer

    resolve = EntityCanonicalizer(nlp, "t")._resolve
    persons = {"Wayne Rooney", "Carlos Moya", "Carlos Santana"}
    assert resolve("Wayne Rooneys", "PERSON", persons, persons) == ("Wayne Rooney", "PERSON")
    assert resolve("Rooneys", "PERSON", persons, persons) == ("Wayne Rooney", "PERSON")
    # two people with the first name: no guess
    assert resolve("Carlos", "PERSON", persons, persons) == ("Carlos", "PERSON")
    # after a title a lone name is a surname
    one = {"Howard Flight"}
    assert resolve("Howard", "PERSON", one, one) == ("Howard Flight", "PERSON")
    assert resolve("Howard", "PERSON", one, one, titled=True) == ("Howard", "PERSON")
    # a name with a possessive inside
    names = {"Lloyd's of London"}
    assert resolve("Lloyd", "ORG", set(), names) == ("Lloyd's of London", "ORG")
    names = {"Japan’s Defense Ministry"}
    assert resolve("Japan", "GPE", set(), names) == ("Japan", "GPE")



def test_a_name_the_article_calls_a_firm_is_no_person():
    from pipeline.annotations import EntityMention
    from pipeline.components.entities import _agree

    found = _agree(
        [
            EntityMention(0, 5, "Yukos", "PERSON", "Yukos"),
            EntityMention(20, 25, "Yukos", "PERSON", "Yukos"),
            EntityMention(30, 35, "Sella", "PERSON", "Sella"),
        ],
        titled=set(),
        organisations=frozenset({"Yukos"}),  # "oil giant Yukos"
    )
    assert [m.label for m in found] == ["ORG", "ORG", "PERSON"]


def test_organisation_noun_before_a_name(parse):
    doc = parse("Yukos has said it will sue. The embattled oil giant Yukos lost in court.")
    assert {m.label for m in doc._.nc_entities if m.text == "Yukos"} <= {"ORG"}


def test_possessive_inside_a_name_stays_in_the_span(parse):
    doc = parse(
        "The head of Lloyd's of London spoke on Monday. "
        "All business in the Lloyd's market is placed via brokers."
    )
    found = {(m.text, m.canonical) for m in doc._.nc_entities}
    assert all(c == "Lloyd's of London" for t, c in found if t.startswith("Lloyd"))
    assert all(t.startswith("Lloyd's") for t, _ in found if t.startswith("Lloyd"))


def tagged(words, ents, pos=None, deps=None, heads=None, lemmas=None, spaces=None, tags=None):
    """Entities of a Doc built by hand: the small model tags synthetic text otherwise than
    news, so the rules are tested on the tags they correct. One sentence by default: no
    headline runs into it."""
    import spacy
    from spacy.tokens import Doc

    from pipeline.components.entities import EntityCanonicalizer

    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, ents=ents,
              pos=pos or ["PROPN"] * len(words),
              deps=deps or ["ROOT"] + ["dep"] * (len(words) - 1), heads=heads or [0] * len(words),
              lemmas=lemmas or [w.lower() for w in words], tags=tags)
    found = EntityCanonicalizer(None, "e")(doc)._.nc_entities
    return {(m.text, m.label, m.canonical) for m in found}


def test_an_organisation_keeps_a_word_that_is_a_title():
    # "General" is a title only before a person's name: not "Motors" for General Motors
    found = tagged(["General", "Motors", "and", "GM"], ["B-ORG", "I-ORG", "O", "B-ORG"])
    assert found == {("General Motors", "ORG", "General Motors"), ("GM", "ORG", "General Motors")}


def test_a_personal_title_or_a_titled_surname_makes_a_person():
    found = tagged(["Vincent", "Cable", "spoke", ".", "Mr", "Cable", "said", "so"],
                   ["B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O"])
    assert found == {("Vincent Cable", "PERSON", "Vincent Cable"),
                     ("Mr Cable", "PERSON", "Vincent Cable")}


def test_a_person_the_alias_table_knows_as_a_party_is_an_organisation():
    assert tagged(["Lib", "Dem", "plans"], ["B-PERSON", "I-PERSON", "O"]) == {
        ("Lib Dem", "ORG", "Liberal Democrats")}


def test_untagged_titled_surname_and_full_name_are_people():
    # "Tory Dominic Grieve branded ... Mr Grieve said", none of it tagged
    words = ["Dominic", "Grieve", "branded", "it", ".", "Mr", "Grieve", "said", "so"]
    found = tagged(words, ["O"] * len(words),
                   pos=["PROPN", "PROPN", "VERB", "PRON", "PUNCT", "PROPN", "PROPN", "VERB", "ADV"])
    assert found == {("Dominic Grieve", "PERSON", "Dominic Grieve"),
                     ("Grieve", "PERSON", "Dominic Grieve")}


def test_a_speech_verbs_subject_tagged_as_a_noun_is_the_one_person_of_that_surname():
    words = ["Joanne", "Rowling", "wrote", ".", "Rowling", "said", "so"]
    found = tagged(words, ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
                   lemmas=["joanne", "rowling", "write", ".", "rowling", "say", "so"],
                   pos=["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "ADV"],
                   deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "advmod"],
                   heads=[1, 2, 2, 2, 5, 5, 5])
    assert ("Rowling", "PERSON", "Joanne Rowling") in found


def test_lady_and_baroness_are_titles_before_a_surname():
    words = ["Betty", "Boothroyd", "spoke", ".", "Lady", "Boothroyd", "said", "so"]
    found = tagged(words, ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert ("Lady Boothroyd", "PERSON", "Betty Boothroyd") in found


@pytest.mark.parametrize(
    "words",
    [
        ["Dr", "Jones", "Profits", "Fall", ".", "Its", "profits", "fell"],  # a headline
        ["Lord", "Chancellor", "Lord", "Falconer", "spoke"],  # an office
        ["Mr", "Kilroy", "-", "Silk", "spoke"],  # a hyphenated surname
    ],
)
def test_no_surname_from_a_headline_an_office_or_half_a_hyphenated_name(words):
    spaces = [w not in ("Kilroy", "-") for w in words]
    found = tagged(words, ["O"] * len(words), spaces=spaces)
    assert not {text for text, _, _ in found} & {"Profits", "Fall", "Chancellor", "Kilroy"}


def test_a_name_with_a_plural_verb_is_an_organisation():
    # "Chelsea have destroyed me": British English for a club or a firm, not a person
    words = ["Chelsea", "have", "sacked", "him", ".", "Chelsea", "said", "so"]
    found = tagged(words, ["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "O"],
                   tags=["NNP", "VBP", "VBN", "PRP", ".", "NNP", "VBD", "RB"],
                   deps=["nsubj", "aux", "ROOT", "dobj", "punct", "nsubj", "ROOT", "advmod"],
                   heads=[2, 2, 2, 2, 2, 6, 6, 6])
    assert found == {("Chelsea", "ORG", "Chelsea")}


@pytest.mark.parametrize(
    ("words", "tags", "deps", "heads"),
    [
        # two people: "Smith and Jones have ..."
        (["Ann", "and", "Smith", "have", "left"], ["NNP", "CC", "NNP", "VBP", "VBN"],
         ["nsubj", "cc", "conj", "aux", "ROOT"], [4, 0, 0, 4, 4]),
        # a subjunctive after "demanding that": "Smith spell out"
        (["that", "Smith", "spell", "out"], ["IN", "NNP", "VBP", "RP"],
         ["mark", "nsubj", "ROOT", "prt"], [2, 2, 2, 2]),
    ],
)
def test_no_plural_verb_of_one_person(words, tags, deps, heads):
    ents = ["B-PERSON" if w == "Smith" else "O" for w in words]
    assert ("Smith", "PERSON", "Smith") in tagged(words, ents, tags=tags, deps=deps, heads=heads)


@pytest.mark.parametrize(
    ("words", "label"),
    [
        (["Yukos", "chief", "executive", "Steven", "Theede"], "ORG"),
        (["Varig", "'s", "shareholders", "met"], "ORG"),
        (["Chelsea", "manager", "Jose", "Mourinho"], "ORG"),
        (["Madonna", "'s", "manager", "spoke"], "PERSON"),  # a singer has a manager too
    ],
)
def test_a_noun_only_a_firm_or_a_club_has_after_a_name(words, label):
    ents = ["B-PERSON"] + ["O"] * (len(words) - 1)
    tags = ["NNP"] + ["POS" if w == "'s" else "NN" for w in words[1:]]
    assert (words[0], label, words[0]) in tagged(words, ents, tags=tags)


def test_a_firm_with_a_title_in_its_name():
    # "Indian drugmaker Dr Reddy's fell 93% ... Dr Reddy's has built its reputation"
    words = ["drugmaker", "Dr", "Reddy", "'s", "fell", ".", "Dr", "Reddy", "'s", "has", "built"]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    tags = ["NN", "NNP", "NNP", "POS", "VBD", ".", "NNP", "NNP", "POS", "VBZ", "VBN"]
    assert {label for _, label, _ in tagged(words, ents, tags=tags)} == {"ORG"}


def test_a_people_tagged_as_a_person_is_norp():
    found = tagged(["Welsh", "patients", "waited"], ["B-PERSON", "O", "O"])
    assert found == {("Welsh", "NORP", "Welsh")}


def test_a_surname_that_speaks_makes_its_full_name_a_person():
    # the small model labels "Finlay Calder" ORG; "Calder said" is a person's surname
    words = ["Finlay", "Calder", "fears", "war", ".", "Calder", "said", "so"]
    found = tagged(words, ["B-ORG", "I-ORG", "O", "O", "O", "B-PERSON", "O", "O"],
                   lemmas=["finlay", "calder", "fear", "war", ".", "calder", "say", "so"],
                   pos=["PROPN", "PROPN", "VERB", "NOUN", "PUNCT", "PROPN", "VERB", "ADV"],
                   deps=["compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "advmod"],
                   heads=[1, 2, 2, 2, 2, 6, 6, 6])
    assert found == {("Finlay Calder", "PERSON", "Finlay Calder"),
                     ("Calder", "PERSON", "Finlay Calder")}


@pytest.mark.parametrize(
    "words",
    [
        ["Plaid", "Cymru", "met", ".", "Plaid", "Cymru", "and", "Labour", "said", "so"],
        ["Next", "Next", "met", ".", "Next", "said", "so"],  # a headline before the body
    ],
)
def test_no_surname_from_two_speakers_or_a_repeated_word(words):
    ents = ["B-ORG", "I-ORG"] + ["O"] * (len(words) - 2)
    said = words.index("said")
    deps = ["dep"] * len(words)
    deps[said - 1 if words[said - 1] != "Labour" else 5] = "nsubj"
    lemmas = [w.lower() if w != "said" else "say" for w in words]
    found = tagged(words, ents, deps=deps, heads=[said] * len(words), lemmas=lemmas,
                   pos=["VERB" if w == "said" else "PROPN" for w in words])
    assert {label for text, label, _ in found if " " in text} == {"ORG"}


def test_a_person_noun_before_a_name_tagged_org():
    words = ["England", "coach", "Finlay", "Calder", "spoke"]
    found = tagged(words, ["B-GPE", "O", "B-ORG", "I-ORG", "O"],
                   pos=["PROPN", "NOUN", "PROPN", "PROPN", "VERB"])
    assert ("Finlay Calder", "PERSON", "Finlay Calder") in found


def test_an_untagged_full_name_names_the_tagged_surname():
    # NER tags "Straw" after "Mr" only; "Jack Straw" is found, and names both
    words = ["Jack", "Straw", "attacked", "it", ".", "Mr", "Straw", "denied", "it"]
    found = tagged(words, ["O"] * 6 + ["B-PERSON", "O", "O"],
                   pos=["PROPN", "PROPN", "VERB", "PRON", "PUNCT", "PROPN", "PROPN", "VERB",
                        "PRON"])
    assert ("Straw", "PERSON", "Jack Straw") in found
    assert ("Jack Straw", "PERSON", "Jack Straw") in found


def test_a_role_noun_is_no_part_of_a_name():
    found = tagged(["Rapper", "Kanye", "West", "spoke"], ["B-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert found == {("Kanye West", "PERSON", "Kanye West")}


def test_a_party_is_no_part_of_a_name():
    found = tagged(["Tory", "Liam", "Fox", "said", "so"],
                   ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O"])
    assert found == {("Liam Fox", "PERSON", "Liam Fox")}
    # one word after the party is no full name: "Labour MPs" stays as the tagger has it
    assert ("Labour MPs", "PERSON", "Labour MPs") in tagged(
        ["Labour", "MPs", "said", "so"], ["B-PERSON", "I-PERSON", "O", "O"])


def test_an_untagged_repeat_of_a_tagged_name():
    import spacy
    from spacy.tokens import Doc

    from pipeline.components.entities import EntityCanonicalizer

    words = ["brewer", "Fosters", "bought", "it", ".", "Fosters", "said", "so"]
    doc = Doc(spacy.blank("en").vocab, words=words,
              ents=["O", "B-ORG", "O", "O", "O", "O", "O", "O"],
              tags=["NN", "NNP", "VBD", "PRP", ".", "NNP", "VBD", "RB"])
    found = EntityCanonicalizer(None, "e")(doc)._.nc_entities
    assert [(m.start, m.label, m.canonical) for m in found] == [
        (7, "ORG", "Fosters"), (27, "ORG", "Fosters")]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a descriptor before an organisation noun is no name of its own
        ("IBM frees patents Computer giant IBM says 500 patents will be released.",
         ("IBM", "ORG", "IBM"), "Computer"),
        # an organisation noun makes a name tagged PERSON or a place an organisation
        ("It said so, according to a report by UK think-tank Demos.",
         ("Demos", "ORG", "Demos"), None),
        ("The study, conducted by consultancy Building Zones, found that 16% came.",
         ("Building Zones", "ORG", "Building Zones"), None),
        # a name only an organisation ends with
        ("The court has told Blackground Records that it lost.",
         ("Blackground Records", "ORG", "Blackground Records"), None),
        # a person of a people is no organisation
        ("The Frenchman twisted his ankle.", ("Frenchman", "NORP", "Frenchman"), None),
        # an untagged word before the tagged one makes the party's name
        ("Liberal Democrat leader Charles Kennedy said no.",
         ("Liberal Democrat", "NORP", "Liberal Democrats"), "Democrat"),
    ],
)
def test_descriptors_and_organisation_words(parse, text, expected, absent):
    found = mentions(parse, text)
    assert any(m[0] == expected[0] and m[2] == expected[2] and (
        expected[1] == m[1] or expected[1] == "PERSON") for m in found), found
    assert absent is None or absent not in {m[0] for m in found}


def test_a_name_run_on_from_a_headline_starts_at_the_body(parse):
    found = mentions(parse, "Capriati to miss Melbourne Jennifer Capriati has become the "
                            "third leading lady to withdraw from the Australian Open.")
    assert {c for t, _, c in found if "Capriati" in t} == {"Jennifer Capriati"}


def test_the_tagger_splits_a_party_name():
    found = tagged(["the", "Lib", "Dems", "are", "set"], ["O", "O", "B-PERSON", "O", "O"])
    assert found == {("Lib Dems", "ORG", "Liberal Democrats")}


def test_no_function_word_ends_a_name_and_no_fixture_is_one():
    found = tagged(["beat", "Francesca", "Schiavone", "of", "Italy", ";", "Swansea", "v",
                    "Leicester"],
                   ["O", "B-PERSON", "I-PERSON", "I-PERSON", "B-GPE", "O", "B-ORG", "I-ORG",
                    "I-ORG"])
    assert {t for t, _, _ in found} == {"Francesca Schiavone", "Italy", "Swansea"}


def test_a_personal_title_ends_an_organisation_run_on_to_a_name():
    found = tagged(["the", "Foreign", "Policy", "Centre", "Mr", "Straw", "said"],
                   ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    assert ("Foreign Policy Centre", "ORG", "Foreign Policy Centre") in found
    assert not any("Centre Mr" in t for t, _, _ in found)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("World Trade Organisation", "World Trade Organization"),
     ("North Atlantic Treaty Organisation", "NATO")],
)
def test_a_british_spelling_names_the_same_organisation(name, expected):
    from pipeline.components.aliases import alias

    assert alias(name) == expected


def test_a_surname_two_people_share_goes_to_the_one_named_more_often(parse):
    doc = parse("Tony Blair has rejected calls for an inquiry. Tony Blair told reporters the "
                "matter was closed. Mr Blair said the statement was fair. A book by a member "
                "of Cherie Blair's chambers says otherwise.")
    surnames = [m.canonical for m in doc._.nc_entities if m.text in ("Mr Blair", "Blair")]
    assert surnames and set(surnames) == {"Tony Blair"}
