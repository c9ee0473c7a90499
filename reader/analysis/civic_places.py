"""Places the tagger left out that only a place's own noun after their possessive shows.

"Kitchener’s council voted 7-4 …" opens a text: the tagger, reading a capitalised word at
the start of a sentence with nothing else to go on, may see no name at all. A council, a
mayor or a downtown belongs to a place (:data:`~reader.analysis.kinds.CIVIC`), so a
capitalised word or two before "’s council" that is not usually written in lower case is
that place, unless it is a word that never names anything ("Wednesday’s town hall": the
days and months of ``calendar.txt`` with ``not-names.txt``). One pass of one pattern; a
word inside a name already found is left alone.
"""

from __future__ import annotations

import bisect
import re

from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.kinds import CIVIC, Named
from reader.analysis.tagger import Span

_CIVIC_POSSESSIVE = re.compile(r"(?<![\w'\u2019.-])([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)['\u2019]s[ \t]+("
                               + "|".join(sorted(CIVIC)) + r")\b")


def with_civic_places(text: str, names: Named, common: frozenset[str]) -> Named:
    """``names`` with each unnamed "X’s council" (a place's noun, :data:`CIVIC`) adding "X", a
    place, when no word of "X" is a word usually written in lower case (``common``) or one
    that never names anything (a day, a month)."""
    never = lexicon().not_names
    taken = sorted((s.start, s.end) for s, _ in names)
    starts = [s for s, _ in taken]
    added: Named = []
    for m in _CIVIC_POSSESSIVE.finditer(text):
        start, end = m.span(1)
        k = bisect.bisect_right(starts, end) - 1
        if k >= 0 and taken[k][1] > start or any(
                w.lower() in common or fold(w) in never for w in m.group(1).split()):
            continue
        added.append((Span(start, end, "LOC"), (start, end)))
    return sorted(names + added, key=lambda n: n[0].start) if added else names
