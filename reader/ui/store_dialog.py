"""A damaged note store: say so, offer the newest backup, never replace the file silently."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.ui.session import Session


def ask_to_restore(problem: str, backups: list[Path], parent: QWidget | None = None) -> bool:
    """Whether the reader wants the newest backup restored (the damaged file is kept beside it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Reader — note store", problem, parent=parent)
    restore = None
    if backups:
        box.setInformativeText(f"Restore the newest backup ({backups[0].name})? The damaged file is kept "
                               "beside it. Without restoring, Reader runs without notes this time.")
        restore = box.addButton("Restore Backup", QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText("There is no backup to restore. Reader runs without notes this time; "
                               "the file is left untouched.")
    box.addButton("Run Without Notes", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return restore is not None and box.clickedButton() is restore


def offer_backups(session: Session, parent: QWidget | None = None) -> None:
    """When the session's store cannot be opened, ask; restore the newest backup if wanted."""
    def failed(problem: str, backups: list[Path]) -> None:
        if ask_to_restore(problem, backups, parent):
            session.restore_backup(backups[0])

    session.notes_failed.connect(failed)
