"""The reader's two calls into the note search index, kept in one place.

Issue 16 gives ``notes/`` one persistent search engine fed by a change feed of the store,
and takes the article's actor names (derived from the analysis) out of the user's
records into that index. Until that lands, these adapters use today's API, each marked
INTERIM with what replaces it; nothing else in ``reader/`` touches either path.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notes.search import Hit
    from notes.store import NoteStore


def set_article_actors(store: NoteStore, doc_id: str, names: list[str]) -> None:
    """Let ``actor:"Name"`` searches find the notes of an article that mentions Name.

    INTERIM: becomes ``store.set_article_actors(doc_id, names)``, which updates the
    derived index only. Today the names live in ``DocumentRecord.actors``; they are
    written only when they changed, so reopening an article costs no second commit.
    """
    record = store.document(doc_id)
    if record is None or record.actors == names:
        return
    store.put_document(dataclasses.replace(record, actors=list(names)))


def search_notes(store: NoteStore, query: str, limit: int | None) -> list[Hit]:
    """Ranked notes for ``query`` (the query language of :mod:`notes.query`).

    INTERIM: becomes ``store.search(query, limit)`` on the one persistent engine. Today a
    long-lived writer (the window) searches the store's in-memory index, and a one-shot
    reader (the command line) the search file kept beside the store, which needs no build.
    """
    if store.read_only:
        from notes import search_cache

        return search_cache.search(store, query, limit)
    return store.search(query, limit)
