"""A search's results: the note, its article and the words to mark, ready to show.

Apart from the engine (:mod:`notes.search`) because every layer above it shows hits (the window's
results list, ``reader notes search``), and because what a query marks in a hit is worked out once
per query, not per note (:class:`Marks`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

from notes.query import Query
from notes.records import Annotation, DocumentRecord
from notes.search_keys import FIELDS, terms_of


@dataclass(slots=True)
class Hit:
    """One search result.

    Attributes:
        annotation: the note that matched; document: its article (``None`` if not in the store).
        score: BM25F relevance; 0.0 for a query of filters only (ordered newest first).
        snippet: plain text of the note (or the passage when the words matched there), white space collapsed, cut
            with "…" when long; marks: its ``[start, end)`` spans of each matched word, and of each quoted phrase
            where its words stand in order.
        matched: the fields (of :data:`notes.search_keys.FIELDS`) the words or filters were found in, so a result
            can say it was found through the article's title.
    """

    annotation: Annotation
    document: DocumentRecord | None
    score: float
    snippet: str
    marks: list[tuple[int, int]] = field(default_factory=list)
    matched: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The result as ``reader notes search --json`` prints it, each mark between guillemets: ``«treaty»``."""
        snippet, a = self.snippet, self.annotation
        for start, end in reversed(self.marks):
            snippet = f"{snippet[:start]}«{snippet[start:end]}»{snippet[end:]}"
        return {"id": a.id, "document": a.document, "exact": a.selector.exact, "note": a.note, "tags": list(a.tags),
                "score": round(self.score, 4), "snippet": snippet, "matched": list(self.matched)}


class Marks:
    """What a query marks in its hits, worked out once for them all: the terms (``singles``) and ``phrases`` a snippet
    marks, and how to tell the fields a hit was found through (:meth:`matched`)."""

    def __init__(self, query: Query, expanded: set[str]) -> None:
        terms = [tuple(terms_of(text)) for text in query.terms]
        self.phrases = [p for p in terms if len(p) > 1]
        self.singles = {p[0] for p in terms if len(p) == 1} | expanded
        marked = [f" {key} " for key in self.singles] + [f" {' '.join(p)} " for p in self.phrases]  # as in a field
        self._found = re.compile("|".join(map(re.escape, marked))).search if marked else None  # any of them, in C
        self._names = [f" {' '.join(terms_of(name))} " for name in query.actors]
        self._filtered = {name for name, wanted in (("tags", query.tags), ("title", query.titles)) if wanted}

    def matched(self, fields: Sequence[str]) -> tuple[str, ...]:
        """The names (of :data:`FIELDS`, in its order) of the fields a note's ``fields`` texts were found through."""
        found = set(self._filtered)
        if self._found is not None:
            found.update(compress(FIELDS, map(self._found, fields)))  # no generator: a third of the time, per hit
        if self._names:
            found.update(FIELDS[i] for name in self._names for i in (3, 5) if name in fields[i])
        return tuple(filter(found.__contains__, FIELDS))
