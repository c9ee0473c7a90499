"""The core: everything Reader does with articles, the analysis and the notes, without Qt.

The window and the command line are two front ends of one :class:`Core`. It owns the
data dir (:mod:`reader.paths`), the note store, the analyzer with its cache, and the
derived search index, and it offers the operations both need: open an article (its text,
record, notes and reading position), analyse it with the reader's corrections,
highlight, edit and delete, correct actors for this article or every article, search,
export and import.

Threads. The core owns three :class:`~reader.core.lanes.Lane` s and every call runs where
it belongs, whichever thread makes it: the note store is touched only on the *store*
lane (so writes keep their order and the analysis reads corrections through the same
queue), the analyzer only on the *analysis* lane. The command line simply calls methods;
the window submits them to the lane they run on (:meth:`Core.lane_for` is not needed: a
call made elsewhere hops to its lane and waits) and watches the futures.

Lifecycle, in a fixed order. :meth:`Core.start` opens the store on the store lane (a
damaged store raises :class:`~notes.errors.StoreError`, and the core then runs without
notes until :meth:`Core.restore_backup`). :meth:`Core.close` cancels queued reads and
analyses, lets the store lane finish every queued write, then closes the store on that
lane (which folds the journal when due and brings the search file up to date), and stops
the lanes. An analysis still running is abandoned: spaCy cannot be interrupted, and the
lanes' daemon threads do not keep the process alive.

The library (issue 13) is :attr:`Core.library`: adding folders, and who said what across
every article (:mod:`reader.core.library_access`). It has lanes of its own, and its
store calls go through the store lane; :meth:`Core.close` stops an add (keeping what it
did) before the store closes.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from notes.records import Annotation, Correction, CorrectionAction, DocumentRecord
from notes.store import NoteStore, UnknownRecordError, document_id
from reader import paths
from reader.analysis.model import KINDS, Analysis
from reader.core import exchange
from reader.core.articles import ArticlesOverview, overview
from reader.core.highlights import actors_in, joins, merged
from reader.core.lanes import Lane, LaneClosedError
from reader.core.parts import PART_MIN_CHARS, part_around, shifted
from reader.document import Article, load
from reader.errors import NotesUnavailableError, ReaderError

if TYPE_CHECKING:
    from notes.search_hit import Hit
    from reader.analysis.cache import AnalysisCache, CacheInfo
    from reader.core.library_access import LibraryAccess

log = logging.getLogger(__name__)

R = TypeVar("R")
Scope = Literal["article", "everywhere"]
"""Where a correction applies: the article it was made in, or every article."""
ACTIONS: tuple[CorrectionAction, ...] = ("rename", "merge", "kind", "hide")


class TextAnalyzer(Protocol):
    """What the core needs of an analyzer (:class:`reader.analysis.pipeline.Analyzer`)."""

    def analyze(self, text: str, corrections: Sequence[dict[str, Any]] = ()) -> Analysis: ...

    def analyze_many(self, texts: Iterable[str]) -> Iterator[Analysis]: ...

    def analyze_batch(self, texts: Iterable[str]) -> Iterator[Analysis]: ...


@dataclass(frozen=True, slots=True)
class HighlightChange:
    """What :meth:`Core.add_highlight` did: the highlight as stored, and the highlights it
    replaced (merged into it) as they were, for undo."""

    saved: Annotation
    replaced: tuple[Annotation, ...]


class QueryError(ReaderError):
    """A search the notes search cannot understand; ``str(err)`` says what is wrong."""


@dataclass(frozen=True, slots=True)
class Opened:
    """An article as the reader meets it: its text, its record, its notes and where reading stopped.

    ``document`` is ``None`` for a text that has no file, or while notes are unavailable.
    """

    article: Article
    document: DocumentRecord | None
    annotations: list[Annotation]
    position: int

    @property
    def doc_id(self) -> str | None:
        return Core.document_id(self.article)


class Core:
    """One reader's articles, analysis and notes, in the data dir ``data_dir``.

    Attributes:
        data_dir: the folder of the store, the cache and the settings (already resolved).
        read_only: the store is opened read-only (``reader notes list``, ``reader analyze``).
        store_lane, analysis_lane, io_lane: where calls run (see the module's docstring).
        library: the library of this data dir, on its own lanes (``library_jobs`` worker
            processes analyse what is added: one per core by default, 0 for none).
    """

    def __init__(self, data_dir: Path, *, model: str | None = None, analyzer: TextAnalyzer | None = None,
                 cache: bool = True, read_only: bool = False, library_jobs: int | None = None) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self.store_lane = Lane("reader-store")
        self.analysis_lane = Lane("reader-analysis")
        self.io_lane = Lane("reader-io", workers=2)
        self._model = model
        self._use_cache = cache
        self._analyzer = analyzer
        self._analyzer_lock = threading.Lock()
        self._store: NoteStore | None = None
        self._started = False
        self._closed = False
        self._positions: dict[str, int] = {}  # only for articles the store does not hold
        self._library_jobs = library_jobs

    @cached_property
    def library(self) -> LibraryAccess:
        """Made when first used: ``reader notes`` never needs the library, nor its ~60 ms of imports."""
        from reader.core.library_access import LibraryAccess

        library = LibraryAccess(self.data_dir, model=self._model, store=self._with_store, jobs=self._library_jobs)
        if self._closed:
            library.close()  # the library of a closed core is closed: it adds nothing
        return library

    # -- lifecycle -------------------------------------------------------------------

    @property
    def store_path(self) -> Path:
        return self.data_dir / paths.STORE_NAME

    def start(self) -> None:
        """Open the note store (on the store lane). A damaged store raises :class:`StoreError`;
        the core then works without notes until :meth:`restore_backup` succeeds."""
        self._started = True
        self.store_lane.call(self._open_store)

    def close(self) -> None:
        """Shut down in the order of the module's docstring; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self.io_lane.close(wait=False)
        self.analysis_lane.close(wait=False)
        if "library" in self.__dict__:  # an add stops and keeps what it did while the store is still open
            self.library.close()
        try:
            self.store_lane.call(self._close_store)  # after every write already queued
        finally:
            self.store_lane.close(wait=True)

    def __enter__(self) -> Core:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def notes_available(self) -> bool:
        """Whether the note store is open (after :meth:`start`)."""
        return self._store is not None

    def backups(self) -> list[Path]:
        """Backups of the store, newest first."""
        return NoteStore.backups(self.store_path)

    def restore_backup(self, chosen: Path | None = None) -> Path:
        """Replace the store with ``chosen`` (the newest backup when ``None``), keeping the
        replaced file beside it; a started core reopens the store. Returns the backup used."""
        return self.store_lane.call(self._restore_backup, chosen)

    # -- articles --------------------------------------------------------------------

    @staticmethod
    def document_id(article: Article) -> str | None:
        """The id of the article's record in the store (its real path), ``None`` without a file."""
        return document_id(article.source) if article.source else None

    @staticmethod
    def load(path: str | os.PathLike[str]) -> Article:
        """Read an article from a file (on the calling thread: the window calls it on the io lane)."""
        return load(path)

    def open(self, path: str | os.PathLike[str]) -> Opened:
        """:meth:`load` then :meth:`visit`."""
        return self.visit(self.load(path))

    def visit(self, article: Article) -> Opened:
        """Record that ``article`` was opened (following a moved file, re-anchoring the notes of
        an edited one) and return its notes and reading position."""
        doc_id = self.document_id(article)
        if doc_id is None:
            return Opened(article, None, [], 0)
        return self.store_lane.call(self._visit, article, doc_id)

    def register(self, article: Article) -> DocumentRecord:
        """Record the article in the store without reading its notes (``reader notes add``)."""
        if self.document_id(article) is None:
            raise ReaderError("only an article read from a file can hold notes")
        return self._with_store(lambda store: self._touch(store, article))

    def set_position(self, doc_id: str, position: int) -> None:
        """Remember where reading stopped: in the article's record, or for this session when the
        store does not hold the article."""
        self.store_lane.call(self._set_position, doc_id, max(0, int(position)))

    def articles(self) -> ArticlesOverview:
        """Every article in the store with its note count, and the tags in use."""
        return self._with_store(lambda store: overview(store.documents(), store.annotations()))

    # -- analysis --------------------------------------------------------------------

    def analyse(self, article: Article) -> Analysis:
        """The analysis of ``article`` with the reader's corrections (read on the store lane, run
        on the analysis lane); the actors it names are handed to the search index."""
        doc_id = self.document_id(article)
        corrections = [c.to_json() for c in self.corrections(doc_id)] if doc_id else []
        analysis = self.analysis_lane.call(self._analyze, article.text, corrections)
        if doc_id is not None and not self.read_only:
            self._index_actors(doc_id, actors_in(analysis, 0, len(article.text)))
        return analysis

    def analyse_part(self, article: Article, position: int) -> Analysis | None:
        """A first analysis of the paragraphs around ``position`` (the screen the reader sees), in
        the article's offsets, with the reader's corrections; ``None`` when the article is too
        short to need one or its whole analysis is in the cache (it comes at once).

        A long article takes its whole analysis a while (about 40 s a megabyte with spaCy's
        small model); this one takes a fraction of a second, so the window marks the first
        screen at once and the rest when :meth:`analyse` is done. Not cached: only whole
        articles are.
        """
        text = article.text
        if len(text) < PART_MIN_CHARS:
            return None
        analyzer = self._get_analyzer()
        is_cached = getattr(analyzer, "is_cached", None)  # a stand-in analyzer may have no cache
        if is_cached is not None and self.analysis_lane.call(is_cached, text):
            return None
        start, end = part_around(article, position)
        doc_id = self.document_id(article)
        corrections = [c.to_json() for c in self.corrections(doc_id)] if doc_id else []
        part = self.analysis_lane.call(self._analyze_part, text[start:end], corrections)
        return shifted(part, start)

    def analyse_texts(self, texts: Iterable[str]) -> Iterator[Analysis]:
        """Analyse texts verbatim, in order, in one batched pass on the analysis lane (no cache,
        no corrections: ``reader analyze --batch``)."""
        results: queue.Queue[Analysis | None] = queue.Queue(maxsize=64)

        def produce() -> None:
            try:
                for analysis in self._get_analyzer().analyze_batch(texts):
                    results.put(analysis)
            finally:
                results.put(None)

        future = self.analysis_lane.submit(produce)
        while (item := results.get()) is not None:
            yield item
        future.result()  # the error that ended the batch, if any

    def analysis_identity(self) -> tuple[str, str]:
        """The analysis fingerprint and the spaCy pipeline with its version (loads no model)."""
        from reader.analysis.engine import Engine
        from reader.analysis.fingerprint import code_fingerprint

        return code_fingerprint(), Engine(self._model).model_key

    def cache_info(self) -> CacheInfo:
        return self._cache().info()

    def clear_cache(self) -> int:
        """Remove every cached analysis; returns how many there were."""
        return self._cache().clear()

    # -- notes -----------------------------------------------------------------------

    def notes(self, doc_id: str | None = None) -> list[Annotation]:
        """One article's notes in text order, or every note."""
        return self._with_store(lambda store: store.annotations(doc_id))

    def add_note(self, annotation: Annotation) -> Annotation:
        """Store a new note (or bring back a deleted one, with its id)."""
        return self._with_store(lambda store: store.add(annotation))

    def update_note(self, annotation_id: str, **fields: Any) -> Annotation:
        return self._with_store(lambda store: store.update(annotation_id, **fields))

    def delete_note(self, annotation_id: str) -> Annotation:
        """Remove a note and return it, so that it can be brought back."""
        return self._with_store(lambda store: store.delete(annotation_id))

    def add_highlight(self, annotation: Annotation, text: str, analysis: Analysis | None = None) -> HighlightChange:
        """Store a new highlight, merged with the plain highlights of its colour it overlaps or
        touches (see :mod:`reader.core.highlights`); ``text`` is its article's text."""
        def add(store: NoteStore) -> HighlightChange:
            olds = [a for a in store.annotations(annotation.document) if joins(annotation, a)]
            if not olds:
                return HighlightChange(store.add(annotation), ())
            result = merged(text, annotation, olds, analysis)
            fields = {name: getattr(result, name) for name in ("selector", "note", "tags", "actors", "status")}
            saved = store.update(result.id, **fields)
            for old in olds:
                if old.id != saved.id:
                    store.delete(old.id)
            return HighlightChange(saved, tuple(olds))

        return self._with_store(add)

    def revert_highlight(self, change: HighlightChange) -> list[Annotation]:
        """Undo :meth:`add_highlight`: the new highlight goes, the ones it joined come back as they
        were. Returns them."""
        def revert(store: NoteStore) -> list[Annotation]:
            if store.get(change.saved.id) is not None:
                store.delete(change.saved.id)
            return [store.add(old) for old in change.replaced if store.get(old.id) is None]

        return self._with_store(revert)

    def search(self, query: str, limit: int | None = 50) -> list[Hit]:
        """Ranked notes for ``query``; a query the search cannot understand (a date that is not
        one) raises :class:`QueryError` saying what, instead of finding nothing."""
        from notes.query import parse_query

        problems = parse_query(query).errors
        if problems:
            raise QueryError("; ".join(problems))
        return self._with_store(lambda store: store.search(query, limit))

    def export_notes(self, fmt: str) -> tuple[str, int]:
        """Every note as Markdown or W3C JSON-LD, and how many there are."""
        from notes.export import render

        def read(store: NoteStore) -> tuple[list[Annotation], list[DocumentRecord]]:
            return store.annotations(), store.documents()

        notes, documents = self._with_store(read)
        return render(fmt, notes, documents), len(notes)

    def export_notes_to(self, fmt: str, path: Path) -> int:
        """Write every note to ``path`` atomically; the number written."""
        text, count = self.export_notes(fmt)
        exchange.write_export(path, text)
        return count

    def import_notes(self, notes: list[Annotation]) -> tuple[int, int]:
        """Place imported notes (:func:`exchange.read_jsonld`) in their articles' current text and
        store them; known ids are updated, not duplicated. Returns (added, replaced)."""
        articles = {doc_id: exchange.try_load(doc_id) for doc_id in dict.fromkeys(a.document for a in notes)}
        notes = [exchange.placed(a, articles[a.document]) for a in notes]

        def store_all(store: NoteStore) -> tuple[int, int]:
            for doc_id, article in articles.items():
                if store.document(doc_id) is None:
                    store.put_document(exchange.record_for(doc_id, article))
            return store.put_many(notes)

        return self._with_store(store_all)

    # -- corrections -----------------------------------------------------------------

    def corrections(self, doc_id: str | None) -> list[Correction]:
        """The corrections for every article plus this article's own, oldest first ([] without notes)."""
        return self.store_lane.call(lambda: self._store.corrections(doc_id) if self._store else [])

    def correct(self, article: Article, action: CorrectionAction, actor: str, value: str | None = None,
                scope: Scope = "everywhere") -> Correction:
        """Remember a correction of the actor named ``actor`` (rename to, merge into, change
        kind to ``value``, or hide) for this article or for every article."""
        document = None
        if scope == "article":
            document = self.document_id(article)
            if document is None:
                raise ReaderError("a correction for one article needs an article read from a file")
        correction = Correction(action=action, actor=actor, value=_checked_value(action, value), document=document)
        return self._with_store(lambda store: store.add_correction(correction))

    def undo_correction(self, correction_id: str) -> None:
        self._with_store(lambda store: store.remove_correction(correction_id))

    def restore_correction(self, correction: Correction) -> Correction:
        """Bring back a correction taken away by :meth:`undo_correction` (same id, same place)."""
        return self._with_store(lambda store: store.add_correction(correction))

    # -- on the store lane -----------------------------------------------------------

    def _with_store(self, fn: Callable[[NoteStore], R]) -> R:
        def run() -> R:
            if self._store is None:
                raise NotesUnavailableError()
            return fn(self._store)

        return self.store_lane.call(run)

    def _open_store(self) -> None:
        if self._store is None:
            self._store = NoteStore(self.store_path, read_only=self.read_only)

    def _close_store(self) -> None:
        store, self._store = self._store, None
        if store is not None:
            store.close()

    def _restore_backup(self, chosen: Path | None) -> Path:
        if chosen is None:
            backups = self.backups()
            if not backups:
                raise ReaderError(f"no backups of {self.store_path} yet")
            chosen = backups[0]
        if not chosen.is_file():
            raise ReaderError(f"{chosen}: no such backup")
        self._close_store()
        NoteStore.restore_backup(self.store_path, chosen)
        if self._started:
            self._open_store()
        return chosen

    @staticmethod
    def _touch(store: NoteStore, article: Article) -> DocumentRecord:
        assert article.source is not None
        return store.touch_document(article.source, article.content_id, article.title, article.date, article.text)

    def _visit(self, article: Article, doc_id: str) -> Opened:
        store = self._store
        if store is None or store.read_only:
            record = store.document(doc_id) if store else None
            notes = store.annotations(doc_id) if store else []
            position = record.position if record else self._positions.get(doc_id, 0)
            return Opened(article, record, notes, position)
        record = self._touch(store, article)
        return Opened(article, record, store.annotations(record.id), record.position)

    def _set_position(self, doc_id: str, position: int) -> None:
        if self._store is not None and not self._store.read_only:
            try:
                self._store.set_position(doc_id, position)
                return
            except UnknownRecordError:
                pass  # opened while the store was unavailable: kept for this session
        self._positions[doc_id] = position

    def _index_actors(self, doc_id: str, names: list[str]) -> None:
        """Queue the article's actor names for the search index; derived data, so a failure is
        logged, never shown, and the analysis does not wait for it."""
        def write() -> None:
            if self._store is not None:
                self._store.set_article_actors(doc_id, names)

        def report(future: Future[None]) -> None:
            if not future.cancelled() and future.exception() is not None:
                log.warning("actor names not indexed: %s", future.exception())

        try:
            self.store_lane.submit(write).add_done_callback(report)
        except LaneClosedError:
            pass  # shutting down: the next analysis indexes them

    # -- on the analysis lane --------------------------------------------------------

    def _get_analyzer(self) -> TextAnalyzer:
        """The analyzer, made on first use (cheap: spaCy itself loads on the first text)."""
        with self._analyzer_lock:
            if self._analyzer is None:
                from reader.analysis.pipeline import Analyzer

                self._analyzer = Analyzer(self._model, paths.cache_dir(self.data_dir) if self._use_cache else None)
            return self._analyzer

    def _analyze(self, text: str, corrections: Sequence[dict[str, Any]]) -> Analysis:
        return self._get_analyzer().analyze(text, corrections)

    def _analyze_part(self, text: str, corrections: Sequence[dict[str, Any]]) -> Analysis:
        from reader.analysis.corrections import apply_corrections

        analysis = next(iter(self._get_analyzer().analyze_many([text])))
        return apply_corrections(analysis, corrections)

    def _cache(self) -> AnalysisCache:
        from reader.analysis.cache import AnalysisCache
        from reader.analysis.pipeline import Analyzer

        return AnalysisCache(paths.cache_dir(self.data_dir), Analyzer(self._model).generation)


def _checked_value(action: CorrectionAction, value: str | None) -> str | None:
    """The correction's value, refused with one clear line when it cannot mean anything."""
    if action not in ACTIONS:
        raise ReaderError(f"unknown correction {action!r} (one of {', '.join(ACTIONS)})")
    if action == "hide":
        return None
    value = (value or "").strip()
    if not value:
        raise ReaderError(f"a {action} correction needs a value")
    if action == "kind" and value not in KINDS:
        raise ReaderError(f"unknown kind {value!r} (one of {', '.join(KINDS)})")
    return value

