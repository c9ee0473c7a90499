"""The search index's file: SQLite beside the store, kept current from the store's change feed.

The problem: search must answer quickly from the first query of a fresh process (the
window, or ``reader notes search``), so the index lives on disk; and it must answer as the
store's records are now, whichever process wrote them, without knowing how the store lays
out its files.

The protocol: the file holds the feed cursor (see :mod:`notes.feed`) whose records it
indexes. :meth:`IndexFile.catch_up` asks the store for ``changes_since(cursor)``; when
there are any, it takes SQLite's write lock, reads the cursor again (another process may
have moved it meanwhile), and applies the changes, the new cursor and a new ``version``
in one transaction. Locks are only ever taken in that order (this file's, then the
store's), and a store commit never waits for this file: writers leave the work to the
next search or do it as they close. Readers work on a consistent snapshot (WAL) and
reload what they keep in memory when the file's ``version`` changed.

The file is disposable: one of another format, or one that fails to read, is deleted and
built again from the feed; a folder that cannot hold it gets an index in memory. The one
thing in it not derived from the store is each article's actor names, handed over by the
analysis (:meth:`IndexFile.set_article_actors`): they survive a rebuild of a sound file,
and are handed over again the next time the article is analysed.

The invariant: when ``catch_up`` returns, the file holds exactly the store's records at
its cursor.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any

from notes.feed import Changes, Record
from notes.records import Annotation, DocumentRecord
from notes.search_keys import color_key, doc_entry, local_day, note_entry, tag_keys, timestamp, title_of
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
"""``columns`` holds what every query needs of every note, per chunk of :data:`CHUNK` slots:
:data:`INTS` integers a slot (article number, or -1 for a free slot; four field lengths)
and its recency, so opening the file reads a few blobs, not 50,000 rows. ``postings`` holds
per key, in rows of :data:`BLOCK` slots (so a new note rewrites a small row even of a word
most notes hold), the slots with it and four counts a slot (``array('B')``, or ``array('I')``
when one passes 255: the blob's length tells). A key is a term of the notes' own fields, or
one of :data:`KINDS` and a key: ``^treati`` (a term of articles, by article number: title
and actors), ``#eu/trade`` (a tag or its parent), ``=yellow`` (a colour), ``@0738990`` (the
day written). ``docs.names`` are the actor names an article was indexed with; ``words``
counts each folded word of notes and articles, so a prefix expands only to words held."""
REBUILT = ("columns", "notes", "docs", "postings", "words")
ARTICLE, TAG, COLOR, DAY = KINDS = ("^", "#", "=", "@")
"""Prefixes of postings keys that are not terms of a note (terms are letters and digits)."""
CHUNK = 2048
BLOCK = 4096
INTS = 5
WIDTH = 4
"""Counts a slot in a postings row: one per field of a note (an article's two, then zeros)."""


class Damaged(Exception):
    """The file is not laid out as this module writes it."""


DAMAGE = (sqlite3.DatabaseError, Damaged, ValueError, KeyError, TypeError, IndexError)
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
    """The index at ``path`` (``None``: in memory), laid out anew if empty; raises ``Damaged``
    for a file of another format and ``sqlite3.Error`` when it cannot be opened."""
    db = sqlite3.connect(":memory:" if path is None else path, timeout=timeout, isolation_level=None,
                         check_same_thread=False)  # the store's lock serialises its users
    try:
        if path is not None:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # derived data: a crash may lose a catch-up, never consistency
        with writing(db):
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                for statement in SCHEMA.split(";"):
                    db.execute(statement)
                db.execute("INSERT INTO meta VALUES ('format', ?), ('cursor', ''), ('version', 0)", (FORMAT,))
            elif meta(db, "format") != FORMAT:
                raise Damaged("another format")
    except BaseException:
        db.close()
        raise
    return db


def meta(db: sqlite3.Connection, key: str) -> Any:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise Damaged(f"no {key}")
    return row[0]


class Columns:
    """Per slot: :data:`INTS` integers and a recency, in arrays that load and save by chunk."""

    def __init__(self, ints: array[int] | None = None, recency: array[float] | None = None) -> None:
        self.ints, self.recency = ints or array("i"), recency or array("d")
        if len(self.ints) != INTS * len(self.recency):
            raise Damaged("columns of unequal lengths")
        self.dirty: set[int] = set()

    @classmethod
    def load(cls, db: sqlite3.Connection) -> Columns:
        ints, recency = array("i"), array("d")
        for raw_ints, raw_recency in db.execute("SELECT ints, recency FROM columns ORDER BY chunk"):
            ints.frombytes(raw_ints)
            recency.frombytes(raw_recency)
        return cls(ints, recency)

    def save(self, db: sqlite3.Connection) -> None:
        db.executemany("INSERT OR REPLACE INTO columns VALUES (?, ?, ?)", (
            (chunk, self.ints[chunk * CHUNK * INTS:(chunk + 1) * CHUNK * INTS].tobytes(),
             self.recency[chunk * CHUNK:(chunk + 1) * CHUNK].tobytes()) for chunk in self.dirty))

    @cached_property
    def _free(self) -> list[int]:
        return sorted((slot for slot, doc in enumerate(self.ints[0::INTS]) if doc < 0), reverse=True)

    def take(self) -> int:
        """A slot for a new note: a free one (the lowest), else a new one at the end."""
        return self._free.pop() if self._free else len(self.recency)

    def release(self, slot: int) -> None:
        self._free.append(slot)
        self.set(slot, (-1,) + (0,) * (INTS - 1), 0.0)

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
        raise Damaged("postings of unequal lengths")
    return keys, counts


def filter_keys(note: Annotation) -> set[str]:
    """The postings keys of a note's filters: its tags (and their parents), colour and day."""
    return {TAG + key for tag in note.tags for key in tag_keys(tag)} | {
        COLOR + color_key(note.color), f"{DAY}{local_day(note.created):07d}"}


def _edited(slots: array[int], counts: array[int], dropped: AbstractSet[int],
            added: Mapping[int, tuple[int, ...]]) -> tuple[array[int], array[int]]:
    """A postings row without the ``dropped`` slots, with the ``added`` ones appended."""
    kept = [i for i, slot in enumerate(slots) if slot not in dropped]
    new = list(chain.from_iterable(added.values()))
    wide = counts.typecode == "I" or max(new, default=0) > 255
    return (array("i", chain((slots[i] for i in kept), added)),
            array("I" if wide else "B", chain(chain.from_iterable(counts[WIDTH * i:WIDTH * i + WIDTH] for i in kept),
                                              new)))


class IndexFile:
    """The writing side of one connection to the index; not thread-safe (the store's lock guards it)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def catch_up(self, feed: Callable[[str | None], Changes]) -> None:
        """Apply what changed in the store since the file's cursor."""
        cursor = str(meta(self.db, "cursor"))
        changes = feed(cursor)
        if changes:
            with writing(self.db):
                now = str(meta(self.db, "cursor"))
                changes = changes if now == cursor else feed(now)  # another process moved it meanwhile
                if changes:
                    _Writer(self.db, changes.rebuild).apply(changes)

    def set_article_actors(self, doc_id: str, names: list[str]) -> None:
        """Index the article's actor names in place of the ones it had."""
        with writing(self.db):
            row = self.db.execute("SELECT names FROM article_actors WHERE doc = ?", (doc_id,)).fetchone()
            if row is None or json.loads(row[0]) != names:
                self.db.execute("INSERT OR REPLACE INTO article_actors VALUES (?, ?)", (doc_id, json.dumps(names)))
                writer = _Writer(self.db, False)
                writer.index_doc(doc_id, None, names_only=True)
                writer.finish(None)


class _Writer:
    """Applies changes, reading and writing each postings row once.

    ``empty``: start from nothing (a rebuild), so nothing is looked up before it is written.
    """

    def __init__(self, db: sqlite3.Connection, empty: bool) -> None:
        self.db, self.empty = db, empty
        for table in REBUILT if empty else ():
            db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
        self._columns = Columns() if empty else None
        self.doc_nums = dict(db.execute("SELECT id, num FROM docs"))
        self.dropped: dict[tuple[str, int], set[int]] = {}  # by key and block
        self.added: dict[tuple[str, int], dict[int, tuple[int, ...]]] = {}
        self.words: Counter[str] = Counter()
        self.note_rows: list[tuple[Any, ...]] = []

    @property
    def columns(self) -> Columns:
        """The per-note columns, loaded when notes change."""
        if self._columns is None:
            self._columns = Columns.load(self.db)
        return self._columns

    def apply(self, changes: Changes) -> None:
        for rid in changes.removed.get("annotations", ()):
            self._forget(rid)
        for rec in changes.changed.get("annotations", ()):
            self._forget(rec["id"])
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
        if cursor is not None:
            self.db.execute("UPDATE meta SET value = ? WHERE key = 'cursor'", (cursor,))

    def _post(self, keys: Iterable[str], slot: int, counts: Mapping[str, tuple[int, ...]] | None, drop: bool) -> None:
        for key in keys:
            if drop:
                self.dropped.setdefault((key, slot // BLOCK), set()).add(slot)
            else:
                self.added.setdefault((key, slot // BLOCK), {})[slot] = counts[key] if counts else (0,) * WIDTH

    def _doc_num(self, doc_id: str) -> int:
        num = self.doc_nums.get(doc_id)
        if num is None:
            num = self.doc_nums[doc_id] = len(self.doc_nums)
            self.db.execute("INSERT INTO docs VALUES (?, ?, NULL, '', '[]', ' ', ' ', 0, 0)", (num, doc_id))
        return num

    def _forget(self, rid: str) -> None:
        row = None if self.empty else self.db.execute("SELECT slot, record FROM notes WHERE id = ?", (rid,)).fetchone()
        if row is not None:
            note = Annotation.from_json(loads(row[1]))
            entry = note_entry(note)
            self._post(chain(entry.frequencies, filter_keys(note)), row[0], None, drop=True)
            self.words.subtract(entry.words)
            self.db.execute("DELETE FROM notes WHERE slot = ?", (row[0],))
            self.columns.release(row[0])

    def _put(self, rec: Record) -> None:
        note = Annotation.from_json(rec)
        entry, slot = note_entry(note), self.columns.take()
        self.note_rows.append((slot, note.id, *entry.fields, dumps(rec)))
        self._post(entry.frequencies, slot, entry.frequencies, drop=False)
        self._post(filter_keys(note), slot, None, drop=False)
        self.columns.set(slot, (self._doc_num(note.document), *entry.lengths), timestamp(note.updated))
        self.words.update(entry.words)

    def index_doc(self, doc_id: str, rec: Record | None, *, names_only: bool = False) -> None:
        """Index an article's record (``None``: it has none) with its actor names; with
        ``names_only``, keep the record indexed and take the names anew."""
        num = self._doc_num(doc_id)
        old, old_names = self.db.execute("SELECT record, names FROM docs WHERE num = ?", (num,)).fetchone()
        if old is not None:
            entry = doc_entry(DocumentRecord.from_json(loads(old)).title, json.loads(old_names))
            self._post((ARTICLE + key for key in entry.frequencies), num, None, drop=True)
            self.words.subtract(entry.words)
        rec = (None if old is None else loads(old)) if names_only else rec
        doc, names = (None, []) if rec is None else (DocumentRecord.from_json(rec), self._names(doc_id, rec))
        entry = doc_entry(doc.title if doc else "", names)
        self.db.execute("UPDATE docs SET record = ?, title = ?, names = ?, f0 = ?, f1 = ?, l0 = ?, l1 = ? WHERE num = ?",
                        (rec and dumps(rec), doc and fold(title_of(doc)) or "", json.dumps(names), *entry.fields,
                         *entry.lengths, num))
        self._post((ARTICLE + key for key in entry.frequencies), num,
                   {ARTICLE + key: tfs + (0, 0) for key, tfs in entry.frequencies.items()}, drop=False)
        self.words.update(entry.words)

    def _names(self, doc_id: str, rec: Record) -> list[str]:
        """The article's actor names; a store written before they were kept apart may still
        hold them in the record, and they count until the analysis hands over its own."""
        row = self.db.execute("SELECT names FROM article_actors WHERE doc = ?", (doc_id,)).fetchone()
        legacy = rec.get("actors")
        if row is None and isinstance(legacy, list) and legacy:
            self.db.execute("INSERT INTO article_actors VALUES (?, ?)", (doc_id, json.dumps(legacy)))
            return [str(name) for name in legacy]
        return list(json.loads(row[0])) if row else []

    def _write_postings(self) -> None:
        db = self.db
        if self.empty:
            db.executemany("INSERT INTO postings VALUES (?, ?, ?, ?, ?)", (
                (key, block, len(notes), array("i", notes).tobytes(), _counts(chain.from_iterable(notes.values())))
                for (key, block), notes in self.added.items()))
            return
        appended = {row: notes for row, notes in self.added.items()
                    if row not in self.dropped and max(chain.from_iterable(notes.values())) < 256}
        # Only new notes: their slots and one-byte counts are appended in SQL without reading
        # the row; a row of four-byte counts (four times as long as its slots) gets them widened.
        db.executemany(
            "INSERT INTO postings VALUES (:key, :block, :n, :slots, :narrow) ON CONFLICT(term, block) DO UPDATE "
            "SET n = n + :n, slots = CAST(slots || :slots AS BLOB), "  # || makes text of blobs, byte for byte
            "tfs = CAST(tfs || iif(length(tfs) = length(slots), :narrow, :wide) AS BLOB)",
            ({"key": key, "block": block, "n": len(notes), "slots": array("i", notes).tobytes(),
              "narrow": bytes(chain.from_iterable(notes.values())),
              "wide": array("I", chain.from_iterable(notes.values())).tobytes()}
             for (key, block), notes in appended.items()))
        for key, block in self.dropped.keys() | (self.added.keys() - appended.keys()):
            row = db.execute("SELECT slots, tfs FROM postings WHERE term = ? AND block = ?", (key, block)).fetchone()
            slots, counts = _edited(*(read_postings(*row) if row else (array("i"), array("B"))),
                                    self.dropped.get((key, block), set()), self.added.get((key, block), {}))
            if slots:
                db.execute("INSERT OR REPLACE INTO postings VALUES (?, ?, ?, ?, ?)",
                           (key, block, len(slots), slots.tobytes(), counts.tobytes()))
            elif row:
                db.execute("DELETE FROM postings WHERE term = ? AND block = ?", (key, block))


def _counts(counts: Iterable[int]) -> bytes:
    """Counts as one byte each when they all fit (mostly they are 0 or 1), else four."""
    values = array("I", counts)
    return bytes(values) if max(values, default=0) < 256 else values.tobytes()
