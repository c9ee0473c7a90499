"""The credits that close a wire story: "(Reporting by Inês Figueiredo; Editing by Mark Hale)".

Reuters and other agencies close a story with who reported, wrote and edited it, each after
"Reporting by", "Additional reporting by", "Writing by" or "Editing by", several joined by
commas and "and", and a reporter's place after "in" ("Reporting by Amanda Becker in
Washington"). Every name there before "in" is a person's, though the tagger, which never saw
such a line in CoNLL, may read one as a body.
"""

from __future__ import annotations

import re

from reader.analysis.kinds import BODY_OR_PLACE, Named, relabelled

CREDIT = re.compile(r"(?:^|[(;]|--)[ \t]*(?:[Aa]dditional[ \t]+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)[ \t]+by[ \t]+"
                    r"(?P<people>[^;()\n]*?)(?=[ \t]+in[ \t]|[;()\n]|\.[ \t]*(?:\)|$)|$)", re.M)
"""One credit, opening a line, a bracket or a part after a semicolon ("data compiled by" in a
sentence is none): the people it names, up to a place after "in", a semicolon, a bracket or its
end."""


def credited_people(text: str, names: Named) -> Named:
    """``names`` with every name a wire story's credits give read as a person's."""
    parts = [(m.start("people"), m.end("people")) for m in CREDIT.finditer(text)]
    if not parts:
        return names
    return relabelled(text, names, BODY_OR_PLACE, "PER",
                      lambda _, where: any(a <= where[0] and where[1] <= b for a, b in parts))
