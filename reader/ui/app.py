"""Start the window: the application object, the core and its session, the first article.

``reader FILE --screenshot OUT.png`` runs the same start-up, waits for the analysis and
its highlights, saves the window as a picture and exits.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from reader import paths
from reader.bundled import sample_article
from reader.core import Core
from reader.document import Article, load
from reader.errors import AnalysisError, ReaderError
from reader.ui import icons
from reader.ui.display import display_problem
from reader.ui.main_window import MainWindow
from reader.ui.session import Session
from reader.ui.settings import Settings
from reader.ui.store_dialog import offer_backups

SCREENSHOT_SIZE = (1360, 860)
SCREENSHOT_TIMEOUT_MS = 10 * 60 * 1000


def run_window(args: argparse.Namespace) -> int:
    """Open the window on ``args.file`` (the bundled sample when none) and run it.

    The order is fixed: the article is read first (a bad FILE fails before any window), then
    the window shows its text while the note store opens on the core's store lane; closing
    the window ends the session (:meth:`Session.close`), which closes the core.
    """
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no display
    elif (problem := display_problem()) is not None:
        raise ReaderError(problem)  # before Qt would abort the process over it
    data_dir = paths.data_dir(args.data_dir)
    article = initial_article(args.file)
    app = _application()
    # A screenshot shows the reader's notes and settings but changes none of them: no recent
    # file, no library record, no reading position (only the disposable analysis cache).
    watching = bool(args.screenshot)
    settings = Settings(paths.settings_path(data_dir), read_only=watching)
    session = Session(Core(data_dir, model=args.model, read_only=watching))
    window = MainWindow(session, settings)
    if args.screenshot:
        window.resize(*SCREENSHOT_SIZE)
    elif (geometry := settings.geometry()) is not None:
        window.restoreGeometry(geometry)
        if (state := settings.window_state()) is not None:
            window.restoreState(state)
    else:
        window.resize(1280, 860)
    if not args.screenshot:
        offer_backups(session, window)
        window.library.resume()  # folders an earlier window was adding when it closed
    window.show()
    session.start()
    session.show(article)
    try:
        return _screenshot(app, window, Path(args.screenshot)) if args.screenshot else app.exec()
    finally:
        session.close()  # already done when the window closed; here for an exit without a close


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


def _screenshot(app: QApplication, window: MainWindow, out: Path) -> int:
    """Wait until the analysis is drawn, then save the window (notes or not: a damaged store
    only means the picture has no highlights of the reader's)."""
    loop = QEventLoop()
    failure: list[str] = []

    def fail(message: str) -> None:
        failure.append(message)
        loop.quit()

    window.session.analysis_ready.connect(lambda _a: _when_drawn(window, loop.quit))
    window.session.analysis_failed.connect(fail)
    timer = QTimer(singleShot=True, interval=SCREENSHOT_TIMEOUT_MS)
    timer.timeout.connect(lambda: fail("the analysis did not finish in time"))
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


def _when_drawn(window: MainWindow, then: Callable[[], object]) -> None:
    """Call ``then`` once every highlight batch has been applied."""
    if window.view.markup_pending():
        QTimer.singleShot(20, lambda: _when_drawn(window, then))
    else:
        QTimer.singleShot(50, then)
