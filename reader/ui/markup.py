"""The article and its analysis cut into runs of uniform look, without any Qt.

The view draws each run with one character format. Structure (blocks, emphasis, links)
and the automatic highlights (actor mentions, quotations) are layers over the same text;
cutting the text at every boundary of every layer gives runs whose look depends only on
which layers cover them, so a toggle or a new analysis only re-formats the runs whose
look changed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.model import Analysis, Mention, Quote
from reader.document.article import Article, Block, Style

StyleKey = tuple[tuple[str, str | None], ...]


@dataclass(frozen=True, slots=True)
class Run:
    """``[start, end)`` of ``Article.text`` with everything that covers it.

    ``block`` is an index into ``Article.blocks``, or -1 between blocks.
    """

    start: int
    end: int
    block: int
    styles: StyleKey
    kind: str | None = None   # kind of the actor mentioned here
    quote: bool = False

    @property
    def automatic(self) -> bool:
        return self.kind is not None or self.quote


def structure_runs(article: Article) -> list[Run]:
    """Runs of blocks and inline styles covering the whole text (gaps included)."""
    return runs(article, None)


def runs(article: Article, analysis: Analysis | None) -> list[Run]:
    """Cut ``article.text`` at every boundary of blocks, styles, mentions and quotes."""
    n = len(article.text)
    blocks = article.blocks
    mentions = sorted(analysis.mentions, key=lambda m: m.start) if analysis else []
    quotes = sorted(analysis.quotes, key=lambda q: q.start) if analysis else []
    kinds = {a.id: a.kind for a in analysis.actors} if analysis else {}
    cuts = {0, n}
    for items in (blocks, article.styles, mentions, quotes):
        for item in items:
            cuts.add(min(max(item.start, 0), n))
            cuts.add(min(max(item.end, 0), n))
    points = sorted(cuts)
    block_starts = [b.start for b in blocks]
    result: list[Run] = []
    style_cursor = _Cover(article.styles)
    mention_cursor = _Cover(mentions)
    quote_cursor = _Cover(quotes)
    for a, b in zip(points, points[1:]):
        bi = bisect_right(block_starts, a) - 1
        block = bi if bi >= 0 and _covers(blocks[bi], a) else -1
        styles: StyleKey = tuple(sorted((s.kind, s.href) for s in style_cursor.at(a)))
        mention = next(iter(mention_cursor.at(a)), None)
        kind = kinds.get(mention.actor) if isinstance(mention, Mention) else None
        quote = bool(quote_cursor.at(a))
        result.append(Run(a, b, block, styles, kind, quote))
    return result


def _covers(item: Block | Style | Mention | Quote, pos: int) -> bool:
    return item.start <= pos < item.end


class _Cover:
    """The spans covering an increasing sequence of positions, in one pass over them."""

    def __init__(self, spans: Iterable[Block | Style | Mention | Quote]) -> None:
        self._spans = sorted(spans, key=lambda s: s.start)
        self._next = 0
        self._open: list[Block | Style | Mention | Quote] = []

    def at(self, pos: int) -> list[Block | Style | Mention | Quote]:
        while self._next < len(self._spans) and self._spans[self._next].start <= pos:
            self._open.append(self._spans[self._next])
            self._next += 1
        if self._open:
            self._open = [s for s in self._open if s.end > pos]
        return self._open
