"""Where a name ends when "&" joins it, "'s" closes it or a title's word follows it.

- ``ampersands``: capitalised words joined by "&" are one name, and a firm's: "Ben & Jerry's",
  "Johnson & Johnson", "Goldman Sachs & Co" (every such name of CoNLL train is an
  organisation, or a place's park board). The tagger may read the two sides as two people
  ("Ben", "Jerry") or find one of them only. Two given names alone ("Jim & Sarah") and "I"
  ("Ann & I") are people, unless an "'s" closes them.
- ``apostrophe_names``: an "'s" that no noun follows is no possessive but the end of the name
  of a body or a place: "Sainsbury's and Marks & Spencer", "Moody's said", "in St. John's."
  (CoNLL writes "Moody 's", "Lloyd 's", "St. Matthew 's" whole). Where the document writes a
  spelling so at least once (a stop, a comma, "and", a modal or a past tense after the "'s")
  and never without its "'s", alone or ending a longer name, every "'s" after it is the
  name's ("Sainsbury's chief executive" too). A person's name ("than President Obama's,"), a
  place the lists know ("with America's.") and a spelling written without it ("Clinton’s.")
  are possessives with their noun left out.
- ``title_surnames``: a title's word right after a person's name, with no other name after
  it, is the surname: "Billie Jean King will present …", "Michael Bishop said" (titles go
  before names: "King Abdullah"; after one, a comma comes first: "Felipe VI, King of Spain");
  and that word written alone, before no other name and not after "the", is her ("King said").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.analysis.engine import Parsed
from reader.analysis.gazetteer import lexicon
from reader.analysis.kinds import Named
from reader.analysis.names import name_key
from reader.analysis.tagger import Span

_AND_AFTER = re.compile(r"[ \t]*&[ \t]*(?=[A-Z])")
_WORDS_AFTER = re.compile(r"[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)*")
_AND_BEFORE = re.compile(r"[ \t]*&[ \t]*$")
_APOSTROPHE_S = re.compile(r" ?['\u2019]s\b")
_NO_NOUN_TAGS = frozenset({".", ",", ":", "CC", "MD", "VBD"})
"""What follows an "'s" that ends a name: a stop, a comma, "and", a modal or a past tense
("VBZ" and "VBP" are left out: spaCy tags "plans" and "calls" so after a possessive)."""


def ampersand_bodies(text: str, names: Named) -> Named:
    """``names`` with names and capitalised words joined by "&" made one organisation."""
    lex = lexicon()
    out: Named = []
    k = 0
    while k < len(names):
        span, trimmed = names[k]
        k += 1
        if trimmed is None:
            out.append((span, trimmed))
            continue
        start, end = trimmed
        joined, resume = False, k
        previous = out[-1][1] if out else None
        before = _words_before(text, max(previous[1] if previous else 0, start - 80), start)
        if before is not None:
            start, joined = before, True
        while (amp := _AND_AFTER.match(text, end)) is not None:
            following = names[k][1] if k < len(names) else None
            if following is not None and following[0] == amp.end():
                end = following[1]
                k += 1
            elif (words := _WORDS_AFTER.match(text, amp.end())) is not None \
                    and (k == len(names) or names[k][0].start >= words.end()):
                end = words.end()
            else:
                break
            joined = True
        pair = [w for w in re.split(r"[ \t]*&[ \t]*", text[start:end]) if w]
        if joined and "I" not in pair and (_APOSTROPHE_S.match(text, end) or not all(lex.is_given_name(w) for w in pair)):
            out.append((Span(min(span.start, start), max(span.end, end), "ORG"), (start, end)))
        else:
            out.append((span, trimmed))
            k = resume
    return out


def _words_before(text: str, begin: int, start: int) -> int | None:
    """Where the capitalised words before "&" before ``start`` begin (not before ``begin``, nor
    across a sentence's stop: "in Paris. Tom & Hattie's"), or None without them."""
    amp = _AND_BEFORE.search(text, begin, start)
    if amp is None:
        return None
    found = None
    for word in reversed(text[begin:amp.start()].split(" ")):
        if not word[:1].isupper() or (word.endswith(".") and len(word) > 3 and found is not None) \
                or not word.rstrip(".").replace("-", "").isalnum():
            break
        found = amp.start() - len(word) if found is None else found - len(word) - 1
    return found


def apostrophe_names(parsed: Parsed, names: Named) -> Named:
    """``names`` with the "'s" that ends a name kept in it (see the module docstring)."""
    text = parsed.text
    tags = {t.start: t.tag for t in parsed.tokens}
    starts = sorted(tags)
    places = lexicon().places
    whole: set[str] = set()
    alone: set[str] = set()
    after: dict[int, int] = {}
    for k, (span, trimmed) in enumerate(names):
        if trimmed is None:
            continue
        words = text[trimmed[0]:trimmed[1]].split()
        key = name_key(" ".join(words))
        s = _APOSTROPHE_S.match(text, trimmed[1])
        if s is None or span.label == "PER" or key in places:
            alone.update(name_key(" ".join(words[n:])) for n in range(len(words)))
            continue
        after[k] = s.end()
        k_next = bisect_left(starts, s.end())
        if k_next == len(starts) or tags[starts[k_next]] in _NO_NOUN_TAGS:
            whole.add(key)
    keep = whole - alone
    if not keep:
        return names
    out: Named = []
    for k, (span, trimmed) in enumerate(names):
        if k in after and trimmed is not None and name_key(text[trimmed[0]:trimmed[1]]) in keep:
            span, trimmed = Span(span.start, max(span.end, after[k]), span.label), (trimmed[0], after[k])
        out.append((span, trimmed))
    return out



_TITLE_AFTER = re.compile(r" ([A-Z][a-z]{3,})(?=[ \t]+(?!(?:in|of|at|for|on|to|from|with|by)\b)[a-z]|[,;:!?]|\.(?:\s|$))")
"""A capitalised word of four letters or more ("Gov." is a title's abbreviation) and then a word
in lower case that is no preposition ("Chair in urban policy" names a chair), or a stop."""


def title_surnames(text: str, names: Named) -> Named:
    """``names`` with a title's word right after a person's name of two words or more taken
    into it as the surname (see the module docstring); not after "the" ("the Henry Hart Rice
    Chair") nor after a word that names a body ("Christie Union Leader")."""
    lex = lexicon()
    surnames: set[str] = set()
    out: Named = []
    for k, (span, trimmed) in enumerate(names):
        words = text[trimmed[0]:trimmed[1]].split() if trimmed is not None else []
        if trimmed is not None and span.label == "PER" and len(words) > 1 and words[-1] not in lex.org_words \
                and not text[max(0, trimmed[0] - 4):trimmed[0]].lower().endswith("the "):
            after = _TITLE_AFTER.match(text, trimmed[1])
            if after is not None and lex.is_title(after.group(1)) and not lex.is_honorific(after.group(1)) \
                    and (k + 1 == len(names) or names[k + 1][0].start >= after.end()):
                span, trimmed = Span(span.start, max(span.end, after.end()), "PER"), (trimmed[0], after.end())
                surnames.add(after.group(1))
        out.append((span, trimmed))
    return _alone(text, out, surnames) if surnames else out


def _alone(text: str, names: Named, surnames: set[str]) -> Named:
    """``names`` with each of ``surnames`` (title words) written alone, before no capitalised
    word and not after "the" ("King said", not "King Charles" nor "the King"), as that person."""
    taken = [(s.start, s.end) for s, _ in names]
    added: Named = []
    for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b(?![ \t]+[A-Z])(?!['\u2019-]\w)",
                         text):
        if not any(a < m.end() and m.start() < b for a, b in taken) \
                and not text[max(0, m.start() - 4):m.start()].lower().endswith("the "):
            added.append((Span(m.start(), m.end(), "PER"), (m.start(), m.end())))
    return sorted(names + added, key=lambda n: n[0].start) if added else names
