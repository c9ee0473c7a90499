"""The search box over every note, with results shown as the user types.

The panel only asks (``query_changed``, after a pause in typing) and shows what it is
given; the search itself runs on the store's thread, so typing never waits for it.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize,
                            QStringListModel, Qt, QTimer, Signal)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (QCompleter, QLabel, QLineEdit, QListView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QVBoxLayout, QWidget)

from notes.query import while_typing
from notes.search_hit import Hit

DEBOUNCE_MS = 250
"""Pause in typing before a search is asked for."""

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def marked_html(snippet: str, marks: Sequence[tuple[int, int]]) -> str:
    """``snippet`` as HTML with the ``[start, end)`` marks in bold; everything else escaped."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(marks):
        start, end = max(start, pos), min(end, len(snippet))
        if end <= start:
            continue
        parts.append(html.escape(snippet[pos:start]))
        parts.append(f"<b>{html.escape(snippet[start:end])}</b>")
        pos = end
    parts.append(html.escape(snippet[pos:]))
    return "".join(parts)


def hit_html(hit: Hit) -> str:
    """A result as rich text: the article's title and date, the snippet, the tags."""
    document, annotation = hit.document, hit.annotation
    if document is None:  # the index knows the note but not its article: show the file name
        title, date = html.escape(os.path.basename(annotation.document) or annotation.document), ""
    else:
        title = html.escape(document.title or os.path.basename(document.path))
        date = f" · {html.escape(document.date)}" if document.date else ""
    tags = " ".join(f"#{html.escape(tag)}" for tag in annotation.tags)
    tag_line = f"<br><small><i>{tags}</i></small>" if tags else ""
    return f"<div><small>{title}{date}</small><br>{marked_html(hit.snippet, hit.marks)}{tag_line}</div>"


class HitsModel(QAbstractListModel):
    """Search results in rank order: rich text for the delegate, the hit itself for the caller."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.snippet
        if role == HTML_ROLE:
            return hit_html(hit)
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.annotation.selector.exact
        return None


class RichTextDelegate(QStyledItemDelegate):
    """Paints an item's :data:`HTML_ROLE` as rich text, wrapped to the view's width."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(option.rect.width(), 120))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     option.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)


IN_FILTER = re.compile(r'(?:^|\s)-?in:(?:"(?P<quoted>[^"]*)|(?P<bare>[^\s"]*))$', re.IGNORECASE)
"""An ``in:`` filter being typed at the end of the query: the part of a title typed so far."""


class ArticleCompleter(QCompleter):
    """Offers the titles (and file names) of the articles while an ``in:`` filter is being typed,
    and writes the one chosen as ``in:"Title"``, so the filter selects an article by name."""

    NOTHING = "\0"
    """What the completer looks for when the query does not end in ``in:``: no title has it."""

    def splitPath(self, path: str) -> list[str]:
        found = IN_FILTER.search(path)
        if found is None:
            return [self.NOTHING]
        return [found.group("quoted") if found.group("quoted") is not None else found.group("bare")]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        box = self.widget()
        typed = box.text() if isinstance(box, QLineEdit) else self.completionPrefix()
        found = IN_FILTER.search(typed)
        if found is None:
            return typed
        start = found.start() + (1 if found.group()[:1].isspace() else 0)
        minus = "-" if found.group().lstrip().startswith("-") else ""
        title = str(index.data()).replace('"', "")
        return f'{typed[:start]}{minus}in:"{title}" '


class _QueryEdit(QLineEdit):
    """A line edit that hands Up/Down to the result list and Escape to its owner, as search boxes do."""

    step = Signal(int)
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """A query box and its ranked results.

    Signals:
        query_changed(str): the trimmed query, after a pause in typing ('' when cleared).
        hit_activated(object): the search hit the user opened (Enter or click).
        dismissed(): the user pressed Escape in the search box.
    """

    query_changed = Signal(str)
    hit_activated = Signal(object)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = _QueryEdit()
        self.query.setPlaceholderText('Search notes — words, "a phrase", tag:x, actor:"Name", in:"Article", '
                                      "before:2024-05-01")
        self.query.setClearButtonEnabled(True)
        self._titles = QStringListModel(self)
        self.completer = ArticleCompleter(self._titles, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.query.setCompleter(self.completer)
        self.status = QLabel()
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.model = HitsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._ask)
        self._open_first = False
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._open_current)
        self.query.step.connect(self._step)
        self.query.escaped.connect(self.dismissed)
        self.results.clicked.connect(self._open_index)
        self.results.activated.connect(self._open_index)

    def set_articles(self, titles: Sequence[str]) -> None:
        """The articles ``in:`` offers while it is typed: their titles, and file names."""
        self._titles.setStringList(sorted(set(t for t in titles if t), key=str.casefold))

    def current_query(self) -> str:
        """The query to run: the last word counts as a prefix while it is being typed."""
        return while_typing(self.query.text()).strip()

    def set_query(self, text: str) -> None:
        """Put ``text`` in the box and ask for it at once (e.g. a tag picked elsewhere)."""
        self.query.setText(text)
        self._ask()

    def focus_query(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def refresh(self) -> None:
        """Ask again for the current query, e.g. after notes changed."""
        if self.current_query():
            self._ask()

    def set_results(self, query: str, hits: Sequence[Hit]) -> None:
        """Show ``hits`` for ``query``; answers to an older query are ignored."""
        if query != self.current_query():
            return
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
            if self._open_first:
                self._open_index(self.model.index(0))
        self._open_first = False
        count = len(hits)
        self.status.setText(f"{count} note{'s' if count != 1 else ''}" if count else "No notes match.")

    def show_failure(self, query: str, message: str) -> None:
        """Tell the user why ``query`` found nothing (e.g. a malformed filter)."""
        if query == self.current_query():
            self.model.set_hits([])
            self.status.setText(message)

    def _ask(self) -> None:
        self._timer.stop()
        query = self.current_query()
        if not query:
            self.model.set_hits([])
            self.status.clear()
        self.query_changed.emit(query)

    def _step(self, delta: int) -> None:
        count = self.model.rowCount()
        if count:
            row = min(max(self.results.currentIndex().row() + delta, 0), count - 1)
            self.results.setCurrentIndex(self.model.index(row))

    def _open_current(self) -> None:
        if self._timer.isActive():  # Enter before the pause: open the first result when it comes
            self._open_first = True
            self._ask()
            return
        index = self.results.currentIndex()
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        self.hit_activated.emit(index.data(HIT_ROLE))
