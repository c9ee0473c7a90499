"""The TinyDB storage behind the note store: validated loads, a journal, atomic compaction.

Stock ``JSONStorage`` rewrites its file in place on every change, so a crash can leave a
torn file, two processes overwrite each other, and each insert at 50,000 notes costs a
25 MB rewrite. This storage keeps TinyDB's file format (``library.json`` holds the tables
``documents``, ``annotations``, ``corrections`` and a ``meta`` row with the schema version)
but commits each change as one fsynced, checksummed line in ``library.json.journal``.
The journal is replayed on open and folded into ``library.json`` by an atomic rewrite
(temporary file, fsync, ``os.replace``, folder fsync) when it grows. Every step happens
under an ``flock`` on ``library.json.lock``, and each writer first reads what other
processes committed, so nobody loses anybody's notes.

``LibraryStorage(path)`` also works as ``TinyDB(path, storage=LibraryStorage)``.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from notes import backup
from notes.atomic import fsync_dir, remove_stray_temps, write_atomic
from notes.errors import StoreError
from notes.feed import Changes, Op, Record
from notes.lock import FileLock
from notes.records import SEQ
from notes.schema import META_TABLE, SCHEMA_VERSION
from notes.store_format import (
    State,
    check_op,
    decode_line,
    dumps,
    encode_line,
    loads,
    Raw,
    parse_library,
    read_mapped,
    scan_journal,
    state_from_tinydb,
)

COMPACT_BYTES = 8 * 2**20
COMPACT_LINES = 2000
"""Fold the journal into ``library.json`` once it holds this much (a rewrite costs ~0.5 s at 50,000 notes)."""
CLOSE_COMPACT_LINES = 200
"""On close, fold only a journal of at least this many commits, so a CLI call stays cheap."""


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _stamp(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class LibraryStorage(Storage):
    """TinyDB storage for ``library.json`` with a journal, a lock, validation and backups.

    Attributes:
        path: the ``library.json`` file.
        read_only: never creates, writes or repairs anything.
        commits: journal lines this instance committed (so its owner knows whether it wrote).
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.journal = journal_path(self.path)
        self.read_only = read_only
        self.commits = 0
        self._state = State(0)
        self._base_stamp: tuple[int, ...] | None = None
        self._journal_id: tuple[int, int] | None = None
        self._journal_end = 0
        self._journal_lines = 0
        self._journal_generation: int | None = None
        self._journal_torn = False
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a note store")
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(f"{self.path.parent}: cannot create the data folder ({err.strerror or err})") from None
        self._lock = FileLock(lock_path(self.path), create=not read_only)
        try:
            with self._lock.hold(exclusive=not read_only):
                if not self.path.exists() and not read_only:
                    self._create()
                self._refresh()
        except BaseException:
            self._lock.close()
            raise

    # -- TinyDB's Storage interface --------------------------------------------------------

    def read(self) -> dict[str, dict[str, Any]] | None:
        with self.snapshot():
            copy: dict[str, dict[str, Any]] = loads(dumps(self._state.to_tinydb()))
            return copy  # a copy: TinyDB changes what it reads in place

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace every table with ``data`` (TinyDB's whole-database write), atomically.

        TinyDB reads, changes and writes back in separate steps, so two processes writing
        through TinyDB can still overwrite each other; :class:`notes.store.NoteStore` commits
        under the lock instead.
        """
        self._writable()
        data = dict(data)
        data.setdefault(META_TABLE, {"1": {"schema": SCHEMA_VERSION, "generation": 0}})
        state = state_from_tinydb(data, self.path.name)
        with self._lock.hold(exclusive=True):
            self._refresh()
            state.generation = self._state.generation
            state.log.seq = max(state.log.seq, self._state.log.seq)
            state.log.renew()  # any record may differ: derived files must start again
            self._state = state
            self.compact()

    @property
    def closed(self) -> bool:
        return self._lock.closed

    def close(self) -> None:
        if self._lock.closed:
            return
        if not self.read_only:
            try:
                with self._lock.hold(exclusive=True):
                    self._refresh()
                    if self._journal_lines >= CLOSE_COMPACT_LINES:
                        self.compact()
            except (StoreError, OSError):
                pass  # the journal still holds every commit; the next open folds it in
        self._lock.close()

    # -- what the note store uses ------------------------------------------------------------

    @contextmanager
    def snapshot(self) -> Iterator[Mapping[str, dict[str, Record]]]:
        """Consistent read access (shared lock), up to date with other processes."""
        with self._lock.hold(exclusive=False):
            self._refresh()
            yield self._state.records

    @contextmanager
    def transaction(self) -> Iterator[list[Op]]:
        """Exclusive access; the ops appended to the yielded list commit as one fsynced journal line.

        Nothing is written if the block raises. After a successful commit the ops are applied in
        memory and the journal may be folded into ``library.json``.
        """
        self._writable()
        with self._lock.hold(exclusive=True):
            self._refresh()
            ops: list[Op] = []
            yield ops
            if ops:
                for op in ops:
                    why = check_op(op)
                    if why:
                        raise StoreError(f"refused to store {why}")
                seq = self._state.log.seq + 1
                ops[:] = [{**op, "put": {**op["put"], SEQ: seq}} if "put" in op else op for op in ops]
                self._append(encode_line({"seq": seq, "ops": ops}))
                self.commits += 1
                self._state.commit(ops, seq)
                if self._journal_end >= COMPACT_BYTES or self._journal_lines >= COMPACT_LINES:
                    try:
                        self.compact()
                    except (StoreError, OSError):
                        pass  # already durable in the journal; folding is retried on the next commit

    def records(self, table: str) -> dict[str, Record]:
        """The live records of ``table`` (call inside :meth:`snapshot` or :meth:`transaction`)."""
        return self._state.records[table]

    def exists(self, table: str, record_id: str) -> bool:
        """Whether ``table`` holds ``record_id`` (inside :meth:`snapshot` or :meth:`transaction`), cheaply."""
        return self._state.exists(table, record_id)

    def changes_since(self, cursor: str | None) -> Changes:
        """What changed after ``cursor``, in every process (see :mod:`notes.feed`)."""
        with self.snapshot():
            return self._state.changes_since(cursor)

    def compact(self) -> None:
        """Fold the journal into ``library.json`` (keeping the old file as a backup) and start a new journal."""
        self._writable()
        with self._lock.hold(exclusive=True):
            self._refresh()
            generation = max(self._state.generation, self._journal_generation or 0) + 1
            data, annotations_at = self._state.serialize(generation)
            try:
                if self.path.exists():
                    backup.keep(self.path)
                write_atomic(self.path, data)
                # Only now is the old journal redundant: until here it must stay in force.
                self._state.generation = generation
                self._base_stamp = _stamp(os.stat(self.path))
                self._new_journal(generation, data, annotations_at)
            except OSError as err:
                raise StoreError(f"{self.path}: cannot save the note store ({err.strerror or err})") from None

    # -- internals ---------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")

    def _create(self) -> None:
        """A new, empty store; refused when a journal shows that notes existed here."""
        if self.journal.exists():
            found = scan_journal(self.journal.read_bytes(), 0, self.journal.name)
            if found.commits:
                raise StoreError(f"{self.path} is missing but {self.journal.name} holds notes; "
                                 "restore a backup of library.json")
        try:
            data, annotations_at = State(1).serialize(1)
            write_atomic(self.path, data)
            self._new_journal(1, data, annotations_at)
        except OSError as err:
            raise StoreError(f"{self.path}: cannot create the note store ({err.strerror or err})") from None

    def _new_journal(self, generation: int, base: bytes | None = None, annotations_at: int = 0) -> None:
        """Start an empty journal; ``base`` (the library.json just written) lets the next open trust it."""
        header: dict[str, Any] = {"journal": SCHEMA_VERSION, "generation": generation}
        if base is not None:
            header["base"] = {"size": len(base), "crc": zlib.crc32(base), "annotations_at": annotations_at}
        write_atomic(self.journal, encode_line(header))
        st = os.stat(self.journal)
        self._journal_id = (st.st_dev, st.st_ino)
        self._journal_end = st.st_size
        self._journal_lines = 0
        self._journal_generation = generation
        self._journal_torn = False

    def _refresh(self) -> None:
        """Catch up with the files: a full reload when library.json was replaced, else the journal's tail."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            if self.read_only and self._base_stamp is None:
                return  # no store yet: an empty one, in memory only
            raise StoreError(f"{self.path} has disappeared; restore a backup") from None
        except OSError as err:
            raise StoreError(f"{self.path}: cannot read it ({err.strerror or err})") from None
        if _stamp(st) != self._base_stamp:
            try:
                fd = os.open(self.path, os.O_RDONLY)
                try:
                    st, raw = os.fstat(fd), read_mapped(fd)
                finally:
                    os.close(fd)
            except OSError as err:
                raise StoreError(f"{self.path}: cannot read it ({err.strerror or err})") from None
            self._state = parse_library(raw, self.path.name, self._vouched(raw))
            self._base_stamp = _stamp(st)
            self._journal_id = None
            if not self.read_only:
                remove_stray_temps(self.path)
                remove_stray_temps(self.journal)
        self._read_journal()

    def _vouched(self, raw: Raw) -> int | None:
        """Where the annotations start, if the journal's header names exactly these bytes as its base."""
        try:
            with open(self.journal, "rb") as f:
                first = f.readline(4096)
            header = decode_line(first.rstrip(b"\n")) if first.endswith(b"\n") else None
        except (OSError, ValueError):
            return None
        base = header.get("base") if isinstance(header, dict) else None
        if (isinstance(base, dict) and base.get("size") == len(raw) and base.get("crc") == zlib.crc32(raw)
                and isinstance(base.get("annotations_at"), int)):
            return int(base["annotations_at"])
        return None

    def _read_journal(self) -> None:
        try:
            st = os.stat(self.journal)
        except FileNotFoundError:
            self._journal_id, self._journal_end, self._journal_lines = None, 0, 0
            self._journal_generation, self._journal_torn = None, False
            return
        ident = (st.st_dev, st.st_ino)
        if ident != self._journal_id or st.st_size < self._journal_end:
            if self._journal_id is not None:  # replaced under us: start again from library.json
                self._base_stamp = None
                self._refresh()
                return
            self._journal_id, self._journal_end, self._journal_lines = ident, 0, 0
            self._journal_generation = None
        if st.st_size == self._journal_end:
            return
        try:
            with open(self.journal, "rb") as f:
                raw = f.read()
        except OSError as err:
            raise StoreError(f"{self.journal}: cannot read it ({err.strerror or err})") from None
        found = scan_journal(raw, self._journal_end, self.journal.name)
        if self._journal_end == 0:
            self._journal_generation = found.generation
        stale = self._journal_generation is None or self._journal_generation < self._state.generation
        if not stale:
            for ops, seq in zip(found.commits, found.seqs, strict=True):
                self._state.commit(ops, seq)
        self._journal_lines += len(found.commits)
        self._journal_end = found.end
        self._journal_torn = found.torn

    def _append(self, line: bytes) -> None:
        """Commit one line to the journal and fsync it; on failure nothing is acknowledged or left behind."""
        try:
            if (self._journal_id is None or self._journal_generation is None
                    or self._journal_generation < self._state.generation):
                self._new_journal(self._state.generation)  # missing, empty or stale after a compaction
            elif self._journal_torn:
                os.truncate(self.journal, self._journal_end)  # drop a line a dead writer left half-written
                self._journal_torn = False
        except OSError as err:
            raise StoreError(f"{self.journal}: cannot prepare the journal ({err.strerror or err})") from None
        try:
            fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND)
        except OSError as err:
            raise StoreError(f"{self.journal}: cannot open it for writing ({err.strerror or err})") from None
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        except OSError as err:
            try:
                os.ftruncate(fd, self._journal_end)
            except OSError:
                self._journal_torn = True  # left for the next writer to cut off
            raise StoreError(f"{self.journal}: the note was not saved ({err.strerror or err})") from None
        finally:
            os.close(fd)
        self._journal_end += len(line)
        self._journal_lines += 1


def restore_backup(path: Path, chosen: Path) -> Path | None:
    """Put ``chosen`` in place of ``path``; the file it replaces is renamed aside, never deleted.

    A sound journal is kept and replayed over the backup, so notes committed after the
    backup was taken come back too; a damaged journal is set aside as well. Returns where
    the replaced file now lives (``None`` if there was none).
    """
    state = parse_library(Path(chosen).read_bytes(), Path(chosen).name)  # refuse to restore a damaged backup
    state.log.renew()  # the records go back in time: files derived from the store must start again
    raw, _ = state.serialize(state.generation)
    lock = FileLock(lock_path(path))
    try:
        with lock.hold(exclusive=True):
            aside = None
            stamp = backup.timestamp()
            if path.exists():
                aside = path.with_name(f"{path.name}.damaged-{stamp}")
                os.replace(path, aside)
            journal = journal_path(path)
            if journal.exists():
                try:
                    scan_journal(journal.read_bytes(), 0, journal.name)
                except StoreError:
                    os.replace(journal, journal.with_name(f"{journal.name}.damaged-{stamp}"))
            write_atomic(path, raw)
            fsync_dir(path.parent)
            return aside
    except OSError as err:
        raise StoreError(f"{path}: cannot restore the backup ({err.strerror or err})") from None
    finally:
        lock.close()
