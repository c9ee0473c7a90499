"""An inter-process lock on a file beside the store (``fcntl.flock``), usable from many threads.

``flock`` locks belong to an open file description, so one process shares a single
descriptor among its threads and a thread lock serialises them; other processes (and
other ``FileLock`` objects on the same path) wait for the flock.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from notes.errors import StoreError


class FileLock:
    """Shared (readers) or exclusive (writers) access to the store across processes."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._mode = 0
        self._closed = False
        flags = os.O_RDWR | os.O_CREAT if create else os.O_RDONLY  # flock works on read-only descriptors
        try:
            self._fd: int | None = os.open(path, flags, 0o644)
        except FileNotFoundError:
            self._fd = None  # a read-only store in a folder without a lock file yet
        except OSError as err:
            if create:
                raise StoreError(f"{path}: cannot create the lock file ({err.strerror or err})") from None
            self._fd = None  # read-only media: readers go without a lock

    @contextmanager
    def hold(self, exclusive: bool) -> Iterator[None]:
        """Hold the lock; nested holds in one thread reuse it (a shared hold cannot become exclusive)."""
        with self._thread_lock:
            if self._closed:
                raise StoreError(f"{self.path.with_suffix('')} was closed; open the note store again")
            if self._depth == 0 and self._fd is not None:
                mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
                fcntl.flock(self._fd, mode)
                self._mode = mode
            elif exclusive and self._fd is not None and self._mode != fcntl.LOCK_EX:
                raise RuntimeError("cannot upgrade a shared store lock to an exclusive one")
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
                    self._mode = 0

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._thread_lock:
            self._closed = True
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
