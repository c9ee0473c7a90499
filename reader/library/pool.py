"""Worker processes that analyse batches of files on every core, cancellable and crash-tolerant.

The analysis is Python and spaCy holding the GIL, so threads would share one core: each
worker is a process (started with ``spawn``: no inherited locks, threads or Qt state)
that serves batches (:func:`reader.library.work.process`), loading the language model once,
with the first text that is not in the cache.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: one worker that dies (the
out-of-memory killer, a crash in native code) breaks the whole executor and loses every
pending result; here the batch it held is retried file by file, and only a file that kills
a worker again is refused. Cancelling terminates the workers at once instead of waiting
for their batches. And a worker watches its parent: when the parent is killed (``kill -9``
during ``reader library add``), the worker exits instead of analysing on for nobody.

Each worker runs its numerical libraries on one thread: the parallelism is the processes.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from reader.cores import NUMERIC_THREAD_VARIABLES, usable_cores
from reader.errors import AnalysisError
from reader.library.files import Refusal
from reader.library.work import Result, Task

POLL_SECONDS = 0.2
"""How often the parent looks at the cancel flag while it waits for results."""
PARENT_CHECK_SECONDS = 1.0
"""How often a worker checks that its parent is still alive."""


def default_jobs() -> int:
    """One worker per core this process may run on."""
    return usable_cores()


class CancelledError(Exception):
    """The caller's cancel flag was set; work in progress was stopped."""


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    batch: list[Task] | None = None


@dataclass(slots=True)
class WorkerPool:
    """Up to ``jobs`` worker processes for one run; use :meth:`run` once, then :meth:`close`."""

    jobs: int
    model: str | None
    cache_dir: Path | None
    peak_kib: dict[int, int] = field(default_factory=dict)  # worker pid → peak resident memory
    _workers: list[_Worker] = field(default_factory=list)

    def run(self, batches: Sequence[list[Task]], cancel: threading.Event | None = None
            ) -> Iterator[tuple[list[Task], list[Result]]]:
        """Each batch with its results, in the order they finish. Raises :class:`CancelledError` when
        ``cancel`` is set and :class:`AnalysisError` when the model cannot be loaded."""
        todo: deque[list[Task]] = deque(batches)
        retried: set[str] = set()
        try:
            for _ in range(min(self.jobs, len(todo))):
                self._start()
            for worker in self._workers:
                self._give(worker, todo)
            while any(w.batch is not None for w in self._workers):
                if cancel is not None and cancel.is_set():
                    raise CancelledError()
                ready = wait([w.conn for w in self._workers if w.batch is not None], POLL_SECONDS)
                for worker in [w for w in self._workers if w.conn in ready]:
                    batch = worker.batch
                    assert batch is not None
                    try:
                        message = worker.conn.recv()
                    except (EOFError, OSError):
                        yield from self._lost(worker, batch, todo, retried)
                        continue
                    if message[0] == "fatal":
                        raise AnalysisError(message[1])
                    _, results, peak = message
                    self.peak_kib[worker.process.pid or 0] = peak
                    self._give(worker, todo)  # first, so the worker is busy while we use its results
                    yield batch, results
        finally:
            self.close()

    def close(self) -> None:
        """Stop every worker now (a batch in progress is abandoned; its cache writes are atomic)."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self._workers:
            worker.process.join(5)
            worker.conn.close()
        self._workers.clear()

    def _start(self) -> _Worker:
        context = get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=serve, args=(theirs, self.model, self.cache_dir, os.getpid()),
                                  name="reader-analysis", daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self._workers.append(worker)
        return worker

    def _give(self, worker: _Worker, todo: deque[list[Task]]) -> None:
        worker.batch = todo.popleft() if todo else None
        if worker.batch is not None:
            try:
                worker.conn.send(worker.batch)
            except OSError:
                pass  # the worker died: its end of the pipe reads as closed, and _lost retries the batch

    def _lost(self, worker: _Worker, batch: list[Task], todo: deque[list[Task]], retried: set[str]
              ) -> Iterator[tuple[list[Task], list[Result]]]:
        """A worker died holding ``batch``: retry its files one by one in a new worker; a file
        that was already retried alone is refused (it kills the analysis)."""
        worker.process.join(5)
        code = worker.process.exitcode
        worker.conn.close()
        self._workers.remove(worker)
        fatal = [t for t in batch if t.path in retried]
        for task in reversed([t for t in batch if t.path not in retried]):
            retried.add(task.path)
            todo.appendleft([task])
        if fatal:
            why = f"the analysis process ended with {_exit_reason(code)} on this file"
            yield fatal, [Refusal(t.path, why) for t in fatal]
        if todo:
            self._give(self._start(), todo)


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit status {code}"


def serve(conn: Connection, model: str | None, cache_dir: Path | None, parent: int) -> None:
    """A worker's life: load the model, then analyse each batch received until told to stop."""
    for name in NUMERIC_THREAD_VARIABLES:
        os.environ[name] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    from reader.analysis.pipeline import Analyzer
    from reader.library.work import process

    analyzer = Analyzer(model, cache_dir)  # the model loads with the first text not in the cache
    try:
        while True:
            try:
                batch = conn.recv()
            except (EOFError, OSError):
                return
            if batch is None:
                return
            results = process(batch, analyzer)
            conn.send(("done", results, _peak_kib()))
    except AnalysisError as err:
        _send_fatal(conn, str(err))
    except Exception as err:  # noqa: BLE001 — a fault in Reader itself: one line to the parent, not a hang
        _send_fatal(conn, f"the analysis failed ({type(err).__name__}: {err})")


def _send_fatal(conn: Connection, message: str) -> None:
    try:
        conn.send(("fatal", message))
    except OSError:
        pass


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)  # the parent is gone: nobody will read what we find


def _peak_kib() -> int:
    """This process's peak resident memory in KiB (0 where the platform does not say)."""
    try:
        import resource
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
