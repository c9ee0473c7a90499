"""Companies the tagger reads as people or places, read as companies from what the document
does with the name (``reader/analysis/company_kinds.py``), through the real engine and the
shipped models. Each text is written for this file; each case is also run without the rule
to show that the rule, not the tagger, decides it."""

from __future__ import annotations

import pytest

from reader.analysis.actors import build_actors
from reader.analysis.engine import Engine
from reader.analysis.tagger import default_tagger
from tests.actor_checks import analyse, kinds


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def kinds_without_rules(engine: Engine, text: str) -> dict[str, str]:
    parsed = engine.parse(text)
    actors, _ = build_actors(parsed, default_tagger().spans(parsed), off=("company_kinds", "employer_kinds"))
    return kinds(actors)


@pytest.mark.parametrize(("text", "companies"), [
    ("Toy sales slowed before the holidays. Lego cut its forecast on Monday, and Lego said it would "
     "close a plant in Mexico.", ["Lego"]),
    ("High streets are emptying. Burberry said on Friday that it would close forty shops in Britain.",
     ["Burberry"]),
    ("Shoppers stayed home. Carvana gained after it reported a profit, and Wayfair fell.", ["Carvana"]),
    ("Food delivery slowed in the spring. \"Orders are flat,\" said Ana Ruiz, an analyst at Stifel. "
     "Workers at Usdaw voted to strike.", ["Stifel", "Usdaw"]),
    ("Carvana and Wayfair reported earnings on Tuesday.", ["Carvana"]),
    ("Hershey and Rivian both fell in early trading.", ["Rivian"]),
    ("Tom Reyes, the founder of Brightloop, said sales doubled.", ["Brightloop"]),
    ("Shoppers moved to Brightwave, the streaming unit of Orvana, and to Kessel, the owner of Marlo.",
     ["Orvana", "Marlo"]),
])
def test_a_name_the_document_treats_as_a_company_is_one(engine: Engine, text: str, companies: list[str]) -> None:
    actors, _ = analyse(engine, text)
    without = kinds_without_rules(engine, text)
    for company in companies:
        assert kinds(actors)[company] == "organization"
        assert without[company] != "organization"


def test_a_person_referred_to_as_he_stays_a_person(engine: Engine) -> None:
    text = ("Chief executive Daniel Okoro met investors in London. Okoro said his plan would take two "
            "years, and Okoro told staff he would stay.")
    actors, _ = analyse(engine, text)
    assert kinds(actors)["Daniel Okoro"] == "person"
    assert "Okoro" not in kinds(actors)


@pytest.mark.parametrize("text", [
    "Prices rose across the Midwest. A price war in the Midwest ate into its margins, the chain said.",
    "Riders can book driverless cars in Phoenix and Austin through its app, the company said.",
])
def test_a_place_that_is_no_clause_s_subject_stays_a_place(engine: Engine, text: str) -> None:
    actors, _ = analyse(engine, text)
    assert set(kinds(actors).values()) == {"place"}


@pytest.mark.parametrize(("text", "company"), [
    ("Ride-hailing had a good quarter. Lyft chief executive David Risher said drivers earned more, and Lyft "
     "raised its forecast.", "Lyft"),
    ("Furniture sellers struggled. Wayfair cut its sales forecast on Tuesday. Analysts said its warehouses "
     "were half empty.", "Wayfair"),
])
def test_a_company_the_tagger_missed_is_found_by_its_evidence(engine: Engine, text: str, company: str) -> None:
    actors, mentions = analyse(engine, text)
    assert kinds(actors).get(company) == "organization"
    assert text.count(company) == sum(text[m.start:m.end] == company for m in mentions)
    parsed = engine.parse(text)
    without, _ = build_actors(parsed, default_tagger().spans(parsed), off=("unnamed_companies",))
    assert company not in kinds(without)


def test_a_capitalised_common_word_opening_a_sentence_is_no_company(engine: Engine) -> None:
    text = "Sales at the chain fell again. Management said its stores were old. Staff said it was true."
    actors, _ = analyse(engine, text)
    assert kinds(actors) == {}
