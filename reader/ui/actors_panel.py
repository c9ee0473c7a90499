"""The Actors panel: who appears in the article, grouped by kind, most mentioned first.

The panel only reports what the reader asked for; the window asks for any value it needs
(a new name, the actor to merge into) and stores the correction.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLineEdit, QMenu, QToolButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from reader.analysis.model import Analysis, KINDS
from reader.ui import theme as themes
from reader.ui.legend import swatch

ACTOR_ROLE = Qt.ItemDataRole.UserRole
ACTIONS = (("rename", "Rename…", "F2"), ("merge", "Merge into…", "Ctrl+M"),
           ("kind", "Change Kind…", "Ctrl+K"), ("hide", "Hide", "Ctrl+H"))


class ActorsPanel(QWidget):
    """A filterable tree of actors with their mention counts.

    Signals:
        actor_activated(str): the reader clicked (or pressed Enter on) an actor.
        correction_requested(str, str): an action (rename, merge, kind, hide) and an actor id.
    """

    actor_activated = Signal(str)
    correction_requested = Signal(str, str)

    def __init__(self, theme: themes.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._analysis: Analysis | None = None
        self._counts: Counter[str] = Counter()
        self.filter = QLineEdit(self, placeholderText="Filter actors", clearButtonEnabled=True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.actions: dict[str, QAction] = {}
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for name, label, keys in ACTIONS:
            action = QAction(label, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{label.rstrip('…')} the selected actor ({keys})")
            action.triggered.connect(lambda _=False, n=name: self._request(n))
            self.addAction(action)
            self.actions[name] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setText(label.rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._analysis = analysis
        self._counts = Counter(m.actor for m in analysis.mentions) if analysis else Counter()
        self._rebuild()

    def set_theme(self, theme: themes.Theme) -> None:
        self._theme = theme
        self._rebuild()

    def selected_actor(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ACTOR_ROLE) if item is not None else None

    def _rebuild(self) -> None:
        self.tree.clear()
        analysis = self._analysis
        if analysis is None:
            return
        for kind in KINDS:
            actors = sorted((a for a in analysis.actors if a.kind == kind),
                            key=lambda a: (-self._counts[a.id], a.name.casefold()))
            if not actors:
                continue
            group = QTreeWidgetItem(self.tree, [themes.KIND_LABELS[kind], str(len(actors))])
            group.setIcon(0, swatch(self._theme, kind))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for actor in actors:
                item = QTreeWidgetItem(group, [actor.name, f"{self._counts[actor.id]:,}"])
                item.setData(0, ACTOR_ROLE, actor.id)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                details = [themes.KIND_SINGULAR[actor.kind]]
                if actor.role:
                    details.append(actor.role)
                if actor.aliases:
                    details.append("also: " + ", ".join(actor.aliases))
                item.setToolTip(0, f"{actor.name}\n" + "\n".join(details))
            group.setExpanded(True)
        self.tree.resizeColumnToContents(1)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self._apply_filter(self.filter.text())
        self._update_buttons()

    def _actor_items(self) -> list[QTreeWidgetItem]:
        root = self.tree.invisibleRootItem()
        return [root.child(i).child(j) for i in range(root.childCount()) for j in range(root.child(i).childCount())]

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        analysis = self._analysis
        for item in self._actor_items():
            actor = analysis.actor(item.data(0, ACTOR_ROLE)) if analysis else None
            names = [actor.name, *actor.aliases, actor.role or ""] if actor else [item.text(0)]
            item.setHidden(bool(needle) and not any(needle in n.casefold() for n in names))
        root = self.tree.invisibleRootItem()
        for i in range(root.childCount()):
            group = root.child(i)
            group.setHidden(all(group.child(j).isHidden() for j in range(group.childCount())))

    def _activated(self, item: QTreeWidgetItem) -> None:
        actor_id = item.data(0, ACTOR_ROLE)
        if actor_id:
            self.actor_activated.emit(actor_id)

    def _request(self, action: str) -> None:
        actor_id = self.selected_actor()
        if actor_id:
            self.correction_requested.emit(action, actor_id)

    def _update_buttons(self) -> None:
        enabled = self.selected_actor() is not None
        for action in self.actions.values():
            action.setEnabled(enabled)

    def _context_menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        if item is None or not item.data(0, ACTOR_ROLE):
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        menu.addActions(list(self.actions.values()))
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()
