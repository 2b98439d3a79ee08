"""Sinks for the four output tables: a folder of Parquet/JSONL/CSV files, a database
(DuckDB, SQLite, PostgreSQL), or claims on stdout. Start with ``open_sink``."""

from pipeline.writers.base import Sink
from pipeline.writers.factory import DEFAULT_FORMAT, DEFAULT_OUT, FILE_FORMATS, open_sink

__all__ = ["DEFAULT_FORMAT", "DEFAULT_OUT", "FILE_FORMATS", "Sink", "open_sink"]
