"""The window's chrome: messages that go, disabled things that look it, counts that say what
they count, a complete list of shortcuts, checkable panel toggles, focus that shows (issue 12)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from reader.ui import help_dialogs, theme as themes
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.gui


def test_status_messages_time_out(qtbot, make_window, article_file):
    """Item 10: "Highlighted." must not describe the window for ever."""
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    window.status.message_ms = 300
    window.show_status("Highlighted.")
    assert window.status.message.text() == "Highlighted."
    qtbot.waitUntil(lambda: window.status.message.text() == "", timeout=3000)
    window.show_status("Second message.")
    qtbot.wait(150)
    window.show_status("Third message.")  # a new message gets its own time
    qtbot.wait(200)
    assert window.status.message.text() == "Third message."
    qtbot.waitUntil(lambda: window.status.message.text() == "", timeout=3000)


def contrast(image: QImage) -> float:
    """How far the darkest and lightest pixels of a picture are apart in lightness (0–255)."""
    values = [image.pixelColor(x, y).lightness() for x in range(image.width()) for y in range(image.height())]
    return max(values) - min(values)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_disabled_buttons_look_disabled(qtbot, make_window, article_file, name):
    """Item 15: the theme set one colour for every state, so a disabled button read as enabled."""
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    window.themes.choose(name)
    theme = themes.THEMES[name]
    palette = QApplication.palette()
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        active = palette.color(QPalette.ColorGroup.Active, role)
        disabled = palette.color(QPalette.ColorGroup.Disabled, role)
        assert abs(active.lightness() - disabled.lightness()) >= 60, role
    button = next(b for b in window.actors.findChildren(QToolButton) if b.text() == "Rename")
    window.actors.tree.setCurrentIndex(window.actors.index_of("London"))
    assert button.isEnabled()
    enabled = contrast(button.grab().toImage())
    from PySide6.QtCore import QModelIndex

    window.actors.tree.setCurrentIndex(QModelIndex())
    assert not button.isEnabled()
    faded = contrast(button.grab().toImage())
    assert faded < 0.7 * enabled, (name, faded, enabled)
    assert QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText) != \
        QApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    assert theme.name == name


def test_counts_say_what_they_count(qtbot, make_window, article_file):
    """Item 16: the toolbar counted mentions and the panel actors, neither saying so."""
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    legend = window.legend.actions_by_kind
    assert [legend[k].text() for k in themes.HIGHLIGHT_KINDS] == ["2 people", "1 organisation", "2 places", "2 quotes"]
    assert "mentions" in legend["person"].toolTip()
    tree = window.actors.tree
    assert not tree.isHeaderHidden() and tree.model().headerData(1, Qt.Orientation.Horizontal) == "Mentions"
    assert "mentions" in window.status.summary.text() and "actors" in window.status.summary.text()


def test_the_shortcuts_list_is_complete_with_clean_labels(qtbot, make_window, article_file):
    """Item 19: F2, Ctrl+M, Ctrl+K, Ctrl+H, Delete, Undo… all listed; no counts or file names."""
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    window.recent.add(str(article_file))
    window._show_shortcuts()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Keyboard Shortcuts" and w.isVisible())
    from PySide6.QtWidgets import QTextBrowser

    text = dialog.findChild(QTextBrowser).toPlainText()
    for keys in ("F2", "Ctrl+M", "Ctrl+K", "Ctrl+H", "Del", "Ctrl+Z", "Ctrl+Shift+A", "Ctrl+Shift+H", "Alt+1", "F1"):
        assert keys in text, keys
    for label in ("Rename the selected actor", "Delete Highlight", "Undo the last change", "Show or hide people",
                  "Open recent file 1–9"):
        assert label in text, label
    assert "lovelace" not in text and "2 people" not in text and "&" not in text and "…" not in text
    assert text.count("Ctrl+Alt+") == 1  # the recent files in one row
    dialog.close()


def test_panel_toggles_are_checkable_and_follow_the_panels(qtbot, make_window, article_file):
    """Item 19."""
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    toggles = {a.text().replace("&", ""): a for a in help_dialogs.menu_actions(window.menu("View"))}
    for name, dock in (("Actors Panel", window.actors_dock), ("Quotes Panel", window.quotes_dock),
                       ("Notes", window.notes.panel_dock), ("Search notes", window.notes.finder.dock)):
        action = toggles[name]
        assert action.isCheckable(), name
        dock.show()
        assert action.isChecked(), name
        dock.hide()
        assert not action.isChecked(), name
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.actors_dock.isVisible() and toggles["Actors Panel"].isChecked()


def focusable(window) -> list[QWidget]:
    """The widgets Tab can reach now."""
    return [w for w in window.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_focusable_widget_shows_its_focus(qtbot, make_window, article_file, name):
    """Item 19: moving through the window with Tab, the reader sees where the keyboard is."""
    from notes.records import Annotation, Selector

    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    window.themes.choose(name)
    window.actors.tree.setCurrentIndex(window.actors.index_of("London"))  # the buttons enabled
    note = window.session.core.add_note(Annotation(str(article_file), Selector.from_text(article.text, 0, 12)))
    window.notes._annotations[note.id] = note
    window.notes.open_annotation(note.id)  # the note editor, with its colour buttons
    window.notes.show_search()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.view.setFocus()
    reached, silent = set(), []
    for _ in range(80):
        widgets = focusable(window)
        before = {id(w): w.grab().toImage() for w in widgets}
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if id(now) in reached:
            break
        reached.add(id(now))
        if id(now) in before and before[id(now)] == now.grab().toImage():
            silent.append(f"{type(now).__name__} {getattr(now, 'text', lambda: '')() if isinstance(now, QToolButton) else ''}")
    assert len(reached) >= 15
    assert silent == [], silent


def test_switching_the_theme_recolours_every_part_of_the_window(qtbot, make_window, article_file):
    """Seen on a real screen: after View › Theme › Dark the status bar, menus, toolbar and panels kept
    the light theme's ink, and where the dark chrome showed through (panel titles, the status bar)
    their words were dark on dark."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor

    window = make_window()
    open_and_wait(qtbot, window, article_file)
    window.notes.show_search()
    for name in ("dark", "light", "dark"):
        window.themes.choose(name)
        ink = QColor(themes.THEMES[name].ink)
        parts = (window.status.message, window.status.summary, window.menuBar(), window.toolbar,
                 window.actors_dock, window.notes.finder.panel)
        assert [p.palette().color(QPalette.ColorRole.WindowText) for p in parts] == [ink] * len(parts), name
        dock = window.notes.finder.dock
        title = dock.grab(QRect(0, 0, dock.width(), dock.widget().geometry().top())).toImage()
        assert contrast(title) > 120, name  # the panel's title readable on its bar
