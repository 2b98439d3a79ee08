"""SEESAW stories -> labelled (holder, target) candidates.

The articles go through the pipeline up to attribution (parses cached as DocBins when a
cache folder is given); the stance component's own candidate finder proposes the pairs,
so training sees exactly what labelling will. A pair is labelled with a gold triple of
its target's sentence whose subject and object match its holder and target the way
``newsclaims evaluate stance`` matches them (token F1 >= 0.5), else ``none``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from pipeline import nlp as nlp_builder
from pipeline.components import quotes as quoting
from pipeline.components.stance import lexicon
from pipeline.components.stance.component import StanceLabeller
from pipeline.components.stance.features import Featurizer
from pipeline.components.stance.targets import Resolver
from pipeline.evaluate.metrics import phrases_match
from pipeline.evaluate.runner import EvalDoc
from pipeline.evaluate.seesaw import SeesawGold, load_seesaw

POLARITY = {"POS": "support", "NEG": "oppose"}


@dataclass(frozen=True)
class Example:
    doc_id: str
    kind: str  # statement, event or action
    features: dict[str, float]
    label: str  # none, support or oppose


def attribution_nlp(model: str | None = None) -> Language:
    """The pipeline up to attribution: what the stance component reads."""
    nlp = nlp_builder.build_nlp(model, {"newsclaims_stance": {"model": ""}})
    nlp.remove_pipe("newsclaims_stance")
    return nlp


def parsed(docs: list[EvalDoc[SeesawGold]], nlp: Language, cache: Path | None
           ) -> list[Doc]:
    """The articles through ``nlp``, read from ``cache`` when the same texts were parsed
    there before."""
    key = hashlib.sha256("\x00".join(d.text for d in docs).encode()).hexdigest()[:16]
    path = cache / f"seesaw-{key}.spacy" if cache else None
    if path is not None and path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    out = list(nlp.pipe((d.text for d in docs), batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=out, store_user_data=True).to_disk(path)
    return out


def gold_label(gold: SeesawGold, char: int, holder: str | None, target: str) -> str:
    """The polarity of the gold triple this pair matches in the sentence holding ``char``."""
    sentence = next((i for i, s in enumerate(gold.sentences) if s.start <= char < s.end), None)
    for triple in gold.triples:
        if triple.sentence == sentence and phrases_match(triple.subject, holder) and (
                phrases_match(triple.object, target)):
            return POLARITY[triple.polarity]
    return "none"


def examples(docs: list[EvalDoc[SeesawGold]], parses: list[Doc]) -> Iterator[Example]:
    labeller = StanceLabeller(None, "newsclaims_stance", model="",  # type: ignore[arg-type]
                              pairs=True)
    for item, doc in zip(docs, parses, strict=True):
        text = doc.text
        resolver = Resolver(doc, doc._.nc_entities or [],
                            lexicon.topic(text, quoting.quotes(text), doc))
        statements, candidates = labeller.finder.find(doc, resolver, doc._.nc_statements or [])
        featurizer = Featurizer(doc, resolver)
        for candidate in candidates:
            statement = statements[candidate.statement]
            yield Example(
                doc_id=item.doc_id, kind=statement.kind,
                features=featurizer(statement, candidate, labeller.cue_stance(doc, statement)),
                label=gold_label(item.gold, candidate.target.span[0], statement.source,
                                 candidate.target.name))


def load_split(seesaw_dir: str | Path, split: str, nlp: Language, cache: Path | None
               ) -> list[Example]:
    docs = load_seesaw(seesaw_dir, split=split).docs
    return list(examples(docs, parsed(docs, nlp, cache)))
