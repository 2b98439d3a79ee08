"""Where a folder output lives: a local folder or any fsspec URL (``memory://out``,
``s3://bucket/out`` with s3fs installed), with the few file operations the folder
sinks need. Paths inside are plain strings with ``/``."""

from __future__ import annotations

import contextlib
import os
from typing import IO, Any

from pipeline.errors import BadOutput


def is_url(target: str) -> bool:
    return "://" in target


class Folder:
    """One output folder; pickles as its URL, the filesystem is made again on use."""

    def __init__(self, url: str | os.PathLike[str]) -> None:
        self.url = os.fspath(url)
        self._fs: Any = None
        self._root = ""

    def __reduce__(self) -> tuple[type[Folder], tuple[str]]:
        return (type(self), (self.url,))

    def __repr__(self) -> str:
        return f"Folder({self.url!r})"

    def __str__(self) -> str:
        return self.url

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Folder) and other.url == self.url

    def __hash__(self) -> int:
        return hash(self.url)

    @property
    def fs(self) -> Any:
        if self._fs is None:
            import fsspec
            from fsspec.implementations.local import LocalFileSystem

            try:
                if is_url(self.url):
                    self._fs, self._root = fsspec.core.url_to_fs(self.url)
                else:  # a plain path, taken as it is ("::" means nothing special here)
                    self._fs, self._root = LocalFileSystem(), self.url
            except ImportError as exc:
                raise BadOutput(f"output {self.url}: its filesystem needs a package that is "
                                f"not installed ({exc})") from None
            except Exception as exc:  # any backend's failure to connect or parse
                raise BadOutput(f"cannot open output {self.url}: {type(exc).__name__}: "
                                f"{exc}") from None
            self._root = self._root.rstrip("/") or "/"
        return self._fs

    @property
    def local(self) -> bool:
        return "file" in _protocols(self.fs)

    def path(self, *parts: str) -> str:
        self.fs  # noqa: B018 - resolves the root
        return "/".join([self._root.rstrip("/"), *parts]) if parts else self._root

    def open(self, path: str, mode: str) -> IO[bytes]:
        return self.fs.open(path, mode)

    def exists(self, path: str) -> bool:
        return bool(self.fs.exists(path))

    def isdir(self, path: str) -> bool:
        return bool(self.fs.isdir(path))

    def makedirs(self, path: str) -> None:
        self.fs.makedirs(path, exist_ok=True)

    def replace(self, source: str, target: str) -> None:
        """Move ``source`` over ``target``: atomic on a local disk (``os.replace``)."""
        if self.local:
            os.replace(source, target)
        else:
            self.fs.mv(source, target)

    def remove(self, path: str) -> None:
        with contextlib.suppress(FileNotFoundError, OSError):
            self.fs.rm_file(path)

    def glob(self, pattern: str) -> list[str]:
        return sorted(self.fs.glob(pattern))


def _protocols(fs: Any) -> tuple[str, ...]:
    protocol = fs.protocol
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)
