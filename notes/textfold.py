"""Words as search sees them: case and accents folded, English stems, with their offsets.

The index and the query must cut and fold text the same way, so both go through here.
Offsets are kept so a snippet can mark the very characters that matched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer

# A word is a run of letters and digits; combining marks may sit inside it (text in NFD
# form), and an apostrophe between letters keeps "don't" or "Obama's" in one piece.
_MARK = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTERS = rf"[^\W_]+(?:[{_MARK}]+[^\W_]*)*"  # a letter, then letters and marks (unrolled: one step a run)
_WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
"""The same words in ASCII text (no marks, no curly apostrophe), which most notes are: found a third faster."""

# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({
    "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "’": "'",
})

_STEMMER = snowballstemmer.stemmer("english")  # PyStemmer's C stemmer when installed


def fold(text: str) -> str:
    """Lower case without accents, so "Zoë", "ZOE" and "zoe" compare equal."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text.casefold()).translate(_fold_table())


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str | None]:
    """Drops combining marks (in the Basic Multilingual Plane) and replaces the letters
    Unicode does not decompose; built on first use, as it takes a few milliseconds."""
    table: dict[int, str | None] = {c: None for c in range(0x10000) if unicodedata.combining(chr(c))}
    table.update(_UNDECOMPOSED)
    return table


def stem(word: str) -> str:
    """The English Snowball stem of a folded word ("treaties" and "treaty" give "treati")."""
    stemmed: str = _STEMMER.stemWord(word)
    return stemmed


@lru_cache(maxsize=200_000)
def forms(raw_word: str) -> tuple[str, str]:
    """One word as written, folded, and its index term (the folded word's stem)."""
    folded = fold(raw_word)
    # Snowball rules change letters only: numbers, a good share of the distinct words in
    # notes, are their own stems, and skipping the stemmer for them speeds up indexing.
    return folded, folded if folded.isdigit() else stem(folded)


@lru_cache(maxsize=200_000)
def term(raw_word: str) -> str:
    """The index term of one word as written: folded, then stemmed."""
    return forms(raw_word)[1]


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` as matches, so callers know where each one sits."""
    return (_ASCII_WORD if text.isascii() else _WORD).finditer(text)


def word_list(text: str) -> list[str]:
    """The words of ``text`` as written, in order."""
    return (_ASCII_WORD if text.isascii() else _WORD).findall(text)
