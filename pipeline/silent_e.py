"""Lemmas of verbs whose base ends in a silent e ("hoped" -> "hope", not "hop").

spaCy's English rule lemmatizer strips "-ed"/"-ing" and keeps the first candidate its
verb index knows, so where both "hop" and "hope" are verbs "hoped" and "hoping" become
"hop" (likewise "rated" -> "rat", "staged" -> "stag", "fined" -> "fin"). The cue
lexicon, the stance lexicon and the claims' ``predicate`` column all read lemmas, so
"X hoped the talks would succeed" lost its cue's weight and stance. English spelling
settles it: a one-syllable stem that ends consonant-vowel-consonant doubles its last
letter before "-ed"/"-ing" ("hopped", "hopping"), so an undoubled "hoped" is "hope".
``install`` gives the lemmatizer those forms, derived from its own verb index (no word
list of ours).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

_VOWELS = frozenset("aeiou")
_UNDOUBLED = frozenset("wxy")  # never doubled: "towed", "taxed", "played"


def _doubles(stem: str) -> bool:
    """Whether a stem doubles its last letter before "-ed" ("hop" -> "hopped"): it ends
    in one vowel between consonants."""
    return (len(stem) >= 3 and stem[-1] not in _VOWELS | _UNDOUBLED
            and stem[-2] in _VOWELS and stem[-3] not in _VOWELS)


def silent_e_forms(verbs: set[str]) -> dict[str, str]:
    """Each undoubled "-ed"/"-ing" form that the rules would read as a shorter verb,
    with its silent-e base: {"hoped": "hope", "hoping": "hope", ...}."""
    forms: dict[str, str] = {}
    for base in verbs:
        stem = base[:-1]
        if base.endswith("e") and stem in verbs and _doubles(stem):
            forms[stem + "ed"] = base
            forms[stem + "ing"] = base
    return forms


class SilentELemmatize:
    """The pipe's ``lemmatize`` with the silent-e forms first. The rule lemmatizer puts
    an exception behind a candidate its rules already found, so the forms cannot go in
    its exception table; its ``__call__`` (and ``LemmaCache``) call ``lemmatize``."""

    def __init__(self, lemmatize: Callable[[Token], list[str]], forms: dict[str, str]) -> None:
        self.lemmatize = lemmatize
        self.forms = forms

    def __call__(self, token: Token) -> list[str]:
        base = self.forms.get(token.lower_) if token.pos_ == "VERB" else None
        return [base] if base is not None else self.lemmatize(token)


def install(nlp: Language, name: str = "lemmatizer") -> bool:
    """Give the rule lemmatizer ``name`` of ``nlp`` the silent-e forms; False where there
    is none or its tables have no verb index (a lookup-mode or custom pipe)."""
    pipe = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(pipe, Lemmatizer) or pipe.mode != "rule":
        return False
    index = pipe.lookups.get_table("lemma_index", {}).get("verb")
    if not index:
        return False
    pipe.lemmatize = SilentELemmatize(pipe.lemmatize, silent_e_forms(set(index)))
    return True
