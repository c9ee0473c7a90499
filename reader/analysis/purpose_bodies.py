"""A body named for what it is on or for is one name: "Joint Committee on Taxation", "Center
for American Progress", "Washington Institute for Near East Policy".

The tagger, which learned on CoNLL, often stops such a name at its head and reads the rest as
another name or as nothing: "Joint Committee" and "Taxation" two bodies, "Center" a place,
"Washington Institute" and "Near East Policy" a body and a place. The shape says what it is: a
name ending in a noun of bodies made for a purpose (:data:`HEADS`), then "on" or "for", then
capitalised words (with "and", "of" or "&" between them) up to the next name or title of
another. Not a day or month ("the Security Council on Wednesday"), not a person after the
preposition ("a committee for Ann Ries"), and not the bodies that sit on or vote for things
("Congress on Benghazi", "the Senate for the bill"): those are not in :data:`HEADS`.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import Lexicon, fold, lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import trim_name
from reader.analysis.tagger import Span

HEADS = frozenset({"Committee", "Subcommittee", "Council", "Commission", "Institute", "Center", "Centre",
                   "Foundation", "Fund", "Office", "Bureau", "Board", "Agency", "Association", "Alliance",
                   "Coalition", "League", "Society", "Federation", "Caucus", "Forum", "Network", "Academy"})
"""Nouns of bodies named for their purpose ("Council on Foreign Relations", "Fund for Peace")."""
_PREPOSITION = re.compile(r"[ \t]+(?:on|for)[ \t]+")
_WORD = re.compile(r"[A-Z](?:[\w'\u2019-]|\.(?=\w))*(?:\.(?<=\w\.\w\.))?")
"""A capitalised word, with the dots of an abbreviation ("U.S."), not a sentence's stop."""
_BETWEEN = re.compile(r"[ \t]+(?:(?:and|of|&)[ \t]+)?")


def purpose_bodies(text: str, names: Named) -> Named:
    """``names`` with a body's name the tagger stopped at its head taken on over "on" or "for"
    and what it is on or for, read as a body (see the module docstring)."""
    lex = lexicon()
    starts = {t[0]: k for k, (_, t) in enumerate(names) if t is not None}
    out: Named = []
    skip: set[int] = set()
    for k, (span, t) in enumerate(names):
        if k in skip:
            continue
        if t is None or span.label not in ("PER", "ORG", "LOC") or text[t[0]:t[1]].split()[-1] not in HEADS:
            out.append((span, t))
            continue
        prep = _PREPOSITION.match(text, t[1])
        end = _purpose_end(text, prep.end(), starts, names, lex) if prep else None
        whole = trim_name(text, t[0], end) if end is not None else None  # "on Benghazi’s": the possessive
        if end is None or whole is None:
            out.append((span, t))
            continue
        absorbed = [j for j in range(k + 1, len(names)) if names[j][1] is not None
                    and names[j][0].start < end and names[j][0].end > t[1]]
        skip.update(absorbed)
        out.append((Span(span.start, max(end, *(names[j][0].end for j in absorbed), span.end), "ORG"), whole))
    return out


def _purpose_end(text: str, start: int, starts: dict[int, int], names: Named, lex: Lexicon) -> int | None:
    """Where the capitalised words from ``start`` end: before another name that does not open
    there, a title's word or a day; None when there are none or a person's name opens them."""
    first = starts.get(start)
    own = names[first] if first is not None else None
    if own is not None and own[0].label == "PER":
        return None
    own_end = own[1][1] if own is not None and own[1] is not None else start
    end = None
    pos = start
    while True:
        word = _WORD.match(text, pos)
        if word is None or fold(word.group()) in lex.calendar or lex.is_title(word.group()) \
                or (word.start() in starts and word.start() >= own_end and word.start() != start):
            break
        end = word.end()
        gap = _BETWEEN.match(text, end)
        if gap is None:
            break
        pos = gap.end()
    return max(end, own_end) if end is not None else None
