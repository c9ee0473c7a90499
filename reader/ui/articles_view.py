"""The articles browser: every article opened or annotated, and every tag in use.

The core computes the :class:`~reader.core.articles.ArticlesOverview` where the store is;
this view only shows it. (Issue 13's Library, of registered articles, is another view.)
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from reader.core.articles import ArticlesOverview

PATH_ROLE = Qt.ItemDataRole.UserRole
TAG_ROLE = Qt.ItemDataRole.UserRole + 1


class ArticlesView(QWidget):
    """Lists articles (click opens one) and tags (click filters the notes by it).

    Signals:
        document_activated(str): the path of the article to open.
        tag_activated(str): the tag to search for.
    """

    document_activated = Signal(str)
    tag_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.articles = QListWidget()
        self.articles.setWordWrap(True)
        self.tags = QListWidget()
        articles_box, tags_box = QWidget(), QWidget()
        for box, title, view in ((articles_box, "Articles", self.articles), (tags_box, "Tags", self.tags)):
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(f"<b>{title}</b>"))
            box_layout.addWidget(view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(articles_box)
        splitter.addWidget(tags_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.articles.itemActivated.connect(self._open_article)
        self.articles.itemClicked.connect(self._open_article)
        self.tags.itemActivated.connect(self._pick_tag)
        self.tags.itemClicked.connect(self._pick_tag)

    def set_overview(self, library: ArticlesOverview) -> None:
        self.articles.clear()
        for entry in library.entries:
            doc = entry.document
            count = f"{entry.notes} note{'s' if entry.notes != 1 else ''}"
            when = f" · {doc.date}" if doc.date else ""
            item = QListWidgetItem(f"{doc.title or os.path.basename(doc.path)}\n{count}{when}")
            item.setData(PATH_ROLE, doc.path)
            item.setToolTip(doc.path)
            if not entry.exists:
                item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                item.setToolTip(f"{doc.path}\nThe file is missing; its notes are still searchable.")
            self.articles.addItem(item)
        self.tags.clear()
        for tag, count in library.tags:
            item = QListWidgetItem(f"#{tag}  ({count})")
            item.setData(TAG_ROLE, tag)
            self.tags.addItem(item)

    def _open_article(self, item: QListWidgetItem) -> None:
        self.document_activated.emit(item.data(PATH_ROLE))

    def _pick_tag(self, item: QListWidgetItem) -> None:
        self.tag_activated.emit(item.data(TAG_ROLE))
