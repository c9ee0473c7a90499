"""Trafilatura's article XML, renamed back to the HTML it came from.

Trafilatura writes its body in a TEI-like vocabulary: ``head rend="h2"``, ``p``,
``list rend="ul"`` with ``item``, ``quote``, ``code``, ``lb``, ``table``/``row``/``cell``.
Renaming those elements in place lets :class:`reader.document.htmlblocks.BlockWalker`
(the walker Markdown goes through) build the blocks, so Reader has one way of turning
markup into an article. (Emphasis and links are not asked of trafilatura; see
:mod:`reader.document.inlinestyles`.)
"""

from __future__ import annotations

from typing import Any

_RENAMED = {"row": "tr", "lb": "br"}  # p, table, div, del and body are HTML already
_INLINE_PARENTS = frozenset({"p", "head", "item", "cell", "del"})
"""Inside these, ``quote`` was an inline ``<q>`` and ``code`` an inline ``<code>``."""


def to_html(body: Any, title: str | None) -> Any:
    """Rename ``body`` (changed in place) to HTML; a first heading that is the title goes.

    The header shows the title above the text, so repeating it as the first block would
    show it twice and add words that are not the article's body.
    """
    if len(body) and body[0].tag == "head" and title and _same_words(body[0].xpath("string()"), title):
        body.remove(body[0])
    inline = {el for el in body.iter("quote", "code") if el.getparent().tag in _INLINE_PARENTS}
    for element in body.iter():
        if isinstance(element.tag, str):
            _rename(element, element in inline)
    return body


def _rename(element: Any, inline: bool) -> None:
    tag = element.tag
    if tag in _RENAMED:
        element.tag = _RENAMED[tag]
    elif tag == "head":
        rend = element.get("rend") or ""
        element.tag = rend if rend in ("h1", "h2", "h3", "h4", "h5", "h6") else "h3"
    elif tag == "list":
        element.tag = element.get("rend") if element.get("rend") in ("ol", "dl") else "ul"
    elif tag == "item":
        rend = element.get("rend") or ""
        element.tag = "dt" if rend.startswith("dt") else "dd" if rend.startswith("dd") else "li"
    elif tag == "quote":
        element.tag = "q" if inline else "blockquote"
    elif tag == "code":
        element.tag = "code" if inline else "pre"
    elif tag == "cell":
        element.tag = "th" if element.get("role") == "head" else "td"


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
