"""The window's settings, in an INI file inside the data dir (never the user's registry).

One small typed facade over ``QSettings`` so keys and defaults live in one place. Reading
positions are not settings: they live with each article's record in the note store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 9  # each has a shortcut, Ctrl+Alt+1 … 9
THEME_CHOICES = ("system", "light", "dark")
MIN_ZOOM, MAX_ZOOM = -6, 12


class Settings:
    """The settings in ``path``; ``read_only`` ones are read but never written (a screenshot run
    looks like the reader's window and leaves no trace in it)."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.read_only = read_only
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._q = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        if not self.read_only:
            self._q.sync()

    def _set(self, key: str, value: object) -> None:
        if not self.read_only:
            self._q.setValue(key, value)

    # window -------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self._set("window/geometry", geometry)
        self._set("window/state", state)

    def window_state(self) -> QByteArray | None:
        value = self._q.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # reading ------------------------------------------------------------------------
    def theme(self) -> str:
        value = str(self._q.value("view/theme", "system"))
        return value if value in THEME_CHOICES else "system"

    def set_theme(self, choice: str) -> None:
        self._set("view/theme", choice)

    def zoom(self) -> int:
        try:
            value = int(str(self._q.value("view/zoom", 0)))
        except ValueError:
            return 0
        return min(max(value, MIN_ZOOM), MAX_ZOOM)

    def set_zoom(self, steps: int) -> None:
        self._set("view/zoom", steps)

    def hidden_kinds(self) -> set[str]:
        value = self._q.value("view/hidden_kinds", "")
        return {k for k in str(value or "").split(",") if k}

    def set_hidden_kinds(self, kinds: set[str]) -> None:
        self._set("view/hidden_kinds", ",".join(sorted(kinds)))

    # files --------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self._q.value("files/recent", [])
        paths = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(v) for v in paths if v][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files() if p != path]
        self._set("files/recent", files[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        """Forget a file that can no longer be opened."""
        self._set("files/recent", [p for p in self.recent_files() if p != path])

    # the library ----------------------------------------------------------------------
    def pending_additions(self) -> list[str]:
        """Files and folders whose adding to the library was interrupted by closing the window."""
        value = self._q.value("library/pending", [])
        paths = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(v) for v in paths if v]

    def set_pending_additions(self, paths: list[str]) -> None:
        self._set("library/pending", list(dict.fromkeys(paths)))
        if not self.read_only:
            self._q.sync()  # a killed window still resumes
