from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import GoldFormatError
from pipeline.evaluate import evaluate_stance
from pipeline.evaluate.seesaw import evaluate_seesaw, load_seesaw

SENTENCES = ["Obama blasted Republicans.", "", "McConnell praised the bill."]


def _write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def seesaw(tmp_path: Path) -> Path:
    root = tmp_path / "seesaw"
    _write(root / "meta" / "TRIPLET_000.json", {"Split": "valid", "story_time": "2015-03-21"})
    _write(root / "meta" / "TRIPLET_001.json", {"Split": "train"})
    _write(root / "articles" / "TRIPLET_000_DOCUMENT_0.json",
           {"title": "t", "text": [{"id": i, "text": s} for i, s in enumerate(SENTENCES)]})
    _write(root / "articles" / "TRIPLET_001_DOCUMENT_0.json", {"title": "t", "text": []})
    triple = {"id": 0, "annotators": ["A"]}
    _write(root / "annotations" / "TRIPLET_000_DOCUMENT_0.json", {"sentence-level stances": {
        "0": [{**triple, "subject": "Barack Obama", "sentiment": "NEG",
               "object": "Republican Party"},
              {**triple, "subject": "Barack Obama", "sentiment": "NEG",
               "object": "Republican Party"},  # a second annotator: counted once
              {**triple, "subject": "None", "sentiment": "NEG", "object": "Barack Obama"}],
        "2": [{**triple, "subject": "Mitch McConnell", "sentiment": "POS",
               "object": "Not in the list"},
              {**triple, "subject": "Mitch McConnell", "sentiment": "POS",
               "object": "trafficking bill"}],
    }})
    return root


def test_load_seesaw_split_text_and_triples(seesaw: Path) -> None:
    gold = load_seesaw(seesaw, split="valid")
    [doc] = gold.docs
    assert doc.text == "\n".join(SENTENCES) and doc.published_at == "2015-03-21"
    start = doc.gold.sentences[2].start
    assert doc.text[start:doc.gold.sentences[2].end] == SENTENCES[2]
    assert [(t.sentence, t.subject, t.object) for t in doc.gold.triples] == [
        (0, "Barack Obama", "Republican Party"), (2, "Mitch McConnell", "trafficking bill")
    ]
    assert set(gold.notes) == {"left out 1 gold triples: subject 'None'",
                               "left out 1 gold triples: object 'Not in the list'"}


def _stance_row(text: str, sentence: str, subject: str, target: str, stance: str) -> dict:
    start = text.index(sentence)
    return {"claim_type": "stance", "subject": subject, "target": target, "stance": stance,
            "char_start": start, "char_end": start + len(sentence), "sent_idx": 99}


def test_score_seesaw_one_wrong_polarity(seesaw: Path, extractor) -> None:
    text = "\n".join(SENTENCES)
    claims = pd.DataFrame([
        _stance_row(text, SENTENCES[0], "Obama", "Republicans Party", "oppose"),
        _stance_row(text, SENTENCES[2], "McConnell", "the trafficking bill", "oppose"),
        _stance_row(text, SENTENCES[2], "McConnell", "the bill", "neutral"),
    ])
    report = evaluate_seesaw(extractor({"claims": claims}), seesaw)
    got = {s.metric: (s.tp, s.fp, s.fn) for s in report.scores}
    assert got == {"subject+object": (2, 0, 0), "triple": (1, 1, 1)}
    assert "non-polar stance rows ignored: 1" in report.notes


def test_evaluate_stance_returns_seesaw_second(corpus: Path, seesaw: Path, extractor) -> None:
    reports = evaluate_stance(extractor({}), corpus_dir=corpus, seesaw_dir=seesaw)
    assert [r.dataset for r in reports] == ["corpus:corpus", "seesaw:valid"]


def test_unknown_split_is_gold_format_error(seesaw: Path) -> None:
    with pytest.raises(GoldFormatError, match="test"):
        load_seesaw(seesaw, split="test")


def test_real_seesaw_valid_loads(shared_data: Path, extractor) -> None:
    gold = load_seesaw(shared_data / "seesaw", split="valid")
    assert len(gold.docs) > 0
    assert sum(len(d.gold.triples) for d in gold.docs) > 0
    report = evaluate_seesaw(extractor({}), shared_data / "seesaw")
    assert report.n_docs == len(gold.docs) and report.score("triple").fn > 0
