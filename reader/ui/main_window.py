"""The main window: the article (or a page of the library) in the centre, panels at the side, menus for everything.

It lays out the reading view, the panels and the menus, shows what its
:class:`~reader.ui.session.Session` reports, and turns the reader's requests into session
calls; the session runs them (opening, analysing, storing) off the UI thread. It is the
:class:`~reader.ui.frame.Frame` the notes live in, and the one place errors reach the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QMainWindow, QMenu, QMessageBox, QSizePolicy, QToolBar,
                               QWidget)

from reader.analysis.model import Analysis
from reader.bundled import sample_article
from reader.core import Opened
from reader.document import Article
from reader.ui import help_dialogs, icons, link_prompt, theme as themes
from reader.ui.actors_panel import ActorsPanel
from reader.ui.article_view import ArticleView
from reader.ui.corrections_ui import CorrectionsController
from reader.ui.legend import Legend
from reader.ui.library_ui import LibraryController
from reader.ui.notes_ui import NotesController
from reader.ui.panel_layout import PanelLayout
from reader.ui.pages import Pages
from reader.ui.quotes_panel import QuotesPanel
from reader.ui.recent_files import RecentFiles
from reader.ui.session import Analysed, Session
from reader.ui.settings import MAX_ZOOM, MIN_ZOOM, Settings
from reader.ui.status_bar import StatusBar
from reader.ui.theme_switch import ThemeSwitch
from reader.ui.undo import History

MENUS = ("File", "Edit", "View", "Library", "Notes", "Help")
OPEN_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml);;All files (*)"
DOCKS = QDockWidget.DockWidgetFeature


class MainWindow(QMainWindow):
    """The reading window over one :class:`Session`.

    Attributes:
        session: runs everything; holds the open article and its analysis.
        view: the :class:`ArticleView`, the Reading page of ``pages`` in the centre.
        notes: highlights, notes and search.
        library: adding folders; the Library, Actors and Quotations pages.
        corrections: corrections of actors, and the hidden actors.
        history: Edit › Undo and Redo.
        panels: the panel toggles, and the panels giving way in a narrow window.
    """

    def __init__(self, session: Session, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.settings = session, settings
        self._menus: dict[str, QMenu] = {}
        theme = themes.resolve(settings.theme())
        self.setWindowTitle("Reader")
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.view = ArticleView(theme, self)
        self.view.set_zoom(settings.zoom())
        self.view.hidden_kinds = settings.hidden_kinds()
        self.pages = Pages(self.view, self)
        self.setCentralWidget(self.pages)
        self.legend = Legend(theme, self)
        self.legend.set_hidden(self.view.hidden_kinds)
        self.actors, self.quotes = ActorsPanel(theme, self), QuotesPanel(theme, self)
        self.actors_dock = self.add_dock(self.actors, "Actors", Qt.DockWidgetArea.RightDockWidgetArea)
        self.quotes_dock = self.add_dock(self.quotes, "Quotes", Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabify(self.actors_dock, self.quotes_dock)
        self.actors_dock.raise_()
        self.history = History(self)
        self.panels = PanelLayout(self, self.view, self)
        self.corrections = CorrectionsController(self, self.actors, session, self.history, self)

        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.toolbar = QToolBar("Toolbar", self, movable=False)
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        for name in MENUS:
            self._menus[name] = self.menuBar().addMenu(f"&{name}")
        self._build_actions()
        self._connect()
        session.track_position(self.view.reading_position)
        self.notes = NotesController(self, self.view, session, self.history, self)
        self.library = LibraryController(self, self.pages, self.view, session, settings, self.notes, self)

    @property
    def article(self) -> Article | None:
        return self.session.article

    @property
    def analysis(self) -> Analysis | None:
        return self.session.analysis

    # the Frame the notes live in -----------------------------------------------------
    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def add_action(self, action: QAction, menu: str, toolbar: bool = False) -> None:
        self.menu(menu).addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.addAction(action)  # shortcuts work while the menu bar is hidden (full screen)

    def add_toolbar_separator(self) -> None:
        self.toolbar.addSeparator()

    def add_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.lower().replace(' ', '-')}")
        dock.setWidget(widget)
        dock.setFeatures(DOCKS.DockWidgetClosable | DOCKS.DockWidgetMovable | DOCKS.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def tabify(self, first: QDockWidget, second: QDockWidget) -> None:
        self.tabifyDockWidget(first, second)

    def show_status(self, text: str) -> None:
        self.status.show_text(text)

    def follow_link(self, href: str) -> None:
        """A link was clicked (in the article or a note): web links open after the reader confirms."""
        if (why := link_prompt.follow(self, href)) is not None:
            self.show_status(why)

    def show_error(self, text: str) -> None:
        """The one place errors reach the reader: a message box that does not block."""
        self.status.show_text(text)
        box = QMessageBox(QMessageBox.Icon.Warning, "Reader", text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def open_path(self, path: str, position: int | None = None) -> None:
        """Open ``path`` (off the UI thread), at ``position`` if given."""
        self.session.open_path(path, position)

    # actions ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        act, (file, edit, view, help_) = self._action, (self.menu(n) for n in ("File", "Edit", "View", "Help"))
        open_action = act("&Open…", QKeySequence.StandardKey.Open, self._open_dialog, file,
                          icons.themed("document-open"))
        self.recent = RecentFiles(file.addMenu("Open &Recent"), self.settings, self)
        act("Re&load", QKeySequence.StandardKey.Refresh, self._reload, file)
        act("Open &Sample Article", "Ctrl+Shift+O", lambda: self.open_path(str(sample_article())), file)
        file.addSeparator()
        act("&Quit", "Ctrl+Q", self.close, file)
        for action in (self.history.undo_action, self.history.redo_action):
            self.add_action(action, "Edit")
        edit.addSeparator()
        act("&Copy", QKeySequence.StandardKey.Copy, self.view.copy, edit)
        act("Select &All", QKeySequence.StandardKey.SelectAll, self.view.selectAll, edit)

        zoom_in = act("Zoom &In", "Ctrl+=", lambda: self._zoom(1), view, icons.themed("zoom-in"))
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        zoom_out = act("Zoom &Out", "Ctrl+-", lambda: self._zoom(-1), view, icons.themed("zoom-out"))
        act("&Actual Size", "Ctrl+0", lambda: self._zoom(None), view)
        view.addSeparator()
        self.themes = ThemeSwitch(view.addMenu("&Theme"), self.settings,
                                  (self.view, self.legend, self.actors, self.quotes), self)
        self.addActions(list(self.themes.actions.values()))
        view.addSeparator()
        highlights = view.addMenu("&Highlights")
        for action in self.legend.actions_by_kind.values():
            highlights.addAction(action)
            self.addAction(action)
        view.addSeparator()
        for dock, focus, text, keys in ((self.actors_dock, self.actors.tree, "&Actors Panel", "Ctrl+Shift+A"),
                                        (self.quotes_dock, self.quotes.list, "&Quotes Panel", "Ctrl+Shift+Q")):
            self.add_action(self.panels.toggle(dock, focus, text, keys), "View")
        act("Filter &Actors", "Ctrl+Shift+E", lambda: self.panels.toggle_panel(self.actors_dock, self.actors.filter),
            view)
        act("&Hidden Actors", "Ctrl+Shift+H", self.corrections.show_hidden, view)
        act("&Back to the Text", "Esc", self.view.back_to_text, view)
        act("&Full Screen", QKeySequence.StandardKey.FullScreen,
            lambda: self.showNormal() if self.isFullScreen() else self.showFullScreen(), view)
        act("&Keyboard Shortcuts", QKeySequence.StandardKey.HelpContents, self._show_shortcuts, help_)
        act("&About Reader", "Ctrl+Shift+F1",
            lambda: help_dialogs.show_about(self, *self.session.core.analysis_identity()), help_)

        self.toolbar.addAction(open_action)
        self.toolbar.addSeparator()
        self.toolbar.addActions([zoom_out, zoom_in])
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.legend)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)

    def _action(self, text: str, keys: str | QKeySequence.StandardKey, slot: Callable[[], object], menu: QMenu,
                icon: QIcon | None = None) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        if icon is not None:
            action.setIcon(icon)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        self.addAction(action)  # shortcuts work while the menu bar is hidden (full screen)
        return action

    def _connect(self) -> None:
        session = self.session
        session.article_loaded.connect(self._article_loaded)
        session.article_opened.connect(self._article_opened)
        session.open_failed.connect(self.recent.forget)
        session.analysis_started.connect(self.status.analysis_started)
        session.analysis_partial.connect(lambda part: self.view.set_analysis(part.analysis, part.runs))
        session.analysis_ready.connect(self._analysis_ready)
        session.analysis_failed.connect(lambda _message: self.status.analysis_failed())
        session.status.connect(self.show_status)
        session.error.connect(self.show_error)
        self.recent.chosen.connect(self.open_path)
        self.legend.kind_toggled.connect(self._kind_toggled)
        self.view.link_activated.connect(self.follow_link)
        self.view.markup_progress.connect(self.status.markup_progress)
        self.view.position_clicked.connect(lambda _pos: self.view.clear_focus())
        self.actors.actor_activated.connect(self.view.focus_actor)
        self.quotes.quote_activated.connect(self.view.scroll_to)
        self.panels.gave_way.connect(self.show_status)

    def _open_dialog(self) -> None:
        """Ask for an article, starting in the open one's folder; the home folder instead of the
        bundled sample's, which lies inside the installed program."""
        source = Path(self.article.source) if self.article and self.article.source else None
        start = "" if source is None else str(Path.home() if source == sample_article() else source.parent)
        path, _ = QFileDialog.getOpenFileName(self, "Open Article", start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def _reload(self) -> None:
        if self.article and self.article.source:
            self.open_path(self.article.source, self.view.reading_position())

    def _zoom(self, step: int | None) -> None:
        steps = 0 if step is None else min(max(self.view.zoom + step, MIN_ZOOM), MAX_ZOOM)
        self.view.set_zoom(steps, keep_place=True)
        self.settings.set_zoom(steps)
        self.show_status(f"Text size {100 + steps * 100 // 13} %")

    def _kind_toggled(self, kind: str, visible: bool) -> None:
        self.view.set_kind_visible(kind, visible)
        self.settings.set_hidden_kinds(self.view.hidden_kinds)

    def _show_shortcuts(self) -> None:
        groups = [*help_dialogs.menu_groups(self._menus.values()),
                  ("Actors panel", list(self.actors.correction_actions.values()))]
        help_dialogs.show_shortcuts(self, groups)

    # what the session reports ---------------------------------------------------------
    def _article_loaded(self, article: Article) -> None:
        """Show the text at once; its notes, place and highlights follow."""
        self.view.set_article(article)
        self.actors.reset()
        self.quotes.set_analysis(None, None)
        self.legend.set_analysis(None)
        self.status.article_shown(len(article.text), article.notice)
        self.setWindowTitle(f"{article.title} — Reader" if article.title else "Reader")
        if article.source:
            self.setWindowFilePath(article.source)
            self.recent.add(article.source)

    def _article_opened(self, opened: Opened) -> None:
        if opened.article is self.article and opened.position:
            self.view.scroll_to(opened.position, exact_top=self.session.requested_position is None)

    def _analysis_ready(self, analysed: Analysed) -> None:
        analysis = analysed.analysis
        self.view.set_analysis(analysis, analysed.runs)
        self.actors.set_analysis(analysis)
        self.quotes.set_analysis(analysed.article, analysis)
        self.legend.set_analysis(analysis)
        self.status.analysis_ready(analysis)

    # drag and drop, closing -----------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if files := [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]:
            event.acceptProposedAction()
            folders = [f for f in files if Path(f).is_dir()]
            self.library.add_paths(folders) if folders else self.open_path(files[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window, then end the session (see :meth:`Session.close`)."""
        self.settings.set_geometry(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.session.close()
        super().closeEvent(event)
