"""What a demanding reader found wrong in ordinary political news (PolNeAR seeds 67 and 68),
each case in sentences written for these tests."""

from __future__ import annotations

from tests.actor_checks import named
from tests.analysis.test_actors import actors_of


def test_a_title_in_the_plural_before_several_names_is_each_ones_in_the_singular() -> None:
    text = ("Sens. Maren Ostby of Utah and Tom Berget of Idaho said they would campaign with him. "
            "The presidential candidates Lia Vendt and Ole Brask met once, and Ada Lunde, the boss, watched.")
    actors, _ = actors_of(text, ("Maren Ostby", "PER"), ("Utah", "LOC"), ("Tom Berget", "PER"), ("Idaho", "LOC"),
                          ("Lia Vendt", "PER"), ("Ole Brask", "PER"), ("Ada Lunde", "PER"))
    assert named(actors, "Maren Ostby").role == "Sen."
    assert named(actors, "Lia Vendt").role == "presidential candidate"
    assert named(actors, "Ada Lunde").role == "boss"
