"""Icons: the application's own, and desktop-theme icons for toolbar actions."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from reader.bundled import resource_path


def app_icon() -> QIcon:
    """Reader's icon, drawn for this project (``resources/icons/reader.svg``)."""
    return QIcon(str(resource_path("icons", "reader.svg")))


def themed(name: str) -> QIcon:
    """A freedesktop icon by name; empty when the desktop has no icon theme (text shows)."""
    return QIcon.fromTheme(name)
