"""The note store: documents, annotations and actor corrections, safe across threads and processes.

:class:`NoteStore` is what the window, the command line and the analysis use. Durability,
locking and validation live in :mod:`notes.storage`; re-anchoring in :mod:`notes.anchoring`;
this module holds the rules of the records (ids, timestamps, moved files), offers the
change feed that derived indexes follow (:meth:`NoteStore.changes_since`), and hands
searches to the search index beside the store (:mod:`notes.search`), which follows it.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notes import backup, storage
from notes.anchoring import reanchor
from notes.errors import StoreError
from notes.feed import Changes
from notes.records import COLORS, Annotation, Correction, DocumentRecord, Selector, now_iso
from notes.schema import problem
from notes.storage import LibraryStorage

if TYPE_CHECKING:
    from notes.search import SearchIndex
    from notes.search_hit import Hit

SEARCH_FILE_BUILD_BYTES = 2**20
"""A store whose files hold at most this much (about 1,500 typical notes) gets its search
index built as a writer closes when there is none yet (~0.3 s, once); a larger one has an
existing index caught up, which costs in proportion to what changed. Bytes, not notes:
counting the notes of a store would parse them all, and a build costs in proportion to
the text anyway."""
UPDATABLE = frozenset({"document", "selector", "color", "note", "tags", "target", "actors", "status"})
"""Fields :meth:`NoteStore.update` may change; ``id`` and ``created`` never change."""


class UnknownRecordError(StoreError):
    """No annotation, document or correction has the given id."""


def search_index_path(store_path: Path) -> Path:
    """Where the search index of the store at ``store_path`` lives: beside it (derived, disposable)."""
    return store_path.with_name(store_path.name + ".search.sqlite")


def document_id(path: str | os.PathLike[str]) -> str:
    """A document's id: its absolute path, symbolic links resolved (as the loaders name the source)."""
    return os.path.realpath(os.fspath(path))


class NoteStore:
    """Highlights, notes, tags and corrections in ``library.json`` (see :mod:`notes.storage`).

    Every method is thread-safe; each write is durable (fsynced) when the method returns,
    and each call first catches up with what other processes wrote.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._storage = LibraryStorage(self.path, read_only=read_only)
        self._search: SearchIndex | None = None
        self._bulk = False  # a bulk write as large as the store was: worth building its index

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store; when this instance wrote, bring the search index beside it up to
        date first (building it for a small store or after a bulk write), so that the next
        search, in any process, has nothing to do. Commits are durable before: the index never
        holds up or fails a close."""
        with self._lock:
            if self._storage.closed:
                return
            wrote = self._storage.commits > 0
            if wrote or self._search is not None:
                self._searcher().close(catch_up=wrote, build=self._small() or self._bulk)
            self._search = None
            self._storage.close()

    # -- documents -----------------------------------------------------------------------

    def touch_document(self, path: str, content_id: str, title: str = "", date: str | None = None,
                       text: str | None = None) -> DocumentRecord:
        """Record that the article at ``path`` was opened; follow a moved file; re-anchor an edited one.

        When the content id changed and ``text`` is given, every annotation of the document is
        re-anchored in ``text`` and the new positions and statuses are saved in the same commit.
        """
        doc_id = document_id(path)
        with self._lock, self._storage.transaction() as ops:
            docs = self._storage.records("documents")
            old = docs.get(doc_id)
            moved_from = None
            if old is None and content_id:
                moved_from = next((d for d in docs.values() if d["content_id"] == content_id
                                   and d["id"] != doc_id and not os.path.exists(d["path"])), None)
                old = moved_from
            record = DocumentRecord.from_json(old) if old else DocumentRecord(doc_id, doc_id, content_id)
            record = dataclasses.replace(record, id=doc_id, path=doc_id, last_opened=now_iso(),
                                         title=title or record.title, date=date or record.date)
            if moved_from is not None:
                ops.append({"t": "documents", "del": moved_from["id"]})
            # Without the text an edited document keeps its old content id, so it is re-anchored later.
            reanchoring = text is not None and record.content_id != content_id
            if reanchoring:
                record.content_id = content_id
            sources = {doc_id} | ({moved_from["id"]} if moved_from else set())
            mine = ([Annotation.from_json(n) for n in self._storage.records("annotations").values()
                     if n["document"] in sources] if reanchoring or moved_from else [])
            for note in mine:
                new = note
                if moved_from is not None:
                    new = dataclasses.replace(new, document=doc_id)
                if reanchoring and text is not None:
                    new = reanchor(new, text)
                if new != note:
                    ops.append({"t": "annotations", "put": new.to_json()})
            ops.append({"t": "documents", "put": record.to_json()})
        return record

    def document(self, doc_id: str) -> DocumentRecord | None:
        with self._lock, self._storage.snapshot() as tables:
            rec = tables["documents"].get(doc_id)
            return DocumentRecord.from_json(rec) if rec else None

    def documents(self) -> list[DocumentRecord]:
        with self._lock, self._storage.snapshot() as tables:
            return [DocumentRecord.from_json(r) for r in tables["documents"].values()]

    def put_document(self, record: DocumentRecord) -> DocumentRecord:
        """Create or replace a document record as given (imports use this)."""
        with self._lock, self._storage.transaction() as ops:
            ops.append({"t": "documents", "put": record.to_json()})
        return record

    def set_position(self, doc_id: str, position: int) -> None:
        with self._lock, self._storage.transaction() as ops:
            rec = self._storage.records("documents").get(doc_id)
            if rec is None:
                raise UnknownRecordError(f"no document {doc_id} in the note store")
            if rec.get("position") != position:
                ops.append({"t": "documents", "put": {**rec, "position": int(position)}})

    # -- annotations ---------------------------------------------------------------------

    def add(self, annotation: Annotation) -> Annotation:
        """Store a new annotation; its id must be new."""
        _check(annotation)
        with self._lock, self._storage.transaction() as ops:
            if self._storage.exists("annotations", annotation.id):
                raise StoreError(f"an annotation with id {annotation.id} already exists")
            ops.append({"t": "annotations", "put": annotation.to_json()})
        return annotation

    def put_many(self, annotations: list[Annotation]) -> tuple[int, int]:
        """Create or replace annotations by id in one commit; returns (added, replaced)."""
        for a in annotations:
            _check(a)
        with self._lock, self._storage.transaction() as ops:
            known = self._storage.records("annotations")
            replaced = sum(1 for a in annotations if a.id in known)
            ops.extend({"t": "annotations", "put": a.to_json()} for a in annotations)
            total = len(known)
        # A bulk write already costs time in proportion to its size: building the search index
        # of a store that held at most twice as many notes before is in keeping with it.
        self._bulk = self._bulk or total <= 2 * len(annotations)
        return len(annotations) - replaced, replaced

    def update(self, annotation_id: str, **fields: Any) -> Annotation:
        """Change some fields (see :data:`UPDATABLE`) and set ``updated``."""
        unknown = set(fields) - UPDATABLE
        if unknown:
            raise TypeError(f"cannot update {', '.join(sorted(unknown))} of an annotation")
        with self._lock, self._storage.transaction() as ops:
            rec = self._storage.records("annotations").get(annotation_id)
            if rec is None:
                raise UnknownRecordError(f"no annotation {annotation_id} in the note store")
            new = dataclasses.replace(Annotation.from_json(rec), **fields, updated=now_iso())
            _check(new)
            ops.append({"t": "annotations", "put": new.to_json()})
        return new

    def delete(self, annotation_id: str) -> Annotation:
        """Remove an annotation and return it (so the caller can offer undo by adding it back)."""
        with self._lock, self._storage.transaction() as ops:
            rec = self._storage.records("annotations").get(annotation_id)
            if rec is None:
                raise UnknownRecordError(f"no annotation {annotation_id} in the note store")
            ops.append({"t": "annotations", "del": annotation_id})
        return Annotation.from_json(rec)

    def get(self, annotation_id: str) -> Annotation | None:
        with self._lock, self._storage.snapshot() as tables:
            rec = tables["annotations"].get(annotation_id)
            return Annotation.from_json(rec) if rec else None

    def annotations(self, doc_id: str | None = None) -> list[Annotation]:
        """A document's annotations in text order, or all of them (by document, then position)."""
        with self._lock, self._storage.snapshot() as tables:
            rows = tables["annotations"].values()
            found = [Annotation.from_json(r) for r in rows if doc_id is None or r["document"] == doc_id]
        found.sort(key=lambda a: (a.document, a.selector.start, a.selector.end, a.created))
        return found

    # -- corrections ---------------------------------------------------------------------

    def add_correction(self, correction: Correction) -> Correction:
        why = problem("corrections", correction.to_json())
        if why:
            raise StoreError(f"correction {correction.id} {why}")
        with self._lock, self._storage.transaction() as ops:
            ops.append({"t": "corrections", "put": correction.to_json()})
        return correction

    def remove_correction(self, correction_id: str) -> None:
        with self._lock, self._storage.transaction() as ops:
            if correction_id not in self._storage.records("corrections"):
                raise UnknownRecordError(f"no correction {correction_id} in the note store")
            ops.append({"t": "corrections", "del": correction_id})

    def corrections(self, doc_id: str | None = None) -> list[Correction]:
        """Corrections for every article plus, given ``doc_id``, that article's own; oldest first."""
        with self._lock, self._storage.snapshot() as tables:
            rows = [Correction.from_json(r) for r in tables["corrections"].values()
                    if r.get("document") is None or (doc_id is not None and r.get("document") == doc_id)]
        return sorted(rows, key=lambda c: c.created)

    # -- change feed and search --------------------------------------------------------

    def changes_since(self, cursor: str | None) -> Changes:
        """What changed after ``cursor`` (``None``: everything), in this process and others: the
        feed that files derived from the store follow (see :mod:`notes.feed`)."""
        with self._lock:
            return self._storage.changes_since(cursor)

    def search(self, query: str, limit: int | None = 50) -> list[Hit]:
        """Ranked hits (see :mod:`notes.search`) from the index beside the store, caught up
        with every change first; an index in memory when no file can be kept there."""
        with self._lock:
            return self._searcher().search(query, limit)

    def set_article_actors(self, doc_id: str, names: Sequence[str]) -> None:
        """Make ``names`` the actors of the article ``doc_id`` for search (``actor:`` and the
        article-actors field). Derived from the analysis, so kept in the search index only,
        never in the store: call it after each analysis of the article."""
        with self._lock:
            self._searcher().set_article_actors(doc_id, names)

    def _searcher(self) -> SearchIndex:
        if self._search is None:
            from notes.search import SearchIndex

            # No store file (read-only, nothing written yet): nothing to keep an index beside.
            where = search_index_path(self.path) if self.path.exists() else None
            self._search = SearchIndex(where, self.changes_since)
        return self._search

    def _small(self) -> bool:
        """Whether the store's files hold at most :data:`SEARCH_FILE_BUILD_BYTES`."""
        size = 0
        for path in (self.path, storage.journal_path(self.path)):
            try:
                size += path.stat().st_size
            except OSError:
                pass  # no journal yet
        return size <= SEARCH_FILE_BUILD_BYTES

    # -- maintenance ---------------------------------------------------------------------

    def compact(self) -> None:
        """Fold the journal into ``library.json`` now (also keeps a backup of the old file)."""
        with self._lock:
            self._storage.compact()

    @staticmethod
    def backups(path: Path) -> list[Path]:
        """Backups of the store at ``path``, newest first."""
        return backup.backups(Path(path))

    @staticmethod
    def restore_backup(path: Path, backup_file: Path) -> None:
        """Replace the store with ``backup_file``; the replaced file is renamed aside, never deleted."""
        storage.restore_backup(Path(path), Path(backup_file))


def _check(annotation: Annotation) -> None:
    """Refuse what would be stored wrongly (bad colour, offsets or types) before it is written."""
    if annotation.color not in COLORS:
        raise StoreError(f"unknown colour {annotation.color!r} (one of {', '.join(COLORS)})")
    if not isinstance(annotation.selector, Selector):
        raise StoreError("an annotation's selector must be a Selector")
    why = problem("annotations", annotation.to_json())
    if why:
        raise StoreError(f"annotation {annotation.id} {why}")
