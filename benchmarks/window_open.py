"""The window's open-to-highlighted time on the bundled sample, as the reader meets it; prints JSON.

    python benchmarks/window_open.py [--runs 3]

Each run is a fresh process that builds the window as ``reader`` does (offscreen, the real
spaCy analysis, a note store in a temporary data dir), shows it, opens the sample and waits
until every highlight is drawn:

- ``cold``: an empty data dir, so the open includes loading spaCy and analysing the text;
- ``warm``: a data dir whose analysis cache already holds the sample (a later day's start);
- ``reopen``: in the warm process, opening the same article again in the same window.

``max_stall_ms`` is the longest the UI thread went without running its event loop between
the open and the last highlight (a 5 ms timer measures it): the window must never block.
Figures are medians over ``--runs`` processes.
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


def child(data_dir: Path) -> dict[str, float]:
    """One process: build the window, open the sample twice, report the times."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.bundled import sample_article

    app = QApplication.instance() or QApplication([])
    window, close = _build_window(data_dir)
    window.resize(1360, 860)
    window.show()
    app.processEvents()

    from stall_meter import StallMeter  # beside this script

    stall = StallMeter()

    def open_and_wait() -> float:
        loop = QEventLoop()
        done = {"analysed": False}

        def drawn() -> None:
            if window.view.markup_pending() or not done["analysed"]:
                QTimer.singleShot(2, drawn)
            else:
                loop.quit()

        def analysed(_analysis: object) -> None:
            done["analysed"] = True
            drawn()

        window.session.analysis_ready.connect(analysed)
        started = time.perf_counter()
        window.open_path(str(sample_article()))
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        elapsed = time.perf_counter() - started
        window.session.analysis_ready.disconnect(analysed)
        if not done["analysed"]:
            raise SystemExit("the analysis did not finish")
        return elapsed

    stall.start()
    first = open_and_wait()
    first_stall = stall.stop()
    stall.start()
    again = open_and_wait()
    again_stall = stall.stop()
    close()
    return {"first_open_s": first, "first_max_stall_ms": first_stall, "reopen_s": again,
            "reopen_max_stall_ms": again_stall}


def _build_window(data_dir: Path) -> tuple[Any, Any]:
    """The window as ``reader.ui.app.run_window`` builds it, and how to close it."""
    from reader import paths
    from reader.core import Core
    from reader.ui.main_window import MainWindow
    from reader.ui.session import Session
    from reader.ui.settings import Settings

    session = Session(Core(data_dir))
    window = MainWindow(session, Settings(paths.settings_path(data_dir)))
    session.start()
    return window, window.close


def run_child(data_dir: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, __file__, "--child", str(data_dir)], capture_output=True, text=True,
                         env=env, cwd=REPO, check=False)
    if out.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child)))
        return
    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
            cold.append(run_child(Path(tmp)))  # fills the cache
            warm.append(run_child(Path(tmp)))

    def median(runs: list[dict[str, float]], key: str, scale: float = 1.0) -> float:
        return round(statistics.median(r[key] for r in runs) * scale, 3)

    print(json.dumps({
        "runs": args.runs,
        "cold_open_to_highlighted_s": median(cold, "first_open_s"),
        "cold_max_stall_ms": median(cold, "first_max_stall_ms"),
        "warm_open_to_highlighted_s": median(warm, "first_open_s"),
        "warm_max_stall_ms": median(warm, "first_max_stall_ms"),
        "reopen_to_highlighted_s": median(warm, "reopen_s"),
        "reopen_max_stall_ms": median(warm, "reopen_max_stall_ms"),
    }, indent=1))


if __name__ == "__main__":
    main()
