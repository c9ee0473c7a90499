"""Which actor a speaker mention stands for: a name, a pronoun or a description.

A name is the actor layer's mention (or, when the layer missed it, an actor whose name
ends in the same word). Pronouns and descriptions ("he", "the NATO chief") go to the
most salient person before them: a person who opened a sentence since the last speaker
was named, else the last speaker, else the nearest person. A description first tries the
actors whose role shares a word with it ("NATO" in "NATO Secretary-General"); a definite
one left over ("the minister") goes to the salient person unless that person's known role
says otherwise, an indefinite one ("a spokesman") names nobody. "It" goes to the nearest
organisation, "they" and "we" only to an organisation that just spoke. Gender is never
guessed: "he" and "she" are resolved alike.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.analysis.cues import person_nouns, source_nouns
from reader.analysis.engine import Parsed
from reader.analysis.model import Actor, Mention

_PERSONAL = frozenset({"he", "she", "him", "her"})
"""Third persons only: "I" in a column is its author, who is no actor of the article."""
_GROUP = frozenset({"they", "we", "it"})
_RELATIVE = frozenset({"who", "which", "that"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_TITLE_WORDS = frozenset({"the", "a", "an", "former", "deputy", "acting", "then", "new", "top", "senior", "vice"})
"""Words that may stand before a name in a sentence's subject ("the former deputy minister Lars Holm")."""
_SENTENCE_END = re.compile(r"[.?!][\"”’']?\s+|\n")
_WORD = re.compile(r"[\w’'-]+")
_WINDOW = 3000
"""Characters searched back for the person a pronoun or description refers to."""


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def _role_words(text: str) -> set[str]:
    return {w for part in _words(text) for w in (part, *part.split("-"))}


class Referents:
    """Resolves speaker mentions of one text to its actors."""

    def __init__(self, parsed: Parsed, actors: Sequence[Actor], mentions: Sequence[Mention],
                 quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.text = parsed.text
        self.actors = {a.id: a for a in actors}
        self.mentions = sorted((m for m in mentions if m.actor in self.actors), key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._sentence_starts = [s for s, _ in parsed.sentences]
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        by_word: dict[str, set[str]] = {}
        for a in actors:
            for name in (a.name, *a.aliases):
                words = _words(name)
                if words:
                    by_word.setdefault(words[-1], set()).add(a.id)
        self._by_last_word = {w: next(iter(ids)) for w, ids in by_word.items() if len(ids) == 1}

    def resolve(self, start: int, end: int, last: tuple[str, int] | None = None) -> tuple[str | None, int, int]:
        """The actor that ``text[start:end]`` names, and the mention span to show for it.

        ``last`` is the previous speaker and where it was named, for pronouns and descriptions.
        """
        words = _words(self.text[start:end])
        if not words:
            return None, start, end
        head = words[-1]
        inside = self._between(start, end)
        if inside and head not in person_nouns() and head not in source_nouns():
            people = [m for m in inside if self.actors[m.actor].kind == "person"]
            m = (people or inside)[-1]
            return m.actor, m.start, m.end
        if len(words) == 1 and head in _PERSONAL:
            return self._salient_person(start, last), start, end
        if len(words) == 1 and head in _RELATIVE:
            before = self._between(max(0, start - 80), start)
            return (before[-1].actor if before else None), start, end
        if len(words) == 1 and head in _GROUP:
            return self._salient_body(start, last, nearest=head == "it"), start, end
        if head in person_nouns() or head in source_nouns():
            return self._described(start, end, words, head, last), start, end
        return self._by_last_word.get(head.removesuffix("'s")), start, end

    def _described(self, start: int, end: int, words: list[str], head: str,
                   last: tuple[str, int] | None) -> str | None:
        """A description: an actor whose role (or, for bodies, name) shares a word, else the salient person."""
        person = head in person_nouns()
        content = {w for w in words if w not in _DEFINITE and w not in ("a", "an", "one", "another")}
        def shared(actor: Actor) -> int:
            if (actor.kind == "person") != person:
                return 0
            known = _role_words(actor.role or "") if person else _role_words(actor.name) | _role_words(actor.role or "")
            return len(content & known)

        # Recently mentioned actors first, then any actor of the article ("the NATO chief" pages later).
        window = self._between(max(0, start - _WINDOW), start)
        recent = [(shared(self.actors[m.actor]), m.start, m.actor) for m in window]
        anywhere = [(shared(a), -1, a.id) for a in self.actors.values()]
        best = max((c for c in recent if c[0]), default=None) or max((c for c in anywhere if c[0]), default=None)
        if best is not None:
            return best[2]
        if person and words[0] in _DEFINITE:
            found = self._salient_person(start, last)
            actor = self.actors.get(found) if found else None
            if actor is None or content & set(_words(actor.name)) or actor.role:
                return None  # "the Clinton aide" is not Clinton; a known role that shares no word is another person
            return found
        return None

    def _salient_body(self, pos: int, last: tuple[str, int] | None, nearest: bool) -> str | None:
        """An organisation for "it" (the nearest one) or "they"/"we" (only the last speaker, if one)."""
        if last is not None and self.actors[last[0]].kind == "organization":
            return last[0]
        if not nearest:
            return None
        bodies = [m for m in self._between(max(0, pos - _WINDOW), pos)
                  if self.actors[m.actor].kind == "organization" and not self._in_quote(m.start)]
        return bodies[-1].actor if bodies else None

    def _salient_person(self, pos: int, last: tuple[str, int] | None) -> str | None:
        since = last[1] if last else 0
        window = self._between(max(0, pos - _WINDOW), pos)
        people = [m for m in window if self.actors[m.actor].kind == "person" and not self._in_quote(m.start)]
        for m in reversed(people):
            if m.start <= since:
                break
            if self._opens_sentence(m):
                return m.actor
        if last is not None and self.actors[last[0]].kind == "person":
            return last[0]
        return people[-1].actor if people else None

    def _opens_sentence(self, m: Mention) -> bool:
        """The mention is its sentence's subject: only titles and capitalised words come before it."""
        k = bisect.bisect_right(self._sentence_starts, m.start) - 1
        start = max(self._sentence_starts[k] if k >= 0 else 0, m.start - 200)
        # The engine's sentences may run over a paragraph break or a closed quotation: cut there too.
        breaks = list(_SENTENCE_END.finditer(self.text, start, m.start))
        lead = self.text[breaks[-1].end() if breaks else start:m.start]
        titles = person_nouns()
        return (all(w[:1].isupper() or w.lower() in titles or w.lower() in _TITLE_WORDS for w in _WORD.findall(lead))
                and not self.text.startswith(("’s", "'s"), m.end))

    def _between(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, start)
        out: list[Mention] = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and pos < self._quoted[k][1]
