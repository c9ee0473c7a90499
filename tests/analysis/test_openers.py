"""A sentence's opening word is cut from the surname it stands before (rule ``openers``);
texts written for these tests."""

from __future__ import annotations

import pytest

from reader.analysis.actors import build_actors
from reader.analysis.engine import Engine
from reader.analysis.tagger import default_tagger
from tests.actor_checks import analyse, kinds, named, surfaces


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_an_opening_word_is_no_part_of_a_surname(engine: Engine) -> None:
    text = ("Absent Okonkwo, the reformers have no obvious leader in the chamber. Unlike Brandvold, "
            "the finance minister spoke for an hour.\n\nAdaeze Okonkwo and Sigrid Brandvold both declined "
            "to comment on Tuesday.")
    actors, mentions = analyse(engine, text)
    assert surfaces(text, named(actors, "Adaeze Okonkwo"), mentions) == ["Okonkwo", "Adaeze Okonkwo"]
    assert surfaces(text, named(actors, "Sigrid Brandvold"), mentions) == ["Brandvold", "Sigrid Brandvold"]
    assert "Absent Okonkwo" not in kinds(actors) and "Unlike Brandvold" not in kinds(actors)


def test_the_rule_is_what_cuts_them(engine: Engine) -> None:
    text = ("Absent Okonkwo, the reformers have no obvious leader in the chamber.\n\nAdaeze Okonkwo declined "
            "to comment on Tuesday.")
    parsed = engine.parse(text)
    spans = default_tagger().spans(parsed)
    with_rule = {parsed.text[m.start:m.end] for m in build_actors(parsed, spans)[1]}
    without = {parsed.text[m.start:m.end] for m in build_actors(parsed, spans, ("openers",))[1]}
    assert "Okonkwo" in with_rule and "Okonkwo" not in without


def test_a_given_name_or_a_lone_full_name_keeps_its_first_word(engine: Engine) -> None:
    text = ("Joy Tanaka-Reyes opened the new library on Saturday. Tanaka-Reyes said the city had waited "
            "ten years.\n\nWill Ferreira, the mayor, thanked the builders. Will Ferreira and Ana Ferreira "
            "cut the ribbon.")
    actors, _ = analyse(engine, text)
    found = kinds(actors)
    assert found.get("Joy Tanaka-Reyes") == "person"
    assert found.get("Will Ferreira") == "person"


def test_a_first_word_the_tagger_left_out_opens_the_name(engine: Engine) -> None:
    text = "Ottilie Jean Hart will present the trophy at the regional final on Sunday."
    parsed = engine.parse(text)
    spans = default_tagger().spans(parsed)
    assert "Jean Hart" in {text[s.start:s.end] for s in spans}  # what the tagger reads
    assert {parsed.text[m.start:m.end] for m in build_actors(parsed, spans)[1]} == {"Ottilie Jean Hart"}
    assert {parsed.text[m.start:m.end] for m in build_actors(parsed, spans, ("first_words",))[1]} == {"Jean Hart"}


def test_a_first_word_before_a_known_surname_stays_out(engine: Engine) -> None:
    text = ("Quarrelling Brandvold, the deputies walked out.\n\nSigrid Brandvold said on Tuesday that the "
            "vote would be held again.")
    actors, mentions = analyse(engine, text)
    assert not [a.name for a in actors if a.name.startswith("Quarrelling")]
