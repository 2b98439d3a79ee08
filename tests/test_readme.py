"""The README's set-up commands are what CI runs, so a green CI proves them."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands(text: str) -> list[str]:
    return re.findall(r"^(pip install [^\n]+)$", text, flags=re.MULTILINE)


def test_ci_runs_exactly_the_readme_setup_commands():
    readme = _commands((ROOT / "README.md").read_text(encoding="utf-8"))
    ci = _commands((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert len(ci) == 2
    assert readme[:2] == ci
