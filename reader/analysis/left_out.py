"""Parts of a person's name the tagger left out: a given name before the surname, a given
name's lower-case half after a hyphen.

CoNLL's people are mostly English, German and Dutch names; the tagger reads an unfamiliar
surname as the whole name and leaves out the familiar given name before it ("Publisher
Thomas Price-Lowther" as "Price-Lowther", "former deputy Ahmet Çelik-Demirtaş" as
"Çelik-Demirtaş"), and stops a Korean given name at its hyphen ("Park Seo-yeon" as "Park
Seo").

``given_before``: a word the lists know as a given name, right before a person's name that
does not open with one, is the name's first word; not a title, a form of address, a place
or a demonym, nor a word another name holds. So is a word the tagger set aside as MISC where
spaCy reads it and the name as one person's ("substitute Kwame Asante-Boateng"). ``hyphen_tails``: a person's name of two words or more glued
by a hyphen to a syllable in lower case takes it in when it is no word news writes in lower
case ("Kang Young-hoon"; "Merkel-led", "Trump-isms", "Census-taker" stay apart); a surname of
one word read alone takes in such a given name after it ("Kim" of "Kim Do-yeon").
"""

from __future__ import annotations

import re

from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import name_key
from reader.analysis.openers import PROPER_TAGS
from reader.analysis.tagger import Span

_WORD_BEFORE = re.compile(r"(?<![\w'\u2019.-])([A-Z\u00c0-\u00de][^\W\d_]+)[ \t]+$")
_LOWER_TAIL = re.compile(r"[-\u2010\u2011]([a-z]+)(?![\w-])")
_HYPHENED_GIVEN = re.compile(r"[ \t][A-Z][a-z]{1,4}[-\u2010\u2011]([a-z]{2,5})(?![\w-])")
"""A given name of two syllables joined by a hyphen, the second in lower case, after a surname
of one word ("Kim Do-yeon")."""
MAX_TAIL = 5
"""The longest lower-case half of a given name, in letters: a syllable ("hoon", "yeon", "seong")."""


def with_given_before(parsed: Parsed, spans: list[Span]) -> list[Span]:
    """``spans`` where a person's name takes in a given name the tagger left out before it
    (see the module docstring)."""
    text = parsed.text
    lex = lexicon()
    tags = {t.start: t.tag for t in parsed.tokens}
    people = {(e.start, e.end) for e in parsed.entities if e.label == "PERSON"}
    out: list[Span] = []
    for span in spans:
        if span.label == "PER" and out and _set_aside_given(text, out[-1], span, people):
            out[-1] = Span(out[-1].start, span.end, "PER")
            continue
        if span.label == "PER" and not lex.is_given_name(text[span.start:span.end].split()[0]):
            before = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
            if before is not None and (not out or out[-1].end <= before.start()) \
                    and tags.get(before.start()) in PROPER_TAGS and _given_name(before.group(1)):
                span = Span(before.start(), span.end, "PER")
        out.append(span)
    return out


def _set_aside_given(text: str, before: Span, span: Span, people: set[tuple[int, int]]) -> bool:
    """Whether ``before`` is a given name the tagger set aside as MISC right before the person's
    name ``span``, spaCy reading the two words as one person's name ("substitute Kwame
    Asante-Boateng"): one capitalised word, one space, no demonym."""
    word = text[before.start:before.end]
    return before.label == "MISC" and text[before.end:span.start] == " " and (before.start, span.end) in people \
        and word.isalpha() and word[:1].isupper() and not lexicon().is_demonym(word)


def _given_name(word: str) -> bool:
    lex = lexicon()
    return lex.is_given_name(word) and not lex.is_title(word) and not lex.is_honorific(word) \
        and not lex.is_demonym(word) and name_key(word) not in lex.places and fold(word) not in lex.not_names


def hyphen_tails(text: str, names: Named, common: frozenset[str]) -> Named:
    """``names`` where a person's name glued by a hyphen to a word in lower case that is no common
    word takes it in (see the module docstring); ``common`` holds the words usually written in
    lower case."""
    lower = lexicon().lower_words
    out: Named = []
    for span, trimmed in names:
        if trimmed is not None and span.label == "PER" and " " not in text[trimmed[0]:trimmed[1]]:
            given = _HYPHENED_GIVEN.match(text, trimmed[1])
            if given is not None and given.group(1) not in common and given.group(1) not in lower:
                span, trimmed = Span(span.start, max(span.end, given.end()), "PER"), (trimmed[0], given.end())
        if trimmed is not None and span.label == "PER":
            tail = _LOWER_TAIL.match(text, trimmed[1])
            if tail is not None and " " in text[trimmed[0]:trimmed[1]] and len(tail.group(1)) <= MAX_TAIL \
                    and tail.group(1) not in common and tail.group(1) not in lower:
                span, trimmed = Span(span.start, max(span.end, tail.end()), "PER"), (trimmed[0], tail.end())
        out.append((span, trimmed))
    return out
