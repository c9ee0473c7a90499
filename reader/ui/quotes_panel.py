"""The Quotes panel: every quotation in reading order, with who said it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.analysis.model import Analysis
from reader.document.article import Article

START_ROLE = Qt.ItemDataRole.UserRole
EXCERPT_CHARS = 140


class QuotesPanel(QWidget):
    """A list of quotations; activating one reports where it starts.

    Signals:
        quote_activated(int): the start of the quote in ``Article.text``.
    """

    quote_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list)

    def set_analysis(self, article: Article | None, analysis: Analysis | None) -> None:
        self.list.clear()
        if article is None or analysis is None:
            return
        for quote in sorted(analysis.quotes, key=lambda q: q.start):
            speaker = analysis.actor(quote.speaker)
            if speaker is not None:
                who = speaker.name
            elif quote.speaker_start is not None and quote.speaker_end is not None:
                who = article.text[quote.speaker_start:quote.speaker_end]
            else:
                who = "Speaker unknown"
            text = " ".join(article.text[quote.start:quote.end].split())
            if len(text) > EXCERPT_CHARS:
                text = text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
            item = QListWidgetItem(f"{text}\n— {who}", self.list)
            item.setData(START_ROLE, quote.start)
            item.setToolTip(f"Said by {who}" + (f" ({quote.cue})" if quote.cue else ""))

    def _activated(self, item: QListWidgetItem) -> None:
        self.quote_activated.emit(int(item.data(START_ROLE)))
