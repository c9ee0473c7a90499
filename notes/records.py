"""The records of the annotation store, as plain dataclasses with JSON round-trips.

Shared by the store, anchoring, search and export; no I/O here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
"""Highlight colours, in the order of the keys 1–5."""

CONTEXT_CHARS = 32
"""Length of a selector's prefix and suffix."""

SEQ = "_seq"
"""Stored records also carry the sequence number of the commit that last wrote them (see
:mod:`notes.feed`): the store's bookkeeping, not part of the record, so ``from_json`` drops it."""

Status = Literal["anchored", "moved", "orphaned"]
CorrectionAction = Literal["rename", "merge", "kind", "hide"]


def now_iso() -> str:
    """UTC time in ISO 8601 with seconds, the format of ``created``/``updated``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _copy(value: Any) -> Any:
    """A copy of a list or dict field; anything else as it is, for the store's checks to refuse."""
    return value.copy() if isinstance(value, list | dict) else value


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
        return cls(text[start:end], text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS],
                   start, end)


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
        # Spelled out: dataclasses.asdict deep-copies field by field, a tenth of a millisecond
        # on every save.
        s = self.selector
        data: dict[str, Any] = {
            "document": self.document,
            "selector": {"exact": s.exact, "prefix": s.prefix, "suffix": s.suffix, "start": s.start, "end": s.end},
            "color": self.color, "note": self.note, "tags": _copy(self.tags), "id": self.id,
            "created": self.created, "updated": self.updated,
            "target": _copy(self.target), "actors": _copy(self.actors),
            "status": self.status}
        if self.original:  # only re-anchored notes carry it: older readers read the rest
            data["original"] = self.original
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Annotation:
        data = dict(data)
        data.pop(SEQ, None)
        data["selector"] = Selector(**data["selector"])
        return cls(**data)


@dataclass(slots=True)
class DocumentRecord:
    """An article the user opened: ``id`` is stable across edits of the file (its path).

    What the analysis derives from the article (its actors) is not kept here but in the
    search index (:meth:`notes.store.NoteStore.set_article_actors`).
    """

    id: str
    path: str
    content_id: str
    title: str = ""
    date: str | None = None
    last_opened: str = field(default_factory=now_iso)
    position: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "content_id": self.content_id, "title": self.title,
                "date": self.date, "last_opened": self.last_opened, "position": self.position}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentRecord:
        # Stores written before the analysis's actors moved to the search index hold them here.
        return cls(**{k: v for k, v in data.items() if k not in (SEQ, "actors")})


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
        return {"action": self.action, "actor": self.actor, "value": self.value, "document": self.document,
                "id": self.id, "created": self.created}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Correction:
        return cls(**{k: v for k, v in data.items() if k != SEQ})
