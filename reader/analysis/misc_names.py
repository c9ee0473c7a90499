"""Names the tagger set aside as MISC that spaCy reads as organisations.

The tagger's MISC (nationalities, events, works, products) is learned so that such names are
*not* actors, and the actor layer drops them before any kind rule reads them. A company
written as one hyphenated or unfamiliar word ("Rolls-Royce will cut 2,500 jobs", "Fantagraphics
will publish") often lands there: the tagger has seen few such words as bodies. spaCy's own
entity is a second opinion over the same words; where it reads exactly that span as an
organisation and the name is no demonym, the body is the better reading. Linear in the
number of entities.
"""

from __future__ import annotations

from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import lexicon
from reader.analysis.tagger import Span


def with_misc_bodies(parsed: Parsed, spans: list[Span]) -> list[Span]:
    """``spans`` with each MISC name that spaCy reads as an organisation over exactly its words,
    and that is no demonym ("Emirati"), read as an organisation (names of events and works
    the lists know are dropped later, whatever their label: :func:`repairs.without_events`)."""
    bodies = {(e.start, e.end) for e in parsed.entities if e.label == "ORG"}
    if not bodies:
        return spans
    lex = lexicon()
    text = parsed.text

    def body(span: Span) -> bool:
        return (span.start, span.end) in bodies and not lex.is_demonym(text[span.start:span.end])

    return [Span(s.start, s.end, "ORG") if s.label == "MISC" and body(s) else s for s in spans]
