"""A name right after a word of kinship is a person's: "whose twin brother Nico Zurbriggen".

"his daughter Petra", "her cousin, Donald MacLeod", "whose twin brother Nico Zurbriggen": only
a person is someone's brother, daughter or widow. A name of two words or more the tagger read as
a body or a place right after such a word, with a possessive before it, is a person's, unless a
word of it names a body.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import BODY_OR_PLACE, Named, relabelled

KIN_BEFORE = re.compile(
    r"\b(?:his|her|their|whose|my|our|your)[ \t]+(?:[a-z]+[ \t]+)?(?:brother|sister|son|daughter|wife|husband|"
    r"cousin|nephew|niece|grandson|granddaughter|grandfather|grandmother|father|mother|uncle|aunt|widow|widower|"
    r"stepson|stepdaughter|twin)[ \t]*,?[ \t]+$", re.IGNORECASE)
"""A possessive, perhaps a word ("twin", "eldest"), and a word of kinship right before a name."""


def kin_people(text: str, names: Named) -> Named:
    """``names`` with a body or place of two words or more right after a word of kinship read as
    a person (see the module docstring)."""
    lex = lexicon()

    def kin(name: str, where: tuple[int, int]) -> bool:
        words = name.split()
        return len(words) > 1 and KIN_BEFORE.search(text, max(0, where[0] - 40), where[0]) is not None \
            and not any(w in lex.org_words or w in lex.corporate_suffixes for w in words)

    return relabelled(text, names, BODY_OR_PLACE, "PER", kin)
