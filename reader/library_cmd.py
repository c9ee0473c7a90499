"""``reader library add|update|list``: register articles and analyse them, headless.

Progress goes to stderr (at most one line every few seconds), each refused file to stderr
as one line, the summary (or with ``--json`` one JSON array, one object per file or
article) to stdout. ``add`` exits non-zero when some file was refused. Ctrl+C stops the
analysis and still indexes what was done; a second Ctrl+C quits at once.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reader.library import AddReport, Library, Progress

EXIT_REFUSED = 1
PROGRESS_SECONDS = 2.0
"""Shortest time between two progress lines."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader library",
                                     description="The library: every article added or opened, analysed once.")
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="register files and folders (recursively: .txt, .md, .markdown, .html, .htm) "
                                     "and analyse new or changed articles")
    add.add_argument("paths", nargs="+", metavar="PATH")
    update = sub.add_parser("update", help="check every registered article again and analyse what changed "
                                           "(or was analysed by an older Reader or another model)")
    listing = sub.add_parser("list", help="registered articles: path, title, date, notes, actors, quotes, status")
    for command in (add, update, listing):
        command.add_argument("--json", action="store_true", help="print one JSON array")
        command.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                             help="folder of the note store and caches (default: the user data dir, "
                                  "or $READER_DATA_DIR)")
    for command in (add, update):
        command.add_argument("--jobs", type=_jobs, metavar="N",
                             help="worker processes for the analysis (default: one per core; 0: none)")
        command.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm)")
    return parser


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return jobs


def run(args: argparse.Namespace) -> int:
    with Library(args.data_dir, model=getattr(args, "model", None)) as library:
        if args.action == "list":
            return _list(library, args.json)
        cancel = threading.Event()
        with _first_interrupt_cancels(cancel):
            if args.action == "add":
                report = library.add(args.paths, jobs=args.jobs, progress=_Printer(), cancel=cancel)
            else:
                report = library.update(jobs=args.jobs, progress=_Printer(), cancel=cancel)
        return _summary(report, args, library)


def _list(library: Library, as_json: bool) -> int:
    rows = library.articles()
    if as_json:
        _dump([r.to_json() for r in rows])
        return 0
    if not rows:
        print("reader: the library is empty; add articles with: reader library add FOLDER", file=sys.stderr)
        return 0
    for r in rows:
        analysis = "" if r.analysis == "current" else f" [analysis: {r.analysis}]"
        tags = "".join(f" #{t}" for t in r.tags)
        print(f"{r.status:8} {r.date or '':10}  {r.notes:3} notes {r.actors:3} actors {r.quotes:3} quotes  "
              f"{r.title}{analysis}\n{'':21}{r.path}{tags}")
    return 0


def _summary(report: AddReport, args: argparse.Namespace, library: Library) -> int:
    for refused in report.refused:
        print(f"reader: {refused.path}: {refused.reason}", file=sys.stderr)
    if args.json:
        _dump([f.to_json() for f in report.files])
    else:
        counts = ", ".join(f"{report.count(o)} {o}" for o in ("added", "changed", "moved", "unchanged", "refused")
                           if report.count(o) or o in ("added", "unchanged"))
        stopped = " (stopped: run it again to finish)" if report.cancelled else ""
        print(f"{counts}; analysed {report.analysed} in {report.seconds:.1f} s{stopped}")
    if not report.files and getattr(args, "paths", None):
        print("reader: no articles (.txt, .md, .markdown, .html, .htm) found there", file=sys.stderr)
        return EXIT_REFUSED
    left = library.unanalysed()
    if left and not report.cancelled:
        print(f"reader: {left} article{'s' * (left != 1)} of the library still have no current analysis "
              "(run: reader library update)", file=sys.stderr)
    return EXIT_REFUSED if report.refused or report.cancelled else 0


def _dump(items: list[dict[str, Any]]) -> None:
    json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


class _Printer:
    """Progress lines on stderr: the first, then at most one every :data:`PROGRESS_SECONDS`, and the last."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if p.phase not in ("scanning", "done") and now - self.last < PROGRESS_SECONDS:
            return
        self.last = now
        if p.phase == "scanning":
            line = f"found {p.total} article file{'s' * (p.total != 1)}"
        elif p.phase == "done":
            return
        else:
            left = f", about {_duration(p.seconds_left)} left" if p.seconds_left is not None else ""
            line = f"{p.phase}: {p.done}/{p.total} files, {p.analysed} analysed{left}"
        print(f"library: {line}", file=sys.stderr, flush=True)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


@contextmanager
def _first_interrupt_cancels(cancel: threading.Event) -> Iterator[None]:
    """Ctrl+C sets ``cancel`` (the run stops and keeps what it did); a second one interrupts."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        print("library: stopping after the files in progress (Ctrl+C again to quit now)", file=sys.stderr, flush=True)

    previous = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)

