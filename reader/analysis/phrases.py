"""Noun phrases over the engine's tags: the names and descriptions a speaker can be given by.

Without a parser, a noun phrase is a run of nominal words (capitalised words count
whatever their tag), with a parenthesis allowed; a speech cue ends it ("Stoltenberg
state", though tagged as a noun). :class:`PhraseReader` is the base the speaker
candidates build on.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from reader.analysis.cues import Cues
from reader.analysis.engine import Parsed
from reader.analysis.quotemarks import QuotedSpan

NP_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "JJR", "JJS", "DT", "PRP", "PRP$", "POS", "CD", "HYPH",
                      "VBN"})
HEAD_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "PRP", "CD"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})
CLOSED_CLASS = frozenset({"IN", "CC", "TO", "WRB", "WDT", "WP", "RB", "MD", "PRP", "PRP$", "DT", "EX", "UH", "PDT"})
"""Tags of words that are never part of a name, capitalised or not."""
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                   "yesterday", "tonight", "on", "last", "this", "week", "month", "year", "morning", "afternoon",
                   "evening", "night", "earlier", "later", "again", "also", "then", "recently", "once"})
DASHES = frozenset({"—", "–", "―", "-", "--"})
NOUN_OPENERS = frozenset({"a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my",
                          "your"})
"""Determiners and possessives: a cue word tagged a noun after one is the noun ("a note", "their reply")."""


class Tokens:
    """The engine's tokens as parallel lists, lower-cased words included."""

    def __init__(self, parsed: Parsed) -> None:
        text = parsed.text
        self.text = text
        self.starts = [t.start for t in parsed.tokens]
        self.ends = [t.end for t in parsed.tokens]
        self.tags = [t.tag for t in parsed.tokens]
        self.words = [text[t.start:t.end].lower() for t in parsed.tokens]
        self.quoted = [False] * len(self.starts)

    def mark_quoted(self, quotes: Sequence[QuotedSpan]) -> None:
        """Remember which tokens lie inside a quotation: they are never cues or speakers."""
        for q in quotes:
            for k in range(self.at(q.start), self.at(q.end)):
                self.quoted[k] = True

    def at(self, pos: int) -> int:
        """Index of the first token that starts at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.starts[i], self.ends[j - 1]


class PhraseReader:
    """Reads noun phrases left and right of a token, and the speech cues that bound them."""

    def __init__(self, parsed: Parsed, cues: Cues) -> None:
        self.tok = Tokens(parsed)
        self.cues = cues

    def _nominal(self, k: int) -> bool:
        """A word that can be part of a noun phrase; capitalised words count whatever their tag."""
        t = self.tok
        return t.tags[k] in NP_TAGS or (t.text[t.starts[k]].isupper() and t.words[k].isalpha()
                                          and t.tags[k] not in CLOSED_CLASS)

    def np_right(self, i: int, hi: int) -> tuple[int, int] | None:
        """The noun phrase that starts at token ``i``: ``(i, end)``, or None."""
        t = self.tok
        if i >= hi or t.tags[i] in RELATIVE_TAGS or t.tags[i] in ("POS", "HYPH"):
            return None
        if t.tags[i] == "PRP":
            return (i, i + 1) if t.words[i] in SUBJECT_PRONOUNS else None
        j, end = i, i
        while j < hi:
            if j > i and (self._cue_closes_np(j, hi) or t.tags[j] == "PRP"):
                break  # "Stoltenberg state," — the cue, though tagged as a noun
            if self._nominal(j):
                j += 1
                if t.tags[j - 1] in HEAD_TAGS or t.text[t.starts[j - 1]].isupper():
                    end = j
            elif t.words[j] == "(" and j > i:
                close = self._closing_paren(j, hi)
                if close is None:
                    break
                j = end = close + 1
            else:
                break
        if end == i or end - i == 1 and t.words[i] in ("this", "that", "there", "here"):
            return None
        return i, end

    def cue_at(self, i: int, hi: int) -> int:
        """The length of the cue at token ``i``, 0 if none; "so-called" is no cue, nor a noun ("a note")."""
        t = self.tok
        if i > 0 and t.words[i - 1] in DASHES and t.starts[i] == t.ends[i - 1] or self._noun_use(i):
            return 0
        return self.cues.match(t.words, i, hi)

    def _noun_use(self, k: int) -> bool:
        """A cue word tagged a noun after a determiner or possessive is the noun: "according to a
        note from Pareto", "the report found", "his claim". Neither the tag alone is trusted ("Holm
        state," is tagged a noun too) nor the article alone ("the former said")."""
        t = self.tok
        if t.tags[k] not in ("NN", "NNS"):
            return False
        i = k - 1
        while i >= 0 and t.tags[i] in ("JJ", "JJR", "JJS", "VBN", "HYPH"):
            i -= 1  # "a brief written statement"
        return i >= 0 and (t.tags[i] == "POS" or t.words[i] in NOUN_OPENERS)

    def _cue_closes_np(self, j: int, hi: int) -> bool:
        t = self.tok
        n = self.cue_at(j, hi)
        return bool(n) and (j + n >= hi or not self._nominal(j + n) or t.tags[j + n] == "PRP")

    def _closing_paren(self, j: int, hi: int) -> int | None:
        t = self.tok
        return next((k for k in range(j + 1, min(hi, j + 8)) if t.words[k] == ")"), None)
