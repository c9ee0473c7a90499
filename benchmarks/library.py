"""The library at a thousand articles, whole processes as the user runs them; prints JSON.

    python benchmarks/library.py [--articles 1000] [--jobs N] [--rounds 2] [--query-runs 5] [--keep DIR]
    python benchmarks/library.py --data-dir DATA [--query-runs 5]     (the queries only)

- ``add``: ``reader library add FOLDER`` on a fresh data dir (empty analysis cache) against
  the baseline, one ``reader analyze --batch`` process over the same texts, run in the same
  invocation, ``--rounds`` times with the two alternating who goes first; ``speedup`` is
  baseline time / add time (issue 13: at least 1.6 on 2 cores), ``cpu_ratio`` the CPU time
  add spends over the baseline's (the cost of the parallel run). Each process's seconds on
  a CPU and waiting for one (``run_wait_s``, from ``schedstat``) tell contention apart from
  our code; ``speedup_without_waiting`` is what they give on idle cores (see ``uncontended``).
  Peak resident memory is reported for every process (the parent and each worker), read
  from ``/proc`` while they run (Linux), and CPU time (user + system, workers included).
  On a busy machine the speedup does not show: Linux's autogroup scheduling shares the
  CPU between sessions, so two workers get no more than one process would; the CPU times
  still tell what the parallel run costs.
- ``queries``: ``reader actors --json`` and ``reader quotes --speaker NAME --json`` (NAME:
  the person with most articles) over the resulting library, ``--query-runs`` times each,
  whole process (issue 13: at most 0.5 s), with the seconds each waited on a run queue
  for a CPU (``/proc/self/task/*/schedstat`` as it exits): wall time minus that wait is
  what the process takes on an idle machine; then once each after a note was added (the
  index applies the store's change feed) and after the index file was deleted (rebuilt
  from the store, the files and the cache).

Every process runs with compiled bytecode (see ``ENV``), as an installed Reader does.

The articles are generated (``benchmarks/news_corpus.py``, seeded), never copied. The
machine's load average is reported before and after: on a shared machine, compare
ratios, and rerun when the load is high.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news_corpus import write_corpus

REPO = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
"""Every process runs with compiled bytecode, as an installed Reader does (with
PYTHONDONTWRITEBYTECODE each process compiles Reader's modules again: 0.6 s of CPU); they
are compiled to ``__pycache__`` before anything is measured."""


class PeakMemory:
    """Polls ``/proc`` for the peak resident memory (VmHWM) of a process and its descendants, and
    for what the scheduler says of each (``schedstat``): seconds on a CPU and seconds ready to
    run but waiting for one, the measure of contention with other work on the machine."""

    def __init__(self, root: int, every: float = 0.1) -> None:
        self.root = root
        self.every = every
        self.peaks: dict[int, tuple[str, float]] = {}  # pid → (role, MB)
        self.sched: dict[int, dict[int, tuple[float, float]]] = {}  # pid → thread → (running, waiting) seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> dict[int, tuple[str, float]]:
        self._stop.set()
        self._thread.join()
        return self.peaks

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self._tree():
                peak = _vm_hwm_mb(pid)
                if peak is not None:
                    role = _role(pid) if pid != self.root else "parent"
                    self.peaks[pid] = (role, max(peak, self.peaks.get(pid, (role, 0.0))[1]))
                self.sched.setdefault(pid, {}).update(_schedstat(pid))
            self._stop.wait(self.every)

    def _tree(self) -> list[int]:
        parents: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    with open(f"/proc/{entry.name}/stat", encoding="utf-8") as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
                parents.setdefault(ppid, []).append(int(entry.name))
        tree, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo += parents.get(pid, [])
        return tree


def _role(pid: int) -> str:
    """What a child process is: an analysis worker, or multiprocessing's resource tracker."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            command = f.read()
    except OSError:
        return "child"
    return "resource-tracker" if b"resource_tracker" in command else "worker"


def _schedstat(pid: int) -> dict[int, tuple[float, float]]:
    """Per thread: seconds it ran on a CPU and seconds it waited on a run queue."""
    threads = {}
    try:
        for task in os.scandir(f"/proc/{pid}/task"):
            with open(f"{task.path}/schedstat", encoding="utf-8") as f:
                run, wait = f.read().split()[:2]
            threads[int(task.name)] = (int(run) / 1e9, int(wait) / 1e9)
    except (OSError, ValueError):
        pass  # the process or a thread ended meanwhile: its last reading stays
    return threads


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def measured(command: list[str], stdout: Path | None = None) -> dict[str, object]:
    """Wall time and peak memory per process of one whole-process run."""
    with open(stdout or os.devnull, "w", encoding="utf-8") as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, text=True, cwd=REPO, env=ENV)
        memory = PeakMemory(process.pid)
        _, err = process.communicate()
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        peaks = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "peak_mb": {f"{role} {pid}": round(mb) for pid, (role, mb) in sorted(peaks.items())},
            "run_wait_s": {f"{peaks.get(pid, ('child', 0))[0]} {pid}": [round(sum(r for r, _ in threads.values()), 1),
                                                                       round(sum(w for _, w in threads.values()), 1)]
                           for pid, threads in sorted(memory.sched.items())}}


WAITED = ("import atexit, os, runpy, sys\n"
          "out = sys.argv.pop(1)\n"
          "def waited():\n"
          "    tasks = [f'/proc/self/task/{t}/schedstat' for t in os.listdir('/proc/self/task')]\n"
          "    with open(out, 'w') as f: f.write(str(sum(int(open(t).read().split()[1]) for t in tasks) / 1e9))\n"
          "atexit.register(waited)\n"
          "sys.argv[0] = 'reader'\n"
          "runpy.run_module('reader', run_name='__main__', alter_sys=True)\n")
"""Runs ``python -m reader ARGS`` and, as it exits, writes the seconds it waited on a run queue."""


def timed(command: list[str]) -> tuple[float, float, float]:
    """Wall time, CPU time (user + system) and run-queue wait of one whole ``reader`` process
    (``command`` is ``python -m reader ...``): on a shared machine the CPU time says what the
    command costs, the wall time what it felt like, the wait how much of that was the others."""
    assert command[1:3] == ["-m", "reader"]
    with tempfile.NamedTemporaryFile("r", suffix=".wait") as wait:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = subprocess.run([command[0], "-c", WAITED, wait.name, *command[3:]], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, cwd=REPO, env=ENV, check=False)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        waited = float(wait.read() or "nan")
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), waited


def spread(runs: list[tuple[float, float, float]]) -> dict[str, float]:
    walls, cpus, waits = [w for w, _, _ in runs], [c for _, c, _ in runs], [q for _, _, q in runs]
    return {"wall_median": round(statistics.median(walls), 3), "wall_max": round(max(walls), 3),
            "cpu_median": round(statistics.median(cpus), 3),
            "run_queue_wait_median": round(statistics.median(waits), 3), "runs": len(runs)}


def uncontended(base: dict[str, object], ours: dict[str, object]) -> float:
    """The speedup had neither run waited for a CPU: the baseline's seconds on a CPU against
    the busiest worker's plus every other process's of the add (counted as if they never
    overlapped the workers, so the estimate errs low)."""
    def runs(measure: dict[str, object]) -> dict[str, float]:
        return {name: pair[0] for name, pair in measure["run_wait_s"].items()}  # type: ignore[attr-defined]

    mine = runs(ours)
    workers = [seconds for name, seconds in mine.items() if name.startswith("worker")]
    others = sum(seconds for name, seconds in mine.items() if not name.startswith("worker"))
    return round(sum(runs(base).values()) / (max(workers, default=0.0) + others), 2)


def _float(value: object) -> float:
    return float(str(value))


def add(reader: list[str], work: Path, articles: int, rounds: int, jobs: int | None,
        ) -> tuple[dict[str, object], Path, Path]:
    """The corpus, then ``rounds`` of the baseline and ``library add`` alternating who goes first
    (a change of the machine's load then hits both alike); the report, the last data dir and an article."""
    folder, batch = work / "articles", work / "batch.jsonl"
    written = write_corpus(folder, articles)
    from reader.document import load

    texts = [(str(p), load(p).text) for p in written]
    with open(batch, "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"id": path, "text": text}, ensure_ascii=False) + "\n" for path, text in texts)
    report: dict[str, object] = {"articles": len(texts), "words": sum(len(t.split()) for _, t in texts),
                                 "cpus": len(os.sched_getaffinity(0)), "load_before": os.getloadavg()[0]}
    chosen = [] if jobs is None else ["--jobs", str(jobs)]
    done_rounds = []
    data = work / "data-1"
    for n in range(rounds):
        data = work / f"data-{n + 1}"
        shutil.rmtree(data, ignore_errors=True)
        commands = {
            "baseline_analyze_batch": ([*reader, "analyze", "--batch", str(batch),
                                        "--data-dir", str(work / "batch-data")], work / "batch.out.jsonl"),
            "library_add": ([*reader, "library", "add", str(folder), "--data-dir", str(data), *chosen], None),
        }
        order = list(commands) if n % 2 == 0 else list(reversed(commands))
        done = {name: measured(*commands[name]) for name in order}
        base, ours = done["baseline_analyze_batch"], done["library_add"]
        done_rounds.append({"first": order[0], **done,
                            "speedup": round(_float(base["seconds"]) / _float(ours["seconds"]), 2),
                            "cpu_ratio": round(_float(ours["cpu_seconds"]) / _float(base["cpu_seconds"]), 2),
                            "speedup_without_waiting": uncontended(base, ours)})
    report["add"] = {"rounds": done_rounds,
                     "speedup_median": round(statistics.median(r["speedup"] for r in done_rounds), 2)}
    return report, data, written[0]


def queries(reader: list[str], data: Path, article: Path, runs: int) -> dict[str, object]:
    """Whole-process queries over the library in ``data``; then after a note is added to ``article``
    (the index applies the store's change) and after the index file is deleted (rebuilt)."""
    actors = json.loads(subprocess.run([*reader, "actors", "--kind", "person", "--json", "--data-dir", str(data)],
                                       capture_output=True, text=True, check=True, cwd=REPO, env=ENV).stdout)
    speaker = actors[0]["name"]
    quotes = len(json.loads(subprocess.run([*reader, "quotes", "--speaker", speaker, "--json", "--data-dir",
                                            str(data)], capture_output=True, text=True, check=True,
                                           cwd=REPO, env=ENV).stdout))
    actors_cmd = [*reader, "actors", "--json", "--data-dir", str(data)]
    quotes_cmd = [*reader, "quotes", "--speaker", speaker, "--json", "--data-dir", str(data)]
    found: dict[str, object] = {
        "speaker": speaker, "speaker_quotes": quotes, "people": len(actors),
        "actors_json_s": spread([timed(actors_cmd) for _ in range(runs)]),
        "quotes_speaker_json_s": spread([timed(quotes_cmd) for _ in range(runs)]),
    }
    subprocess.run([*reader, "notes", "add", str(article), "--start", "0", "--end", "10", "--note", "bench",
                    "--data-dir", str(data)], capture_output=True, check=True, cwd=REPO, env=ENV)
    found["actors_json_after_a_note_s"] = spread([timed(actors_cmd)])
    for leftover in data.glob("library-index.sqlite*"):
        leftover.unlink()
    found["actors_json_rebuilding_the_index_s"] = spread([timed(actors_cmd)])
    found["quotes_speaker_json_after_rebuild_s"] = spread([timed(quotes_cmd)])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, help="worker processes for library add (default: one per core)")
    parser.add_argument("--rounds", type=int, default=2, help="baseline and add, alternating who goes first")
    parser.add_argument("--query-runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the corpus and the data dirs here and keep them")
    parser.add_argument("--data-dir", type=Path, help="only the queries, over this library (built before)")
    args = parser.parse_args()

    reader = [sys.executable, "-m", "reader"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", "reader", "notes"], cwd=REPO, env=ENV, check=True)
    if args.data_dir:
        report: dict[str, object] = {"data_dir": str(args.data_dir), "cpus": len(os.sched_getaffinity(0)),
                                     "load_before": os.getloadavg()[0]}
        listed = subprocess.run([*reader, "library", "list", "--json", "--data-dir", str(args.data_dir)],
                                capture_output=True, text=True, check=True, cwd=REPO, env=ENV).stdout
        report["queries"] = queries(reader, args.data_dir, Path(json.loads(listed)[0]["path"]), args.query_runs)
    else:
        work = args.keep or Path(tempfile.mkdtemp(prefix="reader-library-bench-"))
        report, data, article = add(reader, work, args.articles, args.rounds, args.jobs)
        report["queries"] = queries(reader, data, article, args.query_runs)
        report["work_dir"] = str(work) if args.keep else None
    report["load_after"] = os.getloadavg()[0]
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
