"""A month before a number is a date, not the last word of a name.

Lists and tables put a date right after a name: a poll's institute and its date ("Emnid Aug
25 41.0 34.0"), a figure and its month ("Jul 1996"). The tagger reads the month into the
name ("Emnid Aug", read as a person) or takes a lone month for a name. The step cuts a
month (a word of ``calendar.txt``, where "May" is left out as a name, that is not a day: a
day ends a club's name, "Sheffield Wednesday 2") from the end of a name when a number follows
it, and drops a name that was only that word. Over the
cross-validated CoNLL train split every such name the tagger found was wrong
(``resources/models/actors/MODEL.md``).
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.kinds import Named

_NUMBER_AFTER = re.compile(r"\.?[ \t\u00a0]+\d")


def without_trailing_dates(text: str, names: Named) -> Named:
    """Names without a calendar word that ends them before a number ("Emnid Aug 25" → "Emnid")."""
    calendar = lexicon().calendar
    out: Named = []
    for span, trimmed in names:
        if trimmed is not None and _NUMBER_AFTER.match(text, trimmed[1]):
            before, _, last = text[trimmed[0]:trimmed[1]].rpartition(" ")
            if fold(last) in calendar and not last.lower().endswith("day"):
                before = before.rstrip()
                trimmed = (trimmed[0], trimmed[0] + len(before)) if before else None
        out.append((span, trimmed))
    return out
