"""The panels around the text: checkable toggles, and giving way when the window is narrow.

**Toggles.** View › Actors Panel and Quotes Panel are checkable, ticked while the panel is
shown; pressed, they show the panel and put the keyboard in it, and pressed again from
inside it, they hide it.

**Narrow windows.** The reading column needs room: below :data:`MIN_COLUMN` pixels (about
45 characters of text at the usual size) the panels give way, the ones that lead to other
articles (left) first, then those about this article (right). Whole sides go, since a
side is as wide as its widest panel. When the window is widened again, the panels that
gave way come back once the column keeps its room beside them. A panel the reader shows
from the View menu stays, even in a narrow window, until the window is resized again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QMainWindow, QTabBar, QWidget

MIN_COLUMN = 460
"""Narrowest reading column, in pixels, before panels give way."""
AREAS = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
"""The sides, in the order they give way."""


class PanelLayout(QObject):
    """Toggles for docks, and the narrow-window rule of the module docstring.

    Signals:
        gave_way(str): panels were hidden, or came back, for the column's sake (a status line).
    """

    gave_way = Signal(str)

    def __init__(self, window: QMainWindow, column: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window, self._column = window, column
        self._away: list[tuple[list[QDockWidget], int]] = []  # sides hidden for the column, and their width
        window.installEventFilter(self)

    def toggle(self, dock: QDockWidget, focus: QWidget, text: str, keys: str) -> QAction:
        """A checkable action that shows ``dock`` with the keyboard in ``focus``, or hides it."""
        action = QAction(text, self, checkable=True)
        action.setShortcut(QKeySequence(keys))
        action.setChecked(not dock.isHidden())
        dock.toggleViewAction().toggled.connect(action.setChecked)
        action.triggered.connect(lambda _checked=False: self.toggle_panel(dock, focus))
        return action

    def toggle_panel(self, dock: QDockWidget, focus: QWidget) -> None:
        """Show a panel and put the keyboard in it; pressed again from there, hide it."""
        there = QApplication.focusWidget()
        if dock.isVisible() and there is not None and (there is focus or focus.isAncestorOf(there)):
            dock.hide()
            self._column.setFocus()
        else:
            dock.show()
            dock.raise_()
            focus.setFocus()
            if isinstance(focus, QLineEdit):
                focus.selectAll()  # a filter: typing replaces what was there
        dock.toggleViewAction().setChecked(not dock.isHidden())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.fit()
        elif watched is self._window and event.type() == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QTabBar):
                # The tabs of stacked panels: Qt's style gives them no sign of focus, and each
                # panel has its own shortcut, so Tab passes them by.
                child.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return False

    def fit(self) -> None:
        """Hide or bring back sides of panels so the column keeps :data:`MIN_COLUMN` pixels."""
        window = self._window
        width = window.width()
        sides = self._sides()
        used = sum(w for _docks, w in sides.values())
        column = width - used
        hidden: list[str] = []
        for area in AREAS:
            if column >= MIN_COLUMN:
                break
            docks, side_width = sides.get(area, ([], 0))
            if docks:
                for dock in docks:
                    dock.hide()
                self._away.append((docks, side_width))
                hidden += [dock.windowTitle() for dock in docks]
                column += side_width
        if hidden:
            self.gave_way.emit(f"Hid {', '.join(hidden)} to keep the text readable; widen the window "
                               "or use the View menu to show them.")
            return
        back: list[str] = []
        while self._away and column - self._away[-1][1] >= MIN_COLUMN:
            docks, side_width = self._away.pop()
            for dock in docks:
                dock.show()
            back += [dock.windowTitle() for dock in docks]
            column -= side_width
        if back:
            self.gave_way.emit(f"{', '.join(back)} back beside the text.")

    def _sides(self) -> dict[Qt.DockWidgetArea, tuple[list[QDockWidget], int]]:
        """The docks shown on each side (not floating), with the side's width."""
        sides: dict[Qt.DockWidgetArea, tuple[list[QDockWidget], int]] = {}
        for dock in self._window.findChildren(QDockWidget):
            if dock.isHidden() or dock.isFloating():
                continue
            area = self._window.dockWidgetArea(dock)
            docks, width = sides.get(area, ([], 0))
            sides[area] = ([*docks, dock], max(width, dock.width(), dock.minimumSizeHint().width()))
        return sides
