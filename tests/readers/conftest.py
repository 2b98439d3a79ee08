"""Fixtures for reader tests: write input files, read inputs into lists."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pipeline.readers import iter_documents
from pipeline.records import Document, ReadError


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """write("sub/a.txt", "text") -> the path, parents created; str is written as UTF-8."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return _write


@pytest.fixture
def read() -> Callable[..., list[Document | ReadError]]:
    """read(path_or_arg, ..., **iter_documents options) -> everything yielded, as a list."""

    def _read(*inputs: str | Path, **options) -> list[Document | ReadError]:
        return list(iter_documents([str(arg) for arg in inputs], **options))

    return _read


class Hung(Exception):
    """Not an OSError (as TimeoutError is), which code under test may catch and go on."""


@pytest.fixture
def deadline():
    """deadline(seconds): a context in which running longer raises Hung, so a reproduction
    of a hang fails instead of hanging the suite (main thread only)."""

    @contextlib.contextmanager
    def _deadline(seconds: float) -> Iterator[None]:
        def expire(signum, frame):
            raise Hung(f"still running after {seconds} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return _deadline
