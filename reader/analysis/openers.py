"""A sentence's first word is not part of the person's name it stands before.

At a sentence start every word has a capital, so the tagger may read an opening word into
the surname after it: "Absent Sanders, the progressive wing …" gave an organisation "Absent
Sanders", "Unlike Meloni, the chancellor …" a person "Unlike Meloni". The document shows
the cut: the rest, one word, is the surname of a person the document names in full with
another first word ("Bernie Sanders", "Giorgia Meloni"), and the first word is one modern news
writes in lower case (``lower-words.txt``, learned from PolNeAR train's text; CoNLL's common
words hold "rand", the currency, and would cut "Rand Paul") or one spaCy reads as no proper noun. The reverse, ``first_words``: a sentence's first word that the tagger left out of the
person's name after it is the name's first word ("Billie Jean King will present …" read as
"Jean King") when spaCy reads it as a proper noun, modern news does not write it in lower
case, it is no title, form of address, demonym, calendar word or place the lists know, and the
name after it is no surname of a person named in full ("Debating Clinton" beside "Hillary
Clinton"). A given name, a particle or a title is kept
("Will Smith", "Al Sharpton", "King Charles"), and so is a spelling or first word the
document also writes with a capital inside a sentence ("Hope Hicks … said Hope Hicks").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import PARTICLES, name_key, sentence_starts_at
from reader.analysis.tagger import Span

PROPER_TAGS = frozenset({"NNP", "NNPS"})


def without_openers(parsed: Parsed, names: Named) -> Named:
    """``names`` with a sentence's opening word cut from the person's surname it stands before
    (see the module docstring); the cut name is that person's."""
    text = parsed.text
    lex = lexicon()
    tags = {t.start: t.tag for t in parsed.tokens}
    firsts: dict[str, set[str]] = defaultdict(set)  # a person's surname: the first words of full names ending in it
    inside: set[str] = set()  # words written with a capital inside a sentence
    for span, trimmed in names:
        if trimmed is None:
            continue
        words = text[trimmed[0]:trimmed[1]].split()
        if span.label == "PER" and len(words) > 1:
            firsts[name_key(words[-1])].add(words[0])
        if not _opens(text, trimmed[0]):
            inside.add(words[0])
    out: Named = []
    for span, trimmed in names:
        if trimmed is not None and _opens(text, trimmed[0]):
            surface = text[trimmed[0]:trimmed[1]]
            words = surface.split()
            first, key = words[0], name_key(words[-1])
            lower = first.lower() in lex.lower_words or tags.get(trimmed[0], "NNP") not in PROPER_TAGS
            if len(words) == 2 and words[1][:1].isupper() and first.isalpha() and first[1:].islower() \
                    and not lex.is_given_name(first) \
                    and first.lower() not in PARTICLES and not lex.is_title(first) \
                    and first not in inside and lower and firsts[key] - {first}:
                start = trimmed[1] - len(words[1])
                out.append((Span(start, span.end, "PER"), (start, trimmed[1])))
                continue
        out.append((span, trimmed))
    return out


def _opens(text: str, pos: int) -> bool:
    """Whether a sentence starts at ``pos``, after a final stop or a line break, or after a
    dateline's dash ("BRUSSELS — Unlike Meloni, …")."""
    return sentence_starts_at(text, pos) or text[max(0, pos - 2):pos] in ("\u2014 ", "\u2013 ")


def with_first_words(parsed: Parsed, names: Named, common: frozenset[str]) -> Named:
    """``names`` with a person's name that follows a sentence's first word taking that word in
    (see the module docstring)."""
    text = parsed.text
    lex = lexicon()
    tags = {t.start: t.tag for t in parsed.tokens}
    full: Counter[str] = Counter()  # the full names of people and their last words
    for span, trimmed in names:
        if span.label == "PER":
            full.update(_tails(text, trimmed))
    out: Named = []
    for span, trimmed in names:
        key = name_key(text[trimmed[0]:trimmed[1]]) if trimmed is not None else ""
        # the name is no surname of another person named in full (its own full name aside)
        if trimmed is not None and span.label == "PER" and not _opens(text, trimmed[0]) \
                and full[key] <= _tails(text, trimmed)[key]:
            word = _WORD_BEFORE.search(text, max(0, trimmed[0] - 30), trimmed[0])
            if word is not None and _opens(text, word.start()) and (not out or out[-1][0].end <= word.start()) \
                    and tags.get(word.start()) in PROPER_TAGS:
                first = word.group(1)
                if first.lower() not in lex.lower_words and first.lower() not in common and not lex.is_title(first) \
                        and not lex.is_honorific(first) and not lex.is_demonym(first) \
                        and fold(first) not in lex.not_names and name_key(first) not in lex.places:
                    start = word.start()
                    span, trimmed = Span(min(span.start, start), span.end, "PER"), (start, trimmed[1])
        out.append((span, trimmed))
    return out


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")


def _tails(text: str, trimmed: tuple[int, int] | None) -> Counter[str]:
    """A person's name of two words or more and its last words ("Hillary Clinton", "Clinton")."""
    words = text[trimmed[0]:trimmed[1]].split() if trimmed is not None else []
    return Counter(name_key(" ".join(words[k:])) for k in range(len(words))) if len(words) > 1 else Counter()
