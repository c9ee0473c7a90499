"""Help › Keyboard Shortcuts and Help › About: what the window can do, and what Reader is."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from reader import __version__


def menu_actions(menu: QMenu) -> list[QAction]:
    """Every action of ``menu`` and its sub-menus, separators left out."""
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += menu_actions(sub)
        elif not action.isSeparator():
            found.append(action)
    return found


def shortcuts_table(menus: Iterable[QMenu]) -> str:
    """The actions that have a shortcut, with their keys, as an HTML table."""
    rows = []
    for menu in menus:
        for action in menu_actions(menu):
            if not action.shortcut().isEmpty():
                label = html.escape(action.text().replace("&", "").rstrip("…"))
                keys = html.escape(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                rows.append(f"<tr><td>{label}</td><td style='padding-left:18px'><b>{keys}</b></td></tr>")
    return f"<table>{''.join(rows)}</table>"


def show_shortcuts(parent: QWidget, menus: Iterable[QMenu]) -> None:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard Shortcuts", shortcuts_table(menus),
                      QMessageBox.StandardButton.Close, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def show_about(parent: QWidget, fingerprint: str, model: str) -> None:
    """Reader's version, the analysis fingerprint and the language model (the cache's key)."""
    QMessageBox.about(parent, "About Reader",
                      f"<h3>Reader {__version__}</h3><p>A calm reader for news articles that marks up "
                      "who appears in them and what was said, and keeps your notes safe.</p>"
                      f"<p>Analysis fingerprint <tt>{html.escape(fingerprint)}</tt><br>"
                      f"Language model <tt>{html.escape(model)}</tt></p>")
