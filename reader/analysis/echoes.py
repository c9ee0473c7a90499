"""Later mentions the tagger left out: a person's surname or a company's short name,
written again as the text already wrote it (a first surname too: "Quispe" of "Rosa Quispe
Mamani").

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
    middles: set[str] = set()
    suffixes = lexicon().corporate_suffixes
    for span, trimmed in names:
        if trimmed is None:
            continue
        words = text[trimmed[0]:trimmed[1]].split()
        if span.label == "PER" and len(words) > 1:
            short = words[-1]
            if _first_surname(words, common):
                middles.add(words[1])
        elif span.label == "ORG" and len(words) > 1 and words[-1].replace(".", "").rstrip(",") in suffixes:
            cut = len(words) - 1
            while cut > 1 and words[cut - 1].replace(".", "").rstrip(",") in suffixes:
                cut -= 1
            short = " ".join(words[:cut])
        else:
            continue
        if len(short) >= MIN_LENGTH and short[:1].isupper() and short.lower() not in common:
            wanted.setdefault(short, span.label)
    names = named_again(text, names, wanted, [(s.start, s.end) for s, _ in names])
    middles -= set(wanted)
    if not middles:
        return names
    found = named_again(text, names, dict.fromkeys(middles, "PER"), [(s.start, s.end) for s, _ in names])
    return [(span, t) for span, t in found if t is None or text[t[0]:t[1]] not in middles or not _in_capitals(text, t)]


def _in_capitals(text: str, where: tuple[int, int]) -> bool:
    """Whether a capitalised word stands right before or after ``where``: the word is inside a
    longer name ("Keith Lamont Scott's wife", read as no name), not a surname alone."""
    before = text[max(0, where[0] - 40):where[0]].split()
    after = text[where[1]:where[1] + 40].split()
    spaced_before = where[0] > 0 and text[where[0] - 1] in " \t"
    spaced_after = text[where[1]:where[1] + 1] in (" ", "\t")
    capital_before = bool(before) and before[-1].lstrip("\"\u201c\u2018'(")[:1].isupper() \
        and not before[-1].endswith((".", ",", ";", ":", "\"", "\u201d"))
    return (spaced_before and capital_before) or (spaced_after and bool(after) and after[0][:1].isupper())


def _first_surname(words: list[str], common: frozenset[str]) -> bool:
    """Whether the middle of a person's three names is a first surname that may be written
    alone ("Quispe" of "Rosa Quispe Mamani", as Spanish and Portuguese names are shortened):
    the middle word is no given name, initial or word usually in lower case."""
    lex = lexicon()
    middle = words[1] if len(words) == 3 else ""
    return len(middle) >= MIN_LENGTH and middle[:1].isupper() \
        and middle[1:].isalpha() and middle[1:].islower() and not lex.is_given_name(middle) \
        and middle.lower() not in common


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
