"""A person's name that the tagger read as MISC, often because its given name is also a word
of nationalities or faiths ("Christian Pulisic scored twice", "Christian Blanc resigned").

The tagger's MISC spans are dropped before the actor layer reads kinds, so the person would be
lost. A MISC span of two words, or three with an initial between ("Edgar A. Poe"), that opens
with a given name, the other words capitalised and none a common lower-case word nor
hyphenated to a word in lower case ("Donald Trump-led"; "Olivier Bergeron-Hains" is a double
surname), is a person's name: in CoNLL train and dev the tagger reads 2 such spans, both
people in the gold.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import lexicon
from reader.analysis.tagger import Span

_INITIAL = re.compile(r"[A-Z]\.")


def with_misc_people(text: str, spans: list[Span], common: frozenset[str]) -> list[Span]:
    """``spans`` with each MISC span shaped like a person's name (above) read as a person's."""
    lex = lexicon()

    def person(words: list[str]) -> bool:
        if not 2 <= len(words) <= 3 or (len(words) == 3 and not _INITIAL.fullmatch(words[1])):
            return False
        return lex.is_given_name(words[0]) and all(
            w[:1].isupper() and all(part[:1].isupper() for part in w.split("-")) and w.lower() not in common
            for w in words[1:])

    return [Span(s.start, s.end, "PER") if s.label == "MISC" and person(text[s.start:s.end].split()) else s
            for s in spans]
