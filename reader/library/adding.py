"""``library add``: register files and folders in the note store and analyse what is new or changed.

The steps, and why the order makes the job resumable:

1. Find the article files under the paths given (:mod:`reader.library.files`).
2. Pass over files the index already knows unchanged (same size and modification time,
   same text as the store's record, an analysis of this Reader and model): nothing is
   read, so adding a folder again is quick.
3. Send the others, in batches, to the workers (:mod:`reader.library.pool`), which read
   each file, reuse the cache or analyse, and write each new analysis to the cache at once.
4. As each batch comes back, register its articles in the note store (one journalled
   commit each, through :class:`~notes.store.NoteStore` like every write) and then put
   them in the index (one SQLite transaction per batch).
5. Derive the actors and quotations across the library (:mod:`reader.library.sync`).

A kill at any point leaves the store consistent (its own protocol) and the index either
before or after a batch; what was analysed is in the cache. The next run finds registered
articles the index lacks when it synchronises, and cached analyses are not run again.
Cancelling stops the workers and still derives what was added, so nothing is half-shown.

Registering is not opening: a new article's ``last_opened`` is empty. A file whose text
changed is registered through :meth:`~notes.store.NoteStore.touch_document` with its new
text, so its notes are re-anchored exactly as when it is opened; a new path holding the
text of a document whose file is gone is that document moved (its notes follow).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from notes.records import DocumentRecord
from notes.store import NoteStore, document_id
from reader.library.files import Refusal, find_articles
from reader.library.index import IndexedArticle, LibraryIndex
from reader.library.pool import CancelledError, WorkerPool
from reader.library.records import AddReport, FileReport, Outcome, Progress
from reader.library.sync import StoreAccess
from reader.library.work import Read, Result, Task, process

BATCH_BYTES = 48_000
"""A batch holds files of about this many bytes: enough for spaCy to batch well, small
enough that the two cores finish together and a kill loses little."""
BATCH_FILES = 24
"""And at most this many files, so that progress moves on a folder of small files too."""

ProgressCallback = Callable[[Progress], None]


def add_files(paths: Sequence[str | Path], *, store: StoreAccess, index: LibraryIndex, generation: str,
              model: str | None, cache_dir: Path | None, jobs: int, progress: ProgressCallback | None = None,
              cancel: threading.Event | None = None) -> AddReport:
    """Steps 1–4 of the module docstring; the caller synchronises the index afterwards."""
    started = time.monotonic()
    report = AddReport()
    emit = progress or (lambda _: None)
    found = find_articles(paths)
    report.files += [FileReport(r.path, "refused", reason=r.reason) for r in found.refused]
    emit(Progress("scanning", 0, len(found.files)))
    docs = {d.id: d for d in store(lambda s: s.documents())}
    indexed = index.articles()
    tasks: list[Task] = []
    sizes: dict[str, int] = {}
    for path in found.files:
        doc = docs.get(document_id(path))
        row = indexed.get(doc.id) if doc else None
        try:
            info = path.stat()
        except OSError:
            pass  # the worker will say why
        else:
            sizes[str(path)] = info.st_size
            if (doc is not None and row is not None and row.generation == generation
                    and row.content_id == doc.content_id == row.stored_content
                    and (row.size, row.mtime_ns) == (info.st_size, info.st_mtime_ns)):
                report.files.append(FileReport(str(path), "unchanged", title=doc.title))
                continue
        tasks.append(Task(str(path), doc.content_id if doc else None))
    unchanged = len(report.files) - len(found.refused)
    registrar = _Registrar(store, docs)
    clock = _Clock(sum(sizes.get(t.path, 0) for t in tasks))
    emit(Progress("reading" if tasks else "indexing", unchanged, len(found.files)))
    try:
        for batch, results in _results(batches(tasks, sizes), jobs, model, cache_dir, cancel):
            with index.writing() as db:
                for result in results:
                    report.files.append(_register(result, registrar, index, db, generation))
                index.set_meta(db, "derived", "no")
            clock.done(sum(sizes.get(t.path, 0) for t in batch), any(isinstance(r, Read) and r.analysed
                                                                      for r in results))
            emit(Progress("analysing", len(report.files) - len(found.refused), len(found.files),
                          report.analysed, clock.seconds_left()))
    except CancelledError:
        report.cancelled = True
    report.seconds = time.monotonic() - started
    return report


def batches(tasks: list[Task], sizes: dict[str, int]) -> list[list[Task]]:
    """Consecutive tasks grouped up to :data:`BATCH_BYTES` / :data:`BATCH_FILES` (files of one
    folder stay together, which keeps a folder's progress in step with the listing)."""
    out: list[list[Task]] = []
    batch: list[Task] = []
    size = 0
    for task in tasks:
        batch.append(task)
        size += sizes.get(task.path, 0)
        if size >= BATCH_BYTES or len(batch) >= BATCH_FILES:
            out.append(batch)
            batch, size = [], 0
    if batch:
        out.append(batch)
    return out


def _results(batches: list[list[Task]], jobs: int, model: str | None, cache_dir: Path | None,
             cancel: threading.Event | None) -> Iterator[tuple[list[Task], list[Result]]]:
    """Each batch with its results: from worker processes, or here when ``jobs`` is 0."""
    if not batches:
        return
    if jobs > 0:
        yield from WorkerPool(min(jobs, len(batches)), model, cache_dir).run(batches, cancel)
        return
    from reader.analysis.pipeline import Analyzer

    analyzer = Analyzer(model, cache_dir)
    for batch in batches:
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        yield batch, process(batch, analyzer)


def _register(result: Result, registrar: _Registrar, index: LibraryIndex, db: sqlite3.Connection,
              generation: str) -> FileReport:
    if isinstance(result, Refusal):
        return FileReport(result.path, "refused", reason=result.reason)
    outcome, record = registrar.register(result)
    index.put_article(db, IndexedArticle(
        record.id, record.path, record.title, record.date, record.content_id, result.content_id, result.size,
        result.mtime_ns, generation, json.dumps(result.analysis, ensure_ascii=False),
        json.dumps(result.quote_texts, ensure_ascii=False)))
    return FileReport(result.path, outcome, result.analysed, title=record.title)


class _Registrar:
    """Writes each read article to the note store (see the module docstring for the cases)."""

    def __init__(self, store: StoreAccess, docs: dict[str, DocumentRecord]) -> None:
        self.store = store
        self.docs = docs
        self.by_content: dict[str, list[str]] = {}
        for doc in docs.values():
            self.by_content.setdefault(doc.content_id, []).append(doc.id)

    def register(self, read: Read) -> tuple[Outcome, DocumentRecord]:
        doc_id = document_id(read.path)
        old = self.docs.get(doc_id)
        outcome: Outcome
        if old is None:
            moved = next((self.docs[d] for d in self.by_content.get(read.content_id, ())
                          if d in self.docs and d != doc_id and not os.path.exists(self.docs[d].path)), None)
            if moved is not None:
                record = self.store(lambda s: self._reopened(s, read, None, moved.last_opened))
                del self.docs[moved.id]
                outcome = "moved"
            else:
                new = DocumentRecord(doc_id, doc_id, read.content_id, read.title, read.date, last_opened="")
                record = self.store(lambda s: s.put_document(new))
                outcome = "added"
        elif old.content_id != read.content_id:
            # with the text, the store re-anchors the notes; without (another process changed the
            # record meanwhile) it keeps the old content id, and opening the article re-anchors them
            record = self.store(lambda s: self._reopened(s, read, read.text, old.last_opened))
            outcome = "changed"
        else:
            record = old
            if (old.title, old.date) != (read.title, read.date):
                renamed = dataclasses.replace(old, title=read.title, date=read.date)
                record = self.store(lambda s: s.put_document(renamed))
            outcome = "unchanged"
        self.docs[doc_id] = record
        self.by_content.setdefault(record.content_id, []).append(doc_id)
        return outcome, record

    @staticmethod
    def _reopened(store: NoteStore, read: Read, text: str | None, last_opened: str) -> DocumentRecord:
        """Through :meth:`~notes.store.NoteStore.touch_document`, which follows a moved file and
        re-anchors the notes of a changed one; then the reading history as it was (adding is
        not opening)."""
        record = store.touch_document(read.path, read.content_id, read.title, read.date, text=text)
        return store.put_document(dataclasses.replace(record, last_opened=last_opened))


class _Clock:
    """Time left, from the bytes analysed per second since the first analysed batch came back
    (the first batch also pays for loading the model, so it does not count)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.finished = 0
        self.since: tuple[float, int] | None = None

    def done(self, size: int, analysed: bool) -> None:
        self.finished += size
        if self.since is None and analysed:
            self.since = (time.monotonic(), self.finished)

    def seconds_left(self) -> float | None:
        if self.since is None:
            return None
        elapsed = time.monotonic() - self.since[0]
        rate = (self.finished - self.since[1]) / elapsed if elapsed > 0 else 0.0
        return (self.total - self.finished) / rate if rate > 0 else None
