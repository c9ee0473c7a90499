"""The notes search language: words, "quoted phrases" and field filters.

``treaty "quiet diplomacy" negotiat* tag:nato actor:"Jens Stoltenberg" color:yellow
in:"NATO summit" before:2024-01-01 after:2023-06-30 -draft -tag:done`` — every part must
hold (AND), and no part after a minus. Parsing never fails: the search box parses half-typed
queries on every key press, so an unclosed quote runs to the end, an empty filter (``tag:``)
is ignored, and a malformed date is reported in ``Query.errors`` instead of raising.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from notes.textfold import words

_OPEN = "\"“„"
_CLOSE = "\"”“"
_ITEM = re.compile(
    rf"""(?P<neg>-(?=[^\s-]))?
    (?P<body>(?P<key>[A-Za-z]+):(?:[{_OPEN}](?P<quoted>[^{_CLOSE}]*)(?:[{_CLOSE}]|$)|(?P<value>[^\s{_OPEN}]*))
    |[{_OPEN}](?P<phrase>[^{_CLOSE}]*)(?:[{_CLOSE}]|$)
    |(?P<bare>[^\s{_OPEN}]+))""",
    re.VERBOSE,
)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_KEYS = {"tag": "tags", "actor": "actors", "color": "colors", "colour": "colors", "in": "titles"}


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query, not yet folded (the index folds every part the way it folds notes).

    Attributes:
        terms: words and phrases as typed; a term of several words (quoted, or joined by
            punctuation such as "state-of-the-art") must match as consecutive words.
        prefixes: words typed in part, ``negotiat*``: any word that begins so matches.
        tags: every tag must be on the note (a parent tag ``eu`` also matches ``eu/trade``).
        actors: every name must be among the note's or its article's actors.
        colors: the note has one of these colours; titles: every text occurs in the article's title.
        before, after: the note was created on a day (in local time) before, after this one.
        excluded: ``-word``, ``-"a phrase"``, ``-tag:x``…: notes matching any one are left out.
        errors: what could not be understood; a query with errors matches nothing.
    """

    terms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    before: date | None = None
    after: date | None = None
    excluded: tuple[Query, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def has_filters(self) -> bool:
        return bool(self.tags or self.actors or self.colors or self.titles or self.before or self.after)


def parse_query(text: str) -> Query:
    """Split a query into its terms and filters (see the module docstring)."""
    wanted = _Parts()
    excluded: list[Query] = []
    for item in _ITEM.finditer(text):
        if item.group("neg"):
            unwanted = _Parts()
            unwanted.add(item)
            query = unwanted.query(())
            if query != Query():
                excluded.append(query)
        else:
            wanted.add(item)
    return wanted.query(tuple(excluded))


class _Parts:
    """What the items of a query (or of one ``-item``) ask for, gathered as they come."""

    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {k: [] for k in ("terms", "prefixes", "tags", "actors", "colors", "titles")}
        self.days: dict[str, date] = {}
        self.errors: list[str] = []

    def add(self, item: re.Match[str]) -> None:
        key = (item.group("key") or "").lower()
        if not key:
            bare = item.group("bare")
            if bare is not None and _is_prefix(bare):
                self.found["prefixes"].append(bare.rstrip("*"))
            else:
                self.found["terms"].append(item.group("phrase") if bare is None else bare)
            return
        value = (item.group("quoted") if item.group("quoted") is not None else item.group("value")).strip()
        if key in _KEYS:
            if value:
                self.found[_KEYS[key]].append(value)
        elif key in ("before", "after"):
            if value:
                day = _parse_day(value)
                if day is None:
                    self.errors.append(f"{key}: needs a date as YYYY-MM-DD, not {value!r}")
                else:
                    # Two bounds of one kind: both must hold, so the stricter one counts.
                    stricter = min if key == "before" else max
                    self.days[key] = stricter(day, self.days.get(key, day))
        else:
            # Not a filter ("http://…", "10:30"): the whole item is ordinary text.
            self.found["terms"].append(item.group("body"))

    def query(self, excluded: tuple[Query, ...]) -> Query:
        f = {name: tuple(values) for name, values in self.found.items()}
        return Query(tuple(t for t in f["terms"] if t.strip()), f["prefixes"], f["tags"], f["actors"], f["colors"],
                     f["titles"], self.days.get("before"), self.days.get("after"), excluded,
                     tuple(self.errors) + tuple(e for q in excluded for e in q.errors))


def while_typing(text: str) -> str:
    """``text`` with its last word made a prefix while the user is still typing it, for a search box that searches
    on every key press: "peace treat" becomes "peace treat*". A query that ends in white space, a filter, a quoted
    phrase or a prefix already is returned unchanged."""
    items = list(_ITEM.finditer(text))
    last = items[-1] if items else None
    if last is None or last.end() != len(text) or last.group("bare") is None or last.group("neg"):
        return text
    return text + "*" if [m.group() for m in words(last.group())] == [last.group()] else text


def _is_prefix(bare: str) -> bool:
    """``negotiat*``: one word, then the star (``U.S.*`` is a phrase; its star is dropped)."""
    start = bare.rstrip("*")
    return start != bare and [m.group() for m in words(start)] == [start]


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if _ISO_DAY.fullmatch(value) else None
    except ValueError:
        return None
