"""A nickname a text gives a person is that person: "nicknamed “El Muro”", "known as “Cadu”".

A name in quotation marks right after "nicknamed" or "known … as" is what someone is called;
when a person is what it is said of (the name before it in the sentence is a person's, as in
"Ruiz, nicknamed “El Muro” by the crowd", or "he" or "she" follows it: "Known to staff as
“Cadu”, he started the business"), it is that person, wherever the text writes it again ("El
Muro apologised"), though the tagger read it as a place or a body. A nickname of a city ("New
York, nicknamed “the Big Apple”") has no person before it and is left alone.
"""

from __future__ import annotations

import re

from reader.analysis.kinds import BODY_OR_PLACE, Named, relabelled
from reader.analysis.names import name_key

_CALLED = re.compile(r"\b(?:nicknamed|known(?:[ \t]+[\w'\u2019]+){0,6}?[ \t]+as)[ \t]+[\"\u201c\u2018]$", re.IGNORECASE)
_CLOSED = re.compile(r"[\"\u201d\u2019]")
_PRONOUN_AFTER = re.compile(r"[\"\u201d\u2019][ \t]*,?[ \t]*(?:he|she)\b")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def nickname_people(text: str, names: Named) -> Named:
    """``names`` with a nickname the text gives a person read as that person (see the module
    docstring)."""
    nicknames: set[str] = set()
    previous: tuple[int, str] | None = None  # where the name before ends, and its label
    for span, t in names:
        if t is None:
            continue
        if _CALLED.search(text, max(0, t[0] - 60), t[0]) and _CLOSED.match(text, t[1]):
            sentence = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, t[0] - 300), t[0])), default=0)
            person_before = previous is not None and previous[0] > sentence and previous[1] == "PER"
            if person_before or _PRONOUN_AFTER.match(text, t[1]):
                nicknames.add(name_key(text[t[0]:t[1]]))
        previous = (t[1], span.label)
    if not nicknames:
        return names
    return relabelled(text, names, BODY_OR_PLACE, "PER", lambda name, _: name_key(name) in nicknames)
