"""Search across every note: one engine for the window and the command line, ranked by BM25F.

:class:`SearchIndex` answers from :mod:`notes.search_file`'s index, caught up with the store's change feed before each
query, so a fresh process answers at once and every process sees every other's notes; a damaged file is built again.
Each version of the file is searched by a :class:`~notes.search_version.IndexVersion`, which makes the results
(:class:`~notes.search_hit.Hit`). The language is :mod:`notes.query`'s, the fields and weights
:mod:`notes.search_keys`'. Ties, and queries of filters only, go newest first (``updated``), then by id."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from notes import search_file as index
from notes.feed import Changes
from notes.query import Query, parse_query
from notes.search_file import DAMAGE, connect, meta
from notes.search_hit import Hit
from notes.search_version import IndexVersion

SEARCH_WAIT, CLOSE_WAIT = 30.0, 0.1
"""Seconds a search waits for another writer of the index (a rebuild takes seconds), and a closing writer (barely)."""
_log = logging.getLogger(__name__)
T = TypeVar("T")


class SearchIndex:
    """The search of one store: the index file beside it (or in memory where no file can be kept), caught up
    from ``feed`` (the store's ``changes_since``) before each use. Not thread-safe: the store's lock guards it."""

    def __init__(self, path: Path | None, feed: Callable[[str | None], Changes]) -> None:
        self.path, self._feed = path, feed
        self._db: sqlite3.Connection | None = None
        self._inode: int | None = None
        self._view: IndexVersion | None = None

    def search(self, query: str, limit: int | None = 50) -> list[Hit]:
        """The notes matching ``query``, best first, at most ``limit`` (all if None): its words must all occur
        (stemmed, folded) in fields of the note or its article; a query with errors matches nothing."""
        parsed = parse_query(query)
        if parsed.errors or (limit is not None and limit <= 0):
            return []
        return self._use(lambda db: self._answer(db, parsed, limit))

    def set_article_actors(self, doc_id: str, names: Sequence[str]) -> None:
        """Index ``names`` as the actors of the article ``doc_id``, replacing the ones it had."""
        self._use(lambda db: index.set_article_actors(db, doc_id, names))

    def close(self, *, catch_up: bool = False, build: bool = False) -> None:
        """Release the file; with ``catch_up``, first bring it up to date (``build``: even a new one), never raising."""
        if catch_up and self.path is not None and (build or self.path.exists()):
            try:
                self._db = self._db or connect(self.path, CLOSE_WAIT)
                self._db.execute(f"PRAGMA busy_timeout = {int(CLOSE_WAIT * 1000)}")
                index.catch_up(self._db, self._feed)
            except (*DAMAGE, OSError) as err:
                _log.info("%s: left for the next search (%s)", self.path, err)
        if self._db is not None:
            self._db.close()
        self._db = self._view = None

    def _use(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``action`` on the caught-up file: a damaged one is built again; where none can be kept, one in memory."""
        for attempt in range(3):
            try:
                if self._db is not None and self.path is not None and self._inode != _inode(self.path):
                    self.close()  # another process found it damaged and replaced it: use the new one
                if self._db is None:
                    self._db, self._inode = connect(self.path, SEARCH_WAIT), _inode(self.path)
                index.catch_up(self._db, self._feed)
                return action(self._db)
            except DAMAGE as err:
                self.close()
                if self.path is None or attempt == 2:
                    raise
                damage = not isinstance(err, sqlite3.OperationalError) or str(err).startswith(
                    ("no such table", "no such column", "table ")) or "malformed" in str(err)
                _log.warning("%s: %s (%s)", self.path, "damaged, built again" if damage else "searching in memory", err)
                if damage:
                    for end in ("", "-wal", "-shm", "-journal"):
                        self.path.with_name(self.path.name + end).unlink(missing_ok=True)
                else:
                    self.path = None
        raise AssertionError("the third attempt returns or raises")

    def _answer(self, db: sqlite3.Connection, query: Query, limit: int | None) -> list[Hit]:
        db.execute("BEGIN")  # one snapshot for the columns and every row read
        try:
            if self._view is None or self._view.version != int(meta(db, "version")):
                self._view = IndexVersion(db, int(meta(db, "version")))
            return self._view.search(db, query, limit)
        finally:
            db.execute("ROLLBACK")


def _inode(path: Path | None) -> int | None:
    try:
        return path.stat().st_ino if path else None
    except OSError:
        return None
