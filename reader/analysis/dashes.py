"""A dash with a space on either side separates names; it never joins them.

A wire headline's slug ("PRESS DIGEST - Washington Post", "NOTE - Airport Facilities Co Ltd"),
a date after a source ("Wall Street Journal - Aug") or a result line ("Fiorentina - Gabriel
Batistuta", "Silvio Martinelli - Marco Villa") may reach the tagger as one name. Each part
between the dashes is a name of its own with the tagger's kind, if it holds a word that is not
a common lower-case word or a month or day: the slug and the date are no names. A hyphen
inside a word ("Ocasio-Cortez", "Galvez-Lopez") is no such dash. A sentence's end glued by a
double hyphen or a dash to the name that follows (a reporter's byline at a brief's end:
"Buckeye, Ariz.--Dana Whitlow.") is no part of that name.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import trim_name
from reader.analysis.tagger import Span

_DASH = re.compile(r"[ \t]+(?:-{1,2}|\u2013|\u2014)[ \t]+")
_GLUED_END = re.compile(r"[.!?][\"\u201d\u2019]?(?:--|\u2014)(?=\w)")
_WORD = re.compile(r"[^\W\d_][\w.'\u2019&-]*")


def at_dashes(text: str, names: Named, common: frozenset[str]) -> Named:
    """``names`` with each name read across a spaced dash cut into the parts that are names."""
    calendar = lexicon().calendar
    out: Named = []
    for span, trimmed in names:
        glued = None if trimmed is None else _GLUED_END.search(text, trimmed[0], trimmed[1])
        if trimmed is not None and glued is not None:
            trimmed = trim_name(text, glued.end(), trimmed[1])
            span = Span(glued.end(), span.end, span.label)
        if trimmed is None or not _DASH.search(text, trimmed[0], trimmed[1]):
            out.append((span, trimmed))
            continue
        start = trimmed[0]
        bounds = [(m.start(), m.end()) for m in _DASH.finditer(text, trimmed[0], trimmed[1])]
        for cut, after in [*bounds, (trimmed[1], trimmed[1])]:
            part = trim_name(text, start, cut)
            if part is not None and any(w.lower() not in common and fold(w) not in calendar
                                        for w in _WORD.findall(text, part[0], part[1])):
                out.append((Span(part[0], part[1], span.label), part))
            start = after
    return out
