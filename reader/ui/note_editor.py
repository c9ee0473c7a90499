"""The editor of one highlight: its Markdown note with a live preview, its tags and colour.

It only reports what the user changed; saving, deleting and undoing belong to whoever
listens, so the editor never waits for the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from notes.records import Annotation
from reader.ui.markdown_preview import MarkdownPreview
from reader.ui.notes_panel import quoted, shorten, target_label

SAVE_DELAY_MS = 500
"""Pause in typing after which the note is reported, so the store is not hit per key."""


def parse_tags(text: str) -> list[str]:
    """Tags typed as a comma-separated list: trimmed, empty ones dropped, first spelling kept."""
    tags: list[str] = []
    seen: set[str] = set()
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


def editor_heading(annotation: Annotation) -> str:
    """What the note editor says above a note: what it is on, its passage, and whether the passage
    moved (with the words it was made on) or is gone."""
    heading = target_label(annotation) or "Highlight"
    if annotation.status == "orphaned":
        heading += " (orphaned: the passage is not in this version of the article)"
    lines = [heading, quoted(shorten(annotation.selector.exact, 200))]
    if annotation.status == "moved" and annotation.original:
        lines.append(f"Moved: the words changed; highlighted as {quoted(shorten(annotation.original, 200))}")
    return "\n".join(lines)


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        # The tags before the one being completed come from what was typed, not from the field:
        # highlighting an entry in the popup already wrote it into the field.
        typed = self.completionPrefix()
        done = typed.rsplit(",", 1)[0] if "," in typed else ""
        tag = str(index.data())
        return f"{done}, {tag}, " if done else f"{tag}, "


class NoteEditor(QWidget):
    """Edits the annotation last given to :meth:`show_annotation`.

    Signals:
        note_edited(str, str): annotation id and its new Markdown note (after a pause in typing).
        tags_edited(str, list): annotation id and its new tags.
        color_chosen(str, str): annotation id and the colour name picked.
        delete_requested(str): the user asked to delete the annotation.
        link_clicked(QUrl): a link in the preview was clicked.
    """

    note_edited = Signal(str, str)
    tags_edited = Signal(str, list)
    color_chosen = Signal(str, str)
    delete_requested = Signal(str)
    link_clicked = Signal(QUrl)

    def __init__(self, swatches: Mapping[str, QColor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._annotation: Annotation | None = None
        self._saved_note = ""
        self._saved_tags: list[str] = []

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)

        self.colors = QButtonGroup(self)
        self.colors.setExclusive(True)
        color_row = QHBoxLayout()
        for number, (name, color) in enumerate(swatches.items(), start=1):
            button = QToolButton()
            button.setCheckable(True)
            button.setObjectName(f"color-{name}")
            button.setToolTip(f"{name.capitalize()} ({number})")
            button.setAccessibleName(f"{name} highlight")
            button.setFixedSize(22, 22)
            button.setStyleSheet(
                f"QToolButton {{ background: {QColor(color).name()}; border: 1px solid palette(mid);"
                " border-radius: 4px; }"
                " QToolButton:checked { border: 2px solid palette(highlight); }"
                " QToolButton:focus { border: 2px dotted palette(text); }"
            )
            button.setProperty("color_name", name)
            self.colors.addButton(button)
            color_row.addWidget(button)
        color_row.addStretch(1)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete this highlight and its note (Ctrl+Z restores it)")
        color_row.addWidget(self.delete_button)

        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Write a note in Markdown…")
        self.note.setTabChangesFocus(True)
        self.preview = MarkdownPreview()
        self.preview.setPlaceholderText("Preview")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.note)
        splitter.addWidget(self.preview)

        self.tags = QLineEdit()
        self.tags.setPlaceholderText("Tags, separated by commas")
        self._tag_model = QStringListModel(self)
        completer = TagCompleter(self._tag_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.tags.setCompleter(completer)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(color_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.tags)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._report_note)

        self.note.textChanged.connect(self._note_typed)
        self.tags.editingFinished.connect(self._tags_done)
        self.colors.buttonClicked.connect(self._color_clicked)
        self.delete_button.clicked.connect(self._delete_clicked)
        self.preview.link_clicked.connect(self.link_clicked)
        self.setEnabled(False)

    @property
    def annotation_id(self) -> str | None:
        return self._annotation.id if self._annotation else None

    def show_annotation(self, annotation: Annotation, heading: str) -> None:
        """Edit ``annotation``; a pending edit of the previous one is reported first.

        Shown again while being edited, the text typed so far stays: the copy passed in
        may predate the save of that very text.
        """
        self.flush()
        self.heading.setText(heading)
        self.set_color(annotation.color)
        self.setEnabled(True)
        if annotation.id == self.annotation_id:
            return
        self._annotation = annotation
        self._saved_note = annotation.note
        self._saved_tags = list(annotation.tags)
        self.note.blockSignals(True)
        self.note.setPlainText(annotation.note)
        self.note.blockSignals(False)
        self.preview.set_markdown_text(annotation.note)
        self.tags.setText(", ".join(annotation.tags))

    def set_color(self, color: str) -> None:
        for button in self.colors.buttons():
            button.setChecked(button.property("color_name") == color)

    def clear(self) -> None:
        """Show nothing, e.g. after the annotation was deleted or another article opened."""
        self.flush()
        self._annotation = None
        self.heading.clear()
        self.note.blockSignals(True)
        self.note.clear()
        self.note.blockSignals(False)
        self.preview.clear()
        self.tags.clear()
        self.setEnabled(False)

    def set_known_tags(self, tags: Sequence[str]) -> None:
        """Tags offered by the completer: every tag already used in the library."""
        self._tag_model.setStringList(sorted(set(tags), key=str.casefold))

    def add_known_tags(self, tags: Sequence[str]) -> None:
        """Offer ``tags`` too, e.g. the ones just saved, without waiting for the library."""
        self.set_known_tags([*self._tag_model.stringList(), *tags])

    def flush(self) -> None:
        """Report the note and tags now if they changed since they were last reported."""
        self._save_timer.stop()
        self._report_note()
        self._tags_done()

    def _report_note(self) -> None:
        if self._annotation is not None and self.note.toPlainText() != self._saved_note:
            self._saved_note = self.note.toPlainText()
            self.note_edited.emit(self._annotation.id, self._saved_note)

    def _note_typed(self) -> None:
        self.preview.set_markdown_text(self.note.toPlainText())
        self._save_timer.start()

    def _tags_done(self) -> None:
        if self._annotation is None:
            return
        tags = parse_tags(self.tags.text())
        if tags != self._saved_tags:
            self._saved_tags = tags
            self.tags_edited.emit(self._annotation.id, tags)

    def _color_clicked(self, button: QToolButton) -> None:
        if self._annotation is not None:
            self.color_chosen.emit(self._annotation.id, str(button.property("color_name")))

    def _delete_clicked(self) -> None:
        if self._annotation is not None:
            self.flush()  # saved first, so an undo brings the note back as last typed
            self.delete_requested.emit(self._annotation.id)
