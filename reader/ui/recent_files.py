"""File › Open Recent: the last articles opened, each a keystroke away (Ctrl+Alt+1…9)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from reader.ui.help_dialogs import HELP_KEYS, HELP_LABEL
from reader.ui.settings import MAX_RECENT, Settings


class RecentFiles(QObject):
    """Keeps ``menu`` in step with the recent files in the settings.

    Signals:
        chosen(str): the path the reader picked.
    """

    chosen = Signal(str)

    def __init__(self, menu: QMenu, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu, self._settings = menu, settings
        self._refresh()

    def add(self, path: str) -> None:
        self._settings.add_recent(path)
        self._refresh()

    def forget(self, path: str) -> None:
        """Drop a file that can no longer be opened."""
        if path in self._settings.recent_files():
            self._settings.remove_recent(path)
            self._refresh()

    def _refresh(self) -> None:
        self.menu.clear()
        recent = self._settings.recent_files()
        for i, path in enumerate(recent):
            action = self.menu.addAction(f"&{i + 1} {Path(path).name.replace('&', '&&')}")
            action.setToolTip(path)
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{i + 1}"))
            # The shortcuts list names the keys once, not the files.
            action.setProperty(HELP_LABEL, f"Open recent file 1–{MAX_RECENT}" if i == 0 else "")
            action.setProperty(HELP_KEYS, f"Ctrl+Alt+1 to {MAX_RECENT}")
            action.triggered.connect(lambda _=False, p=path: self.chosen.emit(p))
        self.menu.setEnabled(bool(recent))
