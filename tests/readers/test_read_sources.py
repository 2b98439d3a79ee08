import os
import socket
from pathlib import Path

import pytest

from pipeline import errors
from pipeline.readers import resolve_inputs
from pipeline.records import Document, ReadError


def names(sources):
    return [source.name for source in sources]


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_unknown(tmp_path, write):
    for name in [
        "b.txt",
        "a.md",
        "sub/c.jsonl",
        "sub/deeper/d.html",
        "notes.pdf",
        ".hidden.txt",
        ".git/x.txt",
        "sub/e.JSON",
        "z.jsonl.gz",
    ]:
        write(f"corpus/{name}", "x")
    sources = resolve_inputs([str(tmp_path / "corpus")])
    assert names(sources) == [
        "a.md",
        "b.txt",
        "sub/c.jsonl",
        "sub/deeper/d.html",
        "sub/e.JSON",
        "z.jsonl.gz",
    ]
    assert [source.format for source in sources] == [
        "text",
        "text",
        "jsonl",
        "html",
        "json",
        "jsonl",
    ]


def test_single_file_is_named_by_its_file_name(write):
    path = write("deep/folder/a.txt", "x")
    [source] = resolve_inputs([str(path)])
    assert (source.name, source.path, source.source) == ("a.txt", str(path), str(path))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("data/*.txt", ["a.txt", "b.txt"]),
        ("data/**/*.txt", ["a.txt", "b.txt", "sub/c.txt"]),
        ("data/s*", ["sub/c.txt", "sub/d.md"]),  # a matched folder is walked
        ("data/*", ["a.txt", "b.txt", "sub/c.txt", "sub/d.md"]),  # unknown .bin skipped
    ],
)
def test_globs_expand_relative_to_their_fixed_folder(
    tmp_path, write, monkeypatch, pattern, expected
):
    for name in ["a.txt", "b.txt", "sub/c.txt", "sub/d.md", "e.bin"]:
        write(f"data/{name}", "x")
    monkeypatch.chdir(tmp_path)
    assert names(resolve_inputs([pattern])) == expected


def test_stdin_and_several_inputs_keep_input_order(write):
    a = write("a.txt", "x")
    sources = resolve_inputs(["-", str(a)])
    assert [(s.path, s.name) for s in sources] == [(None, "stdin"), (str(a), "a.txt")]


def test_every_missing_input_is_named(tmp_path, write):
    write("empty/.hidden.txt", "x")
    missing = [str(tmp_path / "nope.txt"), str(tmp_path / "*.csv"), str(tmp_path / "empty")]
    with pytest.raises(errors.InputNotFound) as raised:
        resolve_inputs([*missing, str(write("ok.txt", "x"))])
    assert isinstance(raised.value, errors.UserError)
    for arg in missing:
        assert arg in raised.value.message


def test_explicit_file_with_unknown_extension_is_unsupported(write):
    with pytest.raises(errors.UnsupportedInput, match=r"notes\.pdf"):
        resolve_inputs([str(write("notes.pdf", "x"))])


def test_literal_path_with_glob_characters(write):
    path = write("a[1].txt", "x")
    assert names(resolve_inputs([str(path)])) == ["a[1].txt"]


def test_no_inputs():
    with pytest.raises(errors.InputNotFound):
        resolve_inputs([])


def test_relative_folder_argument(tmp_path, write, monkeypatch):
    write("corpus/x/y.txt", "x")
    monkeypatch.chdir(tmp_path)
    [source] = resolve_inputs(["corpus"])
    assert (source.name, source.source) == ("x/y.txt", str(Path("corpus/x/y.txt")))


@pytest.mark.parametrize("pattern", ["data/**/*.txt", "data/**", "data"])
def test_symlink_loops_neither_repeat_nor_hang(tmp_path, write, monkeypatch, deadline, pattern):
    """Item 10 of issue 12: one loop stored a file 41 times; two loops never finished."""
    write("data/a.txt", "x")
    write("data/sub/b.txt", "y")
    (tmp_path / "data/sub/up").symlink_to("..")
    (tmp_path / "data/sub/again").symlink_to("../sub")
    (tmp_path / "data/self").symlink_to(".")
    monkeypatch.chdir(tmp_path)
    with deadline(10):
        sources = resolve_inputs([pattern])
    assert names(sources) == ["a.txt", "sub/b.txt"]


def test_a_file_reached_twice_is_read_once(tmp_path, write):
    real = write("corpus/a.txt", "x")
    write("other/b.txt", "y")
    (tmp_path / "other/link.txt").symlink_to(real)
    (tmp_path / "corpus/linked").symlink_to(tmp_path / "other")  # symlinked folders are walked
    sources = resolve_inputs([str(tmp_path / "corpus"), str(real), str(tmp_path / "other")])
    assert names(sources) == ["a.txt", "linked/b.txt"]


def test_unlistable_subfolder_is_an_errors_row(tmp_path, write, read, monkeypatch):
    write("corpus/a.txt", "x")
    locked = write("corpus/locked/b.txt", "y").parent
    scandir = os.scandir

    def refuse(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)  # root reads every folder, so refuse it here
    doc, error = read(tmp_path / "corpus")
    assert doc.doc_id == "a.txt"
    assert (error.error_type, error.source) == ("unreadable_folder", str(locked))
    assert "Permission denied" in error.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_unreadable_subfolder_for_real(tmp_path, write, read):
    write("corpus/a.txt", "x")
    locked = write("corpus/locked/b.txt", "y").parent
    locked.chmod(0)
    try:
        doc, error = read(tmp_path / "corpus")
    finally:
        locked.chmod(0o755)
    assert (doc.doc_id, error.error_type) == ("a.txt", "unreadable_folder")


def test_fifo_device_and_socket_are_skipped_with_errors_rows(tmp_path, write, read, deadline):
    """Item 10 of issue 12: a FIFO named x.txt hung the run forever."""
    write("d/a.txt", "before")
    os.mkfifo(tmp_path / "d/fifo.txt")
    (tmp_path / "d/device.txt").symlink_to("/dev/null")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "d/socket.txt"))
    write("d/z.txt", "after")
    try:
        with deadline(10):
            items = read(tmp_path / "d") + read(tmp_path / "d/fifo.txt")
    finally:
        server.close()
    assert [(type(i).__name__, i.doc_id if isinstance(i, Document) else i.error_type)
            for i in items] == [
        ("Document", "a.txt"),
        ("ReadError", "not_a_file"),
        ("ReadError", "not_a_file"),
        ("ReadError", "not_a_file"),
        ("Document", "z.txt"),
        ("ReadError", "not_a_file"),
    ]
    assert [i.message.split(",")[0] for i in items if isinstance(i, ReadError)] == [
        "skipped", "skipped", "skipped", "skipped"]
    assert "a character device" in items[1].message
    assert "a FIFO" in items[2].message
    assert "a socket" in items[3].message


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("data/[ab].txt", ["a.txt", "b.txt"]),
        ("data/[!a].txt", ["b.txt"]),
        ("data/?.txt", ["a.txt", "b.txt"]),
        ("data/sub/*.md", ["sub/d.md"]),
        ("data/**/c.txt", ["sub/c.txt"]),
        ("data/*/*", ["sub/c.txt", "sub/d.md"]),
    ],
)
def test_glob_patterns(tmp_path, write, monkeypatch, pattern, expected):
    for name in ["a.txt", "b.txt", "sub/c.txt", "sub/d.md", ".hidden/e.txt"]:
        write(f"data/{name}", "x")
    monkeypatch.chdir(tmp_path)
    sources = resolve_inputs([pattern])
    root = "data/sub" if pattern.startswith("data/sub/") else "data"
    assert names(sources) == [name.removeprefix("sub/") if root == "data/sub" else name
                              for name in expected]
    assert resolve_inputs([str(tmp_path / pattern)])[0].name == sources[0].name  # absolute


@pytest.fixture
def memory_fs():
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe({
        "/corpus/a.txt": b"First story.",
        "/corpus/sub/b.jsonl": b'{"id": "b1", "text": "Second story."}\n',
        "/corpus/sub/c.md": b"Third story.",
        "/corpus/.hidden.txt": b"hidden",
        "/corpus/notes.pdf": b"%PDF",
    })
    yield fs
    fs.rm("/corpus", recursive=True)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("memory://corpus", ["a.txt", "sub/b.jsonl", "sub/c.md"]),
        ("memory://corpus/", ["a.txt", "sub/b.jsonl", "sub/c.md"]),
        ("memory://corpus/*.txt", ["a.txt"]),
        ("memory://corpus/**/*.md", ["sub/c.md"]),
        ("memory://corpus/s*", ["sub/b.jsonl", "sub/c.md"]),
        ("memory://corpus/sub/b.jsonl", ["b.jsonl"]),
    ],
)
def test_fsspec_urls_files_folders_and_globs(memory_fs, url, expected):
    sources = resolve_inputs([url])
    assert names(sources) == expected
    assert all(s.path.startswith("memory://") for s in sources)


def test_documents_read_from_fsspec_urls(memory_fs, read):
    items = read("memory://corpus")
    assert [(d.doc_id, d.text) for d in items] == [
        ("a.txt", "First story."), ("b1", "Second story."), ("sub/c.md", "Third story.")]
    assert items[0].source == "memory:///corpus/a.txt"


def test_file_urls_are_read_like_local_paths(tmp_path, write, read):
    write("corpus/a.txt", "Local story.")
    [doc] = read(f"file://{tmp_path}/corpus")
    assert (doc.doc_id, doc.text, doc.source) == (
        "a.txt", "Local story.", f"file://{tmp_path}/corpus/a.txt")


def test_fsspec_url_errors_are_usage_errors(memory_fs):
    with pytest.raises(errors.UnsupportedInput, match="Protocol not known"):
        resolve_inputs(["nosuchprotocol://bucket/a.txt"])
    with pytest.raises(errors.UnsupportedInput, match=r"notes\.pdf"):
        resolve_inputs(["memory://corpus/notes.pdf"])
    with pytest.raises(errors.InputNotFound, match="memory://nowhere"):
        resolve_inputs(["memory://nowhere"])
