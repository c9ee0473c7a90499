"""Companies and other bodies whose name alone misleads the tagger (issue 10), through the real
engine and the shipped models. Each text is written for this file."""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from tests.actor_checks import analyse, kinds, named, surfaces


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize(("text", "body"), [
    ("Studio Kaminari hired twelve animators in Kyoto this spring.", "Studio Kaminari"),
    ("The essays were published by Dar Tawla in London last year.", "Dar Tawla"),
    ("Les Nouvelles reported that the minister would resign.", "Les Nouvelles"),
])
def test_a_name_opened_by_a_word_that_opens_bodies_is_a_body(engine: Engine, text: str, body: str) -> None:
    actors, _ = analyse(engine, text)
    assert kinds(actors)[body] == "organization"


def test_a_surname_opened_by_an_article_stays_the_persons(engine: Engine) -> None:
    text = "Marine Le Pen spoke in Lyon on Sunday. Le Pen said her party would win."
    actors, mentions = analyse(engine, text)
    assert kinds(actors) == {"Marine Le Pen": "person", "Lyon": "place"}
    assert surfaces(text, named(actors, "Marine Le Pen"), mentions) == ["Marine Le Pen", "Le Pen"]


@pytest.mark.parametrize(("text", "body"), [
    ("Arcelor-Mittal will idle a rolling mill in Ghent for six weeks.", "Arcelor-Mittal"),
    ("Hewlett-Packard will split into two companies, the board said.", "Hewlett-Packard"),
])
def test_a_company_the_tagger_set_aside_as_misc_is_a_body(engine: Engine, text: str, body: str) -> None:
    actors, _ = analyse(engine, text)
    assert kinds(actors)[body] == "organization"


def test_a_demonym_set_aside_as_misc_stays_no_actor(engine: Engine) -> None:
    text = "Emirati officials met the delegation in Abu Dhabi on Sunday."
    actors, _ = analyse(engine, text)
    assert kinds(actors) == {"Abu Dhabi": "place"}


def test_a_company_read_as_a_double_barrelled_surname_is_a_body(engine: Engine) -> None:
    text = "Ocean-Vale raised its dividend for a third year after iron ore prices held up."
    actors, _ = analyse(engine, text)
    assert kinds(actors) == {"Ocean-Vale": "organization"}


def test_a_persons_hyphenated_surname_stays_the_persons(engine: Engine) -> None:
    text = "Senator Ruth Castell-Brown opened the hearing. Castell-Brown said the bill would pass."
    actors, mentions = analyse(engine, text)
    assert kinds(actors) == {"Ruth Castell-Brown": "person"}
    assert surfaces(text, named(actors, "Ruth Castell-Brown"), mentions) == ["Ruth Castell-Brown", "Castell-Brown"]


def test_a_hyphenated_surname_read_as_a_person_once_is_never_a_body(engine: Engine) -> None:
    # The tagger misses the given name; spaCy reads the first "Ocasio-Cortez" as an organisation
    # and the second as nothing: one spelling, one person, not a person and a body.
    text = "Alexandria Ocasio-Cortez spoke on Tuesday. Ocasio-Cortez said she would run."
    actors, mentions = analyse(engine, text)
    assert "organization" not in kinds(actors).values()
    assert [surfaces(text, actor, mentions) for actor in actors if "Ocasio-Cortez" in actor.name] == [
        ["Ocasio-Cortez", "Ocasio-Cortez"]]


@pytest.mark.parametrize(("text", "body", "place"), [
    ("Workers at the Fenwick Steel plant in Hamilton, Ontario, walked off the job on Friday.", "Fenwick Steel",
     "Hamilton"),
    ("The Granite City plant of Tamsin Metals will close, and Tamsin Metals will sell the land.", "Tamsin Metals",
     "Granite City"),
])
def test_the_name_before_a_plant_is_its_company(engine: Engine, text: str, body: str, place: str) -> None:
    actors, _ = analyse(engine, text)
    assert kinds(actors)[body] == "organization"
    assert kinds(actors)[place] == "place"


def test_a_name_ending_in_an_industry_is_a_company(engine: Engine) -> None:
    text = ("Harmon Coal, one of the largest coal companies in the state, filed for bankruptcy last year. Harmon sold "
            "its mines to Dale Weaver, who also owns Weaver Healthcare, a chain of nursing homes.")
    actors, _ = analyse(engine, text)
    assert kinds(actors) == {"Harmon Coal": "organization", "Dale Weaver": "person",
                             "Weaver Healthcare": "organization"}
