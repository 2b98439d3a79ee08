"""bench/stance_rows.py: a diff names the statements whose rows changed; a draw is repeatable."""

from __future__ import annotations

from bench import stance_rows


def _row(doc: int, target: str, stance: str) -> dict:
    return {"doc": doc, "kind": "statement", "source": "X", "cue": "say", "cue_span": [0, 4],
            "content": "the plan was premature", "target": target, "stance": stance,
            "confidence": 0.5}


def test_diff_lists_only_changed_statements():
    before = [_row(0, "plan", "neutral"), _row(1, "plan", "oppose")]
    after = [_row(0, "plan", "oppose"), _row(1, "plan", "oppose")]
    [changed] = stance_rows.diff(before, after)
    assert "('plan', 'neutral')" in changed and "('plan', 'oppose')" in changed


def test_the_same_draw_shows_the_same_rows():
    rows = [_row(i, f"t{i}", "neutral") for i in range(50)]
    assert stance_rows.show(rows, 3, 5) == stance_rows.show(rows, 3, 5)
    assert len(stance_rows.show(rows, 3, 5)) == 5
