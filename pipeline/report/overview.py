"""What a corpus holds, in numbers: the counts and small aggregate tables the overview
charts are drawn from. Pure functions of the tables; nothing here renders."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from pipeline.report.source import Tables

STANCES: tuple[str, ...] = ("support", "oppose", "neutral")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Counts:
    documents: int
    documents_ok: int
    documents_failed: int
    claims: int
    statements: int
    figures: int
    entity_mentions: int
    entities: int  # distinct entity_id
    errors: int


def counts(tables: Tables) -> Counts:
    status = tables.documents["status"]
    kind = tables.claims["claim_type"]
    return Counts(
        documents=len(tables.documents),
        documents_ok=int((status == "ok").sum()),
        documents_failed=int((status == "error").sum()),
        claims=len(tables.claims),
        statements=int((kind == "stance").sum()),
        figures=int((kind == "figure").sum()),
        entity_mentions=len(tables.entities),
        entities=int(tables.entities["entity_id"].nunique()),
        errors=len(tables.errors),
    )


def _stripped(column: pd.Series) -> pd.Series:
    """Text without outer spaces; empty and missing become NA (whatever the dtype was)."""
    return column.astype("string").str.strip().replace("", pd.NA)


def _statements(claims: pd.DataFrame) -> pd.DataFrame:
    """Stance rows that name a source; an unknown stance label counts as neutral."""
    rows = claims[claims["claim_type"] == "stance"]
    rows = rows.assign(source=_stripped(rows["subject"])).dropna(subset=["source"])
    return rows.assign(stance=rows["stance"].where(rows["stance"].isin(STANCES), "neutral"))


def top_sources(claims: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The ``n`` sources with most statements: columns source, stance, count (long form,
    one row per source and stance), biggest source first."""
    rows = _statements(claims)
    if rows.empty:
        return pd.DataFrame(columns=["source", "stance", "count"])
    top = rows["source"].value_counts().head(n).index
    table = (rows[rows["source"].isin(top)].groupby(["source", "stance"]).size()
             .rename("count").reset_index())
    order = {s: i for i, s in enumerate(top)}
    return table.sort_values(["source"], key=lambda s: s.map(order)).reset_index(drop=True)


def target_names(claims: pd.DataFrame, entities: pd.DataFrame) -> pd.Series:
    """What each statement is about: the target entity's canonical name where the target
    is an entity, else the target text."""
    canonical = entities.drop_duplicates("entity_id").set_index("entity_id")["canonical"]
    named = claims["target_entity_id"].map(canonical)
    return _stripped(named.where(named.notna(), claims["target"]))


def stance_matrix(claims: pd.DataFrame, entities: pd.DataFrame, n_sources: int = 12,
                  n_targets: int = 12) -> pd.DataFrame:
    """Who supports or opposes whom or what: one row per (source, target) pair, for the
    sources and targets of the commonest pairs (at most ``n_sources`` by ``n_targets``),
    with support/oppose/neutral counts, their total and the net stance
    (support - oppose) / total in [-1, 1]."""
    rows = _statements(claims)
    rows = rows.assign(target=target_names(rows, entities)).dropna(subset=["target"])
    columns = ["source", "target", *STANCES, "total", "net"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    sources: dict[str, None] = {}
    targets: dict[str, None] = {}
    # Commonest pairs first; among equals, those of the busiest sources and targets.
    pairs = rows.groupby(["source", "target"]).size().rename("n").reset_index()
    pairs["by_source"] = pairs["source"].map(rows["source"].value_counts())
    pairs["by_target"] = pairs["target"].map(rows["target"].value_counts())
    ranked = pairs.sort_values(["n", "by_source", "by_target"], ascending=False, kind="stable")
    for source, target in zip(ranked["source"], ranked["target"], strict=True):
        if (source in sources or len(sources) < n_sources) and (
                target in targets or len(targets) < n_targets):
            sources[source] = targets[target] = None
    rows = rows[rows["source"].isin(list(sources)) & rows["target"].isin(list(targets))]
    table = (rows.groupby(["source", "target", "stance"]).size().unstack(fill_value=0)
             .reindex(columns=list(STANCES), fill_value=0).reset_index())
    table["total"] = table[list(STANCES)].sum(axis=1)
    table["net"] = (table["support"] - table["oppose"]) / table["total"]
    return table[columns]


def unit_kind(unit: object) -> str:
    """money, percent, or count/measure: how a figure's unit reads."""
    if not isinstance(unit, str) or not unit:
        return "no unit"
    if unit in ("%", "pp"):
        return "percent"
    return "money" if _CURRENCY.match(unit) else "count or measure"


def figures_by_unit(claims: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """Columns unit, kind, count: the ``n`` commonest units of figures."""
    figures = claims[claims["claim_type"] == "figure"]
    if figures.empty:
        return pd.DataFrame(columns=["unit", "kind", "count"])
    units = figures["unit"].fillna("(none)")
    table = units.value_counts().head(n).rename_axis("unit").rename("count").reset_index()
    table.insert(1, "kind", table["unit"].map(lambda u: unit_kind(None if u == "(none)" else u)))
    return table


def figure_year(time: object) -> int | None:
    """The year a figure's time names ("2025", "FY2025", "2019-08-30" -> 2025, 2019)."""
    if not isinstance(time, str):
        return None
    match = _YEAR.search(time)
    return int(match.group(1)) if match else None


def figures_over_time(claims: pd.DataFrame) -> pd.DataFrame:
    """Columns year, kind, count: figures per year they refer to (figures without a time
    are left out)."""
    figures = claims[claims["claim_type"] == "figure"]
    years = figures["time"].map(figure_year)
    dated = figures.assign(year=years, kind=figures["unit"].map(unit_kind)).dropna(
        subset=["year"])
    if dated.empty:
        return pd.DataFrame(columns=["year", "kind", "count"])
    table = dated.groupby(["year", "kind"]).size().rename("count").reset_index()
    table["year"] = table["year"].astype(int)
    return table
