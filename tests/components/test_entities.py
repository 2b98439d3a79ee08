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
