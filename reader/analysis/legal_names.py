"""A company written with and without its legal form: "Hendriks Bakeries B.V." … "Hendriks Bakeries".

A headline or a later sentence drops a company's legal form, and the tagger may then read what
is left, a family name and a noun ("Hendriks Bakeries") or two family names ("Ferretti Di
Marco"), as a person. Where the text writes the same words with a legal form after them
("B.V.", "S.p.A.", "Inc": a suffix of the lists of four letters at most or not written as a
word; not "Holdings", "Group" or "Limited": "Dario Esposito Holdings" is named after the person
"Dario Esposito"), they are the company, unless they open
with a given name ("Calvin Klein" beside "Calvin Klein Inc." may be the designer). A name of one
word is left to the joins, which give a company's short name the company's kind.
"""

from __future__ import annotations

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named, relabelled
from reader.analysis.names import name_key


def legal_form(word: str) -> bool:
    """Whether ``word`` is a company's legal form ("B.V.", "S.p.A.", "Inc", "GmbH"), not a word
    of the company suffixes that is a word of English ("Holdings", "Limited")."""
    w = word.replace(".", "").rstrip(",")
    return w in lexicon().corporate_suffixes and (len(w) <= 4 or not (w[:1].isupper() and w[1:].islower()))


def legal_bodies(text: str, names: Named) -> Named:
    """``names`` with a person or place that is a company of the text without its legal form
    read as that company (see the module docstring)."""
    lex = lexicon()
    bodies: set[str] = set()
    for span, t in names:
        words = text[t[0]:t[1]].split() if t is not None and span.label == "ORG" else []
        cut = len(words)
        while cut > 2 and legal_form(words[cut - 1]):
            cut -= 1
        if 1 < cut < len(words):
            bodies.add(name_key(" ".join(words[:cut])))
    if not bodies:
        return names
    return relabelled(text, names, ("PER", "LOC"), "ORG", lambda name, _: name_key(name) in bodies
                      and name.split()[0] not in lex.given_names)
