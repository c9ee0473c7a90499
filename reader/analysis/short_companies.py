"""A company's name without its legal form is the company, though the tagger read a person.

Firms named after their founders are written in full once ("Kessler Maschinenbau GmbH") and
then without the legal form ("has run Kessler Maschinenbau since 2011"), where the tagger,
seeing a surname, may read a person. The joins make a short form the company's only within
one kind, and keep a person's two-word name apart from a company named after him ("Dario
Esposito" of "Dario Esposito Holdings"); here a person's reading of exactly the company's
name without its legal form is the company, unless it opens with a given name or is the
surname of a person the text names in full ("Marlowe" of "Marlowe Inc." beside "Theo
Marlowe": the founder may be meant).
"""

from __future__ import annotations

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named, person_surnames, relabelled
from reader.analysis.names import name_key


def short_companies(text: str, names: Named) -> Named:
    """``names`` with a person's reading of a company's name without its legal form read as the
    company (see the module docstring)."""
    lex = lexicon()
    shorts: set[str] = set()
    for span, t in names:
        words = text[t[0]:t[1]].split() if t and span.label == "ORG" else []
        while len(words) > 1 and words[-1].replace(".", "").rstrip(",") in lex.corporate_suffixes:
            words = words[:-1]
            shorts.add(name_key(" ".join(words)))
    if not shorts:
        return names
    shorts -= person_surnames(text, names, full_only=True)
    return relabelled(text, names, ("PER",), "ORG", lambda name, _: name_key(name) in shorts
                      and not lex.is_given_name(name.split()[0]))
