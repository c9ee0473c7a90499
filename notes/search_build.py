"""Building a large search index in a process of its own, so that nothing waits for it.

The problem: a store of 50,000 notes whose index is missing or damaged (one from before this version, or a deleted
file) needs the whole index built anew, 15-20 s of Python. Built where the search was asked, it held up every call
queued behind it, the window's saves included, and in a thread it would hold the interpreter's lock against the
window and the saves alike.

The protocol: :class:`Build` starts ``python -m notes.search_build STORE``, which opens the store read-only, builds
the index file beside it with :func:`notes.search_file.catch_up` (SQLite's write lock keeps every other writer of
the file out meanwhile; readers of the store and its saves go on) and prints its progress, one ``done total`` line at
a time. The process that started it answers searches with :class:`IndexBuildingError` until it ends, then catches
the file up with what was saved meanwhile (a few changes) and searches as usual. Killing the builder loses nothing:
its transaction rolls back and the next search starts another.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

from notes.errors import StoreError

_log = logging.getLogger(__name__)


class IndexBuildingError(StoreError):
    """The search index is being built in the background; ``done`` of ``total`` steps are done (``total`` is 0 until
    the builder has read the store). Ask again later."""

    def __init__(self, done: int, total: int) -> None:
        share = f" ({100 * done // total}%)" if total else ""
        super().__init__(f"The search index is being built{share}; the notes can be searched when it is done.")
        self.done, self.total = done, total


class Build:
    """The build of the search index of the store at ``store_path``, running in a process of its own."""

    def __init__(self, store_path: Path) -> None:
        self.done = self.total = 0
        self.failure = ""
        # -P: a folder named "notes" in the working directory must not stand in for this package.
        self._process = subprocess.Popen(
            [sys.executable, "-P", "-m", "notes.search_build", os.fspath(store_path)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self._follower = threading.Thread(target=self._follow, name="reader-search-build", daemon=True)
        self._follower.start()

    @property
    def running(self) -> bool:
        return self._process.poll() is None or self._follower.is_alive()

    @property
    def succeeded(self) -> bool:
        return not self.running and self._process.returncode == 0

    def error(self) -> IndexBuildingError:
        """What a search says while this build runs."""
        return IndexBuildingError(self.done, self.total)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the build to end; whether it has."""
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
        self._follower.join(timeout)
        return not self._follower.is_alive()

    def cancel(self) -> None:
        """Stop the build (its work is rolled back) and wait for the process to end."""
        if self._process.poll() is None:
            self._process.kill()
        self.wait()

    def _follow(self) -> None:
        out, err = self._process.stdout, self._process.stderr
        assert out is not None and err is not None
        for line in out:
            done, total = (int(n) for n in line.split())
            self.done, self.total = done, total
        self.failure = err.read().strip()
        out.close()
        err.close()


def main(argv: list[str] | None = None) -> int:
    """Build the index of the store named by the one argument; 0 once it is current, 1 (and why on stderr) if not."""
    from notes.search import SEARCH_WAIT
    from notes.search_file import DAMAGE, catch_up, connect
    from notes.store import NoteStore, search_index_path

    (where,) = sys.argv[1:] if argv is None else argv

    def report(done: int, total: int) -> None:
        print(done, total, flush=True)

    try:
        with NoteStore(Path(where), read_only=True) as store:
            db = connect(search_index_path(store.path), SEARCH_WAIT)
            try:
                catch_up(db, store.changes_since, progress=report)
            finally:
                db.close()
    except (StoreError, OSError, *DAMAGE) as err:
        print(f"{where}: the search index was not built ({err})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
