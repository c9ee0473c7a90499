"""One version of the search index file, and a query answered from it: matching, BM25F ranking, hits.

A version's per-note columns are loaded once and what queries read (postings, score parts, rows) is kept for the next
query, since a user types a query letter by letter; :class:`notes.search.SearchIndex` makes a new one when the file
changes. A query reads the postings of its words and filters, then the rows of the notes it checks or shows."""

from __future__ import annotations

import heapq
import math
import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from functools import cached_property, reduce
from itertools import islice, repeat
from operator import and_
from typing import TypeVar

from notes.markdown_plain import plain_text
from notes.query import Query
from notes.records import Annotation, DocumentRecord
from notes.search_file import ARTICLE, COLOR, DAY, INTS, TAG, WIDTH, Columns, read_postings
from notes.search_hit import Hit, Marks
from notes.search_keys import DOC_WEIGHTS, GAP, NOTE_WEIGHTS, color_key, passage_wordings, tag_key, terms_of
from notes.search_rank import K1, Part, Postings, Slots, held, norms
from notes.snippets import cut_snippet
from notes.store_format import loads
from notes.textfold import fold

PREFIX_TERMS = 10
"""A word typed in part (``negotiat*``) stands for at most this many of its commonest terms: quick as you type."""
CACHED = 300_000
"""Entries of decoded postings and terms' score parts kept per version (words a user types again and again)."""
ROWS_KEPT = 10_000
"""Rows of notes read kept per version for later queries (results overlap as a query is typed and refined)."""
READ_PAGE = 4096
"""Most rows of notes read in one query (SQLite allows 32,766 parameters)."""
S = TypeVar("S", bound=Sized)


class IndexVersion:
    """One version of the file: what every query needs of every note and article, what queries read, the search."""

    def __init__(self, db: sqlite3.Connection, version: int) -> None:
        self.version, columns = version, Columns(db)
        self.docs, self.recency = columns.ints[0::INTS], columns.recency
        self.lengths = [columns.ints[1 + i::INTS] for i in range(WIDTH)]
        self.count = len(self.docs) - self.docs.count(-1)
        self.sums = [sum(c) for c in self.lengths]
        # Article number -> its record, fields, field lengths and folded title, for those with a record.
        self.articles = {row[0]: row[1:] for row in db.execute(
            "SELECT num, record, f0, f1, l0, l1, title FROM docs WHERE record IS NOT NULL")}
        self.doc_sums = [sum(a[3 + i] for a in self.articles.values()) for i in range(len(DOC_WEIGHTS))]
        self.documents: dict[int, DocumentRecord] = {}  # parsed as hits need them, shared by the hits of an article
        self.postings: dict[str, Postings] = {}  # decoded; parts: see _part
        self.parts: dict[str, Part] = {}
        self.holders: dict[str, Slots] = {}  # key -> the notes with it (a term: in their article too)
        self._kept = 0
        self._rows: dict[int, tuple[tuple[str, ...], str, bytes]] = {}  # rows read, for later queries too
        self.db = db  # what follows is per search: the snapshot, terms that prefixes stood for
        self.expanded: set[str] = set()

    @cached_property
    def by_doc(self) -> Mapping[int, Slots]:
        """Article number -> the slots of its notes; -1 -> the free slots."""
        found: dict[int, set[int]] = {}
        for slot, doc in enumerate(self.docs):
            found.setdefault(doc, set()).add(slot)
        return found

    def keep(self, cache: dict[str, S], key: str, value: S) -> None:
        """Keep ``value`` for later queries, within :data:`CACHED` entries in all."""
        self._kept += len(value)
        if self._kept > CACHED:
            for kept in (self.postings, self.parts, self.holders):
                kept.clear()
            self._kept = len(value)
        cache[key] = value

    def search(self, db: sqlite3.Connection, query: Query, limit: int | None) -> list[Hit]:
        self.db, self.expanded = db, set()
        if len(self._rows) > ROWS_KEPT:
            self._rows = {}
        candidates, term_slots, check = self._match(query)
        keys = set(term_slots)
        rank = self._scores(candidates, term_slots) if keys else self.recency
        best = self._best(candidates, rank, limit, check)
        self._read([slot for slot in best if slot not in self._rows])
        marks = Marks(query, self.expanded & keys)
        return [self._hit(slot, rank[slot] if keys else 0.0, marks) for slot in best]

    def _postings(self, key: str) -> Postings:
        """Slot (article number, for an article's term) -> where its counts per field start in ``counts``."""
        found = self.postings.get(key)
        if found is None:
            found = Postings()
            for row in self.db.execute("SELECT slots, tfs FROM postings WHERE term = ?", (key,)):
                slots, c = read_postings(*row)
                start = len(found.counts)
                found.update(zip(slots, range(start, start + len(c), WIDTH), strict=True))
                found.counts += array("I", c)
            self.keep(self.postings, key, found)
        return found

    def _slots(self, low: str, high: str | None = None) -> Slots:  # notes with a filter key, or any between
        found = self.holders.get(low) if high is None else None
        if found is None:
            rows = self.db.execute("SELECT slots FROM postings WHERE term BETWEEN ? AND ?", (low, high or low))
            found = held(*(array("i", slots) for (slots,) in rows))
            if high is None:
                self.keep(self.holders, low, found)
        return found

    def _row(self, slot: int) -> tuple[tuple[str, ...], str, bytes]:
        """A note's field texts, then its article's (blank without a record); the note's id and record."""
        if slot not in self._rows:
            self._read([slot])
        return self._rows[slot]

    def _read(self, slots: list[int]) -> None:  # in one query: a page of hits is shown at once
        if not slots:
            return
        for slot, rid, *fields, record in self.db.execute(
                f"SELECT slot, id, f0, f1, f2, f3, record FROM notes WHERE slot IN ({', '.join('?' * len(slots))})",
                slots):
            article = self.articles.get(self.docs[slot]) or (None, " ", " ")  # fields blank without a record
            self._rows[slot] = (*fields, *article[1:3]), rid, record

    def _ahead(self, slots: Iterable[int], first: int) -> Iterator[int]:
        """``slots`` in order, their rows read in pages that double from ``first``: a phrase that few notes hold
        in order may check thousands."""
        rest, size = iter(slots), max(first, 16)
        while page := list(islice(rest, size)):
            self._read([slot for slot in page if slot not in self._rows])
            yield from page
            size = min(2 * size, READ_PAGE)

    def _match(self, query: Query) -> tuple[Slots, dict[str, Slots], Callable[[int], bool] | None]:
        """The notes that may match, the notes holding each term, and the check they must still pass (order, names)."""
        phrases = [t for t in (terms_of(text) for text in query.terms) if t]
        term_slots = {key: self._term_slots(key) for phrase in phrases for key in phrase}
        sets = list(term_slots.values())
        for prefix in query.prefixes:
            expansion = {key: term_slots.get(key) or self._term_slots(key) for key in self._expand(prefix)}
            sets.append(set().union(*expansion.values()))
            term_slots.update(expansion)
        candidates = self._candidates(query, sets)
        for phrase in (p for p in phrases if len(p) > 1):  # rows are read only for notes that may hold them
            candidates = set(filter(self._in_one_field(phrase), candidates))
        ordered = [f" {' '.join(p)} " for p in phrases if len(p) > 1]
        names = [f" {' '.join(terms_of(name))} " for name in query.actors]
        check = (lambda slot: self._passes(slot, ordered, names)) if ordered or names else None
        for unwanted in query.excluded:
            if unwanted.has_filters or unwanted.prefixes or any(terms_of(t) for t in unwanted.terms):  # not "-!!!"
                found, _, must = self._match(unwanted)
                candidates = candidates - {slot for slot in found if must is None or must(slot)}
        return candidates, term_slots, check

    def _in_one_field(self, phrase: list[str]) -> Callable[[int], bool]:
        """Whether one field of a note or of its article holds each term of ``phrase`` as often as the phrase does: the
        postings' counts tell what only the row's text can confirm. Plain loops: quicker than ``any(all(…))``."""
        terms = [((self._postings(key), self._postings(ARTICLE + key)), n) for key, n in Counter(phrase).items()]

        def holds(slot: int) -> bool:
            for k, owner, width in ((0, slot, WIDTH), (1, self.docs[slot], 2)):
                found = []
                for postings, n in terms:
                    if (i := postings[k].get(owner)) is None:
                        break
                    found.append((postings[k].counts, i, n))
                else:
                    for f in range(width):
                        for c, i, n in found:
                            if c[i + f] < n:
                                break
                        else:
                            return True
            return False
        return holds

    def _expand(self, prefix: str) -> list[str]:
        """The commonest terms of the words that begin with ``prefix`` (see PREFIX_TERMS)."""
        start = fold(prefix)
        counts = dict(self.db.execute(
            "SELECT term, (SELECT coalesce(sum(n), 0) FROM postings p WHERE p.term = t.term) FROM "
            "(SELECT DISTINCT term FROM words WHERE word >= ? AND word < ?) t", (start, start + "\U0010ffff")))
        found = heapq.nlargest(PREFIX_TERMS, counts, key=lambda key: (counts[key], key))
        self.expanded.update(found)
        return found

    def _term_slots(self, key: str) -> Slots:  # notes with the term in a field of their own or their article
        found = self.holders.get(key)
        if found is None:
            found = held(self._postings(key), *(self.by_doc.get(n, ()) for n in self._postings(ARTICLE + key)))
            self.keep(self.holders, key, found)
        return found

    def _candidates(self, query: Query, sets: list[Slots]) -> Slots:
        """The notes that every word and every filter allows."""
        sets = sets + [self._slots(TAG + tag_key(tag)) for tag in query.tags]
        if query.colors:
            sets.append(set().union(*(self._slots(COLOR + color_key(c)) for c in query.colors)))
        for title in query.titles:
            text = fold(title).strip()
            sets.append(set().union(*(self.by_doc.get(num, ()) for num, a in self.articles.items() if text in a[5])))
        for name in query.actors:
            # Notes with every word of the name somewhere (none for a name of no words); _passes checks it is one name.
            sets.extend([self._term_slots(key) for key in terms_of(name)] or [set()])
        if query.before or query.after:
            low = query.after.toordinal() + 1 if query.after else 0
            high = query.before.toordinal() - 1 if query.before else 9_999_999
            sets.append(self._slots(f"{DAY}{low:07d}", f"{DAY}{high:07d}") if low <= high else set())
        sets.sort(key=len)  # the smallest first: each "&" walks the smaller side
        return reduce(and_, sets) if sets else set(range(len(self.docs))) - self.by_doc.get(-1, set())

    def _passes(self, slot: int, phrases: list[str], actors: list[str]) -> bool:
        """What sets cannot tell: words in order, words of one name (terms joined as in a field's text)."""
        fields = self._row(slot)[0]
        return (all(any(phrase in f for f in fields) for phrase in phrases)
                and all(name in fields[3] or name in fields[5] for name in actors))

    def _best(self, candidates: Slots, rank: Mapping[int, float] | Sequence[float], limit: int | None,
              check: Callable[[int], bool] | None) -> list[int]:
        """The ``limit`` best that pass ``check``, run best first until ``limit`` pass (and any tied with the last)."""
        ranked: Iterable[int] | None = None  # the candidates best first, when worth it
        if limit is not None and isinstance(rank, Part) and rank.reused and len(candidates) ** 2 >= limit * len(rank):
            ranked = filter(candidates.__contains__, rank.order)  # a walk of a few times ``limit``, in C
        elif limit is not None and check is not None:
            ranked = sorted(candidates, key=rank.__getitem__, reverse=True)
        if limit is None or len(candidates) <= limit:
            chosen = [slot for slot in candidates if check is None or check(slot)]
        elif ranked is None:  # everything ranked at least as well as the limit-th best, ties included
            threshold = heapq.nlargest(limit, map(rank.__getitem__, candidates))[-1]
            chosen = [slot for slot in candidates if rank[slot] >= threshold]
        else:
            chosen = []
            for slot in ranked if check is None else self._ahead(ranked, limit):
                if len(chosen) >= limit and rank[slot] < rank[chosen[-1]]:
                    break
                if check is None or check(slot):
                    chosen.append(slot)
        tied = Counter((rank[slot], self.recency[slot]) for slot in chosen)  # ids settle exact ties only
        tied_slots = [slot for slot in chosen if tied[rank[slot], self.recency[slot]] > 1]
        self._read([slot for slot in tied_slots if slot not in self._rows])
        ids = {slot: self._row(slot)[1] for slot in tied_slots}
        chosen.sort(key=lambda slot: (rank[slot], self.recency[slot], ids.get(slot, "")), reverse=True)
        return chosen[:limit]

    def _scores(self, slots: Slots, term_slots: dict[str, Slots]) -> Mapping[int, float]:
        """BM25F of each note for the query's terms (``term_slots``: the notes holding each). One term's part is the
        score itself (it covers every candidate, as each holds the term); several are summed in C, in the same order."""
        parts = [self._part(key, holders, slots) for key, holders in term_slots.items()]
        if len(parts) == 1:
            return parts[0]
        ordered = list(slots)
        return dict(zip(ordered, map(sum, zip(*(map(part.get, ordered, repeat(0.0)) for part in parts))),
                        strict=True))

    def _part(self, key: str, holders: Slots, slots: Slots) -> Mapping[int, float]:
        """Each note's part of the score for one term (idf times the saturated term frequency); it depends on the term
        alone, so it is kept when worked out for every note holding it (when candidates are most of them)."""
        if key in self.parts:
            self.parts[key].reused = True
            return self.parts[key]
        whole = len(holders) <= 2 * len(slots)
        idf = math.log(1 + (max(self.count, 1) - len(holders) + 0.5) / (len(holders) + 0.5))
        d0, d1 = norms(DOC_WEIGHTS, self.doc_sums, max(len(self.articles), 1))
        # An article's part of the term frequency is the same for all its notes.
        at_doc = self._postings(ARTICLE + key)
        c = at_doc.counts
        by_doc = {num: c[i] * d0[self.articles[num][3]] + c[i + 1] * d1[self.articles[num][4]]
                  for num, i in at_doc.items() if num in self.articles}
        notes, docs, (n0, n1, n2, n3) = self._postings(key), self.docs, self.lengths
        c = notes.counts
        t0, t1, t2, t3 = norms(NOTE_WEIGHTS, self.sums, max(self.count, 1))
        part: dict[int, float] = Part() if whole else {}
        if not by_doc:  # the common case, unrolled: the cost of a query of a common word (holders: these notes)
            for slot, i in (notes.items() if whole else ((slot, notes[slot]) for slot in holders & slots)):
                tf = c[i] * t0[n0[slot]] + c[i + 1] * t1[n1[slot]] + c[i + 2] * t2[n2[slot]] + c[i + 3] * t3[n3[slot]]
                part[slot] = idf * tf * (K1 + 1) / (K1 + tf)
        for slot in (holders if whole else holders & slots) if by_doc else ():
            tf = by_doc.get(docs[slot], 0.0)
            j = notes.get(slot)
            if j is not None:
                tf += c[j] * t0[n0[slot]] + c[j + 1] * t1[n1[slot]] + c[j + 2] * t2[n2[slot]] + c[j + 3] * t3[n3[slot]]
            part[slot] = idf * tf * (K1 + 1) / (K1 + tf)
        if isinstance(part, Part):  # whole
            self.keep(self.parts, key, part)
        return part

    def _hit(self, slot: int, score: float, marks: Marks) -> Hit:
        fields, _, record = self._row(slot)
        annotation = Annotation.from_json(loads(record))
        matched = marks.matched(fields)
        note = " ".join(plain_text(annotation.note).split())
        # The snippet's words are those its field was indexed from: their terms are at hand (stemming costs more).
        use_exact = "note" not in matched and ("passage" in matched or not note)
        text = " ".join(" … ".join(passage_wordings(annotation)).split()) if use_exact else note
        terms = fields[1].replace(f" {GAP} ", " ") if use_exact else fields[0]  # "…" is no word, the gap no term
        snippet, spans = cut_snippet(text, marks.singles, marks.phrases, terms.split())
        num = self.docs[slot]
        if num not in self.documents and num in self.articles:
            self.documents[num] = DocumentRecord.from_json(loads(self.articles[num][0]))
        return Hit(annotation, self.documents.get(num), score, snippet, spans, matched)
