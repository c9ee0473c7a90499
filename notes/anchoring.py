"""Find a highlight again after its article's text changed.

A selector remembers the passage (``exact``), 32 characters on each side and the old
offsets. Re-anchoring tries, in order: the old offsets; every exact occurrence, judged by
how well its surroundings match the remembered context (nearest to the old offset among
equals); then approximate matches of the passage (Myers' bit-parallel edit distance),
scored by passage and context. Unlike matchers without a floor, a candidate must reach a
minimum score, so a lost passage becomes *orphaned* instead of landing on wrong text.

Statuses: ``anchored`` — the passage was found word for word (perhaps at new offsets);
``moved`` — its words changed and it was placed on the closest passage, worth a look;
``orphaned`` — not found; the annotation keeps its old selector and is never dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from notes.records import CONTEXT_CHARS, Annotation, Selector, Status

MIN_SCORE = 0.75
"""Least combined score (0.6 × passage similarity + 0.4 × context similarity) to place a highlight."""
MIN_QUOTE_SIMILARITY = 0.75
"""Least passage similarity of an approximate match (at most a quarter of its characters edited)."""
MIN_FUZZY_CHARS = 8
"""Shorter passages are only placed word for word: a few letters match too much by chance."""
UNIQUE_CHARS = 16
"""An exact passage this long that occurs once is placed even when its surroundings were rewritten."""
MAX_OCCURRENCES = 2000
_MIN_BLOCK = 3


@dataclass(frozen=True, slots=True)
class Placement:
    start: int
    end: int
    status: Status
    score: float


def similarity(a: str, b: str) -> float:
    """Share of characters in common runs of 3 or more: unrelated English text scores near 0."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return 2 * sum(bl.size for bl in blocks if bl.size >= _MIN_BLOCK) / (len(a) + len(b))


def context_similarity(text: str, start: int, end: int, selector: Selector) -> float:
    """How well the text around ``[start, end)`` matches the remembered prefix and suffix."""
    parts = []
    if selector.prefix:
        parts.append(similarity(selector.prefix, text[max(0, start - CONTEXT_CHARS):start]))
    if selector.suffix:
        parts.append(similarity(selector.suffix, text[end:end + CONTEXT_CHARS]))
    return sum(parts) / len(parts) if parts else 1.0


def _score(quote_similarity: float, context: float) -> float:
    return 0.6 * quote_similarity + 0.4 * context


def anchor(text: str, selector: Selector) -> Placement | None:
    """Where ``selector`` belongs in ``text``, or ``None`` when no passage is good enough."""
    exact = selector.exact
    if not exact:
        return None
    s, e = selector.start, selector.end
    if text[s:e] == exact and text[max(0, s - CONTEXT_CHARS):s] == selector.prefix \
            and text[e:e + CONTEXT_CHARS] == selector.suffix:
        return Placement(s, e, "anchored", 1.0)
    found = _exact(text, selector)
    if found is not None:
        return found
    if len(exact) >= MIN_FUZZY_CHARS:
        return _fuzzy(text, selector)
    return None


def _occurrences(text: str, needle: str, cap: int = MAX_OCCURRENCES) -> Iterator[int]:
    pos = text.find(needle)
    count = 0
    while pos >= 0 and count < cap:
        yield pos
        count += 1
        pos = text.find(needle, pos + 1)


def _exact(text: str, selector: Selector) -> Placement | None:
    exact = selector.exact
    best: tuple[float, int, int] | None = None
    count = 0
    for pos in _occurrences(text, exact):
        count += 1
        ctx = context_similarity(text, pos, pos + len(exact), selector)
        key = (ctx, -abs(pos - selector.start), pos)
        if best is None or key > best:
            best = key
    if best is None:
        return None
    ctx, _, pos = best
    no_context = not selector.prefix and not selector.suffix
    if _score(1.0, ctx) >= MIN_SCORE or no_context or (count == 1 and len(exact) >= UNIQUE_CHARS):
        return Placement(pos, pos + len(exact), "anchored", _score(1.0, ctx))
    return None


def _fuzzy(text: str, selector: Selector) -> Placement | None:
    """Approximate matches near the old offsets first, then in the whole text."""
    m = len(selector.exact)
    reach = max(2000, 4 * m)
    lo, hi = max(0, selector.start - reach), min(len(text), selector.end + reach)
    found = _best_fuzzy(text, selector, lo, hi)
    if found is None and (lo > 0 or hi < len(text)):
        found = _best_fuzzy(text, selector, 0, len(text))
    return found


def _best_fuzzy(text: str, selector: Selector, lo: int, hi: int) -> Placement | None:
    exact = selector.exact
    max_errors = int(len(exact) * (1 - MIN_QUOTE_SIMILARITY))
    best: tuple[float, int, int, int] | None = None
    for end, errors in _candidates(exact, text, lo, hi, max_errors):
        start = _match_start(exact, text, end, errors)
        quote = 1 - errors / len(exact)
        score = _score(quote, context_similarity(text, start, end, selector))
        key = (score, -abs(start - selector.start), start, end)
        if best is None or key > best:
            best = key
    if best is None or best[0] < MIN_SCORE:
        return None
    return Placement(best[2], best[3], "moved", best[0])


def _candidates(pattern: str, text: str, lo: int, hi: int, max_errors: int) -> Iterator[tuple[int, int]]:
    """Approximate matches in ``text[lo:hi]``, searched only where one could be.

    Pigeonhole filter: cut the pattern into ``max_errors + 1`` pieces; a match with at most
    ``max_errors`` edits contains one piece unchanged, so only the surroundings of exact
    piece occurrences (found by ``str.find``, in C) are searched with Myers' algorithm.
    """
    m = len(pattern)
    pieces = max_errors + 1
    windows: list[tuple[int, int]] = []
    for i in range(pieces):
        a, b = i * m // pieces, (i + 1) * m // pieces
        piece = pattern[a:b]
        for pos in _occurrences(text[lo:hi], piece, cap=hi - lo):
            start = lo + pos - a - max_errors
            windows.append((max(lo, start), min(hi, start + m + 2 * max_errors)))
    windows.sort()
    merged: list[tuple[int, int]] = []
    for a, b in windows:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    for a, b in merged:
        for end, errors in _local_minima(edit_distance_ends(pattern, text[a:b], max_errors)):
            yield a + end, errors


def edit_distance_ends(pattern: str, text: str, max_errors: int) -> Iterator[tuple[int, int]]:
    """``(end, errors)`` for every end offset in ``text`` where ``pattern`` matches with ≤ ``max_errors``.

    Myers' bit-vector algorithm (1999): one column of the edit-distance table per text
    character, held in Python integers as wide as the pattern.
    """
    m = len(pattern)
    if m == 0:
        return
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for j, ch in enumerate(text):
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        if score <= max_errors:
            yield j + 1, score


def _local_minima(ends: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The best end of each run of adjacent matching ends (one candidate per passage)."""
    run: tuple[int, int] | None = None
    last = -2
    for end, errors in ends:
        if end != last + 1 and run is not None:
            yield run
            run = None
        if run is None or errors < run[1]:
            run = (end, errors)
        last = end
    if run is not None:
        yield run


def _match_start(pattern: str, text: str, end: int, errors: int) -> int:
    """Start of the best match ending at ``end``: the same search run backwards."""
    lo = max(0, end - len(pattern) - errors)
    backwards = text[lo:end][::-1]
    best_len, best_err = len(pattern), errors + 1
    for length, err in edit_distance_ends(pattern[::-1], backwards, errors):
        if err < best_err:
            best_len, best_err = length, err
    return end - best_len


def reanchor(annotation: Annotation, text: str) -> Annotation:
    """A copy of ``annotation`` placed in ``text``: new selector and status, or orphaned with the old one.

    A highlight placed on changed words keeps the words it was made on in ``original``
    (the first wording, over any number of edits) until the text says them again.
    """
    placed = None
    if annotation.original:  # the words it was made on, back word for word: there it belongs
        sel = annotation.selector
        as_made = dataclasses.replace(sel, exact=annotation.original, end=sel.start + len(annotation.original))
        first = anchor(text, as_made)
        placed = first if first is not None and first.status == "anchored" else None
    placed = placed or anchor(text, annotation.selector)
    if placed is None:
        return dataclasses.replace(annotation, status="orphaned")
    selector = Selector.from_text(text, placed.start, placed.end)
    original = annotation.original or annotation.selector.exact
    return dataclasses.replace(annotation, selector=selector, status=placed.status,
                               original="" if original == selector.exact else original)
