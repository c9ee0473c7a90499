"""The library of one data dir: add articles, list them, and ask who said what across all of them.

:class:`Library` is the one entry point for the command line now and for the core and
the window later (issue 16): plain calls, no Qt, safe to run on a worker thread. Adding
runs the analysis in worker processes (:mod:`reader.library.adding`); every other call
answers from the library index (:mod:`reader.library.index`) after asking the note store's
change feed whether anything changed since the index last followed it (cheap when nothing
did: see :mod:`reader.library.sync`), and never loads the language model.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, TypeVar

from reader.errors import ReaderError
from reader.library.folding import fold_name
from reader.library.index import LibraryIndex
from reader.library.records import (
    ActorRow,
    AddReport,
    AnalysisState,
    ArticleRow,
    Progress,
    QuoteRow,
    Status,
)
from reader.library.search import quote_match
from reader.paths import cache_dir, library_index_path, store_path

if TYPE_CHECKING:
    from notes.store import NoteStore
    from reader.analysis.cache import AnalysisCache
    from reader.library.sync import Feed, StoreAccess

T = TypeVar("T")


class Library:
    """Articles, actors and quotations across the library of one data dir.

    ``store`` runs a function with the note store where its owner keeps it (the core: on its
    store lane); without it the library opens the store itself: read-only, kept open until
    :meth:`close` to follow its change feed, and for writing while it adds.
    """

    def __init__(self, data_dir: str | os.PathLike[str] | None = None, *, model: str | None = None,
                 store: StoreAccess | None = None) -> None:
        self.store_path = store_path(data_dir)
        self.index_path = library_index_path(data_dir)
        self.cache_dir = cache_dir(data_dir)
        self.model = model
        self._store = store
        self._index: LibraryIndex | None = None
        self._reader: NoteStore | None = None
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @cached_property
    def generation(self) -> str:
        """What produces current analyses: Reader's analysis fingerprint and the spaCy pipeline."""
        from reader.analysis.cache import generation_name
        from reader.analysis.engine import Engine
        from reader.analysis.fingerprint import code_fingerprint

        return generation_name(code_fingerprint(), Engine(self.model).model_key)

    # -- adding --------------------------------------------------------------------------

    def add(self, paths: Sequence[str | os.PathLike[str]], *, jobs: int | None = None,
            progress: Callable[[Progress], None] | None = None, cancel: threading.Event | None = None) -> AddReport:
        """Register files and folders and analyse what is new or changed (see :mod:`reader.library.adding`).

        ``jobs`` worker processes analyse (default: one per core; 0 analyses in this process).
        ``progress`` is called from this thread; setting ``cancel`` stops the run soon after,
        keeping what was done. Bad files are reported in the result, never raised.
        """
        from reader.library.adding import add_files
        from reader.library.pool import default_jobs

        # its own connection to the index: readers on other threads are not held up for the run
        with self._store_access() as store, _index_errors(self.index_path), LibraryIndex(self.index_path) as index:
            report = add_files([Path(p) for p in paths], store=store, index=index, generation=self.generation,
                               model=self.model, cache_dir=self.cache_dir,
                               jobs=default_jobs() if jobs is None else jobs, progress=progress, cancel=cancel)
            if progress:
                progress(Progress("indexing", len(report.files), len(report.files), report.analysed))
            self._synchronise(index, store)
        if progress:
            progress(Progress("done", len(report.files), len(report.files), report.analysed))
        return report

    def update(self, *, jobs: int | None = None, progress: Callable[[Progress], None] | None = None,
               cancel: threading.Event | None = None) -> AddReport:
        """Add every registered article again whose file is there: changed texts and analyses
        of an older Reader or model are analysed; missing files are left as they are."""
        present = [r.path for r in self.articles() if r.status != "missing"]
        return self.add(present, jobs=jobs, progress=progress, cancel=cancel)

    # -- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the index up to date with the store, the files it names and the cache, when
        the store changed or Reader was updated since the last call (anyone's)."""
        with self._lock:
            self._guarded(lambda index: self._synchronise(index, None))

    def articles(self) -> list[ArticleRow]:
        """Every registered article, by date (undated last), then title."""
        rows = self._read("SELECT doc, path, title, date, notes, actors, quotes, stored_content, content_id, size, "
                          "mtime_ns, generation, analysis IS NOT NULL, tags FROM articles "
                          "ORDER BY date IS NULL, date, title COLLATE NOCASE, path")
        return [ArticleRow(path, title, day, notes, actors, quotes, _status(path, stored, read, size, mtime),
                           self._state(generation, analysed), doc, json.loads(tags))
                for doc, path, title, day, notes, actors, quotes, stored, read, size, mtime, generation, analysed, tags
                in rows]

    def actors(self, text: str = "", kind: str | None = None) -> list[ActorRow]:
        """Actors whose name or an alias contains ``text`` (folded), of one ``kind`` if given;
        most articles first, then most mentions."""
        folded = fold_name(text)
        rows = self._read("SELECT id, name, kind, role, aliases, articles, mentions, quotes, notes FROM actors "
                          "WHERE (? IS NULL OR kind = ?) AND instr(folded, ?) > 0 "
                          "ORDER BY articles DESC, mentions DESC, name COLLATE NOCASE", (kind, kind, folded))
        return [_actor(r) for r in rows]

    def actor(self, actor_id: str) -> ActorRow | None:
        rows = self._read("SELECT id, name, kind, role, aliases, articles, mentions, quotes, notes FROM actors "
                          "WHERE id = ?", (actor_id,))
        return _actor(rows[0]) if rows else None

    def speakers(self, name: str) -> list[str]:
        """Ids of the actors ``name`` means: those called exactly that, else those with it as an
        alias, else those whose name contains it as whole words ("Varga": every Varga)."""
        folded = fold_name(name)
        if not folded:
            return []
        actors = [(actor, names.split("\n")) for actor, names in self._read("SELECT id, folded FROM actors")]
        return ([a for a, names in actors if names[0] == folded]
                or [a for a, names in actors if folded in names[1:]]
                or [a for a, names in actors if f" {folded} " in f" {names[0]} "])

    def quotes(self, text: str = "", *, speaker: str | None = None, speaker_ids: Sequence[str] | None = None,
               after: date | None = None, before: date | None = None) -> list[QuoteRow]:
        """Quotations in date order (undated last) whose words match ``text`` (every word, or
        ``"a phrase"``, ``word*`` for a prefix), said by ``speaker`` (see :meth:`speakers`) or
        one of ``speaker_ids``, in articles dated after ``after`` and before ``before``
        (both exclusive, as in note search)."""
        where, args = [], []
        match = quote_match(text)
        if match is not None:
            where.append("q.id IN (SELECT rowid FROM quote_words WHERE quote_words MATCH ?)")
            args.append(match)
        ids = list(speaker_ids or []) + (self.speakers(speaker) if speaker is not None else [])
        if speaker is not None or speaker_ids is not None:
            where.append(f"q.actor IN ({', '.join('?' * len(ids))})")
            args += ids
        for bound, op in ((after, ">"), (before, "<")):
            if bound is not None:
                where.append(f"substr(a.date, 1, 10) {op} ?")
                args.append(bound.isoformat())
        rows = self._read("SELECT q.text, s.name, q.doc, a.title, a.date, q.span_start, q.span_end, a.path, q.actor "
                          "FROM quotes q JOIN articles a ON a.doc = q.doc LEFT JOIN actors s ON s.id = q.actor "
                          f"{'WHERE ' + ' AND '.join(where) if where else ''} "
                          "ORDER BY a.date IS NULL, a.date, a.title COLLATE NOCASE, q.doc, q.span_start", args)
        return [QuoteRow(*r) for r in rows]

    def actor_articles(self, actor_id: str) -> list[ArticleRow]:
        """The articles an actor appears in, in the order of :meth:`articles`."""
        docs = {d for (d,) in self._read("SELECT DISTINCT doc FROM appearances WHERE actor = ?", (actor_id,))}
        return [row for row in self.articles() if row.document in docs]

    def actor_notes(self, actor_id: str) -> list[str]:
        """Ids of the notes that name an actor (in their passage, or attached to it or its quotation)."""
        return [a for (a,) in self._read("SELECT annotation FROM actor_notes WHERE actor = ? ORDER BY annotation",
                                         (actor_id,))]

    def unanalysed(self) -> int:
        """Articles without an analysis by this Reader and model (``reader library update`` analyses them)."""
        return int(self._read("SELECT count(*) FROM articles WHERE analysis IS NULL OR generation IS NOT ?",
                              (self.generation,))[0][0])

    def outdated(self) -> int:
        """Articles analysed by another Reader or model: what a change of the analysis
        fingerprint leaves to analyse again (never-analysed articles are not counted)."""
        return int(self._read("SELECT count(*) FROM articles WHERE analysis IS NOT NULL AND generation IS NOT ?",
                              (self.generation,))[0][0])

    # -- internals -----------------------------------------------------------------------

    def _read(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        def read(index: LibraryIndex) -> list[tuple[Any, ...]]:
            self._synchronise(index, None)
            return index.query(sql, args)

        with self._lock:
            return self._guarded(read)

    def _state(self, generation: str | None, analysed: int) -> AnalysisState:
        if not analysed:
            return "none"
        return "current" if generation == self.generation else "outdated"

    def _synchronise(self, index: LibraryIndex, store: StoreAccess | None) -> None:
        """Apply what changed in the store since the index followed it, and reconcile the index
        with this Reader's analyses when they changed (an update) or an add left it behind."""
        from reader.library.sync import cached_since, is_current, synchronise

        feed = self._feed(store)
        cursor = index.meta("store")
        changes = feed(cursor)
        cache = self._cache()
        waiting = cached_since(index, cache)
        if waiting or not is_current(index, changes, self.generation):
            synchronise(index, feed, self.generation, cache, asked=(cursor, changes), waiting=waiting)

    def _feed(self, store: StoreAccess | None) -> Feed:
        """The store's ``changes_since``: through the owner's access, else the store opened read-only."""
        from notes.feed import Changes

        access = store or self._store
        if access is not None:
            return lambda cursor: access(lambda opened: opened.changes_since(cursor))
        if self._reader is None:
            if not self.store_path.exists():  # no store yet: nothing registered
                return lambda cursor: Changes("none", rebuild=cursor != "none")
            from notes.store import NoteStore

            self._reader = NoteStore(self.store_path, read_only=True)
        return self._reader.changes_since

    def _cache(self) -> AnalysisCache:
        from reader.analysis.cache import AnalysisCache

        return AnalysisCache(self.cache_dir, self.generation)

    @contextmanager
    def _store_access(self) -> Iterator[StoreAccess]:
        """The caller's access to the store, or the store opened for writing until the block ends."""
        if self._store is not None:
            yield self._store
            return
        from notes.store import NoteStore

        with NoteStore(self.store_path) as store:
            yield _Direct(store)

    def _guarded(self, work: Callable[[LibraryIndex], T]) -> T:
        """Run ``work`` on the index; a damaged index is deleted, rebuilt and ``work`` run again."""
        for attempt in (1, 2):
            try:
                if self._index is None:
                    self._index = LibraryIndex(self.index_path)
                return work(self._index)
            except sqlite3.DatabaseError as err:
                if attempt == 2 or self._index is None or (
                        isinstance(err, sqlite3.OperationalError) and "locked" in str(err)):
                    with _index_errors(self.index_path):
                        raise
                self._index.reset()  # damaged while open: start anew, then rebuild
        raise AssertionError("unreachable")


class _Direct:
    """Access to a store this library opened itself: the function runs here and now."""

    def __init__(self, store: NoteStore) -> None:
        self.store = store

    def __call__(self, work: Callable[[NoteStore], T], /) -> T:
        return work(self.store)


@contextmanager
def _index_errors(path: Path) -> Iterator[None]:
    """An index that fails during a long run: one line for the user (the next run rebuilds it)."""
    try:
        yield
    except sqlite3.DatabaseError as err:
        if isinstance(err, sqlite3.OperationalError) and "locked" in str(err):
            raise ReaderError(f"{path} is busy: another Reader is writing it; try again in a moment") from None
        raise ReaderError(f"{path}: the library index failed ({err}); run the command again to rebuild it") from None


def _actor(row: tuple[Any, ...]) -> ActorRow:
    actor, name, kind, role, aliases, articles, mentions, quotes, notes = row
    return ActorRow(actor, name, kind, role, json.loads(aliases), articles, mentions, quotes, notes)


def _status(path: str, stored: str, read: str | None, size: int | None, mtime_ns: int | None) -> Status:
    """``ok`` when the file holds the text the store knows; the file is read only when its size
    or modification time differ from when the index read it."""
    try:
        info = os.stat(path)
    except OSError:
        return "missing"
    if read is not None and (info.st_size, info.st_mtime_ns) == (size, mtime_ns):
        return "ok" if read == stored else "changed"
    from reader.document import load

    try:
        return "ok" if load(path).content_id == stored else "changed"
    except ReaderError:
        return "changed"
