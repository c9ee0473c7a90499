"""How notes and articles become index terms and filter keys: the index and the query use these alone, so both
cut and fold text the same way.

A note has four fields of its own (note, highlighted passage, tags, actor names) and two of its article's (title,
actors). A field's terms are kept as one string with a space at each end, " quiet diplomaci ", so a phrase is found
by a substring test.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from typing import NamedTuple

from notes.markdown_plain import plain_text
from notes.records import Annotation
from notes.textfold import fold, term, word_list

FIELDS = ("note", "passage", "tags", "actors", "title", "article actors")
"""The fields a hit may be found through: four of the note, then two of its article."""
NOTE_WEIGHTS = (2.0, 2.0, 1.5, 1.0)
"""BM25F weights of note, passage, tags and actor names of the note."""
DOC_WEIGHTS = (1.0, 0.5)
"""Weights of the article's title and of its actors (shared by all its notes)."""
GAP = "|"
"""Between tags or names in a field, so a phrase cannot run from one into the next (terms are letters and digits)."""


class Entry(NamedTuple):
    """A note's or an article's field texts and lengths, terms' counts per field, words as written (for prefixes)."""

    fields: tuple[str, ...]
    lengths: tuple[int, ...]
    frequencies: dict[str, tuple[int, ...]]
    words: list[str]


def note_entry(annotation: Annotation) -> Entry:
    target = annotation.target or {}
    names = [*annotation.actors, *(str(target[k]) for k in ("actor", "speaker") if target.get(k))]
    return entry_of(plain_text(annotation.note), passage_wordings(annotation), annotation.tags, names)


def passage_wordings(annotation: Annotation) -> list[str]:
    """The passage's words now, then, for a highlight re-anchored on changed words, the words it was made on:
    a search for either finds it (kept apart by a gap, so no phrase runs from one into the other)."""
    return [annotation.selector.exact, *filter(None, [annotation.original])]


def entry_of(*texts: str | Sequence[str]) -> Entry:
    """The entry of fields given as texts, or lists of texts (tags, names) kept apart by a gap."""
    found: list[str] = []
    fields = [terms_of(*([t] if isinstance(t, str) else t), written=found) for t in texts]
    counts: dict[str, list[int]] = {}
    for i, terms in enumerate(fields):
        for key in terms:
            row = counts.get(key)
            if row is None:
                row = counts[key] = [0] * len(fields)
            row[i] += 1
    counts.pop(GAP, None)
    return Entry(tuple(f" {' '.join(f)} " for f in fields), tuple(len(f) - f.count(GAP) for f in fields),
                 {key: tuple(row) for key, row in counts.items()}, found)


def terms_of(*texts: str, written: list[str] | None = None) -> list[str]:
    """The index terms of texts, with a gap between texts; the words as written go to ``written`` if given."""
    result: list[str] = []
    for i, text in enumerate(texts):
        if i:
            result.append(GAP)
        words = word_list(text)
        if written is not None:
            written.extend(words)
        result.extend(map(term, words))
    return result


def color_key(color: str) -> str:
    return fold(color)


def tag_key(tag: str) -> str:
    """How a tag is compared: folded, without "#", spaces or empty levels ("EU / Trade" is "eu/trade")."""
    return "/".join(part.strip() for part in fold(tag).strip().lstrip("#").split("/") if part.strip())


def tag_keys(tag: str) -> Iterator[str]:
    """A tag and its parents: ``eu/trade`` is found by ``tag:eu/trade`` and by ``tag:eu``."""
    parts = tag_key(tag).split("/")
    return ("/".join(parts[:i]) for i in range(1, len(parts) + 1) if parts[0])


def _parse_time(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_day(stamp: str) -> int:
    """The day a note was written, in the user's time zone, as a date ordinal."""
    moment = _parse_time(stamp)
    return moment.astimezone().date().toordinal() if moment else date.min.toordinal()


def timestamp(stamp: str) -> float:
    moment = _parse_time(stamp)
    return moment.timestamp() if moment else 0.0
