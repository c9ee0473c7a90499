"""The library in the window with the real pipeline: worker processes, spaCy, a tiny folder.

Slow (a worker process loads the language model), so marked ``slow`` as well as ``gui``.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.library_articles import write_articles

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ARTICLES = {
    "spring/council.txt": (
        " date 2024-02-06 Council approves the tram line\n\n"
        "The city council of Aarhus approved the new tram line on Tuesday after a long debate. "
        "Mayor Henrik Dalsgaard welcomed the vote. \u201cThis line will carry forty thousand people a day,\u201d "
        "Henrik Dalsgaard told reporters outside the town hall.\n\n"
        "Opposition members said the budget was too optimistic.\n"),
    "spring/tram.txt": (
        " date 2024-03-19 Tram works begin\n\n"
        "Construction of the tram line began in Aarhus on Monday. Henrik Dalsgaard, the mayor, visited the site "
        "in the morning. "
        "\u201cWe will finish on time and on budget,\u201d Dalsgaard said.\n\n"
        "Residents complained about the noise.\n"),
    "summer/delay.txt": (
        " date 2024-07-02 Tram line delayed\n\n"
        "The tram line in Aarhus will open a year late, the mayor, Henrik Dalsgaard, admitted on Tuesday. "
        "\u201cThe ground was softer than anyone expected,\u201d he said.\n"),
}
"""One mayor named three ways ("Mayor Henrik Dalsgaard", "Henrik Dalsgaard, the mayor", then "Dalsgaard",
and "the mayor, Henrik Dalsgaard", then "he")."""


@pytest.fixture
def make(qtbot, data_dir: Path) -> Iterator[Callable[..., object]]:
    """A window over a core with the real analyzer and one worker process for the library."""
    from reader import paths
    from reader.core import Core
    from reader.ui.main_window import MainWindow
    from reader.ui.session import Session
    from reader.ui.settings import Settings

    made = []

    def build():
        session = Session(Core(data_dir, library_jobs=1))
        window = MainWindow(session, Settings(paths.settings_path(data_dir)))
        qtbot.addWidget(window)
        window.resize(1300, 860)
        window.show()
        session.start()
        qtbot.waitUntil(lambda: session.core.notes_available, timeout=10000)
        made.append(window)
        return window

    yield build
    for window in made:
        window.close()


def test_a_real_folder_is_analysed_in_a_worker_and_a_quotation_of_the_mayor_opens_in_its_article(
        qtbot, make, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "articles", ARTICLES)
    window = make()
    with qtbot.waitSignal(window.session.library.add_finished, timeout=300_000) as finished:
        window.library.add_paths([str(folder)])
    report = finished.args[0]
    assert report.count("added") == 3 and report.analysed == 3 and not report.refused
    assert multiprocessing.active_children() == []  # the worker is gone once the add is done

    window.library.show_page("actors")
    page = window.library.actors_page
    qtbot.waitUntil(lambda: page.model.total > 0, timeout=10000)
    mayor = next(a for a in page.model.actors if a.name == "Henrik Dalsgaard")
    assert (mayor.kind, mayor.articles) == ("person", 3)
    assert page.select(mayor.id)
    qtbot.waitUntil(lambda: page.profile is not None and page.profile.actor.id == mayor.id, timeout=10000)
    quotes = page.profile.quotes
    assert [q.date for q in quotes] == ["2024-02-06", "2024-03-19", "2024-07-02"]
    last = page.quotes.model().index(2, 1)
    with qtbot.waitSignal(window.session.analysis_ready, timeout=60000):
        page.quotes.clicked.emit(last)
    start, end = window.view.marked_span
    assert window.article.source == quotes[2].path
    assert window.article.text[start:end] == "\u201cThe ground was softer than anyone expected,\u201d"


def test_closing_the_window_while_workers_load_stops_them(qtbot, make, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "articles", ARTICLES)
    window = make()
    with qtbot.waitSignal(window.session.library.progress, timeout=60000,
                          check_params_cb=lambda p: p.phase == "reading"):
        window.library.add_paths([str(folder)])
    qtbot.waitUntil(lambda: multiprocessing.active_children() != [], timeout=10000)
    window.close()
    assert [p for p in multiprocessing.active_children() if p.name == "reader-analysis"] == []
    assert window.library._settings.pending_additions() == [str(folder)]  # resumed on the next start
