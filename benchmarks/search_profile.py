"""Where note search spends its time, query by query, beside the engine of another commit, in one run.

    python benchmarks/search_profile.py --annotations 50000 --baseline-commit 2fc0838 --passes 5 --json

Two worker processes, one per engine (ours, and the baseline checked out with ``git archive``), each build the store
of ``benchmarks/store.py`` with that engine's own copy of it (same seed: the same notes, the same 200 adds, the same
100 queries), then run the queries in passes that take turns between the engines. A pass of ours opens the store anew
(as the benchmark's searches follow the index's first use, its per-version caches start empty); the baseline's
in-memory index keeps nothing between queries, so its store stays open (``--reopen-baseline``: opened anew too, for
a baseline with this engine's caches). Prints each query's median time in both, the engines' p50 / p95 per pass and
their ratios, by wall and by CPU time, and for the ``--slowest`` queries of ours a cProfile breakdown in both
(cumulative time of the engine's steps, summed over the passes, and the functions that cost most on their own).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

STEPS = ("parse_query", "_match", "_candidates", "_scores", "_part", "_best", "_ahead", "_read", "_passes", "_hit",
         "matched", "cut_snippet", "from_json", "loads", "plain_text", "catch_up", "_sync_index")
"""Functions of either engine whose cumulative time the breakdown reports (absent ones are left out)."""


def _bench_module(root: Path) -> ModuleType:
    """``root``'s own ``benchmarks/store.py``: the notes, adds and queries as that commit's benchmark draws them."""
    spec = importlib.util.spec_from_file_location("store_bench", root / "benchmarks" / "store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Worker:
    """One engine's store, built as ``benchmarks/store.py`` builds it, and its queries."""

    def __init__(self, root: Path, folder: Path, n: int, adds: int, searches: int, seed: int, reopen: bool) -> None:
        from notes.records import DocumentRecord
        from notes.store import NoteStore

        bench = _bench_module(root)
        rng = random.Random(seed)
        setattr(bench, "VOCABULARY", bench.vocabulary(rng))  # noqa: B010  (the module's global its functions read)
        documents = [str(folder / f"article-{i}.txt") for i in range(max(1, n // 100))]
        self.path, self.reopen, self.open = folder / "library.json", reopen, NoteStore
        with NoteStore(self.path) as store:
            for doc in documents:
                store.put_document(DocumentRecord(doc, doc, "0" * 64, title=f"Article {Path(doc).stem}"))
            for chunk in range(0, n, 5000):
                store.put_many(bench.make_notes(rng, min(5000, n - chunk), documents, chunk))
            store.compact()
        self.store = NoteStore(self.path)
        self.store.annotations(documents[0])
        for note in bench.make_notes(rng, adds, documents, n):
            self.store.add(note)
        self.store.search("treaty")  # the benchmark's first search: the index caught up (or built)
        self.queries: list[str] = bench.queries(rng, searches)

    def run(self, profiled: list[int]) -> dict[str, Any]:
        """One pass over the queries: each one's time in ms (with ``profiled`` ones' profiles) and its hit count."""
        if self.reopen:
            self.store.close()
            self.store = self.open(self.path)
            self.store.search("treaty")
        times, cpu, hits, profiles = [], [], [], {}
        for i, query in enumerate(self.queries):
            profile = cProfile.Profile() if i in profiled else None
            started, used = time.perf_counter(), time.thread_time()
            if profile is not None:
                profile.enable()
            found = self.store.search(query)
            if profile is not None:
                profile.disable()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - used) * 1000)
            hits.append(len(found))
            if profile is not None:
                profiles[i] = profile
        return {"times": times, "cpu": cpu, "hits": hits, "profiles": {i: _dump(p) for i, p in profiles.items()}}

    def results(self) -> dict[str, Any]:
        """What each query finds, with a limit of 50 and with none: the benchmark's queries, phrases of two or three
        words cut from 150 notes' texts, and the first 30 queries less a phrase (the same in both engines' stores)."""
        rng = random.Random(5)
        phrases = []
        for note in rng.sample(self.store.annotations(), 150):
            for text in (note.note, note.selector.exact):
                words = text.rstrip(".").split()
                if len(words) >= 3:
                    start = rng.randrange(len(words) - 2)
                    phrases.append('"' + " ".join(words[start:start + rng.choice((2, 3))]) + '"')
        unwanted = [f'{q} -"{rng.choice(self.queries).strip(chr(34))}"' for q in self.queries[:30]]
        return {f"{q} | limit {limit}": [[h.annotation.note, round(h.score, 9), h.snippet, h.marks, list(h.matched)]
                                         for h in self.store.search(q, limit)]
                for q in self.queries + phrases + unwanted for limit in (50, None)}


def _dump(profile: cProfile.Profile) -> dict[str, list[float]]:
    """A profile as function name -> [own time, cumulative time] in ms (names qualified by file stem)."""
    found: dict[str, list[float]] = {}
    for (filename, _, name), (_, _, own, cumulative, _) in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        key = f"{Path(filename).stem}.{name}" if filename != "~" else name
        found.setdefault(key, [0.0, 0.0])
        found[key][0] += own * 1000
        found[key][1] += cumulative * 1000
    return found


def serve(args: argparse.Namespace) -> int:
    """The worker: build, say ready, then one JSON line per pass asked on stdin (the line: indices to profile)."""
    root = Path(args.worker)
    with tempfile.TemporaryDirectory(prefix="reader-profile-") as tmp:
        worker = Worker(root, Path(tmp), args.annotations, args.adds, args.searches, args.seed, args.reopen)
        print(json.dumps({"queries": worker.queries}), flush=True)
        for line in sys.stdin:
            asked = json.loads(line)
            print(json.dumps(worker.results() if asked == "results" else worker.run(asked)), flush=True)
        worker.store.close()
    return 0


def _start(root: Path, args: argparse.Namespace, reopen: bool) -> subprocess.Popen[str]:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(root), *(["--reopen"] if reopen else []),
               f"--annotations={args.annotations}", f"--adds={args.adds}", f"--searches={args.searches}",
               f"--seed={args.seed}"]
    return subprocess.Popen(command, cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def _ask(worker: subprocess.Popen[str], line: str | None = None) -> dict[str, Any]:
    assert worker.stdin and worker.stdout
    if line is not None:
        worker.stdin.write(line + "\n")
        worker.stdin.flush()
    answer: dict[str, Any] = json.loads(worker.stdout.readline())
    return answer


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _breakdown(profiles: list[dict[str, list[float]]], top: int) -> dict[str, Any]:
    """Summed over passes: the engine's steps' cumulative ms, and the ``top`` functions by own time."""
    total: dict[str, list[float]] = {}
    for profile in profiles:
        for name, (own, cumulative) in profile.items():
            total.setdefault(name, [0.0, 0.0])
            total[name][0] += own
            total[name][1] += cumulative
    steps = {name: round(cumulative, 2) for name, (_, cumulative) in total.items()
             if name.rsplit(".", 1)[-1] in STEPS}
    costly = sorted(total.items(), key=lambda item: item[1][0], reverse=True)[:top]
    return {"steps_cumulative_ms": dict(sorted(steps.items(), key=lambda item: -item[1])),
            "own_ms": {name: round(ms[0], 2) for name, ms in costly}}


def compare(args: argparse.Namespace) -> int:
    mine = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="reader-baseline-") as tmp:
        archive = subprocess.run(["git", "-C", str(mine), "archive", args.baseline_commit], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        workers = {"ours": _start(mine, args, True), "baseline": _start(Path(tmp), args, args.reopen_baseline)}
        try:
            queries = {who: _ask(worker)["queries"] for who, worker in workers.items()}
            if queries["ours"] != queries["baseline"]:
                raise SystemExit("the two benchmarks drew different queries")
            passes: dict[str, list[dict[str, Any]]] = {"ours": [], "baseline": []}
            _turns(workers, passes, args.passes, [])  # unprofiled: which queries are slowest
            median = [statistics.median(p["times"][i] for p in passes["ours"]) for i in range(args.searches)]
            slowest = sorted(range(args.searches), key=median.__getitem__, reverse=True)[:args.slowest]
            profiled: dict[str, list[dict[str, Any]]] = {"ours": [], "baseline": []}
            _turns(workers, profiled, args.profile_passes, slowest)
            found = {who: _ask(worker, '"results"') for who, worker in workers.items()} if args.same_results else {}
        finally:
            for worker in workers.values():
                if worker.stdin:
                    worker.stdin.close()
                worker.wait()
    result = {"baseline_commit": args.baseline_commit, "passes": args.passes, **_summary(passes, queries["ours"]),
              "slowest": [_query_profile(i, queries["ours"][i], passes, profiled, args.top) for i in slowest]}
    if found:  # JSON lists: marks compare as lists in both
        differ = [q for q in found["ours"] if found["ours"][q] != found["baseline"].get(q)]
        # Notes of one score saved in the same millisecond are ordered by their ids, drawn at random in each build.
        tied = [q for q in differ if sorted(found["ours"][q], key=str) == sorted(found["baseline"][q], key=str)]
        result["same_results"] = {"queries": len(found["ours"]), "hits": sum(map(len, found["ours"].values())),
                                  "differ": len(differ), "differ_in_order_of_ties_only": len(tied),
                                  "differing": differ[:20],
                                  "first": {who: found[who].get(differ[0]) for who in found} if differ else None}
    print(json.dumps(result, indent=None if args.json else 1))
    return 0


def _turns(workers: dict[str, subprocess.Popen[str]], into: dict[str, list[dict[str, Any]]], count: int,
           profiled: list[int]) -> None:
    """``count`` passes of each engine, taking turns at going first."""
    for turn in range(count):
        for who in ("baseline", "ours") if turn % 2 == 0 else ("ours", "baseline"):
            into[who].append(_ask(workers[who], json.dumps(profiled)))


def _summary(passes: dict[str, list[dict[str, Any]]], queries: list[str]) -> dict[str, Any]:
    """p50 and p95 of each pass of each engine and their per-pass ratios, by wall time (``*_ms``) and by the thread's
    CPU time (``cpu_*_ms``: less sensitive to other jobs on the machine), and every query's median times."""
    found: dict[str, Any] = {}
    for clock, prefix in (("times", ""), ("cpu", "cpu_")):
        for p in (50, 95):
            ours = [_percentile(run[clock], p) for run in passes["ours"]]
            base = [_percentile(run[clock], p) for run in passes["baseline"]]
            ratios = [o / b for o, b in zip(ours, base, strict=True)]
            found[f"{prefix}p{p}_ms"] = {"ours": [round(x, 2) for x in ours], "baseline": [round(x, 2) for x in base],
                                         "ratio": [round(r, 3) for r in ratios],
                                         "ratio_median": round(statistics.median(ratios), 3)}
    found["queries"] = [{"query": q, "hits": passes["ours"][0]["hits"][i],
                         **{f"{who}_{unit}": round(statistics.median(run[clock][i] for run in passes[who]), 2)
                            for who in passes for clock, unit in (("times", "ms"), ("cpu", "cpu_ms"))}}
                        for i, q in enumerate(queries)]
    return found


def _query_profile(i: int, query: str, passes: dict[str, list[dict[str, Any]]],
                   profiled: dict[str, list[dict[str, Any]]], top: int) -> dict[str, Any]:
    return {"index": i, "query": query, "hits": passes["ours"][0]["hits"][i],
            **{f"{who}_{unit}": round(statistics.median(run[clock][i] for run in passes[who]), 2)
               for who in passes for clock, unit in (("times", "ms"), ("cpu", "cpu_ms"))},
            **{who: _breakdown([run["profiles"][str(i)] for run in profiled[who]], top) for who in profiled}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=5000)
    parser.add_argument("--adds", type=int, default=200)
    parser.add_argument("--searches", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline-commit", default="2fc0838", metavar="REV")
    parser.add_argument("--passes", type=int, default=5, help="timed passes of each engine")
    parser.add_argument("--reopen-baseline", action="store_true",
                        help="open the baseline's store anew each pass too (a baseline with this engine's caches)")
    parser.add_argument("--profile-passes", type=int, default=3, help="profiled passes of each engine")
    parser.add_argument("--slowest", type=int, default=8, help="queries of ours to profile")
    parser.add_argument("--top", type=int, default=12, help="functions by own time in each profile")
    parser.add_argument("--same-results", action="store_true",
                        help="also compare hits, scores, snippets, marks and matched fields (engines with `matched`)")
    parser.add_argument("--json", action="store_true", help="print JSON on one line")
    parser.add_argument("--worker", metavar="ROOT", help=argparse.SUPPRESS)
    parser.add_argument("--reopen", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return serve(args) if args.worker else compare(args)


if __name__ == "__main__":
    sys.exit(main())
