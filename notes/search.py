"""Search across every note: one engine for the window and the command line, ranked by BM25F.

:class:`SearchIndex` answers from :mod:`notes.search_file`'s index, caught up with the
store's change feed before each query, so a fresh process answers at once and every process
sees every other's notes. A query reads the postings of its own words and filters, the
rows of the notes it checks or shows, and per-note columns loaded once per version of the
file. The query language is :mod:`notes.query`'s; the fields and weights are
:mod:`notes.search_keys`'. Ties, and queries of filters only, go newest first
(``updated``), then by id, so results are stable.
"""

from __future__ import annotations

import heapq
import logging
from array import array
import math
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from notes.feed import Changes
from notes.markdown_plain import plain_text
from notes.query import Query, parse_query
from notes.records import Annotation, DocumentRecord
from notes.search_file import ARTICLE, COLOR, DAMAGE, DAY, INTS, TAG, WIDTH, Columns, IndexFile, connect, meta
from notes.search_file import read_postings
from notes.search_keys import DOC_WEIGHTS, FIELDS, NOTE_WEIGHTS, color_key, tag_key, terms_of
from notes.snippets import cut_snippet
from notes.store_format import loads
from notes.textfold import fold

K1 = 1.2
B = 0.75
PREFIX_TERMS = 10
"""A word typed in part (``negotiat*``) stands for at most this many of the commonest
terms that begin so: enough for search as you type, few enough to stay fast."""
CACHED = 300_000
"""Decoded postings and terms' parts of the score kept per version of the file, in entries
(a few tens of megabytes), for the words a user types again and again."""
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
            quoted phrase where its words stand in order.
        matched: the fields (of :data:`notes.search_keys.FIELDS`) the query's words or
            filters were found in, so a result can say it was found through the article's title.
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


class SearchIndex:
    """The search of one store: the index file beside it (or one in memory where no file
    can be kept), caught up from ``feed`` (the store's ``changes_since``) before each use.
    Not thread-safe: the store calls it under its own lock."""

    def __init__(self, path: Path | None, feed: Callable[[str | None], Changes]) -> None:
        self.path, self._feed = path, feed
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
        return list(self._use(lambda file: self._answer(file.db, parsed, limit)))

    def set_article_actors(self, doc_id: str, names: Sequence[str]) -> None:
        """Index ``names`` as the actors of the article ``doc_id``, replacing the ones it had."""
        wanted = list(dict.fromkeys(name.strip() for name in names if name.strip()))
        self._use(lambda file: file.set_article_actors(doc_id, wanted))

    def close(self, *, catch_up: bool = False, build: bool = False) -> None:
        """Release the file; with ``catch_up``, first bring an existing file up to date (or,
        with ``build``, create it), waiting little and never raising."""
        if catch_up and self.path is not None and (build or self.path.exists()):
            try:
                self._file = self._file or IndexFile(connect(self.path, CLOSE_WAIT))
                self._file.db.execute(f"PRAGMA busy_timeout = {int(CLOSE_WAIT * 1000)}")
                self._file.catch_up(self._feed)
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
                if self._file is not None and self.path is not None and self._inode != _inode(self.path):
                    self.close()  # another process found it damaged and replaced it: use the new one
                if self._file is None:
                    self._file, self._inode = IndexFile(connect(self.path, SEARCH_WAIT)), _inode(self.path)
                self._file.catch_up(self._feed)
                return action(self._file)
            except DAMAGE as err:
                self.close()
                if self.path is None or attempt == 2:
                    raise
                damage = not isinstance(err, sqlite3.OperationalError) or str(err).startswith(
                    ("no such table", "no such column", "table ")) or "malformed" in str(err)
                _log.warning("%s: %s (%s)", self.path, "damaged, built again" if damage else "searching in memory", err)
                if damage:
                    for end in ("", "-wal", "-shm", "-journal"):
                        self.path.with_name(self.path.name + end).unlink(missing_ok=True)
                else:
                    self.path = None

    def _answer(self, db: sqlite3.Connection, query: Query, limit: int | None) -> list[Hit]:
        db.execute("BEGIN")  # one snapshot for the columns and every row read
        try:
            version = int(meta(db, "version"))
            if self._view is None or self._view.version != version:
                self._view = _View(db, version)
            return _Run(self._view, db).search(query, limit)
        finally:
            db.execute("ROLLBACK")


def _inode(path: Path | None) -> int | None:
    try:
        return os.stat(path).st_ino if path else None
    except OSError:
        return None


class _View:
    """What every query needs of every note and article, for one version of the file."""

    def __init__(self, db: sqlite3.Connection, version: int) -> None:
        self.version = version
        columns = Columns.load(db)
        self.docs, self.recency = columns.ints[0::INTS], columns.recency
        self.lengths = [columns.ints[1 + i::INTS] for i in range(WIDTH)]
        self.count = len(self.docs) - self.docs.count(-1)
        self.sums, self.longest = [sum(c) for c in self.lengths], [max(c, default=0) for c in self.lengths]
        # Article number -> its record, fields, field lengths and folded title, for those with a record.
        self.articles = {row[0]: row[1:] for row in db.execute(
            "SELECT num, record, f0, f1, l0, l1, title FROM docs WHERE record IS NOT NULL")}
        self.doc_sums = [sum(a[3 + i] for a in self.articles.values()) for i in range(len(DOC_WEIGHTS))]
        self.doc_longest = [max((a[3 + i] for a in self.articles.values()), default=0) for i in range(len(DOC_WEIGHTS))]
        self.postings: dict[str, dict[int, tuple[int, ...]]] = {}
        self.parts: dict[str, dict[int, float]] = {}
        self._kept = 0

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
        """Article number -> the slots of its notes."""
        found: dict[int, set[int]] = {}
        for slot, doc in enumerate(self.docs):
            found.setdefault(doc, set()).add(slot)
        found.pop(-1, None)  # free slots
        return found

    def keep(self, cache: dict[str, Any], key: str, value: Mapping[int, Any]) -> None:
        """Keep ``value`` for later queries, within :data:`CACHED` entries in all."""
        self._kept += len(value)
        if self._kept > CACHED:
            self.postings.clear()
            self.parts.clear()
            self._kept = len(value)
        cache[key] = value


class _Run:
    """One search over a view, reading rows through ``db`` (inside the view's snapshot)."""

    def __init__(self, view: _View, db: sqlite3.Connection) -> None:
        self.view, self.db = view, db
        self._rows: dict[int, tuple[tuple[str, ...], Annotation]] = {}
        self.expanded: set[str] = set()  # terms that prefixes stood for

    def search(self, query: Query, limit: int | None) -> list[Hit]:
        candidates, term_slots, check = self._match(query)
        keys = set(term_slots)
        rank = self._scores(candidates, term_slots) if keys else self.view.recency
        best = self._best(candidates, rank, limit, check)
        self._read([slot for slot in best if slot not in self._rows])
        phrases = [p for p in (tuple(terms_of(t)) for t in query.terms) if len(p) > 1]
        singles = {p[0] for p in (terms_of(t) for t in query.terms) if len(p) == 1} | (self.expanded & keys)
        names = [f" {' '.join(terms_of(n))} " for n in query.actors]
        return [self._hit(slot, rank[slot] if keys else 0.0, query, singles, phrases, names) for slot in best]

    # -- reading the file -------------------------------------------------------------

    def _postings(self, key: str) -> Mapping[int, tuple[int, ...]]:
        """Slot (or article number, for an article's term) -> the counts per field, of the
        notes (or articles) with the term in a field of their own."""
        found = self.view.postings.get(key)
        if found is None:
            found = {}
            for row in self.db.execute("SELECT slots, tfs FROM postings WHERE term = ?", (key,)):
                slots, c = read_postings(*row)
                found.update(zip(slots, zip(c[0::4], c[1::4], c[2::4], c[3::4])))
            self.view.keep(self.view.postings, key, found)
        return found

    def _slots(self, low: str, high: str | None = None) -> set[int]:
        """The slots of the notes with a filter key (or any key from ``low`` to ``high``)."""
        found: set[int] = set()
        for (slots,) in self.db.execute("SELECT slots FROM postings WHERE term BETWEEN ? AND ?", (low, high or low)):
            found.update(array("i", slots))
        return found

    def _row(self, slot: int) -> tuple[tuple[str, ...], Annotation]:
        """A note's field texts, then its article's (blank without a record), and the note."""
        if slot not in self._rows:
            self._read([slot])
        return self._rows[slot]

    def _read(self, slots: list[int]) -> None:
        for slot, *fields, record in self.db.execute(
                f"SELECT slot, f0, f1, f2, f3, record FROM notes WHERE slot IN ({', '.join('?' * len(slots))})",  # noqa: S608
                slots):
            article = self.view.articles.get(self.view.docs[slot])
            fields += article[1:3] if article else (" ", " ")
            self._rows[slot] = tuple(fields), Annotation.from_json(loads(record))

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
            "(SELECT DISTINCT term FROM words WHERE word >= ? AND word < ?) t", (start, start + "\U0010ffff")))
        found = heapq.nlargest(PREFIX_TERMS, counts, key=lambda key: (counts[key], key))
        self.expanded.update(found)
        return found

    def _term_slots(self, key: str) -> set[int]:
        """Notes with the term in a field of their own or of their article."""
        slots = set(self._postings(key))
        for num in self._postings(ARTICLE + key):
            slots |= self.view.by_doc.get(num, set())
        return slots

    def _candidates(self, query: Query, sets: list[set[int]]) -> AbstractSet[int]:
        """The notes that every word and every filter allows."""
        sets = sets + [self._slots(TAG + tag_key(tag)) for tag in query.tags]
        if query.colors:
            sets.append(set().union(*(self._slots(COLOR + color_key(c)) for c in query.colors)))
        for title in query.titles:
            text = fold(title).strip()
            sets.append(set().union(*(self.view.by_doc.get(num, set()) for num, article in self.view.articles.items()
                                      if text in article[5])))
        for name in query.actors:
            # Notes with every word of the name somewhere (none for a name of no words); _passes checks it is one name.
            sets.extend([self._term_slots(key) for key in terms_of(name)] or [set()])
        if query.before or query.after:
            low = query.after.toordinal() + 1 if query.after else 0
            high = query.before.toordinal() - 1 if query.before else 9_999_999
            sets.append(self._slots(f"{DAY}{low:07d}", f"{DAY}{high:07d}") if low <= high else set())
        if not sets:
            return self.view.live
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
        fields = self._row(slot)[0]
        return (all(any(phrase in f for f in fields) for phrase in phrases)
                and all(name in fields[3] or name in fields[5] for name in actors))

    # -- ranking ------------------------------------------------------------------------

    def _best(self, candidates: AbstractSet[int], rank: Mapping[int, float] | Sequence[float], limit: int | None,
              check: Callable[[int], bool] | None) -> list[int]:
        """The ``limit`` best candidates that pass ``check``, running it on as few as it can:
        they are checked best first until ``limit`` pass (and any tied with the last)."""
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
        tied = Counter((rank[slot], recency[slot]) for slot in chosen)  # ids settle exact ties only
        ids = {slot: self._row(slot)[1].id for slot in chosen if tied[rank[slot], recency[slot]] > 1}
        chosen.sort(key=lambda slot: (rank[slot], recency[slot], ids.get(slot, "")), reverse=True)
        return chosen[:limit]

    def _scores(self, slots: AbstractSet[int], term_slots: dict[str, set[int]]) -> dict[int, float]:
        """BM25F of each note for the query's terms (``term_slots``: the notes holding each)."""
        parts = [self._part(key, holders, slots) for key, holders in term_slots.items()]
        if len(parts) == 1:
            return {slot: parts[0].get(slot, 0.0) for slot in slots}
        return {slot: sum(part.get(slot, 0.0) for part in parts) for slot in slots}

    def _part(self, key: str, holders: set[int], slots: AbstractSet[int]) -> Mapping[int, float]:
        """Each note's part of the score for one term: idf times the saturated term frequency.
        It depends on the term alone, so it is kept when it was worked out for every note
        holding the term (worth it when the candidates are most of them)."""
        view = self.view
        if key in view.parts:
            return view.parts[key]
        whole = len(holders) <= 2 * len(slots)
        idf = math.log(1 + (max(view.count, 1) - len(holders) + 0.5) / (len(holders) + 0.5))
        d0, d1 = _norm_tables(DOC_WEIGHTS, view.doc_sums, max(len(view.articles), 1), view.doc_longest)
        # An article's part of the term frequency is the same for all its notes.
        by_doc = {num: c[0] * d0[view.articles[num][3]] + c[1] * d1[view.articles[num][4]]
                  for num, c in self._postings(ARTICLE + key).items() if num in view.articles}
        notes, docs, (w0, w1, w2, w3) = self._postings(key), view.docs, view.norms
        part: dict[int, float] = {}
        for slot in holders if whole else holders & slots:  # unrolled: the cost of a query of a common word
            tf = by_doc.get(docs[slot], 0.0) if by_doc else 0.0
            tfs = notes.get(slot)
            if tfs is not None:
                tf += tfs[0] * w0[slot] + tfs[1] * w1[slot] + tfs[2] * w2[slot] + tfs[3] * w3[slot]
            part[slot] = idf * tf * (K1 + 1) / (K1 + tf)
        if whole:
            view.keep(view.parts, key, part)
        return part

    # -- showing --------------------------------------------------------------------------

    def _hit(self, slot: int, score: float, query: Query, singles: set[str], phrases: list[tuple[str, ...]],
             names: list[str]) -> Hit:
        fields, annotation = self._row(slot)
        matched = {name for name, text in zip(FIELDS, fields)
                   if any(f" {key} " in text for key in singles) or any(f" {' '.join(p)} " in text for p in phrases)}
        matched |= {"tags"} if query.tags else set()
        matched |= {"title"} if query.titles else set()
        for name in names:
            matched |= {FIELDS[i] for i in (3, 5) if name in fields[i]}
        note = " ".join(plain_text(annotation.note).split())
        # The snippet's words are those the field was indexed from, in order: their terms are
        # at hand, and stemming each word again would cost more than the query.
        use_exact = "note" not in matched and ("passage" in matched or not note)
        text = " ".join(annotation.selector.exact.split()) if use_exact else note
        snippet, marks = cut_snippet(text, singles, phrases, fields[1 if use_exact else 0].split())
        article = self.view.articles.get(self.view.docs[slot])
        return Hit(annotation, DocumentRecord.from_json(loads(article[0])) if article else None, score, snippet, marks,
                   tuple(name for name in FIELDS if name in matched))


def _norm_tables(weights: Sequence[float], sums: Sequence[int], count: int,
                 longest: Sequence[int]) -> list[list[float]]:
    """For each field, a field weight divided by BM25's length norm, by field length."""
    return [[weight / (1 - B + B * n / max(total / count, 1.0)) for n in range(top + 1)]
            for weight, total, top in zip(weights, sums, longest)]
