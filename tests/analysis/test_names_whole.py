"""Names kept whole (issue 10, deliverable 4), through the real engine and the shipped models.

Each text is written for this file: a hyphen that the tagger read as the border of two names,
a compound surname after a given name, an office between a body and its head with the head's
particle surname in the possessive at a paragraph start, a particle glued by a hyphen in lower
case, a letter that ends a sentence before a name, an inner word of a long name, a
possessive that names a shop, and a title's office read into its holder's name.
"""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from tests.actor_checks import analyse, kinds, named, surfaces


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_a_hyphen_never_splits_a_name_and_the_other_surname_stays_apart(engine: Engine) -> None:
    text = ("Alexandria Ocasio-Cortez introduced a bill on Tuesday to fund public housing. Ocasio-Cortez said the "
            "plan was overdue. Senator Catherine Cortez Masto agreed.")
    actors, mentions = analyse(engine, text)
    person = named(actors, "Alexandria Ocasio-Cortez")
    assert person.kind == "person"
    assert surfaces(text, person, mentions) == ["Alexandria Ocasio-Cortez", "Ocasio-Cortez"]
    assert surfaces(text, named(actors, "Catherine Cortez Masto"), mentions) == ["Catherine Cortez Masto"]
    assert len([a for a in actors if a.kind == "person"]) == 2


@pytest.mark.parametrize(("text", "full", "short"), [
    ("Georges St-Pierre opened a gym in Montreal. St-Pierre said it was a dream.", "Georges St-Pierre", "St-Pierre"),
    ("Former champion Mathieu St-Laurent opened a boxing club on Saturday. St-Laurent said children train free.",
     "Mathieu St-Laurent", "St-Laurent"),
])
def test_a_compound_surname_after_a_given_name_is_a_person(engine: Engine, text: str, full: str, short: str) -> None:
    actors, mentions = analyse(engine, text)
    person = named(actors, full)
    assert person.kind == "person"
    assert surfaces(text, person, mentions) == [full, short]


def test_an_office_parts_a_body_from_its_head_and_the_particle_possessive_joins_her(engine: Engine) -> None:
    text = ("European Commission President Ursula von der Leyen visited Riga on Thursday.\n\n"
            "Von der Leyen’s visit followed a trip to Tallinn.")
    actors, mentions = analyse(engine, text)
    assert kinds(actors)["European Commission"] == "organization"
    person = named(actors, "Ursula von der Leyen")
    assert person.kind == "person"
    assert surfaces(text, person, mentions) == ["Ursula von der Leyen", "Von der Leyen"]
    assert not [a for a in actors if "Leyen" in a.name and a is not person]


def test_the_office_of_a_title_is_no_part_of_its_holders_name(engine: Engine) -> None:
    text = ("Chief of Staff Marisol Dunleavy told reporters the budget would pass. Speaker of the House Linda Okafor "
            "agreed, and Dunleavy thanked her.\n\n"
            "Okafor later met the director of the Women's Media Center and the president of the Center for Marine "
            "Biology.")
    actors, mentions = analyse(engine, text)
    assert surfaces(text, named(actors, "Marisol Dunleavy"), mentions) == ["Marisol Dunleavy", "Dunleavy"]
    assert surfaces(text, named(actors, "Linda Okafor"), mentions) == ["Linda Okafor", "Okafor"]
    assert kinds(actors)["Center for Marine Biology"] == "organization"
    assert [a.name for a in actors if a.kind == "person"] == ["Marisol Dunleavy", "Linda Okafor"]


def test_a_title_and_of_before_an_office_and_two_name_words_give_the_person(engine: Engine) -> None:
    text = "On Tuesday, Secretary of Homeland Security Alejandro Ibarrola told the Senate the bill would fail."
    actors, mentions = analyse(engine, text)
    assert named(actors, "Alejandro Ibarrola").kind == "person"
    assert not [a.name for a in actors if "Homeland" in a.name]


def test_a_lower_case_particle_glued_by_a_hyphen_stays_in_the_name(engine: Engine) -> None:
    text = ("The novelist Khalil al-Masri spoke at the fair on Friday. Al-Masri read from his new book, and "
            "al-Masri’s editor said a second printing was planned.")
    actors, mentions = analyse(engine, text)
    person = named(actors, "Khalil al-Masri")
    assert surfaces(text, person, mentions) == ["Khalil al-Masri", "Al-Masri", "al-Masri"]
    assert [a.name for a in actors if a.kind == "person"] == ["Khalil al-Masri"]


def test_a_letter_ending_a_sentence_is_no_initial_of_the_next_name(engine: Engine) -> None:
    text = "Jean-Luc Mélenchon praised the bill on X. Mélenchon’s party agreed."
    actors, mentions = analyse(engine, text)
    person = named(actors, "Jean-Luc Mélenchon")
    assert surfaces(text, person, mentions) == ["Jean-Luc Mélenchon", "Mélenchon"]
    assert len(actors) == 1


def test_an_initial_that_fits_the_full_name_stays(engine: Engine) -> None:
    text = "Jonas Brekke chaired the meeting. The minutes were signed by J. Brekke on Friday."
    actors, mentions = analyse(engine, text)
    assert "J. Brekke" in [text[m.start:m.end] for m in mentions]


def test_an_inner_word_of_a_long_name_joins_it_unless_another_name_has_it(engine: Engine) -> None:
    text = ("Brazilian President Luiz Inácio Lula da Silva hosted Emmanuel Macron. Lula and Macron signed a deal.")
    actors, mentions = analyse(engine, text)
    assert surfaces(text, named(actors, "Luiz Inácio Lula da Silva"), mentions) == ["Luiz Inácio Lula da Silva",
                                                                                  "Lula"]
    shared = ("Chilean President Gabriel Boric Font met María Boric Soto, a lawyer, in Santiago. Boric said the "
              "talks went well.")
    actors, mentions = analyse(engine, shared)
    assert surfaces(shared, named(actors, "Gabriel Boric Font"), mentions) == ["Gabriel Boric Font"]
    assert surfaces(shared, named(actors, "María Boric Soto"), mentions) == ["María Boric Soto"]


def test_a_possessive_before_a_body_word_names_a_shop_not_its_owner(engine: Engine) -> None:
    text = ("Thomas’s Bakery, a shop on Main Street, will sponsor benches. Its owner, Thomas Mbeki, said the town "
            "needed them.")
    actors, mentions = analyse(engine, text)
    assert kinds(actors)["Thomas’s Bakery"] == "organization"
    assert surfaces(text, named(actors, "Thomas Mbeki"), mentions) == ["Thomas Mbeki"]
    assert "Bakery" not in kinds(actors)


def test_a_place_whose_council_opens_the_text_is_found(engine: Engine) -> None:
    text = "Brantford’s council voted 6-5 on Monday to close two pools. The Mayor's office said nothing."
    actors, mentions = analyse(engine, text)
    assert kinds(actors) == {"Brantford": "place"}


def test_a_legislators_party_is_no_part_of_the_state_after_the_name(engine: Engine) -> None:
    text = ("Sen. Walter Brigham (R-Texas) spoke first. Rep. Lucia Ferrand, D-Texas, disagreed, and Rep. Owen "
            "Talbot, R-Ohio, left early.")
    actors, mentions = analyse(engine, text)
    assert surfaces(text, named(actors, "Texas"), mentions) == ["Texas", "Texas"]
    assert named(actors, "Ohio").kind == "place"
    assert not [a.name for a in actors if "-" in a.name]


def test_a_name_whose_given_name_is_a_faiths_word_is_a_person(engine: Engine) -> None:
    text = ("Christian Lindqvist resigned as chief executive of Norvia on Monday. Christian voters in the region "
            "were unmoved.")
    actors, mentions = analyse(engine, text)
    assert surfaces(text, named(actors, "Christian Lindqvist"), mentions) == ["Christian Lindqvist"]
    assert named(actors, "Christian Lindqvist").kind == "person"
    assert "Christian" not in {a.name for a in actors}


def test_a_common_word_before_a_day_opens_an_event_not_an_actor(engine: Engine) -> None:
    text = ("Voters in twelve states go to the polls on Super Tuesday, and Super Tuesday decides most races. "
            "Shops expect crowds on Black Friday. Governor Ruth Pence spoke on Monday; aides were introducing "
            "Pence Thursday.")
    actors, mentions = analyse(engine, text)
    assert not {"Super", "Black", "Super Tuesday", "Black Friday"} & {a.name for a in actors}
    assert surfaces(text, named(actors, "Ruth Pence"), mentions) == ["Ruth Pence", "Pence"]


def test_and_between_names_written_apart_is_no_part_of_one_name(engine: Engine) -> None:
    text = ("Following the lead of Zentrix and Vollmark, which have given their units more freedom, Telvane may "
            "split in two. Vollmark declined to comment on Monday.\n\n"
            "Councillor Dana Whitcombe met the mayor on Friday. Later the Greens and Whitcombe signed a joint letter "
            "to the Department of Health and Human Services and to the Securities and Exchange Commission.")
    actors, mentions = analyse(engine, text)
    found = kinds(actors)
    assert "Zentrix" in found and "Zentrix and Vollmark" not in found
    assert surfaces(text, named(actors, "Dana Whitcombe"), mentions) == ["Dana Whitcombe", "Whitcombe"]
    assert "Greens and Whitcombe" not in found
    assert found["Department of Health and Human Services"] == "organization"
    assert found["Securities and Exchange Commission"] == "organization"


def test_a_title_s_first_words_are_no_part_of_the_body_before_it(engine: Engine) -> None:
    text = ("Senate Majority Leader Ann Porter told reporters the Senate had other work. The House Majority "
            "Leader, Raul Ortiz, disagreed.")
    actors, mentions = analyse(engine, text)
    assert kinds(actors) == {"Senate": "organization", "Ann Porter": "person", "House": "organization",
                             "Raul Ortiz": "person"}
    assert surfaces(text, named(actors, "Senate"), mentions) == ["Senate", "Senate"]


def test_a_body_s_members_or_a_body_of_its_own_after_its_name_are_another_actor(engine: Engine) -> None:
    text = ("House Democrats walked out on Tuesday. The House then voted to pass the bill, and the Senate will "
            "take it up next week. Senate Republicans said they would block it, and the Senate Conservatives "
            "Fund paid for the advertisements.")
    actors, mentions = analyse(engine, text)
    assert surfaces(text, named(actors, "House"), mentions) == ["House"]
    assert surfaces(text, named(actors, "Senate"), mentions) == ["Senate"]
    assert surfaces(text, named(actors, "Senate Republicans"), mentions) == ["Senate Republicans"]


def test_a_unit_of_a_body_after_its_name_is_another_actor(engine: Engine) -> None:
    text = ("Maren Tollefsen studied at Harwick University and then at the Harwick University School of Law. "
            "Harwick University said on Monday that fees would rise.")
    actors, mentions = analyse(engine, text)
    assert surfaces(text, named(actors, "Harwick University"), mentions) == ["Harwick University", "Harwick University"]
    assert surfaces(text, named(actors, "Harwick University School of Law"), mentions) == [
        "Harwick University School of Law"]


def test_a_storms_name_is_no_actor_but_the_centre_that_tracks_it_is(engine: Engine) -> None:
    text = ("Storm Orla flooded Tadcaster on Sunday. Forecasters at the National Hurricane Center in Miami said "
            "Hurricane Dolly would reach Texas by Tuesday, while Tropical Storm Ines stayed at sea.")
    actors, _ = analyse(engine, text)
    assert kinds(actors) == {"Tadcaster": "place", "National Hurricane Center": "organization", "Miami": "place",
                             "Texas": "place"}
