"""Search across every note: one engine for the window and the command line, ranked by BM25F.

:class:`SearchIndex` answers from :mod:`notes.search_file`'s index, caught up with the
store's change feed before each query, so a fresh process answers at once and every
process sees every other's notes. A query reads the postings of its own words, the rows
of the notes it checks or shows, and per-note columns loaded once per version of the
file; it never walks every note unless it asks for them all. The query language is
described in :mod:`notes.query`.

Scores are BM25F over the fields of :mod:`notes.search_keys`: a word counts more in the
note and the passage than in the tags or the article's title. Ties, and queries of
filters only, go newest first (``updated``), then by id, so results are stable.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
import logging
import math
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from notes.feed import Changes
from notes.markdown_plain import plain_text
from notes.query import Query, parse_query
from notes.records import Annotation, DocumentRecord
from notes.search_file import DAMAGE, INTS, TAG, WIDTH, Columns, IndexFile, connect, read_postings
from notes.search_keys import DOC_WEIGHTS, FIELDS, NOTE_WEIGHTS, color_key, tag_key, terms_of
from notes.snippets import cut_snippet
from notes.store_format import loads
from notes.textfold import fold

K1 = 1.2
B = 0.75
PREFIX_TERMS = 10
"""A word typed in part (``negotiat*``) stands for at most this many of the commonest
terms that begin so: enough for search as you type, few enough to stay fast."""
CACHED_SLOTS = 300_000
"""Decoded postings entries kept per version of the file, for words searched again and again
(as the user types); a few tens of megabytes at most."""
SEARCH_WAIT = 30.0
"""Seconds a search waits for another process writing the index (a rebuild takes seconds)."""
CLOSE_WAIT = 0.1
"""Seconds a closing writer waits: never hold up an exit for the index; the next search catches up."""
_log = logging.getLogger(__name__)


@dataclass(slots=True)
class Hit:
    """One search result.

    Attributes:
        annotation: the note that matched.
        document: its article, or ``None`` when the store has no record of it.
        score: BM25F relevance; 0.0 for a query of filters only (ordered newest first).
        snippet: plain text from the note (or the passage when the words matched there),
            whitespace collapsed, cut with "…" when long.
        marks: ``[start, end)`` spans inside ``snippet`` of each matched word, and of each
            quoted phrase where its words occur in order.
        matched: the fields the query's words or filters were found in, of
            :data:`notes.search_keys.FIELDS` ("note", "passage", "tags", "actors", "title",
            "article actors"), so a result can say it was found through the article's title.
    """

    annotation: Annotation
    document: DocumentRecord | None
    score: float
    snippet: str
    marks: list[tuple[int, int]] = field(default_factory=list)
    matched: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The result as ``reader notes search --json`` prints it.

        The snippet is plain text with each mark between guillemets: ``«treaty»``.
        """
        snippet = self.snippet
        for start, end in reversed(self.marks):
            snippet = f"{snippet[:start]}«{snippet[start:end]}»{snippet[end:]}"
        return {"id": self.annotation.id, "document": self.annotation.document, "exact": self.annotation.selector.exact,
                "note": self.annotation.note, "tags": list(self.annotation.tags), "score": round(self.score, 4),
                "snippet": snippet, "matched": list(self.matched)}


class SearchIndex:
    """The search of one store: the index file beside it (or one in memory where no file
    can be kept), caught up from ``feed`` (the store's ``changes_since``) before each use.

    Not thread-safe: the store calls it under its own lock.
    """

    def __init__(self, path: Path | None, feed: Callable[[str | None], Changes]) -> None:
        self.path = path
        self._feed = feed
        self._file: IndexFile | None = None
        self._inode: int | None = None
        self._view: _View | None = None

    def search(self, query: str, limit: int | None = 50) -> list[Hit]:
        """The notes matching ``query``, best first; at most ``limit`` of them (all if None).

        Plain words must all occur (stemmed, folded) in the note, its passage, tags, actor
        names, or its article's title or actors. A query with errors (see
        :func:`notes.query.parse_query`) matches nothing.
        """
        parsed = parse_query(query)
        if parsed.errors or limit is not None and limit <= 0:
            return []
        return self._use(lambda file: self._answer(file, parsed, limit))

    def set_article_actors(self, doc_id: str, names: Sequence[str]) -> None:
        """Index ``names`` as the actors of the article ``doc_id`` (its ``actor:`` and
        article-actors field), replacing the ones it had."""
        wanted = list(dict.fromkeys(name.strip() for name in names if name.strip()))
        self._use(lambda file: file.set_article_actors(doc_id, wanted))

    def close(self, *, catch_up: bool = False, build: bool = False) -> None:
        """Release the file; with ``catch_up``, first bring an existing file up to date (or,
        with ``build``, create it), waiting little and never raising."""
        if catch_up and self.path is not None and (build or self.path.exists()):
            try:
                file = self._file or IndexFile(connect(self.path, CLOSE_WAIT))
                self._file = file
                file.db.execute(f"PRAGMA busy_timeout = {int(CLOSE_WAIT * 1000)}")
                file.catch_up(self._feed)
            except (*DAMAGE, OSError) as err:
                _log.info("%s: left for the next search (%s)", self.path, err)
        if self._file is not None:
            self._file.db.close()
        self._file = self._view = None

    def _use(self, action: Callable[[IndexFile], Any]) -> Any:
        """Run ``action`` on the caught-up file; a damaged file is deleted and built again,
        and where no file can be kept the index moves to memory."""
        for attempt in range(3):
            try:
                self._open()
                assert self._file is not None
                self._file.catch_up(self._feed)
                return action(self._file)
            except DAMAGE as err:
                self.close()
                if self.path is None or attempt == 2:
                    raise
                if isinstance(err, sqlite3.OperationalError) and not _is_damage(err):
                    _log.warning("%s: cannot be used, searching in memory (%s)", self.path, err)
                    self.path = None
                else:
                    _log.warning("%s: damaged, built again (%s)", self.path, err)
                    _remove(self.path)
        raise AssertionError("unreachable")

    def _open(self) -> None:
        if self._file is not None and self.path is not None and self._inode != _inode(self.path):
            self.close()  # another process found it damaged and replaced it: use the new one
        if self._file is None:
            self._file = IndexFile(connect(self.path, SEARCH_WAIT))
            self._inode = _inode(self.path) if self.path is not None else None

    def _answer(self, file: IndexFile, query: Query, limit: int | None) -> list[Hit]:
        db = file.db
        db.execute("BEGIN")  # one snapshot for the columns and every row read
        try:
            version = file.version()
            if self._view is None or self._view.version != version:
                self._view = _View(db, version)
            return _Run(self._view, db).search(query, limit)
        finally:
            db.execute("ROLLBACK")


def _is_damage(err: sqlite3.OperationalError) -> bool:
    """An error about the file's contents (missing tables, bad columns), not about access to it."""
    message = str(err)
    return message.startswith(("no such table", "no such column", "table ")) or "malformed" in message


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _remove(path: Path) -> None:
    for stale in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))):
        stale.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class _Article:
    """What queries need of an article with a record: its fields, their lengths, the folded title."""

    record: bytes
    fields: tuple[str, ...]
    lengths: tuple[int, ...]
    title: str

    def document(self) -> DocumentRecord:
        return DocumentRecord.from_json(loads(self.record))


class _View:
    """What every query needs of every note and article, for one version of the file."""

    def __init__(self, db: sqlite3.Connection, version: int) -> None:
        self.version = version
        columns = Columns.load(db)
        ints = columns.ints
        self.docs = ints[0::INTS]
        self.lengths = [ints[3 + i::INTS] for i in range(WIDTH)]
        self.recency = columns.recency
        self._colors, self._days = ints[1::INTS], ints[2::INTS]
        self.count = len(self.docs) - self.docs.count(-1)
        self.sums = [sum(column) for column in self.lengths]
        self.longest = [max(column, default=0) for column in self.lengths]
        self.color_names: list[str] = json.loads(db.execute("SELECT value FROM meta WHERE key = 'colors'").fetchone()[0])
        self.articles = {num: _Article(record, (f0, f1), (l0, l1), title) for num, record, title, f0, f1, l0, l1
                         in db.execute("SELECT num, record, title, f0, f1, l0, l1 FROM docs WHERE record IS NOT NULL")}
        self.doc_sums = [sum(a.lengths[i] for a in self.articles.values()) for i in range(len(DOC_WEIGHTS))]
        self.doc_longest = [max((a.lengths[i] for a in self.articles.values()), default=0)
                            for i in range(len(DOC_WEIGHTS))]
        self.postings: dict[str, dict[int, tuple[int, ...]]] = {}
        self.parts: dict[str, dict[int, float]] = {}
        self._cached = 0

    @cached_property
    def norms(self) -> list[list[float]]:
        """Per field, per slot: the field's weight divided by BM25's length norm of the note's field."""
        tables = _norm_tables(NOTE_WEIGHTS, self.sums, max(self.count, 1), self.longest)
        return [list(map(table.__getitem__, column)) for table, column in zip(tables, self.lengths)]

    @cached_property
    def live(self) -> AbstractSet[int]:
        return {slot for slot, doc in enumerate(self.docs) if doc >= 0}

    @cached_property
    def by_doc(self) -> Mapping[int, AbstractSet[int]]:
        return _group(self.docs, self.docs)

    @cached_property
    def by_color(self) -> Mapping[int, AbstractSet[int]]:
        return _group(self._colors, self.docs)

    @cached_property
    def by_day(self) -> Mapping[int, AbstractSet[int]]:
        return _group(self._days, self.docs)

    def keep(self, cache: dict[str, Any], key: str, value: Mapping[int, Any]) -> None:
        """Keep decoded postings or a term's parts of the score for later queries (the user
        types the same words again and again), within :data:`CACHED_SLOTS` entries in all."""
        self._cached += len(value)
        if self._cached > CACHED_SLOTS:
            self.postings.clear()
            self.parts.clear()
            self._cached = len(value)
        cache[key] = value


def _group(values: Sequence[int], docs: Sequence[int]) -> dict[int, set[int]]:
    """Value -> the slots of live notes (an article number of -1 marks a free slot) holding it."""
    found: dict[int, set[int]] = {}
    for slot, (value, doc) in enumerate(zip(values, docs)):
        if doc >= 0:
            found.setdefault(value, set()).add(slot)
    return found


class _Run:
    """One search over a view, reading rows through ``db`` (inside the view's snapshot)."""

    def __init__(self, view: _View, db: sqlite3.Connection) -> None:
        self.view, self.db = view, db
        self._rows: dict[int, tuple[tuple[str, ...], Annotation]] = {}
        self.expanded: set[str] = set()  # terms that prefixes stood for

    def search(self, query: Query, limit: int | None) -> list[Hit]:
        candidates, term_slots, check = self._match(query)
        keys = set(term_slots)
        rank: Mapping[int, float] | Sequence[float]
        rank = self._scores(candidates, term_slots) if keys else self.view.recency
        best = self._best(candidates, rank, limit, check)
        return [self._hit(slot, rank[slot] if keys else 0.0, query, keys) for slot in best]

    # -- reading the file -------------------------------------------------------------

    def _postings(self, key: str) -> Mapping[int, tuple[int, ...]]:
        """Slot -> counts per note field, of the notes with the term in a field of their own."""
        found = self.view.postings.get(key)
        if found is None:
            found = {}
            for row in self.db.execute("SELECT slots, tfs FROM postings WHERE term = ?", (key,)):
                slots, c = read_postings(*row)
                found.update(zip(slots, zip(c[0::4], c[1::4], c[2::4], c[3::4])))
            self.view.keep(self.view.postings, key, found)
        return found

    def _doc_postings(self, key: str) -> dict[int, list[int]]:
        row = self.db.execute("SELECT data FROM doc_postings WHERE term = ?", (key,)).fetchone()
        return {int(num): tfs for num, tfs in json.loads(row[0]).items()} if row else {}

    def _row(self, slot: int) -> tuple[tuple[str, ...], Annotation]:
        """A note's field texts and the note itself."""
        row = self._rows.get(slot)
        if row is None:
            f0, f1, f2, f3, record = self.db.execute(
                "SELECT f0, f1, f2, f3, record FROM notes WHERE slot = ?", (slot,)).fetchone()
            row = self._rows[slot] = (f0, f1, f2, f3), Annotation.from_json(loads(record))
        return row

    def _fields(self, slot: int) -> tuple[str, ...]:
        """The note's field texts, then its article's (empty when the store has no record of it)."""
        article = self.view.articles.get(self.view.docs[slot])
        return self._row(slot)[0] + (article.fields if article else (" ", " "))

    def _ids(self, slots: list[int]) -> dict[int, str]:
        if len(slots) > 500:
            wanted = set(slots)
            return {slot: rid for slot, rid in self.db.execute("SELECT slot, id FROM notes") if slot in wanted}
        marks = ", ".join("?" * len(slots))
        return dict(self.db.execute(f"SELECT slot, id FROM notes WHERE slot IN ({marks})", slots))  # noqa: S608

    # -- matching -----------------------------------------------------------------------

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

    def _expand(self, prefix: str) -> list[str]:
        """The commonest terms of the words that begin with ``prefix`` (see PREFIX_TERMS)."""
        start = fold(prefix)
        counts = dict(self.db.execute(
            "SELECT term, (SELECT coalesce(sum(n), 0) FROM postings p WHERE p.term = t.term) FROM "
            "(SELECT DISTINCT term FROM words WHERE word >= ? AND word < ?) t",  # every word that begins so
            (start, start + "\U0010ffff")))
        found = heapq.nlargest(PREFIX_TERMS, counts, key=lambda key: (counts[key], key))
        self.expanded.update(found)
        return found

    def _term_slots(self, key: str) -> set[int]:
        """Notes with the term in a field of their own or of their article."""
        slots = set(self._postings(key))
        for num in self._doc_postings(key):
            slots |= self.view.by_doc.get(num, set())
        return slots

    def _candidates(self, query: Query, sets: list[set[int]]) -> AbstractSet[int]:
        """The notes that every word and every set-backed filter allows."""
        view = self.view
        sets = list(sets)
        for tag in query.tags:
            sets.append(set(self._postings(TAG + tag_key(tag))))
        if query.colors:
            wanted = {color_key(c) for c in query.colors}
            sets.append(set().union(*(view.by_color.get(i, set()) for i, name in enumerate(view.color_names)
                                      if name in wanted)))
        for title in query.titles:
            text = fold(title).strip()
            sets.append(set().union(*(view.by_doc.get(num, set()) for num, a in view.articles.items()
                                      if text in a.title)))
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
            sets.append(set().union(*(s for day, s in view.by_day.items() if low <= day <= high)))
        if not sets:
            return view.live
        sets.sort(key=len)
        result = sets[0]  # never changed in place: it may be one of the view's own sets
        for other in sets[1:]:
            if not result:
                break
            result = result & other
        return result

    def _passes(self, slot: int, phrases: list[str], actors: list[str]) -> bool:
        """The checks the sets cannot make: words in order, words of one name (``phrases``
        and ``actors`` are terms joined as in a field's text, to look for)."""
        fields = self._fields(slot)
        if any(not any(phrase in f for f in fields) for phrase in phrases):
            return False
        return all(name in fields[3] or name in fields[5] for name in actors)

    # -- ranking ------------------------------------------------------------------------

    def _best(self, candidates: AbstractSet[int], rank: Mapping[int, float] | Sequence[float], limit: int | None,
              check: Callable[[int], bool] | None) -> list[int]:
        """The ``limit`` best candidates that pass ``check``, running it on as few as it can:
        the candidates are checked best first until ``limit`` pass (and any tied with the
        last of them)."""
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
        recency = self.view.recency
        # Ids settle exact ties only, so only the tied notes' ids are read.
        tied = Counter((rank[slot], recency[slot]) for slot in chosen)
        ids = self._ids([slot for slot in chosen if tied[rank[slot], recency[slot]] > 1])
        chosen.sort(key=lambda slot: (rank[slot], recency[slot], ids.get(slot, "")), reverse=True)
        return chosen[:limit]

    def _scores(self, slots: AbstractSet[int], term_slots: dict[str, set[int]]) -> dict[int, float]:
        """BM25F of each note for the query's terms (``term_slots``: the notes holding each)."""
        parts = [self._part(key, holders, slots) for key, holders in term_slots.items()]
        if len(parts) == 1:
            return {slot: parts[0].get(slot, 0.0) for slot in slots}
        scores: dict[int, float] = {}
        for slot in slots:
            score = 0.0
            for part in parts:
                score += part.get(slot, 0.0)
            scores[slot] = score
        return scores

    def _part(self, key: str, holders: set[int], slots: AbstractSet[int]) -> Mapping[int, float]:
        """Each note's part of the score for one term: idf times the saturated term frequency.

        It depends on the term alone, so it is kept for the version of the file when it was
        worked out for every note that holds the term (a query of that word, or of words
        most of whose notes it holds), and otherwise worked out for the candidates only.
        """
        view = self.view
        known = view.parts.get(key)
        if known is not None:
            return known
        whole = len(holders) <= 2 * len(slots)
        total = max(view.count, 1)
        idf = math.log(1 + (total - len(holders) + 0.5) / (len(holders) + 0.5))
        d0, d1 = _norm_tables(DOC_WEIGHTS, view.doc_sums, max(len(view.articles), 1), view.doc_longest)
        # An article's part of the term frequency is the same for all its notes.
        by_doc = {num: counts[0] * d0[view.articles[num].lengths[0]] + counts[1] * d1[view.articles[num].lengths[1]]
                  for num, counts in self._doc_postings(key).items()}
        notes, docs, (w0, w1, w2, w3) = self._postings(key), view.docs, view.norms
        part: dict[int, float] = {}
        # Unrolled over the four note fields: this loop is the cost of a query that matches many notes.
        for slot in holders if whole else holders & slots:
            tf = by_doc.get(docs[slot], 0.0) if by_doc else 0.0
            tfs = notes.get(slot)
            if tfs is not None:
                tf += tfs[0] * w0[slot] + tfs[1] * w1[slot] + tfs[2] * w2[slot] + tfs[3] * w3[slot]
            part[slot] = idf * tf * (K1 + 1) / (K1 + tf)
        if whole:
            view.keep(view.parts, key, part)
        return part

    # -- showing --------------------------------------------------------------------------

    def _hit(self, slot: int, score: float, query: Query, keys: set[str]) -> Hit:
        _, annotation = self._row(slot)
        fields = self._fields(slot)
        phrases = [p for p in (tuple(terms_of(t)) for t in query.terms) if len(p) > 1]
        singles = {p[0] for p in (terms_of(t) for t in query.terms) if len(p) == 1} | (self.expanded & keys)
        matched = {name for name, text in zip(FIELDS, fields)
                   if any(f" {key} " in text for key in singles) or any(f" {' '.join(p)} " in text for p in phrases)}
        matched |= {"tags"} if query.tags else set()
        matched |= {"title"} if query.titles else set()
        for name in (f" {' '.join(terms_of(n))} " for n in query.actors):
            matched |= {FIELDS[i] for i in (3, 5) if name in fields[i]}
        note = " ".join(plain_text(annotation.note).split())
        exact = " ".join(annotation.selector.exact.split())
        # The snippet's words are those the note or passage field was indexed from, in order:
        # their terms are at hand, and stemming each word again would cost more than the query.
        use_exact = "note" not in matched and ("passage" in matched or not note)
        snippet, marks = cut_snippet(exact if use_exact else note, singles, phrases, fields[1 if use_exact else 0].split())
        article = self.view.articles.get(self.view.docs[slot])
        return Hit(annotation, article.document() if article else None, score, snippet, marks,
                   tuple(name for name in FIELDS if name in matched))


def _norm_tables(weights: Sequence[float], sums: Sequence[int], count: int,
                 longest: Sequence[int]) -> list[list[float]]:
    """For each field, a field weight divided by BM25's length norm, by field length."""
    tables = []
    for weight, total, top in zip(weights, sums, longest):
        average = max(total / count, 1.0)
        tables.append([weight / (1 - B + B * n / average) for n in range(top + 1)])
    return tables
