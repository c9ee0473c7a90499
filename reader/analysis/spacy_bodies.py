"""Organisations spaCy finds where the tagger found none, or only a MISC name.

spaCy's own entities are a second opinion over the same words; two places where it is the
better reading, each measured on its own (``benchmarks/actors_rules.py``):

- a MISC name (``misc_bodies``): the tagger's MISC (nationalities, events, works, products)
  is learned so that such names are *not* actors, and the actor layer drops them before any
  kind rule reads them. A company written as one hyphenated word ("Rolls-Royce will cut 2,500
  jobs", "Hewlett-Packard will split") often lands there. Where spaCy reads exactly that span
  as an organisation, and it is one word of two capitalised halves joined by a hyphen, the
  body is the better reading. CoNLL train says how narrow that must be: of the 150 MISC names
  spaCy reads as organisations there, 129 are MISC (leagues, cups, indexes, "GMT",
  "Medicare") and 3 are bodies;
- a name listed after a plural noun that only bodies are (``listed_bodies``): "corporations
  like Walmart", "retailers such as Joann" are organisations wherever spaCy says so and the
  tagger saw no name.

Both are linear in the number of entities.
"""

from __future__ import annotations

import bisect
import re

from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import lexicon
from reader.analysis.names import PARTICLES, name_key
from reader.analysis.bodies import body_plural
from reader.analysis.tagger import Span


_PAIR = re.compile(r"([A-Z][a-z]+)[-\u2010\u2011]([A-Z][a-z]+)")
"""Two capitalised halves joined by a hyphen: "Rolls-Royce", "Kitchener-Conestoga" (not
"Israel-PLO", nor a run of words: "Major League Baseball")."""


def with_misc_bodies(parsed: Parsed, spans: list[Span]) -> list[Span]:
    """``spans`` with each MISC name that spaCy reads as an organisation over exactly its words,
    a hyphenated pair of capitalised halves of which neither is a demonym ("Israeli-Syrian"),
    a name particle ("Al-Aqsa") nor a word that ends names of events and works ("Euro-Cup"),
    and no place the lists know ("Kwazulu-Natal"), read as an organisation."""
    bodies = {(e.start, e.end) for e in parsed.entities if e.label == "ORG"}
    if not bodies:
        return spans
    lex = lexicon()
    text = parsed.text

    def body(span: Span) -> bool:
        pair = _PAIR.fullmatch(text, span.start, span.end)
        return pair is not None and (span.start, span.end) in bodies and name_key(pair.group()) not in lex.places \
            and not any(lex.is_demonym(half) or half.lower() in PARTICLES or half in lex.misc_words
                        for half in pair.groups())

    return [Span(s.start, s.end, "ORG") if s.label == "MISC" and body(s) else s for s in spans]


_LISTED = re.compile(r"\b([a-z-]+)[ \t]+(?:such[ \t]+as|like|including)[ \t]+(?:[^\W\d_][\w&'\u2019.-]*,?[ \t]+"
                     r"(?:and[ \t]+)?){0,6}$")
"""A plural noun and "such as", "like" or "including", perhaps with names already listed after
it, before a name: "corporations like Walmart", "chains such as Target, Costco and Kroger"."""


def with_listed_bodies(parsed: Parsed, spans: list[Span]) -> list[Span]:
    """``spans`` with each organisation of spaCy's that the tagger passed over, listed after a
    plural noun that only bodies are and "such as", "like" or "including" ("corporations like
    Walmart"), added as an organisation."""
    text = parsed.text
    starts = [s.start for s in spans]
    added = []
    for e in parsed.entities:
        k = bisect.bisect_left(starts, e.end)  # the spans starting before the entity ends
        if e.label != "ORG" or k and spans[k - 1].end > e.start:
            continue
        lead = _LISTED.search(text, max(0, e.start - 120), e.start)
        if lead and body_plural(lead.group(1)):
            added.append(Span(e.start, e.end, "ORG"))
    return sorted(spans + added, key=lambda s: s.start) if added else spans
