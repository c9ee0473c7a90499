"""Bring the library index up to date with the note store, the articles' files and the analysis cache.

The store decides *which* articles there are (its documents: every article added to the
library or opened in the window), their titles and dates, the corrections and the notes.
The files and the cache decide what each article's analysis is. The index follows the
store through its change feed (:mod:`notes.feed`), as the search index does: it keeps the
cursor it is current with, and :func:`synchronise` applies ``changes_since(cursor)``:

- a document new to the index, changed in the store, or whose indexed analysis is of
  another Reader or model (after an update) is read from its file and looked up in the
  cache. Found, it is indexed; not found, it waits as it was (an older analysis keeps
  serving, marked outdated) for ``reader library add`` or ``update`` to analyse it:
  reading the index never runs the language model. A removed document leaves the index;
- corrections and notes are kept in the index as the feed gives them (for a note: its
  article, tags and the names it gives), so no change needs the whole store read again;
- the entities and quotations are derived again only when an article's analysis or the
  corrections changed; the notes are linked to actors again when they or the actors changed.

The changes are read and applied inside one write transaction of the index, so two
processes never apply the same changes twice or out of order (locks are taken in that
order only: the index's, then the store's, as the search index takes them).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from notes.feed import Changes
from notes.records import Annotation, Correction, DocumentRecord
from reader.errors import ReaderError
from reader.library.derive import Derived, derive, note_links, note_names, unique_names
from reader.library.folding import fold_name
from reader.library.index import IndexedArticle, IndexedNote, LibraryIndex

if TYPE_CHECKING:
    from notes.store import NoteStore
    from reader.analysis.cache import AnalysisCache


_T = TypeVar("_T")

Feed = Callable[[str | None], Changes]
"""The store's ``changes_since``, wherever the store lives."""


class StoreAccess(Protocol):
    """Runs a function with the note store and returns its result: where the store lives is the
    caller's business (the core runs it on its store lane; the command line opens the store)."""

    def __call__(self, work: Callable[[NoteStore], _T], /) -> _T: ...


def is_current(index: LibraryIndex, changes: Changes, generation: str) -> bool:
    """Whether the index needs nothing: no change in the store after its cursor (``changes``
    were asked from it), the analyses are of ``generation`` and the derived tables are whole."""
    return not changes and index.meta("generation") == generation and index.meta("derived") == "yes"


def cached_since(index: LibraryIndex, cache: AnalysisCache) -> set[str]:
    """The articles indexed without an analysis whose text is in the cache now: the window
    analyses an article it opens after the library may have followed the store's record of it,
    and the record need not change again."""
    rows = index.query("SELECT doc, stored_content FROM articles WHERE analysis IS NULL")
    return {doc for doc, stored in rows if stored and cache.has(stored)}


def synchronise(index: LibraryIndex, feed: Feed, generation: str, cache: AnalysisCache | None,
                asked: tuple[str | None, Changes] | None = None, waiting: Iterable[str] = ()) -> None:
    """Apply the store's changes since the index's cursor, reconcile the articles with the cache
    of ``generation``, derive what changed, and record the new cursor and generation.
    ``asked``: a cursor and the changes just read after it, used if the index is still there;
    ``waiting``: articles to reconcile with the cache though the store did not change them."""
    with index.writing() as db:
        cursor = index.meta("store")
        changes = asked[1] if asked is not None and asked[0] == cursor else feed(cursor)
        generation_changed = index.meta("generation") != generation
        indexed = index.articles()
        docs = {d.id: d for d in changes.documents()}
        gone = (indexed.keys() if changes.rebuild else indexed.keys() & set(changes.removed.get("documents", ()))
                ) - docs.keys()
        index.remove_articles(db, gone)
        changed = bool(gone)
        records = {doc: _record(d) for doc, d in docs.items()}
        if generation_changed:
            records = {**{doc: _bare(row) for doc, row in indexed.items() if doc not in gone}, **records}
        records = {**{doc: _bare(indexed[doc]) for doc in waiting if doc in indexed and doc not in gone}, **records}
        for record in records.values():
            changed |= _reconcile(index, db, record, indexed.get(record.doc), generation, cache)
        notes_changed = _apply_records(index, db, changes)
        digest = corrections_digest(index.corrections())
        if changed or index.meta("corrections") != digest or index.meta("derived") != "yes":
            write_derived(db, derive(index.articles(with_analysis=True).values(), index.corrections()))
            index.set_meta(db, "corrections", digest)
            index.set_meta(db, "derived", "yes")
            notes_changed = True
        if notes_changed:
            write_notes(db, index.notes())
        index.set_meta(db, "store", changes.cursor)
        index.set_meta(db, "generation", generation)


def _record(doc: DocumentRecord) -> IndexedArticle:
    """The store's record of a document, as a row without an analysis."""
    return IndexedArticle(doc.id, doc.path, doc.title, doc.date, doc.content_id)


def _bare(row: IndexedArticle) -> IndexedArticle:
    return IndexedArticle(row.doc, row.path, row.title, row.date, row.stored_content)


def _reconcile(index: LibraryIndex, db: sqlite3.Connection, record: IndexedArticle, row: IndexedArticle | None,
               generation: str, cache: AnalysisCache | None) -> bool:
    """Index ``record`` (the store's, without analysis) over ``row``; whether its analysis changed."""
    current = row is not None and row.generation == generation and row.content_id == record.stored_content
    if not current:
        fresh = read_cached(record, generation, cache)
        if fresh is not None or row is None:
            index.put_article(db, fresh or record)
            return True
    assert row is not None
    if (row.path, row.title, row.date, row.stored_content) != (record.path, record.title, record.date,
                                                               record.stored_content):
        index.set_record(db, record.doc, record.path, record.title, record.date, record.stored_content)
    return False


def _apply_records(index: LibraryIndex, db: sqlite3.Connection, changes: Changes) -> bool:
    """Take the changed corrections and notes into the index; whether the notes changed."""
    if changes.rebuild:
        db.execute("DELETE FROM corrections")
        db.execute("DELETE FROM notes")
    index.put_corrections(db, changes.corrections())
    index.remove_records(db, "corrections", changes.removed.get("corrections", ()))
    notes = changes.annotations()
    index.put_notes(db, [_note(a) for a in notes])
    removed = changes.removed.get("annotations", ())
    index.remove_records(db, "notes", removed)
    return changes.rebuild or bool(notes) or bool(removed)


def _note(annotation: Annotation) -> IndexedNote:
    return IndexedNote(annotation.id, annotation.document, tuple(dict.fromkeys(annotation.tags)),
                       tuple(fold_name(n) for n in note_names(annotation)))


def read_cached(doc: IndexedArticle, generation: str, cache: AnalysisCache | None) -> IndexedArticle | None:
    """The article ``doc`` (the store's record of it) as its file holds it now, with its analysis
    from the cache; ``None`` when the file cannot be read or its text was never analysed by this
    Reader and model."""
    from reader.document import load

    if cache is None:
        return None
    try:
        info = os.stat(doc.path)
        article = load(doc.path)
    except (OSError, ReaderError):
        return None
    analysis = cache.get(article.content_id)
    if analysis is None:
        return None
    texts = [article.text[q.start:q.end] for q in analysis.quotes]
    return IndexedArticle(doc.doc, doc.path, doc.title, doc.date, doc.stored_content, article.content_id, info.st_size,
                          info.st_mtime_ns, generation, json.dumps(analysis.to_json(), ensure_ascii=False),
                          json.dumps(texts, ensure_ascii=False))


def corrections_digest(corrections: Sequence[Correction]) -> str:
    """Changes whenever a correction is added, removed or edited."""
    blob = json.dumps([c.to_json() for c in corrections], sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(blob.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def write_derived(db: sqlite3.Connection, derived: Derived) -> None:
    """Replace the entities, appearances and quotations (and each article's counts)."""
    for table in ("actors", "appearances", "quotes", "actor_notes"):
        db.execute(f"DELETE FROM {table}")
    visible = [e for e in derived.entities if not e.hidden]
    db.executemany("INSERT INTO actors(id, name, kind, role, aliases, articles, mentions, quotes, folded) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [(e.id, e.name, e.kind, e.role, json.dumps(e.aliases, ensure_ascii=False), e.articles, e.mentions,
                     e.quotes, "\n".join(fold_name(n) for n in (e.name, *e.aliases))) for e in visible])
    db.executemany("INSERT INTO appearances(actor, doc, local, names, mentions, quotes) VALUES (?, ?, ?, ?, ?, ?)",
                   [(None if e.hidden else e.id, m.doc, m.local, "\n".join(fold_name(n) for n in (m.name, *m.aliases)),
                     m.mentions, m.quotes) for e in derived.entities for m in e.members])
    db.executemany("INSERT INTO quotes(doc, span_start, span_end, text, actor) VALUES (?, ?, ?, ?, ?)",
                   [(q.doc, q.start, q.end, q.text, q.actor) for q in derived.quotes])
    db.execute("INSERT INTO quote_words(quote_words) VALUES ('rebuild')")
    db.execute("UPDATE articles SET actors = 0, quotes = 0")
    db.executemany("UPDATE articles SET actors = ?, quotes = ? WHERE doc = ?",
                   [(a, q, doc) for doc, (a, q) in derived.counts.items()])


def write_notes(db: sqlite3.Connection, notes: Sequence[IndexedNote]) -> None:
    """Count the notes of each article (with their tags, most used first) and of each actor they
    name (in the note's article, else by a name only one actor has)."""
    local: dict[str, dict[str, str]] = {}
    for actor, doc, names in db.execute("SELECT actor, doc, names FROM appearances WHERE actor IS NOT NULL"):
        mine = local.setdefault(doc, {})
        for name in names.split("\n"):
            mine[name] = actor
    everywhere = unique_names((actor, folded.split("\n"))
                              for actor, folded in db.execute("SELECT id, folded FROM actors"))
    db.execute("DELETE FROM actor_notes")
    db.executemany("INSERT INTO actor_notes(actor, annotation) VALUES (?, ?)",
                   sorted(note_links(notes, local, everywhere)))
    db.execute("UPDATE actors SET notes = (SELECT count(*) FROM actor_notes WHERE actor_notes.actor = actors.id)")
    tags: dict[str, Counter[str]] = {}
    for note in notes:
        tags.setdefault(note.doc, Counter()).update(note.tags)
    db.execute("UPDATE articles SET notes = 0, tags = '[]'")
    db.executemany("UPDATE articles SET notes = ?, tags = ? WHERE doc = ?",
                   [(n, json.dumps(sorted(tags[doc], key=lambda t: (-tags[doc][t], t.casefold())), ensure_ascii=False),
                     doc) for doc, n in Counter(note.doc for note in notes).items()])
