"""The search index's file: SQLite beside the store, kept current from the store's change feed.

The problem: search must answer from the first query of a fresh process (the window, or ``reader notes search``), so
the index lives on disk, and as the store's records are now, whoever wrote them, without knowing how the store lays
out its files.

The protocol: the file holds the feed cursor (:mod:`notes.feed`) whose records it indexes. :func:`catch_up` asks the
store for ``changes_since(cursor)``; when there are any, it takes SQLite's write lock, reads the cursor again (another
process may have moved it), and applies the changes, the new cursor and a new ``version`` in one transaction. Locks
are taken in that order only (this file's, then the store's), and no store commit waits for this file: writers leave
the work to the next search or do it as they close. Readers use one snapshot (WAL) and reload what they keep in
memory when ``version`` changed. The file is disposable: of another format or unreadable, it is deleted and built
again; where it cannot be kept, the index lives in memory. The one thing in it not derived from the store, each
article's actor names from the analysis (:func:`set_article_actors`), survives the rebuild of a sound file and is
otherwise handed over again at the article's next analysis.

The invariant: when ``catch_up`` returns, the file holds exactly the store's records at its cursor.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

from notes.feed import Changes, Record
from notes.records import Annotation, DocumentRecord
from notes.search_keys import color_key, entry_of, local_day, note_entry, tag_keys, timestamp
from notes.store_format import dumps, loads
from notes.textfold import fold, forms

FORMAT = 2
"""Version of the layout and of the indexing rules; a file of another version is rebuilt."""
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL);
CREATE TABLE columns(chunk INTEGER PRIMARY KEY, ints BLOB NOT NULL, recency BLOB NOT NULL);
CREATE TABLE notes(slot INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    f0 TEXT NOT NULL, f1 TEXT NOT NULL, f2 TEXT NOT NULL, f3 TEXT NOT NULL, record BLOB NOT NULL);
CREATE TABLE docs(num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, record BLOB, title TEXT NOT NULL,
    names TEXT NOT NULL, f0 TEXT NOT NULL, f1 TEXT NOT NULL, l0 INTEGER NOT NULL, l1 INTEGER NOT NULL);
CREATE TABLE postings(term TEXT NOT NULL, block INTEGER NOT NULL, n INTEGER NOT NULL, slots BLOB NOT NULL,
    tfs BLOB NOT NULL, PRIMARY KEY (term, block));
CREATE TABLE words(word TEXT PRIMARY KEY, term TEXT NOT NULL, refs INTEGER NOT NULL);
CREATE TABLE article_actors(doc TEXT PRIMARY KEY, names TEXT NOT NULL)"""
"""``columns``: what every query needs of every note, per chunk of :data:`CHUNK` slots (:data:`INTS` integers a slot:
article number, -1 for a free slot, four field lengths; and recency), so opening the file reads a few blobs, not 50,000
rows. ``postings``: per key, in rows of :data:`BLOCK` slots (a new note rewrites a small row even of a word most notes
hold), the slots with it and :data:`WIDTH` counts a slot (bytes, or four-byte ints when one passes 255: the length
tells). A key is a term of notes, or one of :data:`KINDS` and a key: ``^treati`` (a term of articles' titles and
actors, by article number), ``#eu/trade`` (a tag or parent), ``=yellow``, ``@0738990`` (the day written).
``docs.names``: the actor names an article was indexed with; ``words``: each folded word's count, so a prefix expands
only to words held."""
REBUILT = ("columns", "notes", "docs", "postings", "words")
ARTICLE, TAG, COLOR, DAY = KINDS = ("^", "#", "=", "@")
"""Prefixes of postings keys that are not terms of a note (terms are letters and digits)."""
CHUNK = 2048
BLOCK = 4096
INTS = 5
WIDTH = 4
"""Counts a slot in a postings row: one per field of a note (an article's two, then zeros)."""


class DamagedIndexError(Exception):
    """The file is not laid out as this module writes it."""


DAMAGE = (sqlite3.DatabaseError, DamagedIndexError, ValueError, KeyError, TypeError, IndexError)
"""What a damaged file can raise while it is read (bad pages, JSON or record shapes)."""


@contextmanager
def writing(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once so two writers never both read then write."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")


def connect(path: Path | None, timeout: float) -> sqlite3.Connection:
    """The index at ``path`` (``None``: in memory), laid out anew if empty; raises ``DamagedIndexError``
    for a file of another format and ``sqlite3.Error`` when it cannot be opened."""
    db = sqlite3.connect(":memory:" if path is None else path, timeout=timeout, isolation_level=None,
                         check_same_thread=False)  # the store's lock serialises its users
    try:
        if path is not None:  # derived data: a crash may lose a catch-up, never consistency
            db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
        with writing(db):
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                for statement in SCHEMA.split(";"):
                    db.execute(statement)
                db.execute("INSERT INTO meta VALUES ('format', ?), ('cursor', ''), ('version', 0)", (FORMAT,))
            elif meta(db, "format") != FORMAT:
                raise DamagedIndexError("another format")
    except BaseException:
        db.close()
        raise
    return db


def meta(db: sqlite3.Connection, key: str) -> Any:
    return db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0]  # TypeError: damaged


class Columns:
    """Per slot: :data:`INTS` integers and a recency, in arrays that load and save by chunk."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.ints, self.recency, self.dirty = array("i"), array("d"), set[int]()
        for ints, recency in db.execute("SELECT ints, recency FROM columns ORDER BY chunk"):
            self.ints.frombytes(ints)
            self.recency.frombytes(recency)
        if len(self.ints) != INTS * len(self.recency):
            raise DamagedIndexError("columns of unequal lengths")

    def save(self, db: sqlite3.Connection) -> None:
        db.executemany("INSERT OR REPLACE INTO columns VALUES (?, ?, ?)", (
            (chunk, self.ints[chunk * CHUNK * INTS:(chunk + 1) * CHUNK * INTS].tobytes(),
             self.recency[chunk * CHUNK:(chunk + 1) * CHUNK].tobytes()) for chunk in self.dirty))

    def set(self, slot: int, ints: Iterable[int], recency: float) -> None:
        while slot >= len(self.recency):
            self.ints.extend((-1,) + (0,) * (INTS - 1))
            self.recency.append(0.0)
        self.ints[slot * INTS:(slot + 1) * INTS] = array("i", ints)
        self.recency[slot] = recency
        self.dirty.add(slot // CHUNK)


def read_postings(slots: bytes, tfs: bytes) -> tuple[array[int], array[int]]:
    """The slots and the counts (:data:`WIDTH` a slot) of a ``postings`` row."""
    keys, counts = array("i", slots), array("B" if len(tfs) == len(slots) else "I", tfs)
    if len(counts) != WIDTH * len(keys):
        raise DamagedIndexError("postings of unequal lengths")
    return keys, counts


def filter_keys(note: Annotation) -> set[str]:
    """The postings keys of a note's filters: its tags (and their parents), colour and day."""
    return {TAG + key for tag in note.tags for key in tag_keys(tag)} | {
        COLOR + color_key(note.color), f"{DAY}{local_day(note.created):07d}"}


def catch_up(db: sqlite3.Connection, feed: Callable[[str | None], Changes]) -> None:
    """Apply what changed in the store since the file's cursor (not thread-safe: the store's lock guards it)."""
    changes = feed(cursor := str(meta(db, "cursor")))
    if changes:
        with writing(db):
            now = str(meta(db, "cursor"))
            changes = changes if now == cursor else feed(now)  # another process moved it meanwhile
            if changes:
                _Writer(db, changes.rebuild).apply(changes)


def set_article_actors(db: sqlite3.Connection, doc_id: str, given: Sequence[str]) -> None:
    """Index the article's actor names in place of the ones it had."""
    names = list(dict.fromkeys(name.strip() for name in given if name.strip()))
    with writing(db):
        row = db.execute("SELECT names FROM article_actors WHERE doc = ?", (doc_id,)).fetchone()
        if row is None or json.loads(row[0]) != names:
            db.execute("INSERT OR REPLACE INTO article_actors VALUES (?, ?)", (doc_id, json.dumps(names)))
            writer = _Writer(db, False)
            writer.index_doc(doc_id, None, names_only=True)
            writer.finish(None)


class _Writer:
    """Applies changes, reading and writing each postings row once; ``empty``: start from nothing."""

    def __init__(self, db: sqlite3.Connection, empty: bool) -> None:
        self.db, self.empty = db, empty
        for table in REBUILT if empty else ():
            db.execute(f"DELETE FROM {table}")
        self._columns: Columns | None = None  # loaded when notes change
        self.reuse = not empty
        self.doc_nums: dict[str, int] = dict(db.execute("SELECT id, num FROM docs"))
        self.dropped: dict[tuple[str, int], set[int]] = {}  # by key and block
        self.added: dict[tuple[str, int], dict[int, tuple[int, ...]]] = {}
        self.words: Counter[str] = Counter()
        self.note_rows: list[tuple[Any, ...]] = []

    @property
    def columns(self) -> Columns:
        self._columns = self._columns or Columns(self.db)
        return self._columns

    def free_slot(self) -> int:
        """The lowest free slot (its article number is the only -1 of the columns), else a new one at the end; the
        scan, in C, is left off once none is found, until a note leaves."""
        if self.reuse:
            try:
                return self.columns.ints.index(-1) // INTS
            except ValueError:
                self.reuse = False
        return len(self.columns.recency)

    def apply(self, changes: Changes) -> None:
        notes = changes.changed.get("annotations", [])
        for rid in [*changes.removed.get("annotations", ()), *(rec["id"] for rec in notes)]:
            self._forget(rid)  # all first, so that the new notes take their slots
        for rec in notes:
            self._put(rec)
        for rid in changes.removed.get("documents", ()):
            self.index_doc(rid, None)
        for rec in changes.changed.get("documents", ()):
            self.index_doc(rec["id"], rec)
        self.finish(changes.cursor)

    def finish(self, cursor: str | None) -> None:
        """Write what was gathered, and the new cursor (``None``: the same)."""
        self.db.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?)", self.note_rows)
        self._write_postings()
        folded: Counter[tuple[str, str]] = Counter()
        for raw, change in self.words.items():
            folded[forms(raw)] += change
        self.db.executemany("INSERT INTO words VALUES (?, ?, ?) ON CONFLICT(word) DO UPDATE SET refs = refs + "
                            "excluded.refs", ((word, key, n) for (word, key), n in folded.items() if n))
        self.db.executemany("DELETE FROM words WHERE word = ? AND refs <= 0",
                            ((word,) for (word, _), n in folded.items() if n < 0))
        if self._columns is not None:
            self._columns.save(self.db)
        self.db.execute("UPDATE meta SET value = value + 1 WHERE key = 'version'")
        self.db.execute("UPDATE meta SET value = coalesce(?, value) WHERE key = 'cursor'", (cursor,))

    def _drop(self, keys: Iterable[str], slot: int) -> None:
        for key in keys:
            self.dropped.setdefault((key, slot // BLOCK), set()).add(slot)

    def _add(self, counts: Mapping[str, tuple[int, ...]], slot: int) -> None:
        for key, tfs in counts.items():
            self.added.setdefault((key, slot // BLOCK), {})[slot] = tfs

    def _doc_num(self, doc_id: str) -> int:
        if doc_id not in self.doc_nums:
            self.doc_nums[doc_id] = num = len(self.doc_nums)
            self.db.execute("INSERT INTO docs VALUES (?, ?, NULL, '', '[]', ' ', ' ', 0, 0)", (num, doc_id))
        return self.doc_nums[doc_id]

    def _forget(self, rid: str) -> None:
        row = self.db.execute("SELECT slot, record FROM notes WHERE id = ?", (rid,)).fetchone()
        if row is not None:
            note = Annotation.from_json(loads(row[1]))
            entry = note_entry(note)
            self._drop(chain(entry.frequencies, filter_keys(note)), row[0])
            self.words.subtract(entry.words)
            self.db.execute("DELETE FROM notes WHERE slot = ?", (row[0],))
            self.columns.set(row[0], (-1,) + (0,) * (INTS - 1), 0.0)
            self.reuse = True

    def _put(self, rec: Record) -> None:
        note = Annotation.from_json(rec)
        entry, slot = note_entry(note), self.free_slot()
        self.note_rows.append((slot, note.id, *entry.fields, dumps(rec)))
        self._add({**entry.frequencies, **dict.fromkeys(filter_keys(note), (0,) * WIDTH)}, slot)
        self.columns.set(slot, (self._doc_num(note.document), *entry.lengths), timestamp(note.updated))
        self.words.update(entry.words)

    def index_doc(self, doc_id: str, rec: Record | None, *, names_only: bool = False) -> None:
        """Index an article's record (``None``: none) and actor names; ``names_only``: the same record, names anew."""
        num = self._doc_num(doc_id)
        old, old_names = self.db.execute("SELECT record, names FROM docs WHERE num = ?", (num,)).fetchone()
        if old is not None:
            entry = entry_of(DocumentRecord.from_json(loads(old)).title, json.loads(old_names))
            self._drop((ARTICLE + key for key in entry.frequencies), num)
            self.words.subtract(entry.words)
        rec = (None if old is None else loads(old)) if names_only else rec
        doc, names = (None, []) if rec is None else (DocumentRecord.from_json(rec), self._names(doc_id, rec))
        entry = entry_of(doc.title if doc else "", names)
        title = fold(doc.title or doc.path.replace("\\", "/").rsplit("/", 1)[-1]) if doc else ""  # for in:
        self.db.execute("UPDATE docs SET record = ?, title = ?, names = ?, f0 = ?, f1 = ?, l0 = ?, l1 = ? "
                        "WHERE num = ?", (rec and dumps(rec), title, json.dumps(names), *entry.fields, *entry.lengths,
                                          num))
        self._add({ARTICLE + key: (*tfs, 0, 0) for key, tfs in entry.frequencies.items()}, num)
        self.words.update(entry.words)

    def _names(self, doc_id: str, rec: Record) -> list[str]:
        """The article's actor names: those of a record written before they moved here count until the analysis's."""
        row = self.db.execute("SELECT names FROM article_actors WHERE doc = ?", (doc_id,)).fetchone()
        legacy = rec.get("actors")
        if row is None and isinstance(legacy, list) and legacy:
            self.db.execute("INSERT INTO article_actors VALUES (?, ?)", (doc_id, json.dumps(legacy)))
            return [str(name) for name in legacy]
        return list(json.loads(row[0])) if row else []

    def _write_postings(self) -> None:
        rows: list[tuple[Any, ...]] = []
        empty: list[tuple[Any, ...]] = []
        for key, block in self.dropped.keys() | self.added.keys():
            row = None if self.empty else self.db.execute(
                "SELECT slots, tfs FROM postings WHERE term = ? AND block = ?", (key, block)).fetchone()
            slots, counts = read_postings(*row) if row else (array("i"), array("B"))
            for slot in self.dropped.get((key, block), ()):  # array operations: an edit changes a row of thousands
                i = slots.index(slot)
                del slots[i], counts[WIDTH * i:WIDTH * (i + 1)]
            added = self.added.get((key, block), {})
            slots.extend(added)
            new = (key, block, len(slots), slots.tobytes(), _counts(chain(counts, chain.from_iterable(added.values()))))
            (rows if slots else empty).append(new)
        self.db.executemany("INSERT OR REPLACE INTO postings VALUES (?, ?, ?, ?, ?)", rows)
        self.db.executemany("DELETE FROM postings WHERE term = ? AND block = ?", (row[:2] for row in empty))


def _counts(counts: Iterable[int]) -> bytes:
    """Counts as one byte each when they all fit (mostly they are 0 or 1), else four."""
    values = array("I", counts)
    return bytes(values) if max(values, default=0) < 256 else values.tobytes()
