"""Actors from the engine's entities (first cut: one actor per distinct name and kind)."""

from __future__ import annotations

from reader.analysis.engine import Parsed
from reader.analysis.model import Actor, ActorKind, Mention

_KIND: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}


def find_actors(parsed: Parsed) -> tuple[list[Actor], list[Mention]]:
    actors: dict[tuple[str, str], Actor] = {}
    mentions: list[Mention] = []
    for ent in parsed.entities:
        kind = _KIND.get(ent.label)
        if kind is None:
            continue
        name = parsed.text[ent.start:ent.end]
        actor = actors.setdefault((name, kind), Actor(f"a{len(actors) + 1}", name, kind))
        mentions.append(Mention(ent.start, ent.end, actor.id))
    return list(actors.values()), mentions
