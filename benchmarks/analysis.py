"""Speed and memory of the analysis, measured as the user meets it (whole processes); prints JSON.

    python benchmarks/analysis.py [BATCH.jsonl] [--repeat N] [--size-mb 5] [--only speed|memory|long_line]

- ``speed``: wall time of ``reader analyze --batch`` over the batch against a bare spaCy
  process (import spaCy, load ``en_core_web_sm`` with its default pipeline, ``nlp.pipe``
  over the same texts), run back to back ``--repeat`` times; ``ratio`` (the median of the
  pairs' ratios) must stay ≤ 0.8. ``cpu_ratio``: the same for CPU time (user + system, child
  processes included), which a busy machine disturbs less than wall time.
- ``memory``: peak RSS of ``reader analyze FILE --json`` on an article of ``--size-mb``
  built by repeating the batch texts (bound: 1.5 GB).
- ``long_line``: time of ``reader analyze`` on 2 MB without a single space (bound: 60 s).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BATCH = REPO.parent / "shared" / "eval" / "ner-conll03-dev.jsonl"

_BARE = """
import json, sys
import spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
nlp = spacy.load(sys.argv[2])
for doc in nlp.pipe(texts):
    pass
"""

_PEAK = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, with the children it waited for) of ``command``."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise subprocess.CalledProcessError(status, command)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def peak_rss_mb(command: list[str]) -> tuple[int, float]:
    """Exit code and peak resident memory of ``command``, measured from a fresh parent process."""
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True,
                         cwd=REPO).stdout.split()
    return int(out[0]), int(out[1]) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", nargs="?", type=Path, default=DEFAULT_BATCH)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--size-mb", type=float, default=5.0)
    parser.add_argument("--only", action="append", choices=("speed", "memory", "long_line"),
                        help="measure only this (repeatable); default: everything")
    args = parser.parse_args()
    parts = set(args.only or ("speed", "memory", "long_line"))

    from reader.analysis.engine import Engine

    model = Engine().model_name
    texts = [json.loads(line)["text"] for line in args.batch.read_text(encoding="utf-8").splitlines() if line.strip()]
    report: dict[str, object] = {}
    if "speed" in parts:
        reader_cmd = [sys.executable, "-m", "reader", "analyze", "--batch", str(args.batch)]
        bare_cmd = [sys.executable, "-c", _BARE, str(args.batch), model]
        reader_runs, bare_runs = [], []
        for _ in range(max(1, args.repeat)):  # interleaved, so a busy machine slows both alike
            bare_runs.append(timed(bare_cmd))
            reader_runs.append(timed(reader_cmd))
        # each pair ran back to back, under the same load
        ratios = [r[0] / b[0] for r, b in zip(reader_runs, bare_runs)]
        cpu_ratios = [r[1] / b[1] for r, b in zip(reader_runs, bare_runs)]
        report["speed"] = {"documents": len(texts), "words": sum(len(t.split()) for t in texts), "model": model,
                           "reader_s": round(min(r[0] for r in reader_runs), 2),
                           "bare_spacy_s": round(min(b[0] for b in bare_runs), 2),
                           "ratio": round(statistics.median(ratios), 3), "bound": 0.8,
                           "ratio_per_run": [round(r, 3) for r in ratios],
                           "reader_cpu_s": round(min(r[1] for r in reader_runs), 2),
                           "bare_spacy_cpu_s": round(min(b[1] for b in bare_runs), 2),
                           "cpu_ratio": round(statistics.median(cpu_ratios), 3),
                           "load_average": round(os.getloadavg()[0], 1)}
    with tempfile.TemporaryDirectory() as tmp:
        if "memory" in parts:
            article = Path(tmp) / "long.txt"
            unit = "\n\n".join(texts)
            size = int(args.size_mb * 1_000_000)
            article.write_text((unit + "\n\n") * (size // (len(unit) + 2) + 1), encoding="utf-8")
            command = [sys.executable, "-m", "reader", "analyze", str(article), "--json", "--no-cache", "--data-dir", tmp]
            started = time.perf_counter()
            code, peak = peak_rss_mb(command)
            report["memory"] = {"article_mb": round(article.stat().st_size / 1e6, 2), "exit": code,
                                "peak_rss_mb": round(peak, 1), "seconds": round(time.perf_counter() - started, 1),
                                "bound_mb": 1536}
        if "long_line" in parts:
            spaceless = Path(tmp) / "spaceless.txt"
            spaceless.write_text("x" * 2_000_000, encoding="utf-8")
            command = [sys.executable, "-m", "reader", "analyze", str(spaceless), "--json", "--no-cache",
                       "--data-dir", tmp]
            started = time.perf_counter()
            code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO).returncode
            report["long_line"] = {"chars": 2_000_000, "exit": code, "seconds": round(time.perf_counter() - started, 1),
                                   "bound_s": 60}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
