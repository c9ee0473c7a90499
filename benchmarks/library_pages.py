"""The window's library pages on a real library: opening them and filtering as you type; prints JSON.

    python benchmarks/library_pages.py [--articles 1000] [--keep DIR] [--data-dir DATA]

Builds a library of generated articles (``benchmarks/news_corpus.py``, seeded) with
``reader library add`` (the real pipeline, in worker processes), unless ``--data-dir``
names one already built (``--keep DIR`` keeps what this run builds, in DIR/data). Then it
opens the window offscreen on that data dir and measures, as wall time and as the CPU
time of the process (on a machine shared with other work the wall time also measures the
scheduler; the page works on one thread, so on an idle machine the two agree):

- ``open``: from asking for the Actors (Library) page until its rows are shown and painted;
- ``keystrokes``: each key typed into the page's filter (a name, then erased) until the
  page has repainted (issue 13: at most 100 ms a keystroke at 1,000 articles);
- ``quotations``: the Quotations page answering a speaker's name.
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
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from news_corpus import write_corpus

REPO = Path(__file__).resolve().parent.parent


def build(work: Path, articles: int) -> Path:
    folder, data = work / "articles", work / "data"
    write_corpus(folder, articles)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reader", "library", "add", str(folder), "--data-dir", str(data)],
                   check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    print(f"library add: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return data


def spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median": round(statistics.median(ordered), 1), "p90": round(ordered[int(len(ordered) * 0.9)], 1),
            "max": round(ordered[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build the corpus and the data dir here and keep them")
    parser.add_argument("--data-dir", type=Path, help="measure this library instead of building one")
    args = parser.parse_args()
    data = args.data_dir or build(args.keep or Path(tempfile.mkdtemp(prefix="reader-pages-bench-")), args.articles)

    from PySide6.QtWidgets import QApplication

    from reader.core import Core
    from reader.ui.main_window import MainWindow
    from reader.ui.session import Session
    from reader.ui.settings import Settings

    app = QApplication([])
    session = Session(Core(data))
    window = MainWindow(session, Settings(data / "bench-settings.ini"))
    window.resize(1360, 860)
    window.show()
    session.start()

    def until(condition: Callable[[], bool], limit: float = 120.0) -> None:
        end = time.monotonic() + limit
        while not condition():
            if time.monotonic() > end:
                raise SystemExit("timed out")
            app.processEvents()
            time.sleep(0.001)

    def timed(work: Callable[[], None]) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        app.processEvents()
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    until(lambda: session.core.notes_available)
    controller = window.library
    actors_page, library_page, quotes_page = controller.actors_page, controller.library_page, controller.quotes_page
    report: dict[str, object] = {"data_dir": str(data), "load_before": os.getloadavg()[0]}

    def open_actors() -> None:
        controller.show_page("actors")
        until(lambda: actors_page.model.total > 0)

    wall, cpu = timed(open_actors)
    people = [a for a in actors_page.model.actors if a.kind == "person"]
    name = max(people, key=lambda a: a.articles).name
    report["actors"] = {"count": actors_page.model.total, "open_ms": {"wall": round(wall), "cpu": round(cpu)}}

    def type_into(field, text: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
        walls, cpus = [], []
        for prefix in [text[:n] for n in range(1, len(text) + 1)] + [text[:n] for n in range(len(text) - 1, -1, -1)]:
            w, c = timed(lambda prefix=prefix: field.setText(prefix))
            walls.append(w)
            cpus.append(c)
        return {"typed": text, "keystrokes": len(walls), "wall_ms": spread(walls), "cpu_ms": spread(cpus)}

    report["actors"]["filter"] = type_into(actors_page.filter, name.casefold())  # type: ignore[index]

    def open_library() -> None:
        controller.show_page("library")
        until(lambda: library_page.model.total > 0)

    wall, cpu = timed(open_library)
    library_page.show_all_articles()
    report["library"] = {"articles": library_page.model.total, "open_ms": {"wall": round(wall), "cpu": round(cpu)},
                         "filter": type_into(library_page.filter, name.split()[-1].casefold())}

    controller.show_page("quotations")
    until(lambda: quotes_page.model.total > 0)
    started = time.perf_counter()
    quotes_page.speaker.setText(name)
    quotes_page.search()
    until(lambda: quotes_page.model.total and all(r.speaker == name for r in quotes_page.rows))
    report["quotations"] = {"speaker": name, "quotes": quotes_page.model.total,
                            "answer_ms": round((time.perf_counter() - started) * 1000)}
    report["load_after"] = os.getloadavg()[0]
    window.close()
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
