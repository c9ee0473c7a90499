"""The library at a thousand articles, whole processes as the user runs them; prints JSON.

    python benchmarks/library.py [--articles 1000] [--jobs N] [--query-runs 5] [--keep DIR]

- ``add``: ``reader library add FOLDER`` on a fresh data dir (empty analysis cache) against
  the baseline, one ``reader analyze --batch`` process over the same texts, run in the same
  invocation; ``speedup`` is baseline time / add time (issue 13: at least 1.6 on 2 cores).
  Peak resident memory is reported for every process (the parent and each worker), read
  from ``/proc`` while they run (Linux), and CPU time (user + system, workers included).
  On a busy machine the speedup does not show: Linux's autogroup scheduling shares the
  CPU between sessions, so two workers get no more than one process would; the CPU times
  still tell what the parallel run costs.
- ``queries``: ``reader actors --json`` and ``reader quotes --speaker NAME --json`` (NAME:
  the person with most articles) over the resulting library, ``--query-runs`` times each,
  whole process (issue 13: at most 0.5 s); then once each after a note was added (the
  index catches up with the store) and after the index file was deleted (rebuilt from the
  store, the files and the cache).

The articles are generated (``benchmarks/news_corpus.py``, seeded), never copied. The
machine's load average is reported before and after: on a shared machine, compare
ratios, and rerun when the load is high.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


class PeakMemory:
    """Polls ``/proc`` for the peak resident memory (VmHWM) of a process and its descendants."""

    def __init__(self, root: int, every: float = 0.1) -> None:
        self.root = root
        self.every = every
        self.peaks: dict[int, tuple[str, float]] = {}  # pid → (role, MB)
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
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, text=True, cwd=REPO)
        memory = PeakMemory(process.pid)
        _, err = process.communicate()
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        peaks = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "peak_mb": {f"{role} {pid}": round(mb) for pid, (role, mb) in sorted(peaks.items())}}


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the process and its children) of one run: on a
    shared machine the CPU time says what the command costs, the wall time what it felt like."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def spread(runs: list[tuple[float, float]]) -> dict[str, float]:
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    return {"wall_median": round(statistics.median(walls), 3), "wall_max": round(max(walls), 3),
            "cpu_median": round(statistics.median(cpus), 3), "runs": len(runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, help="worker processes for library add (default: one per core)")
    parser.add_argument("--query-runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the corpus and the data dir here and keep them")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="reader-library-bench-"))
    folder, data, batch = work / "articles", work / "data", work / "batch.jsonl"
    reader = [sys.executable, "-m", "reader"]
    written = write_corpus(folder, args.articles)
    from reader.document import load

    texts = [(str(p), load(p).text) for p in written]
    with open(batch, "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"id": path, "text": text}, ensure_ascii=False) + "\n" for path, text in texts)

    report: dict[str, object] = {"articles": len(texts), "words": sum(len(t.split()) for _, t in texts),
                                 "cpus": len(os.sched_getaffinity(0)), "load_before": os.getloadavg()[0]}
    baseline = measured([*reader, "analyze", "--batch", str(batch)], stdout=work / "batch.out.jsonl")
    jobs = [] if args.jobs is None else ["--jobs", str(args.jobs)]
    added = measured([*reader, "library", "add", str(folder), "--data-dir", str(data), *jobs])
    speedup = round(float(str(baseline["seconds"])) / float(str(added["seconds"])), 2)
    report["add"] = {"baseline_analyze_batch": baseline, "library_add": added, "speedup": speedup}

    actors = json.loads(subprocess.run([*reader, "actors", "--kind", "person", "--json", "--data-dir", str(data)],
                                       capture_output=True, text=True, check=True, cwd=REPO).stdout)
    speaker = actors[0]["name"]
    quotes = len(json.loads(subprocess.run([*reader, "quotes", "--speaker", speaker, "--json", "--data-dir",
                                            str(data)], capture_output=True, text=True, check=True,
                                           cwd=REPO).stdout))
    actors_cmd = [*reader, "actors", "--json", "--data-dir", str(data)]
    quotes_cmd = [*reader, "quotes", "--speaker", speaker, "--json", "--data-dir", str(data)]
    queries: dict[str, object] = {
        "speaker": speaker, "speaker_quotes": quotes, "actors": len(actors),
        "actors_json_s": spread([timed(actors_cmd) for _ in range(args.query_runs)]),
        "quotes_speaker_json_s": spread([timed(quotes_cmd) for _ in range(args.query_runs)]),
    }
    subprocess.run([*reader, "notes", "add", str(written[0]), "--start", "0", "--end", "10", "--note", "bench",
                    "--data-dir", str(data)], capture_output=True, check=True, cwd=REPO)
    queries["actors_json_after_a_note_s"] = spread([timed(actors_cmd)])
    for leftover in data.glob("library-index.sqlite*"):
        leftover.unlink()
    queries["actors_json_rebuilding_the_index_s"] = spread([timed(actors_cmd)])
    queries["quotes_speaker_json_after_rebuild_s"] = spread([timed(quotes_cmd)])
    report["queries"] = queries
    report["load_after"] = os.getloadavg()[0]
    report["work_dir"] = str(work) if args.keep else None
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
