from pathlib import Path

import pytest

from pipeline import errors
from pipeline.readers import resolve_inputs


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
    assert (source.name, source.path, source.source) == ("a.txt", path, str(path))


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
    assert [(s.path, s.name) for s in sources] == [(None, "stdin"), (a, "a.txt")]


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
