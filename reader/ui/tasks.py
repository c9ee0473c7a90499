"""Core calls off the UI thread, answered on it: keyed, cancellable tasks.

The window never runs a core call itself: it submits it to the lane where it belongs (the
core's store, analysis or io lane) and gets the outcome back on the UI thread through a
queued signal. A task may carry a *key* ("open", "analysis", "search", …): a newer task
with the same key supersedes the older one, which is cancelled if it has not started and
whose outcome is dropped if it has. So a stale answer (the analysis of the article the
reader just left, the results of the query before the last keystroke) never reaches a
widget, without a generation counter in every controller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.lanes import Lane

log = logging.getLogger(__name__)

R = TypeVar("R")
Failed = Callable[[BaseException], object]


@dataclass(eq=False, slots=True)
class Task:
    """One submitted call and what to do with its outcome."""

    future: Future[Any]
    key: str | None
    on_done: Callable[[Any], object] | None
    on_error: Failed | None


class TaskRunner(QObject):
    """Submits calls to lanes and calls back on the UI thread."""

    _finished = Signal(object)  # a Task, from whichever thread finished it

    def __init__(self, on_error: Failed | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_error = on_error
        self._current: dict[str, Task] = {}
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        return self._pending

    def run(self, lane: Lane, fn: Callable[..., R], *args: Any, key: str | None = None,
            on_done: Callable[[R], object] | None = None, on_error: Failed | None = None) -> Task:
        """Run ``fn(*args)`` on ``lane``; ``on_done(result)`` or ``on_error(exception)`` follow on
        the UI thread, unless a newer task took ``key`` meanwhile. Errors without ``on_error``
        go to the runner's error handler."""
        future = lane.submit(fn, *args)
        task = Task(future, key, on_done, on_error)
        if key is not None:
            older = self._current.get(key)
            self._current[key] = task
            if older is not None:
                older.future.cancel()
        self._pending += 1
        future.add_done_callback(lambda _f: self._relay(task))
        return task

    def cancel(self, key: str) -> None:
        """Forget the task under ``key``: cancelled if queued, its outcome dropped if running."""
        task = self._current.pop(key, None)
        if task is not None:
            task.future.cancel()

    def shutdown(self) -> None:
        """Deliver nothing from now on (the core decides what still runs as it closes)."""
        self._closed = True
        self._current.clear()

    def _relay(self, task: Task) -> None:
        """On whichever thread settled the future: hand the task to the UI thread."""
        try:
            self._finished.emit(task)
        except RuntimeError:  # the runner was deleted while the task ran
            pass

    @Slot(object)
    def _deliver(self, task: Task) -> None:
        self._pending -= 1
        if task.key is not None:
            if self._current.get(task.key) is not task:
                return  # superseded: a newer task owns the key
            del self._current[task.key]
        if self._closed or task.future.cancelled():
            return
        err = task.future.exception()
        if err is None:
            if task.on_done is not None:
                task.on_done(task.future.result())
        elif task.on_error is not None:
            task.on_error(err)
        elif self._on_error is not None:
            self._on_error(err)
        else:
            log.error("background task failed", exc_info=err)
