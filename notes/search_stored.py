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
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from functools import partial
from itertools import chain
from typing import Generic, TypeVar

from notes.records import Annotation, DocumentRecord
from notes.search import DOC_WEIGHTS, NOTE_WEIGHTS, DocEntry, Searchable
from notes.store_format import dumps, loads

FORMAT = 1
"""Version of the file's layout and of the indexing rules it was written with; a file of
another version is rebuilt. Bump it whenever the tables or the way text becomes terms change."""

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE notes(slot INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, fp INTEGER NOT NULL, doc TEXT NOT NULL,
    l0 INTEGER NOT NULL, l1 INTEGER NOT NULL, l2 INTEGER NOT NULL, l3 INTEGER NOT NULL,
    color TEXT NOT NULL, day INTEGER NOT NULL, recency REAL NOT NULL);
CREATE TABLE columns(name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE note_texts(slot INTEGER PRIMARY KEY,
    f0 TEXT NOT NULL, f1 TEXT NOT NULL, f2 TEXT NOT NULL, f3 TEXT NOT NULL, record BLOB NOT NULL);
CREATE INDEX notes_doc ON notes(doc);
CREATE TABLE note_tags(tag TEXT NOT NULL, slot INTEGER NOT NULL, PRIMARY KEY (tag, slot)) WITHOUT ROWID;
CREATE TABLE docs(id TEXT PRIMARY KEY, fp INTEGER NOT NULL, l0 INTEGER NOT NULL, l1 INTEGER NOT NULL,
    f0 TEXT NOT NULL, f1 TEXT NOT NULL, title TEXT NOT NULL, record BLOB NOT NULL);
CREATE TABLE postings(term TEXT PRIMARY KEY, n INTEGER NOT NULL, slots BLOB NOT NULL, tfs BLOB NOT NULL);
CREATE TABLE doc_postings(term TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE words(word TEXT PRIMARY KEY, term TEXT NOT NULL, refs INTEGER NOT NULL);
"""
"""``columns`` repeats what every query needs of every note (id, article, field lengths,
recency) as a few arrays, so opening the file costs milliseconds, not a read of 50,000
rows; ``notes`` answers lookups by id, article, colour and day; ``note_texts`` holds the
rest, read for the notes a query checks or shows. ``postings`` holds, per term, the slots
of the notes with it (``array('i')`` bytes) and four counts per slot, one per note field
(``array('B')``, or ``array('I')`` when a count passes 255: the blob's length tells which);
``words`` counts the occurrences of each folded word in notes and articles, so prefixes
expand only to words still held."""

SLOTS = "i"
COUNTS = "I"
_WIDTH = len(NOTE_WEIGHTS)

K = TypeVar("K")
V = TypeVar("V")


class DamagedIndex(Exception):
    """The file is not laid out as this module writes it."""


def _read_postings(slots: bytes, tfs: bytes) -> tuple[array[int], array[int]]:
    """The slots and the counts of a ``postings`` row."""
    keys = array(SLOTS)
    keys.frombytes(slots)
    small = len(tfs) == _WIDTH * len(keys)
    counts = array("B" if small else COUNTS)
    counts.frombytes(tfs)
    if len(counts) != _WIDTH * len(keys):
        raise DamagedIndex("postings of unequal lengths")
    return keys, counts


def _counts_bytes(rows: Iterable[Iterable[int]]) -> bytes:
    """Counts as bytes of one byte each when they all fit, else four (mostly they are 0 or 1);
    ``rows`` is read twice in the second case."""
    try:
        return bytes(chain.from_iterable(rows))
    except ValueError:
        return array(COUNTS, chain.from_iterable(rows)).tobytes()


def decode_postings(slots: bytes, tfs: bytes) -> dict[int, tuple[int, ...]]:
    """A ``postings`` row as the in-memory index keeps it: slot -> counts per field."""
    keys, counts = _read_postings(slots, tfs)
    return dict(zip(keys, zip(counts[0::4], counts[1::4], counts[2::4], counts[3::4])))


def encode_postings(notes: Mapping[int, tuple[int, ...]]) -> tuple[bytes, bytes]:
    """The bytes of a ``postings`` row (the inverse of :func:`decode_postings`)."""
    return array(SLOTS, notes.keys()).tobytes(), _counts_bytes(notes.values())


def edit_postings(slots: bytes, tfs: bytes, dropped: AbstractSet[int],
                  added: Mapping[int, tuple[int, ...]]) -> tuple[bytes, bytes, int]:
    """A ``postings`` row without the ``dropped`` slots and with the ``added`` ones (all new,
    so appended), and its length; edited as arrays, as a common term holds most notes."""
    keys, counts = _read_postings(slots, tfs)
    if counts.typecode != COUNTS:
        counts = array(COUNTS, counts)
    if len(dropped) > 16:
        kept = [i for i, slot in enumerate(keys) if slot not in dropped]
        keys = array(SLOTS, (keys[i] for i in kept))
        counts = array(COUNTS, chain.from_iterable(counts[_WIDTH * i:_WIDTH * i + _WIDTH] for i in kept))
    else:
        for slot in dropped:
            if slot in keys:
                i = keys.index(slot)
                del keys[i]
                del counts[_WIDTH * i:_WIDTH * i + _WIDTH]
    keys.extend(added.keys())
    counts.extend(chain.from_iterable(added.values()))
    return keys.tobytes(), _counts_bytes((counts,)), len(keys)


class Columns:
    """Per note, in slot order: slot, id, article, four field lengths and recency, kept as
    arrays (and lists) that load and save whole."""

    def __init__(self, slots: array[int], ids: list[str], docs: list[str], lengths: array[int],
                 recency: array[float]) -> None:
        if not len(slots) == len(ids) == len(docs) == len(lengths) // _WIDTH == len(recency):
            raise DamagedIndex("columns of unequal lengths")
        self.slots, self.ids, self.docs, self.lengths, self.recency = slots, ids, docs, lengths, recency

    @classmethod
    def empty(cls) -> Columns:
        return cls(array(SLOTS), [], [], array(COUNTS), array("d"))

    @classmethod
    def load(cls, db: sqlite3.Connection) -> Columns:
        data = dict(db.execute("SELECT name, data FROM columns"))
        try:
            slots, lengths, recency = array(SLOTS), array(COUNTS), array("d")
            slots.frombytes(data["slots"])
            lengths.frombytes(data["lengths"])
            recency.frombytes(data["recency"])
            return cls(slots, loads(data["ids"]), loads(data["docs"]), lengths, recency)
        except KeyError:
            raise DamagedIndex("columns missing") from None

    def save(self, db: sqlite3.Connection) -> None:
        db.executemany("INSERT OR REPLACE INTO columns VALUES (?, ?)", [
            ("slots", self.slots.tobytes()), ("ids", dumps(self.ids)), ("docs", dumps(self.docs)),
            ("lengths", self.lengths.tobytes()), ("recency", self.recency.tobytes())])

    def drop(self, slots: AbstractSet[int]) -> None:
        """Forget these notes."""
        if not slots:
            return
        kept = [i for i, slot in enumerate(self.slots) if slot not in slots]
        self.slots = array(SLOTS, (self.slots[i] for i in kept))
        self.ids = [self.ids[i] for i in kept]
        self.docs = [self.docs[i] for i in kept]
        self.lengths = array(COUNTS, chain.from_iterable(self.lengths[_WIDTH * i:_WIDTH * i + _WIDTH] for i in kept))
        self.recency = array("d", (self.recency[i] for i in kept))

    def add(self, slot: int, note_id: str, doc: str, lengths: tuple[int, ...], recency: float) -> None:
        self.slots.append(slot)
        self.ids.append(note_id)
        self.docs.append(doc)
        self.lengths.extend(lengths)
        self.recency.append(recency)


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
    """Slot -> entry, from the :class:`Columns` that :class:`StoredIndex` loads when it opens."""

    def __init__(self, index: StoredIndex, columns: Columns) -> None:
        self._index = index
        self._columns = columns
        self._position = dict(zip(columns.slots, range(len(columns.slots))))

    def __getitem__(self, slot: int) -> _StoredEntry:
        i = self._position[slot]
        c = self._columns
        return _StoredEntry(self._index, slot, c.ids[i], c.docs[i], tuple(c.lengths[_WIDTH * i:_WIDTH * i + _WIDTH]))

    def __contains__(self, slot: object) -> bool:
        return slot in self._position

    def __iter__(self) -> Iterator[int]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)


class StoredIndex(Searchable):
    """The index in ``connection``'s file, ready for :meth:`search`.

    Raises :class:`DamagedIndex` or ``sqlite3.DatabaseError`` when the file is not sound;
    a query may raise them too, as it reads on demand.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        columns = Columns.load(connection)
        self._entries = _Entries(self, columns)
        self._recency = dict(zip(columns.slots, columns.recency))
        self._lengths = [sum(columns.lengths[i::_WIDTH]) for i in range(_WIDTH)]
        self._longest = [max(columns.lengths[i::_WIDTH], default=0) for i in range(_WIDTH)]
        docs: dict[str, DocEntry] = {}
        for doc_id, l0, l1, f0, f1, title, record in connection.execute(
                "SELECT id, l0, l1, f0, f1, title, record FROM docs"):
            docs[doc_id] = DocEntry(DocumentRecord.from_json(loads(record)), (f0, f1), (l0, l1), title)
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
        row = self._db.execute("SELECT f0, f1, f2, f3, record FROM note_texts WHERE slot = ?", (slot,)).fetchone()
        if row is None:
            raise DamagedIndex(f"no row for slot {slot}")
        return tuple(row[:4]), Annotation.from_json(loads(row[4]))

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
