"""The main area of the window: the reading view or one of the library's pages, under the bar of an add.

:class:`Pages` shows one page at a time: *Reading* (the article view, with its panels
around it) or a page of the library (Library, Actors, Quotations), each of which gets
the whole window. The panels belong to the article, so they step aside while another
page is shown and come back with the Reading page (and before the window saves its
layout on closing, so that the next start has them where the reader left them).

Above the pages, :class:`AddProgress` shows an add or update of the library while it
runs (what it is doing, how far, an estimate of the time left, Cancel) and its summary
when it ends, whichever page is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QFrame, QHBoxLayout, QLabel, QMainWindow, QMessageBox,
                               QProgressBar, QPushButton, QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from reader.library import AddReport, Progress
from reader.library.records import Outcome

SUMMARY_MS = 12_000
"""How long the summary of an add that went well stays before the bar hides itself."""


def duration(seconds: float) -> str:
    """A time left as people say it: "a few seconds", "40 s", "3 min", "1 h 05 min"."""
    if seconds < 10:
        return "a few seconds"
    if seconds < 60:
        return f"{round(seconds / 5) * 5} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


def describe_progress(p: Progress) -> str:
    """One line for the bar: what the add does now, how far it is, and the time left."""
    if p.phase == "scanning":
        return "Looking for articles…"
    if p.phase in ("indexing", "done"):
        return f"Indexing actors and quotations of {p.total:,} article{'s' * (p.total != 1)}…"
    left = f" · about {duration(p.seconds_left)} left" if p.seconds_left is not None else ""
    analysed = f" · {p.analysed:,} analysed" if p.analysed else ""
    return f"Adding articles: {p.done:,} of {p.total:,}{analysed}{left}"


def describe_report(report: AddReport) -> str:
    """What an add did, in one line."""
    outcomes: tuple[Outcome, ...] = ("added", "changed", "moved", "unchanged")
    parts = [f"{report.count(o):,} {o}" for o in outcomes if report.count(o)]
    if report.analysed:
        parts.append(f"{report.analysed:,} analysed")
    if report.refused:
        parts.append(f"{len(report.refused):,} could not be added")
    done = ", ".join(parts) if parts else "no articles found"
    if report.cancelled:
        return f"Adding stopped: {done}. What was added is kept."
    return f"Library: {done}."


class KeysInto(QObject):
    """From a filter field into the list it filters: the keys in ``keys`` (Down, say) call ``enter``."""

    def __init__(self, field: QWidget, enter: Callable[[], object],
                 keys: tuple[Qt.Key, ...] = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)) -> None:
        super().__init__(field)
        self._enter, self._keys = enter, keys
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in self._keys \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._enter()
            return True
        return False


def focus_row(view: QAbstractItemView, row: int) -> bool:
    """Put the keyboard on ``row`` of ``view`` (selected); False when there is no such row."""
    index = view.model().index(row, 0)
    if not index.isValid():
        return False
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    view.setCurrentIndex(index)
    view.scrollTo(index)
    return True


class AddProgress(QFrame):
    """The bar of an add: a line of text, a progress bar and Cancel; then the summary.

    Signals:
        cancel_requested(): the reader pressed Cancel.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add-progress")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(260)
        self.bar.setTextVisible(False)  # the line beside it says how far
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setToolTip("Stop adding; what was added so far is kept")
        self.cancel.clicked.connect(self._cancel)
        self.details = QPushButton("Details…", self)
        self.details.clicked.connect(self._show_details)
        self.dismiss = QToolButton(self)
        self.dismiss.setText("✕")
        self.dismiss.setToolTip("Hide this bar")
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        for widget in (self.cancel, self.details, self.dismiss):
            layout.addWidget(widget)
        self._refused: list[str] = []
        self._hide_timer = QTimer(self, singleShot=True, interval=SUMMARY_MS)
        self._hide_timer.timeout.connect(self.hide)
        self.hide()

    def started(self, paths: Sequence[str]) -> None:
        """An add began: a busy bar until the files are counted."""
        self._hide_timer.stop()
        what = "Updating the library" if not paths else "Looking for articles"
        self.label.setText(f"{what}…")
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel.setEnabled(True)
        self.cancel.show()
        self.details.hide()
        self.dismiss.hide()
        self.show()

    def set_progress(self, progress: Progress) -> None:
        self.label.setText(describe_progress(progress))
        if progress.phase in ("scanning", "indexing", "done") or not progress.total:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(progress.done)
        self.show()

    def stopping(self) -> None:
        """Cancel was pressed: the workers stop, what came back is indexed."""
        self.cancel.setEnabled(False)
        self.label.setText("Stopping: keeping what was added…")

    def finished(self, report: AddReport, more: bool) -> None:
        """An add ended; ``more`` when another one is queued behind it."""
        self._refused = [f"{f.path}: {f.reason}" for f in report.refused]
        self.label.setText(describe_report(report))
        if more:
            return
        self.bar.hide()
        self.cancel.hide()
        self.details.setVisible(bool(self._refused))
        self.dismiss.show()
        if not self._refused:
            self._hide_timer.start()

    def failed(self, message: str) -> None:
        self.label.setText(f"Adding failed: {message}")
        self.bar.hide()
        self.cancel.hide()
        self.details.hide()
        self.dismiss.show()

    def _cancel(self) -> None:
        self.stopping()
        self.cancel_requested.emit()

    def _show_details(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Files not added",
                          f"{len(self._refused)} file{'s' * (len(self._refused) != 1)} could not be added:",
                          QMessageBox.StandardButton.Close, self)
        box.setDetailedText("\n".join(self._refused))
        box.setInformativeText("\n".join(self._refused[:8]) + ("\n…" if len(self._refused) > 8 else ""))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


class PageStack(QStackedWidget):
    """A stack as small as the page it shows, not as its largest page: the Reading page with
    its panels must fit a narrow window (issue 12, item 6), while a library page, shown
    without the panels, has the whole window for its wider table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.minimumSizeHint().expandedTo(shown.minimumSize()) if shown else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.sizeHint() if shown else super().sizeHint()


class Pages(QWidget):
    """The pages of the main area, one shown at a time (see the module docstring).

    Attributes:
        progress: the bar of an add, above every page.

    Signals:
        page_changed(str): the name of the page now shown.
    """

    page_changed = Signal(str)
    READING = "reading"

    def __init__(self, reading: QWidget, host: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.stack = PageStack(self)
        self.progress = AddProgress(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.progress)
        layout.addWidget(self.stack, 1)
        self._pages: dict[str, QWidget] = {}
        self._panels_away: list[QDockWidget] = []
        self._panels_front: list[QDockWidget] = []
        self.add_page(self.READING, reading)
        host.installEventFilter(self)

    def add_page(self, name: str, widget: QWidget) -> None:
        self._pages[name] = widget
        self.stack.addWidget(widget)

    def page(self, name: str) -> QWidget:
        return self._pages[name]

    @property
    def current(self) -> str:
        shown = self.stack.currentWidget()
        return next(name for name, widget in self._pages.items() if widget is shown)

    def show_page(self, name: str) -> None:
        """Show the page ``name``; the article's panels step aside while it is not the Reading page."""
        if name == self.current:
            return
        if self.current == self.READING:
            self._panels_away = [d for d in self._host.findChildren(QDockWidget)
                                 if d.isVisible() and not d.isFloating()]
            self._panels_front = [d for d in self._panels_away if not d.visibleRegion().isEmpty()]
            for dock in self._panels_away:
                dock.hide()
        elif name == self.READING:
            self._bring_back_panels()
        self.stack.setCurrentWidget(self._pages[name])
        self.page_changed.emit(name)

    def _bring_back_panels(self) -> None:
        for dock in self._panels_away:
            dock.show()
        for dock in self._panels_front:  # the tab each group of tabbed panels showed
            dock.raise_()
        self._panels_away, self._panels_front = [], []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Close:
            self._bring_back_panels()  # before the window saves its layout
        return False
