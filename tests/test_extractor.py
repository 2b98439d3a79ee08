"""pipeline.extractor: the Python API, offsets, stable ids, chunked long documents,
pickling, and failures that become errors rows instead of exceptions."""

from __future__ import annotations

import itertools
import pickle

import numpy as np
import pandas as pd
import pytest

from pipeline import Extractor, chunking
from pipeline.components.figures import FigureExtractor
from pipeline.records import Document
from pipeline.rows import RowBuilder, sha256
from pipeline.schema import TABLES

# -- helpers ---------------------------------------------------------------------------


def assert_offsets_round_trip(text: str, tables: dict[str, pd.DataFrame]) -> None:
    """Every span of every row indexes ``text`` as ingested (code points, end exclusive)."""
    claims = tables["claims"]
    assert len(claims), "expected some claims to check"
    for row in claims.itertuples():
        evidence = text[row.char_start : row.char_end]
        assert evidence.strip(), row
        assert row.content == text[row.content_start : row.content_end], row
        assert row.content.strip(), row
        assert row.content in row.sentence or row.sentence in row.content, row
        for name in ("subject", "predicate"):
            start, end = getattr(row, f"{name}_start"), getattr(row, f"{name}_end")
            if row.claim_type == "stance" or pd.notna(start):
                assert text[int(start) : int(end)].strip(), (name, row)
        if row.claim_type == "stance":  # the evidence span covers source, cue and content
            for name in ("subject", "predicate", "content"):
                assert row.char_start <= getattr(row, f"{name}_start")
                assert getattr(row, f"{name}_end") <= row.char_end
        else:
            assert (row.char_start, row.char_end) == (row.content_start, row.content_end)
            assert row.value_text == row.content
    for row in tables["entities"].itertuples():
        assert row.text == text[row.char_start : row.char_end], row


def assert_sent_idx_follows_text(claims: pd.DataFrame) -> None:
    ordered = claims.sort_values(["char_start", "char_end"], kind="stable")
    assert ordered["sent_idx"].is_monotonic_increasing


def figure_rows(claims: pd.DataFrame) -> pd.DataFrame:
    return claims[claims["claim_type"] == "figure"]


UNICODE_NEWS = (
    "🙂 Café owners in Zürich said prices rose 4% in 2023.\r\n"
    "“Our costs are up sharply,” said Anna Müller, who runs a bakery — and she paid "
    "€1.2 million for a new oven.\r\n"
)

# -- the Python API ----------------------------------------------------------------------


def test_extract_text_gives_the_four_contract_tables(extractor: Extractor, news: str) -> None:
    tables = extractor.extract_text(news, doc_id="a1", published_at="2024-09-01", title="T")
    assert set(tables) == set(TABLES)
    for name, frame in tables.items():
        assert list(frame.columns) == [c.name for c in TABLES[name]], name
    [document] = tables["documents"].to_dict("records")
    assert document["doc_id"] == "a1"
    assert document["status"] == "ok"
    assert document["n_chars"] == len(news)
    assert document["content_sha256"] == sha256(news)
    assert document["pipeline_fingerprint"] == extractor.fingerprint
    assert (document["published_at"], document["title"]) == ("2024-09-01", "T")
    assert tables["errors"].empty
    claims = tables["claims"]
    assert set(claims["doc_id"]) == {"a1"}
    assert set(claims["claim_type"]) == {"figure", "stance"}
    assert set(tables["entities"]["doc_id"]) == {"a1"}
    assert claims["stance"].isna().eq(claims["claim_type"] == "figure").all()


def test_extract_dataframe_matches_extract_text_per_document(
    extractor: Extractor, news: str
) -> None:
    other = "Sales rose 4% in March, the company said."
    frame = pd.DataFrame({
        "id": ["n1", "n2"], "text": [news, other],
        "title": ["News", "Sales"], "published_at": ["2024-09-01", "2019-05-01"],
    })
    tables = extractor.extract(frame)
    documents = tables["documents"].set_index("doc_id")
    assert list(documents.index) == ["n1", "n2"]
    assert list(documents["status"]) == ["ok", "ok"]
    assert list(documents["published_at"]) == ["2024-09-01", "2019-05-01"]
    for doc_id, text, published in (("n1", news, "2024-09-01"), ("n2", other, "2019-05-01")):
        alone = extractor.extract_text(text, doc_id=doc_id, published_at=published)["claims"]
        mine = tables["claims"][tables["claims"]["doc_id"] == doc_id]
        assert sorted(mine["claim_id"]) == sorted(alone["claim_id"])
    # the document's year dates a bare month
    march = figure_rows(tables["claims"][tables["claims"]["doc_id"] == "n2"])
    assert list(march["time"]) == ["2019-03"]


def test_extract_dataframe_custom_columns_and_positional_ids(extractor: Extractor) -> None:
    frame = pd.DataFrame({"body": ["Exports rose 5% in 2023.", "Imports fell 2% in 2022."]})
    tables = extractor.extract(frame, text_col="body", id_col="missing")
    assert list(tables["documents"]["doc_id"]) == ["0", "1"]
    assert sorted(figure_rows(tables["claims"])["value"]) == [2.0, 5.0]


def test_extract_dataframe_bad_text_becomes_errors_rows(extractor: Extractor) -> None:
    frame = pd.DataFrame({"id": ["ok", "none", "blank"],
                          "text": ["Exports rose 5% in 2023.", None, "   "]})
    tables = extractor.extract(frame)
    status = dict(zip(tables["documents"]["doc_id"], tables["documents"]["status"], strict=True))
    assert status == {"ok": "ok", "none": "error", "blank": "error"}
    assert sorted(tables["errors"]["doc_id"]) == ["blank", "none"]
    assert set(tables["claims"]["doc_id"]) == {"ok"}


def test_run_yields_one_result_per_document_in_order_a_batch_at_a_time() -> None:
    extractor = Extractor(batch_size=2)
    documents = [Document(doc_id=f"d{n}", text=f"Exports rose {n + 1}% in 2023.", source="t")
                 for n in range(5)]
    batches = list(extractor.run(documents))
    assert [len(batch) for batch in batches] == [2, 2, 1]
    results = [r for batch in batches for r in batch]
    assert [r["documents"][0]["doc_id"] for r in results] == [f"d{n}" for n in range(5)]
    assert [[c["value"] for c in r["claims"] if c["claim_type"] == "figure"]
            for r in results] == [[1.0], [2.0], [3.0], [4.0], [5.0]]


def test_a_short_document_is_out_before_the_long_one_beside_it_is_parsed() -> None:
    """Rows leave a batch at a time: a tiny document is not held back by a long one in
    the same input window (it used to wait for a 256-document window)."""
    extractor = Extractor("blank:en", batch_size=4, batch_chars=2_000, max_chunk_chars=1_000)
    long_text = "Exports rose 5% in 2023, officials said.\n" * 500  # 21 chunks
    documents = [Document(doc_id="tiny", text="Sales fell 3% in 2022.", source="t"),
                 Document(doc_id="long", text=long_text, source="t")]
    batches = extractor.run(iter(documents))
    first = next(batches)
    assert [t["documents"][0]["doc_id"] for t in first] == ["tiny"]
    rest = [t["documents"][0]["doc_id"] for batch in batches for t in batch]
    assert rest == ["long"]


# -- offsets and ids ---------------------------------------------------------------------


@pytest.mark.parametrize("which", ["news", "seed", "unicode"])
def test_offsets_round_trip(extractor: Extractor, request: pytest.FixtureRequest,
                            which: str) -> None:
    text = {"news": lambda: request.getfixturevalue("news"),
            "seed": lambda: request.getfixturevalue("seed_text"),
            "unicode": lambda: UNICODE_NEWS}[which]()
    tables = extractor.extract_text(text, doc_id=which)
    assert_offsets_round_trip(text, tables)
    assert_sent_idx_follows_text(tables["claims"])


def test_unicode_offsets_are_code_points(extractor: Extractor) -> None:
    claims = extractor.extract_text(UNICODE_NEWS, doc_id="u")["claims"]
    figures = figure_rows(claims).set_index("content")
    for surface in ("4%", "€1.2 million"):
        assert figures.loc[surface, "content_start"] == UNICODE_NEWS.index(surface)
    assert figures.loc["€1.2 million", "unit"] == "EUR"


@pytest.mark.parametrize("which", ["news", "seed_text"])
def test_claim_ids_are_stable_across_extractors_and_unique(
    extractor: Extractor, request: pytest.FixtureRequest, which: str
) -> None:
    text = request.getfixturevalue(which)
    first = extractor.extract_text(text, doc_id=which)["claims"]["claim_id"]
    second = Extractor().extract_text(text, doc_id=which)["claims"]["claim_id"]
    assert len(first) > 3
    assert first.is_unique
    assert set(first) == set(second)


def test_changed_text_changes_every_claim_id(extractor: Extractor, news: str) -> None:
    before = set(extractor.extract_text(news, doc_id="a")["claims"]["claim_id"])
    after = set(extractor.extract_text(news + "Officials declined to comment.\n",
                                       doc_id="a")["claims"]["claim_id"])
    other_doc = set(extractor.extract_text(news, doc_id="b")["claims"]["claim_id"])
    assert before and after and other_doc
    assert not before & after
    assert not before & other_doc


def test_claim_ids_are_unique_within_a_multi_document_run(extractor: Extractor,
                                                          news: str) -> None:
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": [news, UNICODE_NEWS, news]})
    claims = extractor.extract(frame)["claims"]
    assert claims["claim_id"].is_unique
    assert set(claims["doc_id"]) == {"a", "b", "c"}


# -- pickling ----------------------------------------------------------------------------


def test_extractor_pickles_before_use() -> None:
    unused = Extractor(batch_size=4, batch_chars=9_000)
    clone = pickle.loads(pickle.dumps(unused))
    assert (clone.batch_size, clone.batch_chars, clone.model) == (4, 9_000, None)
    assert Extractor(**clone.settings()).settings() == unused.settings()
    assert "Exports" in set(clone.extract_text("Exports rose 5% in 2023.")["claims"]["subject"])


def test_extractor_pickles_after_use_without_its_model(extractor: Extractor,
                                                       news: str) -> None:
    expected = extractor.extract_text(news, doc_id="p")["claims"]
    data = pickle.dumps(extractor)
    assert len(data) < 10_000  # the loaded spaCy pipeline does not travel
    clone = pickle.loads(data)
    assert clone._nlp is None
    assert extractor._nlp is not None  # pickling did not unload the original
    got = clone.extract_text(news, doc_id="p")["claims"]
    assert list(got["claim_id"]) == list(expected["claim_id"])
    assert clone.fingerprint == extractor.fingerprint


# -- failures become rows ----------------------------------------------------------------


def test_a_raising_component_gives_an_errors_row_and_the_other_output(
    extractor: Extractor, news: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = FigureExtractor._figure

    def boom(self, doc, text, sent, *args, **kwargs):
        if "Exports" in sent.text:
            raise RuntimeError("figure boom")
        return real(self, doc, text, sent, *args, **kwargs)

    monkeypatch.setattr(FigureExtractor, "_figure", boom)
    frame = pd.DataFrame({"id": ["bad", "good"],
                          "text": [news, "Imports fell 2% in 2022, officials said."]})
    tables = extractor.extract(frame)
    [error] = tables["errors"].to_dict("records")
    assert error["doc_id"] == "bad"
    assert error["stage"] == "newsclaims_figures"
    assert error["error_type"] == "RuntimeError"
    assert "figure boom" in error["message"]
    status = dict(zip(tables["documents"]["doc_id"], tables["documents"]["status"], strict=True))
    assert status == {"bad": "error", "good": "ok"}
    bad = tables["claims"][tables["claims"]["doc_id"] == "bad"]
    assert set(bad["claim_type"]) == {"stance"}  # the attribution component still ran
    assert "Taro Aso" in set(bad["subject"])
    assert (tables["entities"]["doc_id"] == "bad").any()
    good = tables["claims"][tables["claims"]["doc_id"] == "good"]
    assert list(figure_rows(good)["value"]) == [2.0]


def test_a_failure_building_rows_keeps_the_rows_already_built(
    extractor: Extractor, news: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(self):
        raise ValueError("rows boom")

    monkeypatch.setattr(RowBuilder, "statements", boom)
    tables = extractor.extract_text(news, doc_id="r")
    [error] = tables["errors"].to_dict("records")
    assert (error["stage"], error["error_type"], error["message"]) == (
        "rows", "ValueError", "rows boom")
    assert set(tables["claims"]["claim_type"]) == {"figure"}
    assert tables["documents"]["status"].tolist() == ["error"]


@pytest.mark.parametrize("text", [
    "Call 555-1234 or 555-9876. It cost 100 yen ($1) in 2020.",  # index past the end
    "He paid 3 dollars 50 cents (2.80 pounds) for it.",  # index naming the figure itself
])
def test_a_stale_conversion_index_loses_no_figure(extractor: Extractor, text: str) -> None:
    """The figures component's conversion index counts figures that later joins dropped or
    merged; the rows keep every figure and link only real pairs."""
    tables = extractor.extract_text(text, doc_id="c")
    assert tables["errors"].empty
    figures = figure_rows(tables["claims"])
    assert len(figures) == 2
    ids = set(figures["claim_id"])
    for row in figures.itertuples():
        assert row.linked_claim_id is None or row.linked_claim_id in ids - {row.claim_id}


# -- long documents ------------------------------------------------------------------------

FILLER = (
    "The committee met again in the afternoon to review the draft, and members debated "
    "the wording of several sections before adjourning without a final vote."
)


def _figure_paragraph(k: int) -> str:
    return (f"The agency said spending rose to ${k}.5 billion, up {k % 40 + 2}% on the year. "
            '"We expect more growth," Trade Minister Taro Aso said on Tuesday.')


def _long_text(n_chars: int, every: int) -> tuple[str, dict[int, int]]:
    """Exactly ``n_chars`` of filler paragraphs with a figure paragraph every ``every``-th
    and as the last (then blank padding); returns the text and {k: offset of
    "$k.5 billion"} for each figure paragraph k, so every figure's place is known."""
    parts: list[str] = []
    where: dict[int, int] = {}
    pos = 0

    def add(paragraph: str) -> None:
        nonlocal pos
        if paragraph != FILLER:
            where[len(parts)] = pos + paragraph.index("$")
        parts.append(paragraph)
        pos += len(paragraph) + 1

    reserve = len(_figure_paragraph(10 * n_chars)) + 1
    while pos + len(FILLER) + 1 + reserve <= n_chars:
        k = len(parts)
        add(_figure_paragraph(k) if k % every == every - 1 else FILLER)
    add(_figure_paragraph(len(parts)))
    text = "\n".join(parts) + "\n"
    return text + " " * (n_chars - len(text)), where


def _check_money_figures(text: str, claims: pd.DataFrame, where: dict[int, int]) -> None:
    money = figure_rows(claims)
    money = money[money["unit"] == "USD"].set_index("value")
    assert len(money) == len(where)
    for k, start in where.items():
        surface = f"${k}.5 billion"
        row = money.loc[(k + 0.5) * 1e9]
        assert (row["content_start"], row["content_end"]) == (start, start + len(surface))
        assert text[row["content_start"] : row["content_end"]] == surface == row["content"]


def test_chunked_document_gives_the_same_rows_as_one_piece(extractor: Extractor) -> None:
    """Cutting at paragraphs changes nothing: offsets, sentence numbers and ids agree."""
    text, where = _long_text(18_000, every=6)
    chunked = Extractor(max_chunk_chars=2_000)
    assert len(list(chunking.chunks(text, 2_000))) > 5
    whole = extractor.extract_text(text, doc_id="long")
    pieces = chunked.extract_text(text, doc_id="long")
    assert pieces["errors"].empty and pieces["documents"]["status"].tolist() == ["ok"]
    assert_offsets_round_trip(text, pieces)
    assert_sent_idx_follows_text(pieces["claims"])
    _check_money_figures(text, pieces["claims"], where)
    columns = ["claim_id", "claim_type", "sent_idx", "char_start", "char_end", "content_start",
               "content_end", "subject_start", "predicate_start", "value", "unit", "content"]
    pd.testing.assert_frame_equal(whole["claims"][columns], pieces["claims"][columns])
    last = max(where)
    stance = pieces["claims"][(pieces["claims"]["claim_type"] == "stance")
                              & (pieces["claims"]["char_start"] > where[last])]
    aso = text.rindex("Taro Aso")
    [row] = stance.to_dict("records")
    assert row["subject"] == "Taro Aso"
    assert row["subject_start"] <= aso < aso + len("Taro Aso") == row["subject_end"]
    assert row["quote"] == "We expect more growth"
    ents = pieces["entities"]
    assert list(ents[ents["char_start"] == aso]["canonical"]) == ["Taro Aso"]


@pytest.mark.slow
def test_two_million_character_document_is_processed_in_chunks() -> None:
    """A 2,000,000-character text goes through in paragraph-aligned chunks (spaCy alone
    refuses texts over 1,000,000 characters) and its offsets point into the whole text.

    The rule-based ``blank:en`` base keeps this to seconds: chunking and offset
    arithmetic do not depend on the statistical model, which
    ``test_chunked_document_gives_the_same_rows_as_one_piece`` covers.
    """
    text, where = _long_text(2_000_000, every=250)
    assert len(text) == 2_000_000
    extractor = Extractor("blank:en")
    cuts = list(chunking.chunks(text, extractor.max_chunk_chars))
    assert len(cuts) >= 20
    assert all(piece.endswith("\n") for _, piece in cuts[:-1])  # paragraph-aligned
    tables = extractor.extract_text(text, doc_id="huge")
    assert tables["errors"].empty
    [document] = tables["documents"].to_dict("records")
    assert (document["status"], document["n_chars"]) == ("ok", 2_000_000)
    claims = tables["claims"]
    _check_money_figures(text, claims, where)
    assert where[max(where)] > 1_990_000  # the last paragraph, deep in the text
    assert_offsets_round_trip(text, tables)
    assert_sent_idx_follows_text(claims)
    money = figure_rows(claims)
    money = money[money["unit"] == "USD"].sort_values("content_start")
    # every paragraph holds at least one sentence, so sentence numbers grow at least as
    # fast as paragraph numbers: they never restart at a chunk
    numbered = list(zip(sorted(where), money["sent_idx"], strict=True))
    for (k1, s1), (k2, s2) in itertools.pairwise(numbered):
        assert s2 - s1 >= k2 - k1
    assert claims["claim_id"].is_unique


# -- the seed article ----------------------------------------------------------------------


def test_seed_defense_budget_and_its_conversion(seed_tables: dict[str, pd.DataFrame]) -> None:
    claims = seed_tables["claims"]
    figures = figure_rows(claims)
    [yen] = figures[np.isclose(figures["value"], 8.54e12)].to_dict("records")
    assert (yen["unit"], yen["modifier"], yen["time"]) == ("JPY", "=", "FY2025")
    assert "Defense Ministry" in yen["subject"]
    [usd] = figures[np.isclose(figures["value"], 5.9e10)].to_dict("records")
    assert usd["unit"] == "USD"
    assert usd["linked_claim_id"] == yen["claim_id"]
    assert yen["linked_claim_id"] == usd["claim_id"]


def test_seed_asean_trade_is_more_than(seed_tables: dict[str, pd.DataFrame]) -> None:
    figures = figure_rows(seed_tables["claims"])
    [trade] = figures[np.isclose(figures["value"], 4.688e11)].to_dict("records")
    assert (trade["unit"], trade["modifier"]) == ("USD", ">")


@pytest.mark.parametrize(
    ("subject", "predicate", "target", "stance", "quote_part"),
    [
        ("Shigeru Ishiba", "propose", "Asian NATO", "support", "Asian NATO"),
        ("Daniel Kritenbrink", "state", "Asian NATO", "oppose", "premature"),
        ("Chinese state media", "describe", "Asian NATO", "oppose", "Cold War mentality"),
        ("China", "express", "Asian NATO", "oppose", None),  # "strong opposition to"
        ("India", "express", "Asian NATO", "oppose", None),  # "skepticism or outright
        ("Australia", "express", "Asian NATO", "oppose", None),  # rejection of the idea"
        ("United States", "position", "Asian NATO", "oppose", None),  # "cautious at best"
        ("United States", "endorse", "Asian NATO", "oppose", None),  # "stopped short of"
    ],
)
def test_seed_stances(seed_tables: dict[str, pd.DataFrame], subject: str, predicate: str,
                      target: str, stance: str, quote_part: str | None) -> None:
    claims = seed_tables["claims"]
    rows = claims[(claims["claim_type"] == "stance") & (claims["subject"] == subject)
                  & (claims["predicate"] == predicate)].to_dict("records")
    assert rows, f"no {subject} / {predicate} statement"
    assert any(row["target"] == target and row["stance"] == stance and (
        quote_part is None or quote_part in (row["quote"] or "")) for row in rows), rows


def test_seed_headline_is_not_a_statement(seed_tables: dict[str, pd.DataFrame],
                                          seed_text: str) -> None:
    """"Shigeru Ishiba's Asian NATO: Strategic Opportunity ..." is a headline, not a speaker."""
    stances = seed_tables["claims"].query("claim_type == 'stance'")
    assert len(stances)
    assert (stances["content_start"] > seed_text.index("\n")).all()


@pytest.mark.parametrize(
    ("mention", "canonical"),
    [("U.S.", "United States"), ("Unite States", "United States"),
     ("PM Ishiba", "Shigeru Ishiba")],
)
def test_seed_entities_are_canonicalised(seed_tables: dict[str, pd.DataFrame], mention: str,
                                         canonical: str) -> None:
    entities = seed_tables["entities"]
    found = entities[entities["text"] == mention]
    assert len(found), f"no mention {mention!r}"
    assert set(found["canonical"]) == {canonical}
    assert found["entity_id"].nunique() == 1
