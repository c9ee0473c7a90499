"""A one-word name the text has already shown to be a person's is that person where the
tagger reads it as a body or a place.

Two kinds of evidence in the document, both about how people are named: a title or form of
address right before the word, whatever the tagger read there ("Princess Diana", "King
Hintsa", "Mr. Okafor"), and a given name that opens a full name read as a person
("Melissa Russo" … "Julie and Melissa"; "Chelsea Clinton" … "Chelsea"). The tagger reads
each mention with its sentence ("an injunction obtained by Diana" may read as a body); the
document says who she is. A word the lists know as a place or a body, or a dateline's
place, keeps the tagger's reading.
"""

from __future__ import annotations

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import BODY_OR_PLACE, Named, relabelled, titled
from reader.analysis.names import name_key


def person_words(text: str, names: Named) -> Named:
    """``names`` with a one-word body or place that the document writes as a titled person or
    as the given name of a person named in full read as that person."""
    lex = lexicon()
    people: set[str] = set()
    for span, trimmed in names:
        if not trimmed or span.label not in ("PER", *BODY_OR_PLACE):
            continue
        words = text[trimmed[0]:trimmed[1]].split()
        if span.label == "PER" and len(words) > 1 and lex.is_given_name(words[0]):
            people.add(name_key(words[0]))
        if len(words) == 1 and titled(text, trimmed[0], lex):
            people.add(name_key(words[0]))
    people -= lex.places | lex.organizations
    if not people:
        return names
    return relabelled(text, names, BODY_OR_PLACE, "PER",
                      lambda name, _: len(name.split()) == 1 and name_key(name) in people)
