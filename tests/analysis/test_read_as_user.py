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


def test_a_town_before_a_comma_and_its_state_is_a_place() -> None:
    text = ("He runs a school in Brevik, Oregon, and a shop at Port Halsey, Maine; Dunmore, N.C.-based Kelso Labs "
            "sued them. — Maria Lind, Philadelphia.")
    actors, _ = actors_of(text, ("Brevik", "ORG"), ("Oregon", "LOC"), ("Port Halsey", "PER"), ("Maine", "LOC"),
                          ("Dunmore", "PER"), ("Kelso Labs", "ORG"), ("Maria Lind", "PER"), ("Philadelphia", "LOC"))
    assert {a.name: a.kind for a in actors} == {
        "Brevik": "place", "Oregon": "place", "Port Halsey": "place", "Maine": "place", "Dunmore": "place",
        "Kelso Labs": "organization", "Maria Lind": "person", "Philadelphia": "place"}


def test_a_name_called_after_a_noun_of_bodies_is_an_organisation() -> None:
    text = "Tove Marsh, at a consulting firm called Halvard Brightwater, argues the deal will hold."
    actors, _ = actors_of(text, ("Tove Marsh", "PER"), ("Halvard Brightwater", "PER"))
    assert {a.name: a.kind for a in actors} == {"Tove Marsh": "person", "Halvard Brightwater": "organization"}


def test_a_feasts_eve_or_day_is_no_actor() -> None:
    text = ("Olsen turned 70 on Valentine's Day. \"I guess Christmas Eve was booked,\" said Ida Kress. "
            "Kress's Day of Reckoning, a book by Ida Kress, sold well.")
    actors, _ = actors_of(text, ("Olsen", "PER"), ("Valentine", "ORG"), ("Christmas Eve", "PER"), ("Ida Kress", "PER"),
                          ("Kress", "PER", 1), ("Ida Kress", "PER", 1))
    assert {a.name: a.kind for a in actors} == {"Olsen": "person", "Ida Kress": "person"}


def test_a_body_named_for_what_it_is_on_or_for_is_one_name() -> None:
    """``linked_bodies``, which took in the branch's own ``purpose_bodies``."""
    text = ("A study by the Joint Committee on Taxation found it, said Lena Voss of the Center for Coastal Progress "
            "and the Halden Institute for Near North Policy. The Security Council on Wednesday met a committee for "
            "Ivar Holm.")
    actors, _ = actors_of(text, ("Joint Committee", "ORG"), ("Taxation", "ORG"), ("Lena Voss", "PER"),
                          ("Center", "LOC"), ("Halden Institute", "ORG"), ("Near North Policy", "LOC"),
                          ("Security Council", "ORG"), ("Ivar Holm", "PER"))
    assert {a.name: a.kind for a in actors} == {
        "Joint Committee on Taxation": "organization", "Lena Voss": "person",
        "Center for Coastal Progress": "organization", "Halden Institute for Near North Policy": "organization",
        "Security Council": "organization", "Ivar Holm": "person"}
