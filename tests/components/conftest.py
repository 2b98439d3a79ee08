import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import build_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture
def parse(nlp: Language):
    """Text -> Doc through the whole pipeline, with an optional document year."""

    def run(text: str, year: int | None = None) -> Doc:
        doc = nlp.make_doc(text)
        doc._.nc_year = year
        return nlp(doc)

    return run
