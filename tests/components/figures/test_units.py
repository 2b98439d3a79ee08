import pytest

from pipeline.components.figures.units import lexicon, mojibake, plural, repaired


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        # pint names, symbols, prefixes, plurals and British spellings
        ("km", "kilometre"),
        ("kilometers", "kilometre"),
        ("kilometres", "kilometre"),
        ("kms", "kilometre"),
        ("kg", "kilogram"),
        ("kgs", "kilogram"),
        ("lbs", "pound"),
        ("ml", "millilitre"),
        ("l", "litre"),
        ("μm", "micrometre"),
        ("µm", "micrometre"),
        ("kHz", "kilohertz"),
        ("GHz", "gigahertz"),
        ("kWh", "kilowatt-hour"),
        ("kilowatt-hours", "kilowatt-hour"),
        ("kilowatt hours", "kilowatt-hour"),
        ("TWh", "terawatt-hour"),
        ("MW", "megawatt"),
        ("mw", "megawatt"),  # a collision under case folding goes to the unit news means
        ("GB", "gigabyte"),
        ("Mbps", "megabit per second"),
        ("hp", "horsepower"),
        ("mph", "mile per hour"),
        ("miles per hour", "mile per hour"),
        ("kph", "kilometre per hour"),
        ("km/h", "kilometre per hour"),
        ("m/s", "metre per second"),
        ("feet", "foot"),
        ("inches", "inch"),
        ("°C", "degree Celsius"),
        ("degrees Celsius", "degree Celsius"),
        ("°F", "degree Fahrenheit"),
        ("tonnes", "tonne"),
        ("metric tons", "tonne"),
        ("Gt", "gigatonne"),
        ("centuries", "century"),
        ("hrs", "hour"),
        ("mins", "minute"),
        ("psi", "pound per square inch"),
        ("ppm", "part per million"),
        ("mAh", "milliampere-hour"),
        ("hPa", "hectopascal"),
        ("nautical miles", "nautical mile"),
        # areas and volumes a length makes
        ("sq km", "square kilometre"),
        ("sq m", "square metre"),
        ("km2", "square kilometre"),
        ("km²", "square kilometre"),
        ("square feet", "square foot"),
        ("cubic metres", "cubic metre"),
        # news additions pint lacks, and mojibake
        ("mpg", "mile per gallon"),
        ("m.p.h.", "mile per hour"),
        ("ppb", "part per billion"),
        ("bhp", "horsepower"),
        ("bpd", "barrel per day"),
        ("Â°C", "degree Celsius"),
    ],
)
def test_unit_forms(written, canonical):
    assert lexicon().unit(written) == canonical


@pytest.mark.parametrize(
    "written",
    # one-letter symbols alone, words that are no unit in news, singular periods (one day)
    ["m", "s", "K", "B", "t", "a", "pound", "pounds", "day", "year", "bar", "cal", "Pa",
     "people"],
)
def test_not_units(written):
    assert lexicon().unit(written) is None


@pytest.mark.parametrize(
    ("sign", "code"),
    [
        ("£", "GBP"), ("Â£", "GBP"), ("€", "EUR"), ("â‚¬", "EUR"), ("$", "USD"),
        ("US$", "USD"), ("$US", "USD"), ("A$", "AUD"), ("$A", "AUD"), ("CA$", "CAD"),
        ("C$", "CAD"), ("S$", "SGD"), ("hk $", "HKD"), ("Y=", "JPY"), ("CN¥", "CNY"),
        ("₹", "INR"), ("Rs", "INR"), ("₦", "NGN"), ("PS", "GBP"), ("USD", "USD"),
    ],
)
def test_currency_signs(sign, code):
    assert lexicon().sign(sign) == code


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("dollars", "USD"), ("pounds", "GBP"), ("euros", "EUR"), ("yen", "JPY"),
        ("yuan", "CNY"), ("rupees", "INR"), ("US dollars", "USD"), ("japanese yen", "JPY"),
        ("Swiss francs", "CHF"), ("rand", "ZAR"), ("naira", "NGN"), ("zlotys", "PLN"),
        ("Turkish lira", "TRY"), ("USD", "USD"), ("usd", "USD"), ("SEK", "SEK"),
        ("RMB", "CNY"),
        # English words and codes that are words are no currency
        ("real", None), ("marks", None), ("won", None), ("ALL", None), ("sek", None),
    ],
)
def test_currency_words(word, code):
    assert lexicon().currency(word) == code


def test_mojibake_forms():
    assert "Â£" in mojibake("£")
    assert "â‚¬" in mojibake("€")
    assert mojibake("$") == set()
    assert repaired("Â¥") == "¥"
    assert repaired("$") == "$"


@pytest.mark.parametrize(("word", "plural_form"), [("metre", "metres"), ("inch", "inches"),
                                                    ("century", "centuries"), ("day", "days")])
def test_plural(word, plural_form):
    assert plural(word) == plural_form
