"""A given name the tagger left out before a surname's particles is the name's first word.

Names with particles are rare in CoNLL, and the tagger often reads only the surname, with or
without its particles: "Katharina von der Heyden" as "der Heyden", "Jan ter Braak" as
"Braak", "Karima el-Amrani" as "Amrani", "Els Van den Broeck" as "Van den Broeck". In
English a capitalised word right before lower-case particles and a person's surname is that
person's given name, unless it is a title or a form of address ("Chancellor von der Leyen"),
or, when the lists know it as no given name ("Jan" is one), a demonym, a place, a calendar
word or a word news writes in lower case ("Yesterday de Blasio").
The step runs on the tagger's spans, before headings read the body's names, so "Von der
Heyden" in a headline finds the whole name the body gives; the later steps then join the
surname's other mentions to it (``particles``).

``shared_surnames``: a full name with particles read as a body whose surname the text gives a
person ("Pieter de Graaf" beside "Joost de Graaf") is a person: two people of one family,
common in news of family firms, where the tagger's document features pull the name towards
the firm it founded. Without particles the same reading made "Dump Trump", "Ruch Chorzow"
and "Brown County" people over PolNeAR and CoNLL, so it stays with them.
"""

from __future__ import annotations

import re

from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.kinds import BODY_OR_PLACE, Named, relabelled
from reader.analysis.names import PARTICLES, name_key, sentence_starts_at, starts_with_particle
from reader.analysis.openers import PROPER_TAGS
from reader.analysis.tagger import Span

_BEFORE = re.compile(r"(?<![\w'\u2019.-])(?P<word>[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)?)"
                     r"(?P<run>(?:[ \t]+(?:" + "|".join(sorted(PARTICLES)) + r"))*)[ \t]+(?P<glued>(?:el|al)-)?$")
"""A word, lower-case particles and the space (or an "el-"/"al-" glued to the surname) before a name."""
_LOOK_BACK = 60


def with_given_particles(parsed: Parsed, spans: list[Span], common: frozenset[str]) -> list[Span]:
    """``spans`` where a person's surname after particles (or opening with one) takes in the
    given name before them (see the module docstring); ``common`` holds the words usually
    written in lower case."""
    text = parsed.text
    tags = {t.start: t.tag for t in parsed.tokens}
    out: list[Span] = []
    for span in spans:
        start = _given_name_start(text, span, tags, common) if span.label == "PER" else None
        if start is not None and (not out or out[-1].end <= start):
            span = Span(start, span.end, "PER")
        out.append(span)
    return out


def _given_name_start(text: str, span: Span, tags: dict[int, str], common: frozenset[str]) -> int | None:
    """Where the given name before ``span``'s particles starts, or None."""
    before = _BEFORE.search(text, max(0, span.start - _LOOK_BACK), span.start)
    if before is None:
        return None
    first = text[span.start:span.end].split(maxsplit=1)[0]
    opens_with_particle = first.lower() in PARTICLES or first.split("-", 1)[0].lower() in PARTICLES and "-" in first
    if not (before.group("run") or before.group("glued") or opens_with_particle):
        return None
    word = before.group("word")
    lex = lexicon()
    if not word[1:].replace("-", "").islower() or word.lower() in PARTICLES or lex.is_title(word) \
            or lex.is_honorific(word) \
            or tags.get(before.start()) not in PROPER_TAGS \
            and (not word[0].isupper() or sentence_starts_at(text, before.start())):
        return None  # mid-sentence, the capital is the evidence: "Annelies" is often tagged a verb
    if not lex.is_given_name(word) and (word.lower() in common or word.lower() in lex.lower_words
                                        or lex.is_demonym(word) or fold(word) in lex.not_names
                                        or name_key(word) in lex.places):
        return None  # "Jan ter Braak": a given name, whatever else the word is
    return before.start()


def shared_surnames(text: str, names: Named) -> Named:
    """A body or place of a word, particles and a surname whose particles and surname are a
    person's in the text, written alone or after another given name ("Pieter de Graaf" read as
    a body beside "Joost de Graaf" or "De Boer said"), is a person too: the first word is a given
    name. Not where a word of it names a body or a place, or the lists know it as one."""
    lex = lexicon()
    surnames: set[str] = set()
    for span, t in names:
        if t and span.label == "PER":
            name = text[t[0]:t[1]]
            surnames.add(name_key(name) if starts_with_particle(name) else name_key(" ".join(name.split()[1:])))

    def shared(name: str, _: tuple[int, int]) -> bool:
        words = name.split()
        return 2 < len(words) <= 5 and starts_with_particle(" ".join(words[1:])) \
            and name_key(" ".join(words[1:])) in surnames \
            and words[0][:1].isupper() and words[0][1:].islower() and words[0].isalpha() and not lex.is_title(words[0]) \
            and not lex.knows(name) \
            and all(w not in lex.org_words and w not in lex.corporate_suffixes and w not in lex.place_words
                    and fold(w) not in lex.not_names for w in words)

    return relabelled(text, names, BODY_OR_PLACE, "PER", shared)
