"""Quotation marks → quoted spans, without mistaking apostrophes for quotes.

Marks are classified by glyph and by what flanks them (an opening mark has text after it
and space or an opening bracket before it), so straight ``"`` and ``'`` work as well as
curly ones, and ``Kremlin’s``, ``don't``, ``rock 'n' roll`` and ``'90s`` stay apostrophes.
Only the outermost quotation is reported; marks of another family inside it are nested
quotes and stay inside. News style continues a quotation over paragraphs: the paragraph
ends open and the next one reopens with a mark, or does not and runs to a closing mark
with no opening one before it; either way it is one span. An unopened paragraph continues
only speech: a quotation that opened as the speaker's sentence (at the start of its
paragraph or after punctuation: ``said. “We chose…``), or words in the first or second
person; a fragment woven into the narrator's sentence (``said “the library stays open``)
never runs on, since no sentence of narration spans a paragraph break. A quotation that
never closes ends with its paragraph, so one stray mark cannot swallow narration beyond it. Marks typed as two apostrophes
or backticks (``’’``, ``''``, ``‘‘``) are one double mark. The scan is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

_MARK = re.compile(r"''|``|’’|‘‘|[\"“”„‘’'«»‹›]")
"""Two apostrophes or backticks typed for a double mark (``’’``, ``''``, ``‘‘``, two backticks) are one mark."""

_FAMILY = {
    "''": "double", "``": "double", "’’": "double", "‘‘": "double",
    '"': "double", "“": "double", "”": "double", "„": "double",
    "‘": "single", "’": "single", "'": "single",
    "«": "guillemet", "»": "guillemet", "‹": "single guillemet", "›": "single guillemet",
}
_GLYPH_OPENS = {"“": True, "„": True, "``": True, "‘‘": True, "‘": True, "«": True, "‹": True,
                "”": False, "’’": False, "’": False, "»": False, "›": False}
"""The direction a curly glyph states; straight marks state none."""

_OPEN_BEFORE = set("([{<—–/:;") | set(_FAMILY)
_CLOSE_AFTER = set(".,;:!?)]}>—–-…/") | set(_FAMILY)
_NOT_AFTER_OPENING = set(".,;:!?)]}")
_ELISION = re.compile(r"(?:\d\ds?\b|n['’]\s|(?:em|til|cause|cos|tis|twas|bout|round|kay)\b)", re.IGNORECASE)
"""What follows a leading apostrophe: '90s, '16, rock 'n' roll, 'em, 'til, 'cause, 'tis."""

_SPEECH = re.compile(r"\b(?:I|I[’']m|we|We|us|our|Our|you|You|your|Your|my|My|me)\b")
"""Words of someone speaking, not of narration: what lets a paragraph continue a quotation unopened."""

_SENTENCE_BEFORE = set(".,;:!?—–")
"""What stands before a mark that opens the speaker's own sentence ("said, “We…", "said. “We…"),
as opposed to a fragment quoted inside the narrator's sentence ("said “the …")."""

TURN = re.compile(r"\s*([A-Z][A-Z.'\- ]{1,40}):")
"""A transcript turn ("PENCE: …") after a paragraph's opening mark starts a new quotation."""


class QuotedSpan(NamedTuple):
    """A quotation ``[start, end)`` including its marks; ``closed`` is False when it ran out with its paragraph."""

    start: int
    end: int
    closed: bool


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    family: str
    opens: bool  # the direction read from glyph and context


def opening_mark_end(text: str, start: int) -> int:
    """Where the quotation mark at ``start`` ends (NYT-style ``''`` is two characters)."""
    m = _MARK.match(text, start)
    return m.end() if m else start


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the text's paragraphs, white space trimmed: a line break of any kind ends one."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
        if end > start:
            out.append((start, end))
        pos += len(line) + 1
    return out


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every outermost quotation in ``text``, in order."""
    found: list[QuotedSpan] = []
    carried: tuple[str, int, int] | None = None  # an open quote: family, start, end of its text so far
    for p_start, p_end in paragraphs(text):
        marks = _marks(text, p_start, p_end)
        if carried is not None:
            family, q_start, q_end = carried
            carried = None
            first = next((m for m in marks if m.family == family), None)
            if first is not None and _straight(text, first.start) != _straight(text, q_start):
                first = None  # "Kevin was snoring. ¶ “Here he is”: another hand, not a continuation
            if first is not None and first.opens and first.start == p_start and not TURN.match(text, first.end):
                marks = marks[1:] if marks[0] is first else [m for m in marks if m is not first]
                found_here, carried = _scan(text, marks, p_start, p_end, (family, q_start))
                found.extend(found_here)
                continue
            if (first is not None and not first.opens and family == "double"
                    and _runs_on(text, q_start, q_end, p_start, first)):
                # No reopening mark, but the paragraph is the quotation's last (an apostrophe could pose
                # as the closer of a single quote, so only double quotes continue this way).
                found_here, carried = _scan(text, marks, p_start, p_end, (family, q_start))
                found.extend(found_here)
                continue
            found.append(QuotedSpan(q_start, q_end, False))
        found_here, carried = _scan(text, marks, p_start, p_end, None)
        found.extend(found_here)
    if carried is not None:
        found.append(QuotedSpan(carried[1], carried[2], False))
    return [q for q in found if text[q.start:q.end].strip(" \"'“”„‘’«»‹›`")]


def _runs_on(text: str, q_start: int, open_end: int, p_start: int, closer: _Mark) -> bool:
    """An open quotation (opened at ``q_start``) runs on, unopened, into the paragraph at ``p_start``
    (up to ``closer``) only if that paragraph is the rest of a wrapped line, or a paragraph of its
    own (after a blank line) that continues speech: the quotation opened as the speaker's own
    sentence, or the paragraph's words before the closing mark speak in the first or second person
    ("We owe them more”, Varga said."). Else narration after a quoted fragment or a signature
    line ("Jane Doe, economist.”) would be swallowed."""
    if text[p_start].islower():
        return True
    if text.count("\n", open_end, p_start) < 2:
        return False
    return _opens_speech(text, q_start) or _SPEECH.search(text, p_start, closer.start) is not None


def _opens_speech(text: str, q_start: int) -> bool:
    """The mark at ``q_start`` opens the speaker's own sentence: it begins its line or follows
    punctuation, not a word of the narrator's sentence ("said “the …")."""
    k = q_start
    while k > 0 and text[k - 1] in " \t":
        k -= 1  # no copy of the text before: this runs once per quotation of a text of any size
    return k == 0 or text[k - 1] == "\n" or text[k - 1] in _SENTENCE_BEFORE


def _possessive(text: str, pos: int) -> bool:
    """The mark at ``pos`` may be a plural possessive: "workers’ money"."""
    return text[pos - 1:pos] in ("s", "S") and text[pos + 1:pos + 2] == " " and text[pos + 2:pos + 3].isalnum()


def _straight(text: str, pos: int) -> bool:
    return text[pos] in "\"'"


def _scan(text: str, marks: list[_Mark], p_start: int, p_end: int,
          open_: tuple[str, int] | None) -> tuple[list[QuotedSpan], tuple[str, int, int] | None]:
    """Pair the marks of one paragraph; return its quotations and the one left open, if any."""
    found: list[QuotedSpan] = []
    last_close = {m.family: m.start for m in marks if not m.opens}
    next_single: list[_Mark | None] = [None] * len(marks)
    for n in range(len(marks) - 2, -1, -1):
        after = marks[n + 1]
        next_single[n] = after if after.family == "single" else next_single[n + 1]
    depth = 1 if open_ else 0
    for n, mark in enumerate(marks):
        if open_ is None:
            # A single mark opens only if something can close it in this paragraph, or if it opens the
            # paragraph (a quotation that runs on into the next one): else it is an apostrophe.
            if mark.opens and (mark.family == "double" or mark.start == p_start
                               or last_close.get(mark.family, -1) > mark.start):
                open_, depth = (mark.family, mark.start), 1
            continue
        if mark.family != open_[0]:
            continue  # nested quote of another family, or an apostrophe inside the quotation
        if mark.opens:
            depth += 1
            continue
        if mark.family == "single" and _possessive(text, mark.start):
            following = next_single[n]
            if following is not None and not following.opens:
                continue  # ‘It’s the workers’ money,’ — the next mark closes the quotation
        depth -= 1
        if depth == 0:
            found.append(QuotedSpan(open_[1], mark.end, True))
            open_ = None
    if open_ is None:
        return found, None
    return found, (open_[0], open_[1], p_end)


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    """The quotation marks of ``text[start:end]`` with their direction; apostrophes left out."""
    out: list[_Mark] = []
    for m in _MARK.finditer(text, start, end):
        glyph = m.group()
        family = _FAMILY[glyph]
        before = text[m.start() - 1] if m.start() > start else None
        after = text[m.end()] if m.end() < end else None
        if family == "single":
            if before is not None and after is not None and before.isalnum() and after.isalnum():
                continue  # don't, Kremlin’s
            if (before is None or not before.isalnum()) and _ELISION.match(text, m.end(), end):
                continue  # '90s, 'n', 'em
            if before == "n" and text[m.start() - 2: m.start() - 1] in ("'", "’"):
                continue  # the second mark of 'n'
        if (before is None or before.isspace()) and (after is None or after.isspace()) and not (
                before is not None and text[m.start() - 2: m.start() - 1] in ("'", "’")):
            continue  # a mark standing alone between spaces
        can_open = after is not None and not after.isspace() and after not in _NOT_AFTER_OPENING and (
            before is None or before.isspace() or before in _OPEN_BEFORE)
        can_close = before is not None and not before.isspace() and (
            after is None or after.isspace() or after in _CLOSE_AFTER)
        if before is not None and before.isspace() and text[m.start() - 2: m.start() - 1] in ("'", "’"):
            can_close, can_open = True, False  # "the term 'outreach,' " he said: a space between two closing marks
        if can_open != can_close:
            opens = can_open
        elif glyph in _GLYPH_OPENS:
            opens = _GLYPH_OPENS[glyph]
        else:
            continue  # a straight mark that is neither: space on both sides, or inside a word
        out.append(_Mark(m.start(), m.end(), family, opens))
    return out
