"""Reader's own word lists (``resources/wordlists``), loaded once, for the actor layer.

They are evidence for the actor tagger (:mod:`features`: each list is a feature whose gain
the training script's ablation measures) and the words of roles (:mod:`roles`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache

from reader.bundled import word_list


def fold(word: str) -> str:
    """The lookup form of one word: case-folded, without dots, with straight apostrophes
    (``str.replace``, several times faster than one ``translate`` with a table: it runs on
    every word of every name)."""
    return word.casefold().replace(".", "").replace("\u2019", "'")


def key(name: str) -> str:
    """The lookup form of a whole name: :func:`fold` without any white space ("U.S." = "US"):
    ``str.split()`` cuts at every character ``str.isspace()`` knows."""
    return "".join(name.casefold().replace(".", "").replace("\u2019", "'").split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: frozenset[str]
    honorifics: frozenset[str]
    role_modifiers: frozenset[str]
    org_words: frozenset[str]
    corporate_suffixes: frozenset[str]
    place_words: frozenset[str]
    misc_words: frozenset[str]  # learned: training/learned_words.py
    places: frozenset[str]  # countries included
    countries: frozenset[str]
    organizations: frozenset[str]
    demonyms: frozenset[str]
    given_names: frozenset[str]
    learned_given_names: frozenset[str]  # learned: training/learned_words.py
    lower_words: frozenset[str]  # learned: training/learned_words.py lower
    misc_org_words: frozenset[str]  # learned: training/learned_words.py misc_org
    not_names: frozenset[str]  # calendar words included
    calendar: frozenset[str]
    place_prefixes: frozenset[str]

    def is_title(self, word: str) -> bool:
        """A title head word ("President", "secretary-general", "Ministers", "Gen.")."""
        w = fold(word.strip(",;:"))
        if w in self.titles or (w.endswith("s") and w[:-1] in self.titles):
            return True
        parts = [p for p in w.split("-") if p]
        return len(parts) > 1 and parts[-1] in self.titles and all(
            p in self.titles or p in self.role_modifiers for p in parts[:-1])

    def is_given_name(self, word: str) -> bool:
        """A given name of the list or of those learned from CoNLL train ("Todd", "Matthew")."""
        return word in self.given_names or word in self.learned_given_names

    def knows(self, name: str) -> bool:
        """Whether the lists know ``name`` whole as a place or a body ("Trinidad and Tobago")."""
        k = key(name)
        return k in self.places or k in self.organizations

    def is_honorific(self, word: str) -> bool:
        return fold(word) in self.honorifics

    def is_demonym(self, phrase: str) -> bool:
        w = fold(phrase)
        return w in self.demonyms or (w.endswith("s") and w[:-1] in self.demonyms) or (
            w.endswith("es") and w[:-2] in self.demonyms)


def _folded(name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in word_list(name))


def _keys(name: str) -> frozenset[str]:
    from reader.analysis.names import name_key

    return frozenset(name_key(w) for w in word_list(name))


_RELEARNED: list[Lexicon] = []


def lexicon() -> Lexicon:
    """All word lists (read from disk on first use only), or those of :func:`relearned` inside it."""
    return _RELEARNED[-1] if _RELEARNED else _shipped()


@contextmanager
def relearned(misc_words: frozenset[str], learned_given_names: frozenset[str]) -> Iterator[Lexicon]:
    """The shipped lexicon with its two lists learned from CoNLL train replaced while inside.

    Cross-validation (``training/train_actors.py``) measures each fold with the lists learned
    without it, as text the lists never saw meets them; the actor layer reads the lexicon from
    many places, so it is swapped for the fold rather than passed down."""
    _RELEARNED.append(replace(lexicon(), misc_words=misc_words, learned_given_names=learned_given_names))
    try:
        yield _RELEARNED[-1]
    finally:
        _RELEARNED.pop()


@lru_cache(maxsize=1)
def _shipped() -> Lexicon:
    """The lists of ``resources/wordlists``, read from disk once."""
    countries = _keys("countries.txt")
    calendar = _folded("calendar.txt")
    places = _keys("places.txt") | countries
    return Lexicon(
        titles=_folded("titles.txt"),
        honorifics=_folded("honorifics.txt"),
        role_modifiers=_folded("role-modifiers.txt"),
        org_words=frozenset(word_list("org-words.txt")),  # case matters: "Bank", not "bank"
        corporate_suffixes=frozenset(word_list("corporate-suffixes.txt")),
        place_words=frozenset(word_list("place-words.txt")),
        misc_words=frozenset(word_list("misc-words.txt")),
        places=places,
        countries=countries,
        organizations=_keys("organizations.txt"),
        demonyms=_folded("demonyms.txt"),
        given_names=frozenset(word_list("given-names.txt")),
        learned_given_names=frozenset(word_list("given-names-learned.txt")),
        lower_words=frozenset(word_list("lower-words.txt")),
        misc_org_words=frozenset(word_list("misc-org-words.txt")),
        not_names=_folded("not-names.txt") | calendar,
        calendar=calendar,
        place_prefixes=frozenset(k[:n] for k in places for n in range(1, len(k) + 1)),
    )
