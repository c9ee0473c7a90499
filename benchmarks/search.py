"""Notes search at scale: index build time and query latency, beside a TinyDB scan.

    python benchmarks/search.py [--annotations N] [--documents N] [--queries N] [--json]

Generates N notes over the articles (varied vocabulary with a long tail, tags, colours,
dates, actors), stores them in a note store, searches them through ``NoteStore.search``
(the one engine of the window and the command line, see :func:`bench_index`), then times
what a store without an index would do for the plain-word queries — a TinyDB
``Query().note.search(…) | Query().selector.exact.search(…)`` scan over the same notes in
memory (MemoryStorage) — and prints the figures as JSON. ``max_rss_mb`` is the whole
process: the generated notes as well as the index.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from notes.records import COLORS, Annotation, DocumentRecord, Selector

# News vocabulary, most frequent first, so a Zipf draw gives a realistic long tail.
WORDS = """
the of and to in a that for on is was said with he it as at by from his be have
has but are not this they were who which their an its had after been will more
government would about year people there also new one two first president minister
state could over than country when into other told war last police city time some
public party says what years military officials against world security forces
under percent national support added three week report just since while during
before court economic before policy election trade attack according political
official power health talks million made leader support international billion
between former vote foreign agreement month group company crisis peace rights
deal care market law border prices energy troops oil gas sanctions summit climate
leaders bank inflation budget strike protest workers union ceasefire treaty
refugees parliament opposition campaign investigation minister ambassador embassy
alliance negotiations coalition reform pension tariffs exports imports currency
drought flood harvest famine wildfire emissions pipeline reactor uranium missile
drone artillery convoy frontline brigade garrison siege evacuation corridor hostage
prisoner exchange verdict appeal tribunal indictment warrant testimony lawsuit
regulator subsidy auction bond yield deficit surplus recession austerity stimulus
merger takeover bankruptcy layoffs shipyard railway airport harbour bridge tunnel
cathedral museum archive library manuscript festival orchestra stadium tournament
referendum constitution senate governor mayor council district province municipal
vaccine hospital epidemic outbreak quarantine clinic nurse surgeon pharmacy
glacier volcano earthquake tsunami monsoon typhoon heatwave avalanche landslide
satellite rocket telescope laboratory genome algorithm encryption blockchain
smuggling trafficking corruption bribery embezzlement espionage defector dissident
journalist editor correspondent broadcaster censorship propaganda misinformation
farmers fishermen miners dockworkers teachers students pensioners veterans
diplomacy mediation arbitration moratorium embargo blockade armistice accord
""".split()
WORDS = list(dict.fromkeys(WORDS))

TAGS = [
    "politics", "politics/eu", "politics/us", "economy", "economy/energy", "war", "war/ukraine",
    "climate", "health", "law", "media", "science", "culture", "follow-up", "quote",
    "to-read", "disputed", "key-fact", "background", "timeline", "sources", "numbers",
    "people", "history", "opinion", "analysis", "idea", "question", "todo", "important",
]

FIRST = ["Anna", "Jens", "Maria", "Olaf", "Zoë", "José", "Ingrid", "Kwame", "Li", "Amira",
         "Pedro", "Sofia", "Tomasz", "Elif", "Hiroshi", "Nadia", "Björn", "Chloé", "Raúl", "Yusuf"]
LAST = ["Stoltenberg", "Müller", "García", "Nowak", "Okafor", "Chen", "Haddad", "Silva",
        "Andersen", "Yilmaz", "Tanaka", "Petrov", "Dubois", "Rossi", "Kowalski", "Ødegaard"]
ORGS = ["NATO", "European Commission", "World Bank", "United Nations", "Red Cross",
        "Central Bank", "Supreme Court", "Ministry of Defence", "IMF", "WHO"]


def _draw(rng: random.Random, weights: list[float], k: int) -> list[str]:
    return rng.choices(WORDS, cum_weights=weights, k=k)


def _sentence(rng: random.Random, weights: list[float], low: int, high: int) -> str:
    text = " ".join(_draw(rng, weights, rng.randint(low, high)))
    return text[:1].upper() + text[1:] + "."


def generate(n_annotations: int, n_documents: int = 500,
             seed: int = 7) -> tuple[list[Annotation], list[DocumentRecord], dict[str, list[str]]]:
    """Reproducible notes, articles, and each article's actors (as the analysis finds them)."""
    rng = random.Random(seed)
    cum: list[float] = []
    total = 0.0
    for rank in range(len(WORDS)):
        total += 1.0 / (rank + 1) ** 0.9
        cum.append(total)
    people = [f"{f} {last}" for f in FIRST for last in LAST]
    start = datetime(2023, 1, 1, tzinfo=UTC)
    documents = []
    casts: dict[str, list[str]] = {}
    for i in range(n_documents):
        title = " ".join(_draw(rng, cum, rng.randint(3, 8))).title()
        day = start + timedelta(days=rng.randrange(900))
        cast = rng.sample(people, rng.randint(2, 6)) + rng.sample(ORGS, rng.randint(0, 2))
        documents.append(DocumentRecord(
            id=f"/news/{i:04d}.txt", path=f"/news/{i:04d}.txt", content_id=f"{i:064x}",
            title=title, date=day.date().isoformat(),
        ))
        casts[documents[-1].id] = cast
    annotations = []
    for i in range(n_annotations):
        doc = rng.choice(documents)
        exact = " ".join(_sentence(rng, cum, 5, 20) for _ in range(rng.randint(1, 2)))
        note = "" if rng.random() < 0.15 else " ".join(_sentence(rng, cum, 4, 18) for _ in range(rng.randint(1, 3)))
        if note and rng.random() < 0.2:
            note = f"**{note}**" if rng.random() < 0.5 else f"{note} See [source](https://example.org/{i})."
        created = start + timedelta(days=rng.randrange(900), seconds=rng.randrange(86400))
        updated = created + timedelta(days=rng.choice((0, 0, 0, 1, 30)), seconds=rng.randrange(3600))
        actors = rng.sample(casts[doc.id], rng.randint(0, min(2, len(casts[doc.id]))))
        target = {"type": "quote", "speaker": actors[0]} if actors and rng.random() < 0.2 else None
        offset = rng.randrange(20_000)
        annotations.append(Annotation(
            document=doc.id,
            selector=Selector(exact, "", "", offset, offset + len(exact)),
            color=rng.choice(COLORS), note=note, tags=rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3))),
            id=f"gen{i:06d}", created=created.isoformat(timespec="milliseconds"),
            updated=updated.isoformat(timespec="milliseconds"), target=target, actors=actors,
        ))
    return annotations, documents, casts


def query_mix(annotations: list[Annotation], documents: list[DocumentRecord], casts: dict[str, list[str]],
              count: int, seed: int = 11) -> list[tuple[str, str]]:
    """``count`` (kind, query) pairs of every kind the search box sees, drawn from the notes."""
    rng = random.Random(seed)
    common, middle, rare = WORDS[30:60], WORDS[60:200], WORDS[200:]
    frequent = set(WORDS[:30])

    def phrase() -> str:
        """Two consecutive words of a passage, not both among the most frequent: a remembered phrase."""
        while True:
            passage = re.findall(r"[a-z]+", rng.choice(annotations).selector.exact.lower())
            pairs = [p for p in itertools.pairwise(passage) if not set(p) <= frequent]
            if pairs:
                return '"' + " ".join(rng.choice(pairs)) + '"'

    kinds: dict[str, Callable[[], str]] = {
        "rare word": lambda: rng.choice(rare),
        "middle word": lambda: rng.choice(middle),
        "common word": lambda: rng.choice(common),
        "two words": lambda: f"{rng.choice(middle)} {rng.choice(middle)}",
        "three words": lambda: f"{rng.choice(common)} {rng.choice(middle)} {rng.choice(rare)}",
        "phrase": phrase,
        "tag": lambda: f"tag:{rng.choice(TAGS)}",
        "tag and word": lambda: f"tag:{rng.choice(TAGS)} {rng.choice(middle)}",
        "actor": lambda: f'actor:"{rng.choice(casts[rng.choice(documents).id])}"',
        "colour only": lambda: f"color:{rng.choice(COLORS)}",
        "in title and word": lambda: f'in:"{rng.choice(documents).title.split()[0]}" {rng.choice(common)}',
        "after date and word": lambda: f"after:2024-06-01 {rng.choice(middle)}",
        "before date and colour": lambda: f"before:2023-03-01 color:{rng.choice(COLORS)}",
        "folded name and word": lambda: f"zoe {rng.choice(common)}",
        "word typed in part": lambda: f"{rng.choice(middle + rare)[:4]}*",
        "word but not tag": lambda: f"{rng.choice(middle)} -tag:{rng.choice(TAGS)}",
    }
    names = list(kinds)
    return [(kind, kinds[kind]()) for kind in (rng.choice(names) for _ in range(count))]


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def bench_index(annotations: list[Annotation], documents: list[DocumentRecord], casts: dict[str, list[str]],
                queries: list[tuple[str, str]]) -> dict[str, object]:
    """The notes go into a note store in a temporary folder; the first search builds the
    index beside it from the store's change feed (``build_s``); then the query mix is timed
    (``p50_ms`` …, wall and CPU time), the first query of a store opened afresh on the same
    files (``fresh_first_ms``: what a new window or ``reader notes search`` pays, without
    the interpreter's start), and edits: the commit (``edit_ms``) and the search after it,
    which applies the edit to the index first (``search_after_edit_ms``)."""
    import tempfile
    from pathlib import Path

    from notes.store import NoteStore, search_index_path

    with tempfile.TemporaryDirectory(prefix="reader-search-") as folder:
        path = Path(folder) / "library.json"
        with NoteStore(path) as store:
            for doc in documents:
                store.put_document(doc)
            store.put_many(annotations)
            store.compact()
            began = time.perf_counter()
            store.search("")
            build = time.perf_counter() - began
            for doc in documents:
                store.set_article_actors(doc.id, casts[doc.id])
            times: list[float] = []
            cpu: list[float] = []  # beside wall time: on a shared machine the CPU time is steadier
            by_kind: dict[str, list[float]] = {}
            hits = 0
            for kind, query in queries:
                began, began_cpu = time.perf_counter(), time.process_time()
                hits += len(store.search(query))
                times.append(time.perf_counter() - began)
                cpu.append(time.process_time() - began_cpu)
                by_kind.setdefault(kind, []).append(times[-1])
            edits, after = [], []
            for (_, query), note in zip(queries, annotations[:100], strict=False):
                began = time.perf_counter()
                store.update(note.id, note=note.note + " edited")
                edits.append(time.perf_counter() - began)
                began = time.perf_counter()
                store.search(query)
                after.append(time.perf_counter() - began)
        with NoteStore(path, read_only=True) as fresh:
            began = time.perf_counter()
            fresh.search(queries[0][1])
            fresh_first = time.perf_counter() - began
        size = search_index_path(path).stat().st_size
    return {
        "build_s": round(build, 3),
        "queries": len(queries),
        "p50_ms": _ms(statistics.median(times)),
        "p95_ms": _ms(_percentile(times, 0.95)),
        "max_ms": _ms(max(times)),
        "cpu_p95_ms": _ms(_percentile(cpu, 0.95)),
        "mean_hits": round(hits / len(queries), 1),
        "p95_ms_by_kind": {kind: _ms(_percentile(t, 0.95)) for kind, t in sorted(by_kind.items())},
        "fresh_first_ms": _ms(fresh_first),
        "edit_ms": _ms(statistics.median(edits)),
        "search_after_edit_p50_ms": _ms(statistics.median(after)),
        "search_after_edit_p95_ms": _ms(_percentile(after, 0.95)),
        "file_mb": round(size / 2**20, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def bench_tinydb(annotations: list[Annotation], queries: list[tuple[str, str]], count: int = 10) -> dict[str, object]:
    """The plain-word queries as a store without an index answers them: a TinyDB scan."""
    from tinydb import Query, TinyDB
    from tinydb.storages import MemoryStorage

    db = TinyDB(storage=MemoryStorage)
    db.insert_multiple(a.to_json() for a in annotations)
    note = Query()
    plain = [query for _, query in queries if re.fullmatch(r"[a-z]+(?: [a-z]+)*", query)][:count]
    times = []
    for query in plain:
        condition = None
        for word in query.split():
            pattern = rf"\b{re.escape(word)}\b"
            either = (note.note.search(pattern, flags=re.IGNORECASE)
                      | note.selector.exact.search(pattern, flags=re.IGNORECASE))
            condition = either if condition is None else condition & either
        began = time.perf_counter()
        db.search(condition)
        times.append(time.perf_counter() - began)
    db.close()
    return {"queries": len(times), "p50_ms": _ms(statistics.median(times)), "p95_ms": _ms(_percentile(times, 0.95))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=50_000)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="one line of JSON instead of an indented one")
    args = parser.parse_args(argv)
    annotations, documents, casts = generate(args.annotations, args.documents)
    queries = query_mix(annotations, documents, casts, args.queries)
    figures = {
        "annotations": args.annotations,
        "documents": args.documents,
        "index": bench_index(annotations, documents, casts, queries),
        "tinydb_scan": bench_tinydb(annotations, queries),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
