"""Re-anchoring: exact with context, then fuzzy with a floor; never the wrong passage."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from notes.anchoring import anchor, edit_distance_ends, reanchor, similarity
from notes.records import CONTEXT_CHARS, Annotation, Selector

TEXT = ("NATO chief Jens Stoltenberg warned on Friday that Russia is preparing for a long war. "
        "The alliance will send more troops to its eastern flank, he told reporters in Brussels. "
        "Russia denied the claims. Officials in Kyiv said the war had already lasted too long.")


def _sel(text: str, passage: str, nth: int = 0) -> Selector:
    start = -1
    for _ in range(nth + 1):
        start = text.index(passage, start + 1)
    return Selector.from_text(text, start, start + len(passage))


def _levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def test_unchanged_text_keeps_the_selector() -> None:
    sel = _sel(TEXT, "Russia is preparing")
    placed = anchor(TEXT, sel)
    assert placed and (placed.start, placed.end, placed.status) == (sel.start, sel.end, "anchored")


def test_shifted_text_is_found_exactly() -> None:
    sel = _sel(TEXT, "send more troops")
    edited = "UPDATED 12:00. " + TEXT
    placed = anchor(edited, sel)
    assert placed and edited[placed.start:placed.end] == "send more troops" and placed.status == "anchored"
    assert placed.start == sel.start + len("UPDATED 12:00. ")


def test_context_chooses_among_equal_passages() -> None:
    sel = _sel(TEXT, "Russia", nth=1)  # "Russia denied"
    edited = "Moscow. " + TEXT
    placed = anchor(edited, sel)
    assert placed and edited[placed.start:placed.start + 13] == "Russia denied"


def test_nearest_among_equal_contexts() -> None:
    block = "The vote was close. " * 3
    text = block + "x" * 200 + block
    sel = Selector.from_text(text, len(block) + 200 + 20, len(block) + 200 + 39)
    placed = anchor(text[:-1] + "!", sel)  # context at the far end changes a little
    assert placed and placed.start == sel.start


def test_edited_words_are_found_fuzzily_and_marked_moved() -> None:
    sel = _sel(TEXT, "Officials in Kyiv said the war had already lasted")
    edited = TEXT.replace("Officials in Kyiv said", "Officials in Kyiv stated")
    placed = anchor(edited, sel)
    assert placed and placed.status == "moved"
    assert edited[placed.start:placed.end].startswith("Officials in Kyiv stated the war")


def test_deleted_passage_is_orphaned_not_misplaced() -> None:
    ann = Annotation(document="/a", selector=_sel(TEXT, "he told reporters in Brussels"))
    edited = TEXT.replace("The alliance will send more troops to its eastern flank, he told reporters in Brussels. ", "")
    assert edited.count("Brussels") == 0
    again = reanchor(ann, edited)
    assert again.status == "orphaned" and again.selector == ann.selector


def test_short_passage_without_its_context_is_orphaned() -> None:
    start = TEXT.index("long war.") + 5
    sel = Selector.from_text(TEXT, start, start + 3)  # "war" of "a long war."
    edited = TEXT.replace("Russia is preparing for a long war. ", "")
    assert "war" in edited  # another "war" remains, in another sentence
    assert anchor(edited, sel) is None


def test_rewritten_paragraph_is_not_matched_to_similar_words() -> None:
    sel = _sel(TEXT, "Russia is preparing for a long war")
    edited = TEXT.replace("Russia is preparing for a long war", "the economy shrank for a second quarter")
    placed = anchor(edited, sel)
    assert placed is None


def test_myers_agrees_with_levenshtein() -> None:
    rng = random.Random(3)
    for _ in range(200):
        pattern = "".join(rng.choice("abc") for _ in range(rng.randint(1, 8)))
        text = "".join(rng.choice("abc") for _ in range(rng.randint(0, 15)))
        k = rng.randint(0, 3)
        found = dict(edit_distance_ends(pattern, text, k))
        for end in range(1, len(text) + 1):
            best = min(_levenshtein(pattern, text[s:end]) for s in range(end + 1))
            assert (best <= k) == (end in found)
            if end in found:
                assert found[end] == best


def test_similarity_ignores_chance_letters() -> None:
    assert similarity("preparing for a long war", "preparing for a long war") == 1.0
    assert similarity("preparing for a long war", "xyzzy quux blorp") < 0.2


WORDS = ["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota", "kappa", "lambda",
         "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "ups", "phi", "chi", "psi", "omega",
         "Zoë", "שלום", "🎉"]


@st.composite
def edited_article(draw: st.DrawFn) -> tuple[str, Selector, str, int]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=30, max_size=200))
    text = " ".join(words)
    start = draw(st.integers(0, len(text) - 2))
    end = draw(st.integers(start + 1, min(len(text), start + 60)))
    sel = Selector.from_text(text, start, end)
    guard_lo, guard_hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    # edits strictly before or after the highlight and its context, applied right to left
    edits = draw(st.lists(st.tuples(st.sampled_from(["before", "after"]), st.floats(0, 1), st.integers(0, 30),
                                    st.lists(st.sampled_from(WORDS), max_size=6)), max_size=8))
    shift = 0
    spans = []
    for side, where, length, insert in edits:
        lo, hi = (0, guard_lo) if side == "before" else (guard_hi, len(text))
        if hi <= lo:
            continue
        a = lo + int(where * (hi - lo))
        b = min(hi, a + length)
        spans.append((a, b, " ".join(insert)))
    new = text
    for a, b, ins in sorted(set(spans), key=lambda s: (-s[0], -s[1])):
        if any(a < b2 and a2 < b for a2, b2, _ in spans if (a2, b2) != (a, b)):
            continue  # overlapping edits: skip to keep the shift exact
        new = new[:a] + ins + new[b:]
        if b <= start:
            shift += len(ins) - (b - a)
    return new, sel, text, shift


@settings(max_examples=150, deadline=None)
@given(edited_article())
def test_edits_away_from_a_highlight_never_move_it_off_its_text(case: tuple[str, Selector, str, int]) -> None:
    new, sel, _old, shift = case
    placed = anchor(new, sel)
    assert placed is not None
    assert new[placed.start:placed.end] == sel.exact
    assert placed.status == "anchored"
    context_unique = new.count(sel.prefix + sel.exact + sel.suffix) == 1
    if context_unique:
        assert placed.start == sel.start + shift
