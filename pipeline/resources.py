"""Rule data (cue verbs, lexicons, unit tables) lives in JSON files under ``models/``.

Loaded once per process and cached; ``NEWSCLAIMS_MODELS`` points elsewhere
(e.g. a wheel install without the repo, or a user's own lexicons).
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

_REPO_MODELS = Path(__file__).resolve().parent.parent / "models"


def models_dir() -> Path:
    return Path(os.environ.get("NEWSCLAIMS_MODELS", _REPO_MODELS))


@cache
def load(name: str) -> Any:
    """The parsed JSON file ``models/<name>.json``."""
    path = models_dir() / f"{name}.json"
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def words(name: str, key: str) -> frozenset[str]:
    """The word list ``key`` of ``models/<name>.json`` as a set, built once."""
    return frozenset(load(name)[key])


def data_fingerprint() -> str:
    """Hash of every rule file, so a changed lexicon changes the pipeline fingerprint."""
    digest = hashlib.sha256()
    for path in sorted(models_dir().glob("*.json")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
