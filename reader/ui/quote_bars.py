"""The bars in the reading view's left margin beside every line of a quotation.

A quotation is marked by a tint over its words too, but a tint alone does not show where a
quotation of several paragraphs begins and ends; a bar beside its lines does, at a glance,
and it is painted over the viewport after Qt has drawn the text, so it costs nothing to lay out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.analysis.model import Quote
from reader.ui import typesetting
from reader.ui.offsets import PositionMap

BAR_WIDTH = 3
BAR_LEFT = typesetting.DOCUMENT_MARGIN - 18
"""The bar's left edge in the viewport: in the document's margin, clear of the text."""


def paint_quote_bars(view: QTextEdit, area: QRect, quotes: Sequence[Quote], starts: Sequence[int],
                     positions: PositionMap, color: QColor) -> None:
    """Paint a bar beside every line of the ``quotes`` (by start; ``starts`` are theirs) that meet
    ``area`` of ``view``'s viewport."""
    top = view.cursorForPosition(QPoint(typesetting.DOCUMENT_MARGIN, area.top())).position()
    bottom = view.cursorForPosition(QPoint(typesetting.DOCUMENT_MARGIN, area.bottom())).position()
    first, last = positions.to_py(top), positions.to_py(bottom)
    painter = QPainter(view.viewport())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    for quote in quotes[:bisect_right(starts, last)]:
        if quote.end < first:
            continue
        start = QTextCursor(view.document())
        start.setPosition(positions.to_qt(quote.start))
        end = QTextCursor(view.document())
        end.setPosition(positions.to_qt(max(quote.start, quote.end - 1)))
        y1, y2 = view.cursorRect(start).top(), view.cursorRect(end).bottom()
        painter.drawRoundedRect(QRect(BAR_LEFT, y1 + 2, BAR_WIDTH, max(4, y2 - y1 - 4)), 1.5, 1.5)
    painter.end()
