"""The model card (``README.md`` in the model folder), written from ``newsclaims.json``:
data, the command that rebuilds it, the training run, dev scores and speed, file sizes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from pipeline import model_card
from pipeline.components.attribution import model

_ROLES = ("source", "cue", "content")


def score_on_dev(path: str | Path, dev: str | Path, *, spacy_model: str | None = None
                 ) -> dict[str, Any]:
    """Run the whole default pipeline with this model on a PolNeAR split, as ``newsclaims
    evaluate attribution DEV`` does; record the scores and speed in the folder's
    ``newsclaims.json`` and card."""
    from pipeline.evaluate import evaluate_attribution
    from pipeline.extractor import Extractor

    extractor = Extractor(spacy_model,
                          components={"newsclaims_attribution": {"model": str(path)}})
    tokens = 0

    def extract_fn(text: str, doc_id: str, published_at: str | None) -> Any:
        nonlocal tokens
        tables = extractor.extract_text(text, doc_id, published_at=published_at)
        tokens += int(tables["documents"]["n_tokens"].sum())
        return tables

    extractor.nlp  # noqa: B018 - load before the clock starts
    report = evaluate_attribution(dev, extract_fn)
    result = {
        "split": str(dev), "articles": report.n_docs, "seconds": round(report.seconds, 1),
        "spacy_tokens": tokens, "tokens_per_second": round(tokens / report.seconds),
        "scores": {s.metric: [round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)]
                   for s in report.scores},
        "measured": time.strftime("%Y-%m-%d"),
    }
    meta = model.read_meta(path)
    meta["dev"] = result
    model.write_meta(path, meta)
    write(path)
    return result


def write(path: str | Path) -> Path:
    folder = Path(path)
    meta = model.read_meta(folder)
    train, run = meta.get("train", {}), meta.get("run", {})
    decoding = meta.get("decode", {})
    threshold = decoding.get("cue_threshold")
    sequences = run.get("sequences", {})
    lines = [
        "# newsclaims attribution model",
        "",
        "Who (source) says (cue) what (content) in news text, learned from PolNeAR on a CPU "
        "and run with no torch. Three small models over the spaCy parse the pipeline "
        "already has, the cue lexicon (`models/cues.json`) and the attribution rules' "
        "statements, which they read as features:",
        "",
        "- `cue.crfsuite`: a CRF (python-crfsuite) tags cue spans sentence by sentence"
        + (f" (posterior decoding: a token is in a cue when the CRF gives it P(not O) >= "
           f"{threshold}, >= {decoding.get('rule_cue_threshold', threshold)} where the rules "
           "found a cue);" if threshold is not None else " (Viterbi);"),
        *([f"- `cue_lexicon.json`: the cue lexicon learned from the training split's gold "
           f"cues (`cue_lexicon.py`), read by the cue CRF: for each lemma seen at least "
           f"{train.get('lexicon_min_count')} times, the share of its tokens inside a cue; "
           "for each head lemma, dependency and lemma ('call|prep|for', 'vow|aux|have'), the "
           "share of such tokens inside a cue. The CRF trained on shares learned without "
           f"each article's fold ({train.get('lexicon_folds')} folds), so it does not trust "
           "counts of the very cue it tags; the file holds the shares of the whole split;"]
          if train.get("lexicon_folds") else []),
        "- `source.crfsuite`: for each cue, a CRF tags its source in the cue's sentence "
        "(where it tags none: the rules' source, else for a verb of saying that hangs on "
        "another verb the subject they share, \"Ukraine ousted its leader and has said\");",
        "- `content.json`: for each cue, a linear softmax ranker picks its content among "
        "candidate spans (complement subtrees, quotations and runs of them, the rest of the "
        "sentence, the rules' content; each also run on to later or earlier sentences, and "
        "one that stays in a sentence beside the cue also ended earlier: before a comma or "
        "dash, a coordinated clause or a trailing modifier).",
        "",
        "`newsclaims_attribution` then keeps what a reader takes for a statement (a cue "
        "outside the lexicon's verbs of saying needs quoted words or a finite clause, an "
        "intention or act a clause of its own: \"is hoping to repeat\", \"posted a loss\", "
        "\"announced plans for an album\" are none; a refusal to speak, \"declined to "
        "comment\", makes none), leaves out a headline run into the first "
        "sentence, and resolves each source to the name the article gives it; "
        "`newsclaims_stance` judges target and stance.",
        "",
        "## Data",
        "",
        f"PolNeAR v1.0.0 train split only (`{train.get('data')}`, the first annotator's file "
        f"of each article): {run.get('articles')} articles, leaving out those with fewer "
        f"than {train.get('min_density')} attributions per 1,000 characters (partly "
        f"annotated). {sequences.get('cue')} sentences for the cue CRF, "
        f"{sequences.get('source')} cues for the source CRF, {sequences.get('content')} "
        "cues whose content is among the candidates for the ranker. Settings were chosen "
        "on dev; the PolNeAR test split was never read.",
        "",
        "## Rebuild",
        "",
        "```bash",
        "pip install -e .",
        run.get("command") or "newsclaims train attribution",
        "```",
        "",
        f"CRFs: L-BFGS, c1 {train.get('c1')}, c2 {train.get('c2')}, {train.get('iterations')} "
        f"iterations; ranker: {train.get('epochs')} AdaGrad epochs, seed {train.get('seed')}. "
        f"{run.get('seconds')} s on the 2-core development CPU (parse included unless "
        f"cached), spaCy model {run.get('spacy_model')}."
        + (f" {run['note']}" if run.get("note") else ""),
        "",
    ]
    dev = meta.get("dev")
    if dev:
        lines += [
            f"## Scores on PolNeAR dev ({dev['articles']} articles)",
            "",
            "`newsclaims evaluate attribution ../shared/data/polnear/dev` (exact = the same "
            "span after trimming punctuation and quote marks; overlap = IoU >= 0.5):",
            "",
            "| role | P exact | R exact | F1 exact | F1 overlap |",
            "|---|---|---|---|---|",
        ]
        scores = dev["scores"]
        for role in _ROLES:
            exact = scores.get(f"{role} exact", [0, 0, 0])
            overlap = scores.get(f"{role} overlap", [0, 0, 0])
            lines.append(f"| {role} | {exact[0]:.3f} | {exact[1]:.3f} | {exact[2]:.3f} | "
                         f"{overlap[2]:.3f} |")
        lines += [
            "",
            "## Speed",
            "",
            f"The whole default pipeline with this model, one process: {dev['seconds']} s for "
            f"the {dev['articles']} dev articles ({dev['spacy_tokens']} spaCy tokens), "
            f"{dev['tokens_per_second']} tokens/s (measured {dev['measured']}, model loaded "
            "beforehand; the README compares it with bare spaCy)."
            + (f" {dev['note']}" if dev.get("note") else ""),
            "",
        ]
    return model_card.save(folder, lines)
