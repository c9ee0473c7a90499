"""Checks shared by the hard-case tests of actors through the real engine."""

from __future__ import annotations

from reader.analysis.actors import find_actors
from reader.analysis.engine import Engine
from reader.analysis.kinds import Named
from reader.analysis.model import Actor, Mention
from reader.analysis.names import trim_name
from reader.analysis.tagger import Span


def analyse(engine: Engine, text: str) -> tuple[list[Actor], list[Mention]]:
    """The actors and mentions of ``text``, checked to be in order, apart and trimmed exactly."""
    actors, mentions = find_actors(engine.parse(text))
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    people = {a.id for a in actors if a.kind == "person"}
    for m in mentions:
        surface = text[m.start:m.end]
        abbreviation = ("." in surface[:-1] or text[m.end:].lstrip()[:1].islower()  # "N.H.", "Inc. fell"
                        or (len(surface) <= 6 and surface[:1].isupper() and surface[1:-1].islower()))  # "Ont."
        bare = surface.removesuffix(".") if abbreviation else surface
        assert bare == bare.strip(" \n.,;:!?\"'“”‘’()")
        assert m.actor not in people or not surface.endswith(("'s", "’s"))  # "Ben & Jerry's" is a firm's name
    return actors, mentions


def kinds(actors: list[Actor]) -> dict[str, str]:
    return {a.name: a.kind for a in actors}


def surfaces(text: str, actor: Actor, mentions: list[Mention]) -> list[str]:
    return [text[m.start:m.end] for m in mentions if m.actor == actor.id]


def named(actors: list[Actor], name: str) -> Actor:
    found = [a for a in actors if a.name == name]
    assert len(found) == 1, f"{name!r} not found once in {[(a.name, a.kind) for a in actors]}"
    return found[0]


def tagged(text: str, *names: tuple[str, str]) -> list[Span]:
    """Spans as a tagger would give them: each name's first occurrence after the last."""
    out, pos = [], 0
    for name, label in names:
        start = text.index(name, pos)
        out.append(Span(start, start + len(name), label))
        pos = start + len(name)
    return out


def trimmed(text: str, spans: list[Span]) -> Named:
    """The spans as the actor layer's steps take them, each with its trimmed name."""
    return [(s, trim_name(text, s.start, s.end)) for s in spans]
