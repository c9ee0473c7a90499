"""The window's one handle on the core: the open article, its analysis, and the session's life.

:class:`Session` wraps a :class:`~reader.core.Core` once for the window. It holds what the
reader has open (the article, its record and notes, its analysis), runs every core call on
a keyed task (:mod:`reader.ui.tasks`) so that the UI thread never waits and stale answers
never arrive, and tells the widgets what happened through typed signals. Panels get the
session and their own widgets; none of them reaches into the window.

Start-up and shutdown happen here, in a fixed order. :meth:`Session.start` opens the note
store on the store lane while the window is already up. :meth:`Session.close` asks the
panels to hand over unsaved edits (:attr:`closing`), saves the reading position, stops
delivering answers, and closes the core (queued writes finish, the store folds its journal
when due and brings its search file up to date, a running analysis is abandoned).

The reading position has one home: the article's record in the store. The view knows
where the reader is now (:meth:`track_position`); the session saves it when the reader
leaves the article or the window, and :class:`~reader.core.Opened` brings it back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from reader.analysis.model import Analysis
from reader.core import Core, Opened
from reader.core.parts import PART_MIN_CHARS
from reader.core.lanes import Lane
from reader.document import Article
from reader.errors import ReaderError, describe
from reader.ui import markup
from reader.ui.library_session import LibraryTasks
from reader.ui.tasks import Failed, Task, TaskRunner

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Analysed:
    """An article's analysis, cut into the runs the view draws (both made off the UI thread)."""

    article: Article
    analysis: Analysis
    runs: list[markup.Run]


class Session(QObject):
    """The open article and every core call the window makes.

    Attributes:
        core: the core this session wraps (its lanes are where tasks run).
        tasks: the keyed task runner.
        article: the article shown, if any; ``opened`` its record, notes and position once read.
        analysis: its analysis once it arrived.
        requested_position: where the reader asked to land (a search hit, a reload), else ``None``.
        library: the library's adds (with progress and Cancel) and reads (:mod:`reader.ui.library_session`).

    Signals:
        notes_ready(): the note store is open.
        notes_failed(str, list): the store cannot be opened (its problem, its backups newest first).
        article_loaded(Article): an article's text, to show at once.
        article_opened(Opened): its record, notes and reading position.
        open_failed(str): a file could not be opened (the error follows on ``error``).
        analysis_started(): an analysis of the shown article began.
        analysis_partial(Analysed): a long article's first analysis of the screen shown; the
            whole one follows (see :meth:`Core.analyse_part`).
        analysis_ready(Analysed): it arrived.
        analysis_failed(str): it could not run; the text stays readable.
        status(str): a short message for the status bar.
        error(str): a problem to show the reader.
        closing(): the session ends now: hand over unsaved edits.
    """

    notes_ready = Signal()
    notes_failed = Signal(str, list)
    article_loaded = Signal(Article)
    article_opened = Signal(Opened)
    open_failed = Signal(str)
    analysis_started = Signal()
    analysis_partial = Signal(Analysed)
    analysis_ready = Signal(Analysed)
    analysis_failed = Signal(str)
    status = Signal(str)
    error = Signal(str)
    closing = Signal()

    def __init__(self, core: Core, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = TaskRunner(self._report, self)
        self.article: Article | None = None
        self.opened: Opened | None = None
        self.analysis: Analysis | None = None
        self.requested_position: int | None = None
        self._notes_failed = False
        self._position_source: Callable[[], int] | None = None
        self._closed = False
        self.library = LibraryTasks(self)

    # -- life --------------------------------------------------------------------------

    def start(self) -> None:
        """Open the note store on the store lane; calls made meanwhile wait behind it."""
        self.tasks.run(self.core.store_lane, self.core.start, key="notes", on_done=self._notes_opened,
                       on_error=self._store_failed)

    def close(self) -> None:
        """End the session in the order of the module's docstring; safe to call twice."""
        if self._closed:
            return
        self.closing.emit()
        self.save_position()
        self._closed = True
        self.tasks.shutdown()
        self.core.close()

    @property
    def notes_unavailable(self) -> bool:
        """Whether the store failed to open (until a backup is restored)."""
        return self._notes_failed

    def restore_backup(self, backup: Path | None = None) -> None:
        """Replace a damaged store with a backup (the newest by default) and show its notes."""
        def restored(chosen: Path) -> None:
            self._notes_opened()
            self.status.emit(f"Restored {chosen.name}; the damaged file is kept beside it.")
            if self.article is not None:
                self._visit(self.article)

        self.store(self.core.restore_backup, backup, key="notes", on_done=restored)

    def track_position(self, source: Callable[[], int]) -> None:
        """Where the reader is now, asked when the article or the window is left."""
        self._position_source = source

    # -- the open article --------------------------------------------------------------

    @property
    def doc_id(self) -> str | None:
        return Core.document_id(self.article) if self.article is not None else None

    def open_path(self, path: str, position: int | None = None) -> None:
        """Load ``path`` off the UI thread and show it, at ``position`` if given."""
        self.status.emit(f"Opening {Path(path).name}…")
        self.run(self.core.io_lane, self.core.load, path, key="open",
                 on_done=lambda article: self.show(article, position),
                 on_error=lambda err: self._open_failed(path, err))

    def show(self, article: Article, position: int | None = None) -> None:
        """Show a loaded article at once, then read its notes and position and analyse it.

        A long article is analysed from where the reader will be: first the screen shown (at
        ``position``, else the reading position its record keeps), then the whole text.
        """
        self.save_position()
        self.article, self.opened, self.analysis = article, None, None
        self.requested_position = position
        self.article_loaded.emit(article)
        long = len(article.text) >= PART_MIN_CHARS
        self._visit(article, analyse=long and position is None)
        if not long or position is not None:
            self.reanalyse(position)

    def reanalyse(self, position: int | None = None) -> None:
        """Analyse the shown article with the reader's corrections (again); a long one at
        ``position`` first, when given."""
        article = self.article
        if article is None:
            return
        self.status.emit("Finding people, organisations, places and quotes…")
        self.analysis_started.emit()
        if position is not None and len(article.text) >= PART_MIN_CHARS:
            self.run(self.core.analysis_lane, self._analyse_part, article, position, key="analysis-part",
                     on_done=self._part_analysed, on_error=lambda _err: None)  # the whole analysis says it
        self.run(self.core.analysis_lane, self._analyse, article, key="analysis", on_done=self._analysed,
                 on_error=self._analysis_failed)

    def save_position(self) -> None:
        """Keep where the reader is in the open article (a newer save of it supersedes a queued one)."""
        doc_id = self.doc_id
        if doc_id is None or self._position_source is None or self._closed or self.opened is None:
            return
        self.store(self.core.set_position, doc_id, self._position_source(), key=f"position:{doc_id}")

    # -- running core calls ------------------------------------------------------------

    def run(self, lane: Lane, fn: Callable[..., R], *args: Any, key: str | None = None,
            on_done: Callable[[R], object] | None = None, on_error: Failed | None = None) -> Task | None:
        """Run a core call on ``lane`` (see :meth:`TaskRunner.run`); nothing once the session ended."""
        if self._closed:
            return None
        return self.tasks.run(lane, fn, *args, key=key, on_done=on_done, on_error=on_error)

    def store(self, fn: Callable[..., R], *args: Any, key: str | None = None,
              on_done: Callable[[R], object] | None = None, on_error: Failed | None = None) -> Task | None:
        """Run a call that touches the note store on the store lane, in order with every other."""
        return self.run(self.core.store_lane, fn, *args, key=key, on_done=on_done, on_error=on_error)

    # -- answers -----------------------------------------------------------------------

    def _notes_opened(self, _result: object = None) -> None:
        self._notes_failed = False
        self.notes_ready.emit()

    def _store_failed(self, err: BaseException) -> None:
        self._notes_failed = True
        problem = describe(err)
        self.status.emit("Notes are unavailable: the note store could not be opened.")
        self.store(self.core.backups, on_done=lambda backups: self.notes_failed.emit(problem, backups),
                   on_error=lambda _err: self.notes_failed.emit(problem, []))

    def _visit(self, article: Article, analyse: bool = False) -> None:
        """Read the article's record, notes and position; then analyse it there, if ``analyse``."""
        def visited(opened: Opened) -> None:
            if self.requested_position is not None:
                opened = dataclasses.replace(opened, position=self.requested_position)
            self.opened = opened
            self.article_opened.emit(opened)
            if analyse and article is self.article:
                self.reanalyse(opened.position)

        def failed(err: BaseException) -> None:
            self._report(err)
            if analyse and article is self.article:
                self.reanalyse(0)

        self.store(self.core.visit, article, key="visit", on_done=visited, on_error=failed)

    def _analyse(self, article: Article) -> Analysed:
        """On the analysis lane: the analysis and the runs the view will draw."""
        analysis = self.core.analyse(article)
        return Analysed(article, analysis, markup.runs(article, analysis))

    def _analyse_part(self, article: Article, position: int) -> Analysed | None:
        """On the analysis lane: the first analysis of a long article's screen, or ``None``."""
        part = self.core.analyse_part(article, position)
        return None if part is None else Analysed(article, part, markup.runs(article, part))

    def _part_analysed(self, analysed: Analysed | None) -> None:
        if analysed is not None and analysed.article is self.article and self.analysis is None:
            self.analysis_partial.emit(analysed)

    def _analysed(self, analysed: Analysed) -> None:
        self.tasks.cancel("analysis-part")
        self.analysis = analysed.analysis
        self.status.emit("Ready")
        self.analysis_ready.emit(analysed)

    def _analysis_failed(self, err: BaseException) -> None:
        self._report(err)
        self.analysis_failed.emit(describe(err))

    def _open_failed(self, path: str, err: BaseException) -> None:
        if isinstance(err, ReaderError):
            self.open_failed.emit(path)
        self._report(err)

    def _report(self, err: BaseException) -> None:
        self.error.emit(describe(err))
