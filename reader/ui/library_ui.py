"""The library in the window: adding folders, and the Library, Actors and Quotations pages.

:class:`LibraryController` gets what it needs declared, like the notes' controller: the
:class:`~reader.ui.frame.Frame` for menus and messages, the :class:`~reader.ui.pages.Pages`
it adds its pages to, the reading view it marks a quotation in, the session that runs
every library call off the UI thread (``session.library``), the settings, and a way to
open a note. It owns no data: each page asks the library again when it is shown, and
after an add.

Adding. File › Add Folder… or a folder dropped on the window starts an add on the
library's adding lane; the bar above the pages shows its progress, the time left and
Cancel. The folders being added are kept in the settings until the add ends: closing the
window stops the add (the core keeps what was done), and the next start adds the same
folders again, which reads nothing twice and analyses only what is left.

Opening a quotation shows the Reading page with its article (opened unless it is the one
shown), scrolled to the quotation, which is marked until the next click; when the file
changed since the library read it, the quotation is looked for in the new text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog

from reader.core.library_access import ActorProfile, NoteRef, QuoteQuery
from reader.document import Article
from reader.library import ActorRow, AddReport, ArticleRow, QuoteRow
from reader.ui.actors_page import ActorsPage
from reader.ui.frame import Frame
from reader.ui.library_page import LibraryPage
from reader.ui.notes_panel import quoted, shorten
from reader.ui.pages import Pages, describe_report
from reader.ui.quotes_page import QuotationsPage
from reader.ui.session import Analysed, Session
from reader.ui.settings import Settings

PAGES = (("reading", "&Reading", "Ctrl+1"), ("library", "&Library", "Ctrl+2"), ("actors", "A&ctors", "Ctrl+3"),
         ("quotations", "Q&uotations", "Ctrl+4"))
"""The pages of the main area: name, label in View › Pages, shortcut."""
EXPORT_FILTERS = {"markdown": "Markdown (*.md)", "csv": "CSV (*.csv)"}


class QuoteMarker(Protocol):
    """What the controller needs of the reading view: mark a quotation (and bring it into view)."""

    def mark_span(self, start: int, end: int, scroll: bool = True) -> None: ...


class NoteOpener(Protocol):
    """What the controller needs of the notes (:class:`~reader.ui.notes_ui.NotesController`)."""

    def open_at(self, path: str, position: int | None, annotation_id: str | None) -> None:
        """Show the article at ``path`` at ``position`` with the note ``annotation_id`` open."""
        ...

    def search_tag(self, tag: str) -> None:
        """Search every note for a tag."""
        ...


def locate(text: str, quote: QuoteRow) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text``: at its offsets, else the occurrence of its words
    nearest to them (the file changed since the library read it), else ``None``."""
    if text[quote.start:quote.end] == quote.text:
        return quote.start, quote.end
    found = [m.start() for m in re.finditer(re.escape(quote.text), text)] if quote.text else []
    if not found:
        return None
    start = min(found, key=lambda s: abs(s - quote.start))
    return start, start + len(quote.text)


class LibraryController(QObject):
    """Everything the reader does with the library in the window.

    Attributes:
        pages: the main area (its Reading page is the article view).
        library_page, actors_page, quotes_page: the library's pages.
        add_folder_action, update_action, stop_action, export_action: File and Library menu actions.
        page_actions: View › Reading, Library, Actors, Quotations, by page name.
    """

    def __init__(self, frame: Frame, pages: Pages, marker: QuoteMarker, session: Session, settings: Settings,
                 notes: NoteOpener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frame, self.pages, self._marker, self._session = frame, pages, marker, session
        self._settings, self._notes = settings, notes
        self._mark: QuoteRow | None = None  # the quotation to mark once its article is shown
        self._resume_waiting = False
        self.library_page = LibraryPage()
        self.actors_page = ActorsPage()
        self.quotes_page = QuotationsPage()
        for name, page in (("library", self.library_page), ("actors", self.actors_page),
                           ("quotations", self.quotes_page)):
            pages.add_page(name, page)
        self._build_actions()
        self._connect()

    # -- actions -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        frame = self._frame
        self.add_folder_action = self._action("Add &Folder to Library…", self.ask_add_folder, "Ctrl+Shift+I")
        file_menu = frame.menu("File")
        file_menu.insertAction(file_menu.actions()[1], self.add_folder_action)  # after Open…
        self.pages.addAction(self.add_folder_action)  # its shortcut works wherever the keyboard is
        self.update_action = self._action("&Update Library", self.update)
        self.update_action.setToolTip("Check every article again; analyse what changed or was analysed by an "
                                      "older Reader")
        self.stop_action = self._action("&Stop Adding", self.stop_adding)
        self.stop_action.setEnabled(False)
        self.export_action = self._action("&Export Quotations…", self.ask_export, "Ctrl+Shift+X")
        for action in (self.update_action, self.stop_action, self.export_action):
            frame.add_action(action, "Library")

        frame.menu("View").addSeparator()
        group = QActionGroup(self)
        self.page_actions: dict[str, QAction] = {}
        for name, label, keys in PAGES:
            action = self._action(label, partial(self.show_page, name), keys)
            action.setCheckable(True)
            action.setChecked(name == self.pages.current)
            action.setToolTip(f"Show the {name.capitalize()} page")
            group.addAction(action)
            frame.add_action(action, "View")
            self.page_actions[name] = action
        # the shortcut of the articles browser this page replaces still leads to it
        self.page_actions["library"].setShortcuts([QKeySequence("Ctrl+2"), QKeySequence("Ctrl+Shift+B")])

    def _action(self, text: str, slot: Callable[[], object], keys: str | None = None) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _connect(self) -> None:
        session, library = self._session, self._session.library
        library.add_started.connect(self._add_started)
        library.progress.connect(self.pages.progress.set_progress)
        library.add_finished.connect(self._add_finished)
        library.add_failed.connect(self._add_failed)
        library.outdated_found.connect(self._analyse_outdated)
        self.pages.progress.cancel_requested.connect(library.cancel)
        self.pages.page_changed.connect(self._page_changed)
        session.article_loaded.connect(self._article_loaded)
        session.analysis_ready.connect(self._analysis_ready)
        page = self.library_page
        page.article_activated.connect(self.open_article)
        page.add_folder_requested.connect(self.ask_add_folder)
        page.update_requested.connect(self.update)
        page.tag_search_requested.connect(self._search_tag)
        actors = self.actors_page
        actors.actor_selected.connect(self._load_profile)
        actors.quote_activated.connect(self.open_quote)
        actors.article_activated.connect(self.open_article)
        actors.note_activated.connect(self.open_note)
        actors.export_requested.connect(self.ask_export)
        actors.add_folder_requested.connect(self.ask_add_folder)
        quotes = self.quotes_page
        quotes.query_changed.connect(self._search_quotes)
        quotes.quote_activated.connect(self.open_quote)
        quotes.export_requested.connect(self.ask_export)

    # -- pages -------------------------------------------------------------------------------

    def show_page(self, name: str) -> None:
        """Show a page (``reading``, ``library``, ``actors``, ``quotations``) with the keyboard in it."""
        self.pages.show_page(name)
        self.pages.page(name).setFocus()

    def _page_changed(self, name: str) -> None:
        self.page_actions[name].setChecked(True)
        self.refresh(name)

    def refresh(self, name: str | None = None) -> None:
        """Ask the library again for what a page shows (the page shown when ``name`` is ``None``)."""
        name = name or self.pages.current
        library = self._session.library
        if name == "library":
            library.articles(on_done=self.library_page.set_rows, on_error=self._frame.show_status)
            self._session.store(self._session.core.articles, key="library-tags",
                                on_done=lambda overview: self.library_page.set_tags(overview.tags),
                                on_error=lambda _err: None)  # no note store: no tags, said elsewhere
        elif name in ("actors", "quotations"):
            library.actors(on_done=self._actors_loaded, on_error=self._frame.show_status)
            if name == "quotations":
                self.quotes_page.search()

    def _actors_loaded(self, actors: list[ActorRow]) -> None:
        self.actors_page.set_actors(actors)
        self.quotes_page.set_speakers(sorted({a.name for a in actors if a.kind == "person"}, key=str.casefold))
        selected = self.actors_page.selected_actor()
        if selected is not None:
            self._load_profile(selected)

    def _load_profile(self, actor_id: str) -> None:
        def loaded(profile: ActorProfile | None) -> None:
            if self.actors_page.selected_actor() == actor_id:
                self.actors_page.set_profile(profile)

        self._session.library.profile(actor_id, on_done=loaded, on_error=self._frame.show_status)

    def _search_quotes(self, query: QuoteQuery) -> None:
        self._session.library.quotes(query, on_done=self.quotes_page.set_results,
                                     on_error=self.quotes_page.show_failure)

    def _search_tag(self, tag: str) -> None:
        self.show_page("reading")
        self._notes.search_tag(tag)

    # -- adding ------------------------------------------------------------------------------

    def ask_add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.pages, "Add a Folder of Articles to the Library",
                                                  str(Path.home()))
        if folder:
            self.add_paths([folder])

    def add_paths(self, paths: list[str]) -> None:
        """Register files and folders and analyse what is new or changed, in the background."""
        if self._session.notes_unavailable:
            self._frame.show_error("The library is kept in the note store, which is not available now.")
            return
        paths = [os.path.abspath(p) for p in paths]
        self._settings.set_pending_additions(self._settings.pending_additions() + paths)
        self._session.library.add(paths)

    def stop_adding(self) -> None:
        """Stop the add in progress (and those queued); what was added is kept."""
        if self._session.library.adding:
            self.pages.progress.stopping()
            self._session.library.cancel()

    def update(self) -> None:
        """Check every registered article again; analyse what changed or is outdated."""
        if self._session.notes_unavailable:
            self._frame.show_error("The library is kept in the note store, which is not available now.")
            return
        self._session.library.update()

    def _analyse_outdated(self, count: int) -> None:
        """Reader or its model changed since these articles were analysed: analyse them again in
        the background (issue 15), with the add's progress, time left and Cancel; queued
        after an add that is running."""
        self._frame.show_status(f"Reader's analysis has changed since {count:,} article{'s' * (count != 1)} "
                                "of the library were analysed: analysing them again…")
        self._session.library.update()

    def resume(self) -> None:
        """Add again what an earlier window was adding when it closed (once the note store is open)."""
        pending = self._settings.pending_additions()
        if not pending:
            return
        if not self._session.core.notes_available:
            if not self._resume_waiting:
                self._resume_waiting = True
                self._session.notes_ready.connect(self._resume_now)
            return
        self._frame.show_status(f"Resuming: adding {', '.join(Path(p).name for p in pending)} to the library…")
        self._session.library.add(pending)

    def _resume_now(self) -> None:
        if self._resume_waiting:
            self._resume_waiting = False
            self._session.notes_ready.disconnect(self._resume_now)
            self.resume()

    def _add_started(self, paths: list[str]) -> None:
        self.pages.progress.started(paths)
        self.stop_action.setEnabled(True)
        self.library_page.set_adding(True)

    def _add_finished(self, report: AddReport) -> None:
        more = self._session.library.adding
        self.pages.progress.finished(report, more)
        self._frame.show_status(describe_report(report))
        if not more:
            self.stop_action.setEnabled(False)
            self._settings.set_pending_additions([])
            self.library_page.set_adding(False)
        if report.count("added") or report.count("moved"):
            self.library_page.show_all_articles()  # the reader just asked for these
        if self.pages.current != "reading":
            self.refresh()

    def _add_failed(self, message: str) -> None:
        if not self._session.library.adding:
            self.stop_action.setEnabled(False)
            self._settings.set_pending_additions([])  # not retried at every start: the reader was told
            self.library_page.set_adding(False)
        self.pages.progress.failed(message)
        self._frame.show_error(f"Adding to the library failed: {message}")

    # -- opening what a page shows -------------------------------------------------------------

    def open_article(self, row: ArticleRow) -> None:
        if row.status == "missing" or not os.path.exists(row.path):
            self._frame.show_status(f"{row.path} is missing; its notes are kept (search them with Ctrl+Shift+F).")
            return
        self.show_page("reading")
        if self._session.doc_id != row.document:
            self._session.open_path(row.path)

    def open_quote(self, row: QuoteRow) -> None:
        """Show the quotation in its article, marked (see the module docstring)."""
        if not os.path.exists(row.path):
            self._frame.show_status(f"{row.path} is missing; the quotation cannot be shown in it.")
            return
        self.show_page("reading")
        self._mark = row
        if self._session.doc_id == row.document and self._session.article is not None:
            self._mark_in(self._session.article, scroll=True)
        else:
            self._session.open_path(row.path, row.start)

    def open_note(self, ref: NoteRef) -> None:
        note = ref.annotation
        self.show_page("reading")
        self._notes.open_at(ref.path, None if note.status == "orphaned" else note.selector.start, note.id)

    def _article_loaded(self, article: Article) -> None:
        if self._mark is not None and self._session.doc_id == self._mark.document:
            self._mark_in(article, scroll=True)
        else:
            self._mark = None

    def _analysis_ready(self, analysed: Analysed) -> None:
        """The analysis redraws the view's emphasis: mark the quotation again, where it is."""
        if self._mark is not None and analysed.article is self._session.article:
            self._mark_in(analysed.article, scroll=False)

    def _mark_in(self, article: Article, scroll: bool) -> None:
        row = self._mark
        assert row is not None
        span = locate(article.text, row)
        if span is None:
            self._mark = None
            self._frame.show_status("That quotation is not in this version of the article (the file changed); "
                                    "add its folder again to bring the library up to date.")
            return
        self._marker.mark_span(*span, scroll=scroll)
        if scroll:
            who = f"{row.speaker}: " if row.speaker else ""
            self._frame.show_status(f"{who}{quoted(shorten(row.text, 80))}")  # a quote holds its own marks

    # -- export ------------------------------------------------------------------------------

    def ask_export(self) -> None:
        """Export the quotations of the actor selected (Actors page) or of the search (Quotations page)."""
        rows, heading = self._export_rows()
        if not rows:
            self._frame.show_status("Select an actor on the Actors page, or search on the Quotations page, "
                                    "to choose the quotations to export.")
            return
        name = re.sub(r"[^\w\- ]+", "", heading).strip().replace(" ", "-").lower() or "quotations"
        path, chosen = QFileDialog.getSaveFileName(self.pages, "Export Quotations", str(Path.home() / f"{name}.md"),
                                                   ";;".join(EXPORT_FILTERS.values()), EXPORT_FILTERS["markdown"])
        if path:
            self.export_to(path, rows, heading, "csv" if chosen == EXPORT_FILTERS["csv"] else "markdown")

    def export_to(self, path: str, rows: list[QuoteRow], heading: str, chosen: str = "markdown") -> None:
        """Write ``rows`` to ``path`` off the UI thread: CSV for ``.csv``, Markdown for ``.md``, else ``chosen``."""
        suffix = Path(path).suffix.lower()
        fmt = "csv" if suffix == ".csv" else "markdown" if suffix in (".md", ".markdown") else chosen
        self._session.library.export_quotes(rows, fmt, Path(path), heading, on_done=lambda count: (
            self._frame.show_status(f"Exported {count:,} quotation{'s' * (count != 1)} to {path}.")))

    def _export_rows(self) -> tuple[list[QuoteRow], str]:
        profile = self.actors_page.profile
        if self.pages.current == "quotations" or (self.pages.current != "actors" and self.quotes_page.rows):
            return self.quotes_page.rows, self.quotes_page.describe()
        if profile is not None:
            return profile.quotes, f"Quotations of {profile.actor.name}"
        return [], ""


