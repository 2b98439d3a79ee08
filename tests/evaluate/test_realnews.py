"""Real-news figure gold: sentences resolved from a synthetic shared-data folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.errors import GoldFormatError
from pipeline.evaluate import evaluate_figures
from pipeline.evaluate.realnews import load_realnews

BBC = [
    "Firm sold Last year the firm made Â£2.3bn. Sales rose 4% to 120 units.",
    "Arsenal beat Chelsea 3-1 at home.",
]
POLNEAR = "Headline\n\nThe campaign raised $1.5 million in June, officials said.\n"
SEESAW = ["Intro sentence.", "About 300 people came, up 20% on last year."]


def _data(root: Path) -> Path:
    (root / "bbc-news").mkdir(parents=True)
    pd.DataFrame({"text": BBC, "category": ["business", "sport"]}).to_csv(
        root / "bbc-news" / "train.csv", index=False)
    (root / "polnear" / "train" / "text").mkdir(parents=True)
    (root / "polnear" / "train" / "text" / "a.txt").write_bytes(POLNEAR.encode("utf-8"))
    (root / "seesaw" / "articles").mkdir(parents=True)
    article = {"title": "T", "text": [{"id": i, "text": t} for i, t in enumerate(SEESAW)]}
    (root / "seesaw" / "articles" / "TRIPLET_001_DOCUMENT_0.json").write_text(
        json.dumps(article), encoding="utf-8")
    return root


def _figure(sentence: str, surface: str, value: float, unit: str, modifier: str = "=") -> dict:
    start = sentence.index(surface)
    return {"char_start": start, "char_end": start + len(surface), "value": value,
            "unit": unit, "modifier": modifier}


def _record(sent_id: str, file: str, record: int | None, text: str, sentence: str,
            figures: list[dict]) -> dict[str, Any]:
    start = text.index(sentence)
    return {"id": sent_id, "file": file, "record": record, "start": start,
            "end": start + len(sentence), "domain": "news", "figures": figures,
            "sha1": hashlib.sha1(sentence.encode("utf-8")).hexdigest()}


S_BBC = "Last year the firm made Â£2.3bn."
S_POL = "The campaign raised $1.5 million in June, officials said."
S_SEE = SEESAW[1]
S_NONE = BBC[1]
RECORDS = [
    _record("bbc-0", "bbc-news/train.csv", 0, BBC[0], S_BBC,
            [_figure(S_BBC, "Â£2.3bn", 2.3e9, "GBP")]),
    _record("bbc-1", "bbc-news/train.csv", 1, BBC[1], S_NONE, []),
    _record("pol-a", "polnear/train/text/a.txt", None, POLNEAR, S_POL,
            [_figure(S_POL, "$1.5 million", 1.5e6, "USD")]),
    _record("see-1", "seesaw/articles/TRIPLET_001_DOCUMENT_0.json", 1, S_SEE, S_SEE,
            [_figure(S_SEE, "300 people", 300.0, "person", "~"),
             _figure(S_SEE, "20%", 20.0, "%", "up")]),
]


def _gold(path: Path, records: list[Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return _data(tmp_path / "data")


def test_resolves_csv_txt_and_seesaw_records(tmp_path: Path, data: Path) -> None:
    gold = load_realnews(_gold(tmp_path / "g.jsonl", RECORDS), data)
    assert [(d.doc_id, d.text) for d in gold.docs] == [
        ("bbc-0", S_BBC), ("bbc-1", S_NONE), ("pol-a", S_POL), ("see-1", S_SEE)]
    spans = [[(f.span.start, f.span.end) for f in d.gold.figures] for d in gold.docs]
    assert [[d.text[s:e] for s, e in doc] for d, doc in zip(gold.docs, spans, strict=True)] == [
        ["Â£2.3bn"], [], ["$1.5 million"], ["300 people", "20%"]]
    assert gold.docs[3].gold.figures[1].modifier == "up"
    assert gold.notes == ["1 of 4 sentences have no gold figure (predictions there are FP)"]


def test_sha1_mismatch_is_a_clear_error(tmp_path: Path, data: Path) -> None:
    path = _gold(tmp_path / "g.jsonl", RECORDS)
    edited = BBC[0].replace("2.3bn", "2.4bn")
    pd.DataFrame({"text": [edited, BBC[1]], "category": ["business", "sport"]}).to_csv(
        data / "bbc-news" / "train.csv", index=False)
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:1: sha1 mismatch: bbc-news/train\.csv "
                                              r"record 0 \[\d+:\d+\] has sha1 [0-9a-f]{40}"):
        load_realnews(path, data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"record": 0}, r"record must be null for a \.txt file"),
        ({"file": "polnear/missing.txt"}, r"polnear/missing\.txt not found in"),
        ({"file": "../data/polnear/train/text/a.txt"}, r"must be relative to the shared data"),
        ({"file": "bbc-news/train.csv", "record": 5}, r"record 5 is not in bbc-news/train\.csv"),
        ({"file": "bbc-news/train.csv", "record": "0"}, r"record: expected an integer or null"),
        ({"end": 10_000}, r"bad span start/end"),
        ({"start": "0"}, r"start/end must be integers"),
        ({"sha1": None}, r"sha1: expected a string"),
        ({"figures": [{"char_start": 0, "char_end": 999, "value": 1.0}]},
         r"figures\[0\]: bad span"),
    ],
)
def test_bad_references_name_the_line(tmp_path: Path, data: Path, change: dict,
                                      message: str) -> None:
    path = _gold(tmp_path / "g.jsonl", [RECORDS[0], {**RECORDS[2], **change}])
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:2\W.*" + message):
        load_realnews(path, data)


def test_duplicate_ids_and_unknown_files_are_errors(tmp_path: Path, data: Path) -> None:
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:2: duplicate id 'bbc-0'"):
        load_realnews(_gold(tmp_path / "g.jsonl", [RECORDS[0], RECORDS[0]]), data)
    (data / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"expected a \.csv, \.txt or \.json file"):
        load_realnews(_gold(tmp_path / "h.jsonl", [{**RECORDS[2], "file": "notes.md"}]), data)


def _oracle(records: list[dict]):
    """A perfect extractor that also checks it is handed exactly the gold sentence."""
    texts = dict(zip((r["id"] for r in RECORDS), (S_BBC, S_NONE, S_POL, S_SEE), strict=True))

    def extract(text: str, doc_id: str, published_at: str | None) -> dict[str, pd.DataFrame]:
        assert text == texts[doc_id] and published_at is None
        [record] = [r for r in records if r["id"] == doc_id]
        return {"claims": pd.DataFrame([
            {"claim_type": "figure", "content_start": f["char_start"],
             "content_end": f["char_end"], **{k: f[k] for k in ("value", "unit", "modifier")}}
            for f in record["figures"]])}

    return extract


def test_reports_each_file_and_all_together(corpus: Path, data: Path) -> None:
    realnews = corpus / "figures" / "realnews"
    _gold(realnews / "bbc.jsonl", RECORDS[:2])
    _gold(realnews / "news.jsonl", RECORDS[2:])
    reports = evaluate_figures(_oracle(RECORDS), corpus_dir=corpus, data_dir=data)[1:]
    assert [(r.dataset, r.n_docs) for r in reports] == [
        ("realnews:bbc", 2), ("realnews:news", 2), ("realnews:all", 4)]
    counts = [{s.metric: (s.tp, s.fp, s.fn) for s in r.scores} for r in reports]
    assert [c["value+modifier"] for c in counts] == [(1, 0, 0), (3, 0, 0), (4, 0, 0)]
    assert set(counts[2]) == {"span", "value", "value+unit", "value+modifier"}
    assert reports[2].notes[0] == "the sum of realnews:bbc + realnews:news"


def test_the_held_out_file_is_scored_alone_and_left_out_of_the_sum(corpus: Path,
                                                                    data: Path) -> None:
    realnews = corpus / "figures" / "realnews"
    _gold(realnews / "bbc.jsonl", RECORDS[:2])
    _gold(realnews / "check.jsonl", RECORDS[2:])
    wrong = json.loads(json.dumps(RECORDS))
    wrong[2]["figures"][0]["value"] = 2.0  # the held-out file's one money figure is missed
    reports = evaluate_figures(_oracle(wrong), corpus_dir=corpus, data_dir=data)[1:]
    assert [(r.dataset, r.n_docs) for r in reports] == [
        ("realnews:bbc", 2), ("realnews:all", 2), ("realnews:check", 2)]
    counts = [{s.metric: (s.tp, s.fp, s.fn) for s in r.scores}["value"] for r in reports]
    assert counts == [(1, 0, 0), (1, 0, 0), (2, 1, 1)]
    assert reports[1].notes[0] == "the sum of realnews:bbc"
    assert reports[2].notes[0].startswith("held out: ")


def test_without_the_held_out_file_it_is_not_even_read(corpus: Path, data: Path) -> None:
    realnews = corpus / "figures" / "realnews"
    _gold(realnews / "bbc.jsonl", RECORDS[:2])
    (realnews / "check.jsonl").write_text("not json", encoding="utf-8")
    reports = evaluate_figures(_oracle(RECORDS), corpus_dir=corpus, data_dir=data,
                               held_out=False)[1:]
    assert [(r.dataset, r.n_docs) for r in reports] == [("realnews:bbc", 2),
                                                        ("realnews:all", 2)]


def test_a_held_out_file_alone_gives_no_sum(corpus: Path, data: Path) -> None:
    _gold(corpus / "figures" / "realnews" / "check.jsonl", RECORDS)
    reports = evaluate_figures(_oracle(RECORDS), corpus_dir=corpus, data_dir=data)[1:]
    assert [(r.dataset, r.n_docs) for r in reports] == [("realnews:check", 4)]


def test_wrong_unit_and_prediction_on_an_empty_sentence(corpus: Path, data: Path) -> None:
    wrong = json.loads(json.dumps(RECORDS))
    wrong[0]["figures"][0]["unit"] = "USD"
    wrong[1]["figures"] = [{"char_start": 15, "char_end": 18, "value": 3.0, "unit": "goal",
                            "modifier": "="}]
    _gold(corpus / "figures" / "realnews" / "bbc.jsonl", RECORDS[:2])
    _, report, _ = evaluate_figures(_oracle(wrong), corpus_dir=corpus, data_dir=data)
    scores = {s.metric: (s.tp, s.fp, s.fn) for s in report.scores}
    assert scores["value"] == (1, 1, 0)
    assert scores["value+unit"] == (0, 2, 1)
    assert "predictions in documents with no gold figure (counted as FP): 1" in report.notes


def test_skipped_with_the_reason_without_shared_data(corpus: Path) -> None:
    _gold(corpus / "figures" / "realnews" / "bbc.jsonl", RECORDS[:2])
    reports = evaluate_figures(_oracle(RECORDS), corpus_dir=corpus)
    assert [(r.dataset, r.n_docs, r.scores) for r in reports[1:]] == [("realnews", 0, [])]
    assert reports[1].notes[0].startswith("skipped: no shared data folder")
