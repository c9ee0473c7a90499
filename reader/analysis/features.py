"""What the actor tagger sees of each token: the evidence, as named features.

The tagger (:mod:`tagger`) is a linear-chain CRF over the tokens of one sentence. Each
token is described by features of these families, each named by a prefix so an
ablation can leave a family out (``training/train_actors.py``):

- ``shape``: capitals, digits, punctuation, length; whether the token opens the sentence.
- ``tag``: the part-of-speech tag of the token and its neighbours.
- ``ent``: spaCy's entity label (IOB) of the token and its neighbours.
- ``line``: whether the line is a heading in capitals or Title Case, where capitals carry
  no evidence, so the case features are also given per kind of line.
- ``word``: the lower-cased word, but for a capitalised token only when the word is a
  common lower-case word of the training text (``"Minister"``, ``"Bank"``): names of
  1996 are not remembered, so the model generalises to names it never saw.
- ``context``: the words around the token, under the same rule.
- ``suffix``: the last letters of a capitalised word (``-stan``, ``-ski``).
- ``doc``: how the same word is written and labelled elsewhere in the document (in
  lower case, capitalised mid-sentence, spaCy's labels there).
- ``list:NAME``: membership in one of Reader's word lists (given names, titles, ...).

A second stage (``stacked``) adds what the first stage predicted for the same word
elsewhere in the document.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis.engine import Parsed, Token, as_read
from reader.analysis.gazetteer import Lexicon, key
from reader.analysis.lines import line_kinds
from reader.analysis.names import PARTICLES

FAMILIES = ("shape", "tag", "ent", "line", "word", "context", "suffix", "doc")
"""Feature families that are not word lists (each can be switched off for an ablation)."""

LISTS = ("given", "title", "honorific", "particle", "suffix_corp", "org_word", "place_word", "place", "demonym")
"""Word-list features (``list:NAME``), each switched off on its own in the ablation."""

MAX_LIST_NAME_TOKENS = 4
WORDS_REMEMBERED = 1 << 16
"""How many words' shapes, word features and word-list flags are kept from one document to the next."""

@dataclass(frozen=True, slots=True)
class Sentence:
    """The tokens ``[first, last)`` of :attr:`Parsed.tokens` that the tagger labels as one sequence."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class DocumentView:
    """Per-token evidence of one document (words, kinds of line, spaCy labels, word lists,
    document evidence), computed once; the features of a sentence are built from it."""

    tokens: Sequence[Token]
    words: list[str]
    lowers: list[str]
    lines: list[str]
    ents: list[str]
    firsts: list[bool]
    shapes: list[str]
    known: list[str]
    context: list[str]
    lists: Sequence[Sequence[str]]
    doc: Sequence[Sequence[str]]


def sentences(parsed: Parsed) -> list[Sentence]:
    """Sequences for the tagger: spaCy's sentences, also cut at every line break."""
    out: list[Sentence] = []
    tokens = parsed.tokens
    text = parsed.text
    first = 0
    for i in range(1, len(tokens)):
        if tokens[i].sent_start or "\n" in text[tokens[i - 1].end:tokens[i].start]:
            out.append(Sentence(first, i))
            first = i
    if tokens:
        out.append(Sentence(first, len(tokens)))
    return out


def shape(word: str) -> str:
    """A short shape: ``Xx`` for "Berlin", ``X.X.`` for "U.S.", ``d`` for digits, repeats folded."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


_shape = lru_cache(maxsize=WORDS_REMEMBERED)(shape)


def capitalised(word: str) -> bool:
    return word[:1].isupper()


class Featurizer:
    """Builds the feature lists of a parsed text; ``off`` names families and lists left out."""

    def __init__(self, lex: Lexicon, vocabulary: frozenset[str], off: Iterable[str] = ()) -> None:
        self.lex = lex
        self.vocabulary = vocabulary
        self.off = frozenset(off)
        self._families = {name: name not in self.off for name in (*FAMILIES, *(f"list:{n}" for n in LISTS))}
        # what depends on the word alone is remembered across documents: most words recur
        self._flags = lru_cache(maxsize=WORDS_REMEMBERED)(self._word_lists)
        self._known = lru_cache(maxsize=WORDS_REMEMBERED)(self._known_uncached)

    def on(self, family: str) -> bool:
        return self._families.get(family, family not in self.off)

    def view(self, parsed: Parsed) -> DocumentView:
        """The per-token evidence of one document, from which each sentence's features are built."""
        text = as_read(parsed.text)  # the words as spaCy read them
        tokens = parsed.tokens
        words = [text[t.start:t.end] for t in tokens]
        lowers = [w.lower() for w in words]
        lines = line_kinds(parsed, self.vocabulary)
        ents = _entity_iob(parsed)
        firsts = [t.sent_start or i == 0 or "\n" in text[tokens[i - 1].end:t.start] for i, t in enumerate(tokens)]
        shapes = list(map(_shape, words))
        known = list(map(self._known, words))
        lists = self._lists(words, lowers) if any(self.on(f"list:{n}") for n in LISTS) else [()] * len(words)
        doc = _document_evidence(words, lowers, lines, firsts, ents) if self.on("doc") else [()] * len(words)
        context = [k or s for k, s in zip(known, shapes)]
        return DocumentView(parsed.tokens, words, lowers, lines, ents, firsts, shapes, known, context, lists, doc)

    def document(self, parsed: Parsed) -> list[list[str]]:
        """One list of feature names per token of ``parsed`` (for training: the tagger builds
        them a sentence at a time, so a long article never holds them all)."""
        view = self.view(parsed)
        return self.features(view, 0, len(view.words))

    def features(self, view: DocumentView, first: int, last: int) -> list[list[str]]:
        """The first stage's features of tokens ``[first, last)``."""
        tokens, words, lines, ents, shapes, known, context = (view.tokens, view.words, view.lines, view.ents,
                                                               view.shapes, view.known, view.context)
        on_shape, on_line, on_tag, on_ent = self.on("shape"), self.on("line"), self.on("tag"), self.on("ent")
        on_word, on_context, on_suffix = self.on("word"), self.on("context"), self.on("suffix")
        out: list[list[str]] = []
        n = len(tokens)
        for i in range(first, last):
            token = tokens[i]
            f = ["b"]
            line = lines[i]
            if on_shape:
                s = shapes[i]
                f += [f"s={s}", f"n={min(len(words[i]), 8)}"]
                if view.firsts[i]:
                    f += ["first", f"first:s={s}"]
                if i + 1 >= n or view.firsts[i + 1]:
                    f.append("last")
            if on_line:
                f.append(f"l={line}")
                if on_shape and line != "body":
                    f.append(f"l={line}:s={shapes[i]}")
            if on_tag:
                f += [f"t={token.tag}", f"t-1={tokens[i - 1].tag if i else '^'}",
                      f"t+1={tokens[i + 1].tag if i + 1 < n else '$'}"]
                if on_line:
                    f.append(f"l={line}:t={token.tag}")
            if on_ent:
                e = ents[i]
                f += [f"e={e}", f"e-1={ents[i - 1] if i else '^'}", f"e+1={ents[i + 1] if i + 1 < n else '$'}"]
                if on_line:
                    f.append(f"l={line}:e={e}")
            if on_word and known[i]:
                f.append(f"w={known[i]}")
            if on_context:
                if i >= 2:
                    f.append(f"w-2={context[i - 2]}")
                if i >= 1:
                    f.append(f"w-1={context[i - 1]}")
                if i + 1 < n:
                    f.append(f"w+1={context[i + 1]}")
                if i + 2 < n:
                    f.append(f"w+2={context[i + 2]}")
            if on_suffix and not known[i] and len(words[i]) > 3 and words[i][:1].isupper():
                f.append(f"x={view.lowers[i][-3:]}")
            f.extend(view.doc[i])
            f.extend(view.lists[i])
            out.append(f)
        return out

    def base_features(self, view: DocumentView, first: int, last: int) -> list[list[str]]:
        """The first-stage features the second stage keeps (:data:`STACKED_BASE`) of tokens
        ``[first, last)``, without building the others."""
        on_shape, on_line, on_tag, on_ent = self.on("shape"), self.on("line"), self.on("tag"), self.on("ent")
        out: list[list[str]] = []
        for i in range(first, last):
            f = ["b"]
            line = view.lines[i]
            if on_shape and view.firsts[i]:
                f += ["first", f"first:s={view.shapes[i]}"]
            if on_line:
                f.append(f"l={line}")
                if on_shape and line != "body":
                    f.append(f"l={line}:s={view.shapes[i]}")
                if on_tag:
                    f.append(f"l={line}:t={view.tokens[i].tag}")
                if on_ent:
                    f.append(f"l={line}:e={view.ents[i]}")
            f.extend(view.doc[i])
            out.append(f)
        return out

    def _known_uncached(self, word: str) -> str:
        """The word as a feature when it carries no name: lower case, or a common word."""
        lower = word.lower()
        if not any(ch.isalpha() for ch in word):
            return lower if len(lower) <= 3 else ""
        if not word[:1].isupper() and not word.isupper():
            return lower
        return lower if lower in self.vocabulary else ""

    def _lists(self, words: Sequence[str], lowers: Sequence[str]) -> list[Sequence[str]]:
        out: list[list[str]] = [[] for _ in words]
        word_flags = self._flags
        for i, w in enumerate(words):
            flags = word_flags(w)
            if not flags:
                continue
            f = out[i]
            f.extend(flags)
            if "L=title" in flags:
                if i + 1 < len(out):
                    out[i + 1].append("L-1=title")
                if i >= 2:
                    _mark_appositive(words, i, out)
                if i + 2 < len(words) and words[i + 1] in ("for", "of"):
                    _mark_office(words, i + 2, out)
            if "L=honorific" in flags and i + 1 < len(out):
                out[i + 1].append("L-1=honorific")
            if "L=corp" in flags and i > 0:
                out[i - 1].append("L+1=corp")
        if self.on("list:particle"):
            _mark_particles(words, out)
        if self.on("list:place"):
            for start, end, tag in _gazetteer_spans(words, self.lex):
                for j in range(start, end):
                    out[j].append(f"L={tag}:{'B' if j == start else 'I'}")
        return [f or () for f in out]

    def _word_lists(self, w: str) -> tuple[str, ...]:
        """The word-list features of one word, whatever its neighbours."""
        lex = self.lex
        on = self.on
        f: list[str] = []
        if on("list:given") and w in lex.given_names:
            f.append("L=given")
        if on("list:title") and lex.is_title(w):
            f.append("L=title")
        if on("list:honorific") and lex.is_honorific(w):
            f.append("L=honorific")
        if on("list:suffix_corp") and w.replace(".", "") in lex.corporate_suffixes and capitalised(w):
            f.append("L=corp")
        if on("list:org_word") and w.replace(".", "") in lex.org_words:
            f.append("L=orgword")
        if on("list:place_word") and w in lex.place_words:
            f.append("L=placeword")
        if on("list:demonym") and capitalised(w) and lex.is_demonym(w):
            f.append("L=demonym")
        return tuple(f)


def _mark_particles(words: Sequence[str], out: list[list[str]]) -> None:
    """Name particles in lower case ("von der", "bin", "da") that lead into a capitalised word:
    ``bridge`` when a capitalised word also stands before them ("Ursula von der Leyen"), else
    ``lead`` ("… said von der Leyen"); the words on both sides are marked too."""
    n = len(words)
    i = 0
    while i < n:
        if words[i] not in PARTICLES:
            i += 1
            continue
        j = i
        while j < n and words[j] in PARTICLES:
            j += 1
        if j < n and capitalised(words[j]) and j - i <= 3:
            how = "bridge" if i > 0 and capitalised(words[i - 1]) else "lead"
            for k in range(i, j):
                out[k].append(f"L=particle:{how}")
            out[j].append(f"L-1=particle:{how}")
            if how == "bridge":
                out[i - 1].append("L+1=particle")
        i = j


def _mark_office(words: Sequence[str], first: int, out: list[list[str]]) -> None:
    """The capitalised words after "Commissioner for", "Secretary of" name an office, which a
    person's name may follow ("… for Maritime Affairs Helena Varga")."""
    for j in range(first, min(len(words), first + 4)):
        if not capitalised(words[j]):
            return
        out[j].append("L=office")


def _mark_appositive(words: Sequence[str], title: int, out: list[list[str]]) -> None:
    """A title in an appositive ("Okafor, the fisheries minister,") marks the name before the comma."""
    for j in range(title - 1, max(-1, title - 5), -1):
        if words[j] == ",":
            if j > 0 and capitalised(words[j - 1]):
                out[j - 1].append("L+app=title")
            return
        if not words[j][:1].isalpha():
            return


def _gazetteer_spans(words: Sequence[str], lex: Lexicon) -> list[tuple[int, int, str]]:
    """Longest matches of known places and organisations over capitalised tokens."""
    found: list[tuple[int, int, str]] = []
    i = 0
    n = len(words)
    while i < n:
        if not capitalised(words[i]):
            i += 1
            continue
        best = None
        k = ""
        for j in range(i, min(n, i + MAX_LIST_NAME_TOKENS)):
            k += key(words[j])
            if k in lex.countries:
                best = (j + 1, "country")
            elif k in lex.places:
                best = (j + 1, "place")
            elif k in lex.organizations:
                best = (j + 1, "org")
            if k not in lex.place_prefixes and k not in lex.organizations:
                break
        if best:
            found.append((i, best[0], best[1]))
            i = best[0]
        else:
            i += 1
    return found


def _entity_iob(parsed: Parsed) -> list[str]:
    """spaCy's entity label of each token, as ``B-PERSON``, ``I-GPE`` or ``O``."""
    out = ["O"] * len(parsed.tokens)
    starts = [t.start for t in parsed.tokens]
    for ent in parsed.entities:
        i = bisect_left(starts, ent.start)
        first = True
        while i < len(parsed.tokens) and parsed.tokens[i].start < ent.end:
            out[i] = f"{'B' if first else 'I'}-{ent.label}"
            first = False
            i += 1
    return out


def _document_evidence(words: Sequence[str], lowers: Sequence[str], lines: Sequence[str],
                       firsts: Sequence[bool], ents: Sequence[str]) -> list[Sequence[str]]:
    """How each capitalised word is written and labelled elsewhere in the document.

    "Climate" in a heading is no name when the body says "climate"; "Thunberg" opening a
    sentence is one when the body has it capitalised mid-sentence or spaCy labels it there.
    """
    lower_seen: Counter[str] = Counter()
    cap_mid: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    caps = [w[:1].isupper() for w in words]
    alpha = [any(ch.isalpha() for ch in w) for w in words]
    for lw, line, first, e, cap, letters in zip(lowers, lines, firsts, ents, caps, alpha):
        if line != "body" or not letters:
            continue
        if not cap:
            lower_seen[lw] += 1
        elif not first:
            cap_mid[lw] += 1
        if cap:
            labels[lw][e[2:] if e != "O" else "O"] += 1
    out: list[Sequence[str]] = []
    known: dict[tuple[str, bool, bool, str], tuple[str, ...]] = {}  # a name's features, worked out once
    for lw, line, first, e, cap, letters in zip(lowers, lines, firsts, ents, caps, alpha):
        if not (cap and letters):
            out.append(())
            continue
        mine = line == "body"
        label = e[2:] if e != "O" else "O"
        f = known.get((lw, mine, first, label))
        if f is None:
            f = known[lw, mine, first, label] = _evidence(lw, mine, first, label, lower_seen, cap_mid, labels)
        out.append(f)
    return out


def _evidence(lw: str, mine: bool, first: bool, label: str, lower_seen: Counter[str], cap_mid: Counter[str],
              labels: dict[str, Counter[str]]) -> tuple[str, ...]:
    """The document features of a capitalised word ``lw`` with spaCy's ``label``, not counting
    itself where it was counted (``mine``: in the body)."""
    f: list[str] = []
    if lower_seen[lw]:
        f.append("d=lower")
    if cap_mid[lw] - (mine and not first):
        f.append("d=capmid")
    seen = labels.get(lw)
    if seen:
        seen = seen.copy()
        if mine:
            seen[label] -= 1
        total = sum(seen.values())
        if total > 0:
            top, count = seen.most_common(1)[0]
            if count > 0:
                f.append(f"d=e:{top}")
                if count == total:
                    f.append(f"d=e!:{top}")
    return tuple(f)


STACKED_BASE = ("b", "first", "l=", "d=")
"""The only first-stage features the second stage keeps (position, kind of line, how the
word is written elsewhere).

With all of them it would learn the training text through them again, and trust the
first stage's labels less than it should on text it never saw."""


class Stacked:
    """The first stage's labels of one document, gathered by word, for the second stage."""

    def __init__(self, words: Sequence[str], labels: Sequence[str]) -> None:
        self.labels = labels
        self.lowers = [w.lower() for w in words]
        self.caps = [w[:1].isupper() for w in words]
        self.own = [_stacked_label(labels, i) if cap else "" for i, cap in enumerate(self.caps)]
        self.seen: dict[str, Counter[str]] = defaultdict(Counter)
        for lw, cap, mine in zip(self.lowers, self.caps, self.own):
            if cap:
                self.seen[lw][mine] += 1
        self._known: dict[tuple[str, str], tuple[str, ...]] = {}

    def features(self, base: Sequence[list[str]], first: int) -> list[list[str]]:
        """Second-stage features of the tokens from ``first`` on, given their :data:`STACKED_BASE`
        features: the first stage's label of the token and its neighbours, and its labels for
        the same word elsewhere in the document with where in a name it stood there (a lone
        "Blackburn" after "Peter Blackburn")."""
        labels = self.labels
        n = len(labels)
        out: list[list[str]] = []
        for i, f in enumerate(base, first):
            f = f + [f"p={labels[i]}", f"p-1={labels[i - 1] if i else '^'}", f"p+1={labels[i + 1] if i + 1 < n else '$'}"]
            if self.caps[i]:
                f.extend(self._elsewhere(self.lowers[i], self.own[i]))
            out.append(f)
        return out

    def _elsewhere(self, lw: str, own: str) -> tuple[str, ...]:
        """The features of the first stage's labels for ``lw`` elsewhere (all but ``own``), worked
        out once per word and label."""
        found = self._known.get((lw, own))
        if found is not None:
            return found
        f: list[str] = []
        counts = self.seen.get(lw)
        if counts is not None:
            counts = counts.copy()
            counts[own] -= 1
            total = sum(counts.values())
            if total > 0:
                for name, count in counts.items():
                    if count > 0:
                        f.append(f"P={name}")
                type_counts: Counter[str] = Counter()
                for name, count in counts.items():
                    type_counts[name.split(":")[0]] += count
                top, count = type_counts.most_common(1)[0]
                f.append(f"P!={top}" if count == total else f"P~={top}")
        found = self._known[lw, own] = tuple(f)
        return found


def stacked(first: list[list[str]], words: Sequence[str], labels: Sequence[str]) -> list[list[str]]:
    """Second-stage features of a whole document from its first-stage features and labels."""
    base = [[x for x in feats if x[0] in "bfld" and x.startswith(STACKED_BASE)] for feats in first]
    return Stacked(words, labels).features(base, 0)


def _stacked_label(labels: Sequence[str], i: int) -> str:
    """A token's first-stage type and its place in the name: ``PER:last``, ``ORG:first``, ``O``."""
    label = labels[i]
    if label == "O":
        return "O"
    kind = label[2:]
    begins = label.startswith("B-")
    ends = i + 1 >= len(labels) or labels[i + 1] != f"I-{kind}"
    place = "only" if begins and ends else "first" if begins else "last" if ends else "inner"
    return f"{kind}:{place}"
