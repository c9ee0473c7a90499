"""Speech cues ("said", "pointed out", "according to") and speaker nouns, from Reader's word lists."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reader.bundled import word_list


class Cues:
    """Matches the speech cues of ``speech_verbs.txt`` against lower-cased tokens."""

    def __init__(self, phrases: list[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(phrase.lower().split())
            self._by_first.setdefault(words[0], []).append(words)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)  # the longest phrase wins: "pointed out" over "pointed"

    def may_start(self, word: str) -> bool:
        """Whether some cue begins with ``word`` (most words can be passed over at once)."""
        return word in self._by_first

    def match(self, words: Sequence[str], i: int, end: int) -> int:
        """How many tokens from ``words[i]`` (before ``end``) form a cue; 0 if none does."""
        for phrase in self._by_first.get(words[i], ()):
            n = len(phrase)
            if i + n <= end and tuple(words[i:i + n]) == phrase:
                return n
        return 0


@cache
def speech_cues() -> Cues:
    return Cues(word_list("speech_verbs.txt"))


@cache
def person_nouns() -> frozenset[str]:
    """Heads of descriptions that name a person by role: "the NATO chief", "a spokeswoman"."""
    return frozenset(word_list("speaker_nouns.txt"))


@cache
def source_nouns() -> frozenset[str]:
    """Heads of descriptions that name a speaking body or document: "the study", "the ministry"."""
    return frozenset(word_list("source_nouns.txt"))
