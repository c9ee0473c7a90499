"""Typed errors that travel to one place (the CLI or the window) to be shown as one line."""

from __future__ import annotations

from notes.errors import StoreError


class ReaderError(Exception):
    """A problem the user can act on; ``str(err)`` is the one line shown to them."""


class DocumentError(ReaderError):
    """A file that cannot be opened as an article (missing, binary, too large, ...)."""


class AnalysisError(ReaderError):
    """The language engine could not be loaded or run."""


class NotesUnavailableError(ReaderError):
    """Notes or corrections were asked for while the note store is not open (damaged, declined)."""

    def __init__(self) -> None:
        super().__init__("Notes are unavailable: the note store could not be opened.")


def describe(err: BaseException) -> str:
    """The one line that tells the user what went wrong, for the window and the command line alike."""
    if isinstance(err, (ReaderError, StoreError)):
        return str(err)
    if isinstance(err, OSError):
        where = f"{err.filename}: " if err.filename else ""
        return f"{where}{err.strerror or err}"
    return f"Something went wrong: {err.__class__.__name__}: {err}"
