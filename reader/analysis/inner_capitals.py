"""A word written with a capital inside, after lower-case letters ("ByteDance", "HuffPost",
"RealClearPolitics", "BellSouth"), is the name of a company, a brand or an outlet: people's
and places' names are not written so, except surnames of "Mc" and "Mac" ("McDonald"). CoNLL's
news of 1996 has few such names, so the tagger, which never remembers a spelling, often
leaves them out. Where the tagger found no name at all over such a word in a line of prose
(three words in lower case at least), it is an organisation, there and wherever written
again. No name: a hashtag or handle ("#FeelTheBern", "@WashPost", a tweet's
author="JebBush"), a link's or domain's word ("/SkKglwQycb", "HealthCare.gov"), a word of
more than three such parts (a page's run-together buttons: "FlagShareLikeReply") or with a
part all in capitals ("GarcÃ" read as "GarcA"), months run together in a table ("OctNov").
"""

from __future__ import annotations

import bisect
import re

from reader.analysis.echoes import named_again
from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.kinds import Named
from reader.analysis.tagger import Span

_INNER = re.compile(r"(?<![\w#@'\u2019./=\"-])(?!Ma?c[A-Z])[A-Z][a-z]+(?:[A-Z][a-z]+){1,2}(?![\w-]|\.[a-z])")
_HUMP = re.compile(r"[A-Z][a-z]+")
_LOWER_WORD = re.compile(r"(?<!\S)[a-z]+\b")


def inner_capitals(text: str, names: Named, seen: list[Span]) -> Named:
    """``names`` with the words written with an inner capital that no name or span of the
    tagger (``seen``, MISC too) covers read as organisations (above)."""
    taken = sorted([(s.start, s.end) for s, _ in names] + [(s.start, s.end) for s in seen])
    starts = [s for s, _ in taken]
    calendar = lexicon().calendar
    wanted: dict[str, str] = {}
    for m in _INNER.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k][1] > m.start() or k + 1 < len(taken) and taken[k + 1][0] < m.end():
            continue
        if any(fold(h) in calendar for h in _HUMP.findall(m.group())):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if len(_LOWER_WORD.findall(text, line_start, len(text) if line_end < 0 else line_end)) >= 3:
            wanted[m.group()] = "ORG"
    return named_again(text, names, wanted, taken)
