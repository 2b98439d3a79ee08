"""Attribution spans (who / says / what) against PolNeAR brat annotations.

Assumptions about the PolNeAR files (checked on the dev split):
- ``SPLIT/attributions/<article>_<annotator>.ann`` with ``<annotator>`` a hex id;
  only the first file of each article in sorted order is used.
- Gold comes from ``E`` lines; their ``Source``/``Cue``/``Content`` roles point at
  ``T`` lines. A discontinuous span ``a b;c d`` becomes ``min start .. max end``.
  ``Attribution-no-source`` events have no Source. The rare ``Content2`` role (a
  second, distant content piece, 3 events in dev) is ignored: merging it would
  swallow the unrelated text between the pieces.
- Each event counts once per role, so a source shared by two attributions must be
  predicted twice (one stance row per attribution).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.errors import GoldFormatError
from pipeline.evaluate.gold import read_text, require_dir
from pipeline.evaluate.metrics import Tally, greedy_match
from pipeline.evaluate.report import Report
from pipeline.evaluate.runner import EvalDoc, ExtractFn, GoldSet, rows, run_docs, span_of
from pipeline.evaluate.spans import Span, exact_weight, overlap_weight

ROLES: tuple[str, ...] = ("source", "cue", "content")


@dataclass(frozen=True)
class Attribution:
    """One gold attribution event; a role is None when the annotators left it out."""

    source: Span | None
    cue: Span | None
    content: Span | None


_ID = re.compile(r"[A-Z]+\d*(?:\t|$)")


def _parse_spans(spans: str, where: str) -> Span:
    """``"a b;c d"`` -> Span(min start, max end)."""
    try:
        pairs = [tuple(int(x) for x in part.split()) for part in spans.split(";")]
        starts, ends = zip(*pairs, strict=True)
    except ValueError as exc:
        raise GoldFormatError(f"{where}: bad brat span {spans!r}") from exc
    return Span(min(starts), max(ends))


def parse_brat(ann: str, where: str = "<brat>") -> list[Attribution]:
    """Attribution events of one brat ``.ann`` text, in E-line order."""
    spans: dict[str, Span] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for lineno, line in enumerate(ann.splitlines(), start=1):
        here = f"{where}:{lineno}"
        fields = line.split("\t")
        if not _ID.match(line):
            continue  # a T line's text that runs over a line break (it may start with "T")
        if line.startswith("T"):
            if len(fields) < 2 or " " not in fields[1]:
                raise GoldFormatError(f"{here}: malformed T line {line!r}")
            spans[fields[0]] = _parse_spans(fields[1].split(" ", 1)[1], here)
        elif line.startswith("E"):
            if len(fields) < 2:
                raise GoldFormatError(f"{here}: malformed E line {line!r}")
            try:
                roles = dict(arg.split(":", 1) for arg in fields[1].split())
            except ValueError as exc:
                raise GoldFormatError(f"{here}: malformed E line {line!r}") from exc
            events.append((here, roles))
    out = []
    for here, roles in events:
        def role_span(role: str, roles: dict[str, str] = roles, here: str = here) -> Span | None:
            tid = roles.get(role.capitalize())
            if tid is None:
                return None
            if tid not in spans:
                raise GoldFormatError(f"{here}: E line refers to unknown {tid}")
            return spans[tid]

        out.append(Attribution(*(role_span(role) for role in ROLES)))
    return out


def _publication_dates(split_dir: Path) -> dict[str, str]:
    """article name -> publication_date from the sibling ``metadata.tsv``, if present."""
    meta = split_dir.parent / "metadata.tsv"
    if not meta.is_file():
        return {}
    with meta.open(encoding="utf-8", newline="") as fh:
        return {r["filename"]: r["publication_date"] for r in csv.DictReader(fh, delimiter="\t")
                if r.get("filename") and r.get("publication_date")}


def load_polnear(path: str | Path, *, limit: int | None = None) -> GoldSet[list[Attribution]]:
    """Articles of one PolNeAR split folder with their first annotator's attributions."""
    split_dir = require_dir(path, "PolNeAR split")
    text_dir = require_dir(split_dir / "text", "PolNeAR text")
    ann_dir = require_dir(split_dir / "attributions", "PolNeAR attributions")
    first_file: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        first_file.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    if not first_file:
        raise GoldFormatError(f"no brat files (*.ann) in {ann_dir}")
    dates = _publication_dates(split_dir)
    docs, missing = [], []
    for article in sorted(first_file)[:limit]:
        text_path = text_dir / f"{article}.txt"
        if not text_path.is_file():
            missing.append(article)
            continue
        gold = parse_brat(read_text(first_file[article]), first_file[article].name)
        docs.append(EvalDoc(f"{article}.txt", read_text(text_path), gold, dates.get(article)))
    notes = []
    if missing:
        notes.append(f"skipped {len(missing)} articles without text: {', '.join(missing[:3])}")
    return GoldSet(docs, notes)


def predicted_attributions(tables: dict[str, pd.DataFrame]) -> list[Attribution]:
    """The attribution component's stance rows as attributions (stance events such as "X
    sued Y", which the stance component adds, are no attributions). Rows that share a cue
    and a content are one statement with several sources ("X, along with Y and Z, said"):
    its source is the stretch of text from the first to the last of them, as annotators
    mark it."""
    merged: dict[tuple[Span | None, Span | None], list[Span]] = {}
    for row in rows(tables, "claims", claim_type="stance"):
        if str(row.get("extractor") or "").startswith("newsclaims_stance"):
            continue
        sources = merged.setdefault((span_of(row, "predicate"), span_of(row, "content")), [])
        if (source := span_of(row, "subject")) is not None:
            sources.append(source)
    return [Attribution(source=Span(min(s.start for s in sources), max(s.end for s in sources))
                        if sources else None, cue=cue, content=content)
            for (cue, content), sources in merged.items()]


def score_attribution(doc: EvalDoc[list[Attribution]], tables: dict[str, pd.DataFrame]) -> Tally:
    """Per role: exact (trimmed) and overlap (IoU >= 0.5) one-to-one span matches."""
    tally = Tally()
    preds = predicted_attributions(tables)
    for role in ROLES:
        gold = [s for a in doc.gold if (s := getattr(a, role)) is not None]
        pred = [s for a in preds if (s := getattr(a, role)) is not None]
        for kind, weight in (("exact", exact_weight), ("overlap", overlap_weight)):
            pairs = greedy_match(gold, pred, lambda g, p, w=weight: w(doc.text, g, p))
            tally.add_matches(f"{role} {kind}", len(pairs), len(pred), len(gold))
    return tally


def evaluate_attribution(
    path: str | Path, extract_fn: ExtractFn, *, limit: int | None = None
) -> Report:
    """Score source/cue/content spans of stance rows on a PolNeAR split folder."""
    gold = load_polnear(path, limit=limit)
    return run_docs("attribution", f"polnear:{Path(path).name}", gold.docs, extract_fn,
                    score_attribution, gold.notes)
