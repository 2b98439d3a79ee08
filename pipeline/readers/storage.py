"""Where input bytes come from: local files, or fsspec URLs (``s3://``, ``gs://``, ``memory://``).

Local files are opened without blocking and checked to be regular files first: opening a
FIFO for reading waits for a writer that may never come, and a device never ends.
"""

from __future__ import annotations

import io
import os
import re
import stat
from typing import Any, BinaryIO

from pipeline import errors

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class NotARegularFile(OSError):
    """A FIFO, device or socket where a file was expected."""


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def special_kind(mode: int) -> str | None:
    """'a FIFO', 'a socket', ... for a stat mode that is not a regular file, else None."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def _refuse_special(mode: int, path: str) -> None:
    if kind := special_kind(mode):
        raise NotARegularFile(f"{kind}, not a regular file: {path}")


def url_filesystem(url: str) -> tuple[Any, str]:
    """(fsspec filesystem, path inside it); a user error when fsspec has no such backend."""
    try:
        import fsspec.core

        return fsspec.core.url_to_fs(url)
    except ImportError as exc:  # fsspec names the package to install, e.g. s3fs
        raise errors.UnsupportedInput(f"{url}: {exc}") from exc
    except ValueError as exc:  # "Protocol not known"
        raise errors.UnsupportedInput(f"{url}: {exc}") from exc


def open_binary(path: str) -> BinaryIO:
    """A buffered binary file (with ``peek``) for a local path or an fsspec URL."""
    if is_url(path):
        fs, inner = url_filesystem(path)
        return io.BufferedReader(fs.open(inner, "rb"))
    _refuse_special(os.stat(path).st_mode, path)  # a socket cannot even be opened
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        _refuse_special(os.fstat(fd).st_mode, path)  # it may have changed since
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
