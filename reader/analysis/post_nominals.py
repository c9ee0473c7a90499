"""Letters after a person's name ("Graham Cole MP", "Niamh Corcoran TD", "Declan Foyle SC") are no
part of it.

British, Irish and Commonwealth news writes a member's seat, a barrister's rank or an honour as
capitals after the full name; CoNLL's convention, and the reader's, keep the name alone, so that
it joins the person's later "Foyle". The tagger takes the letters into the name and, seeing
capitals at its end, often reads it as a body. The letters are cut from a name of three words or
more whose last word is two to four capital letters and whose other words are capitalised and in
mixed case or Irish particles, "Cathal Ó Briain SC" (a headline in capitals is left alone): not
a roman numeral ("Charles Elliott III"), not a company's legal form ("Vesta Holdings PLC"), not
a name with an organisation's word. A name read as a body or a place is cut only when it opens
with a given name or stands in apposition, a comma on each side (", Eimear Gallagher TD,"; not
"In Ohio, Our Principles PAC spent"), or when its letters are a rank, a seat or an honour only
people hold (:data:`PERSONS_LETTERS`: "by Conor MacNamara SC, for the defence") and no
capitalised word follows them (before one they are a title: "Labour MP Diane Abbott"): there the
letters are a person's, and the name is a person's.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named
from reader.analysis.particle_bridges import IRISH_PARTICLES
from reader.analysis.tagger import Span

_LETTERS = re.compile(r"[A-Z]{2,4}")
_ROMAN = re.compile(r"[IVXLCDM]+")
PERSONS_LETTERS = frozenset({"KC", "QC", "SC", "MP", "MEP", "MSP", "MLA", "TD", "OBE", "MBE", "CBE", "KBE", "DBE",
                             "FRS"})
"""Ranks, seats and honours written after a name in British and Irish news, held by people only."""
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")


def without_post_nominals(text: str, names: Named) -> Named:
    """``names`` with the letters after a person's name left out (see the module docstring)."""
    lex = lexicon()
    out: Named = []
    for span, trimmed in names:
        cut = _before_letters(text, trimmed) if trimmed else None
        if trimmed is None or cut is None:
            out.append((span, trimmed))
            continue
        start = trimmed[0]
        words = text[start:cut].split()
        apposed = text[max(0, start - 2):start] == ", " and text[trimmed[1]:trimmed[1] + 1] == ","
        held = text[cut:trimmed[1]].strip() in PERSONS_LETTERS and not _CAPITAL_NEXT.match(text, trimmed[1])
        if span.label == "PER" or lex.is_given_name(words[0]) or apposed or held:
            out.append((Span(span.start, cut, "PER" if apposed or held else span.label), (start, cut)))
        else:
            out.append((span, trimmed))
    return out


def _before_letters(text: str, trimmed: tuple[int, int]) -> int | None:
    """Where the name at ``trimmed`` ends without its letters, or None when it has none."""
    lex = lexicon()
    start, end = trimmed
    words = text[start:end].split()
    last = words[-1]
    if len(words) < 3 or not _LETTERS.fullmatch(last) or _ROMAN.fullmatch(last) or last in lex.corporate_suffixes:
        return None
    rest = words[:-1]
    if not all((w[:1].isupper() and any(c.islower() for c in w[1:])) or w in IRISH_PARTICLES for w in rest) \
            or any(w in lex.org_words or w in lex.corporate_suffixes for w in rest):
        return None
    return len(text[:end - len(last)].rstrip())
