"""Highlights, notes, search and export driven through the window, as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox

from notes import w3c
from notes.records import Annotation, Selector
from reader.analysis.corrections import apply_corrections
from reader.analysis.model import Actor, Analysis, Mention, Quote
from reader.core.exchange import format_for
from reader.ui.notes_export import EXPORT_FILTERS
from reader.ui.notes_ui import NotesController
from reader.ui.search_panel import HTML_ROLE
from tests.ui.conftest import open_and_wait, select, stored

pytestmark = pytest.mark.gui

TEXT = ("NATO chief Jens Stoltenberg spoke in Brussels on Friday.\n\n"
        "\u201cWe will not be divided,\u201d Stoltenberg said, as ministers met in Vienna.")


class FixedAnalyzer:
    """The analysis below for any text, as the real analyzer would give it (with corrections)."""

    def analyze(self, text: str, corrections=()) -> Analysis:
        if "Jens Stoltenberg" not in text:
            return Analysis()  # another article: nobody in it
        return apply_corrections(analysis_of(text), corrections)


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
def window(qtbot, make_window, article_file: Path):
    win = make_window(analyzer_=FixedAnalyzer())
    win.resize(900, 600)
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # keys 1-5 are window shortcuts
    open_and_wait(qtbot, win, article_file)
    qtbot.waitUntil(lambda: win.session.opened is not None, timeout=2000)
    return win


def notes(win) -> dict[str, Annotation]:
    return {a.id: a for a in win.session.core.notes()}


def status(win) -> str:
    return win.findChild(QLabel, "status").text()



def cursor_at(win) -> int:
    return win.view.positions.to_py(win.view.textCursor().position())


def controller(win) -> NotesController:
    return win.notes


def highlight_with_key(qtbot, win, start: int, end: int, key: Qt.Key = Qt.Key.Key_1) -> Annotation:
    before = set(notes(win))
    win.view.setFocus()
    select(win, start, end)
    qtbot.keyClick(win.view, key)
    qtbot.waitUntil(lambda: len(notes(win)) == len(before) + 1, timeout=2000)
    (ident,) = set(notes(win)) - before
    qtbot.waitUntil(lambda: any(item[0] == ident for item in win.view.user_highlights), timeout=2000)
    return notes(win)[ident]


def test_key_1_highlights_the_selection_and_draws_it(qtbot, window) -> None:
    text = window.article.text
    start = text.index("Jens")
    end = text.index(" on Friday")
    saved = highlight_with_key(qtbot, window, start - 1, end + 1)  # white space is trimmed
    assert saved.selector == Selector.from_text(text, start, end)
    assert saved.color == "yellow" and saved.document == str(window.article.source)
    assert saved.actors == ["Jens Stoltenberg", "Brussels"]
    qtbot.waitUntil(lambda: window.view.user_highlights == [(saved.id, start, end, "yellow")], timeout=2000)
    assert window.notes.panel.model.rowCount() == 1


def test_key_3_on_the_same_passage_recolours_instead_of_duplicating(qtbot, window) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    select(window, 0, 10)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: notes(window)[saved.id].color == "blue", timeout=2000)
    assert len(notes(window)) == 1
    qtbot.waitUntil(lambda: window.view.user_highlights == [(saved.id, 0, 10, "blue")], timeout=2000)


def test_reopening_the_article_restores_its_highlights(qtbot, window, tmp_path: Path) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10, Qt.Key.Key_2)
    other = tmp_path / "other.txt"
    other.write_text("Another article entirely.", encoding="utf-8")
    window.open_path(str(other))
    qtbot.waitUntil(lambda: window.view.user_highlights == [], timeout=2000)
    window.open_path(saved.document)
    qtbot.waitUntil(lambda: window.view.user_highlights == [(saved.id, 0, 10, "green")], timeout=2000)


def test_a_passage_gone_from_the_text_is_listed_as_orphaned_not_drawn(qtbot, window,
                                                                      article_file: Path) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    article_file.write_text("Completely rewritten.", encoding="utf-8")
    window.open_path(str(article_file))
    panel = window.notes.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and panel.model.index(0).data().startswith("⚠ Orphaned"),
                    timeout=2000)
    assert window.view.user_highlights == []
    assert saved.id in notes(window)


def test_clicking_a_highlight_edits_its_note_and_tags(qtbot, window) -> None:
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
    qtbot.waitUntil(lambda: "#nato #speeches" in ctl.panel.model.index(0).data(), timeout=2000)


def test_delete_then_ctrl_z_restores_the_same_annotation(qtbot, window) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    ctl = controller(window)
    window.view.user_highlight_clicked.emit(saved.id)
    ctl.editor.delete_button.click()
    qtbot.waitUntil(lambda: saved.id not in notes(window) and window.view.user_highlights == [], timeout=2000)
    assert not ctl.editor_dock.isVisible()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: saved.id in notes(window), timeout=2000)
    assert notes(window)[saved.id].selector == saved.selector
    qtbot.waitUntil(lambda: window.view.user_highlights == [(saved.id, 0, 10, "yellow")], timeout=2000)


def test_context_menu_attaches_notes_to_an_actor_and_a_quote(qtbot, window) -> None:
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


def test_search_box_finds_planted_notes_and_opens_the_passage(qtbot, window, tmp_path: Path) -> None:
    text = window.article.text
    start = text.index("ministers")
    planted = highlight_with_key(qtbot, window, start, start + 9)
    window.session.core.update_note(planted.id, note="Who were the ministers in Vienna?", tags=["vienna"])
    other = tmp_path / "other.txt"
    other.write_text("Another article entirely.", encoding="utf-8")
    open_and_wait(qtbot, window, other)
    ctl = controller(window)

    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ctl.finder.dock.isVisible() and ctl.finder.panel.query.hasFocus()
    qtbot.keyClick(ctl.finder.panel.query, Qt.Key.Key_Escape)
    assert window.view.hasFocus()
    ctl.search_action.trigger()
    assert ctl.finder.panel.query.hasFocus()
    qtbot.keyClicks(ctl.finder.panel.query, "ministers")
    qtbot.waitUntil(lambda: ctl.finder.panel.model.rowCount() == 1, timeout=2000)
    assert "<b>ministers</b>" in ctl.finder.panel.model.index(0).data(HTML_ROLE)
    rect = ctl.finder.panel.results.visualRect(ctl.finder.panel.model.index(0))
    with qtbot.waitSignal(window.session.article_loaded, timeout=2000):
        qtbot.mouseClick(ctl.finder.panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article.source == planted.document
    qtbot.waitUntil(lambda: ctl.editor.annotation_id == planted.id, timeout=2000)
    assert cursor_at(window) == start


def test_a_tag_double_clicked_on_the_library_page_searches_that_tag(qtbot, window) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    window.session.core.update_note(saved.id, tags=["alliance"])
    ctl = controller(window)
    window.library.show_page("library")
    page = window.library.library_page
    qtbot.waitUntil(lambda: page.tags_model.rowCount() == 1 and page.model.rowCount() == 1, timeout=5000)
    assert page.model.index(0, page.model.NOTES).data() == "1"
    page.tags.doubleClicked.emit(page.tags_model.index(0))
    assert window.pages.current == "reading" and ctl.finder.dock.isVisible()
    assert ctl.finder.panel.query.text() == "tag:alliance"
    qtbot.waitUntil(lambda: ctl.finder.panel.model.rowCount() == 1, timeout=2000)


def test_a_note_still_being_typed_is_saved_when_the_window_closes(qtbot, window, data_dir: Path) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    ctl = controller(window)
    window.view.user_highlight_clicked.emit(saved.id)
    qtbot.keyClicks(ctl.editor.note, "last words")
    window.view.user_highlight_clicked.emit(saved.id)  # a stale copy must not undo the typing
    assert ctl.editor.note.toPlainText() == "last words"
    window.close()  # the session hands the note over, then the core closes the store
    assert [a.note for a in stored(data_dir)] == ["last words"]


def test_digits_typed_in_the_search_box_do_not_highlight(qtbot, window) -> None:
    ctl = controller(window)
    select(window, 0, 10)
    ctl.show_search()
    qtbot.keyClicks(ctl.finder.panel.query, "2022")
    assert ctl.finder.panel.query.text() == "2022"
    qtbot.wait(50)
    assert notes(window) == {}


def test_export_writes_w3c_json_ld_to_the_chosen_file(qtbot, window, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    target = tmp_path / "out" / "notes.jsonld"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args, **kwargs: (str(target), EXPORT_FILTERS["w3c"])))
    controller(window).export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=2000)
    assert [a.id for a in w3c.parse(json.loads(target.read_text(encoding="utf-8")))] == [saved.id]
    qtbot.waitUntil(lambda: "Exported 1 note " in status(window), timeout=2000)


def test_an_export_that_cannot_be_written_is_reported(qtbot, window, tmp_path: Path) -> None:
    controller(window).exporter.export_to(str(tmp_path / "missing" / "notes.jsonld"), "w3c")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=2000)
    box = window.findChild(QMessageBox)
    assert box.text() == f"Cannot write {tmp_path / 'missing' / 'notes.jsonld'}: No such file or directory"
    box.close()
    assert not (tmp_path / "missing").exists()


def test_delete_key_in_the_notes_panel_deletes_the_selected_note(qtbot, window) -> None:
    saved = highlight_with_key(qtbot, window, 0, 10)
    panel = controller(window).panel
    panel.list.setCurrentIndex(panel.model.index(0))
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: saved.id not in notes(window), timeout=2000)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=2000)


def test_tags_of_every_article_are_offered_by_the_tag_completer(qtbot, window) -> None:
    elsewhere = "/elsewhere/article.txt"
    window.session.core.add_note(Annotation(document=elsewhere, selector=Selector.from_text("Old treaty text", 4, 10),
                                tags=["treaties"]))
    saved = highlight_with_key(qtbot, window, 0, 10)
    ctl = controller(window)
    window.view.user_highlight_clicked.emit(saved.id)
    model = ctl.editor.tags.completer().model()
    qtbot.waitUntil(lambda: model.stringList() == ["treaties"], timeout=3000)
    ctl.editor.tags.setText("diplomacy, summits")
    ctl.editor.tags.editingFinished.emit()
    qtbot.waitUntil(lambda: model.stringList() == ["diplomacy", "summits", "treaties"], timeout=3000)


def test_without_a_store_highlighting_explains_itself(qtbot, make_window, article_file: Path,
                                                      data_dir: Path) -> None:
    (data_dir / "library.json").write_bytes(b"{damaged")  # the reader declined to restore a backup
    win = make_window(analyzer_=FixedAnalyzer())
    qtbot.waitUntil(lambda: win.session.notes_unavailable, timeout=2000)
    open_and_wait(qtbot, win, article_file)
    select(win, 0, 10)
    win.notes.highlight("yellow")
    assert status(win) == "Notes are unavailable: the note store could not be opened."
    assert win.view.user_highlights == [] and win.findChild(QMessageBox) is None


def test_export_as_markdown_holds_every_note(qtbot, window, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    first = highlight_with_key(qtbot, window, 0, 10)
    second = highlight_with_key(qtbot, window, window.article.text.index("ministers"),
                                window.article.text.index(" met in"), Qt.Key.Key_5)
    window.session.core.update_note(first.id, note="A *chief* of staff?", tags=["nato"])
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
    ("/x/notes.md", "w3c", "markdown"),
    ("/x/notes.jsonld", "markdown", "w3c"),
    ("/x/notes", "w3c", "w3c"),
    ("/x/notes", "markdown", "markdown"),
])
def test_the_export_format_follows_the_file_name_then_the_filter(path: str, chosen: str, fmt: str) -> None:
    assert format_for(path, chosen) == fmt


def test_the_analysis_hands_the_articles_actors_to_search(qtbot, window, data_dir: Path) -> None:
    text = window.article.text
    saved = highlight_with_key(qtbot, window, text.index("ministers"), text.index(" met"))  # names no actor
    core = window.session.core
    qtbot.waitUntil(lambda: [h.annotation.id for h in core.search("actor:brussels")] == [saved.id], timeout=2000)
    hit, = core.search("stoltenberg")
    assert "article actors" in hit.matched
    journal = (data_dir / "library.json.journal").read_bytes()
    assert b'"Jens Stoltenberg","Brussels"' not in journal  # derived from the analysis: not in the store
