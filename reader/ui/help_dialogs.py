"""Help › Keyboard Shortcuts and Help › About: what the window can do, and what Reader is.

The shortcuts list is made from the actions themselves (every menu, then the panels'
own actions), so it cannot fall behind them. An action whose text changes while the
window runs (a count, a file name, "Undo Delete highlight") says what it does once in
its :data:`HELP_LABEL` property; an empty label leaves it out, and :data:`HELP_KEYS`
writes a run of keys (``Ctrl+Alt+1 … 9``) as one row.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from reader import __version__

HELP_LABEL = "help_label"
"""An action property: the words the shortcuts list shows for it ('' leaves it out)."""
HELP_KEYS = "help_keys"
"""An action property: the keys the shortcuts list shows for it, instead of its shortcut."""

Group = tuple[str, Sequence[QAction]]
KEYS_IN_LISTS: tuple[tuple[str, str], ...] = (
    ("Up, Down in the Actors panel", "Emphasise the mentions of the previous or next actor"),
    ("Enter in the Actors panel", "Scroll to the next mention of the actor"),
    ("Up, Down, Enter in the search box", "Move through the results, open one"),
)
"""Keys a list or a box handles itself, with no action to read them from."""


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


def menu_groups(menus: Iterable[QMenu]) -> list[Group]:
    """Each menu as a group named by its title."""
    return [(menu.title().replace("&", ""), menu_actions(menu)) for menu in menus]


def label_of(action: QAction) -> str | None:
    """What the action does, as the list shows it (``None``: not listed)."""
    label = action.property(HELP_LABEL)
    if isinstance(label, str):
        return label or None
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip() or None


def keys_of(action: QAction) -> str:
    keys = action.property(HELP_KEYS)
    if isinstance(keys, str) and keys:
        return keys
    native = QKeySequence.SequenceFormat.NativeText
    return " or ".join(s.toString(native) for s in action.shortcuts() if not s.isEmpty())


def shortcut_rows(groups: Iterable[Group]) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(group, [(label, keys), …])`` for every action with a shortcut, each action once."""
    seen: set[int] = set()
    result = []
    for title, actions in groups:
        rows = []
        for action in actions:
            label, keys = label_of(action), keys_of(action)
            if id(action) in seen or label is None or not keys:
                continue
            seen.add(id(action))
            rows.append((label, keys))
        if rows:
            result.append((title, rows))
    return result


def shortcuts_table(groups: Iterable[Group]) -> str:
    """The shortcuts of ``groups`` and the keys of the lists, as HTML tables under headings."""
    parts = []
    for title, rows in [*shortcut_rows(groups), ("In lists", [(what, keys) for keys, what in KEYS_IN_LISTS])]:
        cells = "".join(f"<tr><td>{html.escape(label)}</td><td style='padding-left:18px'><b>{html.escape(keys)}</b>"
                        "</td></tr>" for label, keys in rows)
        parts.append(f"<h4>{html.escape(title)}</h4><table>{cells}</table>")
    return "".join(parts)


def show_shortcuts(parent: QWidget, groups: Iterable[Group]) -> QDialog:
    """A window with every shortcut, scrolling when the screen is short."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard Shortcuts")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    text = QTextBrowser(dialog)
    text.setOpenLinks(False)
    text.setHtml(shortcuts_table(groups))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(520, min(640, max(320, parent.height() - 40)))
    dialog.open()
    return dialog


def show_about(parent: QWidget, fingerprint: str, model: str) -> None:
    """Reader's version, the analysis fingerprint and the language model (the cache's key)."""
    QMessageBox.about(parent, "About Reader",
                      f"<h3>Reader {__version__}</h3><p>A calm reader for news articles that marks up "
                      "who appears in them and what was said, and keeps your notes safe.</p>"
                      f"<p>Analysis fingerprint <tt>{html.escape(fingerprint)}</tt><br>"
                      f"Language model <tt>{html.escape(model)}</tt></p>")
