"""What a new highlight holds: the passage as the reader meant it, and who is mentioned in it.

Plain functions over the article's text and its analysis, shared by the window (keys 1–5,
notes on an actor or a quote) and ``reader notes add``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from notes.records import Annotation, Selector
from reader.analysis.model import Analysis


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space a drag selection tends to take along."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def actors_in(analysis: Analysis | None, start: int, end: int) -> list[str]:
    """Names of the actors mentioned in ``[start, end)``, in order of appearance."""
    if analysis is None:
        return []
    names: list[str] = []
    for mention in analysis.mentions:
        if mention.start < end and start < mention.end:
            actor = analysis.actor(mention.actor)
            if actor is not None and actor.name not in names:
                names.append(actor.name)
    return names


def new_annotation(text: str, document: str, start: int, end: int, color: str, *,
                   analysis: Analysis | None = None, target: dict[str, Any] | None = None,
                   extra_actors: Iterable[str] = (), note: str = "", tags: Iterable[str] = ()) -> Annotation:
    """A highlight of ``text[start:end]`` in ``document``, naming the actors it mentions
    (plus ``extra_actors``, e.g. the speaker of a quote), for ``actor:`` searches."""
    actors = actors_in(analysis, start, end)
    actors += [name for name in extra_actors if name and name not in actors]
    return Annotation(document=document, selector=Selector.from_text(text, start, end), color=color,
                      note=note, tags=list(dict.fromkeys(t.strip() for t in tags if t.strip())),
                      target=target, actors=actors)
