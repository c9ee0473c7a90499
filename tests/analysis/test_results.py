"""Clubs named after their towns in a match report (issue 10), through the real engine and
the shipped models; each text is written for this file."""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from tests.actor_checks import analyse, kinds


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_towns_a_score_names_as_clubs_are_clubs_and_a_country_stays_its_team(engine: Engine) -> None:
    text = ("Ottawa scored twice late, but Kingston came back to beat Ottawa 5-4 in overtime on Friday. Ottawa "
            "led 4-2 after two periods.\n\nNorway beat Austria 2-0 in Oslo on Saturday.")
    actors, mentions = analyse(engine, text)
    ottawa = [m for m in mentions if text[m.start:m.end] == "Ottawa"]
    assert len(ottawa) == 3 and {next(a.kind for a in actors if a.id == m.actor) for m in ottawa} == {"organization"}
    found = kinds(actors)
    assert found["Norway"] == "place" and found["Austria"] == "place" and found["Oslo"] == "place"
