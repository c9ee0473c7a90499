"""What the analysis puts at a place of the text, for the reading view: the mention, the role
phrase ("the NATO chief") and the quotation there, how often each actor is named, and the
tooltip that says so. Sorted once per analysis; each look-up is a binary search."""

from __future__ import annotations

import html
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from reader.analysis.model import Analysis, Mention, Quote, Reference
from reader.ui.legend import mention_count
from reader.ui.speaker_label import speaker_label
from reader.ui.theme import KIND_SINGULAR

_Span = TypeVar("_Span", Mention, Reference, Quote)


def _at(spans: Sequence[_Span], starts: Sequence[int], pos: int) -> _Span | None:
    """The span of ``spans`` (sorted, apart; ``starts`` theirs) around ``pos``, if any."""
    i = bisect_right(starts, pos) - 1
    return spans[i] if i >= 0 and pos < spans[i].end else None


@dataclass(frozen=True, slots=True)
class SpansAt:
    """The spans of one analysis (none when it is None), by start."""

    mentions: list[Mention] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    reference_starts: list[int] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)
    named: Counter[str] = field(default_factory=Counter)
    described: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, analysis: Analysis | None) -> SpansAt:
        if analysis is None:
            return cls()
        mentions = sorted(analysis.mentions, key=lambda m: m.start)
        references = sorted(analysis.references, key=lambda r: r.start)
        quotes = sorted(analysis.quotes, key=lambda q: q.start)
        return cls(mentions, references, quotes, [m.start for m in mentions], [r.start for r in references],
                   [q.start for q in quotes], Counter(m.actor for m in mentions), Counter(r.actor for r in references))

    def mention_at(self, pos: int) -> Mention | None:
        return _at(self.mentions, self.mention_starts, pos)

    def reference_at(self, pos: int) -> Reference | None:
        """The role phrase at ``pos`` that refers to an actor, if any."""
        return _at(self.references, self.reference_starts, pos)

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation around ``pos`` (quotations do not overlap)."""
        return _at(self.quotes, self.quote_starts, pos)

    def tooltip(self, analysis: Analysis, text: str, pos: int, hidden: Collection[str]) -> str:
        """Rich text on what is at ``pos``: the actor named or described there, with its kind,
        role and mentions, and the quotation with its speaker; kinds in ``hidden`` say nothing."""
        parts = []
        mention, reference = self.mention_at(pos), self.reference_at(pos)
        for span in (mention, reference):
            actor = analysis.actor(span.actor) if span else None
            if span is None or actor is None or actor.kind in hidden:
                continue
            role = f" — {html.escape(actor.role)}" if actor.role else ""
            named = f"<b>{html.escape(actor.name)}</b>"
            head = named if span is mention else f"“{html.escape(text[span.start:span.end])}” refers to {named}"
            count = mention_count(self.named[actor.id], self.described[actor.id])
            parts.append(f"{head}<br>{KIND_SINGULAR[actor.kind]}{role}<br>{count}")
        quote = self.quote_at(pos)
        if quote is not None and "quote" not in hidden:
            who = speaker_label(text, analysis, quote)
            how = f"<br>speaker {html.escape(who.how)}" if who.how else ""
            parts.append(f"Quote — <i>{html.escape(who.name)}</i>{how}")
        return "<hr>".join(parts)
