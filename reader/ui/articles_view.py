"""The articles browser: every article opened or annotated, and every tag in use.

The core computes the :class:`~reader.core.articles.ArticlesOverview` where the store is;
:class:`ArticlesModel` and :class:`TagsModel` hold it for two list views. (Issue 13's
Library, of registered articles, is another view.)
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QListView, QSplitter, QVBoxLayout, QWidget

from reader.core.articles import ArticleEntry, ArticlesOverview

PATH_ROLE = Qt.ItemDataRole.UserRole
TAG_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ArticlesModel(QAbstractListModel):
    """Articles, most recently opened first: title, note count and date; missing files muted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[ArticleEntry] = []
        self.muted = QColor("gray")  # the ink of a missing file; the view sets its palette's

    def set_entries(self, entries: list[ArticleEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        doc = entry.document
        if role == Qt.ItemDataRole.DisplayRole:
            count = f"{entry.notes} note{'s' if entry.notes != 1 else ''}"
            when = f" · {doc.date}" if doc.date else ""
            return f"{doc.title or os.path.basename(doc.path)}\n{count}{when}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return doc.path if entry.exists else f"{doc.path}\nThe file is missing; its notes are still searchable."
        if role == Qt.ItemDataRole.ForegroundRole and not entry.exists:
            return self.muted
        if role == PATH_ROLE:
            return doc.path
        return None


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
        if role == TAG_ROLE:
            return tag
        return None


class ArticlesView(QWidget):
    """Lists articles (click opens one) and tags (click searches the notes for it).

    Signals:
        document_activated(str): the path of the article to open.
        tag_activated(str): the tag to search for.
    """

    document_activated = Signal(str)
    tag_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.articles_model, self.tags_model = ArticlesModel(self), TagsModel(self)
        self.articles, self.tags = QListView(), QListView()
        self.articles.setModel(self.articles_model)
        self.articles.setWordWrap(True)
        self.tags.setModel(self.tags_model)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, view in (("Articles", self.articles), ("Tags", self.tags)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(f"<b>{title}</b>"))
            box_layout.addWidget(view)
            splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        for signal in (self.articles.activated, self.articles.clicked):
            signal.connect(lambda index: self.document_activated.emit(index.data(PATH_ROLE)))
        for signal in (self.tags.activated, self.tags.clicked):
            signal.connect(lambda index: self.tag_activated.emit(index.data(TAG_ROLE)))

    def set_overview(self, overview: ArticlesOverview) -> None:
        self.articles_model.muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.articles_model.set_entries(overview.entries)
        self.tags_model.set_tags(overview.tags)
