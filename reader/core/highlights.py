"""What a new highlight holds: the passage as the reader meant it, and who is mentioned in it.

Plain functions over the article's text and its analysis, shared by the window (keys 1–5,
notes on an actor or a quote) and ``reader notes add``.

**Overlapping highlights.** A highlight never paints over part of another without saying
so. A new plain highlight that overlaps (or touches) plain highlights of the *same colour*
joins them: one highlight over the union of the passages, keeping the oldest one's id
and date, their notes one after another and all their tags (:func:`merged`). Highlights
of *different colours* stay apart, and the window draws the stretch they share striped in
both colours, so each one is still seen whole. Notes on an actor or a quote are never
merged: they belong to what they are about.

**Whole words.** A selection that starts or ends inside a word is widened to the whole
word (:func:`snapped`): a highlight never starts at "Pu|tin".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from notes.records import Annotation, Selector, now_iso
from reader.analysis.model import Analysis, Mention, Reference

JOINERS = frozenset("'’-\u2011")
"""Characters that continue a word when letters stand on both sides: "Putin's", "state-run"."""


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space a drag selection tends to take along."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _in_word(text: str, i: int) -> bool:
    """Whether index ``i`` lies between two characters of one word."""
    if i <= 0 or i >= len(text):
        return False
    before, after = text[i - 1], text[i]
    if before.isalnum() and after.isalnum():
        return True
    # An apostrophe or hyphen between letters joins them: "Putin|'s" is inside "Putin's".
    return (before in JOINERS and i >= 2 and text[i - 2].isalnum() and after.isalnum()) or \
        (after in JOINERS and i + 1 < len(text) and text[i + 1].isalnum() and before.isalnum())


def snapped(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` trimmed of white space and widened to whole words."""
    start, end = trimmed(text, max(0, start), min(len(text), end))
    if start >= end:
        return start, end
    while _in_word(text, start):
        start -= 1
    while _in_word(text, end):
        end += 1
    return start, end


def actors_in(analysis: Analysis | None, start: int, end: int) -> list[str]:
    """Names of the actors mentioned in ``[start, end)``, by name or by a role phrase that refers
    to them ("the NATO chief"), in order of appearance."""
    if analysis is None:
        return []
    names: list[str] = []
    spans: list[Mention | Reference] = [*analysis.mentions, *analysis.references]
    for mention in sorted(spans, key=lambda m: m.start):
        if mention.start < end and start < mention.end:
            actor = analysis.actor(mention.actor)
            if actor is not None and actor.name not in names:
                names.append(actor.name)
    return names


def target_actors(annotation: Annotation) -> list[str]:
    """The names a note's target adds to its passage's actors (an actor, a quote's speaker)."""
    target = annotation.target or {}
    return [str(target[key]) for key in ("actor", "speaker") if target.get(key)]


def passage_actors(annotation: Annotation, analysis: Analysis) -> list[str]:
    """Who a placed note's passage mentions now, as ``actor:`` searches should find it."""
    names = actors_in(analysis, annotation.selector.start, annotation.selector.end)
    return names + [name for name in target_actors(annotation) if name not in names]


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


def joins(new: Annotation, old: Annotation) -> bool:
    """Whether ``new`` merges into ``old``: both plain, placed, of one colour, overlapping or touching."""
    return (new.document == old.document and new.target is None and old.target is None
            and old.status != "orphaned" and new.color == old.color and new.id != old.id
            and new.selector.start <= old.selector.end and old.selector.start <= new.selector.end)


def merged(text: str, new: Annotation, olds: Sequence[Annotation], analysis: Analysis | None = None) -> Annotation:
    """``new`` and the highlights it joins as one: the union of their passages under the oldest
    one's id and date, their notes in reading order, all their tags and actors."""
    parts = sorted([*olds, new], key=lambda a: (a.selector.start, a.created))
    keep = min(olds, key=lambda a: a.created)
    start = min(a.selector.start for a in parts)
    end = max(a.selector.end for a in parts)
    notes = list(dict.fromkeys(a.note.strip() for a in parts if a.note.strip()))
    actors = actors_in(analysis, start, end) if analysis is not None else []
    for part in parts:
        actors += [name for name in part.actors if name not in actors]
    return dataclasses.replace(
        keep, selector=Selector.from_text(text, start, end), note="\n\n".join(notes),
        tags=list(dict.fromkeys(tag for a in parts for tag in a.tags)), actors=actors,
        status=keep.status if keep.original else "anchored", updated=now_iso())


def highlight_segments(items: Sequence[tuple[str, int, int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """The reader's highlights cut where they overlap: ``(start, end, colours)`` with the colours
    covering each stretch, oldest drawn first, each colour once."""
    cuts = sorted({p for _id, start, end, _c in items for p in (start, end)})
    segments: list[tuple[int, int, tuple[str, ...]]] = []
    for a, b in zip(cuts, cuts[1:]):
        colors = tuple(dict.fromkeys(c for _id, start, end, c in items if start <= a and b <= end))
        if not colors:
            continue
        if segments and segments[-1][1] == a and segments[-1][2] == colors:
            segments[-1] = (segments[-1][0], b, colors)
        else:
            segments.append((a, b, colors))
    return segments
