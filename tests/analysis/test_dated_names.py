"""A month before a number is a date, not the end of a name (:mod:`reader.analysis.dated_names`)."""

from __future__ import annotations

from reader.analysis.actors import build_actors
from reader.analysis.dated_names import without_trailing_dates
from reader.analysis.tagger import Span
from tests.analysis.test_actors import actors_of, parsed, tagged


def test_a_month_before_a_number_leaves_the_name_and_a_lone_month_is_none() -> None:
    text = ("Polls of the week.\nVoxmetra Aug 25 41.0 30.5\nDelling Sept 2 38.0 33.5\n"
            "Stocks closed ( Jul 16 ) higher. Ms Fiona May 12 goals? No: Norrvik Wednesday 2 Tolbury 1.")
    names = (("Voxmetra Aug", "ORG"), ("Delling Sept", "PER"), ("Jul", "ORG"), ("Fiona May", "PER"),
             ("Norrvik Wednesday", "ORG"), ("Tolbury", "ORG"))
    actors, _ = actors_of(text, *names)
    assert {a.name for a in actors} == {"Voxmetra", "Delling", "Fiona May", "Norrvik Wednesday", "Tolbury"}
    without = build_actors(parsed(text), tagged(text, *names), off=("trailing_dates",))[0]
    assert {"Voxmetra Aug", "Delling Sept", "Jul"} <= {a.name for a in without}


def test_a_month_not_followed_by_a_number_stays_in_the_name() -> None:
    text = "Emnid Aug said so; Emnid Aug 25 did not."
    first, second = Span(0, 9, "ORG"), Span(19, 28, "ORG")
    assert without_trailing_dates(text, [(first, (0, 9)), (second, (19, 28))]) == [(first, (0, 9)), (second, (19, 24))]
