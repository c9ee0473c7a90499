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

# Weights of each kind of evidence, counted in model votes (one per mention the model labelled).
KNOWN_NAME = 6  # the name is in the gazetteer of places or of organisations (once per spelling)
NAME_WORD = 4  # "Ministry", "Inc", "Republic", "River" in the name (once per spelling)
PERSON_SHAPE = 3  # a given name or initials first (once per spelling)
TITLE = 3  # "President X", "Mr X" (per mention)
PLACE_PREPOSITION = 1  # "in X", "near X" (per mention)
PLACE_NOUN = 3  # "the city of X" (per mention)
SPEAKER = 1  # "X said", "X told reporters": bodies speak too, so only a nudge (per mention)
OFFICER = 2  # "X captain", "X spokesman" (per mention)
DATELINE = 6  # "LONDON 1996-08-30" (per mention)


def name_evidence(surface: str, lex: Lexicon) -> Counter[ActorKind]:
    """What the words of one name say about its kind, before any context."""
    score: Counter[ActorKind] = Counter()
    if name_key(surface) in lex.places:
        score["place"] += KNOWN_NAME
        return score
    if name_key(surface) in lex.organizations:
        score["organization"] += KNOWN_NAME
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
