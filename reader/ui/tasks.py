"""Work off the UI thread: loading files, the language analysis and every store write.

Results come back through a queued Qt signal, so callbacks always run on the UI thread.
Store writes go through their own single worker so they happen in the order they were
asked for; analyses have their own single worker so a new article never waits behind a
file load, and a long analysis never delays a note being saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], object] | None


class TaskRunner(QObject):
    """Runs callables on worker threads and calls back on the UI thread.

    Signals:
        busy_changed(int): the number of unfinished tasks, for a status indicator.
    """

    busy_changed = Signal(int)
    _finished = Signal(object, object)  # callback, value

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._general = ThreadPoolExecutor(max_workers=2, thread_name_prefix="reader-task")
        self._analysis = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-analysis")
        self._store = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-store")
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        return self._pending

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callback = None,
            on_error: Callback = None) -> Future[Any]:
        """Run ``fn(*args)`` on a general worker (file loading and other reads)."""
        return self._submit(self._general, fn, args, on_done, on_error)

    def analysis(self, fn: Callable[..., Any], *args: Any, on_done: Callback = None,
                 on_error: Callback = None) -> Future[Any]:
        """Run a language analysis; analyses run one at a time."""
        return self._submit(self._analysis, fn, args, on_done, on_error)

    def store(self, fn: Callable[..., Any], *args: Any, on_done: Callback = None,
              on_error: Callback = None) -> Future[Any]:
        """Run a store call; store calls run one at a time, in the order submitted."""
        return self._submit(self._store, fn, args, on_done, on_error)

    def shutdown(self) -> None:
        """Finish queued store writes, drop queued reads and analyses; no callbacks after this."""
        self._closed = True
        self._general.shutdown(wait=False, cancel_futures=True)
        self._analysis.shutdown(wait=False, cancel_futures=True)
        self._store.shutdown(wait=True)

    def _submit(self, pool: ThreadPoolExecutor, fn: Callable[..., Any], args: tuple[Any, ...],
                on_done: Callback, on_error: Callback) -> Future[Any]:
        future = pool.submit(fn, *args)
        self._pending += 1
        self.busy_changed.emit(self._pending)
        future.add_done_callback(lambda f: self._relay(f, on_done, on_error))
        return future

    def _relay(self, future: Future[Any], on_done: Callback, on_error: Callback) -> None:
        """On the worker thread: hand the outcome to the UI thread."""
        if future.cancelled():
            value, callback = None, None
        elif (err := future.exception()) is not None:
            value, callback = err, on_error
            if on_error is None:
                log.error("background task failed", exc_info=err)
        else:
            value, callback = future.result(), on_done
        try:
            self._finished.emit(callback, value)
        except RuntimeError:  # the runner was deleted while the task ran
            pass

    @Slot(object, object)
    def _deliver(self, callback: Callback, value: Any) -> None:
        self._pending -= 1
        self.busy_changed.emit(self._pending)
        if callback is not None and not self._closed:
            callback(value)
