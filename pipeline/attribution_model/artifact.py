"""The artifact folder of a trained tagger: what it must hold and its identity.

Imports neither torch nor transformers, so the pipeline can check a ``model``
setting and fingerprint it before anything heavy loads.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pipeline.errors import ModelNotFound

META = "newsclaims.json"
"""Roles, window size and how the model was trained (written by ``train``)."""


def check(path: str | Path) -> Path:
    """The artifact folder, or a clean :class:`ModelNotFound` naming what is missing."""
    folder = Path(path)
    if not (folder / META).is_file() or not (folder / "config.json").is_file():
        raise ModelNotFound(
            f"no attribution model at {str(path)!r} (a folder with {META} and config.json, "
            "as `newsclaims train attribution` writes it)")
    return folder


def read_meta(path: str | Path) -> dict[str, Any]:
    return json.loads((check(path) / META).read_text(encoding="utf-8"))


def write_meta(path: str | Path, meta: dict[str, Any]) -> None:
    (Path(path) / META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def fingerprint(path: str | Path) -> str:
    """Hash of the files that shape the tags (weights, config, tokenizer, label map), so
    retraining into the same folder changes the pipeline fingerprint; the card does not."""
    digest = hashlib.sha256()
    for file in sorted(check(path).iterdir()):
        if file.is_file() and file.name not in (META, "README.md"):
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    meta = read_meta(path)
    digest.update(json.dumps([meta.get("labels"), meta.get("max_length"),
                              meta.get("overlap")]).encode())
    return digest.hexdigest()[:16]
