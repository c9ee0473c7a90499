"""Lanes: named worker threads that run calls in the order they were submitted.

The core keeps one lane per kind of work, so that each kind has one home: the *store*
lane is the only thread that ever touches the note store (writes keep their order, and
the analysis reads corrections through it too); the *analysis* lane owns the language
model; the *io* lane reads files. Every lane hands back a :class:`concurrent.futures.Future`,
which a front end waits on (the command line) or watches (the window's task runner).

Why not :class:`~concurrent.futures.ThreadPoolExecutor`: its threads are joined when the
interpreter exits, so an analysis that cannot be interrupted (spaCy has no cancel) kept
the process alive until it finished; the window used ``os._exit`` to get away. A lane's
threads are daemons: :meth:`Lane.close` finishes or cancels what is queued, as its owner
decides, and an analysis still running at exit is simply abandoned (its cache entry is
written atomically, so nothing is left half-done).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, ParamSpec, TypeVar

from reader.errors import ReaderError

P = ParamSpec("P")
R = TypeVar("R")

_Job = tuple[Future[Any], Callable[[], Any]] | None
"""A future and the call that settles it; ``None`` tells a worker to stop."""


class LaneClosedError(ReaderError):
    """Work was submitted to a lane after its owner closed it (the program is shutting down)."""


class Lane:
    """A queue served by ``workers`` daemon threads, started on the first submission.

    With one worker (the default) calls run one at a time, in submission order.
    """

    def __init__(self, name: str, workers: int = 1) -> None:
        self.name = name
        self._workers = workers
        self._queue: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._guard = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        """Queue ``fn(*args, **kwargs)``; its future can be cancelled until it starts."""
        future: Future[R] = Future()
        with self._guard:
            if self._closed:
                raise LaneClosedError(f"Reader is shutting down; the {self.name} lane takes no more work")
            self._start_workers()
            self._queue.put((future, lambda: fn(*args, **kwargs)))
        return future

    def call(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        """Run ``fn`` on this lane and wait for its result (at once when already on the lane)."""
        if self.on_lane():
            return fn(*args, **kwargs)
        return self.submit(fn, *args, **kwargs).result()

    def on_lane(self) -> bool:
        """Whether the calling thread is one of this lane's workers."""
        return threading.current_thread() in self._threads

    def close(self, *, wait: bool) -> None:
        """Take no more work. ``wait``: finish what is queued and join the workers; else cancel
        what has not started and leave a running call to finish (or be abandoned at exit)."""
        with self._guard:
            if self._closed:
                return
            self._closed = True
            threads = list(self._threads)
            if not wait:
                self._cancel_queued()
            for _ in threads:
                self._queue.put(None)
        if wait:
            for thread in threads:
                if thread is not threading.current_thread():
                    thread.join()

    def _start_workers(self) -> None:
        while len(self._threads) < self._workers:
            thread = threading.Thread(target=self._work, name=f"{self.name}-{len(self._threads) + 1}", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _cancel_queued(self) -> None:
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                return
            if job is not None:
                job[0].cancel()

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            future, call = job
            if not future.set_running_or_notify_cancel():
                continue  # cancelled while queued
            try:
                result = call()
            except BaseException as err:  # noqa: BLE001 - handed to whoever waits on the future
                future.set_exception(err)
            else:
                future.set_result(result)
