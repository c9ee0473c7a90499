"""A name the tagger found once is the same name where the text writes it again and the
tagger saw nothing there.

The tagger reads each sentence on its own: "INA did not say …" after "the Iraqi News Agency
( INA )" or "Berlex filed a lawsuit" after "Berlex markets it" may read as no name at all.
Where the document already labels a spelling as one kind of name, the same spelling again,
where no name was found, is that name with that kind. A spelling read two ways in the
document is left to the tagger (it knows "Boston" the city from the team better than a
vote would), and so is a word usually written in lower case ("Seat", "Will"). The search
is one pass of one pattern.
"""

from __future__ import annotations

from collections import defaultdict

from reader.analysis.echoes import named_again
from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.kinds import Named
from reader.analysis.tagger import Span

MIN_LENGTH = 3
"""Shorter spellings ("Li", "EU") are left to the tagger: too many of them are something else."""


def with_repeats(text: str, names: Named, common: frozenset[str], seen: list[Span]) -> Named:
    """``names`` with every further occurrence of a spelling the document names with one kind,
    where the tagger found nothing (``seen``, its spans: "U.S." in "the U.S. Open" stays the
    event's, and an office the rules took out of a name, "Commissioner for Coastal Works", stays
    out)."""
    calendar = lexicon().calendar
    labels: dict[str, set[str]] = defaultdict(set)
    for span, trimmed in names:
        if trimmed is not None:
            labels[text[trimmed[0]:trimmed[1]]].add(span.label)
    wanted = {surface: kinds.pop() for surface, kinds in labels.items()
              if len(kinds) == 1 and len(surface) >= MIN_LENGTH and surface[:1].isupper()
              and surface.lower() not in common and fold(surface) not in calendar}
    return named_again(text, names, wanted, [(s.start, s.end) for s, _ in names] + [(s.start, s.end) for s in seen])
