"""Markdown notes as the plain text a reader sees, for indexing and snippets.

Search should find "peace treaty" in ``**peace** treaty`` and never show ``](http…`` in a
result, but it needs no full Markdown renderer: the marks that wrap words are removed and
links keep only their text.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_LINE_START = re.compile(r"^[ \t]{0,3}(?:(?:>[ \t]?)+|#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)", re.MULTILINE)
# Emphasis, strike-through and code marks: runs of * _ ~ ` that open or close a word.
_WRAPPERS = re.compile(r"(?<![\w*_~`])[*_~`]+(?=[^\s*_~`])|(?<=[^\s*_~`])[*_~`]+(?![\w*_~`])")


# Anything the patterns above could change; most notes have none of it.
_ANY_MARKUP = re.compile(r"[*_~`\[<]|^[ \t]{0,3}(?:[>#+-]|\d)", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """``markdown`` without link targets, emphasis marks and block markers at line starts."""
    if not _ANY_MARKUP.search(markdown):
        return markdown
    text = _IMAGE.sub(r"\1", markdown)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _LINE_START.sub("", text)
    return _WRAPPERS.sub("", text)
