"""How notes are keyed for the filters of a search: tags, colours, titles and days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone
from functools import lru_cache

from notes.records import DocumentRecord
from notes.textfold import fold


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
