"""``open_sink``: the ``-o OUT`` / ``--format FMT`` of the command line -> a Sink.

Paths are checked here, up front, so a bad OUT is a usage error before any work is
done; files and connections themselves still open lazily on first use.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.errors import BadOutput
from pipeline.writers.base import Sink
from pipeline.writers.csvfile import CsvFormat
from pipeline.writers.folder import FolderSink, TableFormat, remove_stale_temp_files
from pipeline.writers.jsonl import JsonlFormat
from pipeline.writers.location import Folder, is_url
from pipeline.writers.parquet import ParquetFormat
from pipeline.writers.partitioned import PartitionedSink
from pipeline.writers.sql import PREFIX, SqlSink, redact
from pipeline.writers.stdout import StdoutSink

FILE_FORMATS: dict[str, type[TableFormat]] = {
    "parquet": ParquetFormat,
    "jsonl": JsonlFormat,
    "csv": CsvFormat,
}
DEFAULT_FORMAT = "parquet"
DEFAULT_OUT = "newsclaims.duckdb"
DB_SUFFIXES: dict[str, str] = {
    ".duckdb": "duckdb",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_sink(out: str | os.PathLike[str] | None, fmt: str | None = None, *,
              partitioned: bool = False, table_prefix: str = "") -> Sink:
    """The sink for OUT: None -> ./newsclaims.duckdb; "-" -> claims JSONL on stdout;
    *.duckdb / *.sqlite / *.sqlite3 / *.db and postgresql:// URLs -> that database, its
    tables named ``table_prefix`` + table; anything else -> a folder of ``fmt`` files, one
    per table, or with ``partitioned`` one per table and input shard. ``fmt`` and
    ``partitioned`` only matter for folders, ``table_prefix`` only for databases."""
    if fmt is not None and fmt not in FILE_FORMATS:
        raise BadOutput(f"unknown output format {fmt!r}; choose one of {', '.join(FILE_FORMATS)}")
    target = DEFAULT_OUT if out is None else os.fspath(out)
    path = Path(target).expanduser()
    is_db = target.lower().startswith(POSTGRES_SCHEMES) or path.suffix.lower() in DB_SUFFIXES
    is_folder = not (target == "-" or is_db)
    if partitioned and not is_folder:
        raise BadOutput(f"--partitioned writes a folder of files; {redact(target)} is not a "
                        "folder output")
    if table_prefix and not is_db:
        raise BadOutput("--table-prefix names database tables; OUT is not a database")
    if table_prefix and not PREFIX.fullmatch(table_prefix):
        raise BadOutput(f"--table-prefix {table_prefix!r}: use lower-case letters, digits and "
                        "_, not starting with a digit (e.g. nc_)")
    if target == "-":
        return StdoutSink()
    if target.lower().startswith(POSTGRES_SCHEMES):
        return SqlSink("postgres", target, table_prefix)
    dialect = DB_SUFFIXES.get(path.suffix.lower())
    if dialect is not None:
        if is_url(target):
            raise BadOutput(f"output {target}: a database file must be a local path (or use "
                            "a postgresql:// URL)")
        _check_db_file(path)
        return SqlSink(dialect, str(path.resolve()), table_prefix)
    file_format = FILE_FORMATS[fmt or DEFAULT_FORMAT]()
    folder = Folder(target if is_url(target) else path.resolve())
    _check_folder(folder)
    _check_layout(folder, file_format.ext, partitioned)
    remove_stale_temp_files(folder)
    if partitioned:
        return PartitionedSink(folder, file_format)
    return FolderSink(folder, file_format)


def _check_layout(folder: Folder, ext: str, partitioned: bool) -> None:
    """One OUT holds one layout: mixing them would hide rows from --resume and readers."""
    for table in ("claims", "documents"):
        if partitioned and folder.exists(folder.path(f"{table}.{ext}")):
            raise BadOutput(f"{folder} holds unpartitioned {table}.{ext}; write --partitioned "
                            "output to another folder")
        if not partitioned and folder.isdir(folder.path(table)):
            raise BadOutput(f"{folder} holds partitioned output ({table}/); add --partitioned "
                            "or write to another folder")


def _check_db_file(path: Path) -> None:
    if path.is_dir():
        raise BadOutput(f"output {path} is a folder, but its suffix names a database file")
    _make_folder(path.parent, f"the folder of database {path}")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise BadOutput(f"output database {path} is not writable")


def _check_folder(folder: Folder) -> None:
    root = folder.path()
    try:
        if folder.exists(root) and not folder.isdir(root):
            raise BadOutput(
                f"output {folder} exists and is not a folder; file formats write a folder of "
                f"tables (use a .duckdb/.sqlite path or postgresql:// URL for a database)"
            )
        if not folder.local:
            folder.makedirs(root)
            return
    except OSError as exc:
        raise BadOutput(f"cannot use output folder {folder}: {exc}") from None
    _make_folder(Path(root), "output folder")


def _make_folder(path: Path, what: str) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadOutput(f"cannot create {what} {path}: {exc.strerror or exc}") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise BadOutput(f"{what} {path} is not writable")
