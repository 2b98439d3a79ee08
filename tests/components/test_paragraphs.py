def test_headline_is_its_own_sentence(nlp):
    doc = nlp("China’s Retaliation\nChina has expressed strong opposition to the plan.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "China’s Retaliation"
    assert sentences[1].startswith("China has expressed")
