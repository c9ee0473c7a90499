"""Names the document has already shown: a spelling written again where the tagger saw nothing
(``repeats``), and a one-word name that a title or a full name shows to be a person's
(``person_words``); and names read across a spaced dash (``dashes``). Through the real engine
and the shipped models; every text is written here."""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from tests.actor_checks import analyse, named, surfaces


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_a_company_written_again_before_a_noun_is_still_the_company(engine: Engine) -> None:
    text = ("Investors bought shares of Quorlink after Quorlink said sales had risen. Quorlink stock gained "
            "8 percent, and a Quorlink spokeswoman said orders were strong.")
    actors, mentions = analyse(engine, text)
    company = named(actors, "Quorlink")
    assert company.kind == "organization"
    starts = [m.start for m in mentions if m.actor == company.id]
    assert text.index("Quorlink stock") in starts


def test_a_person_written_again_with_a_possessive_is_still_the_person(engine: Engine) -> None:
    text = ("A photographer was barred by a court on Friday from coming near Princess Rosalind. The order "
            "obtained by Rosalind bans him from her home. Rosalind 's lawyers said he had followed her for months.")
    actors, mentions = analyse(engine, text)
    assert surfaces(text, named(actors, "Rosalind"), mentions) == ["Rosalind"] * 3
    assert named(actors, "Rosalind").kind == "person"


def test_a_titled_person_read_as_a_body_elsewhere_is_that_person(engine: Engine) -> None:
    text = ("Princess Adelind of Varsenia opened the hospital on Monday. Crowds cheered Adelind as she arrived, "
            "and a band played for Adelind outside.")
    actors, mentions = analyse(engine, text)
    assert named(actors, "Adelind").kind == "person"
    assert surfaces(text, named(actors, "Adelind"), mentions) == ["Adelind"] * 3
    assert [a.kind for a in actors if a.name == "Varsenia"] == ["place"]


def test_a_spaced_dash_separates_two_names(engine: Engine) -> None:
    text = ("Madison relay final results :\n1. Tomas Brevik - Aarne Kallio ( Norway ) 45 points\n"
            "2. Luca Ferrante - Dario Berg-Lund ( Italy ) 38 points\n"
            "3. Jonas Weber - Felix Adler ( Germany ) 31 points")
    actors, _ = analyse(engine, text)
    people = {a.name for a in actors if a.kind == "person"}
    assert {"Tomas Brevik", "Aarne Kallio", "Luca Ferrante", "Dario Berg-Lund", "Jonas Weber", "Felix Adler"} <= people
    assert not [a.name for a in actors if " - " in a.name]


def test_a_date_after_a_dash_is_no_part_of_a_source(engine: Engine) -> None:
    text = "Quoted by Reuters on Monday, the editor said : \" We will not stop . \" ( Halden Courier - Aug 12 )"
    actors, _ = analyse(engine, text)
    assert named(actors, "Halden Courier").kind == "organization"
    assert not [a.name for a in actors if "Aug" in a.name]


def test_a_sentence_end_glued_to_a_byline_is_no_part_of_the_name(engine: Engine) -> None:
    text = ("The county named the driver as Paula Renner, 41, of Tempe, Ariz.--Dana Whitlow.\n\n"
            "Crews cleared the highway by noon and no one else was hurt.--Martin Osei.")
    actors, mentions = analyse(engine, text)
    people = {a.name for a in actors if a.kind == "person"}
    assert {"Dana Whitlow", "Martin Osei"} <= people
    assert not [a.name for a in actors if "--" in a.name or "Ariz" in a.name or "hurt" in a.name]


def test_a_word_with_an_inner_capital_is_an_organisation(engine: Engine) -> None:
    text = ("The poll average at ClearPollWatch showed a tie in the race. [TideMail.]\n\n"
            "Follow the story on #SaveTheQuay and at MarketPulse.com today, said Sen. Owen McAllister.")
    actors, mentions = analyse(engine, text)
    assert named(actors, "ClearPollWatch").kind == "organization"
    assert named(actors, "TideMail").kind == "organization"
    assert not {"SaveTheQuay", "MarketPulse"} & {a.name for a in actors}
    assert named(actors, "Owen McAllister").kind == "person"


def test_a_titled_name_joined_by_and_to_a_body_stays_a_person(engine: Engine) -> None:
    text = ("Senator Quintero and the Republican Congress have passed nothing on wages, the union said. "
            "Quintero did not answer, and a spokesman for Quintero said the bill would return in May.")
    actors, mentions = analyse(engine, text)
    assert named(actors, "Quintero").kind == "person"
    assert len(surfaces(text, named(actors, "Quintero"), mentions)) == 3
