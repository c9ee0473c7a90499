"""The library inside the core: one :class:`~reader.library.Library` over the core's store lane.

:class:`LibraryAccess` is what ``Core.library`` holds. It gives the library two lanes of
its own, so that neither the window's reading nor its notes wait for it:

- the *library* lane answers reads of the library index (articles, actors, quotations, one
  actor's profile), one at a time, in the order asked;
- the *adding* lane runs ``add`` and ``update``, one after the other: the analysis runs in
  worker processes (one per core unless ``jobs`` says otherwise) and progress is reported
  from that lane's thread.

Every note-store call the library makes goes through the core's store access (its store
lane), so registering articles keeps its order with every note the reader writes.

Stopping, in this order (:meth:`close`, called by ``Core.close`` before the store closes):
the cancel flag of every add is set; a running add terminates its workers at once,
registers and indexes the batches that already came back (each file either registered
with its analysis or not at all) and returns; then the index is closed. Because the
store is still open while that happens, an add never meets a closed store, and nothing
is half-written. What the add did not reach is simply not registered yet: adding the same
folders again (the window does it on its next start) reads nothing twice.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from notes.records import Annotation
from reader.core.exchange import write_export
from reader.core.lanes import Lane
from reader.library import ActorRow, AddReport, ArticleRow, Library, Progress, QuoteRow

if TYPE_CHECKING:
    from notes.store import NoteStore
    from reader.library.sync import StoreAccess

R = TypeVar("R")
STOP_SECONDS = 60.0
"""How long closing waits for a cancelled add to register what came back (normally a second)."""


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A note with the article it belongs to (its title and path, as the store knows them)."""

    annotation: Annotation
    title: str
    path: str


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """One actor across the library: their quotations in date order, the articles they appear
    in, and the notes that name them (in their passage, or attached to them or their quotation)."""

    actor: ActorRow
    quotes: list[QuoteRow]
    articles: list[ArticleRow]
    notes: list[NoteRef]


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """A search of quotations: words (as ``reader quotes`` reads them), a speaker or actor ids,
    and exclusive date bounds."""

    text: str = ""
    speaker: str | None = None
    speaker_ids: tuple[str, ...] | None = None
    after: date | None = None
    before: date | None = None


class LibraryAccess:
    """The library of the core's data dir, on its own lanes (see the module docstring).

    Attributes:
        library: the :class:`Library` itself (its calls may run on any thread).
        lane: where reads run; ``adding_lane``: where adds and updates run.
    """

    def __init__(self, data_dir: Path, *, model: str | None, store: StoreAccess, jobs: int | None = None) -> None:
        self.library = Library(data_dir, model=model, store=store)
        self.lane = Lane("reader-library")
        self.adding_lane = Lane("reader-library-add")
        self.jobs = jobs
        self._store = store
        self._cancels: set[threading.Event] = set()  # of the adds running now
        self._guard = threading.Condition()
        self._closed = False

    # -- adding (on the adding lane) -------------------------------------------------------

    def add(self, paths: Sequence[str | os.PathLike[str]], *, progress: Callable[[Progress], None] | None = None,
            cancel: threading.Event | None = None) -> AddReport:
        """Register files and folders and analyse what is new or changed (:meth:`Library.add`);
        ``cancel`` (or closing the core) stops it, keeping what was done."""
        return self._adding(lambda flag: self.library.add(paths, jobs=self.jobs, progress=progress, cancel=flag),
                            cancel)

    def update(self, *, progress: Callable[[Progress], None] | None = None,
               cancel: threading.Event | None = None) -> AddReport:
        """Check every registered article again (:meth:`Library.update`)."""
        return self._adding(lambda flag: self.library.update(jobs=self.jobs, progress=progress, cancel=flag), cancel)

    def _adding(self, run: Callable[[threading.Event], AddReport], cancel: threading.Event | None) -> AddReport:
        flag = cancel or threading.Event()
        with self._guard:
            if self._closed or flag.is_set():
                return AddReport(cancelled=True)
            self._cancels.add(flag)
        try:
            return run(flag)
        finally:
            with self._guard:
                self._cancels.discard(flag)
                self._guard.notify_all()

    # -- reading (on the library lane) -----------------------------------------------------

    def articles(self) -> list[ArticleRow]:
        return self.library.articles()

    def actors(self, text: str = "", kind: str | None = None) -> list[ActorRow]:
        return self.library.actors(text, kind)

    def quotes(self, query: QuoteQuery) -> list[QuoteRow]:
        return self.library.quotes(query.text, speaker=query.speaker, speaker_ids=query.speaker_ids,
                                   after=query.after, before=query.before)

    def profile(self, actor_id: str) -> ActorProfile | None:
        """The actor's quotations, articles and notes; ``None`` when no actor has that id (any more)."""
        actor = self.library.actor(actor_id)
        if actor is None:
            return None
        quotes = self.library.quotes(speaker_ids=[actor_id])
        articles = self.library.actor_articles(actor_id)
        ids = self.library.actor_notes(actor_id)

        def read(store: NoteStore) -> list[NoteRef]:
            found = []
            for ident in ids:
                note = store.get(ident)
                if note is not None:
                    doc = store.document(note.document)
                    found.append(NoteRef(note, doc.title if doc else "", doc.path if doc else note.document))
            return sorted(found, key=lambda n: (n.title.casefold(), n.path, n.annotation.selector.start))

        return ActorProfile(actor, quotes, articles, self._store(read) if ids else [])

    def unanalysed(self) -> int:
        return self.library.unanalysed()

    @staticmethod
    def export_quotes(rows: Sequence[QuoteRow], fmt: str, path: Path, heading: str) -> int:
        """Write quotations to ``path`` atomically as Markdown or CSV; how many were written."""
        from reader.library.export import to_csv, to_markdown

        write_export(path, to_csv(rows) if fmt == "csv" else to_markdown(rows, heading))
        return len(rows)

    # -- life ------------------------------------------------------------------------------

    def stop_adding(self) -> None:
        """Set the cancel flag of every add, running or queued."""
        with self._guard:
            for flag in self._cancels:
                flag.set()

    def close(self) -> None:
        """Stop every add (waiting for a running one to keep what it did), then close the index."""
        with self._guard:
            if self._closed:
                return
            self._closed = True  # an add that has not started yet will not start
            for flag in self._cancels:
                flag.set()
        self.adding_lane.close(wait=False)
        self.lane.close(wait=False)
        with self._guard:
            self._guard.wait_for(lambda: not self._cancels, STOP_SECONDS)
        self.library.close()
