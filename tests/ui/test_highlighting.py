"""Highlighting in the window: whole words, overlaps joined or striped, Delete wherever the
highlight was selected, and Undo/Redo for all of it (issue 12, items 7 and 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from tests.ui.conftest import open_and_wait, point_at, select

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier



def stored(window) -> list:
    return window.session.core.notes()


def passages(window) -> list[str]:
    return sorted(a.selector.exact for a in stored(window))


def ready(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.view.setFocus()


def highlight(qtbot, window, text: str, start: str, end: str, key=Qt.Key.Key_1, count: int | None = None) -> None:
    s, e = text.index(start), text.index(end) + len(end)
    before = len(stored(window))
    select(window, s, e)
    qtbot.keyClick(window.view, key)
    qtbot.waitUntil(lambda: len(stored(window)) == (before + 1 if count is None else count), timeout=5000)
    qtbot.waitUntil(lambda: {h[0] for h in window.view.user_highlights} == {a.id for a in stored(window)},
                    timeout=5000)  # and the window knows it


def test_delete_removes_a_highlight_clicked_in_the_text_and_undo_brings_it_back(qtbot, make_window,
                                                                                 article_file: Path) -> None:
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    ready(qtbot, window)
    highlight(qtbot, window, text, "Babbage replied", "replied")
    (saved,) = stored(window)
    cursor = window.view.textCursor()
    cursor.clearSelection()
    window.view.setTextCursor(cursor)
    window.notes.editor_dock.hide()
    window.notes.panel_dock.hide()  # not through the Notes panel: in the text
    start = text.index("Babbage replied")
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(window.view, start + 3))
    assert window.notes.delete_action.isEnabled()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: stored(window) == [] and window.view.user_highlights == [], timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # Undo
    qtbot.waitUntil(lambda: [a.id for a in stored(window)] == [saved.id], timeout=5000)
    qtbot.waitUntil(lambda: [h[0] for h in window.view.user_highlights] == [saved.id], timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # Redo
    qtbot.waitUntil(lambda: stored(window) == [], timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: len(stored(window)) == 1, timeout=5000)
    # A plain click elsewhere leaves nothing selected: Delete does nothing then.
    elsewhere = point_at(window.view, text.index("listened"))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=elsewhere)
    assert not window.notes.delete_action.isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    qtbot.wait(200)
    assert len(stored(window)) == 1


def test_delete_while_typing_a_note_deletes_characters_not_the_highlight(qtbot, make_window, article_file) -> None:
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    ready(qtbot, window)
    highlight(qtbot, window, text, "Babbage replied", "replied")
    (saved,) = stored(window)
    window.notes.open_annotation(saved.id, focus_note=True)
    qtbot.waitUntil(window.notes.editor.note.hasFocus, timeout=2000)
    qtbot.keyClicks(window.notes.editor.note, "abc")
    qtbot.keyClick(window.notes.editor.note, Qt.Key.Key_Left)
    qtbot.keyClick(window.notes.editor.note, Qt.Key.Key_Delete)
    assert window.notes.editor.note.toPlainText() == "ab"
    qtbot.wait(100)
    assert [a.id for a in stored(window)] == [saved.id]


def test_selections_snap_to_whole_words(qtbot, make_window, article_file) -> None:
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    ready(qtbot, window)
    start = text.index("Babbage replied")
    select(window, start + 2, start + 11)  # "bbage rep"
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: passages(window) == ["Babbage replied"], timeout=5000)


def test_overlapping_highlights_join_in_one_colour_and_show_both_in_two(qtbot, make_window, article_file) -> None:
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    ready(qtbot, window)
    highlight(qtbot, window, text, "Babbage replied", "from the")
    highlight(qtbot, window, text, "from the", "Station", count=1)  # yellow again: one highlight
    assert passages(window) == ["Babbage replied from the 🚀 Station"]
    qtbot.waitUntil(lambda: len(window.view.user_highlights) == 1, timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # the join undone: the first highlight as it was
    qtbot.waitUntil(lambda: passages(window) == ["Babbage replied from the"], timeout=5000)

    highlight(qtbot, window, text, "the 🚀 Station", "Come to", key=Qt.Key.Key_3)  # blue over the yellow end
    assert passages(window) == ["Babbage replied from the", "the 🚀 Station: “Come to"]
    qtbot.waitUntil(lambda: len(window.view.user_highlights) == 2, timeout=5000)
    overlap = text.index("the 🚀 Station")
    fills = {s.cursor.selectedText(): s.format.background() for s in window.view.extraSelections()}
    shared: QBrush = fills["the"]
    assert shared.style() == Qt.BrushStyle.TexturePattern  # striped: both colours seen
    assert fills["Babbage replied from "].style() == Qt.BrushStyle.SolidPattern
    assert overlap == text.index("the 🚀")


def test_a_new_highlight_shows_its_colour_and_the_next_key_recolours_it(qtbot, make_window, article_file) -> None:
    """Seen on a real screen: the selection stayed over a new highlight and hid its colour."""
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    ready(qtbot, window)
    highlight(qtbot, window, text, "Babbage replied", "replied")
    assert window.view.selection_span() is None  # the words unselected: the yellow shows
    assert window.notes.delete_action.isEnabled()  # and the new highlight is the one selected
    assert window.notes.panel.current_id() == stored(window)[0].id  # as the Notes list shows
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: [a.color for a in stored(window)] == ["blue"], timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: [a.color for a in stored(window)] == ["yellow"], timeout=5000)


def test_with_the_keyboard_alone_a_selection_becomes_a_highlight_with_a_note(qtbot, make_window,
                                                                              article_file: Path) -> None:
    """Seen on a real screen: after 1–5 nothing led from the keyboard to the new highlight's note; N does."""
    window = make_window()
    text = open_and_wait(qtbot, window, article_file).text
    ready(qtbot, window)
    assert not window.notes.note_action.isEnabled()  # nothing selected to write on
    start = text.index("Babbage replied")
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(start))
    window.view.setTextCursor(cursor)
    for _ in range(2):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: [a.selector.exact for a in stored(window)] == ["Babbage replied"], timeout=5000)
    qtbot.waitUntil(window.notes.note_action.isEnabled, timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    editor = window.notes.editor
    assert window.notes.editor_dock.isVisible() and editor.note.hasFocus()
    qtbot.keyClicks(editor.note, "*in* reply")  # an n typed in the note is the note's
    editor.flush()
    qtbot.waitUntil(lambda: [a.note for a in stored(window)] == ["*in* reply"], timeout=5000)
    assert stored(window)[0].color == "green"


def test_the_notes_list_keeps_a_row_whole_under_the_note_editor(qtbot, make_window, article_file: Path) -> None:
    """Seen on a real screen (larger type than the tests'): with the note editor open below it, the
    Notes list was squeezed to less than its one row, cut through the words."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    normal = QApplication.font()
    QApplication.setFont(QFont(normal.family(), 14))
    try:
        window = make_window()
        window.resize(1300, 640)
        text = open_and_wait(qtbot, window, article_file).text
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        window.view.setFocus()
        start = text.index("Babbage replied")
        select(window, start, start + len("Babbage replied"))
        qtbot.keyClick(window.view, Qt.Key.Key_2)
        qtbot.waitUntil(window.notes.note_action.isEnabled, timeout=5000)
        qtbot.keyClick(window.view, Qt.Key.Key_N)
        editor = window.notes.editor
        qtbot.keyClicks(editor.note, "Why the reply took so long, and who carried it")
        editor.tags.setText("letters, engines")
        editor.flush()
        panel = window.notes.panel
        qtbot.waitUntil(lambda: "#letters" in (panel.model.index(0).data() or ""), timeout=5000)
        qtbot.wait(100)
        assert window.notes.editor_dock.isVisible()
        assert panel.list.viewport().height() >= panel.list.visualRect(panel.model.index(0)).height()
    finally:
        QApplication.setFont(normal)
