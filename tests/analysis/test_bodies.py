"""Organisations told by the words around them, and names that are no actor (issue 10), through
the real engine and the shipped models. Each text is written for this file."""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from tests.actor_checks import analyse, kinds, named, surfaces


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_a_company_joined_to_a_known_company_is_one_too(engine: Engine) -> None:
    text = "Shares in London closed higher on Friday. Unilever and BP led the gains."
    actors, _ = analyse(engine, text)
    assert kinds(actors) == {"London": "place", "Unilever": "organization", "BP": "organization"}


def test_a_name_whose_chief_executive_is_named_is_a_body(engine: Engine) -> None:
    text = "Investors cheered as Marlowe's chief executive, Ines Paulo, announced a buyback. Marlowe rose."
    actors, mentions = analyse(engine, text)
    assert kinds(actors) == {"Marlowe": "organization", "Ines Paulo": "person"}
    assert surfaces(text, named(actors, "Marlowe"), mentions) == ["Marlowe", "Marlowe"]


def test_countries_and_people_beside_a_body_keep_their_kind(engine: Engine) -> None:
    text = ("Germany and France signed the pact, and Chancellor Olaf Scholz and NATO welcomed it. Scholz said "
            "the shares of Airbus rose.")
    actors, _ = analyse(engine, text)
    assert kinds(actors) == {"Germany": "place", "France": "place", "Olaf Scholz": "person",
                             "NATO": "organization", "Airbus": "organization"}


def test_a_newspaper_is_a_body_and_its_town_alone_a_place(engine: Engine) -> None:
    text = ("The Harwick Courier and the Dunmore Star will merge next year. Dunmore has lost two papers since "
            "2010.")
    actors, mentions = analyse(engine, text)
    assert kinds(actors) == {"Harwick Courier": "organization", "Dunmore Star": "organization",
                             "Dunmore": "place"}
    assert surfaces(text, named(actors, "Dunmore Star"), mentions) == ["Dunmore Star"]


def test_a_name_called_a_company_or_a_party_is_a_body(engine: Engine) -> None:
    text = ("Shoppers said Paperleaf, the bookstore chain, had cut prices. Paperleaf's shares fell 3 percent.\n\n"
            "Mélenchon’s party, La France Insoumise, has proposed a new tax.")
    actors, mentions = analyse(engine, text)
    assert named(actors, "Paperleaf").kind == "organization"
    assert surfaces(text, named(actors, "Paperleaf"), mentions) == ["Paperleaf", "Paperleaf"]
    assert named(actors, "La France Insoumise").kind == "organization"


def test_a_person_who_owns_shares_stays_a_person(engine: Engine) -> None:
    text = "Ottmar Kessel's shares in the firm were sold. Kessel said the shareholders agreed."
    actors, mentions = analyse(engine, text)
    assert kinds(actors) == {"Ottmar Kessel": "person"}
    assert surfaces(text, actors[0], mentions) == ["Ottmar Kessel", "Kessel"]


def test_demonyms_and_party_members_are_no_actors(engine: Engine) -> None:
    text = ("The Israeli and Palestinian delegations met in Cairo. Emirati and Qatari envoys joined them.\n\n"
            "Senator Catherine Cortez Masto, a Nevada Democrat, said the bill would pass.")
    actors, mentions = analyse(engine, text)
    assert kinds(actors) == {"Cairo": "place", "Catherine Cortez Masto": "person", "Nevada": "place"}
    assert surfaces(text, named(actors, "Nevada"), mentions) == ["Nevada"]


def test_a_body_named_whole_is_not_read_again_in_part(engine: Engine) -> None:
    text = "Listeners saved Jazz FM. Jazz FM's board chair thanked donors."
    actors, mentions = analyse(engine, text)
    assert kinds(actors) == {"Jazz FM": "organization"}
    assert surfaces(text, actors[0], mentions) == ["Jazz FM", "Jazz FM"]


def test_names_listed_after_a_plural_that_only_bodies_are_are_bodies(engine: Engine) -> None:
    text = ("Drug makers such as Pfizer, Vantrex and Eli Lilly spent more on lobbying last year. Senators such "
            "as Ted Cruz and Marco Rubio asked why.")
    actors, _ = analyse(engine, text)
    found = kinds(actors)
    assert found["Eli Lilly"] == "organization" and found["Pfizer"] == "organization"
    assert found["Ted Cruz"] == "person" and found["Marco Rubio"] == "person"


def test_a_name_called_a_website_or_one_of_the_online_sellers_is_a_body(engine: Engine) -> None:
    text = ("Data compiled by Pollwise, a political polling website, showed the gap. Young shoppers turned to "
            "Velmo and Quix, the fast-growing online sellers, last year.")
    found = kinds(analyse(engine, text)[0])
    assert found["Pollwise"] == "organization"
    assert found["Quix"] == "organization"
