"""The Search notes dock: queries across every note, run on the store lane as the reader types.

Apart from the notes of the open article (:mod:`reader.ui.notes_ui`) because a search leads
away from it: a result names a note of any article, and opening it is the controller's
business (:attr:`NoteSearch.open_requested`), as is keeping the titles it completes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal

from notes.search_hit import Hit
from reader.errors import NotesUnavailableError, describe
from reader.ui.frame import Frame
from reader.ui.search_panel import SearchPanel
from reader.ui.session import Session

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
"""Search, which leads to other articles, sits on the left (the open article's notes on the right)."""


def tag_query(tag: str) -> str:
    """The query for the notes with ``tag``, quoted when the tag holds white space or quotes."""
    return f'tag:"{tag}"' if any(ch.isspace() or ch == '"' for ch in tag) else f"tag:{tag}"


class NoteSearch(QObject):
    """The search panel in its dock, answered by the session's store.

    Signals:
        open_requested(str, object, str): a result was chosen: its article's path, the note's
            position (``None`` for an orphaned note) and the note's id.
        dismissed(): the reader left the search with Esc.
    """

    open_requested = Signal(str, object, str)
    dismissed = Signal()

    def __init__(self, frame: Frame, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frame, self._session = frame, session
        self.panel = SearchPanel()
        self.dock = frame.add_dock(self.panel, "Search notes", LEFT)
        self.dock.hide()
        self.panel.query_changed.connect(self._search)
        self.panel.hit_activated.connect(self._open_hit)
        self.panel.dismissed.connect(self.dismissed)

    def show(self) -> None:
        """Show the dock with the keyboard in the query."""
        self.dock.show()
        self.dock.raise_()
        self.panel.focus_query()

    def search_tag(self, tag: str) -> None:
        """Show the notes with ``tag``."""
        self.dock.show()
        self.dock.raise_()
        self.panel.set_query(tag_query(tag))

    def set_articles(self, titles: Sequence[str]) -> None:
        """The titles (and file names) ``in:`` completes."""
        self.panel.set_articles(titles)

    def notes_changed(self) -> None:
        """Ask the shown query again (a note changed); nothing while the dock is hidden."""
        if self.dock.isVisible():
            self.panel.refresh()

    def _search(self, query: str) -> None:
        if not query:
            return
        if self._session.notes_unavailable:
            self._frame.show_status(str(NotesUnavailableError()))
            return
        self._session.store(self._session.core.search, query, key="search",
                            on_done=lambda hits: self.panel.set_results(query, hits),
                            on_error=lambda err: self.panel.show_failure(query, describe(err)))

    def _open_hit(self, hit: Hit) -> None:
        annotation = hit.annotation
        position = None if annotation.status == "orphaned" else annotation.selector.start
        path = hit.document.path if hit.document is not None else annotation.document
        self.open_requested.emit(path, position, annotation.id)
