"""Saving and searching notes: our store beside stock TinyDB ``JSONStorage``, in one run.

    python benchmarks/store.py --annotations 50000 --json

Builds a store of N generated notes over N/100 articles in a temporary folder with
``put_many`` (``bulk_put_many_s``, which includes building the search index as the store
closes), then times through :class:`notes.store.NoteStore` single adds (each fsynced) and
searches in one process (see :func:`bench_store`), the first search of a fresh process
(:func:`bench_fresh`), the same adds (``insert``) and a ``Query`` scan with stock TinyDB on
a file of the same size, and end-to-end ``reader notes add`` / ``reader notes search``
processes (:func:`bench_cli`), saves while the search index is built anew (:func:`bench_rebuild`) and whether
``gc.freeze()`` spares saves the collector's pauses (:func:`_gc_adds`). Prints JSON.

    python benchmarks/store.py --annotations 50000 --baseline-commit 2fc0838 --rounds 2 --json

runs the engine before issue 16 (that commit's own benchmark, same options) and this one in turns, and prints both
with the ratio of each figure they share (:func:`compare`).
"""

from __future__ import annotations

import argparse
import compileall
import gc
import importlib.util
import itertools
import json
import math
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from tinydb import Query, TinyDB
from tinydb.storages import JSONStorage

from notes.records import COLORS, Annotation, DocumentRecord, Selector
from notes.storage import journal_path
from notes.store import NoteStore, search_index_path

WORDS = ("treaty ceasefire sanctions election parliament minister border refugees economy inflation "
         "energy pipeline alliance summit negotiations protest court verdict budget climate drought "
         "harvest vaccine hospital strike union ports shipping grain missile drone frontline").split()
TAGS = ("war", "economy", "follow-up", "quote", "check", "politics", "climate", "health")
VOCABULARY: tuple[list[str], list[float]] = ([], [])


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def vocabulary(rng: random.Random, size: int = 6000) -> tuple[list[str], list[float]]:
    """Made-up words with Zipf-like frequencies, plus the topical words queries use, less common.

    Returns the words and their cumulative weights (for ``random.choices``).
    """
    letters = "etaoinshrdlcumwfgypbvkjxqz"
    made = ["".join(rng.choice(letters[:18] if k % 3 else letters) for k in range(rng.randint(2, 10)))
            for _ in range(size)]
    words = made + WORDS
    weights = [1 / (rank + 1) for rank in range(size)] + [0.002] * len(WORDS)
    return words, list(itertools.accumulate(weights))


def make_notes(rng: random.Random, count: int, documents: list[str], start_id: int = 0) -> list[Annotation]:
    words_of, cumulative = VOCABULARY
    notes = []
    for i in range(start_id, start_id + count):
        words = rng.choices(words_of, cum_weights=cumulative, k=rng.randint(4, 30))
        passage = " ".join(rng.choices(words_of, cum_weights=cumulative, k=rng.randint(3, 25)))
        pos = rng.randint(0, 20000)
        notes.append(Annotation(document=rng.choice(documents),
                                selector=Selector(passage, "prefix text " * 2 + "before ", " after" + " suffix" * 3,
                                                  pos, pos + len(passage)),
                                color=rng.choice(COLORS), note=" ".join(words).capitalize() + f". Note {i}.",
                                tags=rng.sample(TAGS, rng.randint(0, 3))))
    return notes


def queries(rng: random.Random, count: int) -> list[str]:
    kinds = [lambda: rng.choice(WORDS), lambda: f"{rng.choice(WORDS)} {rng.choice(WORDS)}",
             lambda: f"tag:{rng.choice(TAGS)} {rng.choice(WORDS)}",
             lambda: f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"']
    return [rng.choice(kinds)() for _ in range(count)]


def bench_store(folder: Path, rng: random.Random, n: int, documents: list[str], adds: int,
                searches: int) -> dict[str, float]:
    """In one process, as the window works: the store is opened and an article's notes are
    listed (which reads every note once), then single adds are timed (``add_*``), each
    followed by its floor (``fsync_*``): a bare ``os.write`` + ``os.fsync`` of a line of the
    same size to a file in the same folder, which no durable save can beat on this disk.
    Then the first search, which applies those adds to the index
    (``first_search_after_adds_ms``), then searches (``search_*``). ``first_add_fresh_ms``
    is an add in a store just opened, that has read nothing. ``add_tmpfs_*``: the same adds
    on a copy of the store in tmpfs, where fsync returns at once (the software's share)."""
    path = folder / "library.json"
    started = time.perf_counter()
    with NoteStore(path) as store:
        for doc in documents:
            store.put_document(DocumentRecord(doc, doc, "0" * 64, title=f"Article {Path(doc).stem}"))
        for chunk in range(0, n, 5000):
            store.put_many(make_notes(rng, min(5000, n - chunk), documents, chunk))
        store.compact()
    bulk_s = time.perf_counter() - started
    with NoteStore(path) as fresh:  # its own generator: ``rng`` draws the adds and queries as the baseline does
        first_add_ms = timed(partial(fresh.add, make_notes(random.Random(n), 1, documents, n + adds + 1)[0]))
    fresh_notes = make_notes(rng, adds, documents, n)
    tmpfs = _tmpfs_adds(folder, documents, fresh_notes)
    started = time.perf_counter()
    store = NoteStore(path)
    open_ms = (time.perf_counter() - started) * 1000
    try:
        store.annotations(documents[0])
        journal = journal_path(path)
        add_ms, fsync_ms = [], []
        for note in fresh_notes:
            size = journal.stat().st_size
            add_ms.append(timed(partial(store.add, note)))
            line = b"x" * (journal.stat().st_size - size - 1) + b"\n"
            fsync_ms.append(timed(partial(_append_fsync, folder / "fsync-probe", line)))
        catch_up_ms = timed(partial(store.search, "treaty"))
        search_ms = [timed(partial(store.search, q)) for q in queries(rng, searches)]
        pauses = _gc_adds(store, make_notes(random.Random(n + 1), adds, documents, 2 * n))
    finally:
        store.close()
    return {"add_p50_ms": percentile(add_ms, 50), "add_p95_ms": percentile(add_ms, 95), **pauses,
            "fsync_p50_ms": percentile(fsync_ms, 50), "fsync_p95_ms": percentile(fsync_ms, 95),
            "add_over_fsync_p50": percentile([a / f for a, f in zip(add_ms, fsync_ms, strict=True)], 50),
            **tmpfs, "first_add_fresh_ms": first_add_ms,
            "search_p50_ms": percentile(search_ms, 50), "search_p95_ms": percentile(search_ms, 95),
            "open_ms": open_ms, "first_search_after_adds_ms": catch_up_ms, "file_mb": path.stat().st_size / 2**20,
            "index_mb": search_index_path(path).stat().st_size / 2**20, "bulk_put_many_s": bulk_s}


GC_BLOCK = 20
"""Adds in a block of :func:`_gc_adds`: blocks with and without ``gc.freeze()`` take turns."""


def _gc_adds(store: NoteStore, notes: list[Annotation]) -> dict[str, float]:
    """Whether ``gc.freeze()`` after the store is loaded spares saves the collector's pauses: the same number of
    adds in blocks that take turns (frozen: every object alive then is left out of collections), each block's
    collections counted by generation with the longest one (``gc_*``), each half's p99 and longest save, and what one
    full collection costs either way (``gc_*_full_collection_ms``)."""
    timings: dict[bool, list[float]] = {False: [], True: []}
    collections: dict[bool, list[tuple[int, float]]] = {False: [], True: []}
    began: list[float] = []
    frozen = False

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            began[:] = [time.perf_counter()]
        elif began:
            collections[frozen].append((info["generation"], (time.perf_counter() - began[0]) * 1000))

    gc.callbacks.append(watch)
    try:
        for start in range(0, len(notes), GC_BLOCK):
            frozen = (start // GC_BLOCK) % 2 == 1
            if frozen:
                gc.freeze()
            timings[frozen].extend(timed(partial(store.add, note)) for note in notes[start:start + GC_BLOCK])
            if frozen:
                gc.unfreeze()
    finally:
        gc.callbacks.remove(watch)
    full = {False: timed(gc.collect)}  # what a gen-2 collection would cost a save, were one to fall on it
    gc.freeze()
    full[True] = timed(gc.collect)
    gc.unfreeze()
    found: dict[str, float] = {}
    for key, mode in (("plain", False), ("frozen", True)):
        found |= {f"gc_{key}_add_p99_ms": percentile(timings[mode], 99), f"gc_{key}_add_max_ms": max(timings[mode]),
                  **{f"gc_{key}_gen{g}_collections": sum(1 for gen, _ in collections[mode] if gen == g)
                     for g in (0, 1, 2)},
                  f"gc_{key}_longest_collection_ms": max((ms for _, ms in collections[mode]), default=0.0),
                  f"gc_{key}_full_collection_ms": full[mode]}
    return found


def bench_rebuild(folder: Path, rng: random.Random, documents: list[str], interval_s: float = 0.05) -> dict[str, float]:
    """Saves while the search index is built anew (deleted first): the search builds it holding the store, as on the
    window's store lane, so a save made meanwhile waits for it. A save every ``interval_s`` until the search answers;
    the save's latency (p50, p95, max) and when the search answered (``answered_s``)."""
    path = folder / "library.json"
    for derived in folder.glob("library.json.search.sqlite*"):
        derived.unlink()
    with NoteStore(path) as store:
        store.annotations(documents[0])  # the store loaded, as in the window
        saves: list[float] = []
        answered: list[float] = []
        started = time.perf_counter()

        def ask() -> None:
            store.search("treaty")
            answered.append(time.perf_counter() - started)

        asking = threading.Thread(target=ask)
        asking.start()
        time.sleep(interval_s)  # the search goes first, as in the window
        while asking.is_alive():
            saves.append(timed(partial(store.add, make_notes(rng, 1, documents, 10**7 + len(saves))[0])))
            time.sleep(interval_s)
        asking.join()
    return {"save_p50_ms": percentile(saves, 50), "save_p95_ms": percentile(saves, 95), "save_max_ms": max(saves),
            "saves": len(saves), "answered_s": answered[0]}


def _tmpfs_adds(folder: Path, documents: list[str], notes: list[Annotation]) -> dict[str, float]:
    """The adds of :func:`bench_store` on a copy of the store in ``/dev/shm`` (empty if there is none)."""
    if not Path("/dev/shm").is_dir():
        return {}
    with tempfile.TemporaryDirectory(dir="/dev/shm", prefix="reader-bench-") as tmp:
        copy = Path(tmp) / "library.json"
        shutil.copy(folder / "library.json", copy)
        shutil.copy(journal_path(folder / "library.json"), journal_path(copy))
        with NoteStore(copy) as store:
            store.annotations(documents[0])
            add_ms = [timed(partial(store.add, note)) for note in notes]
    return {"add_tmpfs_p50_ms": percentile(add_ms, 50), "add_tmpfs_p95_ms": percentile(add_ms, 95)}


def _append_fsync(path: Path, line: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)


FRESH = """
import sys, time
began = time.perf_counter()
from notes.store import NoteStore
imported = time.perf_counter()
with NoteStore(sys.argv[1]) as store:
    opened = time.perf_counter()
    store.search(sys.argv[2])
    done = time.perf_counter()
print(imported - began, opened - imported, done - opened, done - imported)
"""


def bench_fresh(folder: Path, runs: int) -> dict[str, float]:
    """The first search of a fresh process, as a new window makes it: the store opened for
    writing and one search, timed inside the process (``*_ms``: import, open, search, and
    open + search, the medians of ``runs`` processes)."""
    samples = [[float(x) * 1000 for x in subprocess.run(
        [sys.executable, "-c", FRESH, str(folder / "library.json"), "treaty ceasefire"], check=True,
        capture_output=True, text=True).stdout.split()] for _ in range(runs)]
    names = ("import_ms", "open_ms", "first_search_ms", "open_and_first_search_ms")
    return {name: statistics.median(sample[i] for sample in samples) for i, name in enumerate(names)}


def bench_tinydb(folder: Path, rng: random.Random, n: int, documents: list[str], adds: int,
                 searches: int) -> dict[str, float]:
    path = folder / "stock.json"
    with TinyDB(path, storage=JSONStorage) as db:
        db.table("annotations").insert_multiple(a.to_json() for a in make_notes(rng, n, documents))
    with TinyDB(path, storage=JSONStorage) as db:
        table = db.table("annotations")
        add_ms = [timed(partial(table.insert, a.to_json())) for a in make_notes(rng, adds, documents, n)]
        note = Query()
        search_ms = []
        for q in queries(rng, searches):
            words = [re.escape(w.strip('"')) for w in q.split() if not w.startswith("tag:")]
            pattern = "|".join(words)
            scan = (note.note.search(pattern, flags=re.IGNORECASE)
                    | note.selector.exact.search(pattern, flags=re.IGNORECASE))
            search_ms.append(timed(partial(table.search, scan)))
            table.clear_cache()
    return {"add_p95_ms": percentile(add_ms, 95), "search_p95_ms": percentile(search_ms, 95),
            "file_mb": path.stat().st_size / 2**20}


def bench_cli(folder: Path, article: Path, runs: int) -> dict[str, float]:
    """Wall time of whole ``reader notes`` processes against the store built above.

    The store was written through :class:`NoteStore` (``put_many``, adds), whose writers
    catch the search index up as they close, so the first search finds it ready
    (``search_first_s``). Then each run adds a note (which catches the index up as it closes)
    and searches (``search_median_s``, ``search_max_s``); then a search with nothing changed,
    one after a compaction rewrote ``library.json`` (``compaction_s``; the index follows it
    through the change feed), and last ``search_without_index_s``, a search after the index
    was deleted (the build a store without one pays once). Beside the searches, in the same
    runs: their CPU time (user + system, less sensitive to the machine's load than wall time)
    and the floor, a bare ``python -c pass`` (``bare_python_*``).
    """
    base = [sys.executable, "-m", "reader", "notes", "--data-dir", str(folder)]
    search = [*base, "search", "treaty ceasefire", "--json"]
    cpu: dict[str, list[float]] = {"search": [], "bare": []}

    def run(command: list[str], kind: str = "") -> float:
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        elapsed = time.perf_counter() - started
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        if kind:
            cpu[kind].append(now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime)
        return elapsed

    first_s = run(search)
    add_s, search_s, bare_s = [], [], []
    for i in range(runs):
        add_s.append(run([*base, "add", str(article), "--quote", "treaty", "--note", f"cli note {i}"]))
        search_s.append(run(search, "search"))
        bare_s.append(run([sys.executable, "-c", "pass"], "bare"))
    unchanged_s = run(search)
    with NoteStore(folder / "library.json") as store:
        compaction_s = timed(store.compact) / 1000
    compacted_s = run(search)
    for derived in folder.glob("library.json.search.sqlite*"):
        derived.unlink()
    rebuild_s = run(search)
    return {"add_median_s": statistics.median(add_s), "add_max_s": max(add_s),
            "search_cpu_median_s": statistics.median(cpu["search"]),
            "bare_python_median_s": statistics.median(bare_s),
            "bare_python_cpu_median_s": statistics.median(cpu["bare"]),
            "search_first_s": first_s, "search_without_index_s": rebuild_s,
            "search_median_s": statistics.median(search_s), "search_max_s": max(search_s),
            "search_unchanged_s": unchanged_s, "compaction_s": compaction_s, "search_after_compaction_s": compacted_s}


SAME_MEASURE = {"cli.search_without_cache_s": "cli.search_without_index_s",
                "store.index_build_ms": "store.first_search_after_adds_ms"}
"""A baseline's figure -> ours, where the two benchmarks name one measure differently (before issue 16 the first
search after the adds built the window's index in memory; a deleted index was the "cache")."""


def compare(args: argparse.Namespace) -> int:
    """Run ``args.rounds`` pairs of this benchmark and the baseline commit's own ``benchmarks/store.py`` (checked out
    with ``git archive`` into a temporary folder and run with it first on ``PYTHONPATH``), each in a fresh process,
    taking turns at going first; print both and, for every figure both report, the medians and the median of the
    per-round ratios (ours / baseline: below 1 is faster)."""
    mine = Path(__file__).resolve().parents[1]
    options = [f"--{name.replace('_', '-')}={getattr(args, name)}"
               for name in ("annotations", "per_document", "adds", "searches", "tinydb_ops", "cli_runs", "seed")]
    runs: dict[str, list[dict[str, float]]] = {"ours": [], "baseline": []}
    with tempfile.TemporaryDirectory(prefix="reader-baseline-") as tmp:
        archive = subprocess.run(["git", "-C", str(mine), "archive", args.baseline_commit], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        for turn in range(args.rounds):
            for who in ("baseline", "ours") if turn % 2 == 0 else ("ours", "baseline"):
                root = Path(tmp) if who == "baseline" else mine
                extra = ["--no-rebuild"] if who == "ours" and args.no_rebuild else []
                env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get(
                    "PYTHONPATH")]))}
                out = subprocess.run([sys.executable, str(root / "benchmarks" / "store.py"), *options, *extra,
                                      "--json"], cwd=root, env=env, check=True, capture_output=True, text=True).stdout
                runs[who].append(_flat(json.loads(out)))
    compared = {}
    for key, values in runs["baseline"][0].items():
        ours_key = SAME_MEASURE.get(key, key)
        if isinstance(values, int | float) and ours_key in runs["ours"][0] and key not in ("annotations", "documents"):
            pairs = [(o[ours_key], b[key]) for o, b in zip(runs["ours"], runs["baseline"], strict=True)]
            compared[ours_key] = {"ours": statistics.median(o for o, _ in pairs),
                                  "baseline": statistics.median(b for _, b in pairs),
                                  "ratio": round(statistics.median(o / b if b else math.inf for o, b in pairs), 3)}
    print(json.dumps({"baseline_commit": args.baseline_commit, "rounds": args.rounds, "compared": compared,
                      "ours": runs["ours"], "baseline": runs["baseline"]}, indent=None if args.json else 1))
    return 0


def _flat(result: dict[str, object], prefix: str = "") -> dict[str, float]:
    """``{"store": {"add_p95_ms": 1}}`` as ``{"store.add_p95_ms": 1}``."""
    flat: dict[str, float] = {}
    for key, value in result.items():
        if isinstance(value, dict):
            flat |= _flat(value, f"{prefix}{key}.")
        elif isinstance(value, int | float):
            flat[prefix + key] = value
    return flat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=5000)
    parser.add_argument("--per-document", type=int, default=100, help="notes per article (default 100)")
    parser.add_argument("--adds", type=int, default=200, help="timed adds in our store")
    parser.add_argument("--searches", type=int, default=100, help="timed searches in our store")
    parser.add_argument("--tinydb-ops", type=int, default=20, help="timed inserts and scans in stock TinyDB")
    parser.add_argument("--cli-runs", type=int, default=3, help="end-to-end CLI runs (0 to skip)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-rebuild", action="store_true", help="skip the saves timed during a build of the index")
    parser.add_argument("--baseline-commit", metavar="REV",
                        help="also run REV's own benchmark with the same options, taking turns with this one")
    parser.add_argument("--rounds", type=int, default=1, help="with --baseline-commit: runs of each")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    if args.baseline_commit:
        return compare(args)
    for package in ("notes", "reader"):  # as an installation has them, whatever PYTHONDONTWRITEBYTECODE says
        spec = importlib.util.find_spec(package)
        compileall.compile_dir(Path(spec.origin).parent if spec and spec.origin else package, quiet=1)
    rng = random.Random(args.seed)
    global VOCABULARY
    VOCABULARY = vocabulary(rng)
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        folder = Path(tmp)
        article = folder / "article.txt"
        article.write_text("The treaty was signed after long negotiations.\n", encoding="utf-8")
        documents = [str(folder / f"article-{i}.txt") for i in range(max(1, args.annotations // args.per_document))]
        ours = bench_store(folder, rng, args.annotations, documents, args.adds, args.searches)
        fresh = bench_fresh(folder, max(args.cli_runs, 1))
        stock = bench_tinydb(folder, rng, args.annotations, documents, args.tinydb_ops, args.tinydb_ops)
        cli = bench_cli(folder, article, args.cli_runs) if args.cli_runs else {}
        rebuild = {} if args.no_rebuild else bench_rebuild(folder, rng, documents)
    result = {
        "annotations": args.annotations, "documents": len(documents),
        "add_p95_ms": round(ours["add_p95_ms"], 2), "fsync_floor_p95_ms": round(ours["fsync_p95_ms"], 2),
        "add_tmpfs_p95_ms": round(ours.get("add_tmpfs_p95_ms", 0.0), 2),
        "search_p95_ms": round(ours["search_p95_ms"], 2),
        "tinydb_add_p95_ms": round(stock["add_p95_ms"], 2), "tinydb_search_p95_ms": round(stock["search_p95_ms"], 2),
        "fresh_process_first_search_ms": round(fresh["open_and_first_search_ms"], 1),
        "cli_search_median_s": round(cli.get("search_median_s", 0.0), 3),
        "cli_search_cpu_median_s": round(cli.get("search_cpu_median_s", 0.0), 3),
        "store": {k: round(v, 2) for k, v in ours.items()},
        "fresh_process": {k: round(v, 1) for k, v in fresh.items()},
        "tinydb_jsonstorage": {k: round(v, 2) for k, v in stock.items()},
        "cli": {k: round(v, 3) for k, v in cli.items()},
        "rebuild": {k: round(v, 2) for k, v in rebuild.items()},
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
