"""Notes in the real reading window: astral text, restoring after a restart, clicking, search."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from notes.records import Annotation

from tests.ui.conftest import open_and_wait, select

pytestmark = pytest.mark.gui



def drawn(window) -> list[str]:
    """The passages the view paints as extra selections (the reader's highlights)."""
    return [selection.cursor.selectedText() for selection in window.view.extraSelections()]


def stored(window) -> list[Annotation]:
    return window.session.core.notes()


def test_highlight_over_astral_text_is_stored_drawn_and_restored_after_a_restart(
        qtbot, make_window, article_file: Path) -> None:
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    start = text.index("Ada Lovelace wrote")
    end = text.index(" was not shy")  # ends after 𝔄𝔡𝔞, three surrogate pairs in Qt
    select(window, start, end)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # keys 1-5 are window shortcuts
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: len(stored(window)) == 1, timeout=5000)
    (saved,) = stored(window)
    assert (saved.selector.exact, saved.color) == ("Ada Lovelace wrote. 𝔄𝔡𝔞", "pink")
    assert saved.actors == ["Ada Lovelace"]
    qtbot.waitUntil(lambda: drawn(window) == ["Ada Lovelace wrote. 𝔄𝔡𝔞"], timeout=5000)
    window.close()

    again = make_window()
    open_and_wait(qtbot, again, article_file)
    qtbot.waitUntil(lambda: drawn(again) == ["Ada Lovelace wrote. 𝔄𝔡𝔞"], timeout=5000)
    assert again.notes.panel.model.rowCount() == 1


def test_clicking_a_drawn_highlight_opens_its_note(qtbot, make_window, article_file: Path) -> None:
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    start = text.index("Babbage replied")
    select(window, start, start + len("Babbage replied"))
    window.notes.highlight("blue")
    qtbot.waitUntil(lambda: drawn(window) == ["Babbage replied"], timeout=5000)
    cursor = window.view.textCursor()
    cursor.clearSelection()
    window.view.setTextCursor(cursor)
    probe = QTextCursor(window.view.document())
    probe.setPosition(window.view.positions.to_qt(start + 3))
    point = window.view.cursorRect(probe).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.notes.editor.annotation_id == stored(window)[0].id, timeout=5000)
    assert window.notes.editor_dock.isVisible()


def test_a_search_hit_in_another_article_opens_it_at_the_passage(qtbot, make_window, article_file: Path,
                                                                 tmp_path: Path) -> None:
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    start = text.index("Come to London")
    select(window, start, start + len("Come to London"))
    window.notes.highlight("green")
    qtbot.waitUntil(lambda: len(stored(window)) == 1, timeout=5000)
    window.session.core.update_note(stored(window)[0].id, note="An invitation, with #travel in mind")
    other = tmp_path / "other.txt"
    other.write_text("Nothing to see in this one.", encoding="utf-8")
    open_and_wait(qtbot, window, other)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.notes.finder.panel.query.hasFocus()
    qtbot.keyClicks(window.notes.finder.panel.query, "invitation")
    qtbot.waitUntil(lambda: window.notes.finder.panel.model.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(window.session.article_loaded, timeout=5000):
        qtbot.keyClick(window.notes.finder.panel.query, Qt.Key.Key_Return)
    assert window.article.source == str(article_file)
    qtbot.waitUntil(lambda: window.notes.editor.annotation_id == stored(window)[0].id, timeout=5000)
    qtbot.waitUntil(lambda: drawn(window) == ["Come to London"], timeout=5000)
    assert window.view.positions.to_py(window.view.textCursor().position()) == start  # scrolled there
