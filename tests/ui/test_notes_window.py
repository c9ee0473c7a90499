"""Highlights, notes, search and export driven through the window, as a user would."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMenu, QTextBrowser, QToolBar

from notes import w3c
from notes.records import Annotation, Selector
from notes.store import NoteStore
from reader.analysis.model import Actor, Analysis, Mention, Quote
from reader.document.loaders import load
from reader.ui.notes_ui import EXPORT_FILTERS, NotesController, format_for, install_notes

pytestmark = pytest.mark.gui

TEXT = ("NATO chief Jens Stoltenberg spoke in Brussels on Friday.\n\n"
        "\u201cWe will not be divided,\u201d Stoltenberg said, as ministers met in Vienna.")


class FakeTasks:
    """Runs a store call at once and answers on a later turn of the event loop, like the real runner."""

    def store(self, fn: Any, *args: Any, on_done: Any = None, on_error: Any = None) -> None:
        try:
            value, callback = fn(*args), on_done
        except Exception as err:  # noqa: BLE001 — handed to on_error like the runner does
            value, callback = err, on_error
        if callback is not None:
            QTimer.singleShot(0, lambda: callback(value))


class FakeView(QTextBrowser):
    user_highlight_clicked = Signal(str)
    position_clicked = Signal(int)
    context_menu_about_to_show = Signal(QMenu, int)

    def __init__(self) -> None:
        super().__init__()
        self.highlights: list[tuple[str, int, int, str]] = []
        self.scrolled_to: int | None = None

    def set_user_highlights(self, items: list[tuple[str, int, int, str]]) -> None:
        self.highlights = sorted(items, key=lambda item: item[1])

    def selection_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        return (cursor.selectionStart(), cursor.selectionEnd()) if cursor.hasSelection() else None

    def scroll_to(self, pos: int) -> None:
        self.scrolled_to = pos

    def select(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)


class FakeWindow(QMainWindow):
    article_opened = Signal(object)
    analysis_ready = Signal(object)

    def __init__(self, store: NoteStore) -> None:
        super().__init__()
        self.view = FakeView()
        self.setCentralWidget(self.view)
        self.article = None
        self.analysis: Analysis | None = None
        self.store = store
        self.tasks = FakeTasks()
        self.toolbar = QToolBar()
        self.addToolBar(self.toolbar)
        self.menus = {name: self.menuBar().addMenu(name) for name in ("File", "Edit", "View", "Notes", "Help")}
        self.errors: list[str] = []
        self.statuses: list[str] = []
        self.opened: list[tuple[str, int | None]] = []

    def add_dock(self, widget: Any, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def menu(self, name: str) -> QMenu:
        return self.menus[name]

    def show_status(self, text: str) -> None:
        self.statuses.append(text)

    def show_error(self, text: str) -> None:
        self.errors.append(text)

    def open_path(self, path: str, position: int | None = None) -> None:
        self.opened.append((path, position))
        self.article = load(path)
        self.view.setPlainText(self.article.text)
        if position is not None:
            self.view.scroll_to(position)
        self.article_opened.emit(self.article)


def analysis_of(text: str) -> Analysis:
    first = text.index("Jens Stoltenberg")
    second = text.index("Stoltenberg said")
    quote = text.index("\u201cWe")
    return Analysis(
        actors=[Actor("a1", "Jens Stoltenberg", "person", "NATO chief", ["Stoltenberg"]),
                Actor("a2", "Brussels", "place")],
        mentions=[Mention(first, first + 16, "a1"), Mention(text.index("Brussels"), text.index("Brussels") + 8, "a2"),
                  Mention(second, second + 11, "a1")],
        quotes=[Quote(quote, text.index("\u201d") + 1, "a1", second, second + 11, "said")],
    )


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "nato.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, article_file: Path, tmp_path: Path) -> Iterator[FakeWindow]:
    win = FakeWindow(NoteStore(tmp_path / "data" / "library.json"))
    qtbot.addWidget(win)
    win.controller = install_notes(win)
    win.resize(900, 600)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # keys 1-5 are window shortcuts
    win.open_path(str(article_file))
    win.analysis = analysis_of(win.article.text)
    win.analysis_ready.emit(win.analysis)
    yield win
    win.store.close()


def notes(win: FakeWindow) -> dict[str, Annotation]:
    return {a.id: a for a in win.store.annotations()}


def controller(win: FakeWindow) -> NotesController:
    return win.controller


def highlight_with_key(qtbot, win: FakeWindow, start: int, end: int, key: Qt.Key = Qt.Key.Key_1) -> Annotation:
    before = set(notes(win))
    win.view.setFocus()
    win.view.select(start, end)
    qtbot.keyClick(win.view, key)
    qtbot.waitUntil(lambda: len(notes(win)) == len(before) + 1, timeout=2000)
    (ident,) = set(notes(win)) - before
    qtbot.waitUntil(lambda: any(item[0] == ident for item in win.view.highlights), timeout=2000)
    return notes(win)[ident]


def test_key_1_highlights_the_selection_and_draws_it(qtbot, window: FakeWindow) -> None:
    text = window.article.text
    start = text.index("Jens")
    end = text.index(" on Friday")
    saved = highlight_with_key(qtbot, window, start - 1, end + 1)  # white space is trimmed
    assert saved.selector == Selector.from_text(text, start, end)
    assert saved.color == "yellow" and saved.document == str(window.article.source)
    assert saved.actors == ["Jens Stoltenberg", "Brussels"]
    qtbot.waitUntil(lambda: window.view.highlights == [(saved.id, start, end, "yellow")], timeout=2000)
    assert window.controller.panel.list.count() == 1


def test_key_3_on_the_same_passage_recolours_instead_of_duplicating(qtbot, window: FakeWindow) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    window.view.select(0, 10)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: notes(window)[saved.id].color == "blue", timeout=2000)
    assert len(notes(window)) == 1
    qtbot.waitUntil(lambda: window.view.highlights == [(saved.id, 0, 10, "blue")], timeout=2000)


def test_reopening_the_article_restores_its_highlights(qtbot, window: FakeWindow, tmp_path: Path) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10, Qt.Key.Key_2)
    other = tmp_path / "other.txt"
    other.write_text("Another article entirely.", encoding="utf-8")
    window.open_path(str(other))
    qtbot.waitUntil(lambda: window.view.highlights == [], timeout=2000)
    window.open_path(saved.document)
    qtbot.waitUntil(lambda: window.view.highlights == [(saved.id, 0, 10, "green")], timeout=2000)


def test_a_passage_gone_from_the_text_is_listed_as_orphaned_not_drawn(qtbot, window: FakeWindow,
                                                                      article_file: Path) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    article_file.write_text("Completely rewritten.", encoding="utf-8")
    window.open_path(str(article_file))
    qtbot.waitUntil(lambda: window.controller.panel.list.count() == 1, timeout=2000)
    assert window.view.highlights == []
    assert window.controller.panel.list.item(0).text().startswith("⚠ Orphaned")
    assert saved.id in notes(window)


def test_clicking_a_highlight_edits_its_note_and_tags(qtbot, window: FakeWindow) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    ctl = controller(window)
    window.view.user_highlight_clicked.emit(saved.id)
    assert ctl.editor_dock.isVisible() and ctl.editor.annotation_id == saved.id
    ctl.editor.note.setFocus()
    qtbot.keyClicks(ctl.editor.note, "Alliance *unity* line")
    qtbot.waitUntil(lambda: notes(window)[saved.id].note == "Alliance *unity* line", timeout=3000)
    assert "unity" in ctl.editor.preview.toPlainText()
    qtbot.keyClicks(ctl.editor.tags, "nato, speeches")
    qtbot.keyClick(ctl.editor.tags, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: notes(window)[saved.id].tags == ["nato", "speeches"], timeout=2000)
    qtbot.waitUntil(lambda: "#nato #speeches" in ctl.panel.list.item(0).text(), timeout=2000)


def test_delete_then_ctrl_z_restores_the_same_annotation(qtbot, window: FakeWindow) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    ctl = controller(window)
    window.view.user_highlight_clicked.emit(saved.id)
    ctl.editor.delete_button.click()
    qtbot.waitUntil(lambda: saved.id not in notes(window) and window.view.highlights == [], timeout=2000)
    assert not ctl.editor_dock.isVisible()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: saved.id in notes(window), timeout=2000)
    assert notes(window)[saved.id].selector == saved.selector
    qtbot.waitUntil(lambda: window.view.highlights == [(saved.id, 0, 10, "yellow")], timeout=2000)


def test_context_menu_attaches_notes_to_an_actor_and_a_quote(qtbot, window: FakeWindow) -> None:
    text = window.article.text
    ctl = controller(window)

    def choose(pos: int, label: str) -> None:
        menu = QMenu()
        window.view.context_menu_about_to_show.emit(menu, pos)
        action = next(a for a in menu.actions() if a.text() == label)
        action.trigger()

    choose(text.index("Jens") + 2, "Note on this actor")
    qtbot.waitUntil(lambda: len(notes(window)) == 1, timeout=2000)
    (actor_note,) = notes(window).values()
    assert actor_note.target == {"type": "actor", "actor": "Jens Stoltenberg"}
    assert actor_note.selector.exact == "Jens Stoltenberg"
    qtbot.waitUntil(lambda: ctl.editor.annotation_id == actor_note.id, timeout=2000)

    choose(text.index("divided"), "Note on this quote")
    qtbot.waitUntil(lambda: len(notes(window)) == 2, timeout=2000)
    quote_note = next(a for a in notes(window).values() if a.id != actor_note.id)
    assert quote_note.target == {"type": "quote", "speaker": "Jens Stoltenberg"}
    assert quote_note.selector.exact.startswith("\u201cWe will") and "Jens Stoltenberg" in quote_note.actors


def test_search_box_finds_planted_notes_and_opens_the_passage(qtbot, window: FakeWindow, tmp_path: Path) -> None:
    text = window.article.text
    start = text.index("ministers")
    planted = highlight_with_key(qtbot, window, start, start + 9)
    window.store.update(planted.id, note="Who were the ministers in Vienna?", tags=["vienna"])
    other = tmp_path / "other.txt"
    other.write_text("Another article entirely.", encoding="utf-8")
    window.open_path(str(other))
    ctl = controller(window)

    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ctl.search_dock.isVisible() and ctl.search.query.hasFocus()
    qtbot.keyClick(ctl.search.query, Qt.Key.Key_Escape)
    assert window.view.hasFocus()
    ctl.search_action.trigger()
    assert ctl.search.query.hasFocus()
    qtbot.keyClicks(ctl.search.query, "ministers")
    qtbot.waitUntil(lambda: ctl.search.results.count() == 1, timeout=2000)
    assert "<b>ministers</b>" in ctl.search.results.item(0).data(Qt.ItemDataRole.UserRole + 1)
    rect = ctl.search.results.visualItemRect(ctl.search.results.item(0))
    qtbot.mouseClick(ctl.search.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.opened[-1] == (planted.document, start)
    qtbot.waitUntil(lambda: ctl.editor.annotation_id == planted.id, timeout=2000)
    assert window.view.scrolled_to == start


def test_library_tag_click_searches_that_tag(qtbot, window: FakeWindow) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    window.store.update(saved.id, tags=["alliance"])
    ctl = controller(window)
    ctl.show_library()
    qtbot.waitUntil(lambda: ctl.library.tags.count() == 1, timeout=2000)
    assert "1 note" in ctl.library.articles.item(0).text()
    ctl.library.tags.itemClicked.emit(ctl.library.tags.item(0))
    assert ctl.search.query.text() == "tag:alliance"
    qtbot.waitUntil(lambda: ctl.search.results.count() == 1, timeout=2000)


def test_a_note_still_being_typed_is_saved_when_the_window_closes(qtbot, window: FakeWindow) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    ctl = controller(window)
    window.view.user_highlight_clicked.emit(saved.id)
    qtbot.keyClicks(ctl.editor.note, "last words")
    window.view.user_highlight_clicked.emit(saved.id)  # a stale copy must not undo the typing
    assert ctl.editor.note.toPlainText() == "last words"
    window.close()
    assert notes(window)[saved.id].note == "last words"


def test_digits_typed_in_the_search_box_do_not_highlight(qtbot, window: FakeWindow) -> None:
    ctl = controller(window)
    window.view.select(0, 10)
    ctl.show_search()
    qtbot.keyClicks(ctl.search.query, "2022")
    assert ctl.search.query.text() == "2022"
    qtbot.wait(50)
    assert notes(window) == {}


def test_export_writes_w3c_json_ld_to_the_chosen_file(qtbot, window: FakeWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    target = tmp_path / "out" / "notes.jsonld"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args, **kwargs: (str(target), EXPORT_FILTERS["w3c"])))
    controller(window).export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=2000)
    assert [a.id for a in w3c.parse(json.loads(target.read_text(encoding="utf-8")))] == [saved.id]
    qtbot.waitUntil(lambda: any("Exported 1 note " in text for text in window.statuses), timeout=2000)


def test_an_export_that_cannot_be_written_is_reported(qtbot, window: FakeWindow, tmp_path: Path) -> None:
    controller(window).export_to(str(tmp_path / "missing" / "notes.jsonld"), "w3c")
    qtbot.waitUntil(lambda: bool(window.errors), timeout=2000)
    assert window.errors == [f"Cannot write {tmp_path / 'missing' / 'notes.jsonld'}: No such file or directory"]
    assert not (tmp_path / "missing").exists()


def test_delete_key_in_the_notes_panel_deletes_the_selected_note(qtbot, window: FakeWindow) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    panel = controller(window).panel
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: saved.id not in notes(window), timeout=2000)
    qtbot.waitUntil(lambda: panel.list.count() == 0, timeout=2000)


def test_tags_in_the_library_are_offered_by_the_tag_completer(qtbot, window: FakeWindow) -> None:
    elsewhere = "/elsewhere/article.txt"
    window.store.add(Annotation(document=elsewhere, selector=Selector.from_text("Old treaty text", 4, 10),
                                tags=["treaties"]))
    saved = highlight_with_key(qtbot, window, 0, 10)
    ctl = controller(window)
    window.view.user_highlight_clicked.emit(saved.id)
    model = ctl.editor.tags.completer().model()
    qtbot.waitUntil(lambda: model.stringList() == ["treaties"], timeout=3000)
    ctl.editor.tags.setText("diplomacy, summits")
    ctl.editor.tags.editingFinished.emit()
    qtbot.waitUntil(lambda: model.stringList() == ["diplomacy", "summits", "treaties"], timeout=3000)


def test_without_a_store_highlighting_explains_itself(qtbot, article_file: Path) -> None:
    win = FakeWindow(None)
    qtbot.addWidget(win)
    ctl = install_notes(win)
    win.open_path(str(article_file))
    win.view.select(0, 10)
    ctl.highlight("yellow")
    assert win.statuses[-1] == "Notes are unavailable: the note store could not be opened."
    assert win.view.highlights == [] and win.errors == []


def test_export_as_markdown_holds_every_note(qtbot, window: FakeWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    first = highlight_with_key(qtbot, window, 0, 10)
    second = highlight_with_key(qtbot, window, window.article.text.index("ministers"),
                                window.article.text.index(" met in"), Qt.Key.Key_5)
    window.store.update(first.id, note="A *chief* of staff?", tags=["nato"])
    target = tmp_path / "notes.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args, **kwargs: (str(target), EXPORT_FILTERS["markdown"])))
    controller(window).export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=2000)
    exported = target.read_text(encoding="utf-8")
    assert window.article.title in exported
    assert first.selector.exact in exported and second.selector.exact in exported
    assert "A *chief* of staff?" in exported and "nato" in exported


@pytest.mark.parametrize(("path", "chosen", "fmt"), [
    ("/x/notes.md", EXPORT_FILTERS["w3c"], "markdown"),
    ("/x/notes.jsonld", EXPORT_FILTERS["markdown"], "w3c"),
    ("/x/notes", EXPORT_FILTERS["w3c"], "w3c"),
    ("/x/notes", EXPORT_FILTERS["markdown"], "markdown"),
])
def test_the_export_format_follows_the_file_name_then_the_filter(path: str, chosen: str, fmt: str) -> None:
    assert format_for(path, chosen) == fmt


def test_the_analysis_hands_the_articles_actors_to_search(qtbot, window: FakeWindow) -> None:
    text = window.article.text
    saved = highlight_with_key(qtbot, window, text.index("ministers"), text.index(" met"))  # names no actor
    qtbot.waitUntil(lambda: [h.annotation.id for h in window.store.search("actor:brussels")] == [saved.id],
                    timeout=2000)
    hit, = window.store.search("stoltenberg")
    assert "article actors" in hit.matched
    journal = (window.store.path.parent / "library.json.journal").read_bytes()
    assert b'"Jens Stoltenberg","Brussels"' not in journal  # derived from the analysis: not in the store
