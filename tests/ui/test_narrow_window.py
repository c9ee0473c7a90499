"""A narrow window keeps a readable column: the panels give way, and come back (issue 12, item 6)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import open_and_wait

MIN_COLUMN = 460
"""The narrowest readable column in pixels (about 45 characters); reader.ui.panel_layout keeps it."""

pytestmark = pytest.mark.gui


def test_panels_give_way_below_a_minimum_column_and_come_back(qtbot, make_window, article_file) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    window.notes.show_search()  # a panel on the left too
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.notes.finder.dock.isVisible() and window.actors_dock.isVisible(), timeout=3000)
    qtbot.wait(100)
    assert window.view.width() >= MIN_COLUMN

    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.view.width() >= MIN_COLUMN, timeout=3000)
    assert window.width() == 800  # no page of the library keeps the window wider than the screen
    assert not window.notes.finder.dock.isVisible()  # the left side went first
    assert "readable" in window.status.message.text()
    column = window.view.width()
    assert column >= MIN_COLUMN and window.view.viewportMargins().left() >= 0

    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.notes.finder.dock.isVisible() and window.actors_dock.isVisible(), timeout=3000)
    qtbot.wait(100)
    assert window.view.width() >= MIN_COLUMN


def test_the_rule_keeps_the_column_this_test_expects() -> None:
    from reader.ui import panel_layout

    assert panel_layout.MIN_COLUMN == MIN_COLUMN


def test_a_panel_shown_by_hand_in_a_narrow_window_stays(qtbot, make_window, article_file) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.view.width() >= MIN_COLUMN, timeout=3000)
    window.notes.show_search()
    qtbot.wait(200)
    assert window.notes.finder.dock.isVisible()


def test_a_long_status_message_does_not_keep_the_window_wide(qtbot, make_window, article_file) -> None:
    """A message is one line of the status bar: a long one is cut to the room there (whole in its
    tooltip), not a minimum width that the window cannot be narrowed below."""
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    window.resize(700, 600)
    qtbot.waitUntil(lambda: window.width() == 700, timeout=3000)
    message = "Searching every note for the words of a long query, then the articles they are in; " * 4
    window.show_status(message)
    qtbot.wait(50)
    assert window.width() == 700 and window.minimumSize().width() <= 700
    label = window.status.message
    assert label.text() == message and label.toolTip() == message
    assert label.width() < label.fontMetrics().horizontalAdvance(message)
    shown = label.grab().toImage()
    assert any(shown.pixelColor(x, shown.height() // 2) != shown.pixelColor(0, 0)
               for x in range(shown.width()))  # the message is drawn, cut
