"""The article model every layer shares: plain text plus its structure.

All offsets are half-open ``[start, end)`` Python ``str`` indices into ``Article.text``,
the text the reading view shows, blocks separated by one blank line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "quote", "list_item", "code"]
StyleKind = Literal["emphasis", "strong", "code", "link"]


@dataclass(frozen=True, slots=True)
class Block:
    """A block of the article: ``level`` is the heading level or list depth (0 otherwise)."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    ordinal: int | None = None  # number of an ordered list item


@dataclass(frozen=True, slots=True)
class Style:
    """An inline style over ``[start, end)``; ``href`` is set for links only."""

    kind: StyleKind
    start: int
    end: int
    href: str | None = None


@dataclass(slots=True)
class Article:
    """A loaded article.

    Attributes:
        text: the plain text shown to the reader; blocks are separated by a blank line.
        blocks: the blocks in order, covering every non-blank stretch of ``text``.
        styles: inline emphasis and links.
        title: first heading, else the page title, else a short lead of the text or file name.
        date: ISO date (``YYYY-MM-DD``) from a date marker or page metadata, if any.
        author: the byline of a saved web page (its metadata), shown in the header.
        site: the name of the site a saved web page came from, shown in the header.
        source: the file it came from, or ``None`` for text given directly.
        format: ``txt``, ``md``, ``html`` or ``text`` (verbatim, as in batch mode).
        notice: a line for the status bar when the loader had to guess, e.g. a web page in
            which no article was found and whose whole text is shown instead.
    """

    text: str
    blocks: list[Block] = field(default_factory=list)
    styles: list[Style] = field(default_factory=list)
    title: str = ""
    date: str | None = None
    author: str | None = None
    site: str | None = None
    source: str | None = None
    format: str = "text"
    notice: str | None = None

    @property
    def content_id(self) -> str:
        """sha256 of the text: the key of the analysis cache and of re-anchoring."""
        return content_id(self.text)


def content_id(text: str) -> str:
    """sha256 of a text, as ``Article.content_id`` and the analysis cache know it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class TextBuilder:
    """Assemble ``Article.text`` block by block so offsets can never drift."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.styles: list[Style] = []

    @property
    def length(self) -> int:
        return self._length

    def add_block(self, kind: BlockKind, text: str, level: int = 0, ordinal: int | None = None,
                  styles: list[Style] | None = None) -> Block | None:
        """Append one block; ``styles`` are relative to ``text``. Blank blocks are skipped."""
        stripped = text.strip()
        if not stripped:
            return None
        lead = len(text) - len(text.lstrip())
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(stripped)
        self._length += len(stripped)
        block = Block(kind, start, self._length, level, ordinal)
        self.blocks.append(block)
        for style in styles or ():
            s = max(0, style.start - lead)
            e = min(len(stripped), style.end - lead)
            if e > s:
                self.styles.append(Style(style.kind, start + s, start + e, style.href))
        return block

    def text(self) -> str:
        return "".join(self._parts)


def plain_blocks(text: str) -> list[Block]:
    """Paragraph blocks of a plain text: maximal runs separated by blank lines."""
    blocks: list[Block] = []
    pos = 0
    n = len(text)
    while pos < n:
        # skip blank lines / white space between paragraphs
        while pos < n and text[pos].isspace():
            pos += 1
        if pos >= n:
            break
        end = _paragraph_end(text, pos)  # a line of only spaces also separates paragraphs
        stop = end
        while stop > pos and text[stop - 1].isspace():
            stop -= 1
        blocks.append(Block("paragraph", pos, stop))
        pos = end
    return blocks


def _paragraph_end(text: str, pos: int) -> int:
    """Index of the first blank line (a line of only white space) after ``pos``, or len."""
    n = len(text)
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            return n
        nxt = text.find("\n", nl + 1)
        line = text[nl + 1 : nxt if nxt >= 0 else n]
        if not line.strip():
            return nl
        pos = nl + 1
