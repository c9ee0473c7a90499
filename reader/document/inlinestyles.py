"""Emphasis and links of a web page, carried onto the blocks trafilatura kept.

Trafilatura is run with the settings of its published figures, formatting and links
left out: asked to keep links it also keeps stray link lines ("Read also: …") as
paragraphs of their own, which costs precision. So the page itself is walked as well,
and every extracted block whose text is a block of the page, character for character
(both come out of the same walker), gets that block's inline styles back.
"""

from __future__ import annotations

from bisect import bisect_right
from urllib.parse import urljoin, urlsplit

from reader.document.article import Block, Style, StyleKind

Placed = tuple[int, int, StyleKind, str | None]
"""A style relative to the start of its block: ``(start, end, kind, href)``."""


def index(text: str, blocks: list[Block], styles: list[Style]) -> dict[str, list[Placed]]:
    """The styles of each styled block, keyed by the block's text (the first such block wins)."""
    starts = [b.start for b in blocks]
    by_block: dict[int, list[Placed]] = {}
    for style in styles:
        i = bisect_right(starts, style.start) - 1
        if i >= 0 and style.end <= blocks[i].end:
            by_block.setdefault(i, []).append((style.start - starts[i], style.end - starts[i], style.kind, style.href))
    found: dict[str, list[Placed]] = {}
    for i, placed in sorted(by_block.items()):
        found.setdefault(text[blocks[i].start:blocks[i].end], sorted(placed, key=lambda p: (p[0], p[1])))
    return found


def carry(text: str, blocks: list[Block], page: dict[str, list[Placed]]) -> list[Style]:
    """Styles for the extracted ``blocks`` from the page's blocks of the same text."""
    styles = []
    for block in blocks:
        for start, end, kind, href in page.get(text[block.start:block.end], ()):
            styles.append(Style(kind, block.start + start, block.start + end, href))
    return styles


def resolve(styles: list[Style], base: str | None) -> list[Style]:
    """Relative link targets made absolute against the page's own web address, if it has one.

    A saved news page links "/news/other-story" meaning its own site, not a file on this
    computer. Fragments ("#note-1") stay as they are: they point inside the article.
    """
    try:
        if not base or urlsplit(base).scheme.lower() not in ("http", "https"):
            return styles
    except ValueError:
        return styles
    resolved = []
    for style in styles:
        href = style.href
        if href and not href.startswith("#") and _relative(href):
            style = Style(style.kind, style.start, style.end, urljoin(base, href))
        resolved.append(style)
    return resolved


def _relative(href: str) -> bool:
    try:
        return not urlsplit(href).scheme
    except ValueError:  # malformed: left as it is, and never followed
        return False
