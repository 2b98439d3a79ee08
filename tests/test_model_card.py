"""A model card ends with the files its folder holds (``pipeline.model_card``)."""

from pipeline import model_card


def test_the_card_lists_the_folders_files_but_itself(tmp_path):
    (tmp_path / "weights.json").write_bytes(b"x" * 2_500_000)
    (tmp_path / "README.md").write_text("an old card", encoding="utf-8")
    out = model_card.save(tmp_path, ["# a model", ""])
    assert out == tmp_path / "README.md"
    assert out.read_text(encoding="utf-8").splitlines() == [
        "# a model", "", "## Files", "", "- `weights.json` (2.5 MB)"]
