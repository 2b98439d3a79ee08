"""Every row of the four tables is built here: claims and entities from a Doc's
annotations (chunk by chunk), then one document's ``documents`` and ``errors`` rows.

Offsets inside a chunk are shifted by the chunk's offset so that every
``char_start``/``char_end`` indexes the document text as ingested. A document's rows
hold each primary key once: the same claim found twice is one row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from pipeline import __version__
from pipeline.annotations import Figure, Span, Statement
from pipeline.components import once
from pipeline.conform import Row, conform
from pipeline.records import Document, ReadError
from pipeline.schema import PRIMARY_KEYS, TABLES

Tables = dict[str, list[Row]]  # one document's rows (or a batch's), keyed by table name


def empty_tables() -> Tables:
    return {name: [] for name in TABLES}


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def claim_id(doc_id: str, content_sha: str, claim_type: str, spans: Sequence[Span | None]) -> str:
    """Stable over runs: the same document text gives the same ids."""
    parts = (f"{s[0]}-{s[1]}" if s else "-" for s in spans)
    key = "|".join([doc_id, content_sha, claim_type, *parts])
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def entity_id(canonical: str) -> str:
    """Stable across a corpus: one id per canonical name."""
    return "E" + hashlib.sha256(canonical.casefold().encode()).hexdigest()[:15]


def _shift(span: Span | None, by: int) -> Span | None:
    return (span[0] + by, span[1] + by) if span else None


class RowBuilder:
    """Rows for one chunk of one document."""

    def __init__(self, doc: Doc, sents: list[SpacySpan], doc_id: str, content_sha: str,
                 offset: int, sent_offset: int):
        self.doc = doc
        self.text = once.text(doc)
        self.doc_id = doc_id
        self.sha = content_sha
        self.offset = offset
        self.sent_starts = [s.start_char for s in sents]
        self.sent_offset = sent_offset
        # A sentence ends with its paragraph's newline (or starts with it, after a
        # sentencizer); the row's sentence is for reading, so without that whitespace.
        self._sent_texts = [s.text.strip() for s in sents]
        mentions = doc._.nc_entities or []
        self._entity_ids = {(m.start, m.end): entity_id(m.canonical) for m in mentions}
        self._canonical_ids = {m.canonical: entity_id(m.canonical) for m in mentions}

    def sent_index(self, char: int) -> int:
        """Index of the sentence holding chunk offset ``char`` (0-based within the chunk)."""
        lo, hi = 0, len(self.sent_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sent_starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _claim(self, claim_type: str, evidence: Span, key_spans: Sequence[Span | None]) -> Row:
        s = self.sent_index(evidence[0])
        shifted = [_shift(sp, self.offset) for sp in key_spans]
        return {
            "claim_id": claim_id(self.doc_id, self.sha, claim_type, shifted),
            "doc_id": self.doc_id,
            "claim_type": claim_type,
            "sentence": self._sent_texts[s],
            "sent_idx": s + self.sent_offset,
            "char_start": evidence[0] + self.offset,
            "char_end": evidence[1] + self.offset,
        }

    def _spans(self, prefix: str, span: Span | None) -> Row:
        shifted = _shift(span, self.offset)
        return {f"{prefix}_start": shifted[0] if shifted else None,
                f"{prefix}_end": shifted[1] if shifted else None}

    def _named_entity(self, name: str | None, span: Span | None, *, whole: bool = False
                      ) -> str | None:
        """The entity a subject or target names ("he" resolved to "Shigeru Ishiba"), else
        the first entity inside its span (``whole``: the entity that is its whole span, so
        that the target "Trump's border wall" is no entity); None for a topic."""
        if name in self._canonical_ids:
            return self._canonical_ids[name]
        if span is None:
            return None
        if whole:
            return self._entity_ids.get((span[0], span[1]))
        for (start, end), eid in self._entity_ids.items():
            if span[0] <= start and end <= span[1]:
                return eid
        return None

    def figures(self) -> list[Row]:
        figures: list[Figure] = self.doc._.nc_figures or []
        rows: list[Row] = []
        for fig in figures:
            text = self.text[fig.span[0] : fig.span[1]]
            row = self._claim("figure", fig.span, [fig.span])
            row.update(
                subject=fig.subject,
                subject_entity_id=self._named_entity(fig.subject, fig.subject_span),
                predicate=fig.predicate, target=fig.target, target_entity_id=None,
                stance=None, content=text,
                quote=None, value=fig.value, unit=fig.unit, modifier=fig.modifier,
                value_text=text, time=fig.time, confidence=fig.confidence,
                extractor=f"newsclaims_figures/{__version__}",
                linked_claim_id=None,
                **self._spans("subject", fig.subject_span),
                **self._spans("predicate", fig.predicate_span),
                **self._spans("content", fig.span),
            )
            rows.append(row)
        for i, (fig, row) in enumerate(zip(figures, rows, strict=True)):
            j = fig.conversion_of
            # link both ways: a conversion and its original, which comes before it in the
            # text; an index that names no such figure links nothing and loses no row
            if j is not None and 0 <= j < i and figures[j].span[1] <= fig.span[0]:
                row["linked_claim_id"] = rows[j]["claim_id"]
                rows[j]["linked_claim_id"] = row["claim_id"]
        return rows

    def statements(self) -> list[Row]:
        rows = []
        st: Statement
        for st in self.doc._.nc_statements or []:
            spans = (st.source_span, st.cue_span, st.content_span)
            given = [s for s in spans if s is not None]
            evidence = (min(s[0] for s in given), max(s[1] for s in given))
            # a statement with stances toward several targets gives a row per target
            key = (*spans, st.target_span) if st.target_span else spans
            row = self._claim("stance", evidence, key)
            component = "newsclaims_attribution" if st.kind == "statement" else "newsclaims_stance"
            row.update(
                subject=st.source,
                subject_entity_id=self._named_entity(st.source, st.source_span),
                predicate=st.cue, target=st.target,
                target_entity_id=self._named_entity(st.target, st.target_span, whole=True),
                stance=st.stance,
                content=self.text[st.content_span[0] : st.content_span[1]],
                quote=st.quote, value=None, unit=None, modifier=None, value_text=None,
                time=None, confidence=st.confidence,
                extractor=f"{component}/{__version__}", linked_claim_id=None,
                **self._spans("subject", st.source_span),
                **self._spans("predicate", st.cue_span),
                **self._spans("content", st.content_span),
            )
            rows.append(row)
        return rows

    def entities(self) -> list[Row]:
        return [
            {
                "entity_id": entity_id(m.canonical),
                "doc_id": self.doc_id,
                "text": m.text,
                "label": m.label,
                "canonical": m.canonical,
                "char_start": m.start + self.offset,
                "char_end": m.end + self.offset,
                "sent_idx": self.sent_index(m.start) + self.sent_offset,
            }
            for m in self.doc._.nc_entities or []
        ]


# -- one document's rows --------------------------------------------------------------------


def unique(table: str, rows: Iterable[Row]) -> list[Row]:
    """``rows`` with each primary key once, the first kept, in order."""
    key = PRIMARY_KEYS[table]
    if not key:
        return list(rows)
    seen: set[tuple[Any, ...]] = set()
    out = []
    for row in rows:
        k = tuple(row[c] for c in key)
        if k not in seen:
            seen.add(k)
            out.append(row)
    return out


@dataclass
class DocumentRows:
    """A document's rows gathered chunk by chunk, then finished into its four tables."""

    document: Document
    sha: str = field(init=False)
    claims: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    errors: list[Row] = field(default_factory=list)
    n_sents: int = 0
    n_tokens: int = 0

    def __post_init__(self) -> None:
        self.sha = sha256(self.document.text)

    def add_chunk(self, doc: Doc, offset: int, notes: Iterable[tuple[str, str, str]]) -> None:
        """The rows of one parsed chunk starting at ``offset``; a failure to build one kind
        of row becomes an errors row and keeps the other kinds."""
        sents = list(doc.sents)
        notes = list(notes)
        try:
            builder = RowBuilder(doc, sents, self.document.doc_id, self.sha, offset,
                                 self.n_sents)
            makers = ((self.claims, builder.figures), (self.claims, builder.statements),
                      (self.entities, builder.entities))
        except Exception as exc:  # one bad document never stops a batch
            makers = ()
            notes.append(("rows", type(exc).__name__, str(exc)))
        for rows, make in makers:
            try:
                rows.extend(make())
            except Exception as exc:
                notes.append(("rows", type(exc).__name__, str(exc)))
        self.n_sents += len(sents)
        self.n_tokens += len(doc)
        for stage, error_type, message in notes:
            self.errors.append(error_row(self.document, stage, error_type, message))

    def tables(self, fingerprint: str, *, store_text: bool) -> Tables:
        """The document's four tables, conformed (``pipeline.conform``)."""
        claims = self._conformed("claims", unique("claims", self.claims))
        claims.sort(key=lambda r: (r["char_start"], r["claim_type"], r["claim_id"]))
        entities = self._conformed("entities", unique("entities", self.entities))
        status = "error" if self.errors else "ok"
        return {
            "claims": claims,
            "entities": entities,
            "errors": [conform("errors", row) for row in self.errors],
            "documents": [conform("documents", document_row(
                self.document, fingerprint, self.sha, self.n_tokens, status,
                store_text=store_text))],
        }

    def _conformed(self, table: str, rows: list[Row]) -> list[Row]:
        """A row no sink could store (a bug upstream) becomes an errors row, not a crash."""
        out = []
        for row in rows:
            try:
                out.append(conform(table, row))
            except ValueError as exc:
                self.errors.append(error_row(self.document, "rows", "ValueError", str(exc)))
        return out


def error_row(document: Document, stage: str, error_type: str, message: str) -> Row:
    return {"doc_id": document.doc_id, "source": document.source, "line": document.line,
            "stage": stage, "error_type": error_type, "message": message}


def document_row(document: Document, fingerprint: str, sha: str | None, n_tokens: int | None,
                 status: str, *, store_text: bool) -> Row:
    notes = document.meta.get("notes", ())  # what reading and admission repaired
    return {
        "doc_id": document.doc_id, "content_sha256": sha, "source": document.source,
        "title": document.title, "published_at": document.published_at,
        "n_chars": len(document.text) if sha is not None else None, "n_tokens": n_tokens,
        "status": status, "pipeline_fingerprint": fingerprint, "processed_at": datetime.now(UTC),
        "url": document.url, "note": "; ".join(notes) or None,
        "text": document.text if store_text and sha is not None else None,
    }


def read_error_tables(error: ReadError, fingerprint: str) -> Tables:
    """An unreadable record: an errors row, plus a documents row when it has an id."""
    tables = empty_tables()
    tables["errors"].append(conform("errors", error.row()))
    if error.doc_id is not None:
        document = Document(doc_id=error.doc_id, text="", source=error.source, line=error.line)
        tables["documents"].append(conform("documents", document_row(
            document, fingerprint, None, None, "error", store_text=False)))
    return tables
