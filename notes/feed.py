"""The store's change feed: how files derived from the store follow it without reading its files.

The problem: a search index (and, later, the library-wide index of actors and quotations)
is derived from the store's records and must stay equal to them while any process writes,
while the journal is folded into ``library.json`` and after a backup is restored, yet it
cannot afford to compare every record, and it must not know how the store lays out its
files.

The protocol: every commit gets the next **sequence number** of the store; the commit's
journal line carries it, and every record it writes carries it as ``_seq`` into the
journal and, by compaction, into ``library.json``, so the number survives a fold and is
the same in every process. A removal leaves a **tombstone** (id and number) in the
store's ``meta`` row; only the newest :data:`KEPT_REMOVALS` are kept, and the **horizon**
says up to which number removals may have been forgotten. Each history of the store has
a random **store id**, renewed whenever ``library.json`` is replaced by anything other
than a fold of the same records (TinyDB's whole-database write, a restored backup), since
numbers then no longer describe what changed. A **cursor** is ``"<store id>:<number>"``.

:meth:`ChangeLog.since` answers from the cheapest source that is complete: the changes
this process applied since it loaded ``library.json`` (no parse of the annotations), else
every record's ``_seq`` and the tombstones, else — another store id, a cursor from the
future or older than the horizon, or no cursor — every record, flagged ``rebuild``.

The invariant: a derived file that held exactly the records at cursor ``c`` and applies
``changes_since(c)`` holds exactly the records at the returned cursor.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from notes.records import SEQ, Annotation, Correction, DocumentRecord

Record = dict[str, Any]
Op = dict[str, Any]
"""``{"t": table, "put": record}`` or ``{"t": table, "del": record_id}``."""

KEPT_REMOVALS = 1000
"""Tombstones kept in ``library.json``; an index that missed more removals is rebuilt."""
KEPT_RECENT = 100_000
"""Changes remembered in memory since the load; beyond this the oldest half is forgotten."""


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed in the store after a cursor.

    Attributes:
        cursor: where the store is now; pass it to the next ``changes_since``.
        rebuild: the cursor was ``None``, of another store history or too old: ``changed``
            holds every record, and whatever was derived before must be forgotten.
        changed: table name -> the current version of each record written since the cursor.
        removed: table name -> ids of the records removed since the cursor (which may include
            records added after the cursor and removed again: ignore ids you do not hold).
    """

    cursor: str
    rebuild: bool = False
    changed: Mapping[str, list[Record]] = field(default_factory=dict)
    removed: Mapping[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return self.rebuild or any(self.changed.values()) or any(self.removed.values())

    def annotations(self) -> list[Annotation]:
        return [Annotation.from_json(r) for r in self.changed.get("annotations", ())]

    def documents(self) -> list[DocumentRecord]:
        return [DocumentRecord.from_json(r) for r in self.changed.get("documents", ())]

    def corrections(self) -> list[Correction]:
        return [Correction.from_json(r) for r in self.changed.get("corrections", ())]


def new_store_id() -> str:
    return uuid.uuid4().hex


class ChangeLog:
    """The store's side of the feed: its id, last sequence number, tombstones and recent changes."""

    def __init__(self, store: str, seq: int = 0, removed: dict[tuple[str, str], int] | None = None,
                 horizon: int = 0) -> None:
        self.store = store
        self.seq = seq
        self.removed = removed or {}
        self.horizon = horizon
        self._recent: list[tuple[int, str, str]] = []
        self._recent_from = seq  # _recent holds every change after this number

    @classmethod
    def from_meta(cls, row: Mapping[str, Any]) -> ChangeLog:
        """Read the feed's fields of the ``meta`` row; a store written before them is a
        history of its own per generation. Raises ``ValueError`` for fields of the wrong shape."""
        if "store" not in row:
            return cls(f"legacy-{row['generation']}")
        store, seq, horizon, removed = row["store"], row.get("seq"), row.get("horizon"), row.get("removed")
        if not (isinstance(store, str) and _count(seq) and _count(horizon) and isinstance(removed, list)):
            raise ValueError("malformed feed fields")
        tombstones: dict[tuple[str, str], int] = {}
        for item in removed:
            if not (isinstance(item, list) and len(item) == 3 and _count(item[0])
                    and isinstance(item[1], str) and isinstance(item[2], str)):
                raise ValueError("malformed tombstone")
            tombstones[(item[1], item[2])] = item[0]
        return cls(store, seq, tombstones, horizon)

    def to_meta(self) -> dict[str, Any]:
        """The fields for the ``meta`` row, keeping only the newest :data:`KEPT_REMOVALS` tombstones."""
        ordered = sorted(self.removed.items(), key=lambda item: item[1])
        if len(ordered) > KEPT_REMOVALS:
            dropped, ordered = ordered[:-KEPT_REMOVALS], ordered[-KEPT_REMOVALS:]
            self.horizon = max(self.horizon, dropped[-1][1])
            self.removed = dict(ordered)
        return {"store": self.store, "seq": self.seq, "horizon": self.horizon,
                "removed": [[seq, table, rid] for (table, rid), seq in ordered]}

    def renew(self) -> None:
        """Start a new history: what was derived from the old one must be rebuilt."""
        self.store = new_store_id()
        self.removed.clear()
        self._recent.clear()
        self._recent_from = self.seq

    @property
    def cursor(self) -> str:
        return f"{self.store}:{self.seq}"

    def note(self, seq: int, op: Op) -> None:
        """Remember an applied operation of commit ``seq``."""
        rid = op["put"]["id"] if "put" in op else op["del"]
        if "put" in op:
            self.removed.pop((op["t"], rid), None)
        else:
            self.removed[(op["t"], rid)] = seq
        self._recent.append((seq, op["t"], rid))
        self.seq = max(self.seq, seq)
        if len(self._recent) > KEPT_RECENT:
            half = len(self._recent) // 2
            self._recent_from = self._recent[half - 1][0]
            del self._recent[:half]

    def since(self, cursor: str | None, current: Callable[[str, str], Record | None],
              tables: Callable[[], Mapping[str, Mapping[str, Record]]]) -> Changes:
        """What changed after ``cursor``: ``current(table, id)`` looks up one record cheaply,
        ``tables()`` gives every record (it may parse the whole store)."""
        store, _, number = (cursor or "").rpartition(":")
        seq = int(number) if number.isdigit() else -1
        if store != self.store or not 0 <= seq <= self.seq or (seq < self._recent_from and seq < self.horizon):
            everything = tables()
            return Changes(self.cursor, True, {t: list(rows.values()) for t, rows in everything.items()})
        if seq == self.seq:
            return Changes(self.cursor)
        changed: dict[str, list[Record]] = {}
        removed: dict[str, list[str]] = {}
        if seq >= self._recent_from:
            keys = dict.fromkeys((table, rid) for s, table, rid in reversed(self._recent) if s > seq)
            for table, rid in keys:
                rec = current(table, rid)
                if rec is None:
                    removed.setdefault(table, []).append(rid)
                else:
                    changed.setdefault(table, []).append(rec)
            return Changes(self.cursor, False, changed, removed)
        for table, rows in tables().items():
            changed[table] = [rec for rec in rows.values() if rec.get(SEQ, 0) > seq]
        for (table, rid), when in self.removed.items():
            if when > seq:
                removed.setdefault(table, []).append(rid)
        return Changes(self.cursor, False, changed, removed)


def _count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0

