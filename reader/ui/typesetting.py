"""How an article is set in a ``QTextDocument``: header, blocks, spacing, character formats.

The document holds one Qt block per line of ``Article.text``: the blank line between
paragraphs becomes a short spacer block, and a line break inside a block a Unicode line
separator, so every character keeps its place and a Qt position differs from a text
index only by the header in front and by UTF-16 (see :mod:`reader.ui.offsets`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import (QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument, QTextFormat, QTextListFormat)

from reader.document.article import Article, Block
from reader.ui import markup, theme as themes
from reader.ui.markup import Run
from reader.ui.offsets import PositionMap

BASE_POINT_SIZE = 13.0
ZOOM_STEP = 1.0
DOCUMENT_MARGIN = 40
HEADING_SIZE = {1: 2, 2: 1}  # FontSizeAdjustment: 2 = 1.5x, 1 = 1.2x; deeper levels stay body size
TITLE_SIZE = 2
SPACER_PERCENT = 55
LIST_SPACER_PERCENT = 12
MONOSPACE = ["DejaVu Sans Mono", "monospace"]
PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
EMPTY_ARTICLE = "This article is empty: the file holds no text to show."

FormatKey = tuple[str, int, markup.StyleKey, str | None, bool, bool]
"""Block kind, heading level, inline styles, actor kind shown, quote shown, shown as a role phrase."""


def body_font(zoom: int) -> QFont:
    font = QFont()
    font.setFamilies(themes.SERIF)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(BASE_POINT_SIZE + ZOOM_STEP * zoom)
    return font


def format_key(article: Article, run: Run, hidden: set[str], automatic: bool = True) -> FormatKey:
    """What decides the look of ``run``; ``automatic=False`` leaves the analysis out."""
    block = article.blocks[run.block] if run.block >= 0 else None
    kind = run.kind if automatic and run.kind not in hidden else None
    quote = automatic and run.quote and "quote" not in hidden
    return (block.kind if block else "", block.level if block else 0, run.styles, kind, quote,
            kind is not None and run.described)


def markup_ops(article: Article, runs: list[Run], hidden: set[str],
               automatic: bool = True) -> list[tuple[int, int, FormatKey]]:
    """``(start, end, key)`` for every run the analysis marks that shows with ``hidden``
    kinds hidden; ``automatic=False`` gives the plain look of all of them (to undo)."""
    blocks = [(b.kind, b.level) for b in article.blocks]
    show_quotes = automatic and "quote" not in hidden
    ops = []
    for run in runs:
        if run.kind is None and not run.quote:
            continue
        kind = run.kind if automatic and run.kind not in hidden else None
        quote = show_quotes and run.quote
        if automatic and kind is None and not quote:
            continue
        block_kind, level = blocks[run.block] if run.block >= 0 else ("", 0)
        described = kind is not None and run.described
        ops.append((run.start, run.end, (block_kind, level, run.styles, kind, quote, described)))
    return ops


def replacement_ops(article: Article, old: list[Run], new: list[Run],
                    hidden: set[str]) -> list[tuple[int, int, FormatKey]]:
    """Ops that turn the look of ``old`` runs into the look of ``new`` ones: every new run that
    shows something or lies under an old run that did, with its whole format.

    The new runs cover the text without overlapping, so these ops may be applied in any
    order (the view applies the ones on screen first).
    """
    marked = sorted((r.start, r.end) for r in old if r.kind is not None or r.quote)
    ops = []
    i = 0
    for run in new:
        while i < len(marked) and marked[i][1] <= run.start:
            i += 1
        under_old = i < len(marked) and marked[i][0] < run.end
        if run.kind is not None or run.quote or under_old:
            ops.append((run.start, run.end, format_key(article, run, hidden)))
    return ops


class Formats:
    """Character formats by :data:`FormatKey`, made once per theme."""

    def __init__(self, theme: themes.Theme) -> None:
        self.theme = theme
        self._cache: dict[FormatKey, QTextCharFormat] = {}

    def get(self, key: FormatKey) -> QTextCharFormat:
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._cache[key] = self._make(key)
        return fmt

    def _make(self, key: FormatKey) -> QTextCharFormat:
        block_kind, level, styles, kind, quote, described = key
        theme = self.theme
        fmt = QTextCharFormat()
        if block_kind == "heading":
            fmt.setFontWeight(QFont.Weight.Bold)
            if level in HEADING_SIZE:
                fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE[level])
        if block_kind == "code":
            fmt.setFontFamilies(MONOSPACE)
            fmt.setFontFixedPitch(True)
        for style, href in styles:
            if style == "emphasis":
                fmt.setFontItalic(True)
            elif style == "strong":
                fmt.setFontWeight(QFont.Weight.Bold)
            elif style == "code":
                fmt.setFontFamilies(MONOSPACE)
                fmt.setFontFixedPitch(True)
                fmt.setBackground(QColor(theme.chrome))
            elif style == "link" and href:
                fmt.setAnchor(True)
                fmt.setAnchorHref(href)
                fmt.setForeground(QColor(theme.link))
                fmt.setFontUnderline(True)
                fmt.setUnderlineColor(QColor(theme.link))
        if quote and (ink := theme.kinds["quote"].ink):
            fmt.setForeground(QColor(ink))
        if kind is not None:
            # A role phrase ("the NATO chief") is its actor's, told apart from a name: a paler
            # tint and a dotted line.
            style_ = theme.kinds[kind]
            fmt.setBackground(theme.described_tint(kind) if described else QColor(style_.tint))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine if described
                                  else QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(style_.line))
        return fmt


def typeset(article: Article, formats: Formats, font: QFont, parent: QObject) -> tuple[QTextDocument, PositionMap]:
    """A new document with the article's header and text in its structure formats."""
    doc = QTextDocument(parent)
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(DOCUMENT_MARGIN)
    doc.setDefaultFont(font)
    cursor = QTextCursor(doc)
    base = _insert_header(cursor, article, formats.theme)
    _insert_body(cursor, article, formats)
    return doc, PositionMap(article.text, base)


def header_lines(article: Article) -> tuple[str, str]:
    """The header, the same for every format: a line of date, author, site and file name, then
    the title, unless the text shows it first itself (a first heading that is the title, set
    as large) or the title is only the start of the text (what a plain text without a title
    gets), which would say it twice."""
    name = Path(article.source).name if article.source else ""
    meta = " · ".join(x for x in (long_date(article.date), article.author or "", article.site or "", name) if x)
    title = " ".join(article.title.split())
    if _is_lead(title, article.text) or _is_first_heading(article) or (name and title == Path(name).stem):
        title = ""  # the text, or the file name beside the date, already says it
    return meta, title


def _is_lead(title: str, text: str) -> bool:
    """Whether ``title`` is only the first words of ``text``."""
    lead = title.removesuffix("…").strip()
    return bool(lead) and " ".join(text[:len(lead) * 2 + 64].split()).startswith(lead)


def _is_first_heading(article: Article) -> bool:
    first = article.blocks[0] if article.blocks else None
    return (first is not None and first.kind == "heading"
            and " ".join(article.text[first.start:first.end].split()) == " ".join(article.title.split()))


def _insert_header(cursor: QTextCursor, article: Article, theme: themes.Theme) -> int:
    """The header above the text (:func:`header_lines`); returns where the body starts.

    An article with no text says so where its text would be (that line is header, not text).
    """
    meta, title = header_lines(article)
    if meta:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(theme.muted))
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
        block = QTextBlockFormat()
        block.setBottomMargin(10 if title or _is_first_heading(article) else 22)
        cursor.setBlockFormat(block)
        cursor.insertText(meta, fmt)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    if title:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, TITLE_SIZE)
        block = QTextBlockFormat()
        block.setLineHeight(120, PROPORTIONAL)
        block.setBottomMargin(22)
        cursor.setBlockFormat(block)
        cursor.insertText(title, fmt)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    if not article.text.strip():
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(theme.muted))
        fmt.setFontItalic(True)
        cursor.insertText(EMPTY_ARTICLE, fmt)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    return cursor.position()


def _insert_body(cursor: QTextCursor, article: Article, formats: Formats) -> None:
    """Insert the text run by run: a newline between blocks starts a spacer block."""
    text, blocks = article.text, article.blocks
    spacer, tight = QTextBlockFormat(), QTextBlockFormat()
    spacer.setLineHeight(SPACER_PERCENT, PROPORTIONAL)
    tight.setLineHeight(LIST_SPACER_PERCENT, PROPORTIONAL)
    current, previous = -2, -1
    for run in markup.structure_runs(article):
        chunk = text[run.start:run.end]
        if run.block != current:
            current = run.block
            if run.block >= 0:
                previous = run.block
                _start_block(cursor, blocks[run.block], formats.theme)
        fmt = formats.get(format_key(article, run, set(), automatic=False))
        if run.block >= 0:
            cursor.insertText(_inline(chunk), fmt)
            continue
        # Between two items of a list the gap is narrower than between paragraphs.
        between_items = (0 <= previous < len(blocks) - 1 and blocks[previous].kind == "list_item"
                         and blocks[previous + 1].kind == "list_item")
        for i, line in enumerate(chunk.split("\n")):
            if i:
                cursor.insertBlock(tight if between_items else spacer, fmt)
            if line:
                cursor.insertText(_inline(line), fmt)


def _start_block(cursor: QTextCursor, block: Block, theme: themes.Theme) -> None:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(themes.LINE_HEIGHT_PERCENT, PROPORTIONAL)
    if block.kind == "heading":
        fmt.setLineHeight(125, PROPORTIONAL)
        fmt.setTopMargin(10)
        fmt.setHeadingLevel(block.level)
    elif block.kind == "quote":
        fmt.setLeftMargin(28)
        fmt.setRightMargin(12)
    elif block.kind == "code":
        fmt.setLineHeight(115, PROPORTIONAL)
        fmt.setNonBreakableLines(True)
        fmt.setBackground(QColor(theme.chrome))
        fmt.setLeftMargin(8)
    cursor.setBlockFormat(fmt)
    if block.kind == "list_item":
        style = QTextListFormat()
        style.setIndent(max(1, block.level))
        if block.ordinal is not None:
            style.setStyle(QTextListFormat.Style.ListDecimal)
            style.setStart(block.ordinal)
        else:
            style.setStyle(QTextListFormat.Style.ListDisc if block.level <= 1 else QTextListFormat.Style.ListCircle)
        cursor.createList(style)


def _inline(text: str) -> str:
    """Text inside one block as Qt wants it: a line break keeps its length."""
    return text.replace("\n", "\u2028").replace("\u2029", "\u2028").replace("\r", " ")


def long_date(iso: str | None) -> str:
    """``2022-03-04`` → ``Friday, 4 March 2022`` (or the text as given if it is not a date)."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{_DAYS[d.weekday()]}, {d.day} {_MONTHS[d.month - 1]} {d.year}"


# English like the rest of the interface, whatever the C locale says.
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
