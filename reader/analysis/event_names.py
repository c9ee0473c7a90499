"""Named storms and awards are no actors.

Weather services name storms as people are named ("Storm Hendrika", "Hurricane Dolly"), and
the tagger reads them as people or bodies, the name written alone too ("Hendrika is the
second named storm"). Awards are named as bodies are ("the Scottish Family Business Awards").
CoNLL, from which ``misc_words`` learned the words of events, has too few of either for them
to be learned. ``event_names``: a name that opens with a storm's word and a capitalised word,
holding no organisation's word ("National Hurricane Center" opens with none), or that ends in
"Award" or "Awards", is no actor; nor is the storm's name written alone, unless it is the
surname of a person the text names in full. Their words stay taken: no later step finds a
name in them ("Siegel" of "the Ruth Leff Siegel Awards").
"""

from __future__ import annotations

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named, person_surnames
from reader.analysis.names import name_key

STORM_WORDS = frozenset({"Storm", "Hurricane", "Typhoon", "Cyclone", "STORM", "HURRICANE", "TYPHOON", "CYCLONE"})
"""Words a named storm opens with."""
AWARD_WORDS = frozenset({"Award", "Awards", "AWARD", "AWARDS"})
"""Last words of an award's name."""


def without_event_names(text: str, names: Named) -> Named:
    """``names`` without named storms and awards (see the module docstring)."""
    org_words = lexicon().org_words
    storms: set[str] = set()
    out: Named = []
    for span, t in names:
        words = text[t[0]:t[1]].split() if t else []
        storm = len(words) > 1 and words[0] in STORM_WORDS and words[1][:1].isupper() \
            and not any(w in org_words for w in words)
        if storm:
            storms.add(name_key(" ".join(words[1:])))
        out.append((span, None) if storm or len(words) > 1 and words[-1] in AWARD_WORDS else (span, t))
    storms -= person_surnames(text, out, full_only=True)
    return [(span, None) if t and name_key(text[t[0]:t[1]]) in storms else (span, t) for span, t in out]
