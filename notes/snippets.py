"""Snippets of search results: the window of a text around its densest run of matches."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from notes.textfold import term, words

SNIPPET_WORDS = 30
"""Longest snippet, in words; longer texts are cut around the matches with "…"."""
_LEAD_WORDS = 4
"""Words shown before the first match when a snippet is cut."""


def cut_snippet(text: str, keys: AbstractSet[str], phrases: Sequence[tuple[str, ...]] = (),
                terms: list[str] | None = None) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around its densest run of matches, and their spans: every word whose term is in ``keys``,
    and every run of words spelling one of ``phrases`` (terms in order) as one span. ``terms``: the words', if known."""
    tokens = list(words(text))
    if terms is None or len(terms) != len(tokens):
        terms = [term(m.group()) for m in tokens]
    spans = [(i, i + 1) for i, key in enumerate(terms) if key in keys]
    for phrase in phrases:
        spans.extend((i, i + len(phrase)) for i, key in enumerate(terms)
                     if key == phrase[0] and tuple(terms[i:i + len(phrase)]) == phrase)
    if phrases:  # in order, overlaps merged
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        spans = merged
    start, end = 0, len(tokens)
    if len(tokens) > SNIPPET_WORDS:
        labels = [terms[s] if e == s + 1 else " ".join(terms[s:e]) for s, e in spans]
        best = richest_window([s for s, _ in spans], labels, SNIPPET_WORDS - _LEAD_WORDS)
        start = max(0, min(best - _LEAD_WORDS, len(tokens) - SNIPPET_WORDS))
        end = start + SNIPPET_WORDS
    cut_from = tokens[start].start() if start > 0 else 0
    cut_to = tokens[end - 1].end() if end < len(tokens) else len(text)
    prefix = "… " if start > 0 else ""
    shift = len(prefix) - cut_from
    return (prefix + text[cut_from:cut_to] + (" …" if end < len(tokens) else ""),
            [(tokens[s].start() + shift, tokens[e - 1].end() + shift) for s, e in spans if start <= s and e <= end])


def richest_window(positions: list[int], keys: list[str], width: int) -> int:
    """The first of ``positions`` that opens a window of ``width`` words showing the most different ``keys`` (the
    match at each position); 0 when there are none."""
    best, most = (positions[0] if positions else 0), 0
    inside: dict[str, int] = {}
    end = 0
    for first, position in enumerate(positions):
        while end < len(positions) and positions[end] < position + width:
            inside[keys[end]] = inside.get(keys[end], 0) + 1
            end += 1
        if len(inside) > most:
            best, most = position, len(inside)
        inside[keys[first]] -= 1
        if not inside[keys[first]]:
            del inside[keys[first]]
    return best
