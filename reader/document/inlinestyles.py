"""Emphasis and links of a web page, carried onto the blocks trafilatura kept.

Trafilatura is run with the settings of its published figures, formatting and links
left out: asked to keep links it also keeps stray link lines ("Read also: …") as
paragraphs of their own, which costs precision. So the page's blocks are walked as well,
and every extracted block whose text is a block of the page, character for character
(both come out of the same walker), gets that block's inline styles back.

Only the page's blocks that may give a style are walked (:func:`page_index`): the
menus, teasers and comments of a heavy page are most of it, and their links are not in
the article.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any
from urllib.parse import urljoin, urlsplit

from reader.document.article import Block, Style, StyleKind
from reader.document.htmlblocks import BLOCK_CONTAINERS, DROPPED, HEADINGS, INLINE_STYLES, LEAF_BLOCKS, BlockWalker

Placed = tuple[int, int, StyleKind, str | None]
"""A style relative to the start of its block: ``(start, end, kind, href)``."""


_BLOCKS = frozenset({*HEADINGS, *BLOCK_CONTAINERS, *LEAF_BLOCKS, "blockquote", "ul", "ol", "li", "pre"})
"""The elements :class:`BlockWalker` ends a block at: what is inside one is walked alike on its own."""


def page_index(body: Any, article_text: str) -> dict[str, list[Placed]]:
    """:func:`index` of the page's blocks that hold a styled run of the article's text.

    The same as walking the whole of ``body`` for :func:`carry`, for a fraction of the
    work: a page block can equal an article block only if the text of each of its styles
    is in the article (white space aside), so only the blocks around such a run are
    walked, each on its own (a block's text does not depend on what is around it), in
    the page's order. A block inside a ``pre`` is walked with its ``pre``, which keeps
    white space; one inside an element the walker drops is not walked at all.
    """
    squeezed = "".join(article_text.split())
    found: list[Any] = []
    for element in body.iter(*INLINE_STYLES, "a"):
        run = "".join(element.text_content().split())
        if run and run in squeezed:
            block = _block_of(element)
            if block is not None:
                found.append(block)
    chosen = set(found)
    outermost: dict[Any, None] = {}  # the blocks not inside another, in the order of their first style
    for block in found:
        outermost.setdefault(next((a for a in reversed(list(block.iterancestors())) if a in chosen), block))
    styles: dict[str, list[Placed]] = {}
    for block in outermost:
        walker = BlockWalker()
        walker.walk(block)  # a tail after the block may make a block of its own: it has no styles, so no entry
        built = walker.builder
        for text, placed in index(built.text(), built.blocks, built.styles).items():
            styles.setdefault(text, placed)
    return styles


def _block_of(element: Any) -> Any:
    """The element whose walk holds ``element``'s block, or ``None`` inside a dropped one."""
    block = None
    for ancestor in element.iterancestors():
        tag = ancestor.tag.lower() if isinstance(ancestor.tag, str) else ""
        if tag in DROPPED:
            return None
        if tag == "pre" or (block is None and tag in _BLOCKS):
            block = ancestor
    return block


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
