"""Icons: the application's own, and desktop-theme icons for toolbar actions."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from reader.bundled import resource_path


def app_icon() -> QIcon:
    """Reader's icon, drawn for this project (``resources/icons/reader.svg``)."""
    return QIcon(str(resource_path("icons", "reader.svg")))


def themed(name: str) -> QIcon:
    """A freedesktop icon by name, else the one drawn for Reader (``resources/icons/NAME.svg``)."""
    return QIcon.fromTheme(name, QIcon(str(resource_path("icons", f"{name}.svg"))))
