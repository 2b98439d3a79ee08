"""spaCy's rule lemmatizer with every lemma it gives remembered.

The base model's ``lemmatizer`` (mode "rule") builds a Token for each word of a Doc and
works out its lemma from the word, its POS and its morphology, caching only the words
that reach its suffix rules: a singular noun, a base-form verb, a pronoun or a space is
judged again at every occurrence (its ``is_base_form`` reads the morphology as a dict
each time). The lemma depends on those three values and the lookup tables alone, so
``LemmaCache`` keeps the first lemma of every (word, POS, morphology) it meets and sets
a Doc's lemmas from its arrays in one ``Doc.from_array``: the same lemmas, a fifth of
the time on PolNeAR train articles. It takes the pipe's ``pipe`` (what ``nlp.pipe``
calls, so every extraction); ``nlp(text)`` still runs the pipe's own ``__call__``, with
the same result. A lemmatizer in another mode, or a custom one, is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MAX_ENTRIES = 200_000  # distinct (word, POS, morphology) kept; then it starts again


class LemmaCache:
    """A drop-in ``pipe`` for a rule Lemmatizer (see the module's docstring)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], str] = {}

    @classmethod
    def install(cls, nlp: Language, name: str = "lemmatizer") -> bool:
        """Give the pipe ``name`` of ``nlp`` the cached ``pipe``; False where the pipe is
        missing or not spaCy's rule Lemmatizer (or the English one)."""
        pipe = nlp.get_pipe(name) if name in nlp.pipe_names else None
        if not isinstance(pipe, Lemmatizer) or pipe.mode != "rule" or \
                type(pipe).rule_lemmatize is not Lemmatizer.rule_lemmatize:
            return False
        pipe.pipe = cls(pipe).pipe
        return True

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """``Pipe.pipe`` with the cached lemmas, errors to the pipe's error handler."""
        lemmatizer = self.lemmatizer
        error_handler = lemmatizer.get_error_handler()
        for doc in stream:
            try:
                # the pipe's own call checks its tables on the first Doc
                yield self(doc) if lemmatizer._validated else lemmatizer(doc)
            except Exception as exc:
                error_handler(lemmatizer.name, lemmatizer, [doc], exc)

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if len(self.lemmas) > MAX_ENTRIES:
            self.lemmas.clear()
        strings, lemmas, overwrite = doc.vocab.strings, self.lemmas, lemmatizer.overwrite
        values = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        for i, (orth, pos, morph, lemma) in enumerate(values):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = lemmas.get(key)
                if found is None:
                    found = lemmas[key] = lemmatizer.lemmatize(doc[i])[0]
                values[i] = strings.add(found)
            else:
                values[i] = lemma
        doc.from_array([LEMMA], numpy.array(values, dtype="uint64").reshape(-1, 1))
        return doc
