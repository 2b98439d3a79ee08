import gzip
import json

import pandas as pd
import pytest

from pipeline.readers import iter_documents
from pipeline.records import Document, ReadError


def to_jsonl(records):
    return "".join(json.dumps(record) + "\n" for record in records).encode()


def to_csv(records):
    return pd.DataFrame(records).to_csv(index=False).encode()


def to_parquet(records):
    return pd.DataFrame(records).to_parquet(index=False)


WRITERS = {
    "a.jsonl": to_jsonl,
    "a.jsonl.gz": lambda records: gzip.compress(to_jsonl(records)),
    "a.json": lambda records: json.dumps(records).encode(),
    "a.csv": to_csv,
    "a.parquet": to_parquet,
}
RECORDS = [
    {
        "id": "r1",
        "text": "First story.",
        "title": "One",
        "url": "https://x.org/1",
        "date": "2025-01-02",
        "source": "x.org",
    },
    {
        "id": "r2",
        "text": "Second\r\nstory.",
        "title": "Two",
        "url": "https://x.org/2",
        "date": "2025-01-03",
        "source": "x.org",
    },
]


@pytest.mark.parametrize("name", WRITERS)
def test_every_record_format_yields_one_document_per_record(write, read, name):
    path = write(name, WRITERS[name](RECORDS))
    assert read(path) == [
        Document(
            doc_id="r1",
            text="First story.",
            source=str(path),
            line=1,
            title="One",
            url="https://x.org/1",
            published_at="2025-01-02",
            meta={"source": "x.org"},
        ),
        Document(
            doc_id="r2",
            text="Second\r\nstory.",
            source=str(path),
            line=2,
            title="Two",
            url="https://x.org/2",
            published_at="2025-01-03",
            meta={"source": "x.org"},
        ),
    ]


@pytest.mark.parametrize("name", WRITERS)
def test_records_without_id_get_path_and_number(tmp_path, write, read, name):
    write(f"corpus/sub/{name}", WRITERS[name]([{"text": "a"}, {"text": "b"}]))
    assert [d.doc_id for d in read(tmp_path / "corpus")] == [f"sub/{name}:1", f"sub/{name}:2"]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        pytest.param(  # news-please: text is null, the article is in maintext
            {
                "text": None,
                "maintext": "Body.",
                "title": "T",
                "url": "https://n.com/a",
                "date_publish": "2024-05-01 10:00:00",
                "source_domain": "n.com",
            },
            {
                "doc_id": "https://n.com/a",
                "text": "Body.",
                "title": "T",
                "url": "https://n.com/a",
                "published_at": "2024-05-01 10:00:00",
                "meta": {"source": "n.com"},
            },
            id="news-please",
        ),
        pytest.param(  # CC-News (HF dataset) style
            {
                "title": "T",
                "text": "Body.",
                "domain": "c.com",
                "date": "2017-01-01",
                "url": "https://c.com/a",
            },
            {"doc_id": "https://c.com/a", "text": "Body.", "published_at": "2017-01-01"},
            id="cc-news",
        ),
        pytest.param(
            {"uuid": "u-1", "content": "Body.", "published_at": "2020-01-01T00:00:00Z"},
            {"doc_id": "u-1", "text": "Body.", "published_at": "2020-01-01T00:00:00Z"},
            id="cc-news-content",
        ),
        pytest.param(  # trafilatura JSON output
            {
                "id": None,
                "raw_text": "Body.",
                "source": "https://t.com/a",
                "hostname": "t.com",
                "date": "2023-03-03",
            },
            {"doc_id": "a.jsonl:1", "text": "Body.", "meta": {"source": "https://t.com/a"}},
            id="trafilatura",
        ),
        pytest.param({"doc_id": "d", "body": "Body."}, {"doc_id": "d", "text": "Body."}, id="body"),
        pytest.param(
            {"id": 7, "article": "Body.", "published": "2021"},
            {"doc_id": "7", "text": "Body.", "published_at": "2021"},
            id="article",
        ),
        pytest.param(
            {"id": "x", "text": "  ", "maintext": "Body."},
            {"doc_id": "x", "text": "Body."},
            id="blank-text-falls-through",
        ),
    ],
)
def test_known_record_key_conventions(write, read, record, expected):
    [doc] = read(write("a.jsonl", to_jsonl([record])))
    for field, value in expected.items():
        assert getattr(doc, field) == value


@pytest.mark.parametrize("name", WRITERS)
def test_text_and_id_key_overrides(write, read, name):
    records = [
        {"key": "k1", "body_html": "Override text.", "text": "ignored"},
        {"key": "k2", "text": "no override field"},
    ]
    path = write(name, WRITERS[name](records))
    first, second = read(path, text_key="body_html", id_key="key")
    assert (first.doc_id, first.text) == ("k1", "Override text.")
    assert isinstance(second, ReadError)
    # a table has the column in every row, so there the cell is empty rather than missing
    expected = "empty_text" if name in {"a.csv", "a.parquet"} else "missing_text_key"
    assert (second.error_type, second.doc_id, second.line) == (expected, "k2", 2)
    assert "body_html" in second.message or expected == "empty_text"


@pytest.mark.parametrize(
    ("record", "error_type"),
    [
        ({"id": "a", "title": "no text"}, "missing_text_key"),
        ({"id": "a", "text": ""}, "empty_text"),
        ({"id": "a", "text": " \n "}, "empty_text"),
        ({"id": "a", "text": None}, "empty_text"),
        ({"id": "a", "text": 42}, "invalid_text"),
        ({"id": "a", "text": ["a", "list"]}, "invalid_text"),
        ({"id": "a", "text": True}, "invalid_text"),
    ],
)
def test_bad_record_is_an_error_row(write, read, record, error_type):
    path = write("a.jsonl", to_jsonl([record, {"id": "b", "text": "fine"}]))
    bad, good = read(path)
    assert bad == ReadError(
        source=str(path), error_type=error_type, message=bad.message, doc_id="a", line=1
    )
    assert good.doc_id == "b"


def test_malformed_jsonl_line_in_the_middle(write, read):
    data = b'{"id": "a", "text": "one"}\n\n{"id": "b", "text": \n[1, 2]\n{"id": "c", "text": "3"}\n'
    path = write("a.jsonl", data)
    items = read(path)
    assert [type(item).__name__ for item in items] == [
        "Document",
        "ReadError",
        "ReadError",
        "Document",
    ]
    assert (items[1].error_type, items[1].line) == ("malformed_json", 3)
    assert (items[2].error_type, items[2].line) == ("not_a_record", 4)
    assert (items[3].doc_id, items[3].line) == ("c", 5)


def test_jsonl_invalid_utf8_and_bom(write, read):
    data = b'\xef\xbb\xbf{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n'
    first, second = read(write("a.jsonl", data))
    assert (first.text, first.meta) == ("ok", {})
    assert (second.text, second.meta) == ("caf\ufffd", {"notes": ("invalid UTF-8 replaced",)})


def test_csv_invalid_utf8_flags_only_affected_rows(write, read):
    first, second = read(write("a.csv", b"id,text\na,fine\nb,caf\xe9\n"))
    assert (first.text, first.meta) == ("fine", {})
    assert (second.text, second.meta) == ("caf\ufffd", {"notes": ("invalid UTF-8 replaced",)})


def test_csv_keeps_na_like_strings_and_multiline_cells(write, read):
    first, second = read(write("a.csv", b'id,text\nNA,"NA"\nb,"two\r\nlines"\n'))
    assert (first.doc_id, first.text) == ("NA", "NA")
    assert (second.doc_id, second.text, second.line) == ("b", "two\r\nlines", 2)


def test_json_single_object_and_non_record_items(write, read):
    [doc] = read(write("one.json", '{"id": "solo", "text": "Alone."}'))
    assert (doc.doc_id, doc.line) == ("solo", 1)
    good, bad = read(write("list.json", '[{"text": "x"}, "not a record"]'))
    assert (good.doc_id, bad.error_type, bad.line) == ("list.json:1", "not_a_record", 2)


@pytest.mark.parametrize(
    ("name", "content", "error_type"),
    [
        ("a.json", b'[{"text": "x"},', "malformed_json"),
        ("a.json", b"", "malformed_json"),
        ("a.jsonl", b"", "empty_file"),
        ("a.jsonl", b"\n\n", "empty_file"),
        ("a.json", b"[]", "empty_file"),
        ("a.csv", b"", "empty_file"),
        ("a.csv", b"id,text\n", "empty_file"),
        ("a.jsonl", b'{"text": "x"}\x00\x00\x00', "binary_file"),
        ("a.csv", b"PK\x03\x04\x00\x00", "binary_file"),
        ("a.jsonl.gz", b"not gzip at all", "unreadable_file"),
        ("a.parquet", b"not parquet at all", "unreadable_file"),
        ("a.csv", b'id,text\na,"unterminated\n', "malformed_csv"),
    ],
)
def test_unreadable_record_file_is_an_error_and_reading_goes_on(
    tmp_path, write, read, name, content, error_type
):
    bad = write(f"d/{name}", content)
    write("d/z.txt", "after")
    *errors, after = read(tmp_path / "d")
    assert [(e.error_type, e.source) for e in errors] == [(error_type, str(bad))]
    assert after.doc_id == "z.txt"


def test_truncated_gzip_keeps_records_read_before_the_damage(write, read):
    data = gzip.compress(to_jsonl([{"text": f"story {i} " * 50} for i in range(200)]))
    items = read(write("a.jsonl.gz", data[: len(data) // 2]))
    assert isinstance(items[0], Document)
    assert items[-1].error_type == "unreadable_file"


def test_parquet_streams_batches_reads_only_key_columns_and_keeps_types(write, read):
    frame = pd.DataFrame(
        {
            "id": range(2500),
            "text": [f"story {i}" for i in range(2500)],
            "published_at": pd.to_datetime(["2025-01-02"] * 2500),
            "huge": ["x" * 100] * 2500,
        }
    )
    path = write("a.parquet", b"")
    frame.to_parquet(path, row_group_size=1000)
    items = read(path)
    assert len(items) == 2500
    assert (items[-1].doc_id, items[-1].line, items[-1].text) == ("2499", 2500, "story 2499")
    assert items[0].published_at == "2025-01-02T00:00:00"


@pytest.mark.parametrize("name", ["a.csv", "a.parquet"])
def test_table_without_a_text_column_reports_every_row(write, read, name):
    first, second = read(write(name, WRITERS[name]([{"foo": "1"}, {"foo": "2"}])))
    assert (first.error_type, first.line, second.line) == ("missing_text_key", 1, 2)


def test_parquet_non_string_text_column(write, read):
    path = write("a.parquet", to_parquet([{"id": "a", "text": 1.5}]))
    [error] = read(path)
    assert (error.error_type, error.doc_id, error.line) == ("invalid_text", "a", 1)


def test_files_are_read_only_when_iteration_reaches_them(tmp_path, write):
    write("d/a.jsonl", to_jsonl([{"text": "one"}]))
    later = write("d/b.txt", "two")
    items = iter_documents([str(tmp_path / "d")])
    assert next(items).text == "one"
    later.unlink()
    error = next(items)
    assert (error.error_type, error.source) == ("unreadable_file", str(later))
    assert "FileNotFoundError" in error.message


@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz", "a.json", "a.csv"])
@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_wide_unicode_record_files_with_a_bom(write, read, name, codec):
    records = [{"id": "r1", "text": "Zürich “first”"}, {"id": "r2", "text": "second 日本"}]
    data = WRITERS[name.replace(".gz", "")](records).decode("utf-8").encode(codec)
    path = write(name, gzip.compress(data) if name.endswith(".gz") else data)
    assert [(d.doc_id, d.text, d.meta) for d in read(path)] == [
        ("r1", "Zürich “first”", {}),
        ("r2", "second 日本", {}),
    ]


def test_wide_unicode_jsonl_notes_only_the_line_with_bad_bytes(write, read):
    good = '{"id": "a", "text": "fine"}\n'.encode("utf-16-le")
    bad = '{"id": "b", "text": "x'.encode("utf-16-le") + b"\x00\xd8" + '"}\n'.encode("utf-16-le")
    first, second = read(write("a.jsonl", b"\xff\xfe" + good + bad))
    assert (first.text, first.meta) == ("fine", {})
    assert (second.text, second.meta) == ("x\ufffd", {"notes": ("invalid UTF-16 replaced",)})
