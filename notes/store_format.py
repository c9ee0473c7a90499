"""The bytes of the note store: JSON codec, journal lines, and validated tables in memory.

``library.json`` is TinyDB's format (tables of records keyed by TinyDB's integer ids plus
a ``meta`` row with the schema version and the change feed's fields, see
:mod:`notes.feed`); ``library.json.journal`` is one checksummed JSON line per commit,
``{"seq": n, "ops": [...]}``. Everything read from either file is checked here, and any
doubt raises one clear :class:`StoreError`, so a damaged file is refused rather than
half-loaded.
"""

from __future__ import annotations

import json
import mmap
import os
import re
import zlib
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from notes.errors import StoreError
from notes.feed import ChangeLog, Changes, Op, Record, new_store_id
from notes.records import SEQ
from notes.schema import META_TABLE, SCHEMA_VERSION, TABLES, problem

try:
    import orjson

    _ORJSON = True
except ImportError:  # an accelerator only: parsing 25 MB takes 0.1 s with it, 0.5 s without
    _ORJSON = False


def dumps(obj: Any) -> bytes:
    """Compact UTF-8 JSON; text that is not valid Unicode (lone surrogates) raises StoreError."""
    try:
        if _ORJSON:
            return orjson.dumps(obj)
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, UnicodeEncodeError) as err:
        raise StoreError(f"refused to store text that is not valid Unicode ({err})") from None


def loads(raw: bytes | memoryview) -> Any:
    """Parse JSON; errors come from the standard library, whose messages name line and column."""
    if _ORJSON:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    return json.loads(bytes(raw).decode("utf-8"))


def encode_line(obj: Any) -> bytes:
    payload = dumps(obj)
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


def decode_line(line: bytes) -> Any:
    """The object of one complete journal line, or ``ValueError`` when its checksum fails."""
    crc, _, payload = line.partition(b" ")
    if len(crc) != 8 or int(crc, 16) != zlib.crc32(payload):
        raise ValueError("checksum mismatch")
    return loads(payload)


ANNOTATIONS_KEY = b',"annotations":'
"""library.json is written with the big annotations table last, after this key."""

Raw = bytes | mmap.mmap
"""The bytes of ``library.json``: mapped when read from the file (see :func:`read_mapped`)."""


def read_mapped(fd: int) -> Raw:
    """The whole file open at ``fd``, mapped rather than read: a store that only adds a note or
    searches never touches the 30 MB of annotations at 50,000 notes beyond a checksum, and
    nothing is copied. The store only ever replaces the file (``os.replace``), never changes
    it in place, so the mapping keeps the bytes that were read."""
    size = os.fstat(fd).st_size
    return mmap.mmap(fd, size, access=mmap.ACCESS_READ) if size else b""


class _Deferred(NamedTuple):
    """The JSON of a table left unparsed: ``raw[start:end]``, never copied out of ``raw``."""

    raw: Raw
    start: int
    end: int


class State:
    """The tables in memory: record id → record, plus TinyDB's integer document ids.

    The annotations table of a library.json known to be sound can stay unparsed until a
    caller needs it: a command that only adds a note never pays for parsing 50,000 of them.
    Changes to an unparsed table wait in order and are applied when it is parsed.
    """

    def __init__(self, generation: int, extra: dict[str, Any] | None = None, log: ChangeLog | None = None) -> None:
        self.generation = generation
        self.log = log or ChangeLog(new_store_id())
        self._records: dict[str, dict[str, Record]] = {t: {} for t in TABLES}
        self._unparsed: dict[str, _Deferred] = {}
        self._waiting: dict[str, list[Op]] = {}
        self._scans = 0
        self.doc_ids: dict[str, dict[str, int]] = {t: {} for t in TABLES}
        self.used_ids: dict[str, set[int]] = {t: set() for t in TABLES}
        self.next_id = dict.fromkeys(TABLES, 1)
        self.extra = extra or {}  # tables of other programs, kept as they are
        self.records = _Tables(self)

    def table(self, name: str) -> dict[str, Record]:
        deferred = self._unparsed.pop(name, None)
        if deferred is not None:
            rows = loads(memoryview(deferred.raw)[deferred.start:deferred.end])
            if not isinstance(rows, dict):
                raise StoreError(f"the {name} table of the note store is damaged")
            self.bulk_load(name, rows)
            for op in self._waiting.pop(name):
                self._apply(op)
        return self._records[name]

    def defer(self, name: str, raw: Raw, start: int, end: int) -> None:
        """Keep the JSON of a sound table, ``raw[start:end]``, unparsed until :meth:`table` needs it."""
        self._unparsed[name] = _Deferred(raw, start, end)
        self._waiting[name] = []

    def exists(self, table: str, rid: str) -> bool:
        """Whether a record has this id, answered without parsing a deferred table when possible."""
        deferred = self._unparsed.get(table)
        self._scans += 1
        if deferred is None or not _SIMPLE_ID.fullmatch(rid) or self._scans > MAX_SCANS:
            return rid in self.table(table)
        for op in reversed(self._waiting[table]):
            if op.get("del") == rid:
                return False
            if "put" in op and op["put"]["id"] == rid:
                return True
        # In compact JSON a record's id is exactly this byte sequence; quotes inside strings are escaped.
        return deferred.raw.find(b'"id":"' + rid.encode("ascii") + b'"', deferred.start, deferred.end) >= 0

    def current(self, table: str, rid: str) -> Record | None:
        """A record by id, from the changes waiting for a deferred table when they name it."""
        if table in self._unparsed:
            for op in reversed(self._waiting[table]):
                if op.get("del") == rid:
                    return None
                if "put" in op and op["put"]["id"] == rid:
                    return op["put"]  # type: ignore[no-any-return]
        return self.table(table).get(rid)

    def commit(self, ops: list[Op], seq: int | None) -> None:
        """Apply one commit's ops with its sequence number (``None`` for a journal line written
        before commits had one: the next number, as every process replays the same lines)."""
        seq = self.log.seq + 1 if seq is None else seq
        for op in ops:
            if "put" in op:
                op["put"][SEQ] = seq
            self.apply(op)
            self.log.note(seq, op)
        self.log.seq = max(self.log.seq, seq)

    def changes_since(self, cursor: str | None) -> Changes:
        """See :meth:`notes.feed.ChangeLog.since`."""
        return self.log.since(cursor, self.current, lambda: self.records)

    def put(self, table: str, rec: Record, doc_id: int | None = None) -> None:
        rid = rec["id"]
        ids = self.doc_ids[table]
        if rid not in ids:
            used = self.used_ids[table]
            if doc_id is None or doc_id in used:
                doc_id = max(self.next_id[table], 1)
                while doc_id in used:
                    doc_id += 1
            ids[rid] = doc_id
            used.add(doc_id)
            self.next_id[table] = max(self.next_id[table], doc_id + 1)
        self._records[table][rid] = rec

    def bulk_load(self, table: str, rows: dict[str, Record]) -> None:
        """Load rows known to be sound (ids unique, keys numeric) at the speed of comprehensions."""
        self._records[table] = {rec["id"]: rec for rec in rows.values()}
        self.doc_ids[table] = {rec["id"]: int(key) for key, rec in rows.items()}
        self.used_ids[table] = set(self.doc_ids[table].values())
        self.next_id[table] = max(self.used_ids[table], default=0) + 1

    def apply(self, op: Op) -> None:
        if op["t"] in self._unparsed:
            self._waiting[op["t"]].append(op)
        else:
            self._apply(op)

    def _apply(self, op: Op) -> None:
        table = op["t"]
        if "put" in op:
            self.put(table, op["put"])
        else:
            self._records[table].pop(op["del"], None)
            self.used_ids[table].discard(self.doc_ids[table].pop(op["del"], -1))

    def to_tinydb(self, generation: int | None = None) -> dict[str, dict[str, Any]]:
        data = self._head(generation)
        data["annotations"] = self._rows("annotations")
        return data

    def serialize(self, generation: int) -> tuple[bytes, int]:
        """The bytes of library.json, annotations last, and the offset of ``,"annotations":`` in them."""
        head = dumps(self._head(generation))
        at = len(head) - 1
        return head[:at] + ANNOTATIONS_KEY + dumps(self._rows("annotations")) + b"}", at

    def _head(self, generation: int | None) -> dict[str, dict[str, Any]]:
        """Every table but the annotations, meta first."""
        gen = self.generation if generation is None else generation
        meta = {"schema": SCHEMA_VERSION, "generation": gen, **self.log.to_meta()}
        data: dict[str, dict[str, Any]] = {META_TABLE: {"1": meta}}
        for table in ("documents", "corrections"):
            data[table] = self._rows(table)
        data.update(self.extra)
        return data

    def _rows(self, table: str) -> dict[str, Record]:
        rows = self.table(table)  # parses a deferred table, which sets its document ids
        ids = self.doc_ids[table]
        return {str(ids[rid]): rec for rid, rec in rows.items()}


_SIMPLE_ID = re.compile(r"[A-Za-z0-9_.:/-]+")
MAX_SCANS = 8
"""A byte scan costs ~10 ms at 50,000 notes; a process that keeps adding soon parses the table once."""


class _Tables(Mapping[str, dict[str, Record]]):
    """``state.records[name]``: the tables by name, parsing a deferred one on first use."""

    def __init__(self, state: State) -> None:
        self._state = state

    def __getitem__(self, name: str) -> dict[str, Record]:
        return self._state.table(name)

    def __iter__(self) -> Iterator[str]:
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)


def check_op(op: Any) -> str | None:
    if not isinstance(op, dict) or op.get("t") not in TABLES:
        return "an operation on an unknown table"
    if "put" in op:
        return problem(op["t"], op["put"])
    return None if isinstance(op.get("del"), str) else "a malformed operation"


def parse_library(raw: Raw, name: str, annotations_at: int | None = None) -> State:
    """Validate the bytes of ``library.json``; any doubt raises one clear :class:`StoreError`.

    ``annotations_at`` is given for bytes known to be exactly what a compaction wrote from
    records checked on their way in (the journal header holds their checksum): the
    per-record checks are skipped, and the annotations after that offset are left unparsed
    until they are needed.
    """
    start = (annotations_at or 0) + len(ANNOTATIONS_KEY)
    if annotations_at is not None and raw[annotations_at:start] == ANNOTATIONS_KEY and raw[-1:] == b"}":
        try:
            state = state_from_tinydb(loads(raw[:annotations_at] + b"}"), name, trusted=True)
        except ValueError:
            pass  # not laid out as expected after all: parse it the careful way
        else:
            state.defer("annotations", raw, start, len(raw) - 1)
            return state
    whole = raw[:]  # bytes: every one is parsed anyway
    if not whole.strip():
        raise StoreError(f"{name} is empty; a note store was expected (restore a backup, or move it away)")
    try:
        data = loads(whole)
    except UnicodeDecodeError:
        raise StoreError(f"{name} is not UTF-8 text; it is damaged or not a note store") from None
    except ValueError as err:
        raise StoreError(f"{name} is damaged or truncated (invalid JSON at line {getattr(err, 'lineno', '?')}, "
                         f"column {getattr(err, 'colno', '?')}); restore a backup") from None
    return state_from_tinydb(data, name)


def state_from_tinydb(data: Any, name: str, trusted: bool = False) -> State:
    if not isinstance(data, dict):
        raise StoreError(f"{name} is not a note store (a JSON {type(data).__name__}, expected an object)")
    meta = data.get(META_TABLE)
    row = next(iter(meta.values()), None) if isinstance(meta, dict) and len(meta) == 1 else None
    if not isinstance(row, dict) or not isinstance(row.get("schema"), int):
        raise StoreError(f"{name} is not a Reader note store (it has no schema version)")
    if row["schema"] > SCHEMA_VERSION:
        raise StoreError(f"{name} was written by a newer Reader (schema {row['schema']}; "
                         f"this version reads up to {SCHEMA_VERSION}); update Reader")
    if row["schema"] < 1 or not isinstance(row.get("generation"), int):
        raise StoreError(f"{name} has an invalid schema row")
    try:
        log = ChangeLog.from_meta(row)
    except ValueError:
        raise StoreError(f"{name} has an invalid schema row") from None
    extra = {k: v for k, v in data.items() if k not in TABLES and k != META_TABLE}
    state = State(row["generation"], extra, log)
    for table in TABLES:
        rows = data.get(table, {})
        if not isinstance(rows, dict):
            raise StoreError(f"{name}: table {table} is not an object; the file is damaged")
        if trusted:
            state.bulk_load(table, rows)
            continue
        for key, rec in rows.items():
            why = None if key.isdigit() else "has a key that is not a number"
            why = why or problem(table, rec)
            if why:
                raise StoreError(f"{name}: {table} row {key} {why}; the file is damaged")
            if rec["id"] in state.records[table]:
                raise StoreError(f"{name}: {table} id {rec['id']} appears twice; the file is damaged")
            state.put(table, rec, int(key))
    return state


class _Journal:
    """What a scan of the journal found: its generation, complete commits with their sequence
    numbers (``None`` in lines written before commits had one), and where they end."""

    def __init__(self, generation: int | None, commits: list[list[Op]], seqs: list[int | None], end: int,
                 torn: bool) -> None:
        self.generation = generation
        self.commits = commits
        self.seqs = seqs
        self.end = end
        self.torn = torn


def scan_journal(raw: bytes, offset: int, name: str) -> _Journal:
    """Read complete lines from ``offset``; a partial last line is a write cut short, anything else is damage."""
    generation = None
    commits: list[list[Op]] = []
    seqs: list[int | None] = []
    pos = offset
    while pos < len(raw):
        nl = raw.find(b"\n", pos)
        if nl < 0:
            return _Journal(generation, commits, seqs, pos, True)  # unacknowledged: the writer died mid-line
        try:
            obj = decode_line(raw[pos:nl])
        except ValueError:
            raise StoreError(f"{name} is damaged at byte {pos}; restore a backup") from None
        if pos == 0:
            if not isinstance(obj, dict) or not isinstance(obj.get("journal"), int):
                raise StoreError(f"{name} is not a note journal")
            if obj["journal"] > SCHEMA_VERSION:
                raise StoreError(f"{name} was written by a newer Reader (schema {obj['journal']}); update Reader")
            generation = obj.get("generation")
        else:
            ops = obj.get("ops") if isinstance(obj, dict) else None
            seq = obj.get("seq") if isinstance(obj, dict) else None
            if (not isinstance(ops, list) or any(check_op(op) for op in ops)
                    or not (seq is None or (isinstance(seq, int) and not isinstance(seq, bool) and seq > 0))):
                raise StoreError(f"{name} holds a malformed commit at byte {pos}; restore a backup")
            commits.append(ops)
            seqs.append(seq)
        pos = nl + 1
    return _Journal(generation, commits, seqs, pos, False)
