"""A sentence's first word read into the person's name of three words or more after it.

At a sentence start every word has a capital, and the tagger reads a noun there into a long
name after it: "Drummer Jean-Baptiste Le Goff, who grew up …", "Comedian Sarah Silverman"
as one person. :mod:`openers` cuts such a word from a surname the document names in full;
``opening_words`` cuts it from a person's name whose second word (or its first half before a
hyphen) is a given name of the lists, when the first is a word news writes in lower case or a
noun for what a person does ("Drummer", "Pollster") and none of these: a given name, a title,
a particle, a word the text writes with a capital inside a sentence ("Earl Ray Tomblin",
"Gert Jan Van Doorn" keep theirs); nor when the text writes the whole name again ("Pier
Francesco Chili" twice).
"""

from __future__ import annotations

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import PARTICLES, sentence_starts_at
from reader.analysis.tagger import Span

AGENT_ENDINGS = ("er", "ist", "ian", "or")
"""Endings of nouns for what a person does ("Drummer", "Pollster", "Comedian"), which news puts
before a name as a title."""


def without_opening_words(text: str, names: Named, common: frozenset[str]) -> Named:
    """``names`` with a sentence's first word cut from the person's long name after it (see the
    module docstring); ``common`` holds the words usually written in lower case."""
    lex = lexicon()
    inside = {text[t[0]:t[1]].split()[0] for _, t in names if t and not sentence_starts_at(text, t[0])}
    out: Named = []
    for span, trimmed in names:
        if trimmed is not None and span.label == "PER" and sentence_starts_at(text, trimmed[0]):
            words = text[trimmed[0]:trimmed[1]].split()
            first = words[0]
            if len(words) > 2 and first.isalpha() and first[1:].islower() and first not in inside \
                    and text.count(text[trimmed[0]:trimmed[1]]) == 1 and first.lower() not in PARTICLES \
                    and not lex.is_given_name(first) and not lex.is_title(first) \
                    and lex.is_given_name(words[1].split("-")[0]) \
                    and (first.lower() in lex.lower_words or first.lower() in common or first.endswith(AGENT_ENDINGS)):
                start = trimmed[0] + len(first)
                while text[start].isspace():
                    start += 1
                out.append((Span(start, span.end, span.label), (start, trimmed[1])))
                continue
        out.append((span, trimmed))
    return out
