"""A sentence's first word is not part of the person's name it stands before.

At a sentence start every word has a capital, so the tagger may read an opening word into
the surname after it: "Absent Sanders, the progressive wing …" gave an organisation "Absent
Sanders", "Unlike Meloni, the chancellor …" a person "Unlike Meloni". The document shows
the cut: the rest, one word, is the surname of a person the document names in full with
another first word ("Bernie Sanders", "Giorgia Meloni"), and the first word is one modern news
writes in lower case (``lower-words.txt``, learned from PolNeAR train's text; CoNLL's common
words hold "rand", the currency, and would cut "Rand Paul") or one spaCy reads as no proper noun. A given name, a particle or a title is kept
("Will Smith", "Al Sharpton", "King Charles"), and so is a spelling or first word the
document also writes with a capital inside a sentence ("Hope Hicks … said Hope Hicks").
"""

from __future__ import annotations

from collections import defaultdict

from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import lexicon
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
    given = lex.given_names | lex.learned_given_names
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
                    and first not in given and first.lower() not in PARTICLES and not lex.is_title(first) \
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
