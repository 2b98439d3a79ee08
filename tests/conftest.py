"""Fixtures shared by the whole suite."""

import pytest
from spacy.language import Language

from pipeline.nlp import build_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline with our components, built once per test process."""
    return build_nlp()
