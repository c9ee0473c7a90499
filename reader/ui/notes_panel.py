"""The side panel listing the open article's highlights and notes, in reading order.

Orphaned highlights (their passage is gone from the current text) stay listed, marked,
so a note is never lost from sight just because the article was edited.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from notes.markdown_plain import plain_text
from notes.records import Annotation

PASSAGE_CHARS = 140
NOTE_CHARS = 160
ID_ROLE = Qt.ItemDataRole.UserRole


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


class NotesPanel(QWidget):
    """Lists annotations; a click asks to show one.

    Signals:
        annotation_activated(str): the id of the annotation the user clicked.
        delete_requested(str): the id of the annotation selected when the user pressed Delete.
    """

    annotation_activated = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, swatches: Mapping[str, QColor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons = {name: swatch_icon(QColor(color)) for name, color in swatches.items()}
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(14, 14))
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.empty = QLabel("No notes in this article yet.\nSelect a passage and press 1–5 to highlight it.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        delete = QAction("Delete highlight", self.list)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_current)
        self.list.addAction(delete)
        self.set_annotations([])

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Show ``annotations``: placed ones by position, then the orphaned ones."""
        current = self.current_id()
        self.list.clear()
        ordered = sorted(annotations, key=lambda a: (a.status == "orphaned", a.selector.start, a.created))
        for annotation in ordered:
            item = QListWidgetItem(self._icons.get(annotation.color, QIcon()), self._describe(annotation))
            item.setData(ID_ROLE, annotation.id)
            item.setToolTip(annotation.selector.exact)
            if annotation.status == "orphaned":
                item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                item.setToolTip("This passage is no longer in the article; the note is kept.\n\n"
                                + annotation.selector.exact)
            self.list.addItem(item)
        self.list.setVisible(bool(ordered))
        self.empty.setVisible(not ordered)
        if current:
            self.select(current)

    def select(self, annotation_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == annotation_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    @staticmethod
    def _describe(annotation: Annotation) -> str:
        lines = []
        if annotation.status == "orphaned":
            lines.append("⚠ Orphaned: passage not found in this version")
        elif annotation.status == "moved":
            lines.append("Moved: the wording changed, placed on the closest passage")
        label = target_label(annotation)
        if label:
            lines.append(label)
        lines.append(quoted(shorten(annotation.selector.exact, PASSAGE_CHARS)))
        if annotation.note.strip():
            lines.append(shorten(plain_text(annotation.note), NOTE_CHARS))
        if annotation.tags:
            lines.append(" ".join(f"#{tag}" for tag in annotation.tags))
        return "\n".join(lines)

    def _delete_current(self) -> None:
        current = self.current_id()
        if current is not None:
            self.delete_requested.emit(current)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.annotation_activated.emit(item.data(ID_ROLE))
