"""One kind per actor, from the evidence of the whole document.

The model's label on each mention is one vote; the words of the name are stronger
evidence: a known country is a place, "Ministry" or "Inc" make an organisation, a given
name, initials or a title before the name make a person.
"""

from __future__ import annotations

from collections import Counter

from reader.analysis.gazetteer import Lexicon
from reader.analysis.model import ActorKind
from reader.analysis.names import initials_name, name_key

LABEL_KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                                     "FAC": "place"}

KNOWN_PLACE = 6
NAME_WORD = 4
PERSON_SHAPE = 3
TITLE = 3
PLACE_PREPOSITION = 1
PLACE_NOUN = 3
OFFICER = 2
DATELINE = 6


def name_evidence(surface: str, lex: Lexicon) -> Counter[ActorKind]:
    """What the words of one name say about its kind, before any context."""
    score: Counter[ActorKind] = Counter()
    if name_key(surface) in lex.places:
        score["place"] += KNOWN_PLACE
        return score
    words = surface.split()
    if any(w.replace(".", "") in lex.org_words for w in words[1:]) or (
            len(words) > 1 and words[0] in lex.org_words and words[1].lower() in ("of", "for")):
        score["organization"] += NAME_WORD
    elif any(w in lex.place_words for w in words) and len(words) > 1:
        score["place"] += NAME_WORD
    if len(words) > 1 and (words[0] in lex.given_names or (initials_name(words) and name_key(words[0]) not in lex.places)):
        score["person"] += PERSON_SHAPE
    return score


def decide(score: Counter[ActorKind], votes: Counter[ActorKind]) -> ActorKind | None:
    """The kind with most evidence, the model's votes breaking ties; ``None`` without any."""
    total = score + votes
    if not total:
        return None
    order: tuple[ActorKind, ...] = ("person", "organization", "place")
    return max(order, key=lambda k: (total[k], votes[k], -order.index(k)))
