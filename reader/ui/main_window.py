"""The main window: the article in the centre, panels at the side, menus for everything.

It is the one place that turns the panels' requests into dialogs, store calls and new
analyses, and the one place that shows errors to the reader.

Signals:
    article_opened(object): an :class:`Article` is now shown (its text, not yet analysed).
    analysis_ready(object): the :class:`Analysis` of the shown article arrived.
    analysis_failed(str): the analysis could not run; the text stays readable.
"""

from __future__ import annotations

import html

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (QAction, QActionGroup, QCloseEvent, QDesktopServices, QDragEnterEvent,
                           QDropEvent, QGuiApplication, QKeySequence)
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QInputDialog, QLabel,
                               QMainWindow, QMenu, QMessageBox, QProgressBar, QSizePolicy,
                               QToolBar, QWidget)

from notes.errors import StoreError
from notes.records import Correction
from notes.store import document_id
from reader import __version__, paths
from reader.analysis.model import KINDS, Analysis
from reader.document import Article, load
from reader.errors import ReaderError
from reader.ui import icons, links, markup, theme as themes
from reader.ui.actors_panel import ActorsPanel
from reader.ui.article_view import ArticleView
from reader.ui.legend import Legend
from reader.ui.notes_ui import install_notes
from reader.ui.quotes_panel import QuotesPanel
from reader.ui.settings import MAX_ZOOM, MIN_ZOOM, THEME_CHOICES, Settings
from reader.ui.tasks import TaskRunner

MENUS = ("File", "Edit", "View", "Notes", "Help")
OPEN_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml);;All files (*)"


class MainWindow(QMainWindow):
    """The reading window.

    Attributes:
        view: the :class:`ArticleView` in the centre.
        article: the article shown, if any.
        analysis: its analysis once it arrived.
        store: the note store, or ``None`` when Reader runs without notes.
        tasks: the :class:`TaskRunner` for loads, analyses and store calls.
        data_dir: the folder of the store, the cache and the settings.
    """

    article_opened = Signal(object)
    analysis_ready = Signal(object)
    analysis_failed = Signal(str)

    def __init__(self, data_dir: Path, settings: Settings, store: Any = None,
                 model: str | None = None, analyzer: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings
        self.store = store
        self.model = model
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.tasks = TaskRunner(self)
        self._analyzer: Any = analyzer  # anything with analyze(text, corrections); made on first use
        self._generation = 0
        self._menus: dict[str, QMenu] = {}
        self._theme_choice = settings.theme()
        theme = themes.resolve(self._theme_choice)

        self.setWindowTitle("Reader")
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.view = ArticleView(theme, self)
        self.view.set_zoom(settings.zoom())
        self.view.hidden_kinds = settings.hidden_kinds()
        self.setCentralWidget(self.view)

        self.legend = Legend(theme, self)
        self.legend.set_hidden(self.view.hidden_kinds)
        self.actors = ActorsPanel(theme, self)
        self.quotes = QuotesPanel(theme, self)
        self.actors_dock = self.add_dock(self.actors, "Actors", Qt.DockWidgetArea.RightDockWidgetArea)
        self.quotes_dock = self.add_dock(self.quotes, "Quotes", Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.actors_dock, self.quotes_dock)
        self.actors_dock.raise_()

        self._status = QLabel(self)
        self._progress = QProgressBar(self, maximumWidth=160, maximumHeight=14, textVisible=False)
        self._progress.hide()
        self._summary = QLabel(self)
        self._notice = QLabel(self)  # what the loader had to guess about the shown article
        self.statusBar().addWidget(self._status, 1)
        self.statusBar().addPermanentWidget(self._notice)
        self.statusBar().addPermanentWidget(self._progress)
        self.statusBar().addPermanentWidget(self._summary)

        self.toolbar = QToolBar("Toolbar", self)
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        for name in MENUS:
            self._menus[name] = self.menuBar().addMenu(f"&{name}")
        self._build_actions()

        self.legend.kind_toggled.connect(self._kind_toggled)
        self.view.link_activated.connect(self._link_activated)
        self.view.markup_progress.connect(self._markup_progress)
        self.actors.actor_activated.connect(self.view.focus_actor)
        self.actors.correction_requested.connect(self._correction_requested)
        self.quotes.quote_activated.connect(self.view.scroll_to)
        self.view.position_clicked.connect(lambda _pos: self.view.clear_focus())
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self._apply_theme(theme)

        self.notes = install_notes(self)

    # the hooks other parts of the window build on ------------------------------------
    def menu(self, name: str) -> QMenu:
        """One of the menus File, Edit, View, Notes, Help."""
        return self._menus[name]

    def add_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.lower().replace(' ', '-')}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def show_status(self, text: str) -> None:
        self._status.setText(text)

    def show_error(self, text: str) -> None:
        """The one place errors reach the reader: a message box that does not block."""
        self._status.setText(text)
        box = QMessageBox(QMessageBox.Icon.Warning, "Reader", text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def open_path(self, path: str, position: int | None = None) -> None:
        """Load ``path`` off the UI thread and show it, at ``position`` if given."""
        self.show_status(f"Opening {Path(path).name}…")
        self.tasks.run(load, path, on_done=lambda article: self.show_article(article, position),
                       on_error=lambda err: self._open_failed(path, err))

    def show_article(self, article: Article, position: int | None = None) -> None:
        """Show a loaded article at once, then restore the place and start the analysis."""
        self._remember_position()
        self._generation += 1
        self.article, self.analysis = article, None
        self.view.set_article(article)
        self.actors.set_analysis(None)
        self.quotes.set_analysis(None, None)
        self.legend.set_counts({})
        self._summary.clear()
        self._notice.setText(article.notice or "")
        self.setWindowTitle(f"{article.title} — Reader" if article.title else "Reader")
        if article.source:
            self.setWindowFilePath(article.source)
            self.settings.add_recent(article.source)
            self._refresh_recent()
        self.show_status(f"{len(article.text):,} characters")
        self.article_opened.emit(article)
        self._restore_position(article, position)
        self._analyse()

    # actions ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        file, edit, view, help_ = (self.menu(n) for n in ("File", "Edit", "View", "Help"))
        open_action = self._action("&Open…", QKeySequence.StandardKey.Open, self._open_dialog, file,
                                   icon=icons.themed("document-open"))
        self.recent_menu = file.addMenu("Open &Recent")
        self._action("Re&load", QKeySequence.StandardKey.Refresh, self._reload, file)
        self._action("Open &Sample Article", "Ctrl+Shift+O", self._open_sample, file)
        file.addSeparator()
        self._action("&Quit", "Ctrl+Q", self.close, file)
        self._refresh_recent()

        self._action("&Copy", QKeySequence.StandardKey.Copy, self.view.copy, edit)
        self._action("Select &All", QKeySequence.StandardKey.SelectAll, self.view.selectAll, edit)

        zoom_in = self._action("Zoom &In", "Ctrl+=", lambda: self._zoom(1), view, icon=icons.themed("zoom-in"))
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        zoom_out = self._action("Zoom &Out", "Ctrl+-", lambda: self._zoom(-1), view, icon=icons.themed("zoom-out"))
        self._action("&Actual Size", "Ctrl+0", lambda: self._zoom(None), view)
        view.addSeparator()
        theme_menu = view.addMenu("&Theme")
        group = QActionGroup(self)
        keys = {"system": "Ctrl+Shift+Y", "light": "Ctrl+Shift+L", "dark": "Ctrl+Shift+D"}
        self.theme_actions: dict[str, QAction] = {}
        for choice in THEME_CHOICES:
            action = self._action(choice.capitalize() if choice != "system" else "Follow &System", keys[choice],
                                  lambda _=False, c=choice: self.set_theme(c), theme_menu)
            action.setCheckable(True)
            action.setChecked(choice == self._theme_choice)
            group.addAction(action)
            self.theme_actions[choice] = action
        view.addSeparator()
        highlights = view.addMenu("&Highlights")
        for action in self.legend.actions_by_kind.values():
            highlights.addAction(action)
            self.addAction(action)
        view.addSeparator()
        self._action("&Actors Panel", "Ctrl+Shift+A", lambda: self._toggle_panel(self.actors_dock, self.actors.tree),
                     view)
        self._action("&Quotes Panel", "Ctrl+Shift+Q", lambda: self._toggle_panel(self.quotes_dock, self.quotes.list),
                     view)
        self._action("Filter &Actors", "Ctrl+Shift+E", lambda: self._toggle_panel(self.actors_dock, self.actors.filter),
                     view)
        self._action("&Back to the Text", "Esc", self._back_to_text, view)
        self._action("&Full Screen", QKeySequence.StandardKey.FullScreen, self._toggle_full_screen, view)

        self._action("&Keyboard Shortcuts", QKeySequence.StandardKey.HelpContents, self._show_shortcuts, help_)
        self._action("&About Reader", "Ctrl+Shift+F1", self._about, help_)

        self.toolbar.addAction(open_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(zoom_out)
        self.toolbar.addAction(zoom_in)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.legend)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)

    def _action(self, text: str, keys: str | QKeySequence.StandardKey, slot: Callable[[], object],
                menu: QMenu, icon: Any = None) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        if icon is not None:
            action.setIcon(icon)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        self.addAction(action)  # shortcuts work while the menu bar is hidden (full screen)
        return action

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for i, path in enumerate(recent):
            action = self.recent_menu.addAction(f"&{i + 1} {Path(path).name}")
            action.setToolTip(path)
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{i + 1}"))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(recent))

    def _open_dialog(self) -> None:
        start = str(Path(self.article.source).parent) if self.article and self.article.source else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open Article", start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def _reload(self) -> None:
        if self.article and self.article.source:
            self.open_path(self.article.source, self.view.reading_position())

    def _open_sample(self) -> None:
        from reader.bundled import sample_article

        self.open_path(str(sample_article()))

    def _open_failed(self, path: str, err: BaseException) -> None:
        if isinstance(err, ReaderError) and str(path) in self.settings.recent_files():
            self.settings.remove_recent(str(path))
            self._refresh_recent()
        self._report(err)

    def _zoom(self, step: int | None) -> None:
        steps = 0 if step is None else min(max(self.view.zoom + step, MIN_ZOOM), MAX_ZOOM)
        position = self.view.reading_position()
        self.view.set_zoom(steps)
        self.view.scroll_to(position, exact_top=True)
        self.settings.set_zoom(steps)
        self.show_status(f"Text size {100 + steps * 100 // 13} %")

    def set_theme(self, choice: str) -> None:
        """``system``, ``light`` or ``dark``; remembered for next time."""
        self._theme_choice = choice
        self.settings.set_theme(choice)
        self.theme_actions[choice].setChecked(True)
        self._apply_theme(themes.resolve(choice))

    def _apply_theme(self, theme: themes.Theme) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(theme.palette(app.style().standardPalette()))
        self.view.set_theme(theme)
        self.legend.set_theme(theme)
        self.actors.set_theme(theme)
        self.quotes.set_theme(theme)

    def _system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme_choice == "system":
            self._apply_theme(themes.resolve("system"))

    def _kind_toggled(self, kind: str, visible: bool) -> None:
        self.view.set_kind_visible(kind, visible)
        self.settings.set_hidden_kinds(self.view.hidden_kinds)

    def _toggle_panel(self, dock: QDockWidget, focus: QWidget) -> None:
        """Show a panel and put the keyboard in it; pressed again from there, hide it."""
        there = QApplication.focusWidget()
        if dock.isVisible() and there is not None and (there is focus or focus.isAncestorOf(there)):
            dock.hide()
            self.view.setFocus()
            return
        dock.show()
        dock.raise_()
        focus.setFocus()
        if focus is self.actors.filter:
            self.actors.filter.selectAll()

    def _back_to_text(self) -> None:
        self.view.clear_focus()
        self.view.setFocus()

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _show_shortcuts(self) -> None:
        rows = []
        for name in MENUS:
            for action in self._menu_actions(self.menu(name)):
                if not action.shortcut().isEmpty():
                    label = action.text().replace("&", "").rstrip("…")
                    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    rows.append(f"<tr><td>{label}</td><td style='padding-left:18px'><b>{keys}</b></td></tr>")
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard Shortcuts", f"<table>{''.join(rows)}</table>",
                          QMessageBox.StandardButton.Close, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _menu_actions(self, menu: QMenu) -> list[QAction]:
        found = []
        for action in menu.actions():
            if action.menu() is not None:
                found += self._menu_actions(action.menu())
            elif not action.isSeparator():
                found.append(action)
        return found

    def _about(self) -> None:
        from reader.analysis.engine import Engine
        from reader.analysis.fingerprint import code_fingerprint

        QMessageBox.about(self, "About Reader",
                          f"<h3>Reader {__version__}</h3><p>A calm reader for news articles that marks up "
                          "who appears in them and what was said, and keeps your notes safe.</p>"
                          f"<p>Analysis fingerprint <tt>{code_fingerprint()}</tt><br>"
                          f"Language model <tt>{html.escape(Engine(self.model).model_key)}</tt></p>")

    # links ----------------------------------------------------------------------------
    def _link_activated(self, href: str) -> None:
        kind = links.classify(href)
        if kind is links.LinkKind.BLOCKED:
            self.show_status(links.describe_blocked(href))
        elif kind is links.LinkKind.WEB:
            answer = QMessageBox.question(self, "Open Link", f"Open this address in your web browser?\n\n{href}",
                                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                                          QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Open:
                QDesktopServices.openUrl(QUrl(href))

    # analysis -------------------------------------------------------------------------
    def _analyse(self) -> None:
        """Analyse the shown article (with the reader's corrections) on the analysis thread."""
        article = self.article
        if article is None:
            return
        generation = self._generation
        doc_id = article.source
        self.show_status("Finding people, organisations, places and quotes…")
        self._progress.setRange(0, 0)
        self._progress.show()

        def work() -> tuple[Analysis, list[markup.Run]]:
            corrections = [c.to_json() for c in self.store.corrections(doc_id)] if self.store and doc_id else []
            analysis = self._get_analyzer().analyze(article.text, corrections)
            return analysis, markup.runs(article, analysis)

        def done(result: tuple[Analysis, list[markup.Run]]) -> None:
            if generation == self._generation:
                self._analysis_done(*result)

        def failed(err: BaseException) -> None:
            if generation == self._generation:
                self._progress.hide()
                self._report(err)
                self.analysis_failed.emit(str(err))

        self.tasks.analysis(work, on_done=done, on_error=failed)

    def _get_analyzer(self) -> Any:
        """The analyzer, created on the analysis thread on first use (loading spaCy is slow)."""
        if self._analyzer is None:
            from reader.analysis.pipeline import Analyzer

            self._analyzer = Analyzer(self.model, paths.cache_dir(self.data_dir))
        return self._analyzer

    def _analysis_done(self, analysis: Analysis, runs: list[markup.Run]) -> None:
        self.analysis = analysis
        self.view.set_analysis(analysis, runs)
        self.actors.set_analysis(analysis)
        self.quotes.set_analysis(self.article, analysis)
        kinds = {a.id: a.kind for a in analysis.actors}
        counts = Counter(kinds[m.actor] for m in analysis.mentions if m.actor in kinds)
        self.legend.set_counts({**{k: counts[k] for k in KINDS}, "quote": len(analysis.quotes)})
        self._summary.setText(f"{len(analysis.actors):,} actors · {len(analysis.quotes):,} quotes")
        self.show_status("Ready")
        self.analysis_ready.emit(analysis)

    def _markup_progress(self, done: int, total: int) -> None:
        if total and done < total:
            self._progress.setRange(0, total)
            self._progress.setValue(done)
            self._progress.show()
            self.show_status("Marking up the text…")
        elif self.analysis is not None:
            self._progress.hide()
            if self._status.text() == "Marking up the text…":
                self.show_status("Ready")

    # actor corrections ----------------------------------------------------------------
    def _correction_requested(self, action: str, actor_id: str) -> None:
        analysis, article = self.analysis, self.article
        actor = analysis.actor(actor_id) if analysis else None
        if actor is None or article is None:
            return
        if self.store is None or not article.source:
            self.show_error("Actor corrections are kept in the note store, which is not available now.")
            return
        value: str | None = None
        if action == "rename":
            value, ok = QInputDialog.getText(self, "Rename Actor", f"New name for {actor.name}:", text=actor.name)
            value = value.strip()
            if not ok or not value or value == actor.name:
                return
        elif action == "merge":
            others = sorted((a.name for a in analysis.actors if a.id != actor.id), key=str.casefold)
            if not others:
                return
            value, ok = QInputDialog.getItem(self, "Merge Actor", f"Merge {actor.name} into:", others, 0, False)
            if not ok:
                return
        elif action == "kind":
            labels = [themes.KIND_SINGULAR[k] for k in KINDS]
            current = KINDS.index(actor.kind)
            label, ok = QInputDialog.getItem(self, "Change Kind", f"{actor.name} is a:", labels, current, False)
            if not ok or KINDS[labels.index(label)] == actor.kind:
                return
            value = KINDS[labels.index(label)]
        correction = Correction(action=action, actor=actor.name, value=value, document=article.source)  # type: ignore[arg-type]
        self.show_status(f"Saving the correction of {actor.name}…")
        self.tasks.store(self.store.add_correction, correction,
                         on_done=lambda _c: self._analyse(), on_error=self._report)

    # positions, settings, drag and drop ---------------------------------------------
    def _restore_position(self, article: Article, position: int | None) -> None:
        source = article.source
        if source is None:
            if position:
                self.view.scroll_to(position, exact_top=True)
            return
        generation = self._generation

        def go(pos: int) -> None:
            if generation == self._generation and pos:
                self.view.scroll_to(pos, exact_top=position is None)

        if position is not None:
            go(position)
        elif self.store is None:
            go(self.settings.position(source))
        if self.store is not None and position is None:
            # The notes controller records the opening (and re-anchors) on article_opened,
            # earlier in the same ordered store queue; here the saved place is only read.
            def restore(record: Any) -> None:
                if record is not None:
                    go(record.position)

            self.tasks.store(self.store.document, document_id(source), on_done=restore, on_error=self._report)

    def _remember_position(self) -> None:
        article = self.article
        if article is None or not article.source:
            return
        pos = self.view.reading_position()
        self.settings.set_position(article.source, pos)
        if self.store is not None:
            self.tasks.store(self.store.set_position, article.source, pos, on_error=self._report)

    def _report(self, err: BaseException) -> None:
        if isinstance(err, (ReaderError, StoreError)):
            self.show_error(str(err))
        else:
            self.show_error(f"Something went wrong: {err.__class__.__name__}: {err}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember_position()
        self.settings.set_geometry(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.tasks.shutdown()
        super().closeEvent(event)
