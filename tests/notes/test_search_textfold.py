"""Folding, stemming and word offsets: the index and the query must cut text alike."""

from __future__ import annotations

import unicodedata

import pytest

from notes.markdown_plain import plain_text
from notes.search_keys import terms_of
from notes.textfold import fold, term, words


@pytest.mark.parametrize(("written", "folded"), [
    ("Zoë", "zoe"),
    ("ZOE", "zoe"),
    ("Müller", "muller"),
    ("Ødegaard", "odegaard"),
    ("Straße", "strasse"),
    ("Łódź", "lodz"),
    ("ﬁnance", "finance"),  # the ligature is one character
    ("Zoe\u0308", "zoe"),  # decomposed form: e + combining diaeresis
])
def test_fold_removes_case_and_accents(written: str, folded: str) -> None:
    assert fold(written) == folded


@pytest.mark.parametrize(("a", "b"), [
    ("treaties", "treaty"),
    ("negotiations", "negotiating"),
    ("Sanctions", "sanction"),
    ("Obama's", "Obama"),
    ("Obama’s", "obama"),
    ("Zoë", "zoe"),
])
def test_related_words_share_a_term(a: str, b: str) -> None:
    assert term(a) == term(b)


@pytest.mark.parametrize(("a", "b"), [("treaty", "treat"), ("war", "ward"), ("news", "new")])
def test_unrelated_words_keep_apart(a: str, b: str) -> None:
    assert term(a) != term(b)


def test_words_keep_their_offsets_in_the_original_text() -> None:
    text = "Zoe\u0308l said: “don’t” — state-of-the-art, 10:30_x."
    found = [(m.group(), m.start(), m.end()) for m in words(text)]
    assert [w for w, _, _ in found] == ["Zoe\u0308l", "said", "don’t", "state", "of", "the", "art", "10", "30", "x"]
    assert all(text[start:end] == word for word, start, end in found)


def test_ascii_text_is_cut_as_any_other_text() -> None:
    """ASCII text takes a quicker pattern; a non-ASCII character anywhere sends the same words through the general one,
    so both must find the same words at the same places."""
    text = "Don't stop: it's 10:30_x, rock'n'roll's 'quoted' o''clock a' 'b 3.5% state-of-the-art __init__ x1y2"
    assert text.isascii()
    ascii_words = [(m.group(), m.start()) for m in words(text)]
    general = [(m.group(), m.start()) for m in words(text + " é")][:-1]
    assert ascii_words == general
    assert [w for w, _ in ascii_words][:6] == ["Don't", "stop", "it's", "10", "30", "x"]


def test_nfc_and_nfd_give_the_same_terms() -> None:
    nfc = "Zoë Müller signed the Élysée accord"
    assert terms_of(unicodedata.normalize("NFD", nfc)) == terms_of(nfc)


def test_plain_text_drops_markdown_marks_but_keeps_words() -> None:
    note = "# Summary\n> **Peace** treaty, see [the _report_](https://example.org/x) and <https://y.org>\n- item ~~one~~"
    assert plain_text(note) == "Summary\nPeace treaty, see the report and https://y.org\nitem one"
    assert plain_text("snake_case and 5 * 3") == "snake_case and 5 * 3"
