"""Clubs named after their towns in a match report.

"Winnipeg came from behind to beat Calgary 4-2": North American and much European sports
prose names a club by its town alone, and the tagger, which learned CoNLL's 1996 results
tables, reads such a town in running prose as the place. A sentence that gives a score and
puts the name beside a verb of results ("beat", "routed", "a 3-0 victory over", "lost to")
says it is the club, whatever the tagger read there (CoNLL marks all such names of its train
split but one as clubs; a country is its national team, which CoNLL marks as the place). Once
a text names a club so, the same name read as a place elsewhere is the club, unless a
preposition of place stands before it ("fans travelling back to Groningen", "In Winnipeg,")
or it heads a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named, relabelled
from reader.analysis.layout import datelines
from reader.analysis.names import name_key

_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
_RESULT_BEFORE = re.compile(
    r"\b(?:beat|defeated|edged|routed|thrashed|blanked|swept|(?:victory|win|wins|triumph)[ \t]+over|"
    r"(?:lost|losing|loss|lose|fell|crashed|defeat)[ \t]+to|against)[ \t]+$")
_RESULT_AFTER = re.compile(r"[ \t]+(?:beat|beats|defeated|edged|routed|thrashed|drew|blanked|swept|led|leads|"
                           r"trailed|visits|hosts)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|to|outside|around|of)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
"""A preposition of place before a name: there the name is the town, not its club."""
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def result_clubs(text: str, names: Named) -> Named:
    """``names`` with the towns a match report names as clubs read as organisations (see the
    module docstring)."""
    if not _SCORE.search(text):
        return names  # no match report
    lex = lexicon()
    clubs: set[str] = set()
    for span, t in names:
        if t is None or span.label not in ("LOC", "ORG") or len(text[t[0]:t[1]].split()) > 3 \
                or name_key(text[t[0]:t[1]]) in lex.countries:
            continue
        look = max(0, t[0] - 400)
        start = max((m.end() for m in _SENTENCE_END.finditer(text, look, t[0])), default=look)
        end = _SENTENCE_END.search(text, t[1])
        sentence = text[start:end.start() if end else len(text)]
        if _SCORE.search(sentence) and (_RESULT_BEFORE.search(text, max(start, t[0] - 30), t[0])
                                        or _RESULT_AFTER.match(text, t[1])):
            clubs.add(name_key(text[t[0]:t[1]]))
    if not clubs:
        return names
    towns = town_readings(text)
    return relabelled(text, names, ("LOC",), "ORG", lambda name, where: name_key(name) in clubs and not towns(where))


def town_readings(text: str) -> Callable[[tuple[int, int]], bool]:
    """Whether the name at a place of ``text`` names the town whatever club the text names after
    it: it heads a dateline, or a preposition of place stands before it ("a game in Getafe")."""
    lines = {start for label, start, _ in datelines(text) if label == "LOC"}
    return lambda where: where[0] in lines or _PLACE_BEFORE.search(text, max(0, where[0] - 20), where[0]) is not None
