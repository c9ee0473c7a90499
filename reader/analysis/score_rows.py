"""The rows of a results listing: "Olympiacos 88–79 Fenerbahçe", one match a line.

A sports page lists a round's results one per line, a side, the score and the other side,
with nothing in lower case. The tagger, which learned CoNLL's tables (one team and its goals,
"Bayern Munich 2"), reads such a line as one name across the score ("Partizan 72–77
Žalgiris", a person) or leaves a word of a side out ("Real" of "Real Madrid"). A score never
stands inside a name: each side, all its words, is a team. A listing of clubs and one of
national sides are told apart by their names: when most sides are countries the countries
are the places, as CoNLL marks a national side; otherwise every side is a club, "Monaco"
too. A note in brackets after the score ("(OT)", "(aet)") is no name. Once the rows name a
club, the same name read as a place or a person elsewhere in the text is the club ("Monaco
coach Vincent Le Goff", "(Žalgiris) 21"), unless a preposition of place stands before it
("In Monaco, the home side").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named, relabelled
from reader.analysis.names import name_key
from reader.analysis.results import town_readings
from reader.analysis.tagger import Span

_SIDE = r"[^\W\d_][\w.&'\u2019-]*(?:[ \t]+[^\W\d_][\w.&'\u2019-]*){0,3}"
SCORE_ROW = re.compile(
    rf"^[ \t]*(?P<home>{_SIDE})[ \t]+\d{{1,3}}[ \t]*[-\u2013][ \t]*\d{{1,3}}[ \t]+(?P<away>{_SIDE})"
    r"(?P<note>[ \t]+\([^()\n]{1,12}\))?[ \t]*$", re.M)
"""A line of one result: a side of one to four words, a score, the other side, and perhaps a
note in brackets; each side's words open with a letter."""
MIN_ROWS = 2
"""Result lines one after the other (a blank line between allowed) that make a listing."""


def _listings(text: str) -> Iterator[list[re.Match[str]]]:
    """The runs of result lines of ``text`` with all their words capitalised."""
    run: list[re.Match[str]] = []
    for row in [*SCORE_ROW.finditer(text), None]:
        if row is not None and all(w[0].isupper() for w in (row.group("home") + " " + row.group("away")).split()):
            if run and text[run[-1].end():row.start()].strip() == "" \
                    and text.count("\n", run[-1].end(), row.start()) <= 2:
                run.append(row)
                continue
            if len(run) >= MIN_ROWS:
                yield run
            run = [row]
            continue
        if len(run) >= MIN_ROWS:
            yield run
        run = []


def score_sides(text: str) -> list[tuple[str, int, int]]:
    """The sides named in the results listings of ``text``, ``(label, start, end)``: clubs as
    organisations, and countries as places where most sides are countries."""
    countries = lexicon().countries
    out: list[tuple[str, int, int]] = []
    for run in _listings(text):
        sides = [(m.start(g), m.end(g)) for m in run for g in ("home", "away")]
        national = 2 * sum(name_key(text[a:b]) in countries for a, b in sides) > len(sides)
        out.extend(("LOC" if national and name_key(text[a:b]) in countries else "ORG", a, b) for a, b in sides)
    return out


def with_score_rows(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with each side of a result line one name, and no name in its bracketed note
    or across its score."""
    found = score_sides(text)
    if not found:
        return spans
    rows = [(m.start(), m.end()) for run in _listings(text) for m in run]
    kept = [s for s in spans if not any(a < s.end and s.start < b for a, b in rows)]
    return sorted(kept + [Span(start, end, label) for label, start, end in found], key=lambda s: s.start)


def score_row_clubs(text: str, names: Named) -> Named:
    """``names`` with a club the results listings name read as that club where the tagger read
    it as a place or a person, but after a preposition of place or in a dateline."""
    clubs = {name_key(text[a:b]) for label, a, b in score_sides(text) if label == "ORG"}
    if not clubs:
        return names
    towns = town_readings(text)
    return relabelled(text, names, ("LOC", "PER"), "ORG", lambda name, where: name_key(name) in clubs
                      and not towns(where))
