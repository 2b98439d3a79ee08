"""INPUT arguments -> the files to read, in a deterministic order.

An input is ``-`` (stdin), a file, a folder (walked recursively, sorted; hidden entries
and unknown extensions skipped), a glob (``**`` recurses), or any of these as an fsspec
URL (``s3://bucket/cc-news/*.warc.gz``, ``memory://corpus``). Each file's ``name``, which
doc_ids derive from, is its path relative to the input root: the folder given, the glob's
fixed leading folders, or just the file name for a file given directly.

Local walks follow symlinked folders but enter each folder once (a symlink loop cannot
repeat or hang them), a file reached by several paths is read once (by its real path), a
folder that cannot be listed becomes a source whose reading is an errors row, and a FIFO,
device or socket with a known extension is kept so that reading it reports it.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath

from pipeline import errors
from pipeline.readers.base import STDIN, InputSource, RecordKeys
from pipeline.readers.storage import is_url, url_filesystem
from pipeline.records import Document, ReadError

# Longest suffix first, so ".jsonl.gz" wins over ".gz".
FORMATS = {
    ".warc.gz": "warc",
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
    ".warc": "warc",
}
UNLISTED = "unlisted_folder"  # the format of a folder the walk could not list
STDIN_ARG = "-"
_GLOB_MAGIC = re.compile(r"[*?[]")


def format_of(path: PurePath | str) -> str | None:
    name = PurePath(path).name.lower()
    return next((fmt for suffix, fmt in FORMATS.items() if name.endswith(suffix)), None)


def _part_regex(part: str) -> str:
    """One glob path component as a regex that never crosses a "/"."""
    out, i = [], 0
    while i < len(part):
        char = part[i]
        end = part.find("]", i + 2) if char == "[" else -1
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif end != -1:
            body = part[i + 1 : end].replace("\\", "\\\\")
            out.append("[^/" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def glob_regex(parts: Sequence[str]) -> re.Pattern[str]:
    """Glob components (``**`` = any folders) -> a regex for relative POSIX paths."""
    regex = ""
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            regex += ".*" if last else "(?:[^/]+/)*"
        else:
            regex += _part_regex(part) + ("" if last else "/")
    return re.compile(regex)


def _walk(
    folder: Path, root: Path, pattern: re.Pattern[str] | None = None, depth: int | None = None
) -> list[InputSource]:
    """Files under ``folder`` named relative to ``root``, sorted by name.

    With ``pattern``, only entries whose relative path matches it (a matching folder: every
    file under it), looking at most ``depth`` levels down (None: any depth).
    """
    found: list[InputSource] = []
    entered: set[tuple[int, int]] = set()
    stack = [(folder, pattern is None, 0)]
    while stack:
        current, inside, level = stack.pop()
        try:
            status = current.stat()
            if (status.st_dev, status.st_ino) in entered:
                continue  # a symlink back into the tree, or a second link to a folder
            entered.add((status.st_dev, status.st_ino))
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            name = current.relative_to(root).as_posix()
            found.append(InputSource(str(current), name if name != "." else str(current), UNLISTED))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            name = path.relative_to(root).as_posix()
            matched = inside or bool(pattern and pattern.fullmatch(name))
            if entry.is_dir():  # follows symlinks; a broken link is not a folder
                if matched or depth is None or level + 1 < depth:
                    stack.append((path, matched, level + 1))
            elif matched and (fmt := format_of(name)):
                found.append(InputSource(str(path), name, fmt))
    return sorted(found, key=lambda source: source.name)


def _glob(pattern: str) -> list[InputSource]:
    parts = PurePath(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if _GLOB_MAGIC.search(part)), len(parts))
    root = Path(*parts[:fixed]) if fixed else Path()
    rest = parts[fixed:]
    if not root.is_dir():
        return []
    return _walk(root, root, glob_regex(rest), None if "**" in rest else len(rest))


def _url_sources(arg: str) -> list[InputSource]:
    """An fsspec URL: a file, a folder (all files under it) or a glob."""
    fs, path = url_filesystem(arg)
    path = path.rstrip("/") or "/"
    try:
        if _GLOB_MAGIC.search(path):
            parts = path.split("/")
            root = "/".join(parts[: next(i for i, p in enumerate(parts) if _GLOB_MAGIC.search(p))])
            files = [f for match in fs.glob(path) for f in
                     (fs.find(match) if fs.isdir(match) else [match])]
        elif fs.isdir(path):
            root, files = path, fs.find(path)
        elif fs.exists(path):
            if not format_of(path):
                raise errors.UnsupportedInput(f"{arg}: unsupported file type")
            root, files = posixpath.dirname(path), [path]
        else:
            return []
    except (OSError, ValueError) as exc:
        raise errors.InputNotFound(f"{arg}: {type(exc).__name__}: {exc}") from exc
    sources = {}
    for file in files:
        name = posixpath.relpath(file, root or "/")
        if (fmt := format_of(name)) and not any(p.startswith(".") for p in name.split("/")):
            sources[name] = InputSource(fs.unstrip_protocol(file), name, fmt)
    return [sources[name] for name in sorted(sources)]


def _expand(arg: str) -> list[InputSource]:
    """The sources of one argument; empty when it matches nothing readable."""
    if arg == STDIN_ARG:
        return [STDIN]
    if is_url(arg):
        return _url_sources(arg)
    path = Path(arg)
    if path.is_dir():
        return _walk(path, path)
    if path.exists():  # a file, or a FIFO/device/socket that reading will report
        if fmt := format_of(path):
            return [InputSource(str(path), path.name, fmt)]
        raise errors.UnsupportedInput(f"{arg}: unsupported file type (known: {', '.join(FORMATS)})")
    return _glob(arg) if _GLOB_MAGIC.search(arg) else []


def _identity(source: InputSource) -> str | None:
    """What makes two sources the same file: the real path (None for stdin)."""
    if source.path is None or is_url(source.path):
        return source.path
    return os.path.realpath(source.path)


def resolve_inputs(inputs: Sequence[str]) -> list[InputSource]:
    """All inputs resolved up front, so every missing one is reported before any work.

    A file that several inputs or paths reach is read once, where it is first found."""
    sources: list[InputSource] = []
    seen: set[str | None] = set()
    missing: list[str] = []
    for arg in inputs:
        found = _expand(arg)
        if not found:
            missing.append(arg)
        for source in found:
            identity = _identity(source)
            if identity not in seen or source.path is None:
                seen.add(identity)
                sources.append(source)
    if missing:
        raise errors.InputNotFound(
            "no readable file, folder or glob match for: " + ", ".join(missing)
        )
    if not sources:
        raise errors.InputNotFound("no input given")
    return sources


def read_unlisted_folder(source: InputSource, keys: RecordKeys) -> Iterator[Document | ReadError]:
    """A folder the walk could not list: an errors row, since its files were not read."""
    try:
        os.scandir(str(source.path)).close()
        why = "could not be listed when the inputs were resolved"
    except OSError as exc:
        why = f"{type(exc).__name__}: {exc}"
    yield source.error("unreadable_folder", f"folder not read, {why}")
