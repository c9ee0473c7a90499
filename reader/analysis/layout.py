"""What the layout of a line says about the names in it: datelines and headings.

The tagger reads a sentence's words; two conventions of news are in the shape of a line
instead, and CoNLL (where every sentence is a line and datelines stand alone) teaches
neither:

- A **dateline** opens a story with its place in capitals, perhaps a state or country and
  the agency in brackets, then a dash: "CONCORD, N.H. — …", "PORTLAND, Maine (AP) — …".
  The place is a place and the agency an organisation, whatever the words look like, and
  the place named again in the body ("Kitchener’s city hall") is that place.
- A **heading** (a block of one line in capitals or Title Case: a headline, a Markdown
  ``#`` line, an HTML ``<h2>``, which all reach the analysis as such a block of the text)
  carries no evidence in its capitals: "Castellano Says No" is no three-word person. A
  name in a heading is a name the article's body gives, with the kind the body gives it;
  a span of common words alone ("Reforms Stall") is none; any other span the tagger
  found in a heading is left as the tagger said. A word is common when the tagger's
  vocabulary says so or the article writes it in lower case ("Email" in a headline,
  "email" below it).

Both work on the tagger's spans before the actor layer builds actors, in time linear in
the text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from reader.analysis.engine import Parsed, Token
from reader.analysis.features import line_kind
from reader.analysis.names import name_key, trim_name
from reader.analysis.tagger import Span

_CAPS = r"[A-Z][A-Z.'\u2019-]*[A-Z.](?:[ \t]+[A-Z][A-Z.'\u2019-]*[A-Z.])*"
_DATE = r"[A-Z][a-z]{2,4}\.?[ \t]+\d{1,2}"
_REGION = r"[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}"
DATELINE = re.compile(
    rf"^[ \t]*(?P<place>{_CAPS})(?:,[ \t]*(?P<region>{_REGION}))?(?:,[ \t]*{_DATE})?"
    r"(?:[ \t]*\((?P<agency>[A-Z][\w.&' -]{0,30})\))?[ \t]*(?P<dash>\u2014|\u2013|--?)[ \t]+(?P<rest>[^\n]*)", re.M)
"""A paragraph that opens with its place in capitals (a state or country after a comma, a
date, an agency in brackets) and a dash: "WASHINGTON (Reuters) - …", "OSLO — …". A bare hyphen
after capitals alone is a topic, not a place ("SOCCER - …", "RTRS - …" in CoNLL)."""
MIN_REST_WORDS = 6
"""Words a dateline's paragraph has after the dash: a heading such as "NATO — A History" has fewer."""
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = (".", ":", ";", ",")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*")
"""A word written in lower case: one the text itself treats as common."""
_BLOCK = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
"""A block of text: lines up to a blank line."""

MAX_NAME_TOKENS = 6
"""The longest name looked for in a heading, in words."""
_NO_VOCABULARY: frozenset[str] = frozenset()


def datelines(text: str) -> Iterator[tuple[str, int, int]]:
    """The names of each dateline of ``text``: ``(label, start, end)`` for the place, the
    state or country after it, and the agency."""
    for m in DATELINE.finditer(text):
        rest = m.group("rest")
        if m.group("dash") == "-" and not (m.group("region") or m.group("agency")):
            continue
        if len(_WORD.findall(rest)) < MIN_REST_WORDS or line_kind(rest, _NO_VOCABULARY) != "body":
            continue
        for group, label in (("place", "LOC"), ("region", "LOC"), ("agency", "ORG")):
            if m.group(group):
                yield label, m.start(group), m.end(group)


def with_datelines(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` where each name of a dateline is one span of its dateline kind (added when the
    tagger missed it), and a dateline's place named elsewhere is a place there too."""
    found = list(datelines(text))
    if not found:
        return spans
    places = {name_key(text[start:end]) for label, start, end in found if label == "LOC"}
    spans = [Span(s.start, s.end, "LOC") if s.label in ("PER", "ORG") and _place_key(text, s) in places else s
             for s in spans]
    starts = [s.start for s in spans]
    replaced: set[int] = set()
    added = []
    for label, start, end in found:
        k = bisect.bisect_left(starts, start)
        while k > 0 and spans[k - 1].end > start:
            k -= 1
        while k < len(spans) and spans[k].start < end:
            replaced.add(k)
            k += 1
        added.append(Span(start, end, label))
    kept = [s for k, s in enumerate(spans) if k not in replaced]
    return sorted(kept + added, key=lambda s: s.start)


def _place_key(text: str, span: Span) -> str | None:
    trimmed = trim_name(text, span.start, span.end)
    return name_key(text[trimmed[0]:trimmed[1]]) if trimmed else None


def heading_lines(text: str, common: frozenset[str]) -> list[tuple[int, int]]:
    """The headings of ``text`` as ``[start, end)``: blocks of one line (blank lines or the
    text's edges around them, as the loaders write headings) in capitals or Title Case
    (``common``: the words usually written in lower case) that end without a full stop,
    unless it is the title (the first block of several: "Poll: Voters Abandon Party."). A
    line inside a block (a table row, a sign-off, CoNLL's one sentence per line) is no
    heading, nor is a sentence with many capitals ("… and Coastal Works staff cheered.")."""
    out = []
    for k, block in enumerate(_BLOCK.finditer(text)):
        line = block.group().strip()
        title = k == 0 and block.end() < len(text.rstrip())
        if line and "\n" not in line and (title or not line.endswith(_SENTENCE_END)) \
                and line_kind(line, common) != "body":
            start = block.start() + block.group().index(line)
            out.append((start, start + len(line)))
    return out


def with_headings(parsed: Parsed, spans: list[Span], common: frozenset[str]) -> list[Span]:
    """``spans`` where each name the tagger found in a heading is read from the article's body
    (see the module docstring): a name the body gives keeps the body's kind; a span that holds
    one beside common words ("Castellano Says No") is cut to it; a span of common words alone
    ("Reforms Stall") is no name. ``common`` holds the words usually written in lower case."""
    text = parsed.text
    headings = heading_lines(text, common)
    if not headings:
        return spans
    common = common | frozenset(_LOWER_WORD.findall(text))  # "Email Scandal": the body writes "email"
    heads = [s for s, _ in headings]

    def in_heading(pos: int) -> bool:
        k = bisect.bisect_right(heads, pos) - 1
        return k >= 0 and pos < headings[k][1]

    body: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        if not in_heading(span.start):
            trimmed = trim_name(text, span.start, span.end)
            if trimmed is not None:
                body[name_key(text[trimmed[0]:trimmed[1]])][span.label] += 1
    tokens = parsed.tokens
    token_starts = [t.start for t in tokens]
    out: list[Span] = []
    for span in spans:
        if not in_heading(span.start):
            out.append(span)
            continue
        words = [t for t in tokens[bisect.bisect_left(token_starts, span.start):
                                   bisect.bisect_left(token_starts, span.end)] if _WORD.match(text, t.start)]
        names = list(_body_names(text, words, body))
        if len(names) == 1 and (names[0].start, names[0].end) == (words[0].start, words[-1].end):
            out.append(names[0])  # the whole span is a name of the body
        elif names and all(_common(text, t, common) for t in words if not any(n.start <= t.start < n.end for n in names)):
            out.extend(names)
        elif not names and all(_common(text, t, common) for t in words):
            continue
        else:
            out.append(span)
    return out


def _common(text: str, token: Token, common: frozenset[str]) -> bool:
    return text[token.start:token.end].lower().rstrip(".") in common


def _body_names(text: str, words: list[Token], body: dict[str, Counter[str]]) -> Iterator[Span]:
    """The longest runs of ``words`` that are names of the body, left to right, with the body's kind."""
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_NAME_TOKENS), i, -1):
            kinds = body.get(name_key(text[words[i].start:words[j - 1].end]))
            if kinds and text[words[i].start].isupper():
                yield Span(words[i].start, words[j - 1].end, kinds.most_common(1)[0][0])
                i = j
                break
        else:
            i += 1
