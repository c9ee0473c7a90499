"""The window's session: it never waits for the store or the analysis, stale answers never
arrive, and closing the window closes the store properly."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from notes.store import NoteStore, search_index_path
from reader import paths
from reader.document import load
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.gui


def test_the_text_shows_while_the_store_is_still_opening(qtbot, make_window, article_file: Path) -> None:
    window = make_window(start=False)
    session = window.session
    release = threading.Event()
    session.core.store_lane.submit(release.wait, 10)  # a slow disk: the store cannot open yet
    session.start()
    started = time.perf_counter()
    session.show(load(article_file))
    assert time.perf_counter() - started < 0.5
    assert "Ada Lovelace met Babbage" in window.view.document().toPlainText()
    qtbot.wait(100)  # the event loop runs meanwhile
    assert session.opened is None
    with qtbot.waitSignal(session.article_opened, timeout=5000):
        release.set()
    assert session.opened is not None and session.opened.document is not None


def test_a_busy_store_never_freezes_a_highlight(qtbot, make_window, article_file: Path) -> None:
    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    qtbot.waitUntil(lambda: window.session.opened is not None, timeout=5000)
    release = threading.Event()
    window.session.core.store_lane.submit(release.wait, 10)
    start = article.text.index("Babbage replied")
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(start))
    cursor.setPosition(window.view.positions.to_qt(start + 15), cursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    began = time.perf_counter()
    window.notes.highlight("green")
    assert time.perf_counter() - began < 0.2
    qtbot.wait(100)
    assert window.view.user_highlights == []  # not saved yet, and the window kept running
    release.set()
    qtbot.waitUntil(lambda: [h[1:] for h in window.view.user_highlights] == [(start, start + 15, "green")],
                    timeout=5000)


def test_the_analysis_of_an_article_left_behind_never_arrives(qtbot, make_window, analyzer, article_file: Path,
                                                             tmp_path: Path) -> None:
    window = make_window()
    other = tmp_path / "other.txt"
    other.write_text("Babbage wrote from London.", encoding="utf-8")
    arrived = []
    window.session.analysis_ready.connect(arrived.append)
    analyzer.release.clear()  # the first analysis hangs until released
    with qtbot.waitSignal(window.session.article_loaded, timeout=5000):
        window.open_path(str(article_file))
    qtbot.waitUntil(lambda: len(analyzer.threads) == 1, timeout=5000)  # it is running
    with qtbot.waitSignal(window.session.article_loaded, timeout=5000):
        window.open_path(str(other))
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        analyzer.release.set()
    qtbot.wait(100)
    assert [a.article.source for a in arrived] == [str(other)]
    assert {window.analysis.actor(m.actor).name for m in window.analysis.mentions} == {"Babbage", "London"}
    assert window.session.tasks.pending == 0


def test_closing_the_window_saves_everything_and_leaves_the_search_file_current(
        qtbot, make_window, article_file: Path, data_dir: Path) -> None:
    window = make_window()
    article = open_and_wait(qtbot, window, article_file)
    qtbot.waitUntil(lambda: window.session.opened is not None, timeout=5000)
    start = article.text.index("compose music")
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.positions.to_qt(start))
    cursor.setPosition(window.view.positions.to_qt(start + 13), cursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    window.notes.highlight("pink")  # queued on the store lane as the window closes
    window.close()
    with NoteStore(paths.store_path(data_dir), read_only=True) as store:
        db = sqlite3.connect(search_index_path(store.path))
        indexed = db.execute("SELECT value FROM meta WHERE key = 'cursor'").fetchone()[0]
        db.close()
        assert indexed == store.changes_since(None).cursor  # nothing left for a search to do
        hits = store.search("music")
    assert [h.annotation.selector.exact for h in hits] == ["compose music"]
