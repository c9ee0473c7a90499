"""The Quotes panel: every quotation in reading order, with who said it and how the text says so.

A list model with rows of one height, so an article with tens of thousands of quotes
fills the panel at once; the full quotation is in each row's tooltip.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (QApplication, QListView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QVBoxLayout, QWidget)

from reader.analysis.model import Analysis
from reader.document.article import Article
from reader.ui import theme as themes
from reader.ui.speaker_label import speaker_label

START_ROLE = Qt.ItemDataRole.UserRole
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 1
WORDS_ROLE = Qt.ItemDataRole.UserRole + 2
"""The quotation's words alone, for the first of the delegate's two lines."""
PADDING = 5
EXCERPT_CHARS = 160
TOOLTIP_CHARS = 600

Index = QModelIndex | QPersistentModelIndex


class QuoteRow(NamedTuple):
    start: int
    end: int
    speaker: str
    cue: str | None
    how: str = ""
    """How the text gives the speaker (see :mod:`reader.ui.speaker_label`)."""


class QuotesModel(QAbstractListModel):
    """Quotes as rows of two lines: the words (cut to fit), then the speaker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QuoteRow] = []
        self._text = ""

    def set_rows(self, text: str, rows: list[QuoteRow]) -> None:
        self.beginResetModel()
        self._text, self._rows = text, rows
        self.endResetModel()

    def _words(self, row: QuoteRow, limit: int) -> str:
        """The quote on one line, cut at a word near ``limit`` characters (only what is shown is read)."""
        words = " ".join(self._text[row.start:min(row.end, row.start + 2 * limit)].split())
        if row.end - row.start <= 2 * limit and len(words) <= limit:
            return words
        return words[:limit].rsplit(" ", 1)[0] + " …"

    @staticmethod
    def _speaker(row: QuoteRow) -> str:
        return f"{row.speaker} ({row.how})" if row.how else row.speaker

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._words(row, EXCERPT_CHARS)}\n— {self._speaker(row)}"
        if role == WORDS_ROLE:
            return self._words(row, EXCERPT_CHARS)
        if role == SPEAKER_ROLE:
            return self._speaker(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            said = f"{row.speaker} ({row.cue})" if row.cue else row.speaker
            how = f"\nSpeaker {row.how}" if row.how else ""
            return f"{self._words(row, TOOLTIP_CHARS)}\n\n— {said}{how}"
        if role == START_ROLE:
            return row.start
        return None


def quote_rows(article: Article, analysis: Analysis) -> list[QuoteRow]:
    rows = []
    for quote in sorted(analysis.quotes, key=lambda q: q.start):
        who = speaker_label(article.text, analysis, quote)
        rows.append(QuoteRow(quote.start, quote.end, who.name, quote.cue, who.how))
    return rows


class QuoteDelegate(QStyledItemDelegate):
    """Two lines per quote, each cut to the panel's width: the words, then the speaker
    in a quieter colour, beside a bar in the quote colour as in the text."""

    def __init__(self, theme: themes.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(10, 2 * option.fontMetrics.lineSpacing() + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        option.text = ""  # the two lines are drawn below (Qt made the display text's line break a U+2028)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(PADDING + 6, PADDING, -PADDING, -PADDING)
        metrics = option.fontMetrics
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.fillRect(option.rect.left() + 2, rect.top() + 1, 3, rect.height() - 2,
                         QColor(self.theme.kinds["quote"].line))
        words = str(index.data(WORDS_ROLE) or "")
        ink = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.setPen(ink)
        painter.drawText(rect.left(), rect.top() + metrics.ascent(),
                         metrics.elidedText(words, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setPen(ink if selected else QColor(self.theme.muted))
        speaker = f"— {index.data(SPEAKER_ROLE)}"
        painter.drawText(rect.left(), rect.top() + metrics.lineSpacing() + metrics.ascent(),
                         metrics.elidedText(speaker, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


class QuotesPanel(QWidget):
    """A list of quotations; activating one reports where it starts.

    Signals:
        quote_activated(int): the start of the quote in ``Article.text``.
    """

    quote_activated = Signal(int)

    def __init__(self, theme: themes.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QuotesModel(self)
        self.delegate = QuoteDelegate(theme, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.clicked.connect(self._activated)
        self.list.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list)

    def set_theme(self, theme: themes.Theme) -> None:
        self.delegate.theme = theme
        self.list.viewport().update()

    def set_analysis(self, article: Article | None, analysis: Analysis | None) -> None:
        if article is None or analysis is None:
            self.model.set_rows("", [])
        else:
            self.model.set_rows(article.text, quote_rows(article, analysis))

    def _activated(self, index: QModelIndex) -> None:
        self.quote_activated.emit(int(index.data(START_ROLE)))
