"""A short name the document shows to be a company's is that company where the tagger read
it as a person or a place.

Business news names companies with one or two bare words ("Kroger", "Kraft Heinz") that
no list knows; the tagger, trained on 1996 news, reads many of them as people or places.
What the article does with the name says what it is:

- its stock: "Kroger shares", "Mattel's stock", "shares of Cleveland-Cliffs";
- its head: "Uber chief executive …", "Zoom's finance chief", "the founder of Amazon";
- the pronoun that refers back from the clause the name opens as its subject: "Kroger raised its
  forecast", "Roku gained after it said" (a person would be "his" or "her").

Apart from those, a rule of its own: where people of a role work ("an analyst at Wedbush",
"workers at Unite"; people are "in" a place).

Evidence at one mention holds for every mention of the same spelling in the document, and
"he"/"his"/"she"/"her" after the name count against it. A place the lists know, a
dateline's place, the surname of a person the text names in full and a name that opens
with a given name keep the tagger's reading.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from reader.analysis.cues import person_nouns
from reader.analysis.echoes import named_again
from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.kinds import Named, dateline_place_keys, person_surnames, relabelled
from reader.analysis.names import name_key
from reader.analysis.tagger import Span

_HOLDINGS = re.compile(r"[ \t]+(?:shares?|stock|shareholders|chief[ \t]+executive|chief[ \t]+financial"
                       r"|finance[ \t]+chief|CEO|co-founder|founder)\b")
"""What only a company has, right after its name ("Kroger shares", "Uber chief executive"); the
possessive ("Unilever's shares", and "Ottmar Kessel's shares" of a person) is ``called_bodies``'."""
_HELD = re.compile(r"\b(?:(?:[Ss]hares|[Ss]tock|[Ss]hareholders)[ \t]+(?:of|in)"
                   r"|(?:[Cc]hief[ \t]+executive|CEO|[Cc]o-founder|[Ff]ounder|unit|subsidiary|owner)[ \t]+of)[ \t]+$")
"""The same, before the name ("shares of Kroger", "the chief executive of Apple", "the streaming
unit of Orvana", "the owner of Gucci")."""
_CLAUSE_WORD = r"(?:[a-z][\w-]*|\d[\d.,%]*|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_CLAUSE = re.compile(r"(?:,[ \t]+(?:the|an?)[ \t][^,.;\n]{1,80},|[ \t]+and[ \t]+[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*)?)?"
                     rf"[ \t]+({_CLAUSE_WORD}(?:[ \t]+{_CLAUSE_WORD}){{0,6}})")
"""The lower-case words after a name (and its appositive, "Carvana, the used-car seller,", or the
name it is joined to, "Zoom and Spotify"), up to the next capitalised word or punctuation mark."""
_OPENS = re.compile(r"(?:\n[ \t]*|[.!?:;,\u2014\u2013-][\"\u201d\u2019)]?[ \t]+|[\"\u201c][ \t]*"
                    r"|\b(?:and|but|while|after|as|because|when|since|that|said|says)[ \t]+)$")
"""What comes before a name that opens a clause (its subject): a sentence or clause start."""
_LINKS = frozenset({"in", "on", "at", "through", "for", "with", "from", "to", "by", "of", "into", "and", "or",
                    "the", "a", "an", "as", "over", "under", "near", "across", "about", "than"})
"""Words that make the name a preposition's object or part of a longer phrase, not a subject."""
RESULTS = frozenset({"earnings", "revenue", "revenues", "profit", "profits", "dividend", "forecast", "outlook",
                     "trading", "subscribers"})
"""What a company reports in the clause it opens ("Kraft Heinz reported earnings", "Zoom fell in
early trading"); a person's results would be "his forecast"."""
_PRONOUN = re.compile(r"(?<![\w-])(its|it[ \t]+(?:said|says|reported|reports|posted|would|will|had|has|plans|expects)"
                      r"(?![ \t]+(?:be|been|not|take|make|seem)\b)|he|his|him|she|her)(?![\w-])")
"""A pronoun that refers back to the subject within :data:`NEAR` words: "its", or "it" as the
subject of a report or a plan ("Roku gained after it said", "Danone said it would sell"; "it
was a video", "it would be hard", "could be it" refer to no company; "first-of-its-kind" is
no pronoun)."""
NEAR = 6


def _evidence(text: str, where: tuple[int, int]) -> int:
    """+1 where the words around this mention say company, -1 where they say person, 0 else."""
    if _HOLDINGS.match(text, where[1]) or _HELD.search(text, max(0, where[0] - 20), where[0]):
        return 1
    if where[0] > 0 and not _OPENS.search(text, max(0, where[0] - 10), where[0]):
        return 0  # "a price war in the Midwest ate into its margins": not the subject
    clause = _CLAUSE.match(text, where[1])
    if clause is None or clause.group(1).split()[0] in _LINKS:
        return 0  # "Phoenix and Austin through its app": no clause
    pronoun = _PRONOUN.search(" ".join(clause.group(1).split()[:NEAR]))
    if pronoun is not None and pronoun.start() > 0:  # a pronoun right after the name is its object
        return 1 if pronoun.group(1).startswith("it") else -1
    return 1 if any(w in RESULTS for w in clause.group(1).split()[1:]) else 0  # "Casino revenue" is a noun


def company_kinds(text: str, names: Named) -> Named:
    """``names`` with a one- or two-word person or place that the document treats as a
    company (its stock, its head, "its" referring back) read as an organisation."""
    votes: Counter[str] = Counter()
    for span, trimmed in names:
        if trimmed and span.label in ("PER", "LOC", "ORG"):
            votes[name_key(text[trimmed[0]:trimmed[1]])] += _evidence(text, trimmed)
    return _as_organisations(text, names, {key for key, vote in votes.items() if vote > 0})


_AT = re.compile(r"\b([A-Za-z]+)[ \t]+at[ \t]+$")
"""A role and "at" before a name: "an analyst at Jefferies", "Workers at Unite"."""
_ANYONE = frozenset({"people", "residents"})
"""Roles that say nothing of an employer: "13 people at Fort Hood"."""
_IN = re.compile(r"\b(?:in|from|to|near)[ \t]+$")
"""Where a place is written ("in Benghazi"): one vote against each role "at" it."""


def employer_kinds(text: str, names: Named) -> Named:
    """``names`` with a one- or two-word person or place that the document names as where
    people of a role work ("an analyst at Wedbush", "workers at Unite": people are "in" a
    place) more often than as where something is ("an officer at Benghazi" in an article
    that is "in Benghazi" throughout stays a place) read as an organisation; a name with a
    place's word ("the commander at Guantánamo Bay") stays a place."""
    people = person_nouns()
    votes: Counter[str] = Counter()
    for span, trimmed in names:
        if trimmed and span.label in ("PER", "LOC", "ORG"):
            at = _AT.search(text, max(0, trimmed[0] - 30), trimmed[0])
            role = at.group(1).lower() if at else ""
            key = name_key(text[trimmed[0]:trimmed[1]])
            if (role in people or role.removesuffix("s") in people) and role not in _ANYONE:
                votes[key] += 1
            elif _IN.search(text, max(0, trimmed[0] - 10), trimmed[0]):
                votes[key] -= 1
    place_words = lexicon().place_words
    return _as_organisations(text, names, {key for key, vote in votes.items() if vote > 0}, place_words)


def _as_organisations(text: str, names: Named, companies: set[str], apart: frozenset[str] = frozenset()) -> Named:
    """``names`` with each person or place of one or two words whose key is in ``companies``
    read as an organisation, unless the lists know it as a place, a dateline names it as one,
    it is the surname of a person named in full or it opens with a given name (or holds a word
    of ``apart``)."""
    if not companies:
        return names
    lex = lexicon()
    companies -= lex.places | person_surnames(text, names, full_only=True) | dateline_place_keys(text)

    def company(name: str, _: tuple[int, int]) -> bool:
        words = name.split()
        return len(words) <= 2 and name_key(name) in companies and words[0] not in lex.given_names \
            and not any(w in apart for w in words)

    return relabelled(text, names, ("PER", "LOC"), "ORG", company)


_WORD = re.compile(r"(?<![\w'\u2019.&-])[A-Z][a-z]+(?:[A-Z][a-z]+)?(?![\w&-])")
"""A capitalised word ("Lyft", "DoorDash") that could be a company's whole name."""


def unnamed_companies(text: str, names: Named, common: frozenset[str], seen: list[Span]) -> Named:
    """``names`` with a capitalised word the tagger found no name in read as a company where
    the document shows it to be one (its stock or head, "its" referring back: "Lyft chief
    executive …", "Wayfair cut its forecast"), at that place and wherever it is written
    again. A word usually written in lower case ("Next", "Zoom"), a known place, a given
    name, a title or a calendar word is left alone; one pass of one pattern."""
    lex = lexicon()
    taken = sorted([(s.start, s.end) for s, _ in names] + [(s.start, s.end) for s in seen])
    starts = [s for s, _ in taken]
    votes: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        word = m.group()
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k][1] > m.start() or k + 1 < len(taken) and taken[k + 1][0] < m.end():
            continue
        if word.lower() in common or word in lex.given_names or lex.is_title(word) or lex.is_honorific(word):
            continue
        votes[word] += _evidence(text, (m.start(), m.end()))
    wanted = {word: "ORG" for word, vote in votes.items() if vote > 0 and len(word) >= 3
              and name_key(word) not in lex.places and fold(word) not in lex.calendar and not lex.is_demonym(word)}
    return named_again(text, names, wanted, taken)
