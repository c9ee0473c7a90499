"""The kind of each line of a text and which lines head it.

A line in capitals or Title Case is a heading or a headline, where capitals carry no
evidence of a name: the tagger's ``line`` features read :func:`line_kinds`, and the tagger
and the actor layer leave out or read apart the lines :func:`heading_lines` finds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from reader.analysis.engine import BLOCK, Parsed

_WORDS = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "with",
                          "from", "as", "vs", "is", "over", "after", "into"})


def line_kinds(parsed: Parsed, vocabulary: frozenset[str]) -> list[str]:
    """For each token: ``upper`` (a line in capitals), ``title`` (a line in Title Case: a
    heading or a headline) or ``body``."""
    text = parsed.text
    kinds: list[str] = []
    kind = "body"
    end = -1  # where the line of the token before ends (tokens are in order and hold no line break)
    for token in parsed.tokens:
        if token.start > end:
            start = text.rfind("\n", 0, token.start) + 1
            end = text.find("\n", token.start)
            if end < 0:
                end = len(text)
            kind = line_kind(text[start:end], vocabulary)
        kinds.append(kind)
    return kinds


def line_kind(line: str, vocabulary: frozenset[str]) -> str:
    """``upper``, ``title`` or ``body``: a line is in Title Case when nearly all its words are
    capitalised and it ends without a full stop, or when most of its common words (those
    usually written in lower case: "Votes", "Condemn", "Ban") are capitalised."""
    upper = sum(map(str.isupper, line))
    lower = sum(map(str.islower, line))
    if upper >= 3 and upper > 4 * lower:
        return "upper"
    words = [w for w in _WORDS.findall(line)[1:] if w.lower() not in _SMALL_WORDS]
    if not words:
        return "title" if len(line) < 80 and line[:1].isupper() and not line.rstrip().endswith((".", ":")) else "body"
    capitals = [w[0].isupper() for w in words]
    if len(words) <= 16 and sum(capitals) >= 0.8 * len(words) \
            and not line.rstrip().endswith((".", ":", ",", ";", "!", "?", "\"", "\u201d")):
        return "title"
    common = [c for w, c in zip(words, capitals) if w.lower().rstrip(".") in vocabulary]
    if len(common) >= 2 and sum(common) >= 0.6 * len(common):
        return "title"
    return "body"


_SENTENCE_END = (".", ":", ";", ",")


def heading_lines(text: str, common: frozenset[str]) -> list[tuple[int, int]]:
    """The headings of ``text`` as ``[start, end)``: blocks of one line (blank lines or the
    text's edges around them, as the loaders write headings) in capitals or Title Case
    (``common``: the words usually written in lower case) that end without a full stop,
    unless it is the title (the first block of several: "Poll: Voters Abandon Party."). A
    heading heads the text after it, so the last block is none (a sign-off, a caption, the
    last item of a list: "Advisers: Dr Anika Verhoeven"), nor is a line inside a block (a
    table row, CoNLL's one sentence per line) or a sentence with many capitals ("… and
    Coastal Works staff cheered."). Nor are the items of a list, as the loaders write them
    (a block each): lines after a lead that ends with a colon ("… named three members:"), or
    three such lines in a row ("Angela Moss", "Teodor Vasquez", "Ruth Ilves"), whose names are
    the article's own."""
    out: list[tuple[int, int]] = []
    blocks = [block for block in BLOCK.finditer(text) if block.group().strip()]
    run: list[tuple[int, int]] = []
    listed = False  # the run follows a lead ending with a colon
    for k, block in enumerate(blocks[:-1]):
        line = block.group().strip()
        if "\n" not in line and (k == 0 or not line.endswith(_SENTENCE_END)) \
                and (line_kind(line, common) != "body" or _short_head(line)):
            if not run:
                listed = k > 0 and blocks[k - 1].group().rstrip().endswith(":")
            start = block.start() + block.group().index(line)
            run.append((start, start + len(line)))
            continue
        out.extend(_headings(run, listed))
        run = []
    out.extend(_headings(run, listed))
    return out


def _short_head(line: str) -> bool:
    """A line of three words at most that opens with a capital and ends without a stop ("Team
    news", "## Who we are"): a section's heading, whose capitals carry no evidence either."""
    words = line.lstrip("#").split()
    return 0 < len(words) <= 3 and words[0][:1].isupper() and not line.endswith((".", "!", "?", ":", ";", ","))


def _headings(run: list[tuple[int, int]], listed: bool) -> list[tuple[int, int]]:
    """The heading-like lines of ``run`` (blocks in a row) that are headings, not list items."""
    return [] if listed or len(run) >= 3 else run


def within(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether a position falls inside one of ``spans`` (sorted, apart: headings)."""
    starts = [start for start, _ in spans]

    def inside(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < spans[k][1]

    return inside
