"""The Library page: every registered article as a table, and the tags in use.

Articles are shown with their title, folder and file (so that three articles of one title
are told apart), date, and how many actors, quotations and notes they have, with their
notes' tags; a missing file is marked, its notes kept. The table sorts by any column and
filters as you type (title, file, ``#tag``); articles without notes stay out of the way
until "Show articles without notes" is ticked. Double-click (or Enter) opens an article.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView,
                               QMenu, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from reader.library import ArticleRow
from reader.ui.library_models import ROW_ROLE, ArticlesModel
from reader.ui.pages import KeysInto, focus_row

TAG_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


class TagsModel(QAbstractListModel):
    """Tags, most used first, with how many notes carry each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tags: list[tuple[str, int]] = []

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        self.beginResetModel()
        self._tags = list(tags)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        return 0 if parent.isValid() else len(self._tags)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        tag, count = self._tags[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"#{tag}  ({count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{count} note{'s' * (count != 1)} tagged #{tag}: click to list their articles"
        if role == TAG_ROLE:
            return tag
        return None


class LibraryPage(QWidget):
    """The table of articles with its filter, and the tags.

    Signals:
        article_activated(object): the :class:`ArticleRow` to open.
        add_folder_requested(): the reader pressed Add Folder.
        update_requested(): the reader pressed Update (articles to analyse again).
        tag_search_requested(str): search the notes for a tag.
    """

    article_activated = Signal(object)
    add_folder_requested = Signal()
    update_requested = Signal()
    tag_search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticlesModel(self)
        self.model.set_with_notes_only(True)
        self.filter = QLineEdit(self, placeholderText="Filter by title, folder or file, #tag", clearButtonEnabled=True)
        self.filter.textChanged.connect(self._filter)
        self.all_articles = QCheckBox("Show articles without notes", self)
        self.all_articles.setToolTip("Articles you have not written notes on are hidden unless this is ticked")
        self.all_articles.toggled.connect(self._show_all)
        self.count = QLabel(self)
        add = QPushButton("Add Folder…", self)
        add.clicked.connect(self.add_folder_requested)
        self.update_button = QPushButton("Update", self)
        self.update_button.setToolTip("Check every article again and analyse what changed or is outdated")
        self.update_button.clicked.connect(self.update_requested)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ArticlesModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ArticlesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in ((ArticlesModel.FILE, 260), (ArticlesModel.DATE, 96), (ArticlesModel.ACTORS, 64),
                              (ArticlesModel.QUOTES, 64), (ArticlesModel.NOTES, 60), (ArticlesModel.TAGS, 150)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        KeysInto(self.filter, lambda: focus_row(self.table, 0))
        self._adding = False
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.linkActivated.connect(self._empty_link)
        self.empty.hide()

        self.tags_model = TagsModel(self)
        self.tags = QListView(self)
        self.tags.setModel(self.tags_model)
        self.tags.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tags.customContextMenuRequested.connect(self._tag_menu)
        self.tags.clicked.connect(lambda index: self.filter_tag(index.data(TAG_ROLE)))
        self.tags.activated.connect(lambda index: self.filter_tag(index.data(TAG_ROLE)))
        self.tags.doubleClicked.connect(lambda index: self.tag_search_requested.emit(index.data(TAG_ROLE)))
        self.no_tags = QLabel("No note has a tag yet. Type tags under a note, separated by commas, "
                              "and they gather here.", self)
        self.no_tags.setWordWrap(True)
        self.no_tags.setEnabled(False)  # drawn muted, as a hint

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.all_articles)
        top.addWidget(self.count)
        top.addSpacing(12)
        top.addWidget(add)
        top.addWidget(self.update_button)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.empty)
        tags_box = QWidget(self)
        tags_layout = QVBoxLayout(tags_box)
        tags_layout.setContentsMargins(0, 0, 0, 0)
        tags_layout.addWidget(QLabel("<b>Tags</b>", self))
        tags_layout.addWidget(self.tags, 1)
        tags_layout.addWidget(self.no_tags)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(table_box)
        splitter.addWidget(tags_box)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 180])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        title = QLabel("<h2 style='margin:0'>Library</h2>", self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.filter)
        self._update_count()

    # -- what it shows ---------------------------------------------------------------------

    def set_rows(self, rows: list[ArticleRow]) -> None:
        self.model.muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.model.set_rows(rows)
        outdated = sum(1 for r in rows if r.analysis != "current" and r.status != "missing")
        self.update_button.setToolTip(
            f"{outdated:,} article{'s' * (outdated != 1)} to analyse again: check every article and analyse "
            "what changed or is outdated" if outdated else
            "Check every article again and analyse what changed or is outdated")
        self._update_count()

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        self.tags_model.set_tags(tags)
        self.no_tags.setVisible(not tags)

    def set_adding(self, adding: bool) -> None:
        """Whether an add is running: an empty library then says its articles are on the way."""
        self._adding = adding
        self._update_count()

    def show_all_articles(self, shown: bool = True) -> None:
        self.all_articles.setChecked(shown)

    def filter_tag(self, tag: str) -> None:
        """Show the articles whose notes carry ``tag``."""
        self.filter.setText(f"#{tag}")

    # -- the reader's requests ---------------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.model.set_text(text)
        self._update_count()

    def _show_all(self, shown: bool) -> None:
        self.model.set_with_notes_only(not shown)
        self._update_count()

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, ArticleRow):
            self.article_activated.emit(row)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count.setText(f"{shown:,} of {total:,} article{'s' * (total != 1)}")
        message = ""
        if total == 0 and self._adding:
            message = "Adding articles: they are listed here when the add has finished."
        elif total == 0:
            message = ("The library is empty. <a href='add'>Add a folder of articles</a> (File › Add Folder…, "
                       "or drop a folder on the window); every article you open joins it too.")
        elif shown == 0 and self.model.with_notes_only and not self.filter.text().strip():
            message = (f"None of the {total:,} articles has notes yet. "
                       "<a href='all'>Show articles without notes</a>")
        elif shown == 0:
            message = "No article matches the filter."
        self.empty.setText(message)
        self.empty.setVisible(bool(message))

    def _empty_link(self, link: str) -> None:
        if link == "add":
            self.add_folder_requested.emit()
        elif link == "all":
            self.show_all_articles()

    def _tag_menu(self, point: QPoint) -> None:
        tag = self.tags.indexAt(point).data(TAG_ROLE)
        if not tag:
            return
        menu = QMenu(self)
        menu.addAction(f"List articles tagged #{tag}", lambda: self.filter_tag(tag))
        menu.addAction(f"Search notes tagged #{tag}", lambda: self.tag_search_requested.emit(tag))
        menu.exec(self.tags.viewport().mapToGlobal(point))
        menu.deleteLater()
