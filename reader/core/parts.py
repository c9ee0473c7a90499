"""The part of a long article analysed first: the paragraphs around the screen the reader sees.

A megabyte takes spaCy's small model about 40 s; the paragraphs on screen a fraction of a
second. :meth:`reader.core.Core.analyse_part` analyses :func:`part_around` the reading
position and hands the result back in the whole article's offsets (:func:`shifted`).
"""

from __future__ import annotations

import dataclasses

from reader.analysis.model import Analysis
from reader.document import Article

PART_MIN_CHARS = 60_000
"""Articles at least this long get a first analysis of the screen shown (:meth:`Core.analyse_part`);
shorter ones are analysed whole in about a second."""
PART_CHARS = 12_000
"""How much text the first analysis covers: a tall screen at a small text size, and more."""
PART_BEFORE_CHARS = 1_500
"""How much of it lies before the reading position (the top of the screen)."""


def part_around(article: Article, position: int) -> tuple[int, int]:
    """The whole paragraphs around ``position`` that :meth:`Core.analyse_part` analyses: from a
    little before it to :data:`PART_CHARS` after it."""
    text, blocks = article.text, article.blocks
    lo = max(0, min(position, len(text)) - PART_BEFORE_CHARS)
    hi = min(len(text), lo + PART_CHARS)
    first = next((b for b in blocks if b.end > lo), None)
    last = next((b for b in reversed(blocks) if b.start < hi), None)
    start = first.start if first is not None and first.start <= lo else lo
    end = last.end if last is not None and last.end >= hi else hi
    return start, max(start, end)


def shifted(analysis: Analysis, offset: int) -> Analysis:
    """``analysis`` of a part of a text, in the offsets of the whole text."""
    def at(pos: int | None) -> int | None:
        return None if pos is None else pos + offset

    return Analysis(
        actors=analysis.actors,
        mentions=[dataclasses.replace(m, start=m.start + offset, end=m.end + offset) for m in analysis.mentions],
        quotes=[dataclasses.replace(q, start=q.start + offset, end=q.end + offset,
                                    speaker_start=at(q.speaker_start), speaker_end=at(q.speaker_end))
                for q in analysis.quotes],
        references=[dataclasses.replace(r, start=r.start + offset, end=r.end + offset) for r in analysis.references])
