"""The library: every article the reader added or opened, and who said what across all of them.

No Qt and no spaCy at import: :class:`Library` is the API for the command line, the core
and the window (see :mod:`reader.library.library`); the analysis runs in worker processes.
"""

from reader.library.library import Library
from reader.library.records import (
    ActorRow,
    AddReport,
    ArticleRow,
    FileReport,
    Progress,
    QuoteRow,
)

__all__ = ["ActorRow", "AddReport", "ArticleRow", "FileReport", "Library", "Progress", "QuoteRow"]
