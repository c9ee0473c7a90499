"""Highlights and notes of the open article, in the window.

:class:`NotesController` gets what it needs declared: a :class:`~reader.ui.frame.Frame`
for its docks, menus and messages, the :class:`~reader.ui.frame.ReadingView` it draws
highlights on, the :class:`~reader.ui.session.Session` that runs every store call on
the store lane (so the UI thread never waits for the disk) and knows the open article,
and the window's :class:`~reader.ui.undo.History`, on which making, recolouring and
deleting a highlight are changes the reader can undo. It keeps the open article's
annotations, which it draws and lists, and which one is selected: the one last clicked
in the text or picked in the Notes panel, whose note N opens and which Delete removes.

New highlights follow the rules of :mod:`reader.core.highlights`: whole words, and one
highlight for overlapping ones of a colour.
The search across every note is :mod:`reader.ui.note_search`'s, whose results the controller
opens, and the export :mod:`reader.ui.notes_export`'s. (The articles and their tags are on the
Library page: :mod:`reader.ui.library_ui`.)
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QMenu

from notes.records import COLORS, Annotation
from reader.core import HighlightChange, Opened
from reader.core.articles import ArticlesOverview
from reader.core.highlights import new_annotation, passage_actors, snapped
from reader.document import Article
from reader.errors import NotesUnavailableError
from reader.ui import theme
from reader.ui.frame import Frame, ReadingView
from reader.ui.note_editor import NoteEditor, editor_heading
from reader.ui.note_search import NoteSearch
from reader.ui.notes_export import NotesExport
from reader.ui.notes_panel import NotesPanel, swatch_icon
from reader.ui.session import Analysed, Session
from reader.ui.undo import History

R = TypeVar("R")
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
"""Notes of the open article sit on the right beside its actors."""


class NotesController(QObject):
    """Everything the reader does with notes in the window."""

    def __init__(self, frame: Frame, view: ReadingView, session: Session, history: History,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frame, self._view, self._session, self._history = frame, view, session, history
        self._doc_id: str | None = None
        self._annotations: dict[str, Annotation] = {}
        self._selected: str | None = None
        self._focus_after_load: str | None = None
        self._last_color = COLORS[0]
        self._articles_stale = True
        swatches = {name: QColor(theme.LIGHT.user[name]) for name in COLORS}

        self.editor = NoteEditor(swatches)
        self.panel = NotesPanel(swatches)
        self.panel_dock = frame.add_dock(self.panel, "Notes", RIGHT)
        self.editor_dock = frame.add_dock(self.editor, "Note", RIGHT)
        self.editor_dock.hide()
        self.finder = NoteSearch(frame, session, self)
        self.exporter = NotesExport(frame, session, self.panel, self)

        self._build_actions(swatches)
        self._connect()

    # -- actions -----------------------------------------------------------------------

    def _build_actions(self, swatches: dict[str, QColor]) -> None:
        frame = self._frame
        self.color_actions: dict[str, QAction] = {}
        frame.add_toolbar_separator()
        for number, name in enumerate(COLORS, start=1):
            action = QAction(swatch_icon(swatches[name]), f"Highlight {name}", self)
            action.setShortcut(QKeySequence(str(number)))
            action.setIconText(str(number))  # the toolbar shows the swatch and its key
            action.setToolTip(f"Highlight the selection in {name} ({number})")
            action.triggered.connect(lambda _checked=False, color=name: self.highlight(color))
            frame.add_action(action, "Notes", toolbar=True)
            self.color_actions[name] = action
        frame.menu("Notes").addSeparator()

        self.note_action = QAction("Write &Note…", self)
        self.note_action.setShortcut(QKeySequence("N"))
        self.note_action.setToolTip("Write the note of the selected highlight (N)")
        self.note_action.setEnabled(False)
        self.note_action.triggered.connect(self.edit_selected)
        frame.add_action(self.note_action, "Notes")

        self.search_action = QAction("Search notes…", self)
        self.search_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.search_action.triggered.connect(self.show_search)
        self.export_action = QAction("Export…", self)
        self.export_action.triggered.connect(self.exporter.ask)
        for action in (self.search_action, self.export_action):
            frame.add_action(action, "Notes")

        self.delete_action = QAction("&Delete Highlight", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setToolTip("Delete the selected highlight and its note (Ctrl+Z brings it back)")
        self.delete_action.setEnabled(False)
        self.delete_action.triggered.connect(self.delete_selected)
        frame.add_action(self.delete_action, "Edit")

        view_menu = frame.menu("View")
        for dock in (self.panel_dock, self.editor_dock, self.finder.dock):
            view_menu.addAction(dock.toggleViewAction())

    def _connect(self) -> None:
        session, view, frame = self._session, self._view, self._frame
        session.article_loaded.connect(self._article_loaded)
        session.article_opened.connect(self._article_opened)
        session.analysis_ready.connect(self._analysis_ready)
        session.closing.connect(self.editor.flush)  # a note still being typed is saved first
        view.user_highlight_clicked.connect(self.open_annotation)
        view.position_clicked.connect(lambda _pos: self._select(None))
        view.context_menu_about_to_show.connect(self._extend_context_menu)
        self.panel.annotation_activated.connect(self._panel_activated)
        self.panel.current_changed.connect(lambda ident: self._select(ident or None))
        self.editor.note_edited.connect(lambda ident, note: self._update(ident, note=note))
        self.editor.tags_edited.connect(lambda ident, tags: self._update(ident, tags=tags))
        self.editor.color_chosen.connect(self.recolour)
        self.editor.delete_requested.connect(self.delete)
        self.editor.link_clicked.connect(lambda url: frame.follow_link(url.toString()))
        self.finder.open_requested.connect(self.open_at)
        self.finder.dismissed.connect(lambda: self._view.setFocus(Qt.FocusReason.OtherFocusReason))

    def _store(self, fn: Callable[..., R], *args: Any, key: str | None = None,
               on_done: Callable[[R], object] | None = None,
               on_error: Callable[[BaseException], object] | None = None) -> bool:
        """Run a store call on the session's store lane; False (and say why) without notes."""
        if self._session.notes_unavailable:
            self._frame.show_status(str(NotesUnavailableError()))
            return False
        self._session.store(fn, *args, key=key, on_done=on_done, on_error=on_error)
        return True

    # -- the open article --------------------------------------------------------------

    def _article_loaded(self, article: Article) -> None:
        self.editor.clear()
        self.editor_dock.hide()
        self._annotations = {}
        self._select(None)
        self._doc_id = self._session.doc_id
        self._redraw()

    def _article_opened(self, opened: Opened) -> None:
        if opened.doc_id is None or opened.doc_id != self._doc_id:
            return  # another article was shown meanwhile
        self._annotations = {a.id: a for a in opened.annotations}
        self._redraw()
        orphans = sum(1 for a in opened.annotations if a.status == "orphaned")
        if orphans:
            self._frame.show_status(
                f"{orphans} note{'s' if orphans != 1 else ''} could not be placed in this version"
                " of the article; they are kept in the Notes panel.")
        if self._focus_after_load in self._annotations:
            self.open_annotation(self._focus_after_load)
        self._focus_after_load = None
        self._refresh_actors()

    def _analysis_ready(self, _analysed: Analysed) -> None:
        self._refresh_actors()

    def _refresh_actors(self) -> None:
        """Keep each placed note's ``actors`` to who its passage mentions now, so ``actor:"X"``
        finds the passages that mention X (notes made before the analysis arrived name nobody;
        a rename changes a name). Not a change of the reader's: it is not on the history."""
        analysis = self._session.analysis
        if analysis is None or self._doc_id is None or self._session.core.read_only:
            return
        for annotation in list(self._annotations.values()):
            if annotation.status == "orphaned" or annotation.document != self._doc_id:
                continue
            names = passage_actors(annotation, analysis)
            if names != annotation.actors:
                self._update(annotation.id, actors=names)

    def _redraw(self) -> None:
        placed = [a for a in self._annotations.values() if a.status != "orphaned"]
        self._view.set_user_highlights([(a.id, a.selector.start, a.selector.end, a.color) for a in placed])
        self.panel.set_annotations(list(self._annotations.values()))

    # -- creating, editing, deleting ---------------------------------------------------

    def highlight(self, color: str) -> None:
        """Highlight the view's selection in ``color`` (or recolour the highlight it matches);
        the selection is widened to whole words. With no text selected, recolour the selected
        highlight: a new one is selected, with its words unselected so that its colour shows."""
        article = self._session.article
        if article is None or self._doc_id is None:
            self._frame.show_status("Open an article from a file to highlight it.")
            return
        span = self._view.selection_span()
        if span is None and self._selected is not None:
            self.recolour(self._selected, color)
            return
        if span is None:
            self._frame.show_status("Select a passage first, then press 1–5 to highlight it.")
            return
        start, end = snapped(article.text, *span)
        if start >= end:
            self._frame.show_status("Select some text to highlight.")
            return
        self._last_color = color
        same = next((a for a in self._annotations.values() if a.target is None
                     and a.status != "orphaned" and (a.selector.start, a.selector.end) == (start, end)), None)
        if same is not None:
            self.recolour(same.id, color)
            return
        self._add(new_annotation(article.text, self._doc_id, start, end, color, analysis=self._session.analysis))

    def note_on(self, start: int, end: int, target: dict[str, Any], extra_actors: list[str] | None = None) -> None:
        """Open the note attached to ``target`` over ``[start, end)``, creating it if needed."""
        article = self._session.article
        if article is None or self._doc_id is None:
            return
        existing = next((a for a in self._annotations.values() if a.target == target
                         and (a.selector.start, a.selector.end) == (start, end)), None)
        if existing is not None:
            self.open_annotation(existing.id)
            return
        self._add(new_annotation(article.text, self._doc_id, start, end, self._last_color,
                                 analysis=self._session.analysis, target=target, extra_actors=extra_actors or ()),
                  edit=True)

    def _add(self, annotation: Annotation, edit: bool = False) -> None:
        """Store a new highlight (merged with same-coloured ones it overlaps) as a change on the history."""
        article, analysis = self._session.article, self._session.analysis
        if article is None or self._session.notes_unavailable:
            self._frame.show_status(str(NotesUnavailableError()))
            return
        core, text = self._session.core, article.text
        made: list[Future[HighlightChange]] = []

        def added(change: HighlightChange) -> None:
            self._forget(*(old.id for old in change.replaced))
            self._remember(change.saved)
            if change.saved.document == self._doc_id and change.saved.target is None:
                self._view.clear_selection()
                self.panel.select(change.saved.id)  # the list shows which one Delete and 1-5 act on
                self._select(change.saved.id)
            if change.saved.document == self._doc_id and edit:
                self.open_annotation(change.saved.id, focus_note=True)
            joined = len(change.replaced)
            self._frame.show_status("Highlighted." if not joined else
                                    f"Highlighted, joined with {joined} highlight{'s' * (joined != 1)} of that colour.")

        def undone(restored: list[Annotation]) -> None:
            if made:
                self._forget(made[-1].result().saved.id)
            for old in restored:
                self._remember(old)
            self._frame.show_status("Highlight taken back.")

        def do() -> None:
            task = self._session.store(core.add_highlight, annotation, text, analysis, on_done=added)
            if task is not None:
                made.append(task.future)

        def undo() -> None:
            if made:
                future = made[-1]
                self._session.store(lambda: core.revert_highlight(future.result()), on_done=undone)

        self._history.push("Highlight" if annotation.target is None else "Note", do, undo)

    def _remember(self, annotation: Annotation) -> None:
        """A highlight was stored: draw and list it if it is the open article's."""
        if annotation.document == self._doc_id:
            self._annotations[annotation.id] = annotation
            self._redraw()
        self._changed()

    def _forget(self, *ids: str) -> None:
        """Highlights were removed from the store: no longer drawn, edited or selected."""
        for ident in ids:
            self._annotations.pop(ident, None)
            if self.editor.annotation_id == ident:
                self.editor.clear()
                self.editor_dock.hide()
            if self._selected == ident:
                self._select(None)
        self._redraw()
        self._changed()

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

        self._store(lambda: self._session.core.update_note(annotation_id, **fields), on_done=updated)

    def recolour(self, annotation_id: str, color: str) -> None:
        """Give a highlight another colour, as a change on the history."""
        old = self._annotations.get(annotation_id)
        if old is None or old.color == color or self._session.notes_unavailable:
            return
        self._history.push(f"Colour {color}", lambda: self._update(annotation_id, color=color),
                           lambda: self._update(annotation_id, color=old.color))

    def edit_selected(self) -> None:
        """Open the note of the selected highlight with the keyboard in it: after 1–5, N writes the note."""
        if self._selected is not None:
            self.open_annotation(self._selected, focus_note=True)

    def delete_selected(self) -> None:
        """Delete the selected highlight (clicked in the text or picked in the Notes panel)."""
        if self._selected is not None:
            self.delete(self._selected)

    def delete(self, annotation_id: str) -> None:
        """Delete a highlight as a change on the history: Ctrl+Z brings it back with the same id."""
        if annotation_id not in self._annotations or self._session.notes_unavailable:
            return
        if self.editor.annotation_id == annotation_id:
            self.editor.flush()  # saved first, so an undo brings the note back as last typed
        core = self._session.core
        gone: list[Future[Annotation]] = []

        def deleted(annotation: Annotation) -> None:
            self._forget(annotation.id)
            self._frame.show_status("Highlight deleted. Press Ctrl+Z to bring it back.")

        def restored(annotation: Annotation) -> None:
            self._remember(annotation)
            self._frame.show_status("Highlight restored.")

        def do() -> None:
            task = self._session.store(core.delete_note, annotation_id, on_done=deleted)
            if task is not None:
                gone.append(task.future)

        def undo() -> None:
            if gone:
                future = gone[-1]
                self._session.store(lambda: core.add_note(future.result()), on_done=restored)

        self._history.push("Delete Highlight", do, undo)

    def _select(self, annotation_id: str | None) -> None:
        """The highlight N and Delete act on: the one made, clicked in the text or picked in the panel last."""
        self._selected = annotation_id if annotation_id in self._annotations else None
        for action in (self.note_action, self.delete_action):
            action.setEnabled(self._selected is not None)

    def _changed(self) -> None:
        """Notes changed: the tags are read again when next needed; visible search results are refreshed."""
        self._articles_stale = True
        self.finder.notes_changed()

    # -- showing annotations -----------------------------------------------------------

    def open_annotation(self, annotation_id: str, focus_note: bool = False) -> None:
        """Show an annotation of the open article in the note editor."""
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return
        if self._articles_stale:  # the tag completer offers every article's tags
            self.refresh_articles()
        self.editor.show_annotation(annotation, editor_heading(annotation))
        self.editor_dock.show()
        self.editor_dock.raise_()
        self.panel.select(annotation_id)
        self._select(annotation_id)
        if focus_note:
            self.editor.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _panel_activated(self, annotation_id: str) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return
        if annotation.status != "orphaned":
            self._view.scroll_to(annotation.selector.start)
        self.open_annotation(annotation_id)

    def _extend_context_menu(self, menu: QMenu, pos: int) -> None:
        """Offer highlighting for a selection, and notes on the actor or quote under ``pos``."""
        menu.addSeparator()
        if self._doc_id is None:
            return
        if self._view.selection_span() is not None:
            submenu = menu.addMenu("Highlight")
            for action in self.color_actions.values():
                submenu.addAction(action)
        under = [a for a in self._annotations.values()
                 if a.status != "orphaned" and a.selector.start <= pos < a.selector.end]
        if under:
            ident = under[0].id
            menu.addAction("Edit note…", lambda: self.open_annotation(ident, focus_note=True))
            menu.addAction("Delete highlight", lambda: self.delete(ident))
        analysis = self._session.analysis
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

    # -- search, opening articles ------------------------------------------------------

    def show_search(self) -> None:
        """Show the search across every note, the keyboard in its query."""
        self.finder.show()
        if self._articles_stale:  # in: offers the articles' titles
            self.refresh_articles()

    def search_tag(self, tag: str) -> None:
        """Search every note for ``tag``."""
        self.finder.search_tag(tag)

    def open_at(self, path: str, position: int | None, annotation_id: str | None) -> None:
        """Show the article at ``path`` (opening it unless it is the open article) at ``position``,
        with the note ``annotation_id`` open."""
        if self._doc_id is not None and self._doc_id == path:
            if position is not None:
                self._view.scroll_to(position)
            if annotation_id is not None:
                self.open_annotation(annotation_id)
            return
        self._focus_after_load = annotation_id
        self._session.open_path(path, position)

    def refresh_articles(self) -> None:
        """Read the tags in use again (the tag completer offers them)."""
        self._articles_stale = False
        self._store(self._session.core.articles, key="articles", on_done=self._articles_loaded)

    def _articles_loaded(self, overview: ArticlesOverview) -> None:
        self.editor.set_known_tags([tag for tag, _count in overview.tags])
        self.finder.set_articles([title for entry in overview.entries
                                   for title in (entry.document.title, Path(entry.document.path).name)])
