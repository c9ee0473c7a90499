"""Which actor a role phrase fits: "the NATO chief", "the minister", "the party".

The words a description may use of an actor are a person's role, or a body's name and role
(:func:`known_words`). A definite role phrase refers (:mod:`references`) only when exactly one
actor of the article fits every word of it (:meth:`RoleFits.only_fit`), stricter than a
speaker's description, which the speech cue already tells is someone (:mod:`referents` ranks
the actors that share most words instead). A head that only says "the one at the top" ("chief"
of "the NATO chief") needs no word of the role, and a former office is no present one ("the
president" is not the "former president").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from reader.analysis.cues import person_nouns, source_nouns
from reader.analysis.model import Actor

LEADER_HEADS = frozenset({"chief", "head", "leader"})
"""Heads that name whoever leads the body before them ("the NATO chief" for the "NATO
Secretary-General"): a role phrase need not find them in the actor's role."""
PAST_OFFICE = frozenset({"former", "ex", "late"})
"""Words that make a role a past one: only a phrase that says so refers to its holder."""
WORD = re.compile(r"[\w’'-]+")
"""A word, with its apostrophes and hyphens."""


def words(text: str) -> list[str]:
    """The words of ``text`` in lower case, with straight apostrophes."""
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def role_words(text: str) -> set[str]:
    """The words of a role or name, and the parts of its hyphened words ("secretary-general")."""
    return {w for part in words(text) for w in (part, *part.split("-"))}


def known_words(actor: Actor, person: bool) -> set[str]:
    """The words a description of ``actor`` may use: a person's role; a body's name and role."""
    return role_words(actor.role or "") if person else role_words(actor.name) | role_words(actor.role or "")


def _present(known: set[str], content: set[str], off: Collection[str]) -> bool:
    """A role ``known`` is a present one, or ``content`` (the phrase) says it is past too."""
    return "past_offices" in off or not (known & PAST_OFFICE) - content


class RoleFits:
    """The one actor of a text that a definite role phrase can mean."""

    def __init__(self, text: str, actors: Sequence[Actor]) -> None:
        self.text = text
        self.actors = {a.id: a for a in actors}

    def only_fit(self, start: int, end: int, off: Collection[str] = (), qualifiers: Collection[str] = ()) -> str | None:
        """The one actor the definite role phrase ``text[start:end]`` can mean, or None when no actor
        or more than one fits: every word of the phrase in the person's role (or the
        organisation's name or role), but a leader head; ``qualifiers`` are more words the role
        must hold (a complement's: "energy" of "the minister of energy"). ``off`` names rules to
        leave out, for the ablation (``leader_heads``, ``past_offices``)."""
        phrase = words(self.text[start:end])
        if len(phrase) < 2 or phrase[0] != "the":
            return None
        head = phrase[-1]
        person = head in person_nouns()
        if not person and head not in source_nouns():
            return None
        content = set(phrase[1:]) - (LEADER_HEADS if person and "leader_heads" not in off else set())
        if not content:
            return None
        content |= set(qualifiers)
        kind = "person" if person else "organization"

        def fits(actor: Actor) -> bool:
            known = known_words(actor, person)
            return actor.kind == kind and content <= known and _present(known, content, off)

        return self._only(fits)

    def only_holder(self, body: str, start: int, end: int, off: Collection[str] = ()) -> str | None:
        """The one person whose role names the organisation ``body`` and holds the role
        ``text[start:end]`` ("chief" of "the alliance's chief" for the "NATO Secretary-General"
        when "the alliance" is NATO), or None when no one or several fit. A leader head ("chief")
        needs no more than the body."""
        names = {w.removesuffix("'s") for a in (self.actors[body].name, *self.actors[body].aliases)
                 for w in role_words(a)}
        content = set(words(self.text[start:end])) - (LEADER_HEADS if "leader_heads" not in off else set())

        def fits(actor: Actor) -> bool:
            known = {w.removesuffix("'s") for w in role_words(actor.role or "")}
            return actor.kind == "person" and bool(known & names) and content <= known and _present(known, content, off)

        return self._only(fits)

    def _only(self, fits: Callable[[Actor], bool]) -> str | None:
        """The one actor that ``fits``, or None when none or several do."""
        found = [a.id for a in self.actors.values() if fits(a)]
        return found[0] if len(found) == 1 else None
