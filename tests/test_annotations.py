"""Annotated Docs must survive spaCy's multiprocessing, which msgpacks them."""

from spacy.tokens import Doc

from pipeline.annotations import EntityMention, Figure, Statement


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
