"""The Actors and Quotes panels: grouping, filtering, clicks that scroll, corrections."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from reader.ui import theme as themes
from reader.ui.actors_panel import ACTOR_ROLE
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.gui


def groups(panel) -> dict[str, list[tuple[str, str]]]:
    """What the tree shows: each kind with its actors' names and mention counts."""
    model = panel.tree.model()
    found = {}
    for i in range(model.rowCount()):
        group = model.index(i, 0)
        found[group.data()] = [(model.index(j, 0, group).data(), model.index(j, 1, group).data())
                               for j in range(model.rowCount(group))]
    return found


def item_of(panel, name: str):
    index = panel.index_of(name)
    assert index.isValid(), name
    return index


def corrections(window, article_file):
    """The corrections that apply to the article, as the core reads them for its analysis."""
    return window.session.core.corrections(str(article_file.resolve()))


def visible(view, pos: int) -> bool:
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(pos))
    return view.viewport().rect().contains(view.cursorRect(cursor).center())


def test_actors_are_grouped_by_kind_most_mentioned_first(qtbot, make_window, article_file):
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    found = groups(window.actors)
    assert list(found) == ["2 people", "1 organisation", "2 places"]
    assert found["2 people"] == [("Ada Lovelace", "2"), ("Babbage", "2")]  # ties: by name
    assert found["2 places"] == [("London", "2"), ("🚀 Station", "1")]
    qtbot.keyClicks(window.actors.filter, "lon")
    assert groups(window.actors) == {"2 places": [("London", "2")]}  # empty groups are hidden too


def test_clicking_an_actor_emphasises_and_cycles_through_its_mentions(qtbot, make_window, article_file):
    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    view, text = window.view, article.text
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())  # far from the names
    item = item_of(window.actors, "Babbage")
    starts = [m.start for m in window.analysis.mentions if m.actor == item.data(ACTOR_ROLE)]
    seen = []
    for _ in range(3):
        rect = window.actors.tree.visualRect(item)
        qtbot.mouseClick(window.actors.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        cursor_at = view.positions.to_py(view.textCursor().position())
        seen.append(cursor_at)
        assert visible(view, cursor_at)
    assert seen == [starts[0], starts[1], starts[0]]
    fills = {s.cursor.selectionStart(): s.format.background().color() for s in view.extraSelections()}
    assert fills == {view.positions.to_qt(starts[0]): themes.LIGHT.emphasis("person", current=True),
                     view.positions.to_qt(starts[1]): themes.LIGHT.emphasis("person")}
    assert text[starts[1]:starts[1] + 7] == "Babbage"


def test_clicking_a_quote_scrolls_to_it(qtbot, make_window, article_file):
    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    view = window.view
    window.quotes_dock.raise_()
    listing, model = window.quotes.list, window.quotes.model
    assert model.rowCount() == 2
    texts = [model.index(i).data() for i in range(2)]
    assert texts[0] == "“The engine 🧮 might compose music,”\n— Babbage"  # the fake: last person named
    assert texts[1] == "“Come to London.”\n— Babbage"
    assert "said" in model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    quote = sorted(window.analysis.quotes, key=lambda q: q.start)[1]
    assert not visible(view, quote.start)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualRect(model.index(1)).center())
    assert visible(view, quote.start)
    assert view.positions.to_py(view.textCursor().position()) == quote.start
    assert article.text[quote.start] == "“"


def answer(monkeypatch, value, scope="everywhere"):
    """Answer the next correction dialogs with ``value`` for ``scope``."""
    from reader.ui import correction_dialogs

    monkeypatch.setattr(correction_dialogs, "ask",
                        lambda *args: correction_dialogs.Answer(value, scope))


def test_corrections_are_stored_and_the_article_reanalysed(qtbot, make_window, article_file, analyzer, monkeypatch):
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    panel = window.actors
    answer(monkeypatch, None, "article")
    panel.tree.setCurrentIndex(item_of(panel, "Royal Society"))
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        panel.correction_actions["hide"].trigger()
    assert "Royal Society" not in {a.name for a in window.analysis.actors}
    stored = corrections(window, article_file)
    assert [(c.action, c.actor, c.document) for c in stored] == [("hide", "Royal Society", str(article_file))]
    assert analyzer.calls[-1] == [stored[0].to_json()]

    answer(monkeypatch, "Augusta Ada King")  # every article, the default
    panel.tree.setCurrentIndex(item_of(panel, "Ada Lovelace"))
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        panel.correction_actions["rename"].trigger()
    last = corrections(window, article_file)[-1]
    assert (last.action, last.actor, last.value, last.document) == ("rename", "Ada Lovelace", "Augusta Ada King", None)

    answer(monkeypatch, "organization")
    panel.tree.setCurrentIndex(item_of(panel, "London"))
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        panel.correction_actions["kind"].trigger()
    last = corrections(window, article_file)[-1]
    assert (last.action, last.actor, last.value) == ("kind", "London", "organization")


def test_corrections_without_a_store_say_so(qtbot, make_window, article_file, data_dir):
    from PySide6.QtWidgets import QMessageBox

    (data_dir / "library.json").write_bytes(b"{damaged")  # the reader declined to restore a backup
    window = make_window()
    qtbot.waitUntil(lambda: window.session.notes_unavailable, timeout=5000)
    open_and_wait(qtbot, window, article_file)
    window.actors.tree.setCurrentIndex(item_of(window.actors, "London"))
    window.actors.correction_actions["hide"].trigger()
    box = window.findChild(QMessageBox)
    assert box is not None and "note store" in box.text()
    box.close()


def test_panels_work_from_the_keyboard(qtbot, make_window, article_file):
    from PySide6.QtWidgets import QApplication

    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    view = window.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.actors.filter
    qtbot.keyClicks(window.actors.filter, "roy")
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    tree = window.actors.tree
    assert QApplication.focusWidget() is tree
    tree.setCurrentIndex(item_of(window.actors, "Royal Society"))  # arriving at an actor emphasises it
    royal = article.text.index("Royal Society")
    assert view.positions.to_py(view.textCursor().position()) == royal and visible(view, royal)
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # Enter steps to its next mention
    again = article.text.index("Royal Society", royal + 1)
    assert view.positions.to_py(view.textCursor().position()) == again and visible(view, again)

    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    listing = window.quotes.list
    assert QApplication.focusWidget() is listing and window.quotes_dock.isVisible()
    listing.setCurrentIndex(window.quotes.model.index(1))
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    second = sorted(q.start for q in window.analysis.quotes)[1]
    assert view.positions.to_py(view.textCursor().position()) == second
    qtbot.keyClick(listing, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view and view.extraSelections() == []
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.quotes_dock.isVisible()  # pressed again from inside, the panel closes


def test_the_actor_filter_is_cleared_on_open_and_says_when_nothing_matches(qtbot, make_window, article_file,
                                                                           tmp_path):
    """Issue 12, item 13."""
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    panel = window.actors
    qtbot.keyClicks(panel.filter, "zebra")
    assert panel.empty.isVisible() and panel.empty.text() == "No actor matches “zebra”."
    assert not panel.tree.isVisible()
    other = tmp_path / "other.txt"
    other.write_text("Babbage and Ada Lovelace met again in London.", encoding="utf-8")
    open_and_wait(qtbot, window, other)
    assert panel.filter.text() == "" and panel.tree.isVisible() and not panel.empty.isVisible()
    assert list(groups(panel)) == ["2 people", "1 organisation", "2 places"]  # nothing filtered away
    from reader.analysis.model import Analysis

    panel.set_analysis(Analysis())  # an article that names nobody
    assert panel.empty.isVisible() and "No people, organisations or places" in panel.empty.text()


def test_arrow_keys_in_the_actor_list_move_the_mention_emphasis(qtbot, make_window, article_file):
    """Issue 12, item 19: arriving at an actor by keyboard emphasises its mentions, as a click does."""
    from PySide6.QtWidgets import QApplication

    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    view, tree = window.view, window.actors.tree
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is tree
    tree.setCurrentIndex(item_of(window.actors, "Ada Lovelace"))
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.actors.selected_name() == "Babbage"
    babbage = [m for m in window.analysis.mentions if article.text[m.start:m.end] == "Babbage"]
    emphasised = {s.cursor.selectionStart() for s in view.extraSelections()}
    assert emphasised == {view.positions.to_qt(m.start) for m in babbage}
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    ada = [m for m in window.analysis.mentions if article.text[m.start:m.end] == "Ada Lovelace"]
    assert {s.cursor.selectionStart() for s in view.extraSelections()} == {view.positions.to_qt(m.start) for m in ada}


def test_quotes_show_their_speaker_once(qtbot, make_window, tmp_path):
    """Issue 12, item 14: a short quote's row drew "“Come.” — Babbage" and then "— Babbage" again."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    path = tmp_path / "short.txt"
    path.write_text("Babbage was brief: “Come.” Then Ada Lovelace wrote “a much longer answer that runs on and on "
                    "for many words, far more than the panel can show on one line, and then some more.”",
                    encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, path)
    listing, model, delegate = window.quotes.list, window.quotes.model, window.quotes.delegate
    drawn: list[str] = []

    class Recorder(QPainter):
        def drawText(self, *args):  # noqa: N802 - Qt's name
            drawn.append(str(args[-1]))
            super().drawText(*args)

    image = QImage(400, 60, QImage.Format.Format_ARGB32)
    for row in range(model.rowCount()):
        drawn.clear()
        option = QStyleOptionViewItem()
        option.initFrom(listing)
        option.rect = listing.visualRect(model.index(row))
        option.rect.moveTo(0, 0)
        option.rect.setWidth(400)
        painter = Recorder(image)
        delegate.paint(painter, option, model.index(row))
        painter.end()
        speaker = model.index(row).data(Qt.ItemDataRole.UserRole + 1)
        assert sum(text.count(speaker) for text in drawn) == 1, drawn


def test_the_merge_dialog_shows_kinds_and_chooses_nothing_for_the_reader(qtbot, make_window, article_file):
    """Issue 12, item 14: and every correction dialog is wide enough for its title."""
    from reader.ui.correction_dialogs import TITLES, CorrectionDialog

    window = make_window()
    open_and_wait(qtbot, window, article_file)
    analysis = window.analysis
    babbage = next(a for a in analysis.actors if a.name == "Babbage")
    dialog = CorrectionDialog(window, "merge", babbage, analysis, "lovelace.txt")
    qtbot.addWidget(dialog)
    box = dialog.value_box
    assert box is not None and box.currentIndex() == -1 and not dialog.ok_button.isEnabled()
    items = [box.itemText(i) for i in range(box.count())]
    assert items[0] == "Ada Lovelace — person, 2 mentions"  # the same kind first
    assert "Royal Society — organisation, 2 mentions" in items and "Babbage" not in " ".join(items)
    box.setCurrentIndex(0)
    assert dialog.ok_button.isEnabled() and dialog.answer().value == "Ada Lovelace"
    assert dialog.answer().scope == "everywhere"  # the default, as the README says
    for action in TITLES:
        dialog = CorrectionDialog(window, action, babbage, analysis, "lovelace.txt")
        qtbot.addWidget(dialog)
        dialog.show()
        title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        assert dialog.width() >= title + 120, action


def test_the_actor_stays_selected_after_a_rename(qtbot, make_window, article_file, monkeypatch):
    """Issue 12, item 14."""
    window = make_window()
    open_and_wait(qtbot, window, article_file)
    panel = window.actors
    panel.tree.setCurrentIndex(item_of(panel, "Babbage"))
    answer(monkeypatch, "Charles Babbage")
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        panel.correction_actions["rename"].trigger()
    assert panel.selected_name() == "Charles Babbage"
    assert panel.correction_actions["rename"].isEnabled()
