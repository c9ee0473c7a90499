"""An acronym the text introduces in brackets after a body's name is a name of that body.

"Trustees of the Harbour District School Board (HDSB) voted", "the Independent Electoral and
Boundaries Commission (IEBC) said": the tagger reads the long name and often leaves the
capitals in brackets, which it never saw, as no name at all. The text itself says what they
are: the body's short name. The ``introduced_acronyms`` join then makes both one actor, and
the acronym's later mentions are found as names written again (``echoes``). Only after a body
of two words or more, not written in capitals (a dateline's or heading's brackets hold an
agency or a source: "UNITED NATIONS (AP)"); never after a person or place ("Jim Courier (U.S.)"
gives a player's country).
"""

from __future__ import annotations

import re

from reader.analysis.kinds import Named
from reader.analysis.tagger import Span

_BRACKETED = re.compile(r"[ \t]*\([ \t]*(?P<acronym>[A-Z][A-Z&]{1,7})[ \t]*\)")
"""Capitals in brackets right after a name: "(TDSB)"."""


def bracket_acronyms(text: str, names: Named) -> Named:
    """``names`` with the acronym in brackets right after a body's name added as a body (see the
    module docstring)."""
    out: Named = []
    for k, (span, trimmed) in enumerate(names):
        out.append((span, trimmed))
        if trimmed is None or span.label != "ORG":
            continue
        surface = text[trimmed[0]:trimmed[1]]
        found = _BRACKETED.match(text, trimmed[1])
        if found is None or len(surface.split()) < 2 or surface.isupper():
            continue
        start, end = found.span("acronym")
        following = next((s for s, t in names[k + 1:] if t is not None), None)
        if following is None or following.start >= end:
            out.append((Span(start, end, "ORG"), (start, end)))
    return out
