"""Snippets of search results: the window of a text around its densest run of matches."""

from __future__ import annotations

from notes.textfold import term, words

SNIPPET_WORDS = 30
"""Longest snippet, in words; longer texts are cut around the matches with "…"."""
_LEAD_WORDS = 4
"""Words shown before the first match when a snippet is cut."""


def cut_snippet(text: str, keys: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the densest run of matched words, and their spans."""
    tokens = list(words(text))
    matched = [i for i, m in enumerate(tokens) if term(m.group()) in keys]
    start, end = 0, len(tokens)
    if len(tokens) > SNIPPET_WORDS:
        best = richest_window(matched, [term(tokens[i].group()) for i in matched], SNIPPET_WORDS - _LEAD_WORDS)
        start = max(0, min(best - _LEAD_WORDS, len(tokens) - SNIPPET_WORDS))
        end = start + SNIPPET_WORDS
    cut_from = tokens[start].start() if start > 0 else 0
    cut_to = tokens[end - 1].end() if end < len(tokens) else len(text)
    prefix = "… " if start > 0 else ""
    snippet = prefix + text[cut_from:cut_to] + (" …" if end < len(tokens) else "")
    shift = len(prefix) - cut_from
    marks = [(tokens[i].start() + shift, tokens[i].end() + shift) for i in matched if start <= i < end]
    return snippet, marks


def richest_window(positions: list[int], keys: list[str], width: int) -> int:
    """The first of ``positions`` that opens a window of ``width`` words showing the most
    different ``keys`` (the term at each position); 0 when there are none."""
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
