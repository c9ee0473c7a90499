"""Fixtures for the window tests: offscreen Qt, a temporary data dir, a fast analyzer."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.analysis.model import Actor, Analysis, Mention, Quote
from reader.document import Article, parse


class NameAnalyzer:
    """A fast stand-in for the spaCy analyzer: every listed name is an actor, every
    “…” a quote spoken by the nearest person named before it. Records its calls."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names  # name -> kind
        self.calls: list[list[dict]] = []
        self.release = threading.Event()
        self.release.set()

    def analyze(self, text: str, corrections=()) -> Analysis:
        self.release.wait(10)
        self.calls.append(list(corrections))
        hidden = {c["actor"] for c in corrections if c["action"] == "hide"}
        actors, mentions = [], []
        for i, (name, kind) in enumerate(self.names.items()):
            if name in hidden:
                continue
            actor = Actor(f"a{i + 1}", name, kind)  # type: ignore[arg-type]
            actors.append(actor)
            mentions += [Mention(m.start(), m.end(), actor.id) for m in re.finditer(re.escape(name), text)]
        mentions.sort(key=lambda m: m.start)
        quotes = []
        people = [m for m in mentions if next(a for a in actors if a.id == m.actor).kind == "person"]
        for m in re.finditer(r"“[^”]*”", text):
            before = [p for p in people if p.end <= m.start()]
            speaker = before[-1] if before else None
            quotes.append(Quote(m.start(), m.end(), speaker.actor if speaker else None,
                                speaker.start if speaker else None, speaker.end if speaker else None, "said"))
        return Analysis(actors, mentions, quotes)


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
    """Build a MainWindow over the test's data dir; ``store=True`` opens a real note store."""
    from reader import paths
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    made = []

    def make(store: bool = False, analyzer_: object = analyzer):
        note_store = None
        if store:
            from notes.store import NoteStore

            note_store = NoteStore(paths.store_path(data_dir))
        window = MainWindow(data_dir, Settings(paths.settings_path(data_dir)), store=note_store,
                            analyzer=analyzer_)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        if window.store is not None:
            window.store.close()


def open_and_wait(qtbot, window, path: Path) -> Article:
    """Open ``path`` and wait until the analysis is drawn."""
    with qtbot.waitSignal(window.analysis_ready, timeout=10000):
        window.open_path(str(path))
    qtbot.waitUntil(lambda: not window.view.markup_pending(), timeout=10000)
    return window.article


def article_of(text: str, fmt: str = "txt") -> Article:
    return parse(text, fmt, source=None)


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
