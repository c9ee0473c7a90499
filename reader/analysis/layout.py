"""What the layout of a line says about the names in it: datelines and headings.

The tagger reads a sentence's words; two conventions of news are in the shape of a line
instead, and CoNLL (where every sentence is a line and datelines stand alone) teaches
neither:

- A **dateline** opens a story with its place in capitals, perhaps a state or country and
  the agency in brackets, then a dash: "CONCORD, N.H. — …", "PORTLAND, Maine (AP) — …";
  or, in wire copy, a line of its own with the place and the date ("LINZ , Austria
  1996-08-28"). The place is a place and the agency an organisation, whatever the words
  look like, and the place named again in a sentence of the body ("Kitchener’s city hall")
  is that place; in a table's row (no word in lower case) a city's name is often its team.
- A **heading** (a block of one line in capitals or Title Case: a headline, a Markdown
  ``#`` line, an HTML ``<h2>``, which all reach the analysis as such a block of the text;
  :func:`~reader.analysis.lines.heading_lines`) carries no evidence in its capitals:
  "Castellano Says No" is no three-word person, "Polls Slide" no person. The tagger does
  not read headings (:mod:`tagger`); a heading's names are the names the article's body
  gives written in it, in any case, with the kind the body gives them, and a body
  person's surname alone ("Castellano" after "Rhona Castellano", "Von der Leyen" after
  "Ursula von der Leyen") unless the article writes it in lower case ("May", "Rose").
  A **byline** heading names its writers: "By Priya Natarajan, Business Reporter", "*Review
  by Tom Everly*", "By Ana Ruiz and Li Wen" are people.

Both work on the tagger's spans before the actor layer builds actors, in time linear in
the text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from reader.analysis.engine import Parsed, Token
from reader.analysis.gazetteer import lexicon
from reader.analysis.lines import heading_lines, line_kind, within
from reader.analysis.names import NEWSPAPER_WORDS, PARTICLES, name_key, trim_name
from reader.analysis.tagger import Span

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
"""Capital letters, the accented ones of Latin-1 and Latin Extended-A too ("SÃO PAULO", "ZÜRICH",
"KRAKÓW", "GDAŃSK", "ŁÓDŹ")."""
_CAPS = rf"[{_UPPER}][{_UPPER}.'\u2019-]*[{_UPPER}.](?:[ \t]+[{_UPPER}][{_UPPER}.'\u2019-]*[{_UPPER}.])*"
_DATE = r"(?:[A-Z][a-z]{2,4}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)"
"""A date after a dateline's place: "Aug 25", "March 12", or the day first, "14 February"."""
_REGION = r"[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}"
DATELINE = re.compile(
    rf"^[ \t]*(?P<place>{_CAPS})(?:,[ \t]*(?P<region>{_REGION}))?(?:,[ \t]*{_DATE})?"
    r"(?:[ \t]*\((?P<agency>[A-Za-z][\w.&' -]{0,30})\))?[ \t]*(?P<dash>\u2014|\u2013|--?)[ \t]+(?P<rest>[^\n]*)", re.M)
"""A paragraph that opens with its place in capitals (a state or country after a comma, a
date, an agency in brackets, "dpa" in lower case) and a dash: "WASHINGTON (Reuters) - …", "OSLO — …". A bare hyphen
after capitals alone is a topic, not a place ("SOCCER - …", "RTRS - …" in CoNLL)."""
WIRE_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>{_CAPS})(?:[ \t]*,[ \t]*(?P<region>{_REGION}))?[ \t]+(?:\d{{4}}-\d\d-\d\d|{_DATE})[ \t]*$",
    re.M)
"""A wire story's dateline on a line of its own: its place in capitals, perhaps a state or
country, and the date, nothing else ("LINZ , Austria 1996-08-28", "GENEVA Aug 28")."""
MIN_REST_WORDS = 6
"""Words a dateline's paragraph has after the dash: a heading such as "NATO — A History" has fewer."""
_WORD = re.compile(r"[^\W\d_]+")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*")
"""A word written in lower case: one the text itself treats as common."""

BYLINE = re.compile(r"[#*_>\s]*(?:[A-Z][a-z]+[ \t]+)?[Bb]y[ \t]+([^,;|\u2014\u2013\n]+)")
"""A byline: "By" (or "Review by", "Words by") and its writers, up to a comma or a dash."""
_WRITERS = re.compile(r"[ \t]+(?:and|&)[ \t]+")

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
    organizations = lexicon().organizations
    for m in WIRE_DATELINE.finditer(text):
        if name_key(m.group("place")) in organizations:
            continue  # "UNITED NATIONS 1996-08-29": the body's seat, read as the body
        for group in ("place", "region"):
            if m.group(group):
                yield "LOC", m.start(group), m.end(group)


def with_datelines(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` where each name of a dateline is one span of its dateline kind (added when the
    tagger missed it), and a dateline's place named elsewhere is a place there too."""
    found = list(datelines(text))
    if not found:
        return spans
    places = {name_key(text[start:end]) for label, start, end in found if label == "LOC"}
    in_sentence = _sentence_lines(text)
    spans = [Span(s.start, s.end, "LOC") if s.label in ("PER", "ORG") and _place_key(text, s) in places
             and in_sentence(s.start) else s for s in spans]
    return _placed(spans, found)


def _placed(spans: list[Span], found: list[tuple[str, int, int]]) -> list[Span]:
    """``spans`` with each ``(label, start, end)`` of ``found`` in place of the spans it overlaps."""
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


TABLE_ROW = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?P<name>[A-Z][A-Z.&'\u2019-]*[A-Z.](?:[ \t]+[A-Z][A-Z.&'\u2019-]*[A-Z.])*)"
    r"(?:[ \t]+[-+]?(?:\d[\d.,]*|\.\d+)%?){2,}[ \t]*$", re.M)
"""A row of a table in capitals: a name and two numbers or more ("KOMERCNI BANKA 2320.00 2370.00
7000", "- AHOLD 7,190 1,123 10.01", "BOSTON 63 64 .496 10"); a name with a digit ("M1") is none."""
MIN_ROWS = 3
"""Rows in a row that make a table."""


def table_rows(text: str) -> Iterator[tuple[str, int, int]]:
    """The names that open the rows of the tables in capitals of ``text``, as organisations: a
    share list's companies, a standings table's teams (all 86 such names of CoNLL train are
    organisations; the tagger, which reads lines in capitals warily, found none of the 26
    outside the sports pages out of fold)."""
    run: list[re.Match[str]] = []
    for row in [*TABLE_ROW.finditer(text), None]:
        if row is not None and run and run[-1].end() + 1 == row.start():
            run.append(row)
            continue
        if len(run) >= MIN_ROWS:
            yield from (("ORG", r.start("name"), r.end("name")) for r in run)
        run = [row] if row is not None else []


def with_table_rows(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` where the name opening each row of a table in capitals is one organisation."""
    found = list(table_rows(text))
    return _placed(spans, found) if found else spans


DIGEST = re.compile(r"\bpress[ \t]+(?:digest|review)\b|\bwhat[ \t]+the[ \t]+papers[ \t]+say\b", re.I)
"""The headline of a press review, whose lines of one name are the newspapers it reads."""
_LONE_NAME = re.compile(r"^[ \t]*(?P<name>[A-Z][A-Z'\u2019.&-]*(?:[ \t]+[A-Z][A-Z'\u2019.&-]*){0,4})[ \t]*$", re.M)


def with_digest_papers(text: str, spans: list[Span], common: frozenset[str]) -> list[Span]:
    """In a press review (its first line says so: "PRESS DIGEST - Lebanon - Aug 22"), a line in
    capitals of one to five words is the newspaper read next ("AN-NAHAR", "JORNAL DE ANGOLA"),
    unless it is a place the lists know ("IRAQ") or common words or their plurals ("FRONT PAGE",
    "BUSINESS PAGES"; "THE TIMES" is a paper by its last word)."""
    first = text.find("\n")
    if first < 0 or not DIGEST.search(text, 0, first):
        return spans
    lex = lexicon()
    found = []
    for m in _LONE_NAME.finditer(text, first):
        trimmed = trim_name(text, m.start("name"), m.end("name"))
        if trimmed is None or name_key(text[trimmed[0]:trimmed[1]]) in lex.places:
            continue
        words = text[trimmed[0]:trimmed[1]].split()
        if all(w.lower() in common or w.lower()[:-1] in common for w in words) \
                and words[-1].title() not in NEWSPAPER_WORDS:
            continue
        found.append(("ORG", trimmed[0], trimmed[1]))
    return _placed(spans, found) if found else spans


def _sentence_lines(text: str) -> Callable[[int], bool]:
    """Whether the line at an offset has a word in lower case: a sentence, not a row of a table
    ("NEW YORK 74 60 .552" under a "NEW YORK" dateline names the team)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lower = [bool(_LOWER_WORD.search(text, a, b - 1))
             for a, b in zip(starts, starts[1:] + [len(text) + 1], strict=True)]
    return lambda offset: lower[bisect.bisect_right(starts, offset) - 1]


def _place_key(text: str, span: Span) -> str | None:
    trimmed = trim_name(text, span.start, span.end)
    return name_key(text[trimmed[0]:trimmed[1]]) if trimmed else None


def with_headings(parsed: Parsed, spans: list[Span], common: frozenset[str]) -> list[Span]:
    """``spans`` where the names of each heading are the body's names written in it (see the
    module docstring), with the body's kind; a span inside a heading is dropped (the shipped
    tagger gives none: it does not read headings). ``common`` holds the words usually written
    in lower case, which tell a heading from a sentence."""
    text = parsed.text
    headings = heading_lines(text, common)
    if not headings:
        return spans
    in_heading = within(headings)
    out = [span for span in spans if not in_heading(span.start)]
    body: dict[str, Counter[str]] = defaultdict(Counter)
    surnames: dict[str, Counter[str]] = defaultdict(Counter)
    lower = frozenset(_LOWER_WORD.findall(text))
    for span in out:
        trimmed = trim_name(text, span.start, span.end)
        if trimmed is None:
            continue
        name = text[trimmed[0]:trimmed[1]]
        body[name_key(name)][span.label] += 1
        words = name.split()
        if span.label == "PER":
            for k in range(1, len(words)):
                if k < len(words) - 1 or words[k].lower() not in lower:  # "May" of "Theresa May": "in May"
                    surnames[name_key(" ".join(words[k:]))]["PER"] += 1
    tokens = parsed.tokens
    token_starts = [t.start for t in tokens]
    for start, end in headings:
        byline = BYLINE.match(text, start, end)
        if byline is not None:
            out.extend(_writers(text, byline.start(1), byline.end(1), common))
            continue
        heading = [t for t in tokens[bisect.bisect_left(token_starts, start):bisect.bisect_left(token_starts, end)]
                   if _WORD.match(text, t.start)]
        out.extend(_body_names(text, heading, body, surnames))
    return sorted(out, key=lambda s: s.start)


def _writers(text: str, start: int, end: int, common: frozenset[str]) -> Iterator[Span]:
    """The people a byline names in ``[start, end)``, parted by "and" or "&": names of two to
    five words, capitalised but for particles, none of them a title or a common word that is
    no given name ("By Staff Reporter" names nobody)."""
    lex = lexicon()
    pos = start
    for piece in _WRITERS.split(text[start:end]):
        at = text.index(piece, pos)
        pos = at + len(piece)
        trimmed = trim_name(text, at, at + len(piece.rstrip("*_ \t")))
        if trimmed is None:
            continue
        words = text[trimmed[0]:trimmed[1]].split()
        if 2 <= len(words) <= 5 and words[0][:1].isupper() and words[-1][:1].isupper() and all(
                (w[:1].isupper() and not lex.is_title(w) and (w.lower() not in common or lex.is_given_name(w)))
                or (w in PARTICLES and 0 < k < len(words) - 1) for k, w in enumerate(words)):
            yield Span(trimmed[0], trimmed[1], "PER")


def _body_names(text: str, words: list[Token], body: dict[str, Counter[str]],
                surnames: dict[str, Counter[str]]) -> Iterator[Span]:
    """The longest runs of ``words`` that are names of the body (else a body person's surname,
    with its particles), left to right, with the body's kind."""
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_NAME_TOKENS), i, -1):
            name = name_key(text[words[i].start:words[j - 1].end])
            kinds = body.get(name) or surnames.get(name)
            if kinds and text[words[i].start].isupper():
                yield Span(words[i].start, words[j - 1].end, kinds.most_common(1)[0][0])
                i = j
                break
        else:
            i += 1
