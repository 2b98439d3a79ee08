"""INPUT arguments -> the files to read, in a deterministic order.

An input is ``-`` (stdin), a file, a folder (walked recursively, sorted; hidden entries
and unknown extensions skipped) or a glob (``**`` recurses). Each file's ``name``, which
doc_ids derive from, is its path relative to the input root: the folder given, the glob's
fixed leading folders, or just the file name for a file given directly.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline import errors
from pipeline.readers.base import STDIN, InputSource

# Longest suffix first, so ".jsonl.gz" wins over ".gz".
FORMATS = {
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".parquet": "parquet",
}
STDIN_ARG = "-"
_GLOB_MAGIC = re.compile(r"[*?[]")


def format_of(path: Path) -> str | None:
    name = path.name.lower()
    return next((fmt for suffix, fmt in FORMATS.items() if name.endswith(suffix)), None)


def _source(path: Path, root: Path) -> InputSource | None:
    fmt = format_of(path)
    return InputSource(path, path.relative_to(root).as_posix(), fmt) if fmt else None


def _walk(folder: Path, root: Path) -> Iterator[InputSource]:
    """Readable files under ``folder``, sorted by relative path; hidden entries pruned."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and (source := _source(Path(dirpath, name), root)):
                found.append(source)
    yield from sorted(found, key=lambda source: source.name)


def _glob(pattern: str) -> Iterator[InputSource]:
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if _GLOB_MAGIC.search(part)), len(parts))
    root = Path(*parts[:fixed]) if fixed else Path()
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            yield from _walk(path, root)
        elif source := _source(path, root):
            yield source


def _expand(arg: str) -> list[InputSource]:
    """The sources of one argument; empty when it matches nothing readable."""
    path = Path(arg)
    if path.is_dir():
        return list(_walk(path, path))
    if path.is_file():
        if source := _source(path, path.parent):
            return [source]
        raise errors.UnsupportedInput(f"{arg}: unsupported file type (known: {', '.join(FORMATS)})")
    return list(_glob(arg)) if _GLOB_MAGIC.search(arg) else []


def resolve_inputs(inputs: Sequence[str]) -> list[InputSource]:
    """All inputs resolved up front, so every missing one is reported before any work."""
    sources: list[InputSource] = []
    missing: list[str] = []
    for arg in inputs:
        found = [STDIN] if arg == STDIN_ARG else _expand(arg)
        if not found:
            missing.append(arg)
        sources.extend(found)
    if missing:
        raise errors.InputNotFound(
            "no readable file, folder or glob match for: " + ", ".join(missing)
        )
    if not sources:
        raise errors.InputNotFound("no input given")
    return sources
