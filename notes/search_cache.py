"""The stored search index as a disposable cache of the store: stamped, checked, caught up.

``reader notes search`` runs in a fresh process, where indexing 50,000 notes would take
seconds; :func:`search` answers from :mod:`notes.search_stored`'s file beside the store
instead. That file is derived data and is never trusted blindly:

* it is stamped with the identity of the store's files (``library.json``: inode, size,
  mtime and CRC-32; the journal: inode, and length and CRC-32 of its complete lines), read
  under the store's shared lock, so any write by any process changes what it is compared to;
* when only new journal lines were added since the stamp, exactly those commits are
  applied to it; when ``library.json`` itself changed (compaction, a restored backup), the
  notes are compared by a 64-bit fingerprint of each record and the changed ones
  re-indexed; when much changed, or the file is missing, of another version or damaged,
  it is rebuilt from the store's records;
* it is only ever read and written by SQLite transactions, and the store's own files are
  only read, so no failure here can lose or change a note. When the cache cannot be
  written (a read-only folder) the answer comes from an in-memory index as before.

Writers keep the file current too, so that no search has to build it: :func:`keep_current`
runs when a store that changed closes (after its commits are durable), and
:func:`carry_over` lets a compaction re-stamp a current file with the new ``library.json``
instead of leaving the next search to compare every note. Both swallow every error: the
file is disposable, and a search still rebuilds it when in doubt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notes.records import Annotation, DocumentRecord
from notes.search import Hit, doc_entry, note_entry
from notes.search_stored import FORMAT, SCHEMA, Columns, DamagedIndex, StoredIndex, edit_postings, encode_postings
from notes.store_format import dumps, loads, scan_journal
from notes.storage import journal_path
from notes.textfold import forms

if TYPE_CHECKING:
    from notes.store import NoteStore

SUFFIX = ".search.sqlite"
REBUILD_SHARE = 0.2
"""When more than this share of the notes changed, re-indexing them one by one costs more
than a rebuild."""
_TABLES = ("meta", "columns", "notes", "note_texts", "note_tags", "docs", "postings", "doc_postings", "words")
_DAMAGE = (sqlite3.DatabaseError, DamagedIndex, ValueError, KeyError, TypeError)
"""What a damaged file can raise while it is read (bad SQL pages, JSON or record shapes)."""

WRITER_TIMEOUT = 0.1
"""Seconds a writer waits for the file when a search is writing it: never hold up a note for it."""
_log = logging.getLogger(__name__)

Stamp = dict[str, Any]
Record = dict[str, Any]
Tables = Mapping[str, dict[str, Record]]


def cache_path(store_path: Path) -> Path:
    """Where the search cache of the store at ``store_path`` lives: beside it."""
    return store_path.with_name(store_path.name + SUFFIX)


def search(store: NoteStore, query: str, limit: int | None = 50) -> list[Hit]:
    """``store.search(query, limit)``, answered from the cache file, brought up to date first."""
    if not store.path.exists():
        return store.search(query, limit)  # no store yet: nothing to cache
    path = cache_path(store.path)
    for _ in range(3):  # another process may update the file between our steps
        try:
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
        except sqlite3.Error:
            break  # cannot create it here: answer without a cache
        try:
            hits = _search(store, db, query, limit)
        except sqlite3.OperationalError as err:
            if not _is_damage(err):
                break  # read-only folder, disk full, locked too long: answer without a cache
            _remove(path, db)
            continue
        except _DAMAGE:
            _remove(path, db)
            continue
        finally:
            db.close()
        if hits is not None:
            return hits
    return store.search(query, limit)


def _is_damage(err: sqlite3.OperationalError) -> bool:
    """An error about the file's contents (missing tables, bad columns), not about access to it."""
    message = str(err)
    return message.startswith(("no such table", "no such column", "table ")) or "malformed" in message


def _remove(path: Path, db: sqlite3.Connection) -> None:
    """Delete a damaged cache, and SQLite's journal with it, so the next attempt rebuilds it."""
    db.close()
    for stale in (path, path.with_name(path.name + "-journal")):
        try:
            stale.unlink()
        except FileNotFoundError:
            pass


def _search(store: NoteStore, db: sqlite3.Connection, query: str, limit: int | None) -> list[Hit] | None:
    """Catch the file up with the store, then search it in one read transaction; ``None``
    when another process changed the file in between (the caller tries again)."""
    known = _stamp(db)
    with store.held() as tables:
        now, changes = _changes_since(known, store.path, tables)
    if changes is not None and not _catch_up(db, known, now, changes):
        return None
    db.execute("BEGIN")
    try:
        if _stamp(db) != now:
            return None
        return StoredIndex(db).search(query, limit)
    finally:
        db.execute("ROLLBACK")


def keep_current(store: NoteStore, *, build: bool) -> None:
    """Bring the file up to date after ``store`` wrote (call once its commits are durable).

    A file that only lacks journal lines is caught up from them (cheap at any size); a
    missing, outdated or damaged one is built or compared note by note only when ``build``
    (the caller found the store small, or its own write large), so a small store has its
    file from the first note on and a large one never makes a writer wait seconds. Never
    raises: a failure leaves the file for the next search to catch up or rebuild.
    """
    try:
        path = cache_path(store.path)
        if not build and not path.exists():
            return
        db = sqlite3.connect(path, timeout=WRITER_TIMEOUT, isolation_level=None)
        try:
            known = _stamp(db)
            with store.held() as tables:  # what changed is read under the lock, written after it
                now, changes = _changes_since(known, store.path, tables, everything=build)
            if changes is not None:
                _catch_up(db, known, now, changes)
        finally:
            db.close()
    except Exception as err:  # noqa: BLE001 (the file is disposable; the note is already saved)
        _log.info("%s: left for the next search (%s)", cache_path(store.path), err)


def carry_over(store_path: Path, tables: Tables) -> Callable[[], None] | None:
    """Before a compaction folds the journal into ``library.json`` (under the store's
    exclusive lock): catch the file up with the journal; returns what re-stamps it with the
    new ``library.json`` once that is written, since the notes it describes are the same.

    ``None`` when there is no file, or it cannot be brought up to date cheaply: then the
    next search compares it note by note as before. Never raises.
    """
    path = cache_path(store_path)
    try:
        if not path.exists():
            return None
        db = sqlite3.connect(path, timeout=WRITER_TIMEOUT, isolation_level=None)
        try:
            known = _stamp(db)
            now, changes = _changes_since(known, store_path, tables, everything=False)
            current = known == now or (changes is not None and _catch_up(db, known, now, changes))
        finally:
            db.close()
    except Exception as err:  # noqa: BLE001 (the file is disposable; compaction goes on)
        _log.info("%s: not carried over a compaction (%s)", path, err)
        return None
    return (lambda: _restamp(path, store_path, now)) if current else None


def _restamp(path: Path, store_path: Path, before: Stamp) -> None:
    """Stamp the file with the store's files as they are now, if it still holds ``before``
    (call under the store's exclusive lock, right after a compaction). Never raises."""
    try:
        db = sqlite3.connect(path, timeout=WRITER_TIMEOUT, isolation_level=None)
        try:
            after, _ = _identity(store_path)
            db.execute("BEGIN IMMEDIATE")
            try:
                if _stamp(db) == before:
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (json.dumps(after),))
                    _log.debug("search cache: re-stamped after compaction")
                db.execute("COMMIT")
            finally:
                if db.in_transaction:
                    db.execute("ROLLBACK")
        finally:
            db.close()
    except Exception as err:  # noqa: BLE001 (the file is disposable; the compaction is done)
        _log.info("%s: not re-stamped after compaction (%s)", path, err)


def _changes_since(known: Stamp | None, store_path: Path, tables: Tables, *,
                   everything: bool = True) -> tuple[Stamp, _Changes | None]:
    """The store's identity now (call under its lock), and what the file stamped ``known``
    lacks: ``None`` when it is current, or (``everything`` false) when more than journal
    lines changed."""
    now, journal = _identity(store_path)
    if known == now:
        _log.debug("search cache: current")
        return now, None
    changes = _journal_changes(known, now, journal, store_path)
    if changes is not None:
        _log.debug("search cache: journal lines")
    elif everything:
        _log.debug("search cache: every note")
        changes = _Changes.everything(tables["annotations"].values(), tables["documents"].values())
    return now, changes


def _stamp(db: sqlite3.Connection) -> Stamp | None:
    """The stamp the file was written with; ``None`` for a new file or one of another version."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
    except sqlite3.OperationalError as err:
        if str(err).startswith("no such table"):
            return None
        raise
    stamp = json.loads(row[0]) if row else None
    return stamp if isinstance(stamp, dict) and stamp.get("format") == FORMAT else None


def _identity(store_path: Path) -> tuple[Stamp, bytes | None]:
    """The stamp of the store's files as they are now, and the journal's bytes (call under
    the store's lock, so that no writer changes them meanwhile)."""
    st = os.stat(store_path)
    library = [st.st_ino, st.st_size, st.st_mtime_ns, zlib.crc32(store_path.read_bytes())]
    try:
        with open(journal_path(store_path), "rb") as f:
            journal: bytes | None = f.read()
            jst = os.fstat(f.fileno())
    except FileNotFoundError:
        journal = None
    stamp: Stamp = {"format": FORMAT, "library": library, "journal": None}
    if journal is not None:
        end = journal.rfind(b"\n") + 1  # a torn last line is not part of the store yet
        stamp["journal"] = [jst.st_ino, end, zlib.crc32(memoryview(journal)[:end])]
    return stamp, journal


@dataclass
class _Changes:
    """Records to index (anew), and ids to forget, by table; ``full`` to start from nothing."""

    notes: dict[str, Record | None] = field(default_factory=dict)
    docs: dict[str, Record | None] = field(default_factory=dict)
    full: bool = False

    @classmethod
    def everything(cls, notes: Iterable[Record], docs: Iterable[Record]) -> _Changes:
        return cls({r["id"]: r for r in notes}, {r["id"]: r for r in docs}, full=True)


def _journal_changes(known: Stamp | None, now: Stamp, journal: bytes | None, store_path: Path) -> _Changes | None:
    """The commits appended to the journal since ``known``, when that is all that changed."""
    if known is None or known["library"] != now["library"] or not known["journal"] or not now["journal"]:
        return None
    inode, end, crc = known["journal"]
    if journal is None or inode != now["journal"][0] or end > now["journal"][1] \
            or zlib.crc32(memoryview(journal)[:end]) != crc:
        return None
    changes = _Changes()
    # The same library file and journal prefix: the journal is in force (a stale one is
    # replaced before anybody appends to it), so its new commits are what the store applied.
    for ops in scan_journal(journal[:now["journal"][1]], end, journal_path(store_path).name).commits:
        for op in ops:
            table = {"annotations": changes.notes, "documents": changes.docs}.get(op["t"])
            if table is not None:
                table[op["put"]["id"] if "put" in op else op["del"]] = op.get("put")
    return changes


def _fingerprint(raw: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big", signed=True)


def _catch_up(db: sqlite3.Connection, known: Stamp | None, now: Stamp, changes: _Changes) -> bool:
    """Bring the file from ``known`` to ``now`` in one write transaction; ``False`` when
    another process moved it elsewhere first."""
    db.execute("BEGIN IMMEDIATE")
    try:
        current = _stamp(db)
        if current == now:
            db.execute("ROLLBACK")
            return True
        if current != known:
            db.execute("ROLLBACK")
            return False
        if changes.full and current is not None:
            changes = _difference(db, changes)
        if changes.full or current is None:
            _log.debug("search cache: rebuilt")
            _rebuild(db, changes)
        else:
            _Updater(db).apply(changes)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (json.dumps(now),))
        db.execute("COMMIT")
        return True
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _difference(db: sqlite3.Connection, everything: _Changes) -> _Changes:
    """What differs between the file and the store's records, by fingerprint; ``everything``
    again when so much differs that a rebuild is cheaper."""
    changes = _Changes()
    for table, records, found in (("notes", everything.notes, changes.notes), ("docs", everything.docs, changes.docs)):
        stored = dict(db.execute(f"SELECT id, fp FROM {table}"))  # noqa: S608 (a fixed table name)
        for rid, rec in records.items():
            if rec is not None and stored.pop(rid, None) != _fingerprint(dumps(rec)):
                found[rid] = rec
        found.update(dict.fromkeys(stored))
    if len(changes.notes) > REBUILD_SHARE * max(len(everything.notes), 1):
        return everything
    return changes


def _rebuild(db: sqlite3.Connection, changes: _Changes) -> None:
    """Empty the file (or lay it out anew) and index every record."""
    for table in _TABLES:
        db.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    _Updater(db, empty=True).apply(changes)


class _Updater:
    """Applies changes to the file's tables, reading and writing each term's postings once.

    ``empty``: the tables are known to be empty, so nothing is looked up before it is written.
    """

    def __init__(self, db: sqlite3.Connection, *, empty: bool = False) -> None:
        self.db = db
        self.empty = empty
        self.forgotten: set[int] = set()
        self.dropped: dict[str, set[int]] = {}
        self.added: dict[str, dict[int, tuple[int, ...]]] = {}
        self.doc_postings: dict[str, dict[str, tuple[int, ...] | None]] = {}
        self.words: Counter[str] = Counter()  # word as written -> change of its occurrences

    def apply(self, changes: _Changes) -> None:
        db = self.db
        next_slot = (db.execute("SELECT max(slot) FROM notes").fetchone()[0] or 0) + 1
        columns = Columns.empty() if self.empty else Columns.load(db)
        rows, texts, tag_rows, new_slots = [], [], [], []
        added = self.added
        for rid, rec in changes.notes.items():
            if not self.empty:
                self._forget_note(rid)
            if rec is None:
                continue
            raw = dumps(rec)
            entry, frequencies, found = note_entry(Annotation.from_json(rec))
            slot, next_slot = next_slot, next_slot + 1
            rows.append((slot, rid, _fingerprint(raw), entry.document, *entry.lengths, entry.color, entry.day,
                         entry.recency))
            texts.append((slot, *entry.fields, raw))
            new_slots.append((slot, rid, entry.document, entry.lengths, entry.recency))
            tag_rows.extend((key, slot) for key in entry.tags)
            for key, tfs in frequencies.items():
                notes = added.get(key)
                if notes is None:
                    added[key] = {slot: tfs}
                else:
                    notes[slot] = tfs
            self._count_words(found, 1)
        db.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO note_texts VALUES (?, ?, ?, ?, ?, ?)", texts)
        columns.drop(self.forgotten)
        for slot_columns in new_slots:
            columns.add(*slot_columns)
        columns.save(db)
        db.executemany("INSERT INTO note_tags VALUES (?, ?)", tag_rows)
        for rid, rec in changes.docs.items():
            self._forget_doc(rid)
            if rec is not None:
                self._index_doc(rec)
        self._write_postings()
        self._write_words()

    def _forget_note(self, rid: str) -> None:
        row = self.db.execute("SELECT slot, record FROM notes JOIN note_texts USING (slot) WHERE id = ?",
                              (rid,)).fetchone()
        if row is None:
            return
        slot, raw = row
        self.forgotten.add(slot)
        _, frequencies, found = note_entry(Annotation.from_json(loads(raw)))
        for key in frequencies:
            self.dropped.setdefault(key, set()).add(slot)
        self._count_words(found, -1)
        self.db.execute("DELETE FROM notes WHERE slot = ?", (slot,))
        self.db.execute("DELETE FROM note_texts WHERE slot = ?", (slot,))
        self.db.execute("DELETE FROM note_tags WHERE slot = ?", (slot,))

    def _forget_doc(self, rid: str) -> None:
        row = self.db.execute("SELECT record FROM docs WHERE id = ?", (rid,)).fetchone()
        if row is None:
            return
        _, frequencies, found = doc_entry(DocumentRecord.from_json(loads(row[0])))
        for key in frequencies:
            self.doc_postings.setdefault(key, {})[rid] = None
        self._count_words(found, -1)
        self.db.execute("DELETE FROM docs WHERE id = ?", (rid,))

    def _index_doc(self, rec: Record) -> None:
        raw = dumps(rec)
        entry, frequencies, found = doc_entry(DocumentRecord.from_json(rec))
        self.db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (rec["id"], _fingerprint(raw), *entry.lengths, *entry.fields, entry.title, raw))
        for key, tfs in frequencies.items():
            self.doc_postings.setdefault(key, {})[rec["id"]] = tfs
        self._count_words(found, 1)

    def _count_words(self, found: list[str], change: int) -> None:
        """Count the words of a note or article coming (1) or going (-1)."""
        if change > 0:
            self.words.update(found)
        else:
            self.words.subtract(found)

    def _folded_words(self) -> dict[tuple[str, str], int]:
        """The change of occurrences by folded word and its term (``words.refs``)."""
        folded: Counter[tuple[str, str]] = Counter()
        for raw, change in self.words.items():
            folded[forms(raw)] += change
        return folded

    def _write_postings(self) -> None:
        db = self.db
        if self.empty:
            db.executemany("INSERT INTO postings VALUES (?, ?, ?, ?)",
                           ((key, len(notes), *encode_postings(notes)) for key, notes in self.added.items()))
            self.added.clear()
        for key in self.dropped.keys() | self.added.keys():
            row = db.execute("SELECT slots, tfs FROM postings WHERE term = ?", (key,)).fetchone()
            slots, tfs, count = edit_postings(*(row or (b"", b"")), self.dropped.get(key, set()),
                                              self.added.get(key, {}))
            if count:
                db.execute("INSERT OR REPLACE INTO postings VALUES (?, ?, ?, ?)", (key, count, slots, tfs))
            elif row:
                db.execute("DELETE FROM postings WHERE term = ?", (key,))
        for key, docs in self.doc_postings.items():
            row = db.execute("SELECT data FROM doc_postings WHERE term = ?", (key,)).fetchone()
            known = json.loads(row[0]) if row else {}
            for doc_id, tfs in docs.items():
                if tfs is None:
                    known.pop(doc_id, None)
                else:
                    known[doc_id] = tfs
            if known:
                db.execute("INSERT OR REPLACE INTO doc_postings VALUES (?, ?)", (key, json.dumps(known)))
            elif row:
                db.execute("DELETE FROM doc_postings WHERE term = ?", (key,))

    def _write_words(self) -> None:
        db = self.db
        if self.empty:
            db.executemany("INSERT INTO words VALUES (?, ?, ?)", ((folded, key, refs) for (folded, key), refs
                                                                  in self._folded_words().items() if refs > 0))
            return
        for (folded, key), change in self._folded_words().items():
            if not change:
                continue
            row = db.execute("SELECT refs FROM words WHERE word = ?", (folded,)).fetchone()
            refs = (row[0] if row else 0) + change
            if refs > 0:
                db.execute("INSERT OR REPLACE INTO words VALUES (?, ?, ?)", (folded, key, refs))
            elif row:
                db.execute("DELETE FROM words WHERE word = ?", (folded,))
