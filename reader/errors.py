"""Typed errors that travel to one place (the CLI or the window) to be shown as one line."""


class ReaderError(Exception):
    """A problem the user can act on; ``str(err)`` is the one line shown to them."""


class DocumentError(ReaderError):
    """A file that cannot be opened as an article (missing, binary, too large, ...)."""


class AnalysisError(ReaderError):
    """The language engine could not be loaded or run."""
