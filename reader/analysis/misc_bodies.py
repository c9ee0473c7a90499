"""Companies written as a hyphenated pair ("Rolls-Royce") that the tagger read as MISC or a person.

The tagger's MISC (nationalities, events, works, products) is learned so that such names are
*not* actors, and the actor layer drops them before any kind rule reads them. A company written as one hyphenated word ("Rolls-Royce will cut 2,500
jobs", "Hewlett-Packard will split") often lands there. spaCy's own entity is a second
opinion over the same words: where it reads exactly that span as an organisation, and it is
one word of two capitalised halves joined by a hyphen, the body is the better reading. CoNLL
train says how narrow that must be: of the 150 MISC names spaCy reads as organisations there,
129 are MISC (leagues, cups, indexes, "GMT", "Medicare") and 3 are bodies (``misc_bodies``).
The same pair read as a person ("Ocean-Vale raised its dividend") looks like a double-barrelled
surname; where spaCy reads it as an organisation and no person of the text bears it, the body
is the better reading (``pair_bodies``). A name that opens with a demonym and ends in a word
that names a body ("Brazilian Football Confederation", "Irish Farmers Association") lands in
MISC too; where spaCy reads exactly it as an organisation, it is one (``misc_org_words``). All
are linear in the number of names.
"""

from __future__ import annotations

import re

from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import lexicon
from reader.analysis.names import PARTICLES, name_key
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


def with_pair_bodies(parsed: Parsed, spans: list[Span]) -> list[Span]:
    """``spans`` with each name read as a person that is only a hyphenated pair of capitalised
    halves ("Ocean-Vale raised its dividend") read as an organisation where spaCy reads it so,
    no person of the text has it for a surname ("Alexandria Ocasio-Cortez" … "Ocasio-Cortez")
    and spaCy reads no other mention of it otherwise (the full name missed, "Ocasio-Cortez"
    an organisation once and nothing, or a person, the next time)."""
    text = parsed.text
    candidates = [s for s in spans if s.label == "PER" and _PAIR.fullmatch(text, s.start, s.end)]
    if not candidates:
        return spans
    bodies = {(e.start, e.end) for e in parsed.entities if e.label == "ORG"}
    people = {name_key(words[-1]) for s in spans if s.label == "PER"
                for words in [text[s.start:s.end].split()] if len(words) > 1}
    people |= {name_key(text[s.start:s.end]) for s in candidates if (s.start, s.end) not in bodies}
    lex = lexicon()
    found = {(s.start, s.end) for s in candidates if (s.start, s.end) in bodies
             and name_key(text[s.start:s.end]) not in people and not any(
                 lex.is_demonym(half) or half in lex.given_names for half in text[s.start:s.end].replace("\u2010", "-")
                 .replace("\u2011", "-").split("-"))}
    return [Span(s.start, s.end, "ORG") if (s.start, s.end) in found else s for s in spans]


def with_org_word_bodies(parsed: Parsed, spans: list[Span]) -> list[Span]:
    """``spans`` with each MISC name of two words or more that ends in a word of
    ``org-words.txt`` ("Confederation", "Association") and that spaCy reads as an organisation
    over exactly its words ("the" aside) read as an organisation; not a word that ends mostly MISC names in
    CoNLL train (``misc-org-words.txt``: "American League")."""
    starts = {e.end: e.start for e in parsed.entities if e.label == "ORG"}
    lex = lexicon()
    org_words = lex.org_words - lex.misc_org_words
    text = parsed.text

    def body(span: Span) -> bool:
        words = text[span.start:span.end].split()
        return len(words) > 1 and words[-1] in org_words and span.end in starts \
            and text[starts[span.end]:span.start].strip().lower() in ("", "the")

    return [Span(s.start, s.end, "ORG") if s.label == "MISC" and body(s) else s for s in spans]
