"""What a panel may ask of the window around it, declared: panels never get the window itself.

A controller that adds docks, menus and actions (the notes, and later the library's pages)
takes a :class:`Frame` and the :class:`ReadingView` it works with; the main window is one
implementation of both sides, a test may build another.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget


class Frame(Protocol):
    """Room for docks, menus and actions, and the one place messages reach the reader."""

    def menu(self, name: str) -> QMenu:
        """One of the menus File, Edit, View, Notes, Help."""
        ...

    def add_action(self, action: QAction, menu: str, toolbar: bool = False) -> None:
        """Put ``action`` in ``menu`` (and the toolbar); its shortcut works anywhere in the window."""
        ...

    def add_toolbar_separator(self) -> None: ...

    def add_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea) -> QDockWidget: ...

    def tabify(self, first: QDockWidget, second: QDockWidget) -> None:
        """Stack ``second`` on ``first`` as tabs."""
        ...

    def show_status(self, text: str) -> None: ...

    def show_error(self, text: str) -> None: ...

    def follow_link(self, href: str) -> None:
        """A link the reader clicked: open it only as the window opens an article's links."""
        ...


class ReadingView(Protocol):
    """What the notes need of the reading view (:class:`reader.ui.article_view.ArticleView`)."""

    @property
    def user_highlight_clicked(self) -> SignalInstance:
        """(str) the reader clicked one of their highlights: its id."""
        ...

    @property
    def position_clicked(self) -> SignalInstance:
        """(int) a click on the text outside the reader's highlights: its text index."""
        ...

    @property
    def context_menu_about_to_show(self) -> SignalInstance:
        """(QMenu, int) add actions for the text index under the pointer."""
        ...

    def selection_span(self) -> tuple[int, int] | None: ...

    def clear_selection(self) -> None: ...

    def set_user_highlights(self, items: Sequence[tuple[str, int, int, str]]) -> None: ...

    def scroll_to(self, pos: int, exact_top: bool = False) -> None: ...

    def setFocus(self, reason: Qt.FocusReason) -> None: ...
