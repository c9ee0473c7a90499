"""The library as the window uses it: adds that report progress and can be cancelled, reads that never wait.

:class:`LibraryTasks` is the session's library part (``session.library``). It runs the
core's library calls (:class:`~reader.core.library_access.LibraryAccess`) as keyed tasks
of the session, so the UI thread never waits and an answer the reader no longer wants
(the actor clicked before the last one, the search before the last keystroke) is dropped.

Adding runs on the library's adding lane, one add after another. Progress comes from that
lane's thread through a queued signal. :meth:`cancel` stops the running add and every
queued one (what was done is kept); closing the session stops them the same way, through
the core.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from reader.core.library_access import ActorProfile, QuoteQuery
from reader.errors import describe
from reader.library import ActorRow, AddReport, ArticleRow, Progress, QuoteRow

if TYPE_CHECKING:
    from reader.core.library_access import LibraryAccess
    from reader.ui.session import Session

R = TypeVar("R")


class LibraryTasks(QObject):
    """Adds, updates and reads of the library, off the UI thread.

    Signals:
        add_started(list): an add began (its files and folders; empty for an update).
        progress(object): where the running add stands (a :class:`~reader.library.Progress`).
        add_finished(object): an add ended (an :class:`~reader.library.AddReport`; ``cancelled``
            when it was stopped).
        add_failed(str): an add could not run (the language model cannot load, no note store…).
    """

    add_started = Signal(list)
    progress = Signal(object)
    add_finished = Signal(object)
    add_failed = Signal(str)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._session = session
        self._flags: list[threading.Event] = []  # of the adds queued or running, oldest first

    @property
    def access(self) -> LibraryAccess:
        return self._session.core.library

    @property
    def adding(self) -> bool:
        """Whether an add or update is queued or running."""
        return bool(self._flags)

    # -- adding ----------------------------------------------------------------------------

    def add(self, paths: Sequence[str]) -> None:
        """Register ``paths`` (files and folders, recursively) and analyse what is new or changed."""
        paths = [str(p) for p in paths]
        self._start(paths, lambda flag: self.access.add(paths, progress=self._report_progress, cancel=flag))

    def update(self) -> None:
        """Check every registered article again; analyse what changed or is outdated."""
        self._start([], lambda flag: self.access.update(progress=self._report_progress, cancel=flag))

    def cancel(self) -> None:
        """Stop the running add and drop the queued ones (what was done is kept)."""
        for flag in self._flags:
            flag.set()

    def _start(self, paths: list[str], run: Callable[[threading.Event], AddReport]) -> None:
        flag = threading.Event()

        def ended(report: AddReport) -> None:
            self._forget(flag)
            self.add_finished.emit(report)

        def failed(err: BaseException) -> None:
            self._forget(flag)
            self.add_failed.emit(describe(err))

        task = self._session.run(self.access.adding_lane, run, flag, on_done=ended, on_error=failed)
        if task is not None:
            self._flags.append(flag)
            self.add_started.emit(paths)

    def _forget(self, flag: threading.Event) -> None:
        if flag in self._flags:
            self._flags.remove(flag)

    def _report_progress(self, progress: Progress) -> None:
        """On the adding lane: hand the progress to the UI thread."""
        try:
            self.progress.emit(progress)
        except RuntimeError:  # the window is gone; the core is stopping the add
            pass

    # -- reading ---------------------------------------------------------------------------

    def articles(self, on_done: Callable[[list[ArticleRow]], object], on_error: Callable[[str], object]) -> None:
        self._read(self.access.articles, key="library-articles", on_done=on_done, on_error=on_error)

    def actors(self, on_done: Callable[[list[ActorRow]], object], on_error: Callable[[str], object]) -> None:
        self._read(self.access.actors, key="library-actors", on_done=on_done, on_error=on_error)

    def profile(self, actor_id: str, on_done: Callable[[ActorProfile | None], object],
                on_error: Callable[[str], object]) -> None:
        self._read(self.access.profile, actor_id, key="library-profile", on_done=on_done, on_error=on_error)

    def quotes(self, query: QuoteQuery, on_done: Callable[[list[QuoteRow]], object],
               on_error: Callable[[str], object], key: str = "library-quotes") -> None:
        self._read(self.access.quotes, query, key=key, on_done=on_done, on_error=on_error)

    def export_quotes(self, rows: Sequence[QuoteRow], fmt: str, path: Path, heading: str,
                      on_done: Callable[[int], object]) -> None:
        """Write quotations as Markdown or CSV on the io lane (atomically)."""
        core = self._session.core
        self._session.run(core.io_lane, self.access.export_quotes, list(rows), fmt, path, heading, on_done=on_done)

    def _read(self, fn: Callable[..., R], *args: Any, key: str, on_done: Callable[[R], object],
              on_error: Callable[[str], object]) -> None:
        self._session.run(self.access.lane, fn, *args, key=key, on_done=on_done,
                          on_error=lambda err: on_error(describe(err)))
