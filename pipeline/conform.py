"""A row in the schema's column order and types, whatever the caller's types were
(numpy, pandas, ISO strings); columns not in ``pipeline.schema.TABLES`` are dropped.

The step conforms the rows it makes (in its worker process, so the writing process does
not have to), and sinks conform any other rows they are given, so every sink stores the
same values.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from typing import Any

from pipeline.sanitize import repair
from pipeline.schema import TABLES

Row = dict[str, Any]


def _missing(value: Any) -> bool:
    """None, NaN, NaT and pd.NA all mean NULL."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # pd.NA refuses to be a bool
        return True


def _to_str(value: Any) -> str:
    """Any value as storable text: NUL and lone surrogates, which some sinks refuse,
    become U+FFFD (``pipeline.sanitize`` already replaced them in what was read)."""
    if isinstance(value, dt.date | dt.time):
        value = value.isoformat()
    return repair(value if isinstance(value, str) else str(value))


def _to_int(value: Any) -> int:
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("not a whole number")
    return int(value)


def _to_float(value: Any) -> float | None:
    number = float(value)
    return number if math.isfinite(number) else None


def _to_timestamp(value: Any) -> dt.datetime:
    """Timezone-aware UTC; naive values are taken to be UTC already."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    elif hasattr(value, "to_pydatetime"):  # pandas.Timestamp
        value = value.to_pydatetime()
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, dt.datetime):
        raise TypeError(f"expected a datetime or ISO string, got {type(value).__name__}")
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


_COERCE: dict[str, Callable[[Any], Any]] = {
    "str": _to_str,
    "int": _to_int,
    "float": _to_float,
    "timestamp": _to_timestamp,
}


def conform(table: str, row: Mapping[str, Any]) -> Row:
    """The row in schema column order and types; missing columns become None.

    Raises ValueError for an unconvertible value or a missing NOT NULL column: that is
    a bug upstream, and every sink should refuse it alike (a database would anyway)."""
    out: Row = {}
    for col in TABLES[table]:
        value = row.get(col.name)
        if not _missing(value):
            try:
                value = _COERCE[col.type](value)
            except (TypeError, ValueError) as exc:
                raise ValueError(
                    f"{table}.{col.name}: cannot store {value!r} as {col.type}: {exc}"
                ) from exc
        else:
            value = None
        if value is None and not col.nullable:
            raise ValueError(
                f"{table}.{col.name} is required but missing (doc_id {row.get('doc_id')!r})"
            )
        out[col.name] = value
    return out
