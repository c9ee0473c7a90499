"""The status bar: the last message, what the loader had to guess about the article, a
progress bar while the analysis runs and the markup is applied, and what the analysis found."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from reader.analysis.model import Analysis

MARKING_UP = "Marking up the text…"


class StatusBar(QStatusBar):
    """Messages on the left; progress and the counts of actors and quotes on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(self)
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

    def show_text(self, text: str) -> None:
        self.message.setText(text)

    def article_shown(self, characters: int, notice: str | None) -> None:
        """A new article: its length, and the loader's notice about it (e.g. no article found)."""
        self._analysed = False
        self.summary.clear()
        self.notice.setText(notice or "")
        self.show_text(f"{characters:,} characters")

    def analysis_started(self) -> None:
        self.progress.setRange(0, 0)  # busy, with no end known
        self.progress.show()

    def analysis_ready(self, analysis: Analysis) -> None:
        self._analysed = True
        self.summary.setText(f"{len(analysis.actors):,} actors · {len(analysis.quotes):,} quotes")

    def analysis_failed(self) -> None:
        self.progress.hide()

    def markup_progress(self, done: int, total: int) -> None:
        """Highlights applied so far of ``total``; the bar goes once all are drawn."""
        if total and done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.show()
            self.show_text(MARKING_UP)
        elif self._analysed:
            self.progress.hide()
            if self.message.text() == MARKING_UP:
                self.show_text("Ready")
