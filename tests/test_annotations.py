"""Annotated Docs must survive spaCy's multiprocessing, which msgpacks them."""

import pytest
from spacy.tokens import Doc

from pipeline.annotations import EntityMention, Figure, Statement
from pipeline.extractor import Extractor
from pipeline.records import Document


def test_records_roundtrip_through_doc_bytes(nlp):
    doc = nlp("The ministry said it spent $4.5 billion in 2019 in the U.S.")
    assert doc._.nc_figures and doc._.nc_statements and doc._.nc_entities
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.nc_figures == doc._.nc_figures
    assert restored._.nc_statements == doc._.nc_statements
    assert restored._.nc_entities == doc._.nc_entities
    assert isinstance(restored._.nc_figures[0], Figure)
    assert isinstance(restored._.nc_statements[0], Statement)
    assert isinstance(restored._.nc_entities[0], EntityMention)
    assert isinstance(restored._.nc_figures[0].span, tuple)


@pytest.mark.slow
def test_two_processes_give_identical_rows():
    texts = [
        f"Officials said exports rose {n}% to ${n + 1} billion in 2023, according to Reuters."
        for n in range(1, 9)
    ]
    documents = [Document(doc_id=f"d{n}", text=t, source="test") for n, t in enumerate(texts)]

    def claims(n_process: int) -> list[dict]:
        extractor = Extractor(n_process=n_process, batch_size=2)
        rows = [r for tables in extractor.process(documents) for r in tables["claims"]]
        return sorted(rows, key=lambda r: r["claim_id"])

    single, double = claims(1), claims(2)
    assert len(single) >= 2 * len(texts)
    assert single == double
