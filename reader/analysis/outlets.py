"""The outlet a byline names after its writers: "By Helen Marsh, Tarvik Courier".

A byline heading (:mod:`layout`) names its writers as people; after a comma it names their
desk ("Political Correspondent", "Capitol Bureau") or their paper or station. The tagger does
not read headings, and the body may name the paper's town alone, read as a person ("Tarvik"
then joins the paper's first word). ``byline_outlets``: the words after a byline's comma are an
organisation when they name a paper or a station by their own words: two to five capitalised
words ending in a newspaper's word ("Courier", "Gazette", :data:`~reader.analysis.names.NEWSPAPER_WORDS`)
or opening with "Radio" or "TV"; a desk's words name nobody. The ``newspapers`` rule then reads
the paper's town as a place.
"""

from __future__ import annotations

import re

from reader.analysis.layout import BYLINE
from reader.analysis.lines import heading_lines
from reader.analysis.names import NEWSPAPER_WORDS
from reader.analysis.tagger import Span

BROADCAST_WORDS = frozenset({"Radio", "TV"})
"""First words of a station's name ("Radio Tarvik", "TV Nord")."""
_OUTLET = re.compile(r",[ \t]*([A-Z][\w'\u2019&.-]*(?:[ \t]+[A-Z][\w'\u2019&.-]*){1,4})[ \t*_]*$")


def with_byline_outlets(text: str, spans: list[Span], common: frozenset[str]) -> list[Span]:
    """``spans`` with the outlet each byline heading names after its writers, an organisation
    (see the module docstring); ``common`` holds the words usually written in lower case."""
    outlets: list[Span] = []
    for start, end in heading_lines(text, common):
        byline = BYLINE.match(text, start, end)
        if byline is None:
            continue
        outlet = _OUTLET.match(text, byline.end(1), end)
        if outlet is None:
            continue
        words = outlet.group(1).split()
        if words[-1] in NEWSPAPER_WORDS or words[0] in BROADCAST_WORDS:
            outlets.append(Span(outlet.start(1), outlet.end(1), "ORG"))
    if not outlets:
        return spans
    kept = [s for s in spans if not any(o.start < s.end and s.start < o.end for o in outlets)]
    return sorted(kept + outlets, key=lambda s: s.start)
