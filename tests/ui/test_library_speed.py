"""The Actors and Library pages keep up with typing at a thousand articles (issue 13: ≤ 100 ms a keystroke).

A pytest-qt benchmark over generated rows: 12,000 actors (more than a thousand news
articles hold: benchmarks/library_pages.py measures a real library) and 1,000 articles.
Each keystroke is timed from the key press until the events it caused are handled and
the page has repainted what changed, as wall time and as the CPU time of this process
(the page works on one thread, so on an idle machine the two agree; on a machine shared
with other work the wall time measures the scheduler). The figures are printed
(``pytest -s``); the test fails when a keystroke costs more than 100 ms of CPU, after one
retry of a slow run.
"""

from __future__ import annotations

import random
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.library import ActorRow, ArticleRow
from reader.ui.actors_page import ActorsPage
from reader.ui.library_page import LibraryPage

pytestmark = pytest.mark.gui

BUDGET_MS = 100.0
GIVEN = ["Maria", "Anna", "Peter", "Thomas", "Laura", "David", "Sarah", "Michael", "Elena", "Daniel", "Julia",
         "Robert", "Claire", "Martin", "Sophie", "Paul", "Nina", "George", "Helen", "Victor"]
SURNAMES = ["Varga", "Lindqvist", "Okafor", "Brennan", "Castell", "Morrow", "Halvorsen", "Petrakis", "Delacroix",
            "Nakamura", "Ferreira", "Kowalczyk", "Whitlock", "Ibarra", "Szabo", "Marchetti", "Thorsen", "Quinlan"]


def actors(count: int) -> list[ActorRow]:
    rng = random.Random(13)
    rows = []
    for i in range(count):
        kind = ("person", "person", "organization", "place")[i % 4]
        name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}{'' if i < 300 else f' {i}'}" if kind == "person" \
            else f"{rng.choice(SURNAMES)} {('Council', 'Union', 'Bank', 'Party')[i % 4]} {i}" \
            if kind == "organization" else f"Port {rng.choice(SURNAMES)} {i}"
        rows.append(ActorRow(f"e{i}", name, kind, None, [name.split()[-1]] if kind == "person" else [],  # type: ignore[arg-type]
                             rng.randint(1, 40), rng.randint(1, 200), rng.randint(0, 30), rng.randint(0, 5)))
    return rows


def articles(count: int) -> list[ArticleRow]:
    rng = random.Random(7)
    return [ArticleRow(f"/news/{i % 12:02d}/story-{i}.txt",
                       f"{rng.choice(SURNAMES)} and the {rng.choice(GIVEN)} affair",
                       f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}", rng.randint(0, 3), rng.randint(2, 30),
                       rng.randint(0, 12), "ok", "current", f"/news/{i % 12:02d}/story-{i}.txt",
                       ["energy"] if i % 5 == 0 else [])
            for i in range(count)]


Timing = tuple[float, float]
"""Milliseconds of wall time and of CPU time."""


def timed(work) -> Timing:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def keystrokes(qtbot, field, text: str) -> list[Timing]:
    """Each key press until the page repainted, typing ``text`` then erasing it."""
    times = []
    keys = [(ch, Qt.Key(0)) for ch in text] + [("", Qt.Key.Key_Backspace)] * len(text)
    for ch, key in keys:
        def press(ch: str = ch, key: Qt.Key = key) -> None:
            if ch:
                qtbot.keyClicks(field, ch)
            else:
                qtbot.keyClick(field, key)
            QApplication.processEvents()  # the filter ran; now the page repaints what changed

        times.append(timed(press))
    return times


def measure(qtbot, page, field, fill, text: str) -> tuple[Timing, list[Timing]]:
    page.resize(1300, 860)
    page.show()
    qtbot.waitExposed(page)

    def open_page() -> None:
        fill()
        QApplication.processEvents()

    opened = timed(open_page)
    field.setFocus()
    return opened, keystrokes(qtbot, field, text)


def report(name: str, opened: Timing, times: list[Timing]) -> str:
    def spread(values: list[float]) -> str:
        ordered = sorted(values)
        return f"median {ordered[len(ordered) // 2]:.0f}, p90 {ordered[int(len(ordered) * 0.9)]:.0f}, " \
               f"max {ordered[-1]:.0f} ms"

    return (f"{name}: open {opened[0]:.0f} ms wall / {opened[1]:.0f} ms CPU; {len(times)} keystrokes: "
            f"wall {spread([w for w, _ in times])}; CPU {spread([c for _, c in times])}")


def within_budget(run) -> tuple[Timing, list[Timing]]:  # type: ignore[no-untyped-def]
    opened, times = run()
    if max(c for _, c in times) > BUDGET_MS:
        opened, times = run()  # a second chance for a slow moment of the machine, not for a slow page
    return opened, times


def test_the_actors_page_filters_twelve_thousand_actors_within_100_ms_a_keystroke(qtbot) -> None:
    rows = actors(12_000)

    def run() -> tuple[Timing, list[Timing]]:
        page = ActorsPage()
        qtbot.addWidget(page)
        return measure(qtbot, page, page.filter, lambda: page.set_actors(rows), "maria varga")

    opened, times = within_budget(run)
    print(report("actors page, 12,000 actors", opened, times))
    assert max(c for _, c in times) <= BUDGET_MS and opened[1] <= 1000


def test_the_library_page_filters_a_thousand_articles_within_100_ms_a_keystroke(qtbot) -> None:
    rows = articles(1_000)

    def run() -> tuple[Timing, list[Timing]]:
        page = LibraryPage()
        qtbot.addWidget(page)
        page.show_all_articles()
        return measure(qtbot, page, page.filter, lambda: page.set_rows(rows), "varga affair")

    opened, times = within_budget(run)
    print(report("library page, 1,000 articles", opened, times))
    assert max(c for _, c in times) <= BUDGET_MS and opened[1] <= 1000
