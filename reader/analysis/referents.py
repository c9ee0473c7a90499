"""Which actor a speaker mention stands for: a name, a pronoun or a description.

A name is the actor layer's mention (or, when the layer missed it, an actor whose name
ends in the same word). A personal pronoun first goes to the subject of the sentence or
two before its own (named, or described by a role: "the commissioner shook her head. “…,”
she said"; a subject the tags cut is the first person before its verb). Pronouns and
descriptions ("he", "the NATO chief") otherwise go to the most salient person before
them: a person who opened a sentence since the last speaker was named, else the last
speaker, else the nearest person. A description first tries the actors whose role shares
a word with it ("NATO" in "NATO Secretary-General"; of equal fits the role that adds
fewest words), then the person the text introduced with its role noun ("the judge, Mrs
Justice Rowena Kirby"); a definite one left over ("the minister") goes to the salient
person unless that person's known present role says otherwise ("the former minister" is
not held to it), an indefinite one ("a spokesman") names nobody; one by nationality ("the
Swede") is read as a pronoun. Someone who speaks for a body, or a document from one, is
that body when the text names it: "a Valtera spokesperson", "a spokesman for the
ministry", "a statement from ZVSHK"; "the spokesperson" after one is the same body again.
"It" goes to the nearest organisation, "they" and "we" only to an organisation that just
spoke. Gender is never guessed from a name, but what the text says of a person counts:
"he" or "she" passes over a person the text has called "Ms" or "Mr", or whom an earlier
"she" or "he" of this text was resolved to as the subject before it ("“…,” he said" for
a man, then "A reporter asked Ferrer … “…,” she said").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from reader.analysis.cues import person_nouns, source_nouns
from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import fold, lexicon
from reader.analysis.model import Actor, Mention, SpeakerVia
from reader.analysis.role_fits import PAST_OFFICE, WORD, known_words, role_words
from reader.analysis.role_fits import words as phrase_words

_PERSONAL = frozenset({"he", "she", "him", "her"})
"""Third persons only: "I" in a column is its author, who is no actor of the article."""
_SEX = {"he": "m", "him": "m", "she": "f", "her": "f"}
_FORMS = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
"""Forms of address that say a person's sex where the text uses them ("Mr Pryce", "Ms Whitfield")."""
_FORM_BEFORE = re.compile(r"\b(\w+)\.?\s+$")
_GROUP = frozenset({"they", "we", "it"})
_RELATIVE = frozenset({"who", "which", "that"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_POSSESSIVE = frozenset({"his", "her", "their", "its"})
_TITLE_WORDS = frozenset({"the", "a", "an", "former", "deputy", "acting", "then", "new", "top", "senior", "vice"})
"""Words that may stand before a name in a sentence's subject ("the former deputy minister Lars Holm")."""
_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople",
                     "representative", "representatives"})
"""Heads of a description of someone who speaks for a body: the body is the speaker's actor."""
_VOICE_OF = re.compile(r"\s+(?:for|of|at|from)\s+")
_DOCUMENT_FROM = re.compile(r"\s+from\s+")
"""What joins a voice ("a spokesman for …") or a document ("a statement from …") to its body."""
_BODY_NP_TAGS = frozenset({"DT", "NNP", "NNPS", "NN", "NNS", "JJ", "POS", "HYPH"})
_SENTENCE_END = re.compile(r"[.?!][\"”’']?\s+|\n")
_CLAUSE_OPENERS = frozenset({"VBN", "VBG", "IN", "WRB", "RB"})
"""Tags that open a clause before the subject: "Asked whether …,", "After the vote,", "When …,"."""
_SUBJECT_NP_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "DT", "POS", "PRP$", "HYPH", ","})
_SUBJECT_WORDS = 8
"""Most tokens a sentence's subject may have ("Norway’s fisheries minister, Lars Holmgren,")."""
_SUBJECT_SENTENCES = 2
"""How many sentences before a pronoun's own are searched for its antecedent subject."""
_TITLES_BEFORE = 20
"""Most characters of titles between a noun and the name it introduces ("judge, Mrs Justice Rowena Kirby")."""
_SUBJECT_SPAN = 16
"""A subject the tags do not make a noun phrase of is looked for up to its verb, this many tokens on."""
_SUBJECT_VERB_TAGS = frozenset({"VBD", "VBZ", "MD"})
_CLAUSE_WORDS = frozenset({"whom", "whose", "whether", "if", "because", "after", "before", "when", "while"})
"""Words that open a clause before the verb: a person after them is not the sentence's subject."""
_UNKNOWN = ""
"""A subject that describes a person the roles do not identify: the search stops there."""
_WINDOW = 3000
"""Characters searched back for the person a pronoun or description refers to."""


class Resolved(NamedTuple):
    """The actor a speaker span stands for (None: nobody the article names), the span to show, and
    how the text gives the speaker: by name, by a description, or by a pronoun."""

    actor: str | None
    start: int
    end: int
    via: SpeakerVia


class Referents:
    """Resolves speaker mentions of one text to its actors."""

    def __init__(self, parsed: Parsed, actors: Sequence[Actor], mentions: Sequence[Mention],
                 quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.text = parsed.text
        self.actors = {a.id: a for a in actors}
        self.mentions = sorted((m for m in mentions if m.actor in self.actors), key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._sentence_starts = [s for s, _ in parsed.sentences]
        self._token_starts = [t.start for t in parsed.tokens]
        self._token_ends = [t.end for t in parsed.tokens]
        self._token_tags = [t.tag for t in parsed.tokens]
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        by_word: dict[str, set[str]] = {}
        for a in actors:
            for name in (a.name, *a.aliases):
                words = phrase_words(name)
                if words:
                    by_word.setdefault(words[-1], set()).add(a.id)
        self._by_last_word = {w: next(iter(ids)) for w, ids in by_word.items() if len(ids) == 1}
        self._sexes: dict[str, set[str]] = {}
        self._voiced: str | None = None
        """The body the last voice of this text spoke for ("the spokesperson" is its voice again)."""
        for m in self.mentions:
            form = _FORM_BEFORE.search(self.text, max(0, m.start - 8), m.start)
            first = WORD.match(self.text, m.start)
            for word in (form.group(1) if form else "", first.group(0) if first else ""):
                if word.lower() in _FORMS:
                    self._sexes.setdefault(m.actor, set()).add(_FORMS[word.lower()])

    def resolve(self, start: int, end: int, last: tuple[str, int] | None = None) -> Resolved:
        """The actor that ``text[start:end]`` names, the mention span to show for it, and how it names it.

        ``last`` is the previous speaker and where it was named, for pronouns and descriptions.
        """
        words = phrase_words(self.text[start:end])
        if not words:
            return Resolved(None, start, end, "named")
        head = words[-1]
        inside = self._between(start, end)
        if inside and head not in person_nouns() and head not in source_nouns():
            people = [m for m in inside if self.actors[m.actor].kind == "person"]
            m = (people or inside)[-1]
            return Resolved(m.actor, m.start, m.end, "named")
        if len(words) == 1 and head in _PERSONAL:
            return Resolved(self._person_for(start, last, _SEX[head]), start, end, "pronoun")
        if len(words) == 1 and head in _RELATIVE:
            before = self._between(max(0, start - 80), start)
            return Resolved(before[-1].actor if before else None, start, end, "pronoun")
        if len(words) == 1 and head in _GROUP:
            return Resolved(self._salient_body(start, last, nearest=head == "it"), start, end, "pronoun")
        if head in _VOICES or head in source_nouns():
            body = self._voiced_body(start, end, words, head, inside)
            if body is not None:
                return Resolved(body, start, end, "description")
        if head in person_nouns() or head in source_nouns() or self._describes_one(start, end, words):
            return Resolved(self._described(start, end, words, head, last), start, end, "description")
        if words[0] in _DEFINITE and not inside and fold(head) in lexicon().demonyms:
            # "the Swede", "the 21-year-old Pole" (not "the Russians"): an epithet, not a role, read as a pronoun is
            return Resolved(self._preceding_subject(start) or self._salient_person(start, last), start, end,
                            "description")
        return Resolved(self._by_last_word.get(head.removesuffix("'s")), start, end, "named")

    def _voiced_body(self, start: int, end: int, words: list[str], head: str, inside: list[Mention]) -> str | None:
        """The body a voice or a document speaks for: named in it ("a Department for Education
        spokesperson"), in its complement ("a spokesman for the ministry", "a note from Pareto
        Securities") or, for "the spokesperson", the body of the voice before."""
        bodies = [m.actor for m in inside if self.actors[m.actor].kind == "organization"]
        join = (_VOICE_OF if head in _VOICES else _DOCUMENT_FROM).match(self.text, end)
        if not bodies and join:
            i = j = bisect.bisect_left(self._token_starts, join.end())
            while j < len(self._token_starts) and j - i < _SUBJECT_WORDS and self._token_tags[j] in _BODY_NP_TAGS:
                j += 1
            if j > i:
                np_start, np_end = self._token_starts[i], self._token_ends[j - 1]
                bodies = [m.actor for m in self._between(np_start, np_end) if self.actors[m.actor].kind == "organization"]
                complement = phrase_words(self.text[np_start:np_end])
                if not bodies and complement[0] in _DEFINITE:
                    found = self._by_role(np_start, set(complement[1:]), person=False)
                    bodies = [found] if found else []
        content = {w for w in words[:-1] if w not in _DEFINITE and w not in ("a", "an", "one", "another")}
        if not bodies and content and head in _VOICES:
            found = self._by_role(start, content, person=False)
            bodies = [found] if found else []
        if not bodies and head in _VOICES and words[0] in _DEFINITE and not content:
            bodies = [self._voiced] if self._voiced else []
        if bodies and head in _VOICES:
            self._voiced = bodies[0]
        return bodies[0] if bodies else None

    def _describes_one(self, start: int, end: int, words: list[str]) -> bool:
        """A definite description of one someone by a noun the lists do not hold: "the bow-tied maverick"."""
        k = bisect.bisect_right(self._token_starts, end - 1) - 1
        return (words[0] in _DEFINITE | _POSSESSIVE and k >= 0 and self._token_tags[k] == "NN"
                and self.text[self._token_starts[k]].islower())

    def _described(self, start: int, end: int, words: list[str], head: str,
                   last: tuple[str, int] | None) -> str | None:
        """A description: an actor whose role (or, for bodies, name) shares a word, else the salient person."""
        person = head not in source_nouns()
        content = {w for w in words if w not in _DEFINITE and w not in ("a", "an", "one", "another")}
        found = self._by_role(start, content, person) or (
            self._introduced_as(start, head) if head in person_nouns() else None)
        if found is not None:
            return found
        if person and words[0] in _DEFINITE:
            found = self._salient_person(start, last)
            actor = self.actors.get(found) if found else None
            if actor is None or content & set(phrase_words(actor.name)) or (
                    actor.role and head in person_nouns() and not content & PAST_OFFICE):
                # "the Clinton aide" is not Clinton; a known role that shares no word with a role noun
                # ("the official") is another person, but an epithet ("the bow-tied maverick") is not a
                # role, and "the former minister" says nothing of the present one
                return None
            return found
        return None

    def _introduced_as(self, start: int, head: str) -> str | None:
        """The person the text introduced by this noun beside their name before ``start`` ("the
        defender Daniel Obregón", "Her daughter, Giulia", "the judge, Mrs Justice Rowena Kirby"):
        the latest such."""
        found = None
        for m in re.finditer(rf"\b{re.escape(head)},?\s+", self.text[max(0, start - _WINDOW):start], re.IGNORECASE):
            at = max(0, start - _WINDOW) + m.end()
            k = bisect.bisect_left(self._starts, at)
            if k < len(self.mentions) and self.actors[self.mentions[k].actor].kind == "person":
                between = self.text[at:self.mentions[k].start]
                if len(between) <= _TITLES_BEFORE and all(w[:1].isupper() for w in between.split()):
                    found = self.mentions[k].actor
        return found

    def _by_role(self, start: int, content: set[str], person: bool) -> str | None:
        """The actor whose role (or, for bodies, name) shares most words with a description; of
        those sharing as many, the one whose role adds the fewest words to it ("the minister" is
        the "Housing Minister" rather than the "shadow housing minister"), then the nearest."""
        def fit(actor: Actor) -> tuple[int, int]:
            if (actor.kind == "person") != person:
                return 0, 0
            known = known_words(actor, person)
            return len(content & known), -len(known - content)

        # Recently mentioned actors first, then any actor of the article ("the NATO chief" pages later).
        window = self._between(max(0, start - _WINDOW), start)
        recent = [(*fit(self.actors[m.actor]), m.start, m.actor) for m in window]
        anywhere = [(*fit(a), -1, a.id) for a in self.actors.values()]
        best = max((c for c in recent if c[0]), default=None) or max((c for c in anywhere if c[0]), default=None)
        return best[3] if best is not None else None

    def _preceding_subject(self, pos: int) -> str | None:
        """The person the sentence or two before a pronoun's sentence are about, named or described
        ("… the commissioner shook her head. “…,” she said." → the commissioner).

        A pronoun speaker most often continues the subject just before it; salience over the
        whole window comes only after. The search stays in the same or the previous paragraph.
        """
        anchor = self._sentence_anchor(pos)
        para = self.text.rfind("\n\n", 0, anchor)
        lo = max(0, self.text.rfind("\n\n", 0, para) if para > 0 else 0, anchor - _WINDOW)
        bounds = [lo] + [m.end() for m in _SENTENCE_END.finditer(self.text, lo, anchor)]
        sentences = [(a, b) for a, b in zip(bounds, bounds[1:]) if self.text[a:b].strip()]
        looked = 0
        for s, e in reversed(sentences):
            quoted_until = self._quote_end(s)
            if quoted_until is not None and quoted_until >= e:
                continue  # quoted words are the speaker's, not the narrative's subject
            if quoted_until is not None:  # "“…,” Holmgren said.": the attribution is the subject
                named = [m for m in self._between(quoted_until, e) if not self._in_quote(m.start)]
                found = named[0].actor if named else None
                if found is None:
                    return None  # "“…,” he said.": that pronoun's own referent is not known here
            else:
                found = self._subject_of(s, e)
            if found == _UNKNOWN:
                return None
            if found is not None:
                return found if self.actors[found].kind == "person" else None
            looked += 1  # no subject, or a pronoun that continues the one before it
            if looked == _SUBJECT_SENTENCES:
                break
        return None

    def _quote_end(self, pos: int) -> int | None:
        """The end of the quotation that ``pos`` lies in or opens, if any."""
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return self._quoted[k][1] if k >= 0 and pos < self._quoted[k][1] else None

    def _sentence_anchor(self, pos: int) -> int:
        """Where the pronoun's sentence starts, a quotation it closes included ("“…,” she said")."""
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        if k >= 0 and self._quoted[k][1] <= pos and not _SENTENCE_END.search(self.text, self._quoted[k][1], pos):
            return self._quoted[k][0]
        breaks = list(_SENTENCE_END.finditer(self.text, max(0, pos - 300), pos))
        return breaks[-1].end() if breaks else max(0, pos - 300)

    def _subject_of(self, start: int, end: int) -> str | None:
        """The actor a sentence's subject names or describes: at its start, or after a leading
        clause ("Asked whether …, the commissioner shook her head")."""
        i = bisect.bisect_left(self._token_starts, start)
        if i >= len(self._token_starts) or self._token_starts[i] >= end:
            return None
        if self._token_tags[i] in _CLAUSE_OPENERS:
            comma = self.text.find(",", start, end)
            if comma < 0:
                return None
            i = bisect.bisect_left(self._token_starts, comma + 1)
        found = self._noun_phrase_subject(i, end)
        if found is None or found == _UNKNOWN or self.actors[found].kind != "person":
            # a subject the tags cut or overran ("Rangers captain Euan Tait" with "captain" a verb,
            # "The second witness, the loss adjuster Martin Hale,"): the person named before the verb
            return self._person_before_verb(i, end) or found
        return found

    def _noun_phrase_subject(self, i: int, end: int) -> str | None:
        """The actor the noun phrase at token ``i`` names or describes, if the tags make one."""
        j = i
        while j < len(self._token_starts) and self._token_starts[j] < end and self._token_tags[j] in _SUBJECT_NP_TAGS:
            j += 1
        if j == i or j - i > _SUBJECT_WORDS:
            return None
        np_start, np_end = self._token_starts[i], self._token_ends[j - 1]
        named = [m for m in self._between(np_start, np_end) if not self.text.startswith(("’s", "'s"), m.end)]
        if named:
            return named[-1].actor
        words = phrase_words(self.text[np_start:np_end])
        if words and words[-1] in person_nouns() and words[0] in _DEFINITE:
            return self._by_full_role(np_start, set(words[1:])) or _UNKNOWN
        return None

    def _person_before_verb(self, i: int, end: int) -> str | None:
        """The first person named between token ``i`` and the first verb in the past or third
        person after it, within ``_SUBJECT_SPAN`` tokens; None without such a verb, or when a
        clause opens before it ("Trump's claim that Obama and Clinton created …")."""
        k = i
        while k < len(self._token_starts) and self._token_starts[k] < end and k - i < _SUBJECT_SPAN:
            word = self.text[self._token_starts[k]:self._token_ends[k]].lower()
            if word in _RELATIVE or word in _CLAUSE_WORDS:
                return None
            if self._token_tags[k] in _SUBJECT_VERB_TAGS:
                people = [m for m in self._between(self._token_starts[i], self._token_starts[k])
                          if self.actors[m.actor].kind == "person" and not self.text.startswith(("’s", "'s"), m.end)]
                return people[0].actor if people else None
            k += 1
        return None

    def _by_full_role(self, start: int, content: set[str]) -> str | None:
        """The person whose role holds every word of a description ("the commissioner" for the
        "European Commissioner for Maritime Affairs"); a partial match may be someone else
        ("the Republican nominee" is not the Libertarian one)."""
        found = self._by_role(start, content, person=True)
        if found is None or not content <= role_words(self.actors[found].role or ""):
            return None
        return found

    def _salient_body(self, pos: int, last: tuple[str, int] | None, nearest: bool) -> str | None:
        """An organisation for "it" (the nearest one) or "they"/"we" (only the last speaker, if one)."""
        if last is not None and self.actors[last[0]].kind == "organization":
            return last[0]
        if not nearest:
            return None
        bodies = [m for m in self._between(max(0, pos - _WINDOW), pos)
                  if self.actors[m.actor].kind == "organization" and not self._in_quote(m.start)]
        return bodies[-1].actor if bodies else None

    def _person_for(self, pos: int, last: tuple[str, int] | None, sex: str) -> str | None:
        """The person a "he" or "she" at ``pos`` refers to: the subject before it, else the most
        salient person, passing over anyone the text gives the other sex. A subject so chosen is
        noted as that person's sex for the pronouns after it; salience, which errs more, is not."""
        subject = self._preceding_subject(pos)
        if subject is not None and sex in self._sexes.get(subject, {sex}):
            self._sexes.setdefault(subject, set()).add(sex)
            return subject
        for actor in self._salient_people(pos, last):
            if sex in self._sexes.get(actor, {sex}):
                return actor
        return None

    def _salient_person(self, pos: int, last: tuple[str, int] | None) -> str | None:
        people = self._salient_people(pos, last)
        return people[0] if people else None

    def _salient_people(self, pos: int, last: tuple[str, int] | None) -> list[str]:
        """People a pronoun or description may refer to, most salient first: those who opened a
        sentence since the last speaker was named (nearest first), the last speaker, then everyone
        named in the window, nearest first."""
        since = last[1] if last else 0
        window = self._between(max(0, pos - _WINDOW), pos)
        people = [m for m in window if self.actors[m.actor].kind == "person" and not self._in_quote(m.start)]
        ranked: list[str] = []
        for m in reversed(people):
            if m.start <= since:
                break
            if self._opens_sentence(m):
                ranked.append(m.actor)
        if last is not None and self.actors[last[0]].kind == "person":
            ranked.append(last[0])
        ranked += [m.actor for m in reversed(people)]
        return list(dict.fromkeys(ranked))

    def _opens_sentence(self, m: Mention) -> bool:
        """The mention is its sentence's subject: only titles and capitalised words come before it."""
        k = bisect.bisect_right(self._sentence_starts, m.start) - 1
        start = max(self._sentence_starts[k] if k >= 0 else 0, m.start - 200)
        # The engine's sentences may run over a paragraph break or a closed quotation: cut there too.
        breaks = list(_SENTENCE_END.finditer(self.text, start, m.start))
        lead = self.text[breaks[-1].end() if breaks else start:m.start]
        titles = person_nouns()
        return (all(w[:1].isupper() or w.lower() in titles or w.lower() in _TITLE_WORDS for w in WORD.findall(lead))
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
