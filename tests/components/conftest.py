import pytest
from spacy.language import Language
from spacy.tokens import Doc


@pytest.fixture
def parse(nlp: Language):
    """Text -> Doc through the whole pipeline, with an optional document year."""

    def run(text: str, year: int | None = None) -> Doc:
        doc = nlp.make_doc(text)
        doc._.nc_published = str(year) if year else None
        return nlp(doc)

    return run
