"""A name's kind where the document contradicts the tagger's label.

The tagger reads a name in its sentence; some evidence is only in the rest of the
document, and these steps read it, each measured on its own (``benchmarks/actors_rules.py``):

- a family: "the Castellanos" beside the person "Rhona Castellano" are people;
- a surname: "Garland" read as a place, in an article about the person "Merrick Garland",
  is him;
- an organisation named after a person: "Trump University", "Castellano Foundation" end in
  a word that names a body.
"""

from __future__ import annotations

from reader.analysis.gazetteer import lexicon
from reader.analysis.names import name_key
from reader.analysis.tagger import Span

Named = list[tuple[Span, tuple[int, int] | None]]
"""The tagger's spans with the name each holds once trimmed (None: no name)."""


def _relabel(span: Span, label: str) -> Span:
    return Span(span.start, span.end, label)


def _surnames(text: str, names: Named, full_only: bool) -> set[str]:
    """The last words of the people named (only of full names when ``full_only``)."""
    out = set()
    for span, trimmed in names:
        if trimmed and span.label == "PER":
            words = text[trimmed[0]:trimmed[1]].split()
            if len(words) > 1 or not full_only:
                out.add(name_key(words[-1]))
    return out


def families(text: str, names: Named) -> Named:
    """"The Castellanos" are the family of the person "Castellano" the text names: people, not
    a place or a body (the plural of a person's surname, with -s or -es)."""
    surnames = _surnames(text, names, full_only=False)
    if not surnames:
        return names
    out = []
    for span, trimmed in names:
        if trimmed and span.label != "PER":
            key = name_key(text[trimmed[0]:trimmed[1]])
            if key.endswith("s") and (key[:-1] in surnames or (key.endswith("es") and key[:-2] in surnames)):
                span = _relabel(span, "PER")
        out.append((span, trimmed))
    return out


def surname_kinds(text: str, names: Named) -> Named:
    """A one-word name read as a body or a place that is the surname of a person the text
    names in full ("Merrick Garland" … "Garland") is that person."""
    surnames = _surnames(text, names, full_only=True)
    if not surnames:
        return names
    out = []
    for span, trimmed in names:
        if trimmed and span.label != "PER" and " " not in text[trimmed[0]:trimmed[1]] \
                and name_key(text[trimmed[0]:trimmed[1]]) in surnames:
            span = _relabel(span, "PER")
        out.append((span, trimmed))
    return out


def org_word_kinds(text: str, names: Named) -> Named:
    """A "person" whose last word names a body ("Trump University", "Castellano Foundation")
    is an organisation, unless a given name opens it ("Ellen Post")."""
    lex = lexicon()
    out = []
    for span, trimmed in names:
        if trimmed and span.label == "PER":
            parts = text[trimmed[0]:trimmed[1]].split()
            if len(parts) > 1 and parts[-1] in lex.org_words and parts[0] not in lex.given_names:
                span = _relabel(span, "ORG")
        out.append((span, trimmed))
    return out
