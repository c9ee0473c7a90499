"""Name spans and spellings: where a name starts and ends, and when two spellings are one.

The tagger labels whole tokens; what it may leave at the edges of a name is cut here:
"the" or another word in lower case before it ("the federal Securities and Exchange
Commission"; a name particle stays: "de Blasio"), a possessive after it ("Kitchener’s" →
"Kitchener", exactly: the apostrophe and the s, never a letter of the name), stray
punctuation.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import key

PARTICLES = frozenset({"de", "da", "di", "del", "della", "dos", "das", "du", "van", "von", "der", "den", "la", "le",
                       "bin", "binti", "bint", "ibn", "ben", "al", "el", "ter", "zu", "ten", "op", "y", "wa", "ap"})
"""Lower-case words inside names ("Ursula von der Leyen", "Luiz da Silva", "Faisal bin Nasser",
"Siti binti Osman", "Kengo wa Dondo", "Eleri ap Rhys")."""
MAX_PARTICLES = 3

_EDGE_PUNCT = ".,;:!?'\"\u2018\u2019\u201c\u201d()[]{}*\u2013\u2014-"
_ARTICLES = ("the ", "The ", "THE ")
_POSSESSIVES = ("'s", "\u2019s", "\u2018s", "'S", "\u2019S")
_APOSTROPHES = ("'", "\u2019")
_CLOSING_QUOTES = ('"', "\u201d")
_LOWER_WORD = re.compile(r"[a-z]+ ")
_LINE_MARK = re.compile(r"[ \t]*(?:#{1,6}|[-*+\u2022]|\d{1,3}[.)])[ \t]*")


TOWN_PAPERS = frozenset({
    "Herald", "Star", "Citizen", "Times", "Post", "Tribune", "Gazette", "Journal", "Globe", "Sun", "Chronicle",
    "Observer", "Examiner", "Inquirer", "Telegraph", "Courier", "Mail", "Record", "Register", "Dispatch",
    "Sentinel", "Bulletin"})
"""Last words of a newspaper's name whose other words are usually its town ("Ottawa Citizen")."""
NEWSPAPER_WORDS = TOWN_PAPERS | {"Press", "Presse", "Express", "Standard", "Mirror", "Guardian", "Independent"}
"""Last words of a newspaper's name; a press and the rest may name a publisher ("Studiocomix
Press", "Oxford University Press"), not a town."""

def _sentence_ends_after(text: str, end: int) -> bool:
    """Whether the full stop before ``end`` ends a sentence: the text ends, or a line, or white
    space and a capital letter (or an opening quote) follow it."""
    k = end
    while k < len(text) and text[k] in "\"\u201d\u2019')":
        k += 1
    if k >= len(text) or text[k] == "\n":
        return True
    if not text[k].isspace():
        return False
    while k < len(text) and text[k] in " \t":
        k += 1
    return k >= len(text) or not text[k].islower() and text[k] not in ",;:"


def name_key(name: str) -> str:
    """How two spellings of one name compare: case, dots and spaces ignored ("U.S." = "US")."""
    return key(name)


def capitalised(word: str) -> bool:
    return any(ch.isupper() for ch in word)


def particles_before(text: str, start: int) -> int:
    """Where the particles right before ``start`` begin ("von der " before "Leyen"), or ``start``;
    a particle with a capital opens a sentence or follows a quotation ("…,” Van den Bosch said")."""
    pos = start
    for _ in range(MAX_PARTICLES):
        space = pos
        while space > 0 and text[space - 1] in " \t":
            space -= 1
        if space == pos:
            break
        word_start = space
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        word = text[word_start:space]
        if word not in PARTICLES and not (word.lower() in PARTICLES and word[:1].isupper()
                                          and (sentence_starts_at(text, word_start)
                                               or _after_quote(text, word_start))):
            break
        if word_start and not text[word_start - 1].isspace() and text[word_start - 1] not in "\"\u201c(,;:":
            break
        pos = word_start
    return pos


def _after_quote(text: str, pos: int) -> bool:
    """Whether a closing quotation mark and white space stand right before ``pos``."""
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k > 0 and text[k - 1] in _CLOSING_QUOTES


def sentence_starts_at(text: str, pos: int) -> bool:
    """Whether a sentence starts at ``pos``, where a particle is written with a capital ("Van der
    Berg said"): the text's start, a line break or a final stop before it (quotes aside), or a
    Markdown heading's or list item's mark opening the line ("# Von der Leyen Sets Out …",
    "- Van Dijk, defender"), which the loaders of ``.md`` files take out."""
    k = pos
    while k > 0 and text[k - 1] in " \t\"\u201c\u2018'(":
        k -= 1
    if k == 0 or text[k - 1] in ".!?\n":
        return True
    line = text.rfind("\n", 0, k) + 1
    return _LINE_MARK.fullmatch(text, line, k) is not None


def starts_with_particle(name: str) -> bool:
    """"von der Leyen", "De la Cruz", "al-Farouqi": a name that opens with a particle."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    return first.lower() in PARTICLES or first.split("-", 1)[0].lower() in PARTICLES and "-" in first


_GENERATION = re.compile(r"(?:Jr|Sr|I{2,3}|IV)\.?")
"""A generation's mark: part of the name before it ("Brent Bozell, Jr."), never a name alone."""


def trim_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without an article or other lower-case word (not a particle) before or
    a possessive after the name, or ``None`` when what is left has no capital letter or is a
    generation's mark alone (no name)."""
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
            start += 1
        if text.startswith(_ARTICLES, start) and " " in text[start:end].strip():
            start += 4
        lead = _LOWER_WORD.match(text, start, end)
        if lead and lead.group()[:-1] not in PARTICLES:
            start = lead.end()
        if text.endswith(_POSSESSIVES, start, end) and end - start > 2:
            end -= 2
        elif text.endswith(_APOSTROPHES, start, end) and text[end - 2:end - 1] in ("s", "S"):
            end -= 1  # "the Smiths’"
        while end > start and (text[end - 1].isspace() or (text[end - 1] in _EDGE_PUNCT and text[end - 1] != ".")):
            end -= 1
        if (start, end) == before:
            break
    if end > start + 1 and text[end - 1] == "." and "." not in text[start:end - 1] and end - start > 5 \
            and _sentence_ends_after(text, end):
        end -= 1  # a full stop after a name, not an initial; "Brightwater Inc. fell" keeps it
    alone_mark = _GENERATION.fullmatch(text, start, end) and text[start - 1:start] not in ("-", "\u2010", "\u2011")
    return (start, end) if capitalised(text[start:end]) and not alone_mark else None
