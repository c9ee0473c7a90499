"""Which quoted spans are quotations: a learned yes or no for each short pair of marks.

Quotation marks also enclose titles (“Face the Nation”), scare quotes (the “experts”),
words as words (the phrase “Islamic terrorism”) and signs or slogans. A logistic model
trained with the speaker ranker (``training/train_speakers.py``) decides from the span's
own shape (length, capitals, closing punctuation, whether it fills its paragraph), the
words around its marks (“so-called”, “called”, “on”) and what the speaker search found
for it (a cue beside the chosen speaker in the same sentence, or nobody). Features are
named ``group:template`` (groups ``shape``, ``place``, ``marks``, ``speaker``) for the ablation.
"""

from __future__ import annotations

import re

from reader.analysis.candidates import Layout
from reader.analysis.quotemarks import QuotedSpan
from reader.analysis.speaker_features import bucket

_WORD = re.compile(r"\w[\w’'.-]*")
_MARKS = " \"'“”„‘’«»‹›`"
_MINOR_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "but", "at", "by", "with",
                          "from", "as", "vs", "nor", "into", "up"})


SHORT_WORDS = 5
"""Spans of more words are quotations whatever else holds: titles and scare quotes are short,
and a long passage dropped would cost a direct quotation (the classifier judges only the short ones)."""


def word_count(text: str, span: QuotedSpan) -> int:
    return len(_WORD.findall(text[span.start:span.end].strip(_MARKS)))


def quotation_features(layout: Layout, k: int, speaker: dict[str, str] | None) -> list[str]:
    """Features of quoted span ``k``; ``speaker`` holds the chosen candidate's atoms (None: no candidate)."""
    t = layout.tok
    q = layout.quotes[k]
    inner = t.text[q.start:q.end].strip(_MARKS)
    words = _WORD.findall(inner)
    n = bucket(len(words), (1, 2, 3, 5, 8, 15, 30))
    if not words:
        case = "none"
    elif all(w[0].isupper() or w[0].isdigit() or w in _MINOR_WORDS for w in words) and words[0][0].isupper():
        case = "title"
    else:
        case = "upper" if words[0][0].isupper() else "lower"
    last = inner[-1:] if inner else ""
    end = "," if last == "," else "." if last in ".…" else "?" if last in "?!" else "w"
    first, stop = layout.quote_tokens(k)
    para = layout.para_of[first] if first < len(t.starts) else -1
    p_start, p_end = layout.paras[para] if para >= 0 else (q.start, q.end)
    place = ("opens" if q.start == p_start else "") + ("closes" if q.end >= p_end - 1 else "")
    line = t.text[p_start:p_end].rstrip("\"'”’»› ")
    headline = "headline" if line[-1:] not in (".", "?", "!", ":", ",", ";") and len(line.split()) <= 25 else ""
    before = t.words[first - 1] if first > 0 and layout.para_of[first - 1] == para else "^"
    after = t.words[stop] if stop < len(t.starts) and layout.para_of[stop] == para else "$"
    found = "none" if speaker is None else speaker["found"]
    out = ["bias", f"shape:n={n}", f"shape:n={n}|case={case}", f"shape:n={n}|end={end}", f"shape:closed={q.closed}",
           f"place:n={n}|{place}", f"place:case={case}|{place}", f"place:headline={headline}|case={case}",
           f"marks:before={before}", f"marks:after={after}",
           f"speaker:n={n}|found={found}", f"speaker:case={case}|found={found}", f"speaker:end={end}|found={found}"]
    if speaker is not None:
        out += [f"speaker:n={n}|gap={speaker['gap']}", f"speaker:n={n}|side={speaker['side']}|next={speaker['next']}",
                f"speaker:n={n}|side={speaker['side']}|prev={speaker['prev']}", f"speaker:kind={speaker['kind']}",
                f"speaker:n={n}|s={speaker['s']}"]
    return out
