"""Awards are no actors.

Awards are named as bodies are ("the Harbour Business Awards", "the Living Legend Award"), and
the tagger reads them as bodies; CoNLL, from which ``misc_words`` learned the words of events
and prizes, has too few of them for "Award" to be learned. ``awards``: a name of two words or
more that ends in "Award" or "Awards" is no actor, and its words stay taken, so no later step
finds a name in them ("Siegel" of "the Ruth Leff Siegel Awards"). Storms are the ``storms``
rule's.
"""

from __future__ import annotations

from reader.analysis.kinds import Named

AWARD_WORDS = frozenset({"Award", "Awards", "AWARD", "AWARDS"})
"""Last words of an award's name."""


def without_awards(text: str, names: Named) -> Named:
    """``names`` with each award's name left without a name to build (see the module docstring)."""
    out: Named = []
    for span, t in names:
        words = text[t[0]:t[1]].split() if t else []
        out.append((span, None) if len(words) > 1 and words[-1] in AWARD_WORDS else (span, t))
    return out
