"""A journal or a paper a piece is published in is an organisation.

"The study, published in Nature Medicine, …": after "in" the tagger reads an unknown name as
a place. ``journals``: a name read as a place right after "published in" (perhaps "the" or
"the journal") is the journal, unless the lists know it as a place ("published in London").
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import name_key
from reader.analysis.tagger import Span

_PUBLISHED_IN = re.compile(r"\bpublished[ \t]+(?:online[ \t]+)?in[ \t]+(?:the[ \t]+(?:journal[ \t]+)?)?$")


def journals(text: str, names: Named) -> Named:
    """``names`` with a place right after "published in" read as the journal it is (see the
    module docstring)."""
    places = lexicon().places
    return [(Span(span.start, span.end, "ORG"), t)
            if t and span.label == "LOC" and _PUBLISHED_IN.search(text, max(0, t[0] - 40), t[0])
            and name_key(text[t[0]:t[1]]) not in places else (span, t) for span, t in names]
