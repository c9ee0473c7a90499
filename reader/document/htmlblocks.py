"""Walk an HTML tree into article blocks and inline styles.

Shared by the HTML loader and the Markdown loader (Markdown is rendered to HTML first),
so both keep headings, lists, block quotes, emphasis and links the same way. Only text is
taken from the tree: scripts, styles, forms, images and embedded objects are dropped, and
no tag is ever shown as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from reader.document.article import BlockKind, Style, StyleKind, TextBuilder
from reader.document.invisible import markup_without_invisible
from reader.document.plaintext import join_hyphen_breaks

DROPPED = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "form",
    "input", "button", "select", "textarea", "option", "svg", "math", "canvas", "img", "picture",
    "video", "audio", "source", "track", "map", "area", "link", "meta", "head", "title", "dialog",
})
HEADINGS = {f"h{i}": i for i in range(1, 7)}
INLINE_STYLES: dict[str, StyleKind] = {
    "em": "emphasis", "i": "emphasis", "cite": "emphasis", "strong": "strong", "b": "strong",
    "code": "code", "kbd": "code", "samp": "code", "tt": "code",
}
BLOCK_CONTAINERS = frozenset({
    "div", "section", "article", "main", "body", "html", "header", "footer", "nav", "aside",
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "figure", "details", "hgroup",
    "address", "fieldset", "center",
})
LEAF_BLOCKS = frozenset({"p", "dd", "dt", "td", "th", "figcaption", "summary", "caption", "hr"})
_SPACE = re.compile(r"\s+")


@dataclass
class _Buffer:
    """The inline text of the block being collected, with styles relative to it."""

    kind: BlockKind = "paragraph"
    level: int = 0
    ordinal: int | None = None
    parts: list[str] = field(default_factory=list)
    length: int = 0
    styles: list[Style] = field(default_factory=list)

    def add(self, text: str, preformatted: bool = False) -> None:
        if not text:
            return
        if not preformatted:
            text = _SPACE.sub(" ", join_hyphen_breaks(text))
            if (not self.parts or self.parts[-1].endswith((" ", "\n"))) and text.startswith(" "):
                text = text[1:]
        else:
            text = re.sub(r"\n\s*\n", "\n", text)
        self.parts.append(text)
        self.length += len(text)


class BlockWalker:
    """Collect blocks from an element tree into a :class:`TextBuilder`."""

    def __init__(self) -> None:
        self.builder = TextBuilder()
        self._buffer = _Buffer()
        self._quote_depth = 0
        self._list_depth = 0

    def walk(self, element: lxml_html.HtmlElement) -> None:
        self._element(element, preformatted=False)
        self._flush()

    # -- internals ---------------------------------------------------------------------

    def _flush(self) -> None:
        buf = self._buffer
        text = "".join(buf.parts)
        self.builder.add_block(buf.kind, text, buf.level, buf.ordinal, buf.styles)
        self._buffer = _Buffer(kind="quote" if self._quote_depth else "paragraph")

    def _start_block(self, kind: BlockKind, level: int = 0, ordinal: int | None = None) -> None:
        self._flush()
        self._buffer = _Buffer(kind=kind, level=level, ordinal=ordinal)

    def _element(self, el: lxml_html.HtmlElement, preformatted: bool) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in DROPPED:  # comments, processing instructions, dropped tags
            self._buffer.add(el.tail or "", preformatted)
            return
        if tag in HEADINGS:
            self._start_block("heading", HEADINGS[tag])
            self._children(el, preformatted)
            self._flush()
        elif tag == "blockquote":
            self._flush()
            self._quote_depth += 1
            self._buffer = _Buffer(kind="quote")
            self._children(el, preformatted)
            self._flush()
            self._quote_depth -= 1
            self._buffer = _Buffer(kind="quote" if self._quote_depth else "paragraph")
        elif tag in ("ul", "ol"):
            self._flush()
            self._list_depth += 1
            number = _int(el.get("start"), 1)
            for child in el:
                if isinstance(child.tag, str) and child.tag.lower() == "li":
                    self._start_block("list_item", self._list_depth, number if tag == "ol" else None)
                    self._children(child, preformatted)
                    self._flush()
                    number += 1
                    self._buffer.add(child.tail or "", preformatted)
                else:
                    self._element(child, preformatted)
            self._list_depth -= 1
            self._flush()
        elif tag == "pre":
            self._start_block("code")
            self._children(el, True)
            self._flush()
        elif tag in LEAF_BLOCKS or tag == "li":
            kind: BlockKind = "quote" if self._quote_depth else ("list_item" if tag == "li" else "paragraph")
            self._start_block(kind, self._list_depth if tag == "li" else 0)
            self._children(el, preformatted)
            self._flush()
        elif tag in BLOCK_CONTAINERS:
            self._flush()
            self._children(el, preformatted)
            self._flush()
        elif tag == "br":
            self._line_break()
        else:
            self._inline(el, tag, preformatted)
            return
        self._buffer.add(el.tail or "", preformatted)

    def _line_break(self) -> None:
        """A break ends a line; a second one in a row (``<br><br>``) ends a paragraph.

        A blank line separates blocks in ``Article.text``, so none may stay inside one.
        """
        buf = self._buffer
        last = next((part.rstrip(" ") for part in reversed(buf.parts) if part.rstrip(" ")), "")
        if not last.endswith("\n"):
            buf.add("\n", True)
        elif buf.kind in ("paragraph", "quote"):
            self._start_block(buf.kind)

    def _inline(self, el: lxml_html.HtmlElement, tag: str, preformatted: bool) -> None:
        start = self._buffer.length
        self._children(el, preformatted)
        end = self._buffer.length
        kind = INLINE_STYLES.get(tag)
        href = el.get("href") if tag == "a" else None
        if end > start and (kind or href):
            self._buffer.styles.append(Style(kind or "link", start, end, href.strip() if href else None))
        self._buffer.add(el.tail or "", preformatted)

    def _children(self, el: lxml_html.HtmlElement, preformatted: bool) -> None:
        self._buffer.add(el.text or "", preformatted)
        for child in el:
            self._element(child, preformatted)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_ELEMENTS = etree.ElementDefaultClassLookup(element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
                                            pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity)
"""Every element an ``HtmlElement``, chosen in C: lxml.html's own lookup runs Python for each
element Python touches (to make forms and inputs classes of their own, which Reader never
uses), a twentieth of the time a saved page takes."""


_XML_DECLARATION = re.compile(r"\s*<\?xml\b[^>]*\?>")
"""An XHTML page's first line (``<?xml version="1.0" encoding="windows-1252"?>``): lxml refuses
a decoded string that still names an encoding, and the text is decoded already."""


def parse_fragment(markup: str) -> lxml_html.HtmlElement:
    """Parse HTML (a document or a fragment) into an element tree without running anything, and
    without the characters a browser never shows (:mod:`reader.document.invisible`)."""
    markup = markup_without_invisible(markup)
    declaration = _XML_DECLARATION.match(markup)
    if declaration:
        markup = markup[declaration.end():]
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    parser.set_element_class_lookup(_ELEMENTS)
    try:
        return lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):  # empty or only white space / comments
        return lxml_html.document_fromstring("<p></p>", parser=parser)
