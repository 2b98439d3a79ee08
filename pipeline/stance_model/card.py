"""The model card (``README.md``) of a trained stance classifier, from its
``newsclaims.json``: data, rebuild command, SEESAW valid scores, training time, files."""

from __future__ import annotations

from pathlib import Path

from pipeline import model_card
from pipeline.components.stance.component import FLOORS


def _command(meta: dict) -> str:
    config = meta["config"]
    kind = meta["kind"]
    option = f"--rounds {config['rounds']}" if kind == "boosted" else f"--c {config['c']}"
    return (f"newsclaims train stance --kind {kind} --data ../shared/data/seesaw {option} "
            f"--min-count {config['min_count']} --seed {config['seed']}")


def write(folder: Path, meta: dict) -> Path:
    title = {"boosted": "gradient-boosted trees (LightGBM, evaluated with numpy)",
             "linear": "logistic regression"}[meta["kind"]]
    lines = [
        f"# newsclaims stance classifier: {title} over parse features",
        "",
        "Judges each (holder, target) candidate that `newsclaims_stance` proposes (a "
        "statement's source and a target its content names; a stance event's or action's "
        "subject and object; any other two names of a sentence): none, support or oppose. "
        "A pair becomes a stance row when P(support or oppose) reaches its kind's threshold.",
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
        "pip install -e '.[train]'  # scikit-learn, LightGBM",
        _command(meta),
        "```",
        "",
        f"{meta['train_seconds']:.0f} s to train, {meta['seconds']:.0f} s with tuning, on "
        "the shared 2-core CPU, SEESAW's parses read from `--cache` (parsing its train and "
        "valid articles takes about 4 more minutes).",
    ]
    valid = meta["valid"]
    lines += [
        "",
        "## Scores on SEESAW valid",
        "",
        f"Thresholds: {', '.join(f'{k} {v}' for k, v in meta['thresholds'].items())}; the "
        "component never goes below its floors ("
        f"{', '.join(f'{k} {v}' for k, v in FLOORS.items())}: less sure pairs were mostly "
        "wrong on BBC news), so these are the scores of the rows it writes with name pairs "
        "judged too (the `accurate` preset; the README has the default pipeline's).",
        "",
        "| metric | F1 |",
        "|---|---|",
        *(f"| {name} | {f1:.3f} |" for name, f1 in valid.items()),
        "",
        "`newsclaims evaluate stance` prints precision and recall as well.",
        "",
        "## Speed",
        "",
        "`python bench/stance_speed.py` times the stance component with this model against "
        "the pipeline before it on the 84 PolNeAR dev articles (the README's \"Stance\" "
        "section under \"Measured\" has the numbers).",
        "",
    ]
    return model_card.save(folder, lines)
