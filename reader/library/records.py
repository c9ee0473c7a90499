"""What the library hands to its front ends: plain rows and reports, with JSON round-trips.

The command line prints them, the window will show them in its models; no I/O here.
Field names are those of the command-line contract (DESIGN.md): ``reader library list``,
``reader actors`` and ``reader quotes`` print exactly :meth:`to_json` of these rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from reader.analysis.model import ActorKind

Status = Literal["ok", "missing", "changed"]
"""``ok``: the file holds the text the note store knows; ``changed``: it holds another text
(notes are re-anchored when it is added again or opened); ``missing``: no file at the path
(its notes are kept; adding the folder it moved to follows it)."""
AnalysisState = Literal["current", "outdated", "none"]
"""Whether the indexed analysis is of this Reader and model, of an older one, or missing."""
Outcome = Literal["added", "moved", "changed", "unchanged", "refused"]
"""What ``library add`` did with one file."""
Phase = Literal["scanning", "reading", "analysing", "indexing", "done"]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """A registered article as ``reader library list`` shows it."""

    path: str
    title: str
    date: str | None
    notes: int
    actors: int
    quotes: int
    status: Status
    analysis: AnalysisState
    document: str  # the note store's document id
    tags: list[str]  # of its notes, most used first

    def to_json(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class ActorRow:
    """An actor across the library (one real-world entity), as ``reader actors`` shows it."""

    id: str
    name: str
    kind: ActorKind
    role: str | None
    aliases: list[str]
    articles: int
    mentions: int
    quotes: int
    notes: int

    def to_json(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quotation with its speaker and where it stands: ``[start, end)`` in the article's text."""

    text: str
    speaker: str | None
    document: str
    title: str
    date: str | None
    start: int
    end: int
    path: str
    speaker_id: str | None

    def to_json(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class FileReport:
    """One file of a ``library add``: what happened to it and, when refused, why."""

    path: str
    outcome: Outcome
    analysed: bool = False
    reason: str | None = None
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class AddReport:
    """The result of a ``library add``: every file's outcome, and whether it ran to the end."""

    files: list[FileReport] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    def count(self, outcome: Outcome) -> int:
        return sum(1 for f in self.files if f.outcome == outcome)

    @property
    def analysed(self) -> int:
        return sum(1 for f in self.files if f.analysed)

    @property
    def refused(self) -> list[FileReport]:
        return [f for f in self.files if f.outcome == "refused"]


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a ``library add`` stands, for a progress line or bar.

    ``done`` of ``total`` files are read (and analysed when needed); ``seconds_left`` is
    estimated from the analysis speed so far (``None`` until there is one).
    """

    phase: Phase
    done: int
    total: int
    analysed: int = 0
    seconds_left: float | None = None


def _plain(row: Any) -> dict[str, Any]:
    """The fields of a row as a dict (what ``dataclasses.asdict`` gives for these flat rows, at a
    tenth of its cost: ``reader quotes --json`` prints thousands)."""
    return {name: getattr(row, name) for name in row.__slots__}
