"""What every model card ends with: the files of its model folder, with their sizes, so a
reader sees what the folder must hold (and that each stays under the 50 MB limit)."""

from __future__ import annotations

from pathlib import Path


def save(folder: Path, lines: list[str]) -> Path:
    """Writes the card's ``lines`` and a "Files" section to ``folder/README.md``."""
    files = sorted(f for f in folder.iterdir() if f.is_file() and f.name != "README.md")
    out = folder / "README.md"
    out.write_text("\n".join([
        *lines,
        "## Files",
        "",
        *(f"- `{f.name}` ({f.stat().st_size / 1e6:.1f} MB)" for f in files),
        "",
    ]), encoding="utf-8")
    return out
