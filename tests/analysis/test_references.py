"""Role phrases that refer to an actor ("the NATO chief" = Jens Stoltenberg), through the real engine.

Every text here is written for these tests. Each case says what a careful reader would mark:
a phrase only one actor of the article can be, after that actor was named, and nothing else.
"""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from reader.analysis.model import Analysis
from reader.analysis.pipeline import analyze_parsed


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def references(engine: Engine, text: str) -> list[tuple[str, str]]:
    """``(phrase, actor name)`` for every reference found in ``text``."""
    analysis: Analysis = analyze_parsed(engine.parse(text))
    names = {a.id: a.name for a in analysis.actors}
    return [(text[r.start:r.end], names[r.actor]) for r in analysis.references]


def test_a_role_phrase_refers_to_the_one_actor_holding_the_role(engine: Engine) -> None:
    text = ("UN Secretary-General Maria Duarte visited the harbour on Sunday. "
            "The UN chief called for calm, and she later met the fishermen.")
    assert references(engine, text) == [("The UN chief", "Maria Duarte")]


def test_a_title_before_the_name_is_the_role_not_a_reference(engine: Engine) -> None:
    text = "Senator Paula Ortiz voted against the bill. The senator told reporters that it was rushed."
    assert references(engine, text) == [("The senator", "Paula Ortiz")]


def test_two_ministers_make_the_minister_ambiguous(engine: Engine) -> None:
    text = ("Foreign Minister Lars Holm met Defence Minister Anna Berg in Oslo on Tuesday. "
            "The minister said the talks had gone well. The foreign minister then flew to Brussels.")
    # "the minister" may be either of them; "the foreign minister" only Holm.
    assert references(engine, text) == [("The foreign minister", "Lars Holm")]


def test_a_phrase_before_the_name_is_not_a_reference(engine: Engine) -> None:
    text = "The minister arrived late. Foreign Minister Lars Holm then spoke, and the minister left at noon."
    assert references(engine, text) == [("the minister", "Lars Holm")]


def test_plurals_indefinites_and_pronouns_are_never_references(engine: Engine) -> None:
    text = ("Foreign Minister Lars Holm opened the meeting. He thanked a minister from Chile, "
            "and the ministers agreed to meet again.")
    assert references(engine, text) == []


def test_an_organisation_by_the_word_its_name_ends_in(engine: Engine) -> None:
    text = ("Shares of Norvik Shipping Company fell on Monday. The company blamed fuel costs. "
            "The Green Party asked for an inquiry, and the party said it would call witnesses.")
    assert references(engine, text) == [("The company", "Norvik Shipping Company"), ("the party", "Green Party")]


def test_a_phrase_inside_a_name_is_no_reference(engine: Engine) -> None:
    text = ("The Green Party won three seats. Later the Green Party said it would not join a coalition, "
            "and the party leaders went home.")
    # "the Green Party" is the name itself; "the party leaders" are several people.
    assert references(engine, text) == []


def test_a_role_without_a_fitting_actor_is_left_alone(engine: Engine) -> None:
    text = "Mayor Ingrid Solberg opened the bridge. The governor did not come, said the mayor."
    assert references(engine, text) == [("the mayor", "Ingrid Solberg")]


def test_a_predicate_describes_and_does_not_refer(engine: Engine) -> None:
    text = ("Mayor Ingrid Solberg opened the bridge. Her deputy, Tor Lunde, is the mayor of the old town, "
            "and the mayor thanked him.")
    # After "is" the phrase says what Lunde is; the last one means Solberg, the only mayor by role.
    assert references(engine, text) == [("the mayor", "Ingrid Solberg")]


def test_a_former_office_is_not_the_present_one(engine: Engine) -> None:
    text = ("Former President Ruth Okafor spoke at the opening. The president of the club thanked her, "
            "and the former president left early.")
    assert references(engine, text) == [("the former president", "Ruth Okafor")]


def test_a_body_is_the_one_named_last(engine: Engine) -> None:
    text = ("Talks between Norvik Shipping Company and Baltwave began on Monday. Baltwave said little. "
            "The company later published its offer.")
    # "the company" follows Baltwave, whose name does not say it is a company: nothing is marked.
    assert references(engine, text) == []


def test_a_role_after_a_bodys_possessive_refers_to_the_one_who_holds_it_there(engine: Engine) -> None:
    text = ("NATO Secretary-General Jens Stoltenberg met the foreign ministers in Brussels on Friday. Stoltenberg "
            "said the meeting had been long.\n\nRussia did not send anyone. Later the alliance's chief told "
            "reporters that the talks would go on. The alliance's spokeswoman gave no date.")
    # "the alliance" is the body named last; its chief is the one person whose role names NATO. Nobody's
    # role is NATO's spokeswoman, so that phrase stays unmarked.
    assert references(engine, text) == [("the alliance's chief", "Jens Stoltenberg")]


def test_a_possessive_role_of_another_body_is_not_its_leader(engine: Engine) -> None:
    text = ("NATO Secretary-General Jens Stoltenberg spoke in Brussels. Harbour Group, a shipping firm, "
            "was not there. The company's chief wrote to him later.")
    assert references(engine, text) == []


def test_a_phrase_in_apposition_with_a_name_after_it_introduces_that_person(engine: Engine) -> None:
    text = ("Prime Minister Ilse Rautio opened the new wind farm on Monday. "
            "The minister of energy, Juha Lampinen, stayed in Helsinki.")
    # The phrase names Lampinen, who comes right after it; it is no reference back to the prime minister.
    assert references(engine, text) == []


def test_a_phrase_in_apposition_with_an_earlier_named_person_refers_only_to_that_person(engine: Engine) -> None:
    text = ("Foreign Minister Lars Holm met the press in Oslo. Finance Minister Anna Berg stayed at home. "
            "Later the foreign minister, Lars Holm, flew to Brussels, and Berg, the foreign minister, did not.")
    # Both phrases fit Holm by role; the second stands beside Berg's name, so it describes her, not Holm.
    assert references(engine, text) == [("the foreign minister", "Lars Holm")]


def test_a_complement_is_part_of_the_role(engine: Engine) -> None:
    text = ("Prime Minister Ilse Rautio opened the new wind farm on Monday. The minister of energy stayed in "
            "Helsinki.\n\nEnergy Minister Juha Lampinen was not invited.")
    # A prime minister is no minister of energy, and Lampinen is named only after the phrase.
    assert references(engine, text) == []
    text = "Energy Minister Juha Lampinen opened the wind farm. Later the minister of energy spoke to the crowd."
    assert references(engine, text) == [("the minister of energy", "Juha Lampinen")]


def test_a_name_in_a_complement_asks_nothing_of_the_role(engine: Engine) -> None:
    text = "Finnish President Ilse Rautio opened the wind farm. The president of Finland spoke to the crowd."
    assert references(engine, text) == [("The president of Finland", "Ilse Rautio")]


def test_a_place_before_the_comma_is_no_apposition(engine: Engine) -> None:
    text = "Mayor Ingrid Solberg opened the bridge. At a meeting in Bergen, the mayor thanked the builders."
    assert references(engine, text) == [("the mayor", "Ingrid Solberg")]


def test_a_comma_that_ends_a_clause_or_a_possessor_is_no_apposition(engine: Engine) -> None:
    text = ("Prime Minister Ilse Rautio met Juha Lampinen in Turku. After an hour with Lampinen, the prime minister "
            "looked tired. Anna Berg, the prime minister's aide, said nothing.")
    assert references(engine, text) == [("the prime minister", "Ilse Rautio"), ("the prime minister", "Ilse Rautio")]
