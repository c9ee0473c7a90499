"""Edit › Undo and Redo: one history for everything the reader changes in the window.

Highlights (made, deleted, merged) and actor corrections (rename, merge, change kind,
hide, show again) each push a :class:`Change` on the window's :class:`History`. A change
does and undoes its work through the session, on the store lane, so the UI thread never
waits; the lane runs calls in the order they were made, so an undo always follows what it
undoes. Text typed in a note has its own undo inside the note editor, which Ctrl+Z
reaches first while that editor has the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from reader.ui.help_dialogs import HELP_LABEL

HISTORY_LIMIT = 100
"""Changes kept for Undo; older ones can no longer be undone."""


class Change(QUndoCommand):
    """A change of the reader's data: ``do`` makes it (also when pushed), ``undo`` takes it back."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()


class History(QObject):
    """The undo stack of the window, with its Undo and Redo actions.

    Attributes:
        stack: the ``QUndoStack``.
        undo_action, redo_action: for the Edit menu; their text names the change ("Undo Hide Varga").
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(HISTORY_LIMIT)
        keys = QKeySequence.StandardKey
        self.undo_action = self._action(self.stack.createUndoAction(self, "Undo"), keys.Undo, "Undo")
        self.redo_action = self._action(self.stack.createRedoAction(self, "Redo"), keys.Redo, "Redo")

    @staticmethod
    def _action(action: QAction, keys: QKeySequence.StandardKey, label: str) -> QAction:
        action.setShortcuts(keys)
        action.setProperty(HELP_LABEL, f"{label} the last change" if label == "Undo" else "Redo what was undone")
        return action

    def push(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        """Do a change now and remember how to undo it."""
        self.stack.push(Change(text, do, undo))

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()
