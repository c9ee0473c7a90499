"""The Actors panel: who appears in the article, grouped by kind, most mentioned first.

:class:`ActorsModel` is a two-level item model (kinds, then their actors; name and
mentions as columns) and :class:`ActorsFilter` the proxy the filter box drives. The panel
only reports what the reader asked for; the window asks for any value it needs (a new
name, the actor to merge into) and the session stores the correction.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, QPoint,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QToolButton, QTreeView,
                               QVBoxLayout, QWidget)

from reader.analysis.model import KINDS, Actor, Analysis
from reader.ui import theme as themes
from reader.ui.help_dialogs import HELP_LABEL
from reader.ui.legend import count_label, mention_count, swatch

ACTOR_ROLE = Qt.ItemDataRole.UserRole
"""The actor id of an actor row (``None`` on a group row)."""
NAMES_ROLE = Qt.ItemDataRole.UserRole + 1
"""Everything an actor row is known by (name, aliases, role), for the filter."""
ACTIONS = (("rename", "Rename…", "F2"), ("merge", "Merge into…", "Ctrl+M"),
           ("kind", "Change Kind…", "Ctrl+K"), ("hide", "Hide", "Ctrl+H"))
NO_GROUP = 0xFFFFFFFF
HEADERS = ("Actor", "Mentions")
"""The columns: every number in the second one counts mentions, by name and by a role phrase that
refers to the actor ("the NATO chief"); a kind's row says how many actors."""
"""The internal id of a group row; an actor row carries its group's number instead."""

Index = QModelIndex | QPersistentModelIndex


class ActorsModel(QAbstractItemModel):
    """Kinds (People, Organisations, Places) with their actors, most mentioned first."""

    def __init__(self, theme: themes.Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._groups: list[tuple[str, list[Actor]]] = []
        self._counts: Counter[str] = Counter()
        self._described: Counter[str] = Counter()

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self._described = Counter(r.actor for r in analysis.references) if analysis else Counter()
        self._counts = Counter(m.actor for m in analysis.mentions) if analysis else Counter()
        self._counts.update(self._described)
        self._groups = []
        for kind in KINDS:
            actors = sorted((a for a in analysis.actors if a.kind == kind) if analysis else (),
                            key=lambda a: (-self._counts[a.id], a.name.casefold()))
            if actors:
                self._groups.append((kind, actors))
        self.endResetModel()

    def set_theme(self, theme: themes.Theme) -> None:
        self._theme = theme
        if self._groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, 0),
                                  [Qt.ItemDataRole.DecorationRole])

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() if parent.isValid() else NO_GROUP)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == NO_GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId(), 0, NO_GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == NO_GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        return 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == NO_GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == NO_GROUP:
            return self._group_data(index, role)
        actor = self._groups[index.internalId()][1][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return actor.name if index.column() == 0 else f"{self._counts[actor.id]:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [themes.KIND_SINGULAR[actor.kind], *([actor.role] if actor.role else []),
                       *(["also: " + ", ".join(actor.aliases)] if actor.aliases else []),
                       mention_count(self._counts[actor.id] - self._described[actor.id], self._described[actor.id])]
            return f"{actor.name}\n" + "\n".join(details)
        if role == ACTOR_ROLE:
            return actor.id
        if role == NAMES_ROLE:
            return [actor.name, *actor.aliases, actor.role or ""]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole and section == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def actor_count(self) -> int:
        return sum(len(actors) for _kind, actors in self._groups)

    def _group_data(self, index: Index, role: int) -> Any:
        kind, actors = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return count_label(kind, len(actors))
            return f"{sum(self._counts[a.id] for a in actors):,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return swatch(self._theme, kind)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ActorsFilter(QSortFilterProxyModel):
    """Actors whose name, alias or role contains the filter text; a kind shows while any of its
    actors does."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._needle = ""

    def set_text(self, text: str) -> None:
        self._needle = text.casefold().strip()
        self.setFilterFixedString(self._needle)  # refilters; the match itself is filterAcceptsRow's

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        if not source_parent.isValid():
            return False  # a kind: shown through its actors (recursive filtering)
        names = self.sourceModel().index(source_row, 0, source_parent).data(NAMES_ROLE) or []
        return any(self._needle in name.casefold() for name in names)


class ActorsPanel(QWidget):
    """A filterable tree of actors with their mention counts.

    Moving through the actors (arrow keys, a click) emphasises the mentions of the actor
    arrived at; a click on the current actor, or Enter, steps to its next mention.

    Signals:
        actor_activated(str): emphasise (the next mention of) this actor.
        correction_requested(str, str): an action (rename, merge, kind, hide) and an actor id.
        hidden_requested(): the reader asked for the list of hidden actors.
    """

    actor_activated = Signal(str)
    correction_requested = Signal(str, str)
    hidden_requested = Signal()

    def __init__(self, theme: themes.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ActorsModel(theme, self)
        self.proxy = ActorsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self, placeholderText="Filter actors", clearButtonEnabled=True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionsClickable(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._activated)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.hide()
        self.correction_actions: dict[str, QAction] = {}
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for name, label, keys in ACTIONS:
            action = QAction(label, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{label.rstrip('…')} the selected actor ({keys})")
            action.setProperty(HELP_LABEL, f"{label.rstrip('…')} the selected actor")
            action.triggered.connect(lambda _=False, n=name: self._request(n))
            self.addAction(action)
            self.correction_actions[name] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setText(label.rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hidden_button = QToolButton(self)
        self.hidden_button.setAutoRaise(True)
        self.hidden_button.setToolTip("Actors you hid, to show them again")
        self.hidden_button.clicked.connect(self.hidden_requested)
        self.hidden_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hidden_button, 0, Qt.AlignmentFlag.AlignRight)
        self._analysed = False
        self._quiet = False  # the current row is being set by the panel itself: nothing to emphasise
        self._arrived: str | None = None  # the actor a mouse press just made current
        self._reselect: str | None = None
        self._update_buttons()

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Show ``analysis``'s actors, keeping the selected actor (or the one :meth:`reselect` named)."""
        name = self._reselect or self.selected_name()
        self._reselect = None
        self._analysed = analysis is not None
        self._quiet = True
        try:
            self.model.set_analysis(analysis)
            self.tree.expandAll()
            if name is not None and (index := self.index_of(name)).isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
        finally:
            self._quiet = False
        self._update_empty()
        self._update_buttons()

    def reset(self) -> None:
        """A new article: no actors yet, no filter, nothing selected."""
        self._reselect = None
        self.tree.setCurrentIndex(QModelIndex())
        self.filter.clear()
        self.set_analysis(None)

    def reselect(self, name: str) -> None:
        """Select the actor called ``name`` when the next analysis arrives (after a correction)."""
        self._reselect = name

    def set_hidden_count(self, count: int) -> None:
        """How many actors the reader hid here; the button that lists them shows when any are."""
        self.hidden_button.setText(f"{count} hidden actor{'s' if count != 1 else ''}…")
        self.hidden_button.setVisible(count > 0)

    def set_theme(self, theme: themes.Theme) -> None:
        self.model.set_theme(theme)

    def selected_actor(self) -> str | None:
        actor_id = self.tree.currentIndex().data(ACTOR_ROLE)
        return str(actor_id) if actor_id else None

    def selected_name(self) -> str | None:
        index = self.tree.currentIndex()
        return str(index.siblingAtColumn(0).data()) if index.data(ACTOR_ROLE) else None

    def index_of(self, name: str) -> QModelIndex:
        """The row of the actor called ``name`` as the tree shows it (invalid when filtered out)."""
        found = self.proxy.match(self.proxy.index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1,
                                 Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return found[0] if found else QModelIndex()

    def _apply_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self.tree.expandAll()
        self._update_empty()

    def _update_empty(self) -> None:
        """Say why the tree is empty: nothing matches the filter, or the article names nobody."""
        text = ""
        if self.filter.text().strip() and self.proxy.rowCount() == 0 and self.model.rowCount():
            text = f"No actor matches “{self.filter.text().strip()}”."
        elif self._analysed and not self.model.rowCount():
            text = "No people, organisations or places were found in this article."
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.tree.setVisible(not text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        actor_id = current.data(ACTOR_ROLE)
        if self._quiet or not actor_id:
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._arrived = str(actor_id)  # the click that follows emphasises it; not twice
        self.actor_activated.emit(str(actor_id))

    def _clicked(self, index: QModelIndex) -> None:
        actor_id = index.data(ACTOR_ROLE)
        arrived, self._arrived = self._arrived, None
        if actor_id and actor_id != arrived:
            self.actor_activated.emit(str(actor_id))  # the current actor again: its next mention

    def _activated(self, index: QModelIndex) -> None:
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return  # a double click: its clicks already stepped
        actor_id = index.data(ACTOR_ROLE)
        if actor_id:
            self.actor_activated.emit(str(actor_id))

    def _request(self, action: str) -> None:
        actor_id = self.selected_actor()
        if actor_id:
            self.correction_requested.emit(action, actor_id)

    def _update_buttons(self) -> None:
        enabled = self.selected_actor() is not None
        for action in self.correction_actions.values():
            action.setEnabled(enabled)

    def _context_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        if not index.data(ACTOR_ROLE):
            return
        self._quiet = True
        try:
            self.tree.setCurrentIndex(index)
        finally:
            self._quiet = False
        menu = QMenu(self)
        menu.addActions(list(self.correction_actions.values()))
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()
