"""Clean name spans: what part of an entity the model found is the name itself.

spaCy's spans carry "the", possessives, scores from results tables, titles, and sometimes
two names run together across a comma or a line break. Each is cut here into zero or
more clean pieces, so a mention starts and ends on the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.gazetteer import Lexicon, fold, key

_CONNECTORS = ("of|and|for|the|in|on|upon|de|da|di|del|della|dello|dos|das|du|des|van|von|der|den|la|le|el|al|"
               "bin|ibn|ben|ter|zu|y|e|et|und|am|im|sur")
# Two names run together: a line break, a dash, a possessive standing apart ("Magna 's North
# American"), punctuation, a score ("Pohang 3 Ulsan") or a short lowercase word that joins no
# name ("Yorkshire at Headingley", "J. Gillespie st Kaluwitharana").
_SEPARATORS = re.compile(r"\n|\s[-\u2013\u2014]+\s|\s['\u2019]s\s|[,;:()\[\]\"\u201c\u201d|/]|\s[-+]?\d[\d.,:/\-]*(?=\s)|"
                         rf"\s(?!(?:{_CONNECTORS})\s)(?:[a-z]{{1,4}}\.?|versus)(?=\s)")
_WORD = re.compile(r"\S+")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][A-Za-z]+)")
_EDGE_PUNCT = ".,;:!?'\"\u2018\u2019\u201c\u201d()[]{}*\u2013\u2014-"
_ARTICLES = frozenset({"the", "a", "an"})
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "dos", "das", "du", "van", "von", "der", "den",
                        "la", "le", "bin", "ibn", "ben", "al", "el", "ter", "zu"})
_POSSESSIVES = ("'s", "\u2019s", "'S", "\u2019S")


def name_key(name: str) -> str:
    """How two spellings of one name compare: case, dots and spaces ignored ("U.S." = "US")."""
    return key(name)


@dataclass(frozen=True, slots=True)
class Piece:
    """A clean name span; ``voted`` says whether the model's label applies to it."""

    start: int
    end: int
    voted: bool = True
    titled: bool = False


def capitalised(word: str) -> bool:
    return any(ch.isupper() for ch in word)


def initials_name(words: list[str]) -> bool:
    """"G. Kersey", "J.R. Smith": leading initials are a person's."""
    return len(words) >= 2 and all(re.fullmatch(r"(?:[A-Z]\.)+-?", w) for w in words[:-1]) and words[-1][:1].isupper()


def event_follows(text: str, end: int, lex: Lexicon) -> bool:
    """An event word right after a name makes it part of the event's name ("U.S. Open")."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1) in lex.event_words


def clean_entity(text: str, start: int, end: int, person: bool, lex: Lexicon) -> list[Piece]:
    """Cut one model entity into clean name pieces (none when nothing name-like is left)."""
    pieces: list[Piece] = []
    seg_start = start
    for sep in _SEPARATORS.finditer(text, start, end):
        pieces.extend(_clean_segment(text, seg_start, sep.start(), person, lex))
        seg_start = sep.end()
    pieces.extend(_clean_segment(text, seg_start, end, person, lex))
    return pieces


def _clean_segment(text: str, start: int, end: int, person: bool, lex: Lexicon) -> list[Piece]:
    words = [[m.start(), m.end()] for m in _WORD.finditer(text, start, end)]
    out: list[Piece] = []
    titled = False
    if person:
        cut = _title_cut(text, words, lex)
        if cut:
            head = _trim(text, words[:cut[0]], False, lex)
            if head:
                out.extend(_accept(text, head, lex, voted=False, titled=False))
            words, titled = words[cut[1]:], True
    words = _trim(text, words, person, lex)
    if words:
        out.extend(_accept(text, words, lex, voted=True, titled=titled))
    return out


def _title_cut(text: str, words: list[list[int]], lex: Lexicon) -> tuple[int, int] | None:
    """``(role start, name start)`` word indices when a title stands inside a person span."""
    last = None
    for i in range(len(words) - 1):
        w = text[words[i][0]:words[i][1]]
        if (lex.is_title(w) or lex.is_honorific(w)) and capitalised(text[words[i + 1][0]:words[i + 1][1]]):
            last = i
    if last is None or (last > 0 and text[words[0][0]:words[0][1]] in lex.given_names):
        return None  # "Martin Luther King Jr": the title word is part of the name
    if all(fold(text[s:e]) in ("jr", "sr", "ii", "iii") for s, e in words[last + 1:]):
        return None
    first = last
    while first > 0 and _role_word(text[words[first - 1][0]:words[first - 1][1]], lex):
        first -= 1
    return first, last + 1


def _role_word(word: str, lex: Lexicon) -> bool:
    return lex.is_title(word) or lex.is_honorific(word) or fold(word) in lex.role_modifiers


def _trim(text: str, words: list[list[int]], person: bool, lex: Lexicon) -> list[list[int]]:
    """Drop articles, lowercase words, numbers, possessives, edge punctuation and trailing titles."""
    words = [list(w) for w in words]
    while words:
        s, e = words[0]
        w = text[s:e]
        stripped = w.lstrip(_EDGE_PUNCT)
        if not stripped:
            words.pop(0)
        elif stripped != w:
            words[0][0] = e - len(stripped)
        elif fold(w) in _ARTICLES or (not capitalised(w) and w.lower() not in _PARTICLES) or (
                len(words) > 1 and fold(w) in lex.calendar):  # "the August Chicago NAPM"
            words.pop(0)
        else:
            break
    titles_cut = False
    while words:
        s, e = words[-1]
        w = text[s:e]
        if w in _POSSESSIVES or w in ("'", "\u2019"):
            words.pop()
            continue
        if w.endswith(_POSSESSIVES) and len(w) > 2:
            words[-1][1] = e - 2
            continue
        if w.endswith(("s'", "s\u2019")):
            words[-1][1] = e - 1
            continue
        stripped = w.rstrip(_EDGE_PUNCT.replace(".", ""))
        if stripped.endswith(".") and "." not in stripped[:-1] and len(stripped) > 5:
            stripped = stripped[:-1]
        if not stripped:
            words.pop()
        elif stripped != w:
            words[-1][1] = s + len(stripped)
        elif not capitalised(w):
            words.pop()
        elif not person and (lex.is_title(w) or (titles_cut and fold(w) in lex.role_modifiers)) and _unbound(text, words):
            words.pop()  # "NATO Secretary-General", "Foreign Ministers": a role, not a name
            titles_cut = True
        else:
            break
    return words


def _unbound(text: str, words: list[list[int]]) -> bool:
    """Not held in the name by "of" ("Court of Justice")."""
    return len(words) < 2 or text[words[-2][0]:words[-2][1]].lower() not in ("of", "for", "the", "and")


def _accept(text: str, words: list[list[int]], lex: Lexicon, voted: bool, titled: bool) -> list[Piece]:
    """Keep a trimmed span only if it can be a name at all."""
    ws = [text[s:e] for s, e in words]
    phrase = " ".join(ws)
    if not any(capitalised(w) and w.lower() not in _PARTICLES for w in ws):
        return []
    if all(fold(w) in lex.not_names for w in ws) or lex.is_demonym(phrase):
        return []
    if sum(1 for w in ws if len(w) == 1 and w.isupper()) >= 2:  # "W L PCT GB": a table head
        return []
    if ws[-1] in lex.event_words or event_follows(text, words[-1][1], lex):  # "the Hong Kong Open"
        return []
    if not any(ch.isalpha() for ch in phrase):
        return []
    return [Piece(words[0][0], words[-1][1], voted, titled)]
