"""The search language: terms, phrases and filters, and tolerance of half-typed queries."""

from __future__ import annotations

import string
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from notes.query import Query, parse_query, while_typing


def test_full_query() -> None:
    query = parse_query('treaty "quiet diplomacy" tag:nato actor:"Jens Stoltenberg" color:yellow '
                        'in:"NATO summit" before:2024-01-01 after:2023-06-30')
    assert query == Query(
        terms=("treaty", "quiet diplomacy"), tags=("nato",), actors=("Jens Stoltenberg",),
        colors=("yellow",), titles=("NATO summit",), before=date(2024, 1, 1), after=date(2023, 6, 30),
    )
    assert query.has_filters


def test_plain_words_have_no_filters() -> None:
    query = parse_query("  peace   treaties ")
    assert query.terms == ("peace", "treaties")
    assert not query.has_filters


def test_keys_are_case_insensitive_and_colour_is_spelt_both_ways() -> None:
    query = parse_query("Tag:EU COLOUR:green Color:blue IN:Vilnius")
    assert (query.tags, query.colors, query.titles) == (("EU",), ("green", "blue"), ("Vilnius",))


def test_curly_quotes_make_phrases() -> None:
    assert parse_query("“peace treaty” „quiet talks“").terms == ("peace treaty", "quiet talks")


def test_half_typed_queries_are_tolerated() -> None:
    assert parse_query('tag: "unclosed phrase').terms == ("unclosed phrase",)
    assert parse_query('actor:"Jens Stol').actors == ("Jens Stol",)
    assert parse_query("tag:") == Query()
    assert parse_query('""') == Query()


def test_a_trailing_star_makes_a_prefix() -> None:
    query = parse_query('negotiat* Zoë* treaty U.S.* "quoted*" *')
    assert query.prefixes == ("negotiat", "Zoë")
    assert query.terms == ("treaty", "U.S.*", "quoted*", "*")  # a star elsewhere is not a word


def test_while_typing_makes_the_last_word_a_prefix() -> None:
    assert while_typing("peace treat") == "peace treat*"
    assert while_typing("Zoë") == "Zoë*"
    for unchanged in ("peace ", "tag:eu", 'actor:"Zoë', '"quiet diplo', "negotiat*", "U.S.", "", "10:30", "—"):
        assert while_typing(unchanged) == unchanged
    assert parse_query(while_typing("tag:eu treat")).prefixes == ("treat",)


@given(st.text())
def test_while_typing_only_ever_adds_a_star(text: str) -> None:
    typed = while_typing(text)
    assert typed in (text, text + "*")


def test_a_minus_excludes_the_item_after_it() -> None:
    query = parse_query('treaty -draft -"quiet talks" -tag:done -color:pink e-mail - x')
    assert query.terms == ("treaty", "e-mail", "-", "x")
    assert query.excluded == (Query(terms=("draft",)), Query(terms=("quiet talks",)), Query(tags=("done",)),
                              Query(colors=("pink",)))
    assert parse_query("-tag:").excluded == ()
    assert parse_query("-before:2024-13-01").errors  # an error after a minus is still an error
    assert while_typing("peace -trea") == "peace -trea"


def test_unknown_keys_are_ordinary_text() -> None:
    assert parse_query("https://example.org 10:30 note:this").terms == ("https://example.org", "10:30", "note:this")


def test_bad_dates_are_reported_not_raised() -> None:
    query = parse_query("before:2024-13-01 after:yesterday treaty")
    assert query.before is None and query.after is None
    assert len(query.errors) == 2
    assert "before:" in query.errors[0] and "YYYY-MM-DD" in query.errors[0]


def test_repeated_date_bounds_keep_the_stricter() -> None:
    query = parse_query("before:2024-05-01 before:2024-03-01 after:2023-01-01 after:2023-02-01")
    assert (query.before, query.after) == (date(2024, 3, 1), date(2023, 2, 1))


_PIECES = st.sampled_from(['tag:', 'actor:', 'in:', 'color:', 'before:', 'after:', '"', '“', '”', '„',
                           ' ', 'x', 'Zoë', '2024-01-01', '2024-02-30', ':', '#', '-', '\\', '\n'])


@given(st.text() | st.lists(_PIECES).map("".join))
def test_parse_never_fails(text: str) -> None:
    query = parse_query(text)
    assert all(isinstance(t, str) and t.strip() for t in query.terms)
    assert all(tag for tag in query.tags)


@given(st.lists(st.text(alphabet=string.ascii_letters + string.digits + "-/_ë", min_size=1), max_size=5))
def test_every_tag_filter_is_kept(tags: list[str]) -> None:
    assert parse_query(" ".join(f"tag:{t}" for t in tags)).tags == tuple(tags)


@given(st.dates())
def test_every_valid_date_parses(day: date) -> None:
    assert parse_query(f"after:{day.isoformat()}").after == day
