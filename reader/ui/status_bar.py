"""The status bar: the last message, what the loader had to guess about the article, a
progress bar while the analysis runs and the markup is applied, and what the analysis found.

A message is news, not a state: it goes after :data:`MESSAGE_MS` (the reader has read it
or missed it; either way an old "Highlighted." must not describe the present). What stays
is said by the widgets on the right: the loader's notice, the progress, the counts.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QStatusBar, QWidget

from reader.analysis.model import Analysis
from reader.ui.legend import mention_count

MARKING_UP = "Marking up the text…"
MESSAGE_MS = 6000
"""How long a message stays; one shown while the text is being marked up stays until it is done."""


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``1 actor``, ``3 actors``: a number with what it counts."""
    return f"{count:,} {singular if count == 1 else plural or singular + 's'}"


class MessageLabel(QLabel):
    """One line that takes the room the status bar has: a longer text is cut with "…" and
    shown whole in the tooltip. A plain label asks for its whole text's width, which the
    window then cannot be narrowed below (a long message made it wider than the screen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def clear(self) -> None:
        self.setText("")

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        room = self.contentsRect()
        line = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room.width())
        painter = QPainter(self)
        self.style().drawItemText(painter, room, int(self.alignment()), self.palette(), self.isEnabled(),
                                  line, self.foregroundRole())
        painter.end()


class StatusBar(QStatusBar):
    """Messages on the left; progress and the counts of actors, mentions and quotes on the right.

    Attributes:
        message_ms: how long a message stays (tests shorten it).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = MessageLabel(self)
        self.message.setObjectName("status")
        self.notice = QLabel(self)
        self.summary = QLabel(self)
        self.progress = QProgressBar(self, textVisible=False)
        self.progress.setMaximumSize(160, 14)
        self.progress.hide()
        self.addWidget(self.message, 1)
        self.addPermanentWidget(self.notice)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.summary)
        self._analysed = False
        self.message_ms = MESSAGE_MS
        self._expiry = QTimer(self, singleShot=True)
        self._expiry.timeout.connect(self._expire)

    def show_text(self, text: str) -> None:
        """Show ``text`` for :attr:`message_ms` (while the markup runs, until it is done)."""
        self.message.setText(text)
        if text and text != MARKING_UP:
            self._expiry.start(self.message_ms)
        else:
            self._expiry.stop()

    def article_shown(self, characters: int, notice: str | None) -> None:
        """A new article: its length, and the loader's notice about it (e.g. no article found)."""
        self._analysed = False
        self.summary.clear()
        self.notice.setText(notice or "")
        self.show_text(f"{counted(characters, 'character')}" if characters else "This article is empty.")

    def analysis_started(self) -> None:
        self.progress.setRange(0, 0)  # busy, with no end known
        self.progress.show()

    def analysis_ready(self, analysis: Analysis) -> None:
        self._analysed = True
        self.summary.setText(" · ".join((counted(len(analysis.actors), "actor"),
                                         mention_count(len(analysis.mentions), len(analysis.references)),
                                         counted(len(analysis.quotes), "quote"))))

    def analysis_failed(self) -> None:
        self.progress.hide()

    def markup_progress(self, done: int, total: int) -> None:
        """Highlights applied so far of ``total``; the bar goes once all are drawn."""
        if total and done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.show()
            if self.message.text() != MARKING_UP:
                self.show_text(MARKING_UP)
        elif self._analysed:
            self.progress.hide()
            if self.message.text() == MARKING_UP:
                self.show_text("Ready")

    def _expire(self) -> None:
        if self.message.text() != MARKING_UP:
            self.message.clear()
