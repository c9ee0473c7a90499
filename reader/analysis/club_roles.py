"""Clubs named after their towns, shown by a player's or coach's role after the name.

"Valencia centre-back Álvaro Ruiz", "the Getafe goalkeeper", "Basel coach Fabio De Santis":
sports prose names a club by its town, and before a player's role the town is the club (in
CoNLL train and dev every such name before "coach", "defender", "striker", "midfielder",
"goalkeeper", "fullback", "forward", "playmaker" or "skipper" is a club, but for countries,
which CoNLL marks as places: a national side). Once a text names a club so, the same name read
as a place or a person elsewhere is the club ("Valencia’s sporting director", "which Getafe
won", "the Basel defence"), unless a preposition of place stands before it ("a game in Getafe")
and no role or part of a team after it, or it heads a dateline: the rule :mod:`results` applies to a town a score shows to be a club.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named, relabelled
from reader.analysis.names import name_key
from reader.analysis.results import town_readings

PLAYER_ROLE = re.compile(
    r"(?:['\u2019]s)?[ \t]+(?:head[ \t]+|assistant[ \t]+)?(?:coach|manager|captain|skipper|goalkeeper|keeper|"
    r"striker|defender|midfielder|cent(?:re|er)-back|winger|forward|full-?back|playmaker)\b", re.IGNORECASE)
"""A player's or coach's role right after a name."""
_PLAYER_BEFORE = re.compile(
    r"\b(?:coach|goalkeeper|striker|defender|midfielder|cent(?:re|er)-back|winger|full-?back|playmaker)[ \t]+$")
"""A player's or coach's role in lower case right before a name (not "forward", "captain" or
"manager", which are other words too)."""
TEAM_PART = re.compile(r"(?:['\u2019]s)?[ \t]+(?:defen[cs]e|attack|midfield|squad|bench|fans|supporters)\b", re.IGNORECASE)
"""A part of a team right after a name: once the text names the club, the name there is it,
after a preposition too ("plays in the Basel defence")."""
MOST_WORDS = 3
"""The longest town-named club read so ("Real Sociedad", "St Gallen", "Paris Saint-Germain")."""


def role_clubs(text: str, names: Named) -> Named:
    """``names`` with a town a player's role shows to be a club read as the club there and
    wherever else it is read as a place or a one-word person (see the module docstring)."""
    countries = lexicon().countries
    clubs: set[str] = set()
    for span, t in names:
        if t is None or span.label not in ("LOC", "PER", "ORG") or len(text[t[0]:t[1]].split()) > MOST_WORDS:
            continue
        key = name_key(text[t[0]:t[1]])
        if key not in countries and PLAYER_ROLE.match(text, t[1]):
            clubs.add(key)
    if not clubs:
        return names
    towns = town_readings(text)

    def club(name: str, where: tuple[int, int]) -> bool:
        return name_key(name) in clubs and (
            bool(PLAYER_ROLE.match(text, where[1]) or TEAM_PART.match(text, where[1])) or not towns(where))

    names = relabelled(text, names, ("LOC",), "ORG", club)
    return relabelled(text, names, ("PER",), "ORG", lambda name, where: len(name.split()) == 1 and club(name, where))


def role_players(text: str, names: Named) -> Named:
    """``names`` with a name of two words or more read as a body or a place right after a
    player's or coach's role ("Valencia centre-back Álvaro Ruiz Cifuentes") read as a person,
    unless a word of it names a body."""
    lex = lexicon()

    def player(name: str, where: tuple[int, int]) -> bool:
        words = name.split()
        return len(words) > 1 and _PLAYER_BEFORE.search(text, max(0, where[0] - 20), where[0]) is not None \
            and not any(w in lex.org_words or w in lex.corporate_suffixes for w in words)

    return relabelled(text, names, ("ORG", "LOC"), "PER", player)
