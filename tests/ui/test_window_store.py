"""A damaged note store: refused with one clear message, the newest backup offered,
never silently replaced by an empty one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from notes.errors import StoreError
from notes.records import Annotation, Selector
from notes.store import NoteStore
from reader import paths
from reader.core import Core
from reader.ui.store_dialog import offer_backups

pytestmark = pytest.mark.gui


@pytest.fixture
def damaged(data_dir: Path) -> tuple[Path, bytes]:
    """A store with one note and a backup of it, then its main file damaged."""
    path = paths.store_path(data_dir)
    with NoteStore(path) as store:
        store.add(Annotation("/tmp/a.txt", Selector("word", "", "", 0, 4), note="keep me"))
        store.compact()
        store.compact()  # the second fold keeps the first file as a backup
    assert NoteStore.backups(path)
    garbage = b'{"truncated": '
    path.write_bytes(garbage)
    return path, garbage


def answer(monkeypatch: pytest.MonkeyPatch, label: str, shown: list[str]) -> None:
    """Make the next message box return as if ``label`` was clicked."""
    def exec_(box: QMessageBox) -> int:
        shown.append(box.text() + "\n" + box.informativeText())
        button = next(b for b in box.buttons() if b.text() == label)
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda _self: button)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def damaged_window(make_window):
    window = make_window(start=False)
    offer_backups(window.session, window)
    window.session.start()
    return window


def test_declining_runs_without_notes_and_leaves_the_file(qtbot, make_window, damaged, monkeypatch) -> None:
    path, garbage = damaged
    shown: list[str] = []
    answer(monkeypatch, "Run Without Notes", shown)
    window = damaged_window(make_window)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert window.session.notes_unavailable
    assert path.read_bytes() == garbage
    assert "backup" in shown[0].lower() and "damaged" in shown[0].lower()


def test_restoring_the_newest_backup_brings_the_notes_back(qtbot, make_window, damaged, monkeypatch) -> None:
    path, garbage = damaged
    shown: list[str] = []
    answer(monkeypatch, "Restore Backup", shown)
    window = damaged_window(make_window)
    qtbot.waitUntil(lambda: bool(shown) and not window.session.notes_unavailable, timeout=5000)
    assert [a.note for a in window.session.core.notes()] == ["keep me"]
    kept = [p for p in path.parent.iterdir() if p.name.startswith("library.json.damaged")]
    assert [p.read_bytes() for p in kept] == [garbage]  # the damaged file is set aside, not lost


def test_without_a_reader_to_ask_the_error_propagates(damaged, data_dir: Path) -> None:
    path, garbage = damaged
    with Core(data_dir) as core, pytest.raises(StoreError):
        core.start()
    assert path.read_bytes() == garbage
