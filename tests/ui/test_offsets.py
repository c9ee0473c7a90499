"""The one conversion between text indices and Qt positions, alone and in the view."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.model import Actor, Analysis, Mention, Quote
from reader.ui import theme as themes
from reader.ui.offsets import PositionMap
from tests.ui.conftest import article_of

ALPHABET = st.sampled_from(list("ab \n") + ["é", "€", "😀", "𝔄", "🚀", "\u0301", "中"])


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@given(st.text(ALPHABET, max_size=60), st.integers(0, 5), st.data())
def test_to_qt_counts_utf16_units_and_round_trips(text: str, base: int, data) -> None:
    pmap = PositionMap(text, base)
    i = data.draw(st.integers(0, len(text)))
    assert pmap.to_qt(i) == base + utf16_len(text[:i])
    assert pmap.to_py(pmap.to_qt(i)) == i
    assert pmap.qt_length == utf16_len(text)


def test_positions_inside_a_surrogate_pair_and_outside_the_body() -> None:
    pmap = PositionMap("a😀b", base=3)
    assert [pmap.to_qt(i) for i in range(4)] == [3, 4, 6, 7]
    assert pmap.to_py(5) == 1  # the middle of 😀 belongs to 😀
    assert pmap.to_py(0) == 0 and pmap.to_py(100) == 3
    assert pmap.to_qt(-4) == 3 and pmap.to_qt(99) == 7


TEXT = "🎉 Ada Lovelace met 𝔅𝔞𝔟𝔟𝔞𝔤𝔢 in 🇬🇧 London.\n\n“We 🧮 compute,” said 😀 Ada Lovelace."


def hand_analysis(text: str) -> Analysis:
    spans = {"Ada Lovelace": "a1", "𝔅𝔞𝔟𝔟𝔞𝔤𝔢": "a2", "London": "a3"}
    mentions = []
    for name, actor in spans.items():
        start = 0
        while (i := text.find(name, start)) >= 0:
            mentions.append(Mention(i, i + len(name), actor))
            start = i + 1
    q = text.index("“")
    return Analysis(
        actors=[Actor("a1", "Ada Lovelace", "person"), Actor("a2", "Babbage", "organization"),
                Actor("a3", "London", "place")],
        mentions=sorted(mentions, key=lambda m: m.start),
        quotes=[Quote(q, text.index("”") + 1, "a1")],
    )


@pytest.mark.gui
def test_highlights_land_exactly_on_the_analysed_spans_with_astral_text(qtbot) -> None:
    from PySide6.QtGui import QColor, QTextCursor

    from reader.ui.article_view import ArticleView

    view = ArticleView(themes.LIGHT)
    qtbot.addWidget(view)
    article = article_of(TEXT, "text")
    analysis = hand_analysis(article.text)
    view.set_article(article)
    view.set_analysis(analysis)
    qtbot.waitUntil(lambda: not view.markup_pending())
    doc = view.document()
    pmap = view.positions

    def fmt_at(py: int):
        cursor = QTextCursor(doc)
        cursor.setPosition(pmap.to_qt(py) + 1)  # the format of the character at py
        return cursor.charFormat()

    kinds = {a.id: a.kind for a in analysis.actors}
    for m in analysis.mentions:
        cursor = QTextCursor(doc)
        cursor.setPosition(pmap.to_qt(m.start))
        cursor.setPosition(pmap.to_qt(m.end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == article.text[m.start:m.end]
        tint = QColor(themes.LIGHT.kinds[kinds[m.actor]].tint)
        for i in range(m.start, m.end):
            assert fmt_at(i).background().color() == tint, (m, i)
        for outside in (m.start - 1, m.end):
            if 0 <= outside < len(article.text) and all(not (o.start <= outside < o.end) for o in analysis.mentions):
                assert fmt_at(outside).background().color() != tint
    quote = analysis.quotes[0]
    ink = QColor(themes.LIGHT.kinds["quote"].ink)
    assert all(fmt_at(i).foreground().color() == ink for i in range(quote.start, quote.end))
    before = len(article.text[:quote.start].rstrip("\n")) - 1  # the last character of the paragraph before
    assert fmt_at(before).foreground().color() != ink
    assert fmt_at(quote.end).foreground().color() != ink


@pytest.mark.gui
def test_selection_span_reports_python_indices(qtbot) -> None:
    from PySide6.QtGui import QTextCursor

    from reader.ui.article_view import ArticleView

    view = ArticleView(themes.LIGHT)
    qtbot.addWidget(view)
    article = article_of(TEXT, "text")
    view.set_article(article)
    start = article.text.index("London")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(start))
    cursor.setPosition(view.positions.to_qt(start + len("London")), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selection_span() == (start, start + len("London"))
    # A selection ending inside a surrogate pair still covers the whole character.
    emoji = article.text.index("😀")
    cursor.setPosition(view.positions.to_qt(emoji))
    cursor.setPosition(view.positions.to_qt(emoji) + 1, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selection_span() == (emoji, emoji + 1)
