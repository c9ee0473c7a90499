"""The legend: one chip per kind of automatic highlight, each a toggle.

The chips are checkable actions, so the same toggles appear in the View menu with
shortcuts, and the legend, the menu and the view always agree.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from reader.analysis.model import Analysis
from reader.ui import theme as themes
from reader.ui.help_dialogs import HELP_LABEL

SHORTCUTS = {"person": "Alt+1", "organization": "Alt+2", "place": "Alt+3", "quote": "Alt+4"}


def count_label(kind: str, count: int) -> str:
    """``1 person``, ``3 organisations``, ``2 quotes``."""
    singular = themes.KIND_SINGULAR[kind]
    return f"{count:,} {singular if count == 1 else themes.KIND_LABELS[kind].lower()}"


def mention_count(named: int, described: int) -> str:
    """How often an actor is mentioned, by name and by role phrase: "6 mentions (1 by description)"."""
    total = named + described
    line = f"{total:,} mention{'s' if total != 1 else ''}"
    return f"{line} ({described:,} by description)" if described else line


class Legend(QWidget):
    """Coloured, checkable chips: People, Organisations, Places, Quotes.

    Signals:
        kind_toggled(str, bool): a kind was shown (True) or hidden (False).
    """

    kind_toggled = Signal(str, bool)

    def __init__(self, theme: themes.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions_by_kind: dict[str, QAction] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        for kind in themes.HIGHLIGHT_KINDS:
            action = QAction(themes.KIND_LABELS[kind], self, checkable=True, checked=True)
            action.setProperty(HELP_LABEL, f"Show or hide {themes.KIND_LABELS[kind].lower()}")
            action.setShortcut(QKeySequence(SHORTCUTS[kind]))
            action.setToolTip(f"Show or hide {themes.KIND_LABELS[kind].lower()} ({SHORTCUTS[kind]})")
            action.toggled.connect(lambda on, k=kind: self.kind_toggled.emit(k, on))
            self.actions_by_kind[kind] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setObjectName(f"legend-{kind}")
            layout.addWidget(button)
        self.set_theme(theme)

    def set_theme(self, theme: themes.Theme) -> None:
        for kind, action in self.actions_by_kind.items():
            action.setIcon(swatch(theme, kind))

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Say how many actors of each kind, and quotes, the analysis found ("3 people", as the
        Actors panel counts them), with their mentions in the tooltip; no analysis, no counts."""
        actors: Counter[str] = Counter()
        mentions: Counter[str] = Counter()
        described: Counter[str] = Counter()
        if analysis is not None:
            kinds = {a.id: a.kind for a in analysis.actors}
            actors.update(kinds.values())
            mentions.update(kinds[m.actor] for m in analysis.mentions if m.actor in kinds)
            described.update(kinds[r.actor] for r in analysis.references if r.actor in kinds)
            actors["quote"] = len(analysis.quotes)
        for kind, action in self.actions_by_kind.items():
            keys = SHORTCUTS[kind]
            if analysis is None:
                action.setText(themes.KIND_LABELS[kind])
                action.setToolTip(f"Show or hide {themes.KIND_LABELS[kind].lower()} ({keys})")
                continue
            action.setText(count_label(kind, actors[kind]))
            found = count_label(kind, actors[kind])
            if kind != "quote":
                found += f", {mention_count(mentions[kind], described[kind])}"
            action.setToolTip(f"{found}: show or hide them ({keys})")

    def set_hidden(self, hidden: set[str]) -> None:
        for kind, action in self.actions_by_kind.items():
            action.setChecked(kind not in hidden)


def swatch(theme: themes.Theme, kind: str, size: int = 16) -> QIcon:
    """A small sample of how ``kind`` looks in the text: tint with underline, or a bar."""
    style = theme.kinds[kind]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(style.line), 1))
    painter.setBrush(QColor(style.tint))
    painter.drawRoundedRect(QRectF(1.5, 2.5, size - 3, size - 5), 3, 3)
    if kind == "quote":
        painter.fillRect(QRectF(3, 4, 3, size - 8), QColor(style.line))
    else:
        painter.fillRect(QRectF(3, size - 6, size - 6, 2), QColor(style.line))
    painter.end()
    return QIcon(pixmap)
