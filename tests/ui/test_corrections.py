"""Corrections of actors in the window: on the undo stack, for this article or every one, and
hidden actors shown again (issue 12, item 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.ui import correction_dialogs
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.gui


def answer(monkeypatch, value, scope="everywhere") -> None:
    monkeypatch.setattr(correction_dialogs, "ask", lambda *args: correction_dialogs.Answer(value, scope))


def names(window) -> set[str]:
    return {a.name for a in window.analysis.actors}


def correct(qtbot, window, actor: str, action: str) -> None:
    panel = window.actors
    panel.tree.setCurrentIndex(panel.index_of(actor))
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        panel.correction_actions[action].trigger()


def step(qtbot, window, undo: bool = True) -> None:
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        (window.history.undo if undo else window.history.redo)()


def test_rename_merge_kind_and_hide_are_undone_and_redone(qtbot, make_window, article_file, monkeypatch):
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    core = window.session.core
    answer(monkeypatch, "Charles Babbage")
    correct(qtbot, window, "Babbage", "rename")
    assert "Charles Babbage" in names(window) and window.history.undo_action.text() == "Undo Rename Babbage"
    answer(monkeypatch, "Ada Lovelace")
    correct(qtbot, window, "Charles Babbage", "merge")
    assert "Charles Babbage" not in names(window)
    answer(monkeypatch, "organization")
    correct(qtbot, window, "London", "kind")
    assert window.analysis.actor(next(a.id for a in window.analysis.actors if a.name == "London")).kind == "organization"
    answer(monkeypatch, None)
    correct(qtbot, window, "Royal Society", "hide")
    assert "Royal Society" not in names(window)
    assert [c.action for c in core.corrections(None)] == ["rename", "merge", "kind", "hide"]  # every article

    step(qtbot, window)  # hide undone
    assert "Royal Society" in names(window)
    step(qtbot, window)  # kind undone
    london = next(a for a in window.analysis.actors if a.name == "London")
    assert london.kind == "place"
    step(qtbot, window)  # merge undone
    assert "Charles Babbage" in names(window)
    step(qtbot, window)  # rename undone
    assert "Babbage" in names(window) and "Charles Babbage" not in names(window)
    assert core.corrections(None) == []
    step(qtbot, window, undo=False)  # redo the rename
    assert "Charles Babbage" in names(window)
    assert [c.action for c in core.corrections(None)] == ["rename"]


def test_a_correction_can_hold_for_this_article_only(qtbot, make_window, article_file, monkeypatch, tmp_path):
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    answer(monkeypatch, None, "article")
    correct(qtbot, window, "London", "hide")
    assert "London" not in names(window)
    other = tmp_path / "other.txt"
    other.write_text("Ada Lovelace stayed in London.", encoding="utf-8")
    open_and_wait(qtbot, window, other)
    assert "London" in names(window)  # hidden in the first article only


def test_the_hidden_actors_list_shows_them_again(qtbot, make_window, article_file, monkeypatch):
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    panel = window.actors
    assert not panel.hidden_button.isVisible()
    answer(monkeypatch, None)
    correct(qtbot, window, "Royal Society", "hide")
    correct(qtbot, window, "London", "hide")
    qtbot.waitUntil(lambda: panel.hidden_button.isVisible() and panel.hidden_button.text() == "2 hidden actors…",
                    timeout=5000)
    listed: list[list[str]] = []

    def pick(parent, hidden):
        listed.append([c.actor for c in hidden])
        return [c for c in hidden if c.actor == "London"]

    monkeypatch.setattr(correction_dialogs, "ask_hidden", pick)
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        qtbot.mouseClick(panel.hidden_button, Qt.MouseButton.LeftButton)
    assert listed == [["Royal Society", "London"]]
    assert "London" in names(window) and "Royal Society" not in names(window)
    qtbot.waitUntil(lambda: panel.hidden_button.text() == "1 hidden actor…", timeout=5000)
    step(qtbot, window)  # showing it again is undone too
    assert "London" not in names(window)


def test_the_hidden_actors_dialog_lists_where_each_is_hidden(qtbot) -> None:
    from notes.records import Correction

    hidden = [Correction("hide", "London"), Correction("hide", "Royal Society", document="/a.txt")]
    dialog = correction_dialogs.HiddenActorsDialog(None, hidden)
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert rows == ["London — hidden in every article", "Royal Society — hidden in this article only"]
    dialog.list.item(1).setSelected(True)
    dialog.list.item(0).setSelected(False)
    assert dialog.show_button.isEnabled() and [c.actor for c in dialog.chosen()] == ["Royal Society"]


def test_the_dialog_asks_where_a_correction_applies_every_article_by_default(qtbot, make_window, article_file):
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    ada = next(a for a in window.analysis.actors if a.name == "Ada Lovelace")
    for action in ("rename", "merge", "kind", "hide"):
        dialog = correction_dialogs.CorrectionDialog(window, action, ada, window.analysis, "lovelace.txt")
        qtbot.addWidget(dialog)
        assert dialog.everywhere.isChecked() and dialog.here.text() == "Only lovelace.txt"
        assert dialog.ok_button.isEnabled() == (action == "hide")  # nothing chosen yet: no change to make
    dialog = correction_dialogs.CorrectionDialog(window, "rename", ada, window.analysis, "lovelace.txt")
    qtbot.addWidget(dialog)
    dialog.value_edit.setText("Augusta Ada King")
    dialog.here.setChecked(True)
    assert dialog.answer() == correction_dialogs.Answer("Augusta Ada King", "article")
