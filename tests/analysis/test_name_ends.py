"""Where a name ends at "&" and "'s" (rules ``ampersands`` and ``apostrophe_names``); texts
written for these tests."""

from __future__ import annotations

import pytest

from reader.analysis.actors import build_actors
from reader.analysis.engine import Engine, Entity, Parsed
from reader.analysis.misc_bodies import with_org_word_bodies
from reader.analysis.tagger import Span, default_tagger
from tests.actor_checks import analyse, kinds, named, surfaces


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def found(engine: Engine, text: str, off: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    parsed = engine.parse(text)
    actors, mentions = build_actors(parsed, default_tagger().spans(parsed), off)
    kind = {a.id: a.kind for a in actors}
    return {(text[m.start:m.end], kind[m.actor]) for m in mentions}


def test_names_joined_by_an_ampersand_are_one_firm(engine: Engine) -> None:
    text = ("Tom & Hattie's will close its last two cafés in the spring, the owners said. The chain was "
            "founded by Tom Ellery and Hattie Morrow in 1994.")
    assert ("Tom & Hattie's", "organization") in found(engine, text)
    assert ("Tom & Hattie's", "organization") not in found(engine, text, ("ampersands",))
    actors, _ = analyse(engine, text)
    assert kinds(actors).get("Tom Ellery") == "person"


def test_two_given_names_or_i_are_not_joined(engine: Engine) -> None:
    text = "Prez Ola & Sarah thanked the crowd. \"Lena & I will be back,\" Sarah Lind said."
    assert found(engine, text) == found(engine, text, ("ampersands",))


def test_an_apostrophe_s_that_no_noun_follows_ends_the_name(engine: Engine) -> None:
    text = ("Shoppers crowded Halloran's and Bexley Mart on Saturday. Halloran's chief executive said the "
            "chain would open a store in Port Aubrey's harbour district. The ferry to St. Aldric's was late.")
    names = [n for n, _ in sorted(found(engine, text))]
    assert names.count("Halloran's") == 1 and "Halloran" not in names  # both mentions, one spelling
    assert "St. Aldric's" in names and "Port Aubrey" in names
    assert "St. Aldric's" not in {n for n, _ in found(engine, text, ("apostrophe_names",))}


def test_a_possessive_with_its_noun_left_out_stays_one(engine: Engine) -> None:
    text = ("Her plan is bolder than Governor Ruth Calloway's. Calloway's aides said so, and the plan "
            "goes further than Canada's.")
    names = {n for n, _ in found(engine, text)}
    assert "Ruth Calloway" in names and "Canada" in names
    assert not any(n.endswith("'s") for n in names)


def test_a_misc_name_ending_in_a_body_word_is_a_body_not_a_league() -> None:
    text = "The Chilean Rowing Federation named its team, and the Eastern League title went to Valdivia."
    east, place = text.index("Eastern"), text.index("Valdivia")
    spans = [Span(4, 29, "MISC"), Span(east, east + 14, "MISC"), Span(place, place + 8, "LOC")]
    parsed = Parsed(text, entities=[Entity(0, 29, "ORG"), Entity(east - 4, east + 14, "ORG")])
    assert [s.label for s in with_org_word_bodies(parsed, spans)] == ["ORG", "MISC", "LOC"]
    alone = Parsed(text, entities=[Entity(0, 20, "ORG")])  # spaCy reads no body over the words
    assert [s.label for s in with_org_word_bodies(alone, spans)] == ["MISC", "MISC", "LOC"]


def test_a_title_word_after_a_full_name_is_the_surname(engine: Engine) -> None:
    text = ("Marjorie Anne King will open the new courts in Dayton on Sunday. The club's director, Paul "
            "Lindgren, holds the Henry Tate Chair in sports policy.")
    names = {n for n, _ in found(engine, text)}
    assert "Marjorie Anne King" in names
    assert "Marjorie Anne King" not in {n for n, _ in found(engine, text, ("title_surnames",))}
    assert {n for n in names if "Tate" in n} == {n for n, _ in found(engine, text, ("title_surnames",)) if "Tate" in n}


def test_a_title_word_surname_alone_is_the_person(engine: Engine) -> None:
    text = ("Billie Jean King will present the trophy at the US Open on Sunday, fifty years after her own last "
            "title there.\n\nKing said she still watched every match. The United States Tennis Association named "
            "its centre in New York after her in 2006.")
    actors, mentions = analyse(engine, text)  # benchmarks/data/modern-hardcases-known.txt
    king = named(actors, "Billie Jean King")
    assert surfaces(text, king, mentions) == ["Billie Jean King", "King"]


def test_a_possessive_before_an_office_and_its_holder_is_no_surname(engine: Engine) -> None:
    text = ("Michael Jordan sold his stake in the Charlotte Hornets in 2023. On a visit to Amman this week, "
            "Jordan played a round of golf with local children.\n\nJordan’s King Abdullah met the children "
            "afterwards at the palace.")  # benchmarks/data/modern-hardcases-known.txt
    actors, mentions = analyse(engine, text)
    place = [a for a in actors if a.name == "Jordan" and a.kind == "place"]
    assert len(place) == 1 and surfaces(text, place[0], mentions) == ["Jordan"]
    assert text.index("Jordan’s") in {m.start for m in mentions if m.actor == place[0].id}
