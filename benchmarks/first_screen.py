"""How soon a long article's first screen is marked, with the language model loaded; prints JSON.

    python benchmarks/first_screen.py [--runs 1] [--megabytes 1.0]

Each run is a fresh process that builds the window as ``reader`` does (offscreen, the real
spaCy analysis, an empty data dir, so nothing comes from the cache), loads the model by
analysing a short text, then opens an article of ``--megabytes`` (the bundled sample's
paragraphs, repeated) and records, from the moment it is asked to open:

- ``text_s``: the text is shown;
- ``first_screen_s``: the highlights of the screen shown are drawn;
- ``all_s``: the whole article is analysed and every highlight drawn;
- ``max_stall_ms``: the longest the UI thread went without its event loop (a 5 ms timer).

The baseline, in the same run, is the window without the first analysis of the screen
(``Core.analyse_part`` switched off), as Reader was before: its first screen is marked
only when the whole analysis is done. Figures are medians over ``--runs`` processes.
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
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def long_article(folder: Path, megabytes: float) -> Path:
    """The sample's paragraphs, repeated to ``megabytes`` of text, as a plain-text file."""
    from reader.bundled import sample_article
    from reader.document import load

    sample = load(sample_article())
    paragraphs = [sample.text[b.start:b.end] for b in sample.blocks]
    wanted = int(megabytes * 1_000_000)
    out, size, i = [], 0, 0
    while size < wanted:
        out.append(paragraphs[i % len(paragraphs)])
        size += len(out[-1]) + 2
        i += 1
    path = folder / "long-article.txt"
    path.write_text("date 2024-05-17 " + "\n\n".join(out) + "\n", encoding="utf-8")
    return path


def child(data_dir: Path, article: Path, first_screen: bool) -> dict[str, float]:
    """One process: the window, the model loaded, then the long article opened."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    import reader.core.core as core_module
    import reader.ui.session as session_module
    from reader import paths
    from reader.core import Core
    from reader.document import parse
    from reader.ui.main_window import MainWindow
    from reader.ui.session import Session
    from reader.ui.settings import Settings

    if not first_screen:  # the baseline: the whole analysis only, as before
        core_module.PART_MIN_CHARS = session_module.PART_MIN_CHARS = 10**12
    app = QApplication.instance() or QApplication([])
    core = Core(data_dir)
    session = Session(core)
    window = MainWindow(session, Settings(paths.settings_path(data_dir)))
    window.resize(1360, 860)
    window.show()
    session.start()
    core.analyse(parse("Jens Stoltenberg spoke in Brussels on Friday.", "txt"))  # the model, loaded
    app.processEvents()

    times: dict[str, float] = {}
    from stall_meter import StallMeter  # beside this script

    stall = StallMeter()
    loop = QEventLoop()
    started = 0.0

    def mark(name: str) -> None:
        times.setdefault(name, time.perf_counter() - started)

    def drawn() -> None:
        if window.view.markup_pending():
            QTimer.singleShot(5, drawn)
        else:
            mark("all_s")
            loop.quit()

    session.article_loaded.connect(lambda _a: mark("text_s"))
    window.view.screen_marked.connect(lambda: mark("first_screen_s") if window.view.analysis is not None else None)
    session.analysis_ready.connect(lambda _a: drawn())
    stall.start()
    started = time.perf_counter()
    window.open_path(str(article))
    QTimer.singleShot(600_000, loop.quit)
    loop.exec()
    max_stall_ms = stall.stop()
    window.close()
    if "all_s" not in times:
        raise SystemExit("the analysis did not finish")
    return {**times, "max_stall_ms": max_stall_ms, "characters": len(window.article.text) if window.article else 0}


def run_child(data_dir: Path, article: Path, first_screen: bool) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    argv = [sys.executable, __file__, "--child", str(data_dir), "--article", str(article)]
    if not first_screen:
        argv.append("--whole-only")
    out = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=REPO, check=False)
    if out.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{out.stderr[-3000:]}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--article", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--whole-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.article, not args.whole_only)))
        return
    first: list[dict[str, float]] = []
    whole: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        article = long_article(Path(tmp), args.megabytes)
        for run in range(args.runs):
            for results, flag, name in ((first, True, "first"), (whole, False, "whole")):
                data = Path(tmp) / f"data-{name}-{run}"  # an empty cache each time
                results.append(run_child(data, article, flag))

    def median(runs: list[dict[str, Any]], key: str) -> float:
        return round(statistics.median(r[key] for r in runs), 3)

    keys = ("text_s", "first_screen_s", "all_s", "max_stall_ms")
    print(json.dumps({
        "runs": args.runs,
        "characters": int(first[0]["characters"]),
        "reader": {key: median(first, key) for key in keys},
        "baseline_whole_analysis_only": {key: median(whole, key) for key in keys},
    }, indent=1))


if __name__ == "__main__":
    main()
