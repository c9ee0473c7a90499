"""Later mentions the tagger left out: a person's surname or a company's short name,
written again as the text already wrote it.

The tagger reads each sentence on its own, and a bare "Feldbach employs 400 people" after
"Feldbach GmbH opened a plant" may read as no name at all. Once the text has named
"Feldbach GmbH" (or "Ingrid Dahl"), the same capitalised word again is that name: it is
added as a mention. Only spellings the text itself gives are looked for (the surname of a
full name, a company's name without its legal form), never a word usually written in lower
case ("Will", "Rose"), so nothing is invented; the search is one pass of one pattern.
"""

from __future__ import annotations

import bisect
import re

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named
from reader.analysis.tagger import Span

MIN_LENGTH = 3
"""Shorter words ("Li", "Ng") are left to the tagger: too many of them are something else."""


def with_echoes(text: str, names: Named, common: frozenset[str]) -> Named:
    """``names`` with every further occurrence of a surname or short company name added."""
    wanted: dict[str, str] = {}
    suffixes = lexicon().corporate_suffixes
    for span, trimmed in names:
        if trimmed is None:
            continue
        words = text[trimmed[0]:trimmed[1]].split()
        if span.label == "PER" and len(words) > 1:
            short = words[-1]
        elif span.label == "ORG" and len(words) > 1 and words[-1].replace(".", "").rstrip(",") in suffixes:
            cut = len(words) - 1
            while cut > 1 and words[cut - 1].replace(".", "").rstrip(",") in suffixes:
                cut -= 1
            short = " ".join(words[:cut])
        else:
            continue
        if len(short) >= MIN_LENGTH and short[:1].isupper() and short.lower() not in common:
            wanted.setdefault(short, span.label)
    return named_again(text, names, wanted, [(s.start, s.end) for s, _ in names])


def named_again(text: str, names: Named, wanted: dict[str, str], taken: list[tuple[int, int]]) -> Named:
    """``names`` with each occurrence of a spelling of ``wanted`` (with its label) that is a whole
    word and overlaps nothing in ``taken`` added: one pass of one pattern."""
    if not wanted:
        return names
    pattern = re.compile(r"(?<![\w'\u2019.-])(?:" + "|".join(map(re.escape, sorted(wanted, key=len, reverse=True)))
                         + r")(?![\w-])")
    taken = sorted(taken)
    starts = [s for s, _ in taken]
    added: Named = []
    for m in pattern.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k][1] > m.start():
            continue
        if k + 1 < len(taken) and taken[k + 1][0] < m.end():
            continue
        added.append((Span(m.start(), m.end(), wanted[m.group()]), (m.start(), m.end())))
    if not added:
        return names
    return sorted(names + added, key=lambda n: n[0].start)
