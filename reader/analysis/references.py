"""Role phrases that stand for an actor the article names: "the NATO chief", "the minister", "the party".

A reader follows "Jens Stoltenberg … Stoltenberg … the NATO chief" as one person; this module
marks the third as a reference to him. A phrase is a reference only when nothing else can be
meant:

- it is definite and singular: "the", then adjectives and nouns, ending on a noun of the
  speaker or source word lists ("the NATO chief", "the foreign minister", "the company");
  never a pronoun, an indefinite ("a minister") or a plural ("the ministers");
- exactly one actor of the article fits it (:meth:`RoleFits.only_fit`: every word in that
  person's role, or in that organisation's name or role) — with two ministers in the article,
  "the minister" stays unmarked;
- that actor was named before it, so the phrase looks back to a name the reader has read;
- it is not part of a mention: its head is no name's word ("the NATO chief Jens Stoltenberg"
  ends on the name, so it is not a phrase at all), though it may hold another actor's name
  ("NATO" in "the NATO chief");
- it is no predicate ("she is the president of the club", "since becoming the nominee"):
  after "is" or "become" a phrase says what someone is, not whom it means;
- an organisation ("the network") is the one named last before it: the word list cannot tell
  that "RT" is a network, so "Dish Network" must not take its place;
- a complement is part of the phrase ("the minister of energy"): its words, names aside, must
  be in the role too, so a Prime Minister is no "minister of energy";
- a phrase in apposition with a name ("The minister of energy, Kaspars Melnis, said";
  "Melnis, the minister of energy,") describes that name's actor: it refers to no one else.

References are kept apart from mentions: they are not names, and the NER figures count names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Mapping, Sequence

from reader.analysis.engine import Parsed, Token
from reader.analysis.model import Actor, Mention, Reference
from reader.analysis.cues import person_nouns
from reader.analysis.role_fits import RoleFits

_MODIFIER_TAGS = frozenset({"JJ", "NN", "NNP", "HYPH"})
"""Tags that may stand between "the" and the head: "the NATO chief", "the alliance's secretary-general"
stops before the possessive ("the alliance")."""
_HEAD_TAGS = frozenset({"NN", "NNP"})
"""A singular noun heads the phrase: "the ministers" are several people."""
_MAX_WORDS = 5
"""Most tokens after "the": a role phrase is short; a longer run is a name or a title before one."""


RULES = ("leader_heads", "past_offices", "predicates", "nearest_body", "possessors", "complements", "appositions")
"""The rules ``benchmarks/references.py`` measures by leaving each out (``off``): heads that
need not be in the role ("chief"), former offices kept apart, no phrase after a copula, an
organisation only when it is the last one named, a role after a body's possessive ("the
alliance's chief": the person whose role names the body), a complement's words held to the
role ("the minister of energy"), and a phrase in apposition with a name standing for that
name's actor only."""
_COMPLEMENT_HEAD = "of"
"""What opens a role's complement: "the minister of energy". ("for" more often says why: "looked
to the president for leadership".)"""
_APPOSITION_ENDS = re.compile(r"[ \t]*(?:[,;.)]|$)|[ \t]+(?:of|for|at)\b")
"""What may follow an appositive ("Melnis, the minister of energy, said", "…, the economist at
the bank"): else the comma ends a clause ("Emerging from talks with Obama, the prime minister
looked ashen")."""
_COMPLEMENT_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "HYPH"})
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "for"})
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being", "become", "becomes", "became",
                      "becoming", "remain", "remains", "remained"})
"""Verbs after which "the …" is a predicate: it describes its subject, it does not refer."""


def find_references(parsed: Parsed, actors: Sequence[Actor], mentions: Sequence[Mention],
                    off: Collection[str] = ()) -> list[Reference]:
    """The role phrases of a text that refer to exactly one of its actors, in order; ``off``
    names :data:`RULES` to leave out (ablation)."""
    fits = RoleFits(parsed.text, actors)
    kinds = {a.id: a.kind for a in actors}
    first_named: dict[str, int] = {}
    for m in mentions:
        first_named[m.actor] = min(m.end, first_named.get(m.actor, m.end))
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    tokens = parsed.tokens
    text = parsed.text
    found: list[Reference] = []
    for i, token in enumerate(tokens):
        if text[token.start:token.end].lower() != "the":
            continue
        j = _phrase_end(text, tokens, i)
        if j is None:
            continue
        start, end = token.start, tokens[j].end
        if _inside_mention(ordered, starts, start, tokens[j]):
            continue
        if "predicates" not in off and i > 0 and text[tokens[i - 1].start:tokens[i - 1].end].lower() in _COPULAS:
            continue
        if "possessors" not in off and (k := _possessed_head(text, tokens, j)) is not None:
            holder = _holder(fits, ordered, starts, kinds, (start, end), (tokens[j + 2].start, tokens[k].end), off)
            if holder is not None and first_named.get(holder, tokens[k].end) <= start and \
                    _apposed(text, ordered, starts, kinds, (start, tokens[k].end), holder, off) in (None, holder):
                found.append(Reference(start, tokens[k].end, holder))
                continue
        qualifiers: set[str] = set()
        if "complements" not in off and (c := _complement(text, tokens, j)) is not None:
            end = tokens[c].end
            qualifiers = _qualifiers(text, tokens[j + 1:c + 1], ordered, starts)
        actor = fits.only_fit(start, tokens[j].end, off, qualifiers)
        if actor is None or first_named.get(actor, end) > start:
            continue
        if "nearest_body" not in off and kinds[actor] == "organization" and \
                _last_body(ordered, starts, start, kinds) != actor:
            continue
        if _apposed(text, ordered, starts, kinds, (start, end), actor, off) not in (None, actor):
            continue
        found.append(Reference(start, end, actor))
    return found


def _complement(text: str, tokens: Sequence[Token], j: int) -> int | None:
    """The last token of the complement after the head token ``j`` ("of energy" in "the minister
    of energy", "of the eastern region"), if one follows it; it ends on a noun, and not on a
    possessor ("the chair of Florida's county party" is more than this reads)."""
    k = j + 1
    if k >= len(tokens) or text[tokens[k].start:tokens[k].end].lower() != _COMPLEMENT_HEAD \
            or not _adjacent(text, tokens[j], tokens[k]):
        return None
    last = None
    while (k + 1 < len(tokens) and k - j <= _MAX_WORDS and tokens[k + 1].tag in _COMPLEMENT_TAGS
           and _adjacent(text, tokens[k], tokens[k + 1])):
        k += 1
        if tokens[k].tag not in ("DT", "JJ", "HYPH"):
            last = k
    if last is not None and last + 1 < len(tokens) and tokens[last + 1].tag == "POS":
        return None
    return last


def _qualifiers(text: str, complement: Sequence[Token], mentions: Sequence[Mention], starts: Sequence[int]) -> set[str]:
    """The words of a complement the role must hold: not its function words, nor the names in it
    ("the president of the United States" asks nothing of a "U.S. President")."""
    words = set()
    for t in complement:
        k = bisect.bisect_right(starts, t.start) - 1
        if k >= 0 and mentions[k].start <= t.start < mentions[k].end:
            continue
        word = text[t.start:t.end].lower()
        if word not in _FUNCTION_WORDS and any(ch.isalnum() for ch in word):
            words.add(word)
    return words


def _apposed(text: str, mentions: Sequence[Mention], starts: Sequence[int], kinds: Mapping[str, str],
             span: tuple[int, int], fit: str, off: Collection[str]) -> str | None:
    """The actor of a name in apposition with the phrase ``span``: right after it ("The minister
    of energy, Kaspars Melnis,") or right before it ("Melnis, the minister of energy,"). Only a
    name of the kind of ``fit`` (the actor the phrase fits) is one: "In Chelsea, the mayor said"
    puts a place before the comma, not the mayor's name; and the appositive must end where an
    apposition does (:data:`_APPOSITION_ENDS`), else the comma closes a clause ("Despite the
    majority leader, Cruz said"). A possessor ("Sara, the prime minister's wife") is no apposition."""
    if "appositions" in off:
        return None
    start, end = span
    if text.startswith(("'s", "’s"), end):
        return None
    after = re.match(r",[ \t]+", text[end:end + 4])
    if after:
        k = bisect.bisect_left(starts, end + after.end())
        if k < len(mentions) and mentions[k].start == end + after.end() and \
                kinds.get(mentions[k].actor) == kinds[fit] and _APPOSITION_ENDS.match(text, mentions[k].end):
            return mentions[k].actor
    before = re.search(r",[ \t]+$", text[max(0, start - 4):start])
    if before and _APPOSITION_ENDS.match(text, end):
        at = start - len(before.group())
        k = bisect.bisect_left(starts, at) - 1
        if k >= 0 and mentions[k].end == at and kinds.get(mentions[k].actor) == kinds[fit]:
            return mentions[k].actor
    return None


def _phrase_end(text: str, tokens: Sequence[Token], i: int) -> int | None:
    """The index of the head token of the noun phrase that token ``i`` ("the", or a possessive's
    "'s") opens, if it has one."""
    j = i
    while (j + 1 < len(tokens) and j + 1 - i <= _MAX_WORDS and tokens[j + 1].tag in _MODIFIER_TAGS
           and _adjacent(text, tokens[j], tokens[j + 1])):
        j += 1
    if j == i or tokens[j].tag not in _HEAD_TAGS:
        return None
    if j + 1 < len(tokens) and _adjacent(text, tokens[j], tokens[j + 1]) and tokens[j + 1].tag in {"NNS", "NNPS"}:
        return None  # "the party leaders": the run ends on a plural, not on "party"
    return j


def _possessed_head(text: str, tokens: Sequence[Token], j: int) -> int | None:
    """The head of the role after a possessive ("chief" in "the alliance's chief"), if one
    follows the phrase whose head is token ``j``."""
    if j + 2 >= len(tokens) or tokens[j + 1].tag != "POS" or not _adjacent(text, tokens[j], tokens[j + 1]):
        return None
    k = _phrase_end(text, tokens, j + 1)
    if k is None or text[tokens[k].start:tokens[k].end].lower() not in person_nouns():
        return None
    return k


def _holder(fits: RoleFits, mentions: Sequence[Mention], starts: Sequence[int], kinds: Mapping[str, str],
            owner: tuple[int, int], role: tuple[int, int], off: Collection[str]) -> str | None:
    """The person "the alliance's chief" means: the body "the alliance" is (the one actor that fits
    it, else the body named last before it), then the one person whose role names that body and
    holds the role's words."""
    body = fits.only_fit(*owner, off)
    if body is None or kinds.get(body) != "organization":
        body = _last_body(mentions, starts, owner[0], kinds)
    if body is None:
        return None
    return fits.only_holder(body, *role, off)


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """Two tokens of one phrase: nothing but spaces between them (no line break, no punctuation)."""
    gap = text[a.end:b.start]
    return gap == "" or gap.isspace() and "\n" not in gap


def _inside_mention(mentions: Sequence[Mention], starts: Sequence[int], start: int, head: Token) -> bool:
    """The phrase begins inside a mention, or its head is part of one ("the Liberal Party")."""
    k = bisect.bisect_right(starts, head.start) - 1
    while k >= 0 and mentions[k].start >= start - 200:
        m = mentions[k]
        if m.start < head.end and head.start < m.end or m.start < start < m.end:
            return True
        k -= 1
    return False


def _last_body(mentions: Sequence[Mention], starts: Sequence[int], start: int, kinds: Mapping[str, str]) -> str | None:
    """The organisation named last before ``start``: "the network" after "RT" is RT, even when
    another organisation's name ends in "Network"."""
    k = bisect.bisect_left(starts, start) - 1
    while k >= 0:
        if kinds.get(mentions[k].actor) == "organization":
            return mentions[k].actor
        k -= 1
    return None
