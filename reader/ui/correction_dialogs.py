"""The questions a correction of an actor asks: the new name, the actor to merge into, the kind,
and whether it holds for this article or for every article.

One dialog for the four corrections, so each asks the same way: what the correction needs
(nothing for Hide), then where it applies, every article being the default (a correction
is about who someone is, which rarely changes between articles). Its window is wide
enough for its title, and the merge list names each actor's kind and mentions, with no
actor chosen for the reader.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from notes.records import Correction
from reader.analysis.model import KINDS, Actor, Analysis
from reader.core import Scope
from reader.ui import theme as themes

TITLES = {"rename": "Rename Actor", "merge": "Merge Actor", "kind": "Change Kind", "hide": "Hide Actor"}
VERBS = {"rename": "Rename", "merge": "Merge", "kind": "Change Kind", "hide": "Hide"}
MIN_WIDTH = 440
TITLE_ROOM = 180
"""Room beside a dialog's title for the window's icon and buttons, so the title is never cut."""


@dataclass(frozen=True, slots=True)
class Answer:
    """What the reader chose: the correction's value (``None`` for hide) and where it applies."""

    value: str | None
    scope: Scope


def wide_enough(dialog: QDialog) -> None:
    """Give ``dialog`` room for its whole title (the window manager cuts titles, not Qt)."""
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    dialog.setMinimumWidth(max(MIN_WIDTH, title + TITLE_ROOM))


def describe_actor(actor: Actor, mentions: int) -> str:
    """``Jens Stoltenberg — person, 4 mentions``."""
    return f"{actor.name} — {themes.KIND_SINGULAR[actor.kind]}, {mentions} mention{'s' if mentions != 1 else ''}"


class CorrectionDialog(QDialog):
    """Asks for one correction of ``actor``; :meth:`answer` is what was chosen once accepted.

    Attributes:
        value_edit: the new name (rename); value_box: the actor to merge into, or the kind.
        everywhere, here: the two choices of where the correction applies.
    """

    def __init__(self, parent: QWidget | None, action: str, actor: Actor, analysis: Analysis,
                 article_name: str = "this article") -> None:
        super().__init__(parent)
        self.action = action
        self.actor = actor
        self.setWindowTitle(f"{TITLES[action]} — {actor.name}")
        counts = Counter(m.actor for m in analysis.mentions)
        kind = themes.KIND_SINGULAR[actor.kind]
        layout = QVBoxLayout(self)
        self.value_edit: QLineEdit | None = None
        self.value_box: QComboBox | None = None
        self._values: list[str] = []
        if action == "rename":
            layout.addWidget(QLabel(f"New name for {actor.name} ({kind}):", self))
            self.value_edit = QLineEdit(actor.name, self)
            self.value_edit.selectAll()
            self.value_edit.textChanged.connect(self._check)
            layout.addWidget(self.value_edit)
        elif action == "merge":
            layout.addWidget(QLabel(f"Merge {actor.name} ({kind}, {counts[actor.id]} mentions) into:", self))
            # The same kind first, then by mentions: the likely choices on top, none chosen for the reader.
            others = sorted((a for a in analysis.actors if a.id != actor.id),
                            key=lambda a: (a.kind != actor.kind, -counts[a.id], a.name.casefold()))
            self.value_box = QComboBox(self)
            self.value_box.setPlaceholderText("Choose an actor")
            for other in others:
                self.value_box.addItem(describe_actor(other, counts[other.id]), other.name)
            self._values = [a.name for a in others]
            self.value_box.setCurrentIndex(-1)
            self.value_box.currentIndexChanged.connect(self._check)
            layout.addWidget(self.value_box)
        elif action == "kind":
            layout.addWidget(QLabel(f"{actor.name} is a:", self))
            self.value_box = QComboBox(self)
            for k in KINDS:
                self.value_box.addItem(themes.KIND_SINGULAR[k], k)
            self.value_box.setCurrentIndex(KINDS.index(actor.kind))
            self.value_box.currentIndexChanged.connect(self._check)
            layout.addWidget(self.value_box)
        else:
            note = QLabel(f"Hide {actor.name} ({kind})? Its mentions are no longer marked and it leaves the "
                          "panels; Edit › Undo or the hidden actors list brings it back.", self)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addSpacing(6)
        layout.addWidget(QLabel("Apply to:", self))
        self.everywhere = QRadioButton("Every article", self)
        self.here = QRadioButton(f"Only {article_name}", self)
        self.everywhere.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.everywhere)
        scope.addButton(self.here)
        layout.addWidget(self.everywhere)
        layout.addWidget(self.here)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(VERBS[action])
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        wide_enough(self)
        self._check()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def value(self) -> str | None:
        """The value chosen so far (``None`` when there is none yet, or for hide)."""
        if self.action == "rename" and self.value_edit is not None:
            name = " ".join(self.value_edit.text().split())
            return name if name and name != self.actor.name else None
        if self.value_box is not None and self.value_box.currentIndex() >= 0:
            chosen = str(self.value_box.currentData())
            return None if self.action == "kind" and chosen == self.actor.kind else chosen
        return None

    def answer(self) -> Answer:
        return Answer(self.value(), "everywhere" if self.everywhere.isChecked() else "article")

    def _check(self) -> None:
        self.ok_button.setEnabled(self.action == "hide" or self.value() is not None)


def ask(parent: QWidget | None, action: str, actor: Actor, analysis: Analysis, article_name: str) -> Answer | None:
    """Ask for the correction ``action`` of ``actor``; ``None`` when the reader cancelled."""
    dialog = CorrectionDialog(parent, action, actor, analysis, article_name)
    try:
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class HiddenActorsDialog(QDialog):
    """The actors the reader hid (in every article, or in this one), each to be shown again.

    Attributes:
        list: one row per hide correction; its data is the correction.
        show_button: shows the selected actors again.
    """

    def __init__(self, parent: QWidget | None, hidden: list[Correction]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hidden Actors")
        layout = QVBoxLayout(self)
        intro = QLabel("Actors you hid are not marked in the text and not listed in the panels. "
                       "Select one to show it again.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for correction in hidden:
            where = "this article only" if correction.document else "every article"
            item = QListWidgetItem(f"{correction.actor} — hidden in {where}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, correction)
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.show_button = self.buttons.addButton("Show Again", QDialogButtonBox.ButtonRole.AcceptRole)
        self.show_button.setEnabled(False)
        self.list.itemSelectionChanged.connect(lambda: self.show_button.setEnabled(bool(self.list.selectedItems())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        wide_enough(self)

    def chosen(self) -> list[Correction]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]


def ask_hidden(parent: QWidget | None, hidden: list[Correction]) -> list[Correction]:
    """The hide corrections the reader wants undone (none when they closed the list)."""
    dialog = HiddenActorsDialog(parent, hidden)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()
