"""Start the window: the application object, the note store, the first article.

``reader FILE --screenshot OUT.png`` runs the same start-up, waits for the analysis and
its highlights, saves the window as a picture and exits.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from notes.errors import StoreError
from notes.store import NoteStore
from reader import paths
from reader.bundled import sample_article
from reader.document import Article, load
from reader.errors import AnalysisError, ReaderError
from reader.ui import icons
from reader.ui.display import display_problem
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings

SCREENSHOT_SIZE = (1360, 860)
SCREENSHOT_TIMEOUT_MS = 10 * 60 * 1000


def run_window(args: argparse.Namespace) -> int:
    """Open the window on ``args.file`` (the bundled sample when none) and run it.

    The last article is one keystroke away in File › Recent and reopens at its last
    reading position; DESIGN.md fixes that a bare ``reader`` shows the sample.
    """
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no display
    elif (problem := display_problem()) is not None:
        raise ReaderError(problem)  # before Qt would abort the process over it
    data_dir = paths.data_dir(args.data_dir)
    article = initial_article(args.file)  # a bad FILE fails here, before any window
    app = _application()
    settings = Settings(paths.settings_path(data_dir))
    store = open_store(paths.store_path(data_dir), interactive=not args.screenshot)
    window = MainWindow(data_dir, settings, store=store, model=args.model)
    if args.screenshot:
        window.resize(*SCREENSHOT_SIZE)
    elif (geometry := settings.geometry()) is not None:
        window.restoreGeometry(geometry)
        if (state := settings.window_state()) is not None:
            window.restoreState(state)
    else:
        window.resize(1280, 860)
    window.show()
    window.show_article(article)
    if args.screenshot:
        code = _screenshot(app, window, Path(args.screenshot))
    else:
        code = app.exec()
    if window.tasks.pending:
        # An analysis still running cannot be interrupted, and Python would wait for it
        # before exiting. Store writes were finished when the window closed and the cache
        # is written atomically, so leaving now loses nothing.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Reader")
    app.setApplicationDisplayName("Reader")
    app.setDesktopFileName("reader")
    app.setWindowIcon(icons.app_icon())
    return app


def initial_article(file: str | None) -> Article:
    """The article named on the command line, else the bundled sample."""
    return load(file if file else sample_article())


def open_store(path: Path, interactive: bool, parent: QWidget | None = None) -> NoteStore | None:
    """Open the note store; on a damaged file offer the newest backup, else run without notes.

    The damaged file is never changed or replaced silently. Without a reader to ask
    (``interactive`` false) the :class:`StoreError` propagates.
    """
    try:
        return NoteStore(path)
    except StoreError as err:
        if not interactive:
            raise
        problem = str(err)
    backups = NoteStore.backups(path)
    box = QMessageBox(QMessageBox.Icon.Warning, "Reader — note store", problem, parent=parent)
    if backups:
        box.setInformativeText(f"Restore the newest backup ({backups[0].name})? The damaged file is kept "
                               "beside it. Without restoring, Reader runs without notes this time.")
        restore = box.addButton("Restore Backup", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Run Without Notes", QMessageBox.ButtonRole.RejectRole)
    else:
        box.setInformativeText("There is no backup to restore. Reader runs without notes this time; "
                               "the file is left untouched.")
        restore = None
        box.addButton("Run Without Notes", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return None
    try:
        NoteStore.restore_backup(path, backups[0])
        return NoteStore(path)
    except StoreError as again:
        QMessageBox.warning(parent, "Reader — note store", f"{again}\nReader runs without notes this time.")
        return None


def _screenshot(app: QApplication, window: MainWindow, out: Path) -> int:
    """Wait until the analysis is drawn, then save the window."""
    loop = QEventLoop()
    failure: list[str] = []
    window.analysis_ready.connect(lambda _a: _when_drawn(window, loop.quit))
    window.analysis_failed.connect(lambda message: (failure.append(message), loop.quit()))
    timer = QTimer(singleShot=True, interval=SCREENSHOT_TIMEOUT_MS)
    timer.timeout.connect(lambda: (failure.append("the analysis did not finish in time"), loop.quit()))
    timer.start()
    loop.exec()
    try:
        if failure:
            raise AnalysisError(f"no screenshot: {failure[0]}")
        app.processEvents()
        picture = window.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not picture.save(str(out), "PNG"):
            raise ReaderError(f"{out}: cannot write the screenshot")
    finally:
        window.close()
    return 0


def _when_drawn(window: MainWindow, then: object) -> None:
    """Call ``then`` once every highlight batch has been applied."""
    if window.view.markup_pending():
        QTimer.singleShot(20, lambda: _when_drawn(window, then))
    else:
        QTimer.singleShot(50, then)  # type: ignore[arg-type]
