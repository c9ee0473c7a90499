"""Quotations and their speakers: marks → spans, spans → verdicts → speaker mentions → actors.

:mod:`reader.analysis.quotemarks` pairs the marks; the learned models of
:mod:`reader.analysis.speakers` keep the spans that are quotations (not titles or scare
quotes) and choose the span that names each one's speaker; :mod:`reader.analysis.referents`
resolves that span to an actor. Marks inside a name (a nickname: Marcus "Bull" Tennant) quote
no one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.analysis.engine import Parsed
from reader.analysis.lines import within
from reader.analysis.model import Actor, Mention, Quote
from reader.analysis.quotemarks import QuotedSpan, find_quoted_spans
from reader.analysis.referents import Referents
from reader.analysis.speakers import Attributor

AttributorFactory = Callable[[Parsed, Sequence[QuotedSpan], Sequence[Mention]], Attributor]


def find_quotes(parsed: Parsed, actors: list[Actor], mentions: list[Mention],
                attributor: AttributorFactory = Attributor) -> list[Quote]:
    """The quotations of a text in order, each with its speaker mention, actor and cue when known."""
    spans = find_quoted_spans(parsed.text)
    if not spans:
        return []
    verdicts = attributor(parsed, spans, mentions).verdicts()
    referents = Referents(parsed, actors, mentions, [(q.start, q.end) for q in spans])
    quotes: list[Quote] = []
    last: tuple[str, int] | None = None
    in_a_name = within(sorted((m.start, m.end) for m in mentions))  # a nickname: Marcus "Bull" Tennant
    for span, verdict in zip(spans, verdicts, strict=True):
        if not verdict.quotation or in_a_name(span.start):
            continue
        found = verdict.speaker
        if found is None:
            quotes.append(Quote(span.start, span.end))
            continue
        who = referents.resolve(found.start, found.end, last)
        if who.actor is not None:
            last = (who.actor, who.start)
        quotes.append(Quote(span.start, span.end, who.actor, who.start, who.end, found.cue, who.via))
    return quotes
