"""The side panel listing the open article's highlights and notes, in reading order.

Orphaned highlights (their passage is gone from the current text) stay listed, marked,
so a note is never lost from sight just because the article was edited.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from notes.markdown_plain import plain_text
from notes.records import Annotation

PASSAGE_CHARS = 140
NOTE_CHARS = 160
ID_ROLE = Qt.ItemDataRole.UserRole
ROW_LINES = 5
"""Lines of text the list keeps room for, however tight the panels beside it: a usual row whole
(a passage of two lines, a note of two, the tags). Squeezed under the note editor, the list
showed less than one row, cut through its words."""

Index = QModelIndex | QPersistentModelIndex


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] or flat[: limit - 1]
    return cut + "…"


QUOTE_MARKS = "\"'“”‘’„‚«»‹›「」『』"


def quoted(passage: str) -> str:
    """The passage between quotation marks, unless it already begins or ends with one."""
    if passage[:1] in QUOTE_MARKS or passage[-1:] in QUOTE_MARKS:
        return passage
    return f"“{passage}”"


def target_label(annotation: Annotation) -> str:
    """What the note is about when it is attached to an actor or a quote, else ''."""
    target = annotation.target or {}
    if target.get("type") == "actor":
        return f"Note on {target.get('actor') or 'an actor'}"
    if target.get("type") == "quote":
        speaker = target.get("speaker")
        return f"Note on a quote by {speaker}" if speaker else "Note on a quote"
    return ""


def swatch_icon(color: QColor, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(color.darker(140))
    painter.setBrush(color)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class NotesModel(QAbstractListModel):
    """The open article's annotations: placed ones by position, then the orphaned ones."""

    def __init__(self, icons: Mapping[str, QIcon], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._rows: list[Annotation] = []
        self.muted = QColor("gray")  # the ink of an orphaned note; the panel sets its palette's

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        self.beginResetModel()
        self._rows = sorted(annotations, key=lambda a: (a.status == "orphaned", a.selector.start, a.created))
        self.endResetModel()

    def row_of(self, annotation_id: str) -> int | None:
        return next((i for i, a in enumerate(self._rows) if a.id == annotation_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        annotation = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(annotation)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(annotation.color, QIcon())
        if role == Qt.ItemDataRole.ToolTipRole:
            if annotation.status == "orphaned":
                return "This passage is no longer in the article; the note is kept.\n\n" + annotation.selector.exact
            return annotation.selector.exact
        if role == Qt.ItemDataRole.ForegroundRole and annotation.status == "orphaned":
            return self.muted
        if role == ID_ROLE:
            return annotation.id
        return None


def describe(annotation: Annotation) -> str:
    """A note as its row shows it: its status, what it is on, the passage, the note, the tags."""
    lines = []
    if annotation.status == "orphaned":
        lines.append("⚠ Orphaned: passage not found in this version")
    label = target_label(annotation)
    if label:
        lines.append(label)
    lines.append(quoted(shorten(annotation.selector.exact, PASSAGE_CHARS)))
    if annotation.status == "moved":
        was = f": was {quoted(shorten(annotation.original, PASSAGE_CHARS))}" if annotation.original else ""
        lines.append(f"↻ Moved, the words changed{was}")
    if annotation.note.strip():
        lines.append(shorten(plain_text(annotation.note), NOTE_CHARS))
    if annotation.tags:
        lines.append(" ".join(f"#{tag}" for tag in annotation.tags))
    return "\n".join(lines)


class NotesPanel(QWidget):
    """Lists annotations; a click asks to show one.

    Signals:
        annotation_activated(str): the id of the annotation the user clicked.
        current_changed(str): the annotation now selected in the list (the window's Delete
            removes it), or '' when none is.
    """

    annotation_activated = Signal(str)
    current_changed = Signal(str)

    def __init__(self, swatches: Mapping[str, QColor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NotesModel({name: swatch_icon(QColor(color)) for name, color in swatches.items()}, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(14, 14))
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setMinimumHeight(ROW_LINES * self.list.fontMetrics().lineSpacing() + 2 * self.list.frameWidth() + 8)
        self.empty = QLabel("No notes in this article yet.\nSelect a passage and press 1–5 to highlight it.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.list.clicked.connect(self._clicked)
        self.list.activated.connect(self._clicked)
        self.list.selectionModel().currentChanged.connect(lambda current, _previous: self.current_changed.emit(
            str(current.data(ID_ROLE) or "")))
        self.set_annotations([])

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Show ``annotations``: placed ones by position, then the orphaned ones."""
        current = self.current_id()
        self.model.muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.model.set_annotations(annotations)
        self.list.setVisible(bool(annotations))
        self.empty.setVisible(not annotations)
        if current:
            self.select(current)

    def select(self, annotation_id: str) -> None:
        row = self.model.row_of(annotation_id)
        if row is not None:
            index = self.model.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def current_id(self) -> str | None:
        ident = self.list.currentIndex().data(ID_ROLE)
        return str(ident) if ident else None

    def _clicked(self, index: QModelIndex) -> None:
        self.annotation_activated.emit(index.data(ID_ROLE))
