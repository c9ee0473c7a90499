"""The search index kept in a SQLite file beside the store, read only as far as a query needs.

A fresh ``reader notes search`` process cannot afford to index 50,000 notes (seconds) for
one query. This file holds what :class:`notes.search.SearchIndex` holds, laid out so that
opening it reads only a small table per note (lengths, article, recency), and a query
reads the postings of its own words, the rows of the notes it shows, and nothing else.
:class:`StoredIndex` answers through the same query code as the in-memory index.

Whether the file still describes the store, and how it is written, is
:mod:`notes.search_cache`'s business; this module only reads it.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from functools import partial
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Generic, TypeVar

from notes.records import Annotation, DocumentRecord
from notes.search import DOC_WEIGHTS, NOTE_WEIGHTS, DocEntry, Searchable

FORMAT = 1
"""Version of the file's layout and of the indexing rules it was written with; a file of
another version is rebuilt. Bump it whenever the tables or the way text becomes terms change."""

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE notes(slot INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, fp INTEGER NOT NULL, doc TEXT NOT NULL,
    l0 INTEGER NOT NULL, l1 INTEGER NOT NULL, l2 INTEGER NOT NULL, l3 INTEGER NOT NULL,
    color TEXT NOT NULL, day INTEGER NOT NULL, recency REAL NOT NULL,
    f0 TEXT NOT NULL, f1 TEXT NOT NULL, f2 TEXT NOT NULL, f3 TEXT NOT NULL, record BLOB NOT NULL);
CREATE INDEX notes_doc ON notes(doc);
CREATE TABLE note_tags(tag TEXT NOT NULL, slot INTEGER NOT NULL, PRIMARY KEY (tag, slot)) WITHOUT ROWID;
CREATE TABLE docs(id TEXT PRIMARY KEY, fp INTEGER NOT NULL, l0 INTEGER NOT NULL, l1 INTEGER NOT NULL,
    f0 TEXT NOT NULL, f1 TEXT NOT NULL, title TEXT NOT NULL, record BLOB NOT NULL);
CREATE TABLE postings(term TEXT PRIMARY KEY, n INTEGER NOT NULL, slots BLOB NOT NULL, tfs BLOB NOT NULL);
CREATE TABLE doc_postings(term TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE words(word TEXT PRIMARY KEY, term TEXT NOT NULL, refs INTEGER NOT NULL);
"""
"""``postings`` holds, per term, the slots of the notes with it (``array('i')`` bytes) and
four counts per slot (``array('I')``, one per note field); ``words`` counts the notes and
articles holding each folded word, so prefixes expand only to words still held."""

SLOTS = "i"
COUNTS = "I"
_WIDTH = len(NOTE_WEIGHTS)

K = TypeVar("K")
V = TypeVar("V")


class DamagedIndex(Exception):
    """The file is not laid out as this module writes it."""


def decode_postings(slots: bytes, tfs: bytes) -> dict[int, tuple[int, ...]]:
    """A ``postings`` row as the in-memory index keeps it: slot -> counts per field."""
    keys, counts = array(SLOTS), array(COUNTS)
    keys.frombytes(slots)
    counts.frombytes(tfs)
    if len(counts) != _WIDTH * len(keys):
        raise DamagedIndex("postings of unequal lengths")
    return dict(zip(keys, zip(counts[0::4], counts[1::4], counts[2::4], counts[3::4])))


def encode_postings(notes: Mapping[int, tuple[int, ...]]) -> tuple[bytes, bytes]:
    """The bytes of a ``postings`` row (the inverse of :func:`decode_postings`)."""
    counts = array(COUNTS)
    for tfs in notes.values():
        counts.extend(tfs)
    return array(SLOTS, notes.keys()).tobytes(), counts.tobytes()


class _Lazy(Mapping[K, V], Generic[K, V]):
    """A mapping read key by key through ``fetch`` (``None`` for a key that is absent), each
    key at most once."""

    def __init__(self, fetch: Callable[[K], V | None]) -> None:
        self._fetch = fetch
        self._known: dict[K, V | None] = {}

    def __getitem__(self, key: K) -> V:
        if key in self._known:
            value = self._known[key]
        else:
            value = self._known[key] = self._fetch(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[K]:
        raise TypeError("a stored index is read key by key")

    def __len__(self) -> int:
        raise TypeError("a stored index is read key by key")


class _Whole(Mapping[K, V], Generic[K, V]):
    """A mapping read all at once through ``load``, when first used (dates need every day)."""

    def __init__(self, load: Callable[[], dict[K, V]]) -> None:
        self._load = load
        self._loaded: dict[K, V] | None = None

    def _data(self) -> dict[K, V]:
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded

    def __getitem__(self, key: K) -> V:
        return self._data()[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())


class _StoredEntry:
    """A note of the stored index: what scoring needs at hand, the rest read when asked."""

    __slots__ = ("_index", "_slot", "id", "document", "lengths", "_row")

    def __init__(self, index: StoredIndex, slot: int, note_id: str, document: str,
                 lengths: tuple[int, ...]) -> None:
        self._index, self._slot = index, slot
        self.id, self.document, self.lengths = note_id, document, lengths
        self._row: tuple[tuple[str, ...], Annotation] | None = None

    def _read(self) -> tuple[tuple[str, ...], Annotation]:
        if self._row is None:
            self._row = self._index.note_row(self._slot)
        return self._row

    @property
    def fields(self) -> tuple[str, ...]:
        return self._read()[0]

    @property
    def annotation(self) -> Annotation:
        return self._read()[1]


class _Entries(Mapping[int, _StoredEntry]):
    """Slot -> entry, from the columns :class:`StoredIndex` loads when it opens."""

    def __init__(self, index: StoredIndex, columns: dict[int, tuple[str, str, tuple[int, ...]]]) -> None:
        self._index = index
        self._columns = columns

    def __getitem__(self, slot: int) -> _StoredEntry:
        note_id, document, lengths = self._columns[slot]
        return _StoredEntry(self._index, slot, note_id, document, lengths)

    def __contains__(self, slot: object) -> bool:
        return slot in self._columns

    def __iter__(self) -> Iterator[int]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


class StoredIndex(Searchable):
    """The index in ``connection``'s file, ready for :meth:`search`.

    Raises :class:`DamagedIndex` or ``sqlite3.DatabaseError`` when the file is not sound;
    a query may raise them too, as it reads on demand.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        rows = connection.execute("SELECT slot, id, doc, l0, l1, l2, l3, recency FROM notes").fetchall()
        self._entries = _Entries(self, {slot: (note_id, doc, (l0, l1, l2, l3))
                                        for slot, note_id, doc, l0, l1, l2, l3, _ in rows})
        self._recency = {row[0]: row[7] for row in rows}
        sums = connection.execute("SELECT total(l0), total(l1), total(l2), total(l3), "
                                  "max(l0), max(l1), max(l2), max(l3) FROM notes").fetchone()
        self._lengths = [int(n) for n in sums[:_WIDTH]]
        self._longest = [int(n or 0) for n in sums[_WIDTH:]]
        docs: dict[str, DocEntry] = {}
        for doc_id, l0, l1, f0, f1, title, record in connection.execute(
                "SELECT id, l0, l1, f0, f1, title, record FROM docs"):
            docs[doc_id] = DocEntry(DocumentRecord.from_json(json.loads(record)), (f0, f1), (l0, l1), title)
        self._docs = docs
        self._doc_lengths = [sum(d.lengths[i] for d in docs.values()) for i in range(len(DOC_WEIGHTS))]
        self._doc_longest = [max((d.lengths[i] for d in docs.values()), default=0) for i in range(len(DOC_WEIGHTS))]
        self._postings = _Lazy(self._note_postings)
        self._doc_postings = _Lazy(self._article_postings)
        self._counts = _Lazy(self._count)
        self._doc_slots = _Lazy(partial(self._slots_where, "SELECT slot FROM notes WHERE doc = ?"))
        self._colors = _Lazy(partial(self._slots_where, "SELECT slot FROM notes WHERE color = ?"))
        self._tags = _Lazy(partial(self._slots_where, "SELECT slot FROM note_tags WHERE tag = ?"))
        self._days = _Whole(self._all_days)

    def note_row(self, slot: int) -> tuple[tuple[str, ...], Annotation]:
        """A note's field texts and the note itself."""
        row = self._db.execute("SELECT f0, f1, f2, f3, record FROM notes WHERE slot = ?", (slot,)).fetchone()
        if row is None:
            raise DamagedIndex(f"no row for slot {slot}")
        return tuple(row[:4]), Annotation.from_json(json.loads(row[4]))

    def _prefix_terms(self, start: str) -> set[str]:
        keys = set()
        for word, key in self._db.execute("SELECT word, term FROM words WHERE word >= ? ORDER BY word", (start,)):
            if not word.startswith(start):
                break
            keys.add(key)
        return keys

    def _posting_count(self, key: str) -> int:
        return self._counts.get(key, 0)

    def _count(self, key: str) -> int | None:
        row = self._db.execute("SELECT n FROM postings WHERE term = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def _note_postings(self, key: str) -> dict[int, tuple[int, ...]] | None:
        row = self._db.execute("SELECT slots, tfs FROM postings WHERE term = ?", (key,)).fetchone()
        return None if row is None else decode_postings(row[0], row[1])

    def _article_postings(self, key: str) -> dict[str, tuple[int, ...]] | None:
        row = self._db.execute("SELECT data FROM doc_postings WHERE term = ?", (key,)).fetchone()
        return None if row is None else {doc: tuple(tfs) for doc, tfs in json.loads(row[0]).items()}

    def _slots_where(self, sql: str, key: str) -> AbstractSet[int] | None:
        found = {slot for (slot,) in self._db.execute(sql, (key,))}
        return found or None

    def _all_days(self) -> dict[int, AbstractSet[int]]:
        days: dict[int, set[int]] = {}
        for day, slot in self._db.execute("SELECT day, slot FROM notes"):
            days.setdefault(day, set()).add(slot)
        return dict(days)
