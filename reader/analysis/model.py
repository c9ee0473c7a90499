"""Results of the analysis, shaped like the analysis JSON of DESIGN.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ActorKind = Literal["person", "organization", "place"]
SpeakerVia = Literal["named", "description", "pronoun"]
"""How the text gives a quotation's speaker: "Stoltenberg", "the NATO chief", "he"."""
KINDS: tuple[ActorKind, ...] = ("person", "organization", "place")


@dataclass(slots=True)
class Actor:
    """One entity of the article, however often and however it is named."""

    id: str
    name: str
    kind: ActorKind
    role: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Mention:
    """An occurrence ``[start, end)`` of an actor in the text."""

    start: int
    end: int
    actor: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A role phrase ``[start, end)`` that stands for an actor named elsewhere in the text
    ("the NATO chief" for Jens Stoltenberg). Kept apart from :class:`Mention`: a description
    is no name, and whoever counts names (the NER scorer, the legend) must not count it."""

    start: int
    end: int
    actor: str


@dataclass(slots=True)
class Quote:
    """A quotation, marks included, with the mention that names its speaker for it."""

    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    speaker_via: SpeakerVia | None = None
    """How the speaker mention names the speaker (None when there is no mention); older cached
    analyses lack it and read as None."""


@dataclass(slots=True)
class Analysis:
    """Everything the analysis found in one text."""

    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    """Role phrases that refer to actors; analyses cached before they existed read as none."""

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_json(self) -> dict[str, Any]:
        """The records as plain dicts, fields in declaration order (what ``dataclasses.asdict``
        gives, built directly: ``asdict`` deep-copies every value, a third of a second per
        CoNLL dev batch)."""
        return {
            "actors": [{"id": a.id, "name": a.name, "kind": a.kind, "role": a.role, "aliases": list(a.aliases)}
                       for a in self.actors],
            "mentions": [{"start": m.start, "end": m.end, "actor": m.actor} for m in self.mentions],
            "quotes": [{"start": q.start, "end": q.end, "speaker": q.speaker, "speaker_start": q.speaker_start,
                        "speaker_end": q.speaker_end, "cue": q.cue, "speaker_via": q.speaker_via} for q in self.quotes],
            "references": [{"start": r.start, "end": r.end, "actor": r.actor} for r in self.references],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            actors=[Actor(**a) for a in data.get("actors", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            references=[Reference(**r) for r in data.get("references", [])],
        )
