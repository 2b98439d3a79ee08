"""Mojibake repair at read time: "Â£5" -> "£5", "donâ€™t" -> "don’t", for every reader.

The repaired text is the text as ingested (every offset refers to it), and the document
says so in its notes. Only ftfy's encoding fixes run: curly quotes, ligatures, full-width
letters, line breaks, control characters and Unicode normalisation are left as written,
so text without mojibake comes out unchanged, character for character.
"""

from __future__ import annotations

import ftfy

from pipeline.readers.base import amend
from pipeline.records import Document

NOTE = "mojibake repaired (ftfy)"


_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def fix(text: str) -> str:
    """The text with its mojibake repaired; ASCII text cannot hold any and is returned as is."""
    return text if text.isascii() else ftfy.fix_text(text, _CONFIG)


def repair(document: Document) -> Document:
    """The document with its text and title repaired, and a note when anything changed."""
    return amend(document, fix, NOTE)
