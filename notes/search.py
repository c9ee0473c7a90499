"""Search across every note: an in-memory inverted index, ranked by BM25F, with snippets.

The store keeps the index current with ``put``/``remove``/``put_document`` as notes change,
so a query touches only the postings of its words and the sets of its filters, never every
note. The query language is described in :mod:`notes.query`.

Each note is indexed in four fields of its own (note, highlighted passage, tags, actor
names) and two of its article (title, the article's actors); the article's fields are
indexed once per article, so renaming an article does not touch its notes. Scores are
BM25F: a word counts more in the note and the passage than in the title.

The query code (:class:`Searchable`) is shared with :mod:`notes.search_stored`, which keeps
the same index in a file beside the store for one-shot ``reader notes search`` processes.

Not thread-safe: call it from one thread, or guard it with a lock.
"""

from __future__ import annotations

import abc
import bisect
import heapq
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, Protocol

from notes.markdown_plain import plain_text
from notes.query import Query, parse_query
from notes.records import Annotation, DocumentRecord
from notes.search_keys import color_key, local_day, tag_key, tag_keys, timestamp, title_of
from notes.snippets import cut_snippet
from notes.textfold import fold, forms, term, word_list, words

# Fields of a note, then of its article; the order of the tf tuples in the postings.
NOTE, EXACT, TAGS, ACTORS = range(4)
TITLE, CAST = range(2)
NOTE_WEIGHTS = (2.0, 2.0, 1.5, 1.0)
"""Weights of note, passage, tags and actor names of the note."""
DOC_WEIGHTS = (1.0, 0.5)
"""Weights of the article's title and of its actors (shared by all its notes)."""
K1 = 1.2
B = 0.75

PREFIX_TERMS = 10
"""A word typed in part (``negotiat*``) stands for at most this many of the commonest
terms that begin so: enough for search as you type, few enough to stay fast."""

_GAP = "|"
"""Placed between tags or names in a field so a phrase cannot run from one into the next;
never a term, as terms are made of letters and digits."""


@dataclass(slots=True)
class Hit:
    """One search result.

    Attributes:
        annotation: the note that matched.
        document: its article, or ``None`` when the index has no record of it.
        score: BM25F relevance; 0.0 for a query of filters only (ordered newest first).
        snippet: plain text from the note (or the passage when the words matched there),
            whitespace collapsed, cut with "…" when long.
        marks: ``[start, end)`` spans of the matched words inside ``snippet``.
    """

    annotation: Annotation
    document: DocumentRecord | None
    score: float
    snippet: str
    marks: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The result as ``reader notes search --json`` prints it.

        The snippet is plain text with each matched word between guillemets: ``«treaty»``.
        """
        snippet = self.snippet
        for start, end in reversed(self.marks):
            snippet = f"{snippet[:start]}«{snippet[start:end]}»{snippet[end:]}"
        return {
            "id": self.annotation.id,
            "document": self.annotation.document,
            "exact": self.annotation.selector.exact,
            "note": self.annotation.note,
            "tags": list(self.annotation.tags),
            "score": round(self.score, 4),
            "snippet": snippet,
        }


class NoteEntry(Protocol):
    """What the query code reads of a note: :class:`_Entry` in memory, or one read from a file."""

    @property
    def id(self) -> str: ...
    @property
    def document(self) -> str: ...
    @property
    def annotation(self) -> Annotation: ...
    @property
    def fields(self) -> tuple[str, ...]: ...
    @property
    def lengths(self) -> tuple[int, ...]: ...


@dataclass(slots=True)
class _Entry:
    """What the index keeps of one note."""

    annotation: Annotation
    fields: tuple[str, ...]
    """Each field's terms joined by spaces, with a space at each end: " quiet diplomaci "."""
    lengths: tuple[int, ...]
    tags: frozenset[str]
    color: str
    day: int
    recency: float

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def document(self) -> str:
        return self.annotation.document


@dataclass(slots=True)
class DocEntry:
    """What the index keeps of one article."""

    record: DocumentRecord
    fields: tuple[str, ...]
    lengths: tuple[int, ...]
    title: str


class Searchable(abc.ABC):
    """The query side of an index: what :meth:`search` reads, whoever keeps it.

    :class:`SearchIndex` keeps it in memory; :class:`notes.search_stored.StoredIndex` reads
    it from a file beside the store. Both answer through this code, so they answer alike.
    """

    # term -> slot -> term frequency per note field
    _postings: Mapping[str, Mapping[int, tuple[int, ...]]]
    # term -> document id -> term frequency per article field
    _doc_postings: Mapping[str, Mapping[str, tuple[int, ...]]]
    _entries: Mapping[int, NoteEntry]
    _docs: Mapping[str, DocEntry]
    _doc_slots: Mapping[str, AbstractSet[int]]
    _tags: Mapping[str, AbstractSet[int]]
    _colors: Mapping[str, AbstractSet[int]]
    _days: Mapping[int, AbstractSet[int]]
    _recency: Mapping[int, float]
    # Sums of field lengths, for BM25's averages, and at least the longest field lengths.
    _lengths: Sequence[int]
    _doc_lengths: Sequence[int]
    _longest: Sequence[int]
    _doc_longest: Sequence[int]

    def __len__(self) -> int:
        return len(self._entries)

    @abc.abstractmethod
    def _prefix_terms(self, start: str) -> set[str]:
        """The terms of the indexed words (folded) that begin with ``start``."""

    def _posting_count(self, key: str) -> int:
        """How many notes hold a term in a field of their own (prefixes prefer common terms)."""
        return len(self._postings.get(key, ()))

    # -- searching ----------------------------------------------------------------------

    def search(self, query: str, limit: int | None = 50) -> list[Hit]:
        """The notes matching ``query``, best first; at most ``limit`` of them (all if None).

        Plain words must all occur (stemmed, folded) in the note, its passage, tags, actor
        names, or its article's title or actors. Ties, and queries of filters only, are
        ordered by recency (``updated``, newest first). A query with errors (see
        :func:`notes.query.parse_query`) matches nothing.
        """
        parsed = parse_query(query)
        if parsed.errors or limit is not None and limit <= 0:
            return []
        candidates, term_slots, check = self._match(parsed)
        keys = set(term_slots)
        if keys:
            rank = self._scores(candidates, {key: len(s) for key, s in term_slots.items()})
        else:
            rank = self._recency
        best = self._best(candidates, rank, limit, check)
        return [self._hit(slot, rank[slot] if keys else 0.0, keys) for slot in best]

    def _match(self, query: Query) -> tuple[AbstractSet[int], dict[str, set[int]], Callable[[int], bool] | None]:
        """The notes that may match, the notes holding each term, and the check that the
        candidates must still pass (word order, names), if any."""
        phrases = [t for t in (terms_of(text) for text in query.terms) if t]
        term_slots = {key: self._term_slots(key) for phrase in phrases for key in phrase}
        sets = list(term_slots.values())
        for prefix in query.prefixes:
            expansion = {key: term_slots.get(key) or self._term_slots(key) for key in self._expand(prefix)}
            sets.append(set().union(*expansion.values()))
            term_slots.update(expansion)
        candidates = self._candidates(query, sets)
        ordered = [f" {' '.join(p)} " for p in phrases if len(p) > 1]
        names = [f" {' '.join(terms_of(name))} " for name in query.actors]
        check = (lambda slot: self._passes(slot, ordered, names)) if ordered or names else None
        for unwanted in query.excluded:
            if not (unwanted.has_filters or unwanted.prefixes or any(terms_of(t) for t in unwanted.terms)):
                continue  # "-!!!" names nothing to leave out
            found, _, must = self._match(unwanted)
            candidates = candidates - {slot for slot in found if must is None or must(slot)}
        return candidates, term_slots, check

    def _best(self, candidates: AbstractSet[int], rank: Mapping[int, float], limit: int | None,
              check: Callable[[int], bool] | None) -> list[int]:
        """The ``limit`` best candidates that pass ``check``, running it on as few as it can.

        Word order and names cost more to check than the ranking, so the candidates
        are checked best first until ``limit`` pass (and any tied with the last of them).
        Ties are ordered by recency, then id, so results are stable.
        """
        entries, recency = self._entries, self._recency
        if limit is None or len(candidates) <= limit:
            chosen = [slot for slot in candidates if check is None or check(slot)]
        elif check is None:
            # Everything ranked at least as well as the limit-th best, ties included.
            threshold = heapq.nlargest(limit, map(rank.__getitem__, candidates))[-1]
            chosen = [slot for slot in candidates if rank[slot] >= threshold]
        else:
            chosen = []
            for slot in sorted(candidates, key=rank.__getitem__, reverse=True):
                if len(chosen) >= limit and rank[slot] < rank[chosen[-1]]:
                    break
                if check(slot):
                    chosen.append(slot)
        chosen.sort(key=lambda slot: (rank[slot], recency[slot], entries[slot].id), reverse=True)
        return chosen[:limit]

    def _expand(self, prefix: str) -> list[str]:
        """The commonest terms of words that begin with ``prefix`` (see PREFIX_TERMS)."""
        keys = self._prefix_terms(fold(prefix))
        return heapq.nlargest(PREFIX_TERMS, keys, key=lambda key: (self._posting_count(key), key))

    def _term_slots(self, key: str) -> set[int]:
        """Notes with the term in a field of their own or of their article."""
        slots = set(self._postings.get(key, ()))
        for doc_id in self._doc_postings.get(key, ()):
            slots |= self._doc_slots.get(doc_id, set())
        return slots

    def _candidates(self, query: Query, sets: list[set[int]]) -> AbstractSet[int]:
        """The notes that every word and every set-backed filter allows."""
        sets = list(sets)
        for tag in query.tags:
            sets.append(self._tags.get(tag_key(tag), set()))
        if query.colors:
            sets.append(set().union(*(self._colors.get(color_key(c), set()) for c in query.colors)))
        for title in query.titles:
            wanted = fold(title).strip()
            docs = [doc_id for doc_id, doc in self._docs.items() if wanted in doc.title]
            sets.append(set().union(*(self._doc_slots.get(doc_id, set()) for doc_id in docs)))
        for name in query.actors:
            # Notes with every word of the name somewhere; _passes checks it is one name.
            name_terms = terms_of(name)
            sets.extend(self._term_slots(key) for key in name_terms)
            if not name_terms:
                sets.append(set())
        if query.before or query.after:
            # A scan of the days that have notes, a few hundred, not of the notes.
            low = query.after.toordinal() + 1 if query.after else -math.inf
            high = query.before.toordinal() - 1 if query.before else math.inf
            sets.append(set().union(*(s for day, s in self._days.items() if low <= day <= high)))
        if not sets:
            return self._entries.keys()
        sets.sort(key=len)
        result = sets[0]  # never changed in place: it may be one of the index's own sets
        for other in sets[1:]:
            if not result:
                break
            result = result & other
        return result

    def _passes(self, slot: int, phrases: list[str], actors: list[str]) -> bool:
        """The checks the sets cannot make: words in order, words of one name.

        ``phrases`` and ``actors`` are terms joined as in a field's text, to look for.
        """
        entry = self._entries[slot]
        doc = self._docs.get(entry.document)
        fields = entry.fields + doc.fields if doc else entry.fields
        if any(not any(phrase in f for f in fields) for phrase in phrases):
            return False
        names = (entry.fields[ACTORS], doc.fields[CAST]) if doc else (entry.fields[ACTORS],)
        return all(any(name in f for f in names) for name in actors)

    def _scores(self, slots: Iterable[int], frequencies: dict[str, int]) -> dict[int, float]:
        """BM25F of each note for the query's terms; ``frequencies`` counts notes per term."""
        total = max(len(self._entries), 1)
        t0, t1, t2, t3 = _norm_tables(NOTE_WEIGHTS, self._lengths, total, self._longest)
        d0, d1 = _norm_tables(DOC_WEIGHTS, self._doc_lengths, max(len(self._docs), 1), self._doc_longest)
        terms = []
        for key, n in frequencies.items():
            # An article's part of the term frequency is the same for all its notes.
            by_doc: dict[str, float] = {}
            for doc_id, counts in self._doc_postings.get(key, {}).items():
                lengths = self._docs[doc_id].lengths
                by_doc[doc_id] = counts[0] * d0[lengths[0]] + counts[1] * d1[lengths[1]]
            terms.append((math.log(1 + (total - n + 0.5) / (n + 0.5)), self._postings.get(key, {}), by_doc))
        entries = self._entries
        scores: dict[int, float] = {}
        # Unrolled over the four note fields: this loop is the cost of a query that matches
        # most notes.
        for slot in slots:
            entry = entries[slot]
            l0, l1, l2, l3 = entry.lengths
            doc_id = entry.document
            score = 0.0
            for idf, notes, by_doc in terms:
                tfs = notes.get(slot)
                tf = by_doc.get(doc_id, 0.0) if by_doc else 0.0
                if tfs is not None:
                    tf += tfs[0] * t0[l0] + tfs[1] * t1[l1] + tfs[2] * t2[l2] + tfs[3] * t3[l3]
                elif not tf:
                    continue
                score += idf * tf * (K1 + 1) / (K1 + tf)
            scores[slot] = score
        return scores

    def _hit(self, slot: int, score: float, keys: set[str]) -> Hit:
        entry = self._entries[slot]
        annotation = entry.annotation
        doc = self._docs.get(annotation.document)
        note = " ".join(plain_text(annotation.note).split())
        exact = " ".join(annotation.selector.exact.split())
        source = next((text for text in (note, exact) if keys and any(term(m.group()) in keys for m in words(text))),
                      note or exact)
        snippet, marks = cut_snippet(source, keys)
        return Hit(annotation, doc.record if doc else None, score, snippet, marks)


class SearchIndex(Searchable):
    """Every note and article, indexed in memory for :meth:`search`; empty until filled."""

    def __init__(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self._slots: dict[str, int] = {}
        self._entries: dict[int, _Entry] = {}
        self._next_slot = 0
        # term -> slot -> term frequency per note field (tuples shared through _tf_pool)
        self._postings: dict[str, dict[int, tuple[int, ...]]] = {}
        # term -> document id -> term frequency per article field
        self._doc_postings: dict[str, dict[str, tuple[int, ...]]] = {}
        self._docs: dict[str, DocEntry] = {}
        self._doc_slots: dict[str, set[int]] = {}
        self._tags: dict[str, set[int]] = {}
        self._colors: dict[str, set[int]] = {}
        self._days: dict[int, set[int]] = {}
        self._recency: dict[int, float] = {}
        # Sums of field lengths, for BM25's averages, and the longest field lengths seen.
        self._lengths = [0] * len(NOTE_WEIGHTS)
        self._doc_lengths = [0] * len(DOC_WEIGHTS)
        self._longest = [0] * len(NOTE_WEIGHTS)
        self._doc_longest = [0] * len(DOC_WEIGHTS)
        self._tf_pool: dict[tuple[int, ...], tuple[int, ...]] = {}
        # Folded words as written -> their term, for prefixes. Words are never taken out
        # (a word no note holds any more just finds nothing). Words as written wait in
        # _new_words until the next prefix query folds them in and sorts the vocabulary.
        self._vocabulary: dict[str, str] = {}
        self._sorted_words: list[str] = []
        self._new_words: set[str] = set()

    # -- keeping the index current ------------------------------------------------------

    def rebuild(self, annotations: Iterable[Annotation], documents: Iterable[DocumentRecord]) -> None:
        """Forget everything and index these notes and articles."""
        self._clear()
        for doc in documents:
            self.put_document(doc)
        for annotation in annotations:
            self.put(annotation)

    def put(self, annotation: Annotation) -> None:
        """Index a new note, or re-index one whose id is already here."""
        self.remove(annotation.id)
        slot = self._next_slot
        self._next_slot += 1
        entry, frequencies, found = note_entry(annotation)
        self._new_words.update(found)
        self._slots[annotation.id] = slot
        self._entries[slot] = entry
        postings, pool = self._postings, self._tf_pool
        for key, tfs in frequencies.items():
            notes = postings.get(key)
            if notes is None:
                notes = postings[key] = {}
            notes[slot] = pool.setdefault(tfs, tfs)
        for i, length in enumerate(entry.lengths):
            self._lengths[i] += length
            self._longest[i] = max(self._longest[i], length)
        self._recency[slot] = entry.recency
        self._doc_slots.setdefault(annotation.document, set()).add(slot)
        for key in entry.tags:
            self._tags.setdefault(key, set()).add(slot)
        self._colors.setdefault(entry.color, set()).add(slot)
        self._days.setdefault(entry.day, set()).add(slot)

    def remove(self, annotation_id: str) -> None:
        """Forget a note; an id the index does not hold is ignored."""
        slot = self._slots.pop(annotation_id, None)
        if slot is None:
            return
        entry = self._entries.pop(slot)
        for key in _field_terms(entry.fields):
            _discard(self._postings, key, slot)
        for i, length in enumerate(entry.lengths):
            self._lengths[i] -= length
        del self._recency[slot]
        _discard(self._doc_slots, entry.annotation.document, slot)
        for key in entry.tags:
            _discard(self._tags, key, slot)
        _discard(self._colors, entry.color, slot)
        _discard(self._days, entry.day, slot)

    def put_document(self, doc: DocumentRecord) -> None:
        """Index an article's title and actors, replacing what was known of it."""
        old = self._docs.pop(doc.id, None)
        if old is not None:
            for key in _field_terms(old.fields):
                _discard(self._doc_postings, key, doc.id)
            for i, length in enumerate(old.lengths):
                self._doc_lengths[i] -= length
        entry, frequencies, found = doc_entry(doc)
        self._new_words.update(found)
        self._docs[doc.id] = entry
        for key, tfs in frequencies.items():
            self._doc_postings.setdefault(key, {})[doc.id] = self._tf_pool.setdefault(tfs, tfs)
        for i, length in enumerate(entry.lengths):
            self._doc_lengths[i] += length
            self._doc_longest[i] = max(self._doc_longest[i], length)

    def _prefix_terms(self, start: str) -> set[str]:
        if self._new_words:
            known = len(self._vocabulary)
            for raw in self._new_words:
                folded, key = forms(raw)
                self._vocabulary[folded] = key
            self._new_words.clear()
            if len(self._vocabulary) != known or not self._sorted_words:
                self._sorted_words = sorted(self._vocabulary)
        keys = set()
        for word in self._sorted_words[bisect.bisect_left(self._sorted_words, start):]:
            if not word.startswith(start):
                break
            keys.add(self._vocabulary[word])
        return keys



def note_entry(annotation: Annotation) -> tuple[_Entry, dict[str, tuple[int, ...]], list[str]]:
    """What an index keeps of a note: its entry, each term's count per field, and its words
    as written (for prefix searches)."""
    found: list[str] = []
    fields = (
        _terms_noting(found, plain_text(annotation.note)),
        _terms_noting(found, annotation.selector.exact, *filter(None, [annotation.original])),  # now, and as made
        _terms_noting(found, *annotation.tags),
        _terms_noting(found, *_note_actors(annotation)),
    )
    entry = _Entry(
        annotation=annotation,
        fields=tuple(f" {' '.join(f)} " for f in fields),
        lengths=tuple(len(f) - f.count(_GAP) for f in fields),
        tags=frozenset(key for tag in annotation.tags for key in tag_keys(tag)),
        color=color_key(annotation.color),
        day=local_day(annotation.created),
        recency=timestamp(annotation.updated),
    )
    return entry, _frequencies(fields), found


def doc_entry(doc: DocumentRecord) -> tuple[DocEntry, dict[str, tuple[int, ...]], list[str]]:
    """What an index keeps of an article, as :func:`note_entry` for a note."""
    found: list[str] = []
    fields = (_terms_noting(found, doc.title), _terms_noting(found, *doc.actors))
    lengths = tuple(len(f) - f.count(_GAP) for f in fields)
    entry = DocEntry(doc, tuple(f" {' '.join(f)} " for f in fields), lengths, fold(title_of(doc)))
    return entry, _frequencies(fields), found


def _terms_noting(found: list[str], *texts: str) -> list[str]:
    """:func:`terms_of`, adding the words as written to ``found``."""
    result: list[str] = []
    for i, text in enumerate(texts):
        if i:
            result.append(_GAP)
        words_here = word_list(text)
        found.extend(words_here)
        result.extend(map(term, words_here))
    return result


def terms_of(*texts: str) -> list[str]:
    """The index terms of one or more texts, with a gap between texts."""
    result: list[str] = []
    for i, text in enumerate(texts):
        if i:
            result.append(_GAP)
        result.extend(map(term, word_list(text)))
    return result


def _frequencies(fields: Sequence[list[str]]) -> dict[str, tuple[int, ...]]:
    """Each term's count in each field."""
    counts: dict[str, list[int]] = {}
    width = len(fields)
    for i, terms in enumerate(fields):
        for key in terms:
            row = counts.get(key)
            if row is None:
                row = counts[key] = [0] * width
            row[i] += 1
    counts.pop(_GAP, None)
    return {key: tuple(row) for key, row in counts.items()}


def _norm_tables(weights: Sequence[float], sums: Sequence[int], count: int,
                 longest: Sequence[int]) -> list[list[float]]:
    """For each field, a field weight divided by BM25's length norm, by field length."""
    tables = []
    for weight, total, top in zip(weights, sums, longest):
        average = max(total / count, 1.0)
        tables.append([weight / (1 - B + B * n / average) for n in range(top + 1)])
    return tables


def _field_terms(fields: Iterable[str]) -> set[str]:
    """The terms of field texts, as put made them."""
    return {key for text in fields for key in text.split()} - {_GAP}


def _discard(index: dict[Any, Any], key: Any, member: Any) -> None:
    """Take ``member`` out of ``index[key]`` and drop the key once nothing is left."""
    members = index.get(key)
    if members is None:
        return
    if isinstance(members, dict):
        members.pop(member, None)
    else:
        members.discard(member)
    if not members:
        del index[key]


def _note_actors(annotation: Annotation) -> list[str]:
    names = list(annotation.actors)
    target = annotation.target or {}
    names.extend(str(target[k]) for k in ("actor", "speaker") if target.get(k))
    return names
