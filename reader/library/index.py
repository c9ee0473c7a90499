"""The library index: actors and quotations across every article, in one SQLite file.

Derived data (DESIGN.md, "Store"): everything here is rebuilt from the note store's
documents and corrections, the articles' files and the analysis cache, so deleting the
file loses nothing. It is kept beside the store so that ``reader actors`` and ``reader
quotes`` answer from a few indexed queries instead of re-reading a thousand analyses.

What it holds:

- ``articles``: one row per document of the note store, with the analysis of the text
  last read from its file (as the analysis JSON, before corrections), the text of each of
  its quotations, and the file's size and modification time at that reading.
- ``actors``, ``appearances``, ``quotes`` (with the full-text table ``quote_words``) and
  ``actor_notes``: what :mod:`reader.library.derive` made of the articles with the user's
  corrections: the entities across articles, which article actor each one gathers, every
  quotation with its speaker's entity, and which notes name whom.
- ``corrections`` and ``notes``: what the index needs of the store's corrections (each
  record) and notes (each one's article, tags and the names it gives), kept current from
  the store's change feed so that a change applies without reading the store again.
- ``meta``: what the index was last brought up to date with (the store's feed cursor, the
  analysis generation, the corrections) and whether the derived tables are behind.

A file that SQLite cannot read, or of another schema version, is deleted and built anew:
it is never worth an error message. SQLite's write-ahead log lets one process read while
another writes.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from notes.records import Correction

SCHEMA_VERSION = 3
"""Bumped with every change of the tables; an index of another version is rebuilt."""
BUSY_SECONDS = 30.0
"""How long a writer waits for another process's transaction before giving up."""

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
    doc TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL, date TEXT,
    stored_content TEXT NOT NULL, content_id TEXT, size INTEGER, mtime_ns INTEGER,
    generation TEXT, analysis TEXT, quote_texts TEXT,
    notes INTEGER NOT NULL DEFAULT 0, tags TEXT NOT NULL DEFAULT '[]',
    actors INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0);
CREATE TABLE actors(
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, role TEXT, aliases TEXT NOT NULL,
    articles INTEGER NOT NULL, mentions INTEGER NOT NULL, quotes INTEGER NOT NULL,
    notes INTEGER NOT NULL DEFAULT 0, folded TEXT NOT NULL);
CREATE TABLE appearances(
    actor TEXT, doc TEXT NOT NULL, local TEXT NOT NULL, names TEXT NOT NULL,  -- folded, one a line
    mentions INTEGER NOT NULL, quotes INTEGER NOT NULL);
CREATE INDEX appearances_doc ON appearances(doc);
CREATE INDEX appearances_actor ON appearances(actor);
CREATE TABLE quotes(
    id INTEGER PRIMARY KEY, doc TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    text TEXT NOT NULL, actor TEXT);
CREATE INDEX quotes_actor ON quotes(actor);
CREATE VIRTUAL TABLE quote_words USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TABLE actor_notes(actor TEXT NOT NULL, annotation TEXT NOT NULL, PRIMARY KEY(actor, annotation));
CREATE TABLE corrections(id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE notes(id TEXT PRIMARY KEY, doc TEXT NOT NULL, tags TEXT NOT NULL, names TEXT NOT NULL);
"""
_TABLES = frozenset({"meta", "articles", "actors", "appearances", "quotes", "quote_words", "actor_notes",
                     "corrections", "notes"})


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """A row of ``articles``: the store's record of a document and the analysis of its text.

    ``content_id``/``size``/``mtime_ns`` describe the text last read from the file (``None``
    when it could not be read); ``generation`` names what produced ``analysis`` (the analysis
    JSON before corrections, ``None`` until there is one); ``quote_texts`` holds the text of
    each of its quotations, in order.
    """

    doc: str
    path: str
    title: str
    date: str | None
    stored_content: str
    content_id: str | None = None
    size: int | None = None
    mtime_ns: int | None = None
    generation: str | None = None
    analysis: str | None = None
    quote_texts: str | None = None

    def parsed(self) -> tuple[dict[str, Any], list[str]] | None:
        """The analysis JSON and the quote texts, or ``None`` without an analysis."""
        if self.analysis is None:
            return None
        return json.loads(self.analysis), json.loads(self.quote_texts or "[]")


@dataclass(frozen=True, slots=True)
class IndexedNote:
    """A row of ``notes``: a note's article, its tags and the names of the actors it names, folded."""

    id: str
    doc: str
    tags: tuple[str, ...]
    names: tuple[str, ...]


_ARTICLE_COLUMNS = ("doc", "path", "title", "date", "stored_content", "content_id", "size", "mtime_ns",
                    "generation", "analysis", "quote_texts")


class LibraryIndex:
    """The index file; every method may raise :class:`sqlite3.DatabaseError` if the file is
    damaged while open (:meth:`reset` then starts it anew)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db = self._open()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the file ------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """Open the index, or make a new one when it is missing, damaged or of another version."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                return self._connect()
            except sqlite3.DatabaseError as err:
                if not _busy(err):
                    break
                # two first opens at once: SQLite refuses one at once instead of waiting
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        self._remove()
        return self._connect()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
            if version == SCHEMA_VERSION and _TABLES <= tables:
                db.execute("PRAGMA journal_mode=WAL")
                return db
            if version == 0 and not tables:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("BEGIN IMMEDIATE")
                if db.execute("PRAGMA user_version").fetchone()[0] == 0:  # not made meanwhile by another process
                    for statement in _SCHEMA.split(";\n"):  # not executescript: it would commit first
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                db.execute("COMMIT")
                return db
        except BaseException:
            db.close()
            raise
        db.close()
        raise sqlite3.DatabaseError(f"{self.path} has schema {version}, not {SCHEMA_VERSION}")

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def reset(self) -> None:
        """Delete the file and start an empty index (after damage found while it was open)."""
        self._db.close()
        self._remove()
        self._db = self._connect()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, taken at once so that two writers queue instead of deadlocking."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- meta ----------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @staticmethod
    def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- articles ------------------------------------------------------------------------

    def articles(self, *, with_analysis: bool = False) -> dict[str, IndexedArticle]:
        """Every indexed article by document id (the analyses only when asked: they are large)."""
        columns = _ARTICLE_COLUMNS if with_analysis else _ARTICLE_COLUMNS[:-2]
        rows = self._db.execute(f"SELECT {', '.join(columns)} FROM articles")
        return {r[0]: IndexedArticle(*r) for r in rows}

    @staticmethod
    def put_article(db: sqlite3.Connection, article: IndexedArticle) -> None:
        values = [getattr(article, c) for c in _ARTICLE_COLUMNS]
        db.execute(f"INSERT OR REPLACE INTO articles({', '.join(_ARTICLE_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(values))})", values)

    @staticmethod
    def set_record(db: sqlite3.Connection, doc: str, path: str, title: str, date: str | None, stored: str) -> None:
        """Follow the note store's record of an article (its analysis stays as it is)."""
        db.execute("UPDATE articles SET path = ?, title = ?, date = ?, stored_content = ? WHERE doc = ?",
                   (path, title, date, stored, doc))

    @staticmethod
    def remove_articles(db: sqlite3.Connection, docs: Iterable[str]) -> None:
        db.executemany("DELETE FROM articles WHERE doc = ?", [(d,) for d in docs])

    # -- corrections and notes, as the store holds them ----------------------------------

    def corrections(self) -> list[Correction]:
        """Every correction of the store, oldest first (the order they apply in)."""
        rows = [Correction.from_json(json.loads(r)) for (r,) in self._db.execute("SELECT record FROM corrections")]
        return sorted(rows, key=lambda c: (c.created, c.id))

    @staticmethod
    def put_corrections(db: sqlite3.Connection, corrections: Iterable[Correction]) -> None:
        db.executemany("INSERT OR REPLACE INTO corrections(id, record) VALUES (?, ?)",
                       [(c.id, json.dumps(c.to_json(), ensure_ascii=False, sort_keys=True)) for c in corrections])

    def notes(self) -> list[IndexedNote]:
        return [IndexedNote(note, doc, tuple(json.loads(tags)), tuple(names.split("\n")) if names else ())
                for note, doc, tags, names in self._db.execute("SELECT id, doc, tags, names FROM notes")]

    @staticmethod
    def put_notes(db: sqlite3.Connection, notes: Iterable[IndexedNote]) -> None:
        db.executemany("INSERT OR REPLACE INTO notes(id, doc, tags, names) VALUES (?, ?, ?, ?)",
                       [(n.id, n.doc, json.dumps(n.tags, ensure_ascii=False), "\n".join(n.names)) for n in notes])

    @staticmethod
    def remove_records(db: sqlite3.Connection, table: str, ids: Iterable[str]) -> None:
        """Remove rows of ``corrections`` or ``notes`` (ids it does not hold are passed over)."""
        assert table in ("corrections", "notes")
        db.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i in ids])

    # -- reading -------------------------------------------------------------------------

    def query(self, sql: str, parameters: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, tuple(parameters)).fetchall()


def _busy(err: sqlite3.DatabaseError) -> bool:
    """A lock held by another process: wait or report it, but never treat it as damage."""
    return isinstance(err, sqlite3.OperationalError) and "locked" in str(err)
