"""A name the tagger read across "in" or "as": two names, not one.

"The Welsh Government in Cardiff found money", "Republicans in Congress", "Basel beat Young
Boys as Öztürk scores twice": the tagger runs a body on into the place after "in", or a
headline's club into the scorer after "as". A name that holds "in" or "as" has a lower-case
word before it ("Organisation for Security and Cooperation in Europe", "Board of Control for
Cricket in India"); without one, the words before "as" are a name and the words after it
another, and so are those around "in" when the first side ends in a word of bodies
("Government", "University") or is written alone elsewhere in the text ("Human Rights in
China", written whole each time, stays one). The side after takes the kind the text gives
it where it is written alone, else after "in" it is a place (a body the lists know a body);
after "as" with nothing to say what it is, the side is left out.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import name_key
from reader.analysis.tagger import Span

_JOINT = re.compile(r"[ \t]+(in|as)[ \t]+")
MOST_AFTER = 3
"""The most words of the side after "in" or "as" (a place or a name, not a clause)."""


def preposition_apart(text: str, names: Named) -> Named:
    """``names`` with a name read across "in" or "as" made two (see the module docstring)."""
    lex = lexicon()
    alone: dict[str, Counter[str]] = {}
    for span, trimmed in names:
        if trimmed is not None and span.label in ("PER", "ORG", "LOC"):
            alone.setdefault(name_key(text[trimmed[0]:trimmed[1]]), Counter())[span.label] += 1
    out: Named = []
    for span, trimmed in names:
        joint = _JOINT.search(text, trimmed[0], trimmed[1]) if trimmed is not None else None
        if trimmed is None or joint is None or span.label not in ("PER", "ORG", "LOC"):
            out.append((span, trimmed))
            continue
        before, after = text[trimmed[0]:joint.start()].split(), text[joint.end():trimmed[1]].split()
        word = joint.group(1)
        if any(w[:1].islower() for w in before + after) or len(after) > MOST_AFTER or lex.knows(
                text[trimmed[0]:trimmed[1]]) or (word == "in" and before[-1] not in lex.org_words
                                                 and before[-1] not in lex.corporate_suffixes
                                                 and name_key(" ".join(before)) not in alone):
            out.append((span, trimmed))
            continue
        out.append((Span(span.start, joint.start(), span.label), (trimmed[0], joint.start())))
        side = name_key(" ".join(after))
        if side in alone:
            label = alone[side].most_common(1)[0][0]
        elif word == "in":
            label = "ORG" if side in lex.organizations else "LOC"
        else:
            continue
        out.append((Span(joint.end(), span.end, label), (joint.end(), trimmed[1])))
    return out
