"""How names and search words are compared across the library: without case, diacritics,
dots or possessives. Kept apart (standard library only) so that a query does not load
the word lists that identity needs."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_DROP = str.maketrans({".": None, "\u2019": "'", "\u2018": "'", ",": " ", ";": " ", ":": " ",
                       "(": " ", ")": " ", '"': " ", "\u201c": " ", "\u201d": " "})


@lru_cache(maxsize=2**16)
def fold_name(name: str) -> str:
    """The comparison form of a name: no case, diacritics, dots, possessives or extra spaces.

    Cached: across a library the same few thousand names come back tens of thousands of times."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().translate(_DROP)
    words = []
    for word in plain.split():
        word = word.strip("'-")
        word = word.removesuffix("'s")
        if word:
            words.append(word)
    return " ".join(words)
