"""Quotations and their speakers: marks → spans, spans → speaker mentions → actors.

A quoted span of one to three words is a quotation only when someone is named as saying
it ("Trump called it “a con”") or it is a whole sentence (“Neither do I.”); otherwise it
is a title or a scare quote. A short span in title case is a title (“Fox News Sunday”,
“Contract with America”) unless the line around it is in title case too (a headline).
"""

from __future__ import annotations

import re

from reader.analysis.engine import Parsed
from reader.analysis.model import Actor, Mention, Quote
from reader.analysis.quotemarks import QuotedSpan, find_quoted_spans
from reader.analysis.referents import Referents
from reader.analysis.speakers import Attribution, Attributor

SHORT_WORDS = 3
"""A quoted span of at most this many words needs a speech cue to count as a quotation."""
_MINOR_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "but", "at", "by", "with",
                          "from", "as", "vs", "nor", "into", "up"})

_WORD = re.compile(r"\w[\w’'.-]*")
_MARKS = " \"'“”„‘’«»‹›`"


def find_quotes(parsed: Parsed, actors: list[Actor], mentions: list[Mention]) -> list[Quote]:
    """The quotations of a text in order, each with its speaker mention, actor and cue when known."""
    spans = find_quoted_spans(parsed.text)
    attributions = Attributor(parsed).attribute(spans)
    referents = Referents(parsed, actors, mentions, [(q.start, q.end) for q in spans])
    quotes: list[Quote] = []
    last: tuple[str, int] | None = None
    for span, found in zip(spans, attributions, strict=True):
        if not _is_quotation(parsed.text, span, found):
            continue
        if found is None:
            quotes.append(Quote(span.start, span.end))
            continue
        actor, start, end = referents.resolve(found.start, found.end, last)
        if actor is not None:
            last = (actor, start)
        quotes.append(Quote(span.start, span.end, actor, start, end, found.cue))
    return quotes


def _is_quotation(text: str, span: QuotedSpan, found: Attribution | None) -> bool:
    inner = text[span.start:span.end].strip(_MARKS)
    words = _WORD.findall(inner)
    if len(words) > SHORT_WORDS:
        return True
    if found is None:
        return False
    if len(words) > 1 and _title_case(words):
        before = _WORD.findall(text[max(0, span.start - 40):span.start])[-3:]
        if not (before and _title_case(before)):
            return False  # “Fox News Sunday”, unless the line around it is a headline too
    if len(words) > 1 and inner[-1] in ".?!" and inner[0].isupper():
        return True  # a sentence: “Neither do I.”
    return found.how != "continued"


def _title_case(words: list[str]) -> bool:
    return words[0][0].isupper() and all(w[0].isupper() or w[0].isdigit() or w in _MINOR_WORDS for w in words)
