"""The words of ``reader quotes TEXT`` as an SQLite full-text query over the quotations.

The index tokenises quotations with FTS5's ``unicode61`` (case and diacritics folded:
"Zoe" finds "Zoë"). The user's text is never passed through as FTS syntax, where a stray
quote, a colon or a word like ``NOT`` would be an error or an operator: every word
becomes a quoted FTS phrase of its letters and digits; ``"several words"`` stay one
phrase; a word ending in ``*`` matches as a prefix. Every part must match (AND).
"""

from __future__ import annotations

import re

_PART = re.compile(r'"([^"]*)"?|(\S+)')
_TOKEN = re.compile(r"\w+")


def quote_match(text: str) -> str | None:
    """The FTS5 query for ``text``, or ``None`` when it holds no word to look for."""
    terms = []
    for phrase, word in _PART.findall(text):
        tokens = _TOKEN.findall(phrase or word)
        if not tokens:
            continue
        prefix = bool(word) and word.endswith("*")
        terms.append('"' + " ".join(tokens) + '"' + ("*" if prefix else ""))
    return " ".join(terms) or None
