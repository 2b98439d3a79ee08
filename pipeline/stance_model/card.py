"""The model card (``README.md``) of a trained stance classifier, from its
``newsclaims.json``: data, rebuild command, SEESAW valid scores, training time, files."""

from __future__ import annotations

from pathlib import Path

_TITLES = {"linear": "logistic regression over parse features (the default pipeline's)",
           "encoder": "MiniLM cross-encoder, ONNX int8 (the accurate preset's)"}


def _command(meta: dict) -> str:
    config = meta["config"]
    parts = ["newsclaims train stance", "--data ../shared/data/seesaw",
             f"--kind {config['kind']}"]
    if config["kind"] == "linear":
        parts.append(f"--c {config['c']}")
    else:
        parts += [f"--epochs {config['epochs']}", f"--batch-size {config['batch_size']}",
                  f"--lr {config['lr']}", f"--negatives {config['negatives']}"]
    parts.append(f"--seed {config['seed']}")
    return " ".join(parts)


def write(folder: Path, meta: dict) -> Path:
    kind = meta["config"]["kind"]
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != "README.md")
    lines = [
        f"# newsclaims stance classifier: {_TITLES[kind]}",
        "",
        "Judges each (holder, target) candidate that `newsclaims_stance` proposes (a "
        "statement's source and a target its content names; a stance event's or action's "
        "subject and object): none, support or oppose. A pair becomes a stance row when "
        "P(support or oppose) reaches its kind's threshold.",
        "",
        "## Data",
        "",
        f"SEESAW (Zhang et al., EMNLP 2022) stories whose meta `Split` is `train`: "
        f"{meta['train_articles']} articles, {meta['train_pairs']} candidate pairs, each "
        "labelled with the gold triple of its sentence whose subject and object match it "
        "(token F1 >= 0.5, as `newsclaims evaluate stance` matches), else none. Thresholds "
        "tuned on the `valid` stories; SEESAW test was never read. Our corpus gold is not "
        "used in training: it is the second check.",
        "",
        "## Rebuild",
        "",
        "```bash",
        "pip install -e '.[train]'" if kind == "encoder" else "pip install -e '.[train]'  "
        "# scikit-learn",
        _command(meta),
        "```",
        "",
        f"{meta['train_seconds']:.0f} s to train, {meta['seconds']:.0f} s with tuning, on "
        "the shared 2-core CPU (parses cached with `--cache`).",
    ]
    if kind == "encoder":
        lines += ["", f"Fine-tuned {meta['encoder']} for {meta['fine_tune_steps']} steps on "
                  f"{meta['fine_tune_pairs']} pairs (every polar pair and "
                  f"{meta['config']['negatives']} none pairs per polar one), "
                  f"{meta['fine_tune_seconds']:.0f} s, final loss {meta['final_loss']}; "
                  "exported to ONNX and quantized to int8 (onnxruntime dynamic "
                  "quantization)."]
    valid = meta["valid"]
    lines += [
        "",
        "## Scores on SEESAW valid",
        "",
        f"Thresholds: {', '.join(f'{k} {v}' for k, v in meta['thresholds'].items())}.",
        "",
        "| metric | F1 |",
        "|---|---|",
        *(f"| {name} | {f1:.3f} |" for name, f1 in valid.items()),
        "",
        "`newsclaims evaluate stance` prints precision and recall as well.",
        "",
        "## Files",
        "",
        *(f"- `{p.name}` ({p.stat().st_size / 1e6:.1f} MB)" for p in files),
        "",
    ]
    path = folder / "README.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
