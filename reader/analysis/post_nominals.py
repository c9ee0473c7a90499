"""Letters after a person's name: "Conor Brady SC", "Yusuf Abu Zaid KC", "Ann Kerr MSP".

British and Irish news writes a barrister's rank, a member's seat or an honour after the
name. The tagger reads the letters into the name, and then often the name as a body ("SC"
looks like a club's). They are not part of the name, as a title before it is not (CoNLL
marks names so), and only a person has them: the name without them is a person's. Before a
capitalised word the letters are a title before a name ("Labour MP Diane Abbott"), and a name
of one word before them may be a club ("Hamburger SC"), so both are left alone, and so is a
name with a word of bodies ("Cork County Council TD").
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named
from reader.analysis.tagger import Span

POST_NOMINALS = frozenset({"KC", "QC", "SC", "MP", "MEP", "MSP", "MLA", "TD", "OBE", "MBE", "CBE", "KBE", "DBE",
                           "FRS"})
"""Ranks, seats and honours written after a name in British and Irish news."""
_LAST = re.compile(r"[ \t]+([A-Z]{2,3})$")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")


def without_post_nominals(text: str, names: Named) -> Named:
    """``names`` with the letters after a person's name cut off, and the name a person's (see
    the module docstring)."""
    lex = lexicon()
    out: Named = []
    for span, trimmed in names:
        last = _LAST.search(text, trimmed[0], trimmed[1]) if trimmed is not None else None
        if trimmed is None or last is None or last.group(1) not in POST_NOMINALS or span.label == "MISC":
            out.append((span, trimmed))
            continue
        words = text[trimmed[0]:last.start()].split()
        if len(words) < 2 or _CAPITAL_NEXT.match(text, trimmed[1]) \
                or any(w in lex.org_words or w in lex.corporate_suffixes for w in words):
            out.append((span, trimmed))
            continue
        out.append((Span(span.start, last.start(), "PER"), (trimmed[0], last.start())))
    return out
