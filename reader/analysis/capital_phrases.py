"""A phrase in capitals that the tagger read as one name is a sentence when most of its
words are common lower-case words: a paragraph's run-in heading ("IOWA POLLS NOT
NECESSARILY WRONG — …"), a sports headline ("LIVERPOOL CLINCH TITLE AS CITY LOSE AT
CHELSEA"). A name in capitals holds at most half such words ("HONG KONG ECONOMIC TIMES",
"MING PAO DAILY NEWS") or ends in a word that ends bodies' or places' names ("OHIO BUILDING
AUTHORITY"), and a dateline's place stands before a comma ("BATKIVSHCHYNA COLLECTIVE FARM ,
Ukraine").
"""

from __future__ import annotations

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named


def without_capital_phrases(text: str, names: Named, common: frozenset[str]) -> Named:
    """``names`` without the phrases in capitals of three words or more, more than half of
    them common lower-case words (``common``), whose last word ends no body's or place's name
    and after which no comma follows."""
    lex = lexicon()
    out: Named = []
    for span, trimmed in names:
        if trimmed is not None and text[trimmed[0]:trimmed[1]].isupper():
            words = text[trimmed[0]:trimmed[1]].split()
            last = words[-1].capitalize()
            if len(words) >= 3 and 2 * sum(_folded(w) in common for w in words) > len(words) \
                    and last not in lex.org_words and last not in lex.place_words \
                    and not text[trimmed[1]:trimmed[1] + 2].lstrip(" ").startswith(","):
                continue
        out.append((span, trimmed))
    return out


def _folded(word: str) -> str:
    """A word in capitals as the common word it may be ("DON’T" → "don't", "OZ’S" → "oz")."""
    word = word.lower().replace("\u2019", "'")
    return word[:-2] if word.endswith("'s") else word
