"""The four output tables: column names, types and keys, and their SQL DDL.

This module is the single source of truth for the contract's tables; rows,
writers and ``newsclaims schema`` all read it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # one of: str, int, float, timestamp
    nullable: bool = True


def _cols(spec: str) -> tuple[Column, ...]:
    """Parse 'name:type[!]' words; '!' marks NOT NULL."""
    out = []
    for word in spec.split():
        name, typ = word.split(":")
        out.append(Column(name, typ.rstrip("!"), nullable=not typ.endswith("!")))
    return tuple(out)


TABLES: dict[str, tuple[Column, ...]] = {
    "claims": _cols(
        "claim_id:str! doc_id:str! claim_type:str! subject:str subject_entity_id:str "
        "predicate:str target:str stance:str content:str quote:str value:float unit:str "
        "modifier:str value_text:str time:str sentence:str! sent_idx:int! char_start:int! "
        "char_end:int! subject_start:int subject_end:int predicate_start:int "
        "predicate_end:int content_start:int content_end:int target_entity_id:str "
        "confidence:float! extractor:str! linked_claim_id:str"
    ),
    "entities": _cols(
        "entity_id:str! doc_id:str! text:str! label:str! canonical:str! char_start:int! "
        "char_end:int! sent_idx:int!"
    ),
    "documents": _cols(
        "doc_id:str! content_sha256:str source:str title:str published_at:str n_chars:int "
        "n_tokens:int status:str! pipeline_fingerprint:str processed_at:timestamp! "
        "url:str note:str text:str"
    ),
    "errors": _cols("doc_id:str source:str line:int stage:str! error_type:str! message:str!"),
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "claims": ("claim_id",),
    "entities": ("doc_id", "char_start", "char_end"),
    "documents": ("doc_id",),
    "errors": (),
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)

# Columns added since the first release. A table holding every other column of its
# table and nothing foreign is an older newsclaims table; the writers add these to it.
ADDED_COLUMNS: dict[str, frozenset[str]] = {
    "claims": frozenset({"target_entity_id"}),
    "entities": frozenset(),
    "documents": frozenset({"text"}),
    "errors": frozenset(),
}

_SQL_TYPES: dict[str, dict[str, str]] = {
    "duckdb": {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "timestamp": "TIMESTAMP"},
    "postgres": {"str": "TEXT", "int": "BIGINT", "float": "DOUBLE PRECISION",
                 "timestamp": "TIMESTAMPTZ"},
    "sqlite": {"str": "TEXT", "int": "INTEGER", "float": "REAL", "timestamp": "TEXT"},
}

DIALECTS: tuple[str, ...] = tuple(_SQL_TYPES)


def ddl(dialect: str = "duckdb", prefix: str = "") -> str:
    """CREATE TABLE / CREATE INDEX statements for all four tables, named ``prefix + table``."""
    types = _SQL_TYPES[dialect]
    parts = []
    for table, cols in TABLES.items():
        name = prefix + table
        lines = [f"    {c.name} {types[c.type]}{'' if c.nullable else ' NOT NULL'}" for c in cols]
        if PRIMARY_KEYS[table]:
            lines.append(f"    PRIMARY KEY ({', '.join(PRIMARY_KEYS[table])})")
        parts.append(f"CREATE TABLE IF NOT EXISTS {name} (\n" + ",\n".join(lines) + "\n);")
        if table != "documents":
            parts.append(f"CREATE INDEX IF NOT EXISTS idx_{name}_doc_id ON {name} (doc_id);")
    return "\n".join(parts) + "\n"
