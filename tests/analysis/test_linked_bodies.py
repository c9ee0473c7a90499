"""A body's name that goes on past "for the", "of the" or "on" (issue 10: organisations cut in
two on modern news). Every text is written here."""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from reader.analysis.linked_bodies import linked_bodies
from reader.analysis.tagger import Span

from tests.actor_checks import analyse, kinds, tagged


def _shown(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in spans]


@pytest.mark.parametrize(("text", "read", "whole"), [
    ("Analysts at the Institute for the Study of Frontiers said little.", (("Study of Frontiers", "ORG"),),
     "Institute for the Study of Frontiers"),
    ("Volunteers of the Royal Society for the Protection of Moths counted wings.",
     (("Royal Society", "ORG"), ("Protection of Moths", "ORG")), "Royal Society for the Protection of Moths"),
    ("A report by the Organisation for Maritime Co-operation and Development was late.",
     (("Organisation for Maritime Co", "ORG"), ("Development", "LOC")),
     "Organisation for Maritime Co-operation and Development"),
    ("She runs the Tarvik Council on Foreign Relations now.", (("Tarvik Council", "ORG"), ("Foreign Relations", "ORG")),
     "Tarvik Council on Foreign Relations"),
])
def test_a_body_read_in_parts_past_its_link_is_one_organisation(text: str, read: tuple[tuple[str, str], ...],
                                                                 whole: str) -> None:
    assert _shown(text, linked_bodies(text, tagged(text, *read), frozenset())) == [(whole, "ORG")]


def test_a_possessive_before_the_head_ends_the_owner_and_starts_the_name() -> None:
    text = "He teaches at Mireva University’s Institute for Coastal Futures."
    read = tagged(text, ("Mireva University’s Institute", "ORG"), ("Coastal Futures", "ORG"))
    assert _shown(text, linked_bodies(text, read, frozenset())) == [("Mireva University", "ORG"),
                                                       ("Institute for Coastal Futures", "ORG")]


@pytest.mark.parametrize(("text", "read"), [
    ("The Security Council on Friday voted again.", (("Security Council", "ORG"),)),
    ("Posters of the Campaign for Dana Whitlock hung there.", (("Campaign", "ORG"), ("Dana Whitlock", "PER"))),
    ("Institute For The Study Of Frontiers Says Little", (("Study Of Frontiers", "ORG"),)),
    ("Money from the Mayor’s Fund for Peace arrived.", (("Mayor’s Fund", "ORG"), ("Peace", "ORG"))),
])
def test_days_people_headlines_and_names_reaching_past_are_left_as_read(text: str,
                                                                        read: tuple[tuple[str, str], ...]) -> None:
    spans = tagged(text, *read)
    assert linked_bodies(text, spans, frozenset({"says"})) == spans


@pytest.mark.parametrize(("text", "read", "whole"), [
    ("Nurses Without Frontiers sent a team.", (("Without Frontiers", "PER"),), "Nurses Without Frontiers"),
    ("A grant went to Parents Against Noise last week.", (), "Parents Against Noise"),
])
def test_a_capitalised_preposition_between_capitalised_words_makes_one_organisation(
        text: str, read: tuple[tuple[str, str], ...], whole: str) -> None:
    assert _shown(text, linked_bodies(text, tagged(text, *read), frozenset())) == [(whole, "ORG")]


def test_a_headline_with_a_capitalised_preposition_is_left_as_read() -> None:
    text = "Senator Rails Against Tarvik Plan\nThe vote is on Monday."
    spans = tagged(text, ("Tarvik", "LOC"))
    assert linked_bodies(text, spans, frozenset({"rails", "plan"})) == spans


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_a_linked_body_ending_in_an_event_word_is_found_whole(engine: Engine) -> None:
    text = ("Analysts at the Institute for the Study of War said the front had barely moved. Officials of the "
            "Royal Society for the Protection of Birds counted more nests, and Doctors Without Borders sent a team.")
    actors, _ = analyse(engine, text)
    assert kinds(actors) == {"Institute for the Study of War": "organization",
                             "Royal Society for the Protection of Birds": "organization",
                             "Doctors Without Borders": "organization"}
