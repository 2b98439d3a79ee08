"""The trained attribution tagger: PolNeAR -> token tags -> spans -> attributions.

One job per module: ``labels`` (spans <-> BIO tags), ``windows`` (long documents
as overlapping windows), ``data`` (PolNeAR -> examples), ``train`` (fine-tune and
save), ``tagger`` (load and tag), ``linking`` (spans -> attributions). ``train`` and
``tagger`` need the ``[trf]`` extra; :func:`require_trf` says so cleanly.
"""

from __future__ import annotations

import importlib.util

from pipeline.errors import MissingExtra

TRF_PACKAGES = ("torch", "transformers")


def require_trf(what: str) -> None:
    """Raise a clean :class:`MissingExtra` unless torch and transformers are installed."""
    missing = [name for name in TRF_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingExtra(f"{what} needs {' and '.join(missing)}, which are not installed: "
                           "pip install 'newsclaims[trf]'")
