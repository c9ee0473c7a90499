"""The article and its analysis cut into runs of uniform look, without any Qt.

The view draws each run with one character format. Structure (blocks, emphasis, links)
and the automatic highlights (actor mentions, role phrases that refer to an actor,
quotations) are layers over the same text;
cutting the text at every boundary of every layer gives runs whose look depends only on
which layers cover them, so a toggle or a new analysis only re-formats the runs whose
look changed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Generic, NamedTuple, Protocol, TypeVar

from reader.analysis.model import Analysis
from reader.document.article import Article

StyleKey = tuple[tuple[str, str | None], ...]


class Run(NamedTuple):
    """``[start, end)`` of ``Article.text`` with everything that covers it.

    ``block`` is an index into ``Article.blocks``, or -1 between blocks.
    """

    start: int
    end: int
    block: int
    styles: StyleKey
    kind: str | None = None   # kind of the actor mentioned or referred to here
    quote: bool = False
    described: bool = False   # a role phrase refers to the actor here ("the NATO chief"), no name

    @property
    def automatic(self) -> bool:
        return self.kind is not None or self.quote


def structure_runs(article: Article) -> list[Run]:
    """Runs of blocks and inline styles covering the whole text (gaps included)."""
    return runs(article, None)


def runs(article: Article, analysis: Analysis | None) -> list[Run]:
    """Cut ``article.text`` at every boundary of blocks, styles, mentions, references and quotes.

    A name inside a role phrase ("NATO" in "the NATO chief") shows as the name it is."""
    n = len(article.text)
    blocks = article.blocks
    mentions = sorted(analysis.mentions, key=lambda m: m.start) if analysis else []
    references = sorted(analysis.references, key=lambda r: r.start) if analysis else []
    quotes = sorted(analysis.quotes, key=lambda q: q.start) if analysis else []
    kinds = {a.id: a.kind for a in analysis.actors} if analysis else {}
    cuts = {0, n}
    for items in (blocks, article.styles, mentions, references, quotes):
        for item in items:
            cuts.add(min(max(item.start, 0), n))
            cuts.add(min(max(item.end, 0), n))
    points = sorted(cuts)
    result: list[Run] = []
    block_cover = _Cover(blocks)
    style_cover = _Cover(article.styles)
    mention_cover = _Cover(mentions)
    reference_cover = _Cover(references)
    quote_cover = _Cover(quotes)
    index = {id(b): i for i, b in enumerate(blocks)}
    no_styles: StyleKey = ()
    for a, b in zip(points, points[1:]):
        covering = block_cover.at(a)
        block = index[id(covering[0])] if covering else -1
        open_styles = style_cover.at(a)
        styles = tuple(sorted((s.kind, s.href) for s in open_styles)) if open_styles else no_styles
        open_mentions = mention_cover.at(a)
        open_references = reference_cover.at(a)
        kind = kinds.get(open_mentions[0].actor) if open_mentions else None
        described = kind is None and bool(open_references)
        if described:
            kind = kinds.get(open_references[0].actor)
        result.append(Run(a, b, block, styles, kind, bool(quote_cover.at(a)), described and kind is not None))
    return result


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


class _Cover(Generic[S]):
    """The spans covering an increasing sequence of positions, in one pass over them."""

    def __init__(self, spans: Iterable[S]) -> None:
        self._spans = sorted(spans, key=lambda s: s.start)
        self._next = 0
        self._open: list[S] = []
        self._first_end: float = math.inf  # the earliest end among the open spans

    def at(self, pos: int) -> list[S]:
        spans, n = self._spans, self._next
        while n < len(spans) and spans[n].start <= pos:
            self._open.append(spans[n])
            self._first_end = min(self._first_end, spans[n].end)
            n += 1
        self._next = n
        if self._first_end <= pos:
            self._open = [s for s in self._open if s.end > pos]
            self._first_end = min((s.end for s in self._open), default=math.inf)
        return self._open
