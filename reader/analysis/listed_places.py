"""A name listed among places after "in" (or "of", "over", "between") is a place.

"Trials will run in Recife and Manaus", "hospitals in Padua, Lyon and Kraków", "140 shops
across Bavaria and Austria": the tagger reads each name on its own and may take a town it
never saw for a person or a body. A list joined by "and" after a preposition of place, of which
at least one name is read as a place, names places: each other name of one word is one too
("in Tarvik, Brevdal and Olmsund" with Tarvik alone read as a place; a pair is joined by "and"
alone: "in New York, and Iyassu, a former athlete" is no list; "Cleveland-Cliffs in Cleveland
and Kraft Heinz jointly in Chicago" lists firms); the name must not be a body by its own words
(an acronym, an organisation's word, "Senate", a legal form, a body the lists know), nor follow a
title, nor share a word with the full name of a person of the text. After "of", "over" or
"between" ("the exporters of Bursa and Izmir") a list names people and bodies as often, so
only a name written nowhere else in the text is read as a place. Only the listed mention
changes: what a town's name means elsewhere (its club, its council) is left to the other rules.
"""

from __future__ import annotations

import re

from reader.analysis.bodies import sure_body
from reader.analysis.gazetteer import Lexicon, fold, lexicon
from reader.analysis.kinds import Named, titled
from reader.analysis.tagger import Span

_JOINS = frozenset({", ", " and ", ", and "})
_PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout|around|near|outside)[ \t]+(?:the[ \t]+)?$")
"""A preposition of place right before a list of names."""
_OF_OR_BETWEEN = re.compile(r"\b(?:of|over|between)[ \t]+(?:the[ \t]+)?$")
"""A preposition that lists places as often as bodies or people ("exporters of Bursa and
Izmir", "the prosecution of Bill, Hillary, and Chelsea"): the list names places only for
names written once in the text (a town named in passing; a person or a body is named again).
"to" and "from" are left out: they list rivals, buyers and sellers as often ("lost to Rangers
and Celtic", "sales from Tesco and Asda")."""


def listed_places(text: str, names: Named) -> Named:
    """``names`` with a person or body listed among places after "in" read as a place (see the
    module docstring)."""
    lex = lexicon()
    people = {fold(w) for span, t in names if t and span.label == "PER" and " " in text[t[0]:t[1]]
              for w in text[t[0]:t[1]].split()}
    out = list(names)
    runs: list[tuple[list[int], list[str]]] = []  # the names of each list and the joins between them
    previous: int | None = None
    for k, (_, t) in enumerate(names):
        if t is None:
            continue
        gap = text[previous:t[0]] if previous is not None else ""
        if runs and gap in _JOINS:
            runs[-1][0].append(k)
            runs[-1][1].append(gap)
        else:
            runs.append(([k], []))
        previous = t[1]
    for run, joins in runs:
        first = names[run[0]][1]
        if len(run) < 2 or first is None or joins[-1] == ", " or len(run) == 2 and joins[0] != " and ":
            continue
        in_places = _PLACE_BEFORE.search(text, max(0, first[0] - 20), first[0])
        if not in_places and not _OF_OR_BETWEEN.search(text, max(0, first[0] - 20), first[0]):
            continue
        odd = [k for k in run if names[k][0].label != "LOC"]
        if not odd or len(odd) == len(run) or not all(_could_be_place(text, names[k], people, lex) for k in odd) \
                or not in_places and not all(_written_once(text, names[k][1]) for k in odd):
            continue
        for k in odd:
            out[k] = (Span(names[k][0].start, names[k][0].end, "LOC"), names[k][1])
    return out


def _could_be_place(text: str, name: tuple[Span, tuple[int, int] | None], people: set[str], lex: Lexicon) -> bool:
    """Whether a name listed among places may be one: a person or body of one word that is no body
    by its own words, follows no title and shares no word with a person's full name."""
    span, t = name
    if t is None or span.label not in ("PER", "ORG") or titled(text, t[0], lex):
        return False
    word = text[t[0]:t[1]]
    return " " not in word and not sure_body(word, lex) and word not in lex.org_words and fold(word) not in people


def _written_once(text: str, trimmed: tuple[int, int] | None) -> bool:
    """Whether the word at ``trimmed`` is written nowhere else in ``text`` as a word."""
    if trimmed is None:
        return False
    word = text[trimmed[0]:trimmed[1]]
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text)) == 1


_OFFICE_OF = re.compile(r"\b(?:[Mm]ayors?|[Gg]overnors?)[ \t]+of[ \t]+$")
"""The office of a town's or a province's head, right before its place's name."""


def office_places(text: str, names: Named) -> Named:
    """``names`` with a one-word name right after "mayor of" or "governor of" read as a place
    ("was re-elected mayor of Molenbeek-Saint-Jean", read as a person); not a body by its own
    words ("governor of the Bank of England" is no "mayor of" case: "the" stands between)."""
    lex = lexicon()
    return [(Span(span.start, span.end, "LOC"), t) if t and span.label in ("PER", "ORG") and " " not in text[t[0]:t[1]]
            and _OFFICE_OF.search(text, max(0, t[0] - 20), t[0]) and not sure_body(text[t[0]:t[1]], lex)
            else (span, t) for span, t in names]
