"""How notes and articles become index terms and filter keys; the index and the query use
these alone, so both cut and fold text the same way.

A note has four fields of its own (note, highlighted passage, tags, actor names) and two of
its article's (title, the article's actors). A field's terms are kept as one string with a
space at each end, " quiet diplomaci ", so a phrase is found by a substring test.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache

from notes.markdown_plain import plain_text
from notes.records import Annotation, DocumentRecord
from notes.textfold import fold, term, word_list

FIELDS = ("note", "passage", "tags", "actors", "title", "article actors")
"""The fields a hit may be found through: four of the note, then two of its article."""
NOTE_WEIGHTS = (2.0, 2.0, 1.5, 1.0)
"""BM25F weights of note, passage, tags and actor names of the note."""
DOC_WEIGHTS = (1.0, 0.5)
"""Weights of the article's title and of its actors (shared by all its notes)."""

GAP = "|"
"""Placed between tags or names in a field so a phrase cannot run from one into the next;
never a term, as terms are made of letters and digits."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What the index keeps of a note or an article: field texts and lengths, each term's
    count per field, and the words as written (for prefix searches)."""

    fields: tuple[str, ...]
    lengths: tuple[int, ...]
    frequencies: dict[str, tuple[int, ...]]
    words: list[str]


def note_entry(annotation: Annotation) -> Entry:
    target = annotation.target or {}
    names = [*annotation.actors, *(str(target[k]) for k in ("actor", "speaker") if target.get(k))]
    return _entry(plain_text(annotation.note), annotation.selector.exact, annotation.tags, names)


def doc_entry(title: str, actors: Sequence[str]) -> Entry:
    return _entry(title, actors)


def _entry(*texts: str | Sequence[str]) -> Entry:
    found: list[str] = []
    fields = [_terms(found, [t] if isinstance(t, str) else t) for t in texts]
    return Entry(tuple(f" {' '.join(f)} " for f in fields), tuple(len(f) - f.count(GAP) for f in fields),
                 _frequencies(fields), found)


def _terms(found: list[str] | None, texts: Sequence[str]) -> list[str]:
    result: list[str] = []
    for i, text in enumerate(texts):
        if i:
            result.append(GAP)
        written = word_list(text)
        if found is not None:
            found.extend(written)
        result.extend(map(term, written))
    return result


def terms_of(*texts: str) -> list[str]:
    """The index terms of one or more texts, with a gap between texts."""
    return _terms(None, texts)


def _frequencies(fields: Sequence[list[str]]) -> dict[str, tuple[int, ...]]:
    counts: dict[str, list[int]] = {}
    for i, terms in enumerate(fields):
        for key in terms:
            row = counts.get(key)
            if row is None:
                row = counts[key] = [0] * len(fields)
            row[i] += 1
    counts.pop(GAP, None)
    return {key: tuple(row) for key, row in counts.items()}


@lru_cache(maxsize=64)
def color_key(color: str) -> str:
    return fold(color)


def tag_key(tag: str) -> str:
    """How a tag is compared: folded, without "#", spaces or empty levels ("EU / Trade" is "eu/trade")."""
    return "/".join(part.strip() for part in fold(tag).strip().lstrip("#").split("/") if part.strip())


def tag_keys(tag: str) -> Iterator[str]:
    """A tag and its parents: ``eu/trade`` is found by ``tag:eu/trade`` and by ``tag:eu``."""
    key = tag_key(tag)
    parts = key.split("/") if key else []
    for i in range(1, len(parts) + 1):
        yield "/".join(parts[:i])


def title_of(doc: DocumentRecord) -> str:
    """The title ``in:`` looks at; the file name for an article without one."""
    return doc.title or doc.path.replace("\\", "/").rsplit("/", 1)[-1]


def _parse_time(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def local_day(stamp: str) -> int:
    """The day a note was written, in the user's time zone, as a date ordinal."""
    moment = _parse_time(stamp)
    return moment.astimezone().date().toordinal() if moment else date.min.toordinal()


def timestamp(stamp: str) -> float:
    moment = _parse_time(stamp)
    return moment.timestamp() if moment else 0.0
