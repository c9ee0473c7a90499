"""The articles the reader has opened or annotated, with their note counts, and the tags in use.

The tags with their note counts are what the Library page lists beside its table and what
the tag completer offers; plain Python, computed where the store is. (The articles
themselves, with their actors, quotes and status, come from the library:
:meth:`reader.library.Library.articles`.)
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from notes.records import Annotation, DocumentRecord


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """One article: its record, how many notes it has, and whether its file is still there."""

    document: DocumentRecord
    notes: int
    exists: bool


@dataclass(slots=True)
class ArticlesOverview:
    """Articles, most recently opened first, and tags with how many notes carry each."""

    entries: list[ArticleEntry] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)


def overview(documents: Iterable[DocumentRecord], annotations: Iterable[Annotation]) -> ArticlesOverview:
    notes: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    for annotation in annotations:
        notes[annotation.document] += 1
        tags.update(set(annotation.tags))
    entries = [ArticleEntry(doc, notes[doc.id], os.path.exists(doc.path))
               for doc in sorted(documents, key=lambda d: d.last_opened, reverse=True)]
    return ArticlesOverview(entries, sorted(tags.items(), key=lambda item: (-item[1], item[0].casefold())))
