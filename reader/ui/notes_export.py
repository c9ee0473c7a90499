"""Exporting every note to a file the reader chooses, as Markdown or W3C Web Annotations.

Apart from the notes of the open article (:mod:`reader.ui.notes_ui`) because it reads the
whole store and writes a file: it asks where, then writes on the store's I/O lane so the
window stays responsive, and says in the status bar how many notes went where.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.exchange import format_for
from reader.errors import NotesUnavailableError
from reader.ui.frame import Frame
from reader.ui.session import Session

EXPORT_FILTERS = {
    "markdown": "Markdown (*.md)",
    "w3c": "W3C Web Annotation JSON-LD (*.jsonld *.json)",
}


class NotesExport(QObject):
    """Writes every note of the store to a file; ``dialog_parent`` carries the save dialog."""

    def __init__(self, frame: Frame, session: Session, dialog_parent: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frame, self._session, self._dialog_parent = frame, session, dialog_parent

    def ask(self) -> None:
        """Ask where to export every note, then write the file off the UI thread."""
        path, chosen = QFileDialog.getSaveFileName(
            self._dialog_parent, "Export notes", str(Path.home() / "reader-notes.md"),
            ";;".join(EXPORT_FILTERS.values()), EXPORT_FILTERS["markdown"])
        if path:
            self.export_to(path, format_for(path, "w3c" if chosen == EXPORT_FILTERS["w3c"] else "markdown"))

    def export_to(self, path: str, fmt: str) -> None:
        """Write every note to ``path`` in ``fmt`` ("markdown" or "w3c"); a failure is reported as any task's."""
        core = self._session.core
        if self._session.notes_unavailable:
            self._frame.show_status(str(NotesUnavailableError()))
            return
        self._session.run(core.io_lane, core.export_notes_to, fmt, Path(path), on_done=lambda count: (
            self._frame.show_status(f"Exported {count} note{'s' if count != 1 else ''} to {path}.")))
