"""Bring the library index up to date with the note store, the articles' files and the analysis cache.

The store decides *which* articles there are (its documents: every article added to the
library or opened in the window), their titles and dates, the corrections and the notes.
The files and the cache decide what each article's analysis is. :func:`synchronise`
reconciles the index with all three, cheaply when little changed:

- an article whose indexed analysis is of this Reader and model and of the text the store
  knows is kept as it is;
- one that is new to the index, whose text the store now knows differently, or whose
  analysis is of another Reader or model (after an update) is read from its file and
  looked up in the cache. Found, it is indexed; not found, it waits as it was (an older
  analysis keeps serving, marked outdated) for ``reader library add`` or ``update`` to
  analyse it: reading the index never runs the language model;
- the entities and quotations are derived again only when an article's analysis or the
  corrections changed; the notes are counted again on every change of the store.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from notes.records import Annotation, Correction, DocumentRecord
from reader.errors import ReaderError
from reader.library.derive import Derived, derive, note_links, unique_names
from reader.library.folding import fold_name
from reader.library.index import IndexedArticle, LibraryIndex

if TYPE_CHECKING:
    from notes.store import NoteStore
    from reader.analysis.cache import AnalysisCache


_T = TypeVar("_T")


class StoreAccess(Protocol):
    """Runs a function with the note store and returns its result: where the store lives is the
    caller's business (the core runs it on its store lane; the command line opens the store)."""

    def __call__(self, work: Callable[[NoteStore], _T], /) -> _T: ...


@dataclass(frozen=True, slots=True)
class StoreView:
    """What the index needs of the note store, read in one consistent snapshot."""

    documents: list[DocumentRecord]
    corrections: list[Correction]
    annotations: list[Annotation]


def read_store(store: NoteStore) -> StoreView:
    """Every document, correction and note, as of one moment (the store's change feed from no cursor)."""
    everything = store.changes_since(None)
    return StoreView(everything.documents(), sorted(everything.corrections(), key=lambda c: c.created),
                     everything.annotations())


def synchronise(index: LibraryIndex, view: StoreView, cursor: str, generation: str,
                cache: AnalysisCache | None) -> None:
    """Reconcile the index with ``view`` (taken when the store was at ``cursor``) and the cache
    of ``generation``; then record both, so that the next reader finds it current."""
    with index.writing() as db:
        generation_changed = index.meta("generation") != generation
        indexed = index.articles()
        docs = {d.id: d for d in view.documents}
        changed = bool(indexed.keys() - docs.keys())
        index.remove_articles(db, indexed.keys() - docs.keys())
        for doc in docs.values():
            row = indexed.get(doc.id)
            current = row is not None and row.generation == generation and row.content_id == doc.content_id
            if row is None or (not current and (generation_changed or row.stored_content != doc.content_id)):
                fresh = read_cached(doc, generation, cache)
                if fresh is not None or row is None:
                    index.put_article(db, fresh or IndexedArticle(doc.id, doc.path, doc.title, doc.date,
                                                                  doc.content_id))
                    changed = True
                    continue
            assert row is not None
            if (row.path, row.title, row.date, row.stored_content) != (doc.path, doc.title, doc.date,
                                                                       doc.content_id):
                index.set_record(db, doc.id, doc.path, doc.title, doc.date, doc.content_id)
        digest = corrections_digest(view.corrections)
        if changed or index.meta("corrections") != digest or index.meta("derived") != "yes":
            write_derived(db, derive(index.articles(with_analysis=True).values(), view.corrections))
            index.set_meta(db, "corrections", digest)
            index.set_meta(db, "derived", "yes")
        write_notes(db, view.annotations)
        index.set_meta(db, "store", cursor)
        index.set_meta(db, "generation", generation)


def read_cached(doc: DocumentRecord, generation: str, cache: AnalysisCache | None) -> IndexedArticle | None:
    """The article as its file holds it now, with its analysis from the cache; ``None`` when the
    file cannot be read or its text was never analysed by this Reader and model."""
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
    return IndexedArticle(doc.id, doc.path, doc.title, doc.date, doc.content_id, article.content_id, info.st_size,
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


def write_notes(db: sqlite3.Connection, annotations: Iterable[Annotation]) -> None:
    """Count the notes of each article (with their tags, most used first) and of each actor they
    name (in the note's article, else by a name only one actor has)."""
    notes = list(annotations)
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
        tags.setdefault(note.document, Counter()).update(set(note.tags))
    db.execute("UPDATE articles SET notes = 0, tags = '[]'")
    db.executemany("UPDATE articles SET notes = ?, tags = ? WHERE doc = ?",
                   [(n, json.dumps(sorted(tags[doc], key=lambda t: (-tags[doc][t], t.casefold())), ensure_ascii=False),
                     doc) for doc, n in Counter(a.document for a in notes).items()])
