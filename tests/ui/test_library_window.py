"""The library in the window: adding a folder (progress, Cancel, closing and resuming), the
Library, Actors and Quotations pages, and landing on a quotation in its article.

The articles are written for these tests (tests/library_articles.py); their stand-in
analysis waits in the cache, so nothing loads a language model here (test_library_real.py
runs the real pipeline) and ``library_jobs=0`` keeps the add in the window's process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDockWidget, QFileDialog

from notes.store import NoteStore
from reader.core.highlights import new_annotation
from reader.library import Progress
from reader.library import adding as adding_module
from tests.analyzers import NameAnalyzer
from tests.library_articles import ARTICLES, NAMES, warm_cache, write_articles

pytestmark = pytest.mark.gui


@pytest.fixture
def folder(tmp_path: Path, data_dir: Path) -> Path:
    folder = write_articles(tmp_path / "articles")
    warm_cache(data_dir, folder)
    return folder


@pytest.fixture
def make(qtbot, data_dir: Path) -> Iterator[Callable[..., object]]:
    """A window over a core whose library adds in the window's process (no worker processes)."""
    from reader import paths
    from reader.core import Core
    from reader.ui.main_window import MainWindow
    from reader.ui.session import Session
    from reader.ui.settings import Settings

    made = []

    def build(start: bool = True):
        session = Session(Core(data_dir, analyzer=NameAnalyzer(NAMES), library_jobs=0))
        window = MainWindow(session, Settings(paths.settings_path(data_dir)))
        qtbot.addWidget(window)
        window.resize(1300, 860)
        window.show()
        if start:
            session.start()
            qtbot.waitUntil(lambda: session.core.notes_available, timeout=10000)
        made.append(window)
        return window

    yield build
    for window in made:
        window.close()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> dict:
    """One file a batch, and every batch after the first held until ``gate["open"]`` is set."""
    monkeypatch.setattr(adding_module, "BATCH_FILES", 1)
    state: dict = {"open": threading.Event(), "batches": []}
    real = adding_module.process

    def held(batch: list, analyzer: object) -> list:
        state["batches"].append(batch[0].path)
        if len(state["batches"]) > 1:
            state["open"].wait(10)
        return real(batch, analyzer)  # type: ignore[arg-type]

    monkeypatch.setattr(adding_module, "process", held)
    return state


def add_and_wait(qtbot, window, folder: Path) -> object:
    with qtbot.waitSignal(window.session.library.add_finished, timeout=20000) as finished:
        window.library.add_paths([str(folder)])
    return finished.args[0]


def click(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def stored_documents(data_dir: Path) -> list[str]:
    with NoteStore(data_dir / "library.json", read_only=True) as store:
        return sorted(d.path for d in store.documents())


def test_add_a_folder_watch_progress_pick_a_person_click_a_quotation_land_on_it(
        qtbot, make, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13's acceptance flow, through the menus, the keyboard and the mouse."""
    monkeypatch.setattr(adding_module, "BATCH_FILES", 1)  # progress after every file
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    window = make()
    bar = window.pages.progress
    seen: list[tuple[bool, str, int, int]] = []
    window.session.library.progress.connect(
        lambda p: seen.append((bar.isVisible(), bar.label.text(), bar.bar.value(), bar.bar.maximum())))
    with qtbot.waitSignal(window.session.library.add_finished, timeout=20000) as finished:
        window.library.add_folder_action.trigger()  # File › Add Folder to Library…
    report = finished.args[0]
    assert report.count("added") == len(ARTICLES) and not report.cancelled
    steps = [s for s in seen if s[1].startswith("Adding articles")]
    assert [s[2] for s in steps] == [0, 1, 2, 3, 4] and all(s[0] and s[3] == 4 for s in steps)
    assert steps[1][1] == "Adding articles: 1 of 4"
    assert bar.isVisible() and bar.label.text() == "Library: 4 added." and not bar.cancel.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # View › Actors
    page = window.library.actors_page
    assert window.pages.current == "actors" and page.isVisible()
    qtbot.waitUntil(lambda: page.model.total == len(NAMES), timeout=5000)
    mara = page.model.actor_index(next(a.id for a in page.model.actors if a.name == "Mara Lind"))
    click(qtbot, page.list, mara)
    qtbot.waitUntil(lambda: page.profile is not None and page.profile.actor.name == "Mara Lind", timeout=5000)
    quotes = page.quotes
    dates = [quotes.model().index(r, 0).data() for r in range(quotes.model().rowCount())]
    assert dates == ["2024-04-02", "2024-05-11", "2024-06-20"]  # date order
    assert quotes.model().index(1, 3).data() == "The bridge opens"
    chosen = quotes.model().index(1, 1).data(Qt.ItemDataRole.UserRole + 1)

    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        click(qtbot, quotes, quotes.model().index(1, 1))
    qtbot.waitUntil(lambda: not window.view.markup_pending(), timeout=5000)
    assert window.pages.current == "reading" and window.view.isVisible()
    assert window.article.source == chosen.path == str(folder / "south" / "bridge.md")
    start, end = window.view.marked_span
    assert window.article.text[start:end] == chosen.text == "\u201cPorto deserves this as much as Lisbon did,\u201d"
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.positions.to_qt(start))
    assert window.view.viewport().rect().contains(window.view.cursorRect(cursor).center())  # on screen


def test_dropping_a_folder_on_the_window_adds_it(qtbot, make, folder: Path) -> None:
    window = make()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.session.library.add_finished, timeout=20000) as finished:
        window.dropEvent(event)
    assert finished.args[0].count("added") == len(ARTICLES)
    assert window.article is None  # a folder is added, not opened


def test_the_library_page_tells_articles_apart_hides_those_without_notes_and_marks_missing_files(
        qtbot, make, folder: Path, data_dir: Path) -> None:
    window = make()
    add_and_wait(qtbot, window, folder)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.library.library_page
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == len(ARTICLES), timeout=5000)
    assert page.all_articles.isChecked()  # just added: shown although none has notes
    rows = {page.model.index(r, model.FILE).data(): page.model.index(r, model.TITLE).data()
            for r in range(page.model.rowCount())}
    assert rows == {"north/bridge.md": "The bridge opens", "south/bridge.md": "The bridge opens",
                    "west/bridge.md": "The bridge opens", "articles/ferries.txt": "Ferry crews strike"}
    assert [page.model.index(r, model.DATE).data() for r in range(4)] == \
        ["2024-06-20", "2024-05-11", "2024-04-02", "2024-03-15"]  # newest first

    page.all_articles.setChecked(False)
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    assert "None of the 4 articles has notes yet" in page.empty.text()

    west = folder / "west" / "bridge.md"
    core = window.session.core
    article = core.load(west)
    core.register(article)
    core.add_note(new_annotation(article.text, str(west), 0, 16, "green", tags=["bridges"]))
    west.unlink()  # the file goes; its note stays
    window.library.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.tags_model.rowCount() == 1, timeout=5000)
    assert page.no_tags.isHidden()  # the hint is only for a library without tags
    assert page.model.index(0, model.FILE).data() == "west/bridge.md  · missing"
    assert page.model.index(0, model.NOTES).data() == "1" and page.model.index(0, model.TAGS).data() == "#bridges"
    assert "notes are kept" in page.model.index(0, model.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert str(west) in stored_documents(data_dir)

    page.all_articles.setChecked(True)
    page.filter.setText("south")
    assert page.model.rowCount() == 1
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        page.table.doubleClicked.emit(page.model.index(0, model.TITLE))
    assert window.pages.current == "reading" and window.article.source == str(folder / "south" / "bridge.md")


def test_cancel_stops_the_add_and_keeps_what_came_back(qtbot, make, folder: Path, gate: dict) -> None:
    window = make()
    bar = window.pages.progress
    with qtbot.waitSignal(window.session.library.progress, timeout=20000,
                          check_params_cb=lambda p: p.phase == "analysing"):
        window.library.add_paths([str(folder)])
    assert bar.cancel.isVisible() and window.library.stop_action.isEnabled()
    assert window.library._settings.pending_additions() == [str(folder)]
    window.library.show_page("library")
    page = window.library.library_page
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=5000)
    assert page.empty.text().startswith("Adding articles")  # not "the library is empty" while it fills
    with qtbot.waitSignal(window.session.library.add_finished, timeout=20000) as finished:
        qtbot.mouseClick(bar.cancel, Qt.MouseButton.LeftButton)
        assert bar.label.text() == "Stopping: keeping what was added…" and not bar.cancel.isEnabled()
        gate["open"].set()
    report = finished.args[0]
    assert report.cancelled and report.count("added") == 2 and len(gate["batches"]) == 2
    assert bar.label.text().startswith("Adding stopped: 2 added") and not bar.cancel.isVisible()
    assert window.library._settings.pending_additions() == []  # the reader chose to stop: no resuming
    assert not window.library.stop_action.isEnabled()
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=5000)
    assert not page.empty.isVisible()


def test_closing_the_window_during_an_add_stops_it_and_the_next_start_resumes(
        qtbot, make, folder: Path, gate: dict, data_dir: Path) -> None:
    window = make()
    with qtbot.waitSignal(window.session.library.progress, timeout=20000,
                          check_params_cb=lambda p: p.phase == "analysing"):
        window.library.add_paths([str(folder)])
    threading.Timer(0.3, gate["open"].set).start()  # the file in progress comes back while closing
    window.close()  # returns once the add stopped
    done = gate["batches"][:2]
    assert len(gate["batches"]) == 2 and stored_documents(data_dir) == sorted(done)

    gate["batches"].clear()
    again = make(start=False)
    assert again.library._settings.pending_additions() == [str(folder)]
    with qtbot.waitSignal(again.session.library.add_finished, timeout=20000) as finished:
        again.library.resume()  # the app does this before the store opens
        again.session.start()
    report = finished.args[0]
    assert sorted(f.outcome for f in report.files) == ["added", "added", "unchanged", "unchanged"]
    assert sorted(gate["batches"]) == sorted(set(map(str, folder.rglob("*.*"))) - set(done))  # nothing read twice
    assert len(stored_documents(data_dir)) == len(ARTICLES)
    assert again.library._settings.pending_additions() == []


def test_the_actors_page_filters_as_you_type_and_shows_the_notes_that_name_someone(
        qtbot, make, folder: Path) -> None:
    window = make()
    add_and_wait(qtbot, window, folder)
    ferries = folder / "ferries.txt"
    core = window.session.core
    article = core.load(ferries)
    start = article.text.index("Tomas Berg spoke")
    core.register(article)
    note = core.add_note(new_annotation(article.text, str(ferries), start, start + 16, "yellow",
                                        analysis=core.analyse(article), note="He leads the crews"))
    window.library.show_page("actors")
    page = window.library.actors_page
    qtbot.waitUntil(lambda: page.model.total == len(NAMES), timeout=5000)
    assert page.filter.hasFocus()
    qtbot.keyClicks(page.filter, "berg")
    assert page.model.shown == 1 and page.count.text() == "1 of 5"
    person = page.model.index(1, 0)
    assert person.data() == "Tomas Berg"
    click(qtbot, page.list, person)
    qtbot.waitUntil(lambda: page.profile is not None and page.profile.actor.name == "Tomas Berg", timeout=5000)
    assert page.tabs.tabText(2) == "Notes (1)" and page.notes_model.rowCount() == 1
    assert "He leads the crews" in page.notes_model.index(0).data()
    page.tabs.setCurrentIndex(2)
    with qtbot.waitSignal(window.session.article_opened, timeout=10000):
        click(qtbot, page.notes, page.notes_model.index(0))
    assert window.pages.current == "reading" and window.article.source == str(ferries)
    qtbot.waitUntil(lambda: window.notes.editor.annotation_id == note.id, timeout=5000)


def test_once_the_store_is_open_the_window_brings_the_library_index_up_to_date(
        qtbot, make, folder: Path, data_dir: Path) -> None:
    """So the first page the reader opens only asks: here, a note written while no window was open."""
    from reader.library.index import LibraryIndex

    first = make()
    add_and_wait(qtbot, first, folder)
    first.close()
    path = str(folder / "ferries.txt")
    with NoteStore(data_dir / "library.json") as store:
        text = (folder / "ferries.txt").read_text(encoding="utf-8")
        store.add(new_annotation(text, path, 0, 10, "yellow", note="written elsewhere"))
        cursor = store.changes_since(None).cursor
    with LibraryIndex(data_dir / "library-index.sqlite") as index:
        assert index.meta("store") != cursor
    window = make()
    with LibraryIndex(data_dir / "library-index.sqlite") as index:
        qtbot.waitUntil(lambda: index.meta("store") == cursor, timeout=10000)
    assert window.pages.current == "reading"  # no page of the library was opened


def test_an_empty_actors_page_says_why_and_its_link_adds_a_folder(
        qtbot, make, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    window = make()
    window.library.show_page("actors")
    page = window.library.actors_page
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=5000)  # once the library answered
    assert page.empty.text().startswith("No actors yet")
    with qtbot.waitSignal(window.session.library.add_finished, timeout=20000):
        page.empty.linkActivated.emit("add")
    qtbot.waitUntil(lambda: page.model.total == len(NAMES), timeout=5000)
    assert not page.empty.isVisible()
    qtbot.keyClicks(page.filter, "nobody of that name")
    assert page.empty.isVisible() and page.empty.text() == "No actor matches the filter."


def test_the_quotations_page_searches_words_speaker_and_dates_and_exports_off_the_ui_thread(
        qtbot, make, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.library_access import LibraryAccess

    window = make()
    add_and_wait(qtbot, window, folder)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.library.quotes_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)  # every quotation, in date order
    assert [r.date for r in page.rows] == ["2024-03-15", "2024-04-02", "2024-05-11", "2024-05-11", "2024-06-20"]

    def results(count: int) -> None:
        qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=5000)

    page.speaker.setText("Tomas Berg")
    results(2)
    page.after.setText("2024-04-01")
    qtbot.waitUntil(lambda: [r.text for r in page.rows] == ["\u201cWe waited eleven years for this,\u201d"],
                    timeout=5000)
    page.after.setText("2024-04")
    page.search()
    assert page.message.isVisible() and "YYYY-MM-DD" in page.message.text()
    page.after.clear()
    page.speaker.clear()
    page.words.setText("river")
    qtbot.waitUntil(lambda: [r.speaker for r in page.rows] == ["Mara Lind"], timeout=5000)

    threads: list[str] = []
    real = LibraryAccess.export_quotes

    def spy(rows, fmt, path, heading):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(rows, fmt, path, heading)

    monkeypatch.setattr(LibraryAccess, "export_quotes", staticmethod(spy))
    out = tmp_path / "river.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), "CSV (*.csv)"))
    page.export_button.click()
    qtbot.waitUntil(lambda: out.exists(), timeout=5000)
    assert threads and threads[0].startswith("reader-io")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("text,speaker,document") and len(lines) == 2 and "Mara Lind" in lines[1]
    qtbot.waitUntil(lambda: window.status.message.text().startswith("Exported 1 quotation"), timeout=5000)


def test_panels_step_aside_for_the_library_pages_and_come_back_also_after_closing(
        qtbot, make, folder: Path) -> None:
    window = make()
    shown = {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()}
    assert "dock-actors" in shown
    window.library.show_page("library")
    assert not any(d.isVisible() for d in window.findChildren(QDockWidget))
    assert window.library.page_actions["library"].isChecked()
    window.library.show_page("reading")
    assert {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()} == shown
    assert not window.actors_dock.visibleRegion().isEmpty()  # the tab that was in front is again

    window.library.show_page("actors")
    window.close()  # the layout is saved with the panels where the reader left them
    again = make()
    assert again.actors_dock.isVisible() and again.pages.current == "reading"


def test_every_library_action_is_in_the_shortcuts_list(qtbot, make) -> None:
    from reader.ui.help_dialogs import menu_groups, shortcuts_table

    window = make()
    table = shortcuts_table(menu_groups(window.findChildren(type(window.menu("File")))))
    for label in ("Add Folder to Library", "Reading", "Library", "Actors", "Quotations", "Export Quotations"):
        assert f"<td>{label}</td>" in table, label
    assert window.menu("Library").actions()[0].text() == "&Update Library"


def test_library_stop_adding_in_the_menu_stops_it_too(qtbot, make, folder: Path, gate: dict) -> None:
    window = make()
    with qtbot.waitSignal(window.session.library.progress, timeout=20000,
                          check_params_cb=lambda p: p.phase == "analysing"):
        window.library.add_paths([str(folder)])
    with qtbot.waitSignal(window.session.library.add_finished, timeout=20000) as finished:
        window.library.stop_action.trigger()
        assert window.pages.progress.label.text().startswith("Stopping")
        gate["open"].set()
    assert finished.args[0].cancelled


def test_progress_line_shows_the_time_left(qtbot, make) -> None:
    window = make()
    bar = window.pages.progress
    bar.started(["/x"])
    bar.set_progress(Progress("analysing", 30, 120, 30, 200.0))
    assert bar.label.text() == "Adding articles: 30 of 120 · 30 analysed · about 3 min left"
    assert (bar.bar.value(), bar.bar.maximum()) == (30, 120)
    assert bar.isVisible() and bar.cancel.isEnabled()


def test_an_add_that_cannot_run_says_why_once_and_is_not_retried_at_the_next_start(
        qtbot, make, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader.errors import AnalysisError
    from reader.library import Library

    def broken(self, paths, **kwargs):  # type: ignore[no-untyped-def]
        raise AnalysisError("the language model en_core_web_sm is not installed")

    monkeypatch.setattr(Library, "add", broken)
    window = make()
    with qtbot.waitSignal(window.session.library.add_failed, timeout=10000):
        window.library.add_paths([str(folder)])
    bar = window.pages.progress
    assert bar.label.text() == "Adding failed: the language model en_core_web_sm is not installed"
    assert not bar.cancel.isVisible() and not window.library.stop_action.isEnabled()
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and "not installed" in w.text()
                                for w in window.findChildren(QMessageBox)), timeout=5000)
    assert window.library._settings.pending_additions() == []


def test_from_the_filter_to_a_quotation_with_the_keyboard_alone(qtbot, make, folder: Path) -> None:
    window = make()
    add_and_wait(qtbot, window, folder)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.library.actors_page
    qtbot.waitUntil(lambda: page.model.total == len(NAMES), timeout=5000)
    qtbot.keyClicks(page.filter, "lind")
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)  # into the list, on the first actor
    assert page.list.hasFocus() and page.selected_actor() is not None
    qtbot.waitUntil(lambda: page.profile is not None and page.profile.actor.name == "Mara Lind", timeout=5000)
    qtbot.keyClick(page.list, Qt.Key.Key_Return)  # to their quotations
    assert page.quotes.hasFocus() and page.quotes.currentIndex().row() == 0
    qtbot.keyClick(page.quotes, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        qtbot.keyClick(page.quotes, Qt.Key.Key_Return)
    start, end = window.view.marked_span
    assert window.pages.current == "reading"
    assert window.article.text[start:end] == "\u201cPorto deserves this as much as Lisbon did,\u201d"

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # again, its article open now
    page.quotes.setFocus()
    qtbot.keyClick(page.quotes, Qt.Key.Key_Return)
    assert window.pages.current == "reading" and window.view.marked_span == (start, end)
    # Who said it, in the status bar: the quotation keeps its own marks, none added around them.
    assert window.status.message.text() == "Mara Lind: \u201cPorto deserves this as much as Lisbon did,\u201d"

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    library = window.library.library_page
    qtbot.waitUntil(lambda: library.model.rowCount() == len(ARTICLES), timeout=5000)
    library.filter.setFocus()
    qtbot.keyClick(library.filter, Qt.Key.Key_Down)
    assert library.table.hasFocus() and library.table.currentIndex().row() == 0


def test_after_the_analysis_changed_the_window_analyses_the_library_again_with_progress(
        qtbot, make, folder: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15: a new analysis fingerprint (an updated Reader, word list or model) makes every
    library analysis outdated; the next window analyses them again in the background."""
    from reader.library import Library
    from reader.library.index import LibraryIndex

    first = make()
    add_and_wait(qtbot, first, folder)
    first.close()
    monkeypatch.setattr(Library, "generation", property(lambda self: "a-newer-reader"))
    window = make(start=False)
    progress: list[object] = []
    window.session.library.progress.connect(progress.append)
    with qtbot.waitSignal(window.session.library.outdated_found, timeout=10000) as found:
        window.session.start()
    assert found.args == [len(ARTICLES)]
    assert "analysing them again" in window.status.message.text()
    with qtbot.waitSignal(window.session.library.add_finished, timeout=20000):
        pass
    assert progress  # the progress line followed the run
    with LibraryIndex(data_dir / "library-index.sqlite") as index:
        assert {a.generation for a in index.articles().values()} == {"a-newer-reader"}


def test_a_library_without_tags_says_how_tags_come(qtbot, make) -> None:
    window = make()
    window.library.show_page("library")
    page = window.library.library_page
    qtbot.waitUntil(lambda: page.no_tags.isVisible(), timeout=5000)
    assert "separated by commas" in page.no_tags.text() and page.tags_model.rowCount() == 0
