"""Fixtures for the window tests: offscreen Qt, a temporary data dir, a fast analyzer."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.document import Article, parse
from tests.analyzers import NameAnalyzer


NAMES = {"Ada Lovelace": "person", "Babbage": "person", "Royal Society": "organization",
         "London": "place", "🚀 Station": "place"}

TEXT = """date 2024-05-17 Ada Lovelace met Babbage in London 🎉 at the Royal Society.

“The engine 🧮 might compose music,” Ada Lovelace wrote. 𝔄𝔡𝔞 was not shy.

Babbage replied from the 🚀 Station: “Come to London.” The Royal Society listened.

A fourth paragraph so that the page is long enough to scroll. """ + "Filler sentence about nothing. " * 400


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "lovelace.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def analyzer() -> NameAnalyzer:
    return NameAnalyzer(NAMES)


@pytest.fixture
def make_window(qtbot, data_dir: Path, analyzer: NameAnalyzer) -> Iterator[Callable[..., object]]:
    """Build a MainWindow over a real core in the test's data dir (its note store opened)."""
    from reader import paths
    from reader.core import Core
    from reader.ui.main_window import MainWindow
    from reader.ui.session import Session
    from reader.ui.settings import Settings

    made = []

    def make(analyzer_: object = analyzer, start: bool = True):
        session = Session(Core(data_dir, analyzer=analyzer_))
        window = MainWindow(session, Settings(paths.settings_path(data_dir)))
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        if start:
            session.start()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()  # ends the session: the core and its store close


def stored(data_dir: Path, doc_id: str | None = None) -> list:
    """The annotations on disk, read by another reader of the store (as a second process would)."""
    from notes.store import NoteStore
    from reader import paths

    with NoteStore(paths.store_path(data_dir), read_only=True) as store:
        return store.annotations(doc_id)


def open_and_wait(qtbot, window, path: Path) -> Article:
    """Open ``path`` and wait until the analysis is drawn."""
    with qtbot.waitSignal(window.session.analysis_ready, timeout=10000):
        window.open_path(str(path))
    qtbot.waitUntil(lambda: not window.view.markup_pending(), timeout=10000)
    return window.article


def article_of(text: str, fmt: str = "txt") -> Article:
    return parse(text, fmt, source=None)


def select(window, start: int, end: int) -> None:
    """Select text indexes ``[start, end)`` in the window's article view, as a drag would."""
    from PySide6.QtGui import QTextCursor

    positions = window.view.positions
    cursor = window.view.textCursor()
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def point_at(view, pos: int):
    """A viewport point over the character at text index ``pos`` (found, not guessed:
    with a tall line height the glyphs sit lower than the cursor rectangle)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(pos))
    rect = view.cursorRect(cursor)
    for dy in range(0, 2 * rect.height()):
        point = QPoint(rect.left() + 3, rect.top() + dy)
        if view.cursorForPosition(point).position() in (view.positions.to_qt(pos), view.positions.to_qt(pos) + 1):
            return point
    raise AssertionError(f"no point shows index {pos}")
