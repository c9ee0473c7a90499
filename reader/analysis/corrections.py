"""The user's actor corrections (rename, merge, change kind, hide), applied to every later analysis.

Corrections name actors as the analysis found them (name or alias), never by id, so they
survive re-analysis with a newer model. They are applied in order to a copy: the input
may come from the cache and is never changed. A correction whose actor is no longer found,
or that is malformed, is skipped: a stale note must not stop the article from opening.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from reader.analysis.model import KINDS, Actor, Analysis, Mention, Reference


def apply_corrections(analysis: Analysis, corrections: Sequence[dict[str, Any]]) -> Analysis:
    """A new :class:`Analysis` with each correction applied in turn."""
    result = copy.deepcopy(analysis)
    for correction in corrections:
        actor = find_actor(result, correction.get("actor"))
        if actor is None:
            continue
        action, value = correction.get("action"), correction.get("value")
        if action == "rename" and isinstance(value, str) and value.strip():
            _rename(actor, value.strip())
        elif action == "kind" and value in KINDS:
            actor.kind = value
        elif action == "hide":
            _remove(result, actor, None)
        elif action == "merge":
            target = find_actor(result, value)
            if target is not None and target is not actor:
                _merge(result, actor, target)
    return result


def find_actor(analysis: Analysis, name: Any) -> Actor | None:
    """The actor called ``name``: by its name first, then by an alias, then ignoring case."""
    if not isinstance(name, str) or not name.strip():
        return None
    name = name.strip()
    for match in (lambda a: a.name == name, lambda a: name in a.aliases):
        found = next((a for a in analysis.actors if match(a)), None)
        if found is not None:
            return found
    folded = name.casefold()
    return next((a for a in analysis.actors if folded in (n.casefold() for n in (a.name, *a.aliases))), None)


def _rename(actor: Actor, name: str) -> None:
    if name == actor.name:
        return
    actor.aliases = [a for a in actor.aliases if a != name]
    if actor.name not in actor.aliases:
        actor.aliases.append(actor.name)  # the text still uses it: later corrections may name it
    actor.name = name


def _merge(analysis: Analysis, actor: Actor, target: Actor) -> None:
    for alias in (actor.name, *actor.aliases):
        if alias != target.name and alias not in target.aliases:
            target.aliases.append(alias)
    target.role = target.role or actor.role
    _remove(analysis, actor, target)


def _remove(analysis: Analysis, actor: Actor, heir: Actor | None) -> None:
    """Drop ``actor``; its mentions, references and quotes go to ``heir``, or lose their actor when hidden."""
    analysis.actors = [a for a in analysis.actors if a is not actor]
    if heir is None:
        analysis.mentions = [m for m in analysis.mentions if m.actor != actor.id]
        analysis.references = [r for r in analysis.references if r.actor != actor.id]
    else:
        analysis.mentions = [Mention(m.start, m.end, heir.id) if m.actor == actor.id else m
                             for m in analysis.mentions]
        analysis.references = [Reference(r.start, r.end, heir.id) if r.actor == actor.id else r
                               for r in analysis.references]
    for quote in analysis.quotes:
        if quote.speaker == actor.id:
            if heir is None:
                quote.speaker = quote.speaker_start = quote.speaker_end = quote.speaker_via = None
            else:
                quote.speaker = heir.id
