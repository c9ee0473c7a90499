"""A click on an article's link: web links open after the reader confirms; others are explained."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.ui import links


def follow(parent: QWidget, href: str) -> str | None:
    """Ask before opening a web link in the browser; for a blocked link, the line saying why."""
    kind = links.classify(href)
    if kind is links.LinkKind.BLOCKED:
        return links.describe_blocked(href)
    if kind is links.LinkKind.WEB:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(parent, "Open Link", f"Open this address in your web browser?\n\n{href}",
                                      buttons.Open | buttons.Cancel, buttons.Cancel)
        if answer == buttons.Open:
            QDesktopServices.openUrl(QUrl(href))
    return None
