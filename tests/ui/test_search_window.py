"""Search in the window, the window's side of issue 12 item 17: a query that cannot be understood
says why, ``actor:"X"`` finds the passages that mention X, and ``in:`` offers the articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.gui


def search(qtbot, window, query: str) -> None:
    window.notes.show_search()
    window.notes.finder.panel.set_query(query)
    qtbot.waitUntil(lambda: window.notes.finder.panel.status.text() != "", timeout=5000)


def highlight(qtbot, window, start: int, end: int, color: str = "yellow") -> None:
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(start))
    cursor.setPosition(window.view.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    before = len(window.session.core.notes())
    window.notes.highlight(color)
    qtbot.waitUntil(lambda: len(window.session.core.notes()) == before + 1, timeout=5000)


def test_an_invalid_date_says_so_instead_of_finding_nothing(qtbot, make_window, article_file) -> None:
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    highlight(qtbot, window, text.index("Babbage replied"), text.index("Babbage replied") + 15)
    search(qtbot, window, "replied before:2024-13-01")
    assert window.notes.finder.panel.status.text() == "before: needs a date as YYYY-MM-DD, not '2024-13-01'"
    window.notes.finder.panel.status.clear()
    search(qtbot, window, "replied before:2999-01-01")
    assert window.notes.finder.panel.status.text() == "1 note"


def test_notes_name_who_their_passage_mentions_once_the_analysis_is_there(qtbot, make_window, analyzer,
                                                                          article_file) -> None:
    """A highlight made before the analysis arrived named nobody, so ``actor:`` could not find it
    by its passage; a rename changed the name. The window keeps the names current."""
    window = make_window()
    analyzer.release.clear()  # the analysis is held back: the highlight is made without it
    with qtbot.waitSignal(window.session.article_opened, timeout=5000):
        window.open_path(str(article_file))
    text = window.article.text
    start = text.index("Babbage replied")
    highlight(qtbot, window, start, start + 15)
    assert window.session.core.notes()[0].actors == []
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        analyzer.release.set()
    qtbot.waitUntil(lambda: window.session.core.notes()[0].actors == ["Babbage"], timeout=5000)
    search(qtbot, window, 'actor:"Babbage"')
    assert window.notes.finder.panel.model.rowCount() == 1


def test_in_offers_the_articles_by_title_and_file_name(qtbot, make_window, article_file, tmp_path: Path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    other = tmp_path / "harbour-notes.txt"
    other.write_text("Nothing but the harbour today.", encoding="utf-8")
    open_and_wait(qtbot, window, other)
    window.notes.refresh_articles()
    completer = window.notes.finder.panel.completer
    qtbot.waitUntil(lambda: completer.model().rowCount() >= 4, timeout=5000)
    window.notes.show_search()
    box = window.notes.finder.panel.query
    qtbot.keyClicks(box, "storm in:harb")
    qtbot.waitUntil(lambda: completer.completionCount() >= 1, timeout=2000)
    offered = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert "harbour-notes.txt" in offered
    completer.setCurrentRow(offered.index("harbour-notes.txt"))
    assert completer.pathFromIndex(completer.currentIndex()) == 'storm in:"harbour-notes.txt" '
    box.clear()
    qtbot.keyClicks(box, "storm harb")  # not an in: filter: nothing offered
    assert completer.splitPath(box.text()) == [completer.NOTHING]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
