"""A wire story's dateline on a line of its own ("LINZ , Austria 1996-08-28") names a place, and
that place named again in a sentence is the place; a table row under it keeps what the tagger
read. Through the real engine and the shipped models; every text is written here."""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from reader.analysis.layout import datelines
from tests.actor_checks import analyse, named


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_a_dateline_line_names_its_place_and_country() -> None:
    text = "Strike ends .\nTARSOVA , Moldavia 1996-09-02\nDock workers returned .\nGENEVA Sep 3\nTalks resume ."
    assert [(label, text[s:e]) for label, s, e in datelines(text)] == [
        ("LOC", "TARSOVA"), ("LOC", "Moldavia"), ("LOC", "GENEVA")]


def test_the_seat_of_a_body_in_a_dateline_is_left_to_the_tagger() -> None:
    assert list(datelines("Vote delayed .\nUNITED NATIONS 1996-08-29\nThe council met .")) == []


def test_the_dateline_place_named_again_in_a_sentence_is_the_place(engine: Engine) -> None:
    text = ("Ferry strike ends in Tarsova .\nTARSOVA , Moldavia 1996-09-02\nDock workers in Tarsova returned to work "
            "on Monday after a week-long strike . Tarsova has said it will review port fees , and Tarsova officials "
            "promised talks .")
    actors, _ = analyse(engine, text)
    assert named(actors, "Tarsova").kind == "place"
    assert not [a for a in actors if a.name.lower() == "tarsova" and a.kind != "place"]


def test_a_team_in_a_table_under_its_city_dateline_stays_the_team(engine: Engine) -> None:
    text = ("Baseball standings .\nHALDEN 1996-09-02\nStandings after Sunday 's games :\n"
            "HALDEN 74 60 .552\nORVIK 70 64 .522")
    actors, mentions = analyse(engine, text)
    row = text.index("HALDEN 74")
    assert [a.kind for a in actors for m in mentions if m.actor == a.id and m.start == row] == ["organization"]
