"""Highlights, notes, search, library and export, wired into the main window.

:func:`install_notes` is the one entry point: the main window calls it at the end of its
``__init__``. The controller owns the notes' docks and actions, keeps the open article's
annotations, and sends every store call through ``window.tasks.store`` so the UI thread
never waits for the disk; failures go to ``window.show_error``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QColor, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from notes.atomic import write_atomic
from notes.errors import StoreError
from notes.export import render
from notes.records import COLORS, Annotation, Selector
from notes.store import document_id
from reader.document.article import Article
from reader.ui import theme
from reader.ui.library_view import Library, LibraryView, summarize
from reader.ui.note_editor import NoteEditor
from reader.ui.notes_panel import NotesPanel, quoted, shorten, swatch_icon, target_label
from reader.ui.search_panel import SearchPanel

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
"""Notes of the open article sit on the right beside its actors; search and library, which
lead to other articles, on the left."""
LIBRARY_REFRESH_MS = 600
"""Pause after the last change before a visible library (counts, tags) is recomputed.

Summing up the library reads every note on the store's thread, so it is done only when
the library is shown or the tag completer needs it, never once per keystroke."""

EXPORT_FILTERS = {
    "markdown": "Markdown (*.md)",
    "w3c": "W3C Web Annotation JSON-LD (*.jsonld *.json)",
}


def export_notes(store: Any, fmt: str, path: str) -> int:
    """Write every note to ``path`` as Markdown or W3C JSON-LD, atomically; the count written.

    Runs on the store's thread: it reads the whole store and writes a file.
    """
    annotations = store.annotations()
    text = render(fmt, annotations, store.documents())
    try:
        write_atomic(Path(path), text.encode("utf-8", "surrogatepass"))
    except OSError as err:  # name the file the user chose, not the temporary one
        raise OSError(err.errno, err.strerror, path) from err
    return len(annotations)


def format_for(path: str, chosen_filter: str) -> str:
    """The export format the user meant: the file's extension first, else the filter picked."""
    suffix = Path(path).suffix.lower()
    if suffix == ".md" or suffix == ".markdown":
        return "markdown"
    if suffix in (".jsonld", ".json"):
        return "w3c"
    return "w3c" if chosen_filter == EXPORT_FILTERS["w3c"] else "markdown"


def _touch_and_load(store: Any, article: Article) -> list[Annotation]:
    """Register the opened article (re-anchoring its notes) and return its annotations."""
    record = store.touch_document(article.source, article.content_id, article.title, article.date,
                                  article.text)
    return store.annotations(record.id)


def _overlaps(start: int, end: int, a: int, b: int) -> bool:
    return start < b and a < end


class NotesController(QObject):
    """Everything the user does with notes in the window, kept apart from the main window's code."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self._document_id: str | None = None
        self._annotations: dict[str, Annotation] = {}
        self._deleted: list[Annotation] = []
        self._focus_after_load: str | None = None
        self._last_color = COLORS[0]
        self._library_stale = True
        swatches = {name: QColor(theme.LIGHT.user[name]) for name in COLORS}

        self.editor = NoteEditor(swatches)
        self.panel = NotesPanel(swatches)
        self.search = SearchPanel()
        self.library = LibraryView()
        self.panel_dock = window.add_dock(self.panel, "Notes", RIGHT)
        self.editor_dock = window.add_dock(self.editor, "Note", RIGHT)
        self.search_dock = window.add_dock(self.search, "Search notes", LEFT)
        self.library_dock = window.add_dock(self.library, "Library", LEFT)
        window.tabifyDockWidget(self.search_dock, self.library_dock)
        for dock in (self.editor_dock, self.search_dock, self.library_dock):
            dock.hide()

        self._library_timer = QTimer(self)
        self._library_timer.setSingleShot(True)
        self._library_timer.setInterval(LIBRARY_REFRESH_MS)
        self._library_timer.timeout.connect(self.refresh_library)

        self._build_actions(swatches)
        self._connect()
        window.installEventFilter(self)
        if window.article is not None:
            self._article_opened(window.article)

    # -- actions -----------------------------------------------------------------------

    def _build_actions(self, swatches: dict[str, QColor]) -> None:
        window = self._window
        notes_menu: QMenu = window.menu("Notes")
        self.color_actions: dict[str, QAction] = {}
        window.toolbar.addSeparator()
        for number, name in enumerate(COLORS, start=1):
            action = QAction(swatch_icon(swatches[name]), f"Highlight {name}", window)
            action.setShortcut(QKeySequence(str(number)))
            action.setIconText(str(number))  # the toolbar shows the swatch and its key
            action.setToolTip(f"Highlight the selection in {name} ({number})")
            action.triggered.connect(lambda _checked=False, color=name: self.highlight(color))
            notes_menu.addAction(action)
            window.toolbar.addAction(action)
            self.color_actions[name] = action
        notes_menu.addSeparator()

        self.search_action = QAction("Search notes…", window)
        self.search_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.search_action.triggered.connect(self.show_search)
        self.library_action = QAction("Library", window)
        self.library_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.library_action.triggered.connect(self.show_library)
        self.export_action = QAction("Export…", window)
        self.export_action.triggered.connect(self.ask_export)
        for action in (self.search_action, self.library_action, self.export_action):
            notes_menu.addAction(action)
            window.addAction(action)

        self.undo_action = QAction("Undo delete highlight", window)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_delete)
        window.menu("Edit").addAction(self.undo_action)
        window.addAction(self.undo_action)

        view_menu: QMenu = window.menu("View")
        for dock in (self.panel_dock, self.editor_dock, self.search_dock, self.library_dock):
            view_menu.addAction(dock.toggleViewAction())

    def _connect(self) -> None:
        window, view = self._window, self._window.view
        window.article_opened.connect(self._article_opened)
        window.analysis_ready.connect(self._analysis_ready)
        view.user_highlight_clicked.connect(self.open_annotation)
        view.context_menu_about_to_show.connect(self._extend_context_menu)
        self.panel.annotation_activated.connect(self._panel_activated)
        self.panel.delete_requested.connect(self.delete)
        self.editor.note_edited.connect(lambda ident, note: self._update(ident, note=note))
        self.editor.tags_edited.connect(lambda ident, tags: self._update(ident, tags=tags))
        self.editor.color_chosen.connect(lambda ident, color: self._update(ident, color=color))
        self.editor.delete_requested.connect(self.delete)
        self.editor.link_clicked.connect(self._open_link)
        self.search.query_changed.connect(self._search)
        self.search.hit_activated.connect(self._open_hit)
        self.search.dismissed.connect(lambda: self._window.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.library.document_activated.connect(lambda path: self._open(path, None, None))
        self.library.tag_activated.connect(self.search_tag)
        self.library_dock.visibilityChanged.connect(lambda shown: shown and self.refresh_library())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Save a note still being typed when the window closes, before the store shuts down."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.editor.flush()
        return False

    # -- store plumbing ----------------------------------------------------------------

    def _store_call(self, fn: Callable[..., Any], *args: Any,
                    on_done: Callable[[Any], object] | None = None,
                    on_error: Callable[[BaseException], object] | None = None) -> bool:
        """Run ``fn(store, *args)`` on the store thread; False when there is no store."""
        store = self._window.store
        if store is None:
            self._window.show_status("Notes are unavailable: the note store could not be opened.")
            return False

        def failed(err: BaseException) -> None:
            if on_error is not None:
                on_error(err)
            self._error(err)

        self._window.tasks.store(fn, store, *args, on_done=on_done, on_error=failed)
        return True

    def _error(self, err: BaseException) -> None:
        if isinstance(err, StoreError):
            message = str(err)
        elif isinstance(err, OSError):
            message = f"Cannot write {err.filename}: {err.strerror or err}"
        else:
            message = f"Notes: {err}"
        self._window.show_error(message)

    # -- the open article --------------------------------------------------------------

    def _article_opened(self, article: Article | None) -> None:
        self.editor.clear()
        self.editor_dock.hide()
        self._annotations = {}
        self._document_id = None
        self._redraw()
        if article is None or not article.source:
            return
        doc_id = document_id(article.source)
        self._document_id = doc_id
        self._store_call(_touch_and_load, article,
                         on_done=lambda annotations: self._loaded(doc_id, annotations))

    def _analysis_ready(self, _analysis: object) -> None:
        """Hand the article's actors to the search index, for ``actor:`` searches."""
        article = self._window.article
        if article is None or not article.source or document_id(article.source) != self._document_id:
            return
        self._store_call(lambda store, doc_id, names: store.set_article_actors(doc_id, names),
                         self._document_id, self._actor_names(0, len(article.text)))

    def _loaded(self, doc_id: str, annotations: list[Annotation]) -> None:
        if doc_id != self._document_id:
            return  # another article was opened meanwhile
        self._annotations = {a.id: a for a in annotations}
        self._redraw()
        orphans = sum(1 for a in annotations if a.status == "orphaned")
        if orphans:
            self._window.show_status(
                f"{orphans} note{'s' if orphans != 1 else ''} could not be placed in this version"
                " of the article; they are kept in the Notes panel.")
        if self._focus_after_load in self._annotations:
            self.open_annotation(self._focus_after_load)
        self._focus_after_load = None

    def _redraw(self) -> None:
        placed = [a for a in self._annotations.values() if a.status != "orphaned"]
        self._window.view.set_user_highlights(
            [(a.id, a.selector.start, a.selector.end, a.color) for a in placed])
        self.panel.set_annotations(list(self._annotations.values()))

    def _actor_names(self, start: int, end: int) -> list[str]:
        """Names of the actors mentioned in ``[start, end)``, in order of appearance."""
        analysis = self._window.analysis
        if analysis is None:
            return []
        names: list[str] = []
        for mention in analysis.mentions:
            if _overlaps(start, end, mention.start, mention.end):
                actor = analysis.actor(mention.actor)
                if actor is not None and actor.name not in names:
                    names.append(actor.name)
        return names

    # -- creating, editing, deleting ---------------------------------------------------

    def highlight(self, color: str) -> None:
        """Highlight the view's selection in ``color`` (or recolour the highlight it matches)."""
        article = self._window.article
        if article is None or self._document_id is None:
            self._window.show_status("Open an article from a file to highlight it.")
            return
        span = self._window.view.selection_span()
        if span is None:
            self._window.show_status("Select a passage first, then press 1–5 to highlight it.")
            return
        start, end = self._trimmed(article.text, *span)
        if start >= end:
            self._window.show_status("Select some text to highlight.")
            return
        self._last_color = color
        same = next((a for a in self._annotations.values() if a.target is None
                     and a.status != "orphaned" and (a.selector.start, a.selector.end) == (start, end)), None)
        if same is not None:
            self._update(same.id, color=color)
            return
        annotation = Annotation(document=self._document_id, selector=Selector.from_text(article.text, start, end),
                                color=color, actors=self._actor_names(start, end))
        self._add(annotation)

    def note_on(self, start: int, end: int, target: dict[str, Any], extra_actors: Iterable[str] = ()) -> None:
        """Open the note attached to ``target`` over ``[start, end)``, creating it if needed."""
        article = self._window.article
        if article is None or self._document_id is None:
            return
        existing = next((a for a in self._annotations.values() if a.target == target
                         and (a.selector.start, a.selector.end) == (start, end)), None)
        if existing is not None:
            self.open_annotation(existing.id)
            return
        actors = self._actor_names(start, end)
        actors += [name for name in extra_actors if name and name not in actors]
        annotation = Annotation(document=self._document_id, selector=Selector.from_text(article.text, start, end),
                                color=self._last_color, target=target, actors=actors)
        self._add(annotation, edit=True)

    @staticmethod
    def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
        """The span without the white space a drag selection tends to take along."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def _add(self, annotation: Annotation, edit: bool = False, message: str = "Highlighted.") -> None:
        def added(saved: Annotation) -> None:
            if saved.document == self._document_id:
                self._annotations[saved.id] = saved
                self._redraw()
                if edit:
                    self.open_annotation(saved.id, focus_note=True)
            self._window.show_status(message)
            self._changed()

        self._store_call(lambda store, a: store.add(a), annotation, on_done=added)

    def _update(self, annotation_id: str, **fields: Any) -> None:
        def updated(saved: Annotation) -> None:
            if saved.id in self._annotations:
                self._annotations[saved.id] = saved
                self._redraw()
            if self.editor.annotation_id == saved.id:
                self.editor.set_color(saved.color)
            if "tags" in fields:
                self.editor.add_known_tags(saved.tags)
            self._changed()

        self._store_call(lambda store, ident: store.update(ident, **fields), annotation_id, on_done=updated)

    def delete(self, annotation_id: str) -> None:
        """Delete an annotation; Ctrl+Z brings it back with the same id."""
        def deleted(gone: Annotation) -> None:
            self._annotations.pop(gone.id, None)
            self._deleted.append(gone)
            self.undo_action.setEnabled(True)
            if self.editor.annotation_id == gone.id:
                self.editor.clear()
                self.editor_dock.hide()
            self._redraw()
            self._window.show_status("Highlight deleted. Press Ctrl+Z to restore it.")
            self._changed()

        self._store_call(lambda store, ident: store.delete(ident), annotation_id, on_done=deleted)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        annotation = self._deleted.pop()
        self.undo_action.setEnabled(bool(self._deleted))
        self._add(annotation, message="Highlight restored.")

    def _changed(self) -> None:
        """Notes changed: recount a visible library soon and refresh visible search results."""
        self._library_stale = True
        if self.library_dock.isVisible():
            self._library_timer.start()
        if self.search_dock.isVisible():
            self.search.refresh()

    # -- showing annotations -----------------------------------------------------------

    def open_annotation(self, annotation_id: str, focus_note: bool = False) -> None:
        """Show an annotation of the open article in the note editor."""
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return
        if self._library_stale:  # the tag completer offers the library's tags
            self.refresh_library()
        heading = target_label(annotation) or "Highlight"
        if annotation.status == "orphaned":
            heading += " (orphaned: the passage is not in this version of the article)"
        self.editor.show_annotation(annotation, f"{heading}\n{quoted(shorten(annotation.selector.exact, 200))}")
        self.editor_dock.show()
        self.editor_dock.raise_()
        self.panel.select(annotation_id)
        if focus_note:
            self.editor.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _panel_activated(self, annotation_id: str) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return
        if annotation.status != "orphaned":
            self._window.view.scroll_to(annotation.selector.start)
        self.open_annotation(annotation_id)

    def _extend_context_menu(self, menu: QMenu, pos: int) -> None:
        """Offer highlighting for a selection, and notes on the actor or quote under ``pos``."""
        menu.addSeparator()
        if self._document_id is None:
            return
        if self._window.view.selection_span() is not None:
            submenu = menu.addMenu("Highlight")
            for action in self.color_actions.values():
                submenu.addAction(action)
        under = [a for a in self._annotations.values()
                 if a.status != "orphaned" and a.selector.start <= pos < a.selector.end]
        for annotation in under[:1]:
            menu.addAction("Edit note…", lambda ident=annotation.id: self.open_annotation(ident, focus_note=True))
            menu.addAction("Delete highlight", lambda ident=annotation.id: self.delete(ident))
        analysis = self._window.analysis
        if analysis is None:
            return
        mention = next((m for m in analysis.mentions if m.start <= pos < m.end), None)
        actor = analysis.actor(mention.actor) if mention else None
        if mention is not None and actor is not None:
            menu.addAction("Note on this actor", lambda: self.note_on(
                mention.start, mention.end, {"type": "actor", "actor": actor.name}))
        quote = next((q for q in analysis.quotes if q.start <= pos < q.end), None)
        if quote is not None:
            speaker = analysis.actor(quote.speaker)
            name = speaker.name if speaker else None
            menu.addAction("Note on this quote", lambda: self.note_on(
                quote.start, quote.end, {"type": "quote", "speaker": name}, [name] if name else []))

    # -- search, library, opening articles --------------------------------------------

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus_query()

    def show_library(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.refresh_library()

    def search_tag(self, tag: str) -> None:
        query = f'tag:"{tag}"' if any(ch.isspace() or ch == '"' for ch in tag) else f"tag:{tag}"
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.set_query(query)

    def _search(self, query: str) -> None:
        if not query:
            return
        self._store_call(lambda store, q: store.search(q), query,
                         on_done=lambda hits: self.search.set_results(query, hits),
                         on_error=lambda err: self.search.show_failure(query, "The search failed."))

    def _open_hit(self, hit: Any) -> None:
        annotation = hit.annotation
        position = None if annotation.status == "orphaned" else annotation.selector.start
        path = hit.document.path if hit.document is not None else annotation.document
        self._open(path, position, annotation.id)

    def _open(self, path: str, position: int | None, annotation_id: str | None) -> None:
        """Show ``path`` (opening it unless it is the open article) at ``position``."""
        article = self._window.article
        if article is not None and article.source and document_id(article.source) == self._document_id == path:
            if position is not None:
                self._window.view.scroll_to(position)
            if annotation_id is not None:
                self.open_annotation(annotation_id)
            return
        self._focus_after_load = annotation_id
        self._window.open_path(path, position)

    def refresh_library(self) -> None:
        self._library_timer.stop()
        if self._window.store is None:
            return
        self._library_stale = False
        self._store_call(lambda store: summarize(store.documents(), store.annotations()),
                         on_done=self._library_loaded)

    def _library_loaded(self, library: Library) -> None:
        self.library.set_library(library)
        self.editor.set_known_tags([tag for tag, _count in library.tags])

    @staticmethod
    def _open_link(url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    # -- export -----------------------------------------------------------------------

    def ask_export(self) -> None:
        """Ask where to export every note, then write the file on the store's thread."""
        path, chosen = QFileDialog.getSaveFileName(
            self._window, "Export notes", str(Path.home() / "reader-notes.md"),
            ";;".join(EXPORT_FILTERS.values()), EXPORT_FILTERS["markdown"])
        if path:
            self.export_to(path, format_for(path, chosen))

    def export_to(self, path: str, fmt: str) -> None:
        self._store_call(export_notes, fmt, path, on_done=lambda count: self._window.show_status(
            f"Exported {count} note{'s' if count != 1 else ''} to {path}."))


def install_notes(window: QWidget) -> NotesController:
    """Give ``window`` highlights, notes, search, the library and export. Call once, at the end
    of the main window's ``__init__``; the controller lives as long as the window."""
    return NotesController(window)
