"""The records of the annotation store, as plain dataclasses with JSON round-trips.

Shared by the store, anchoring, search and export; no I/O here.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Literal

COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
"""Highlight colours, in the order of the keys 1–5."""

CONTEXT_CHARS = 32
"""Length of a selector's prefix and suffix."""

Status = Literal["anchored", "moved", "orphaned"]
CorrectionAction = Literal["rename", "merge", "kind", "hide"]


def now_iso() -> str:
    """UTC time in ISO 8601 with seconds, the format of ``created``/``updated``."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(slots=True)
class Selector:
    """W3C-style: a TextQuoteSelector (exact/prefix/suffix) plus a TextPositionSelector."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> Selector:
        return cls(text[start:end], text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS], start, end)


@dataclass(slots=True)
class Annotation:
    """A highlight with its note and tags.

    ``target`` is ``None`` for a plain passage, or ``{"type": "actor", "actor": name}`` /
    ``{"type": "quote", "speaker": name}`` when the note is attached to an actor or a quote.
    ``actors`` lists names of actors mentioned in the passage, for ``actor:`` searches.
    ``original`` is the passage as it was highlighted when re-anchoring placed the
    highlight on changed words (status ``moved``), else ``""``: search and export use both.
    """

    document: str
    selector: Selector
    color: str = COLORS[0]
    note: str = ""
    tags: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    target: dict[str, Any] | None = None
    actors: list[str] = field(default_factory=list)
    status: Status = "anchored"
    original: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if not self.original:
            del data["original"]  # only re-anchored notes carry it: older readers read the rest
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Annotation:
        data = dict(data)
        data["selector"] = Selector(**data["selector"])
        return cls(**data)


@dataclass(slots=True)
class DocumentRecord:
    """An article the user opened: ``id`` is stable across edits of the file (its path)."""

    id: str
    path: str
    content_id: str
    title: str = ""
    date: str | None = None
    last_opened: str = field(default_factory=now_iso)
    position: int = 0
    actors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentRecord:
        return cls(**data)


@dataclass(slots=True)
class Correction:
    """A user's correction of the actor analysis.

    ``actor`` names the actor as the analysis found it (its name or an alias); ``value`` is
    the new name (rename), the other actor's name (merge), the new kind (kind), or ``None``
    (hide). ``document`` is a document id, or ``None`` to apply in every article.
    """

    action: CorrectionAction
    actor: str
    value: str | None = None
    document: str | None = None
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Correction:
        return cls(**data)
