"""Start a new sentence after every line break.

News text puts headlines and paragraphs on their own lines; the parser would
otherwise glue a headline to the next sentence ("China's Retaliation\\nChina has
expressed ..."). Runs before the parser, which keeps preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsclaims_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
    return doc
