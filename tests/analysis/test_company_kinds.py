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


def kinds_without_rule(engine: Engine, text: str) -> dict[str, str]:
    parsed = engine.parse(text)
    actors, _ = build_actors(parsed, default_tagger().spans(parsed), off=("company_kinds",))
    return kinds(actors)


@pytest.mark.parametrize(("text", "company"), [
    ("Toy sales slowed before the holidays. Lego cut its forecast on Monday, and Lego said it would "
     "close a plant in Mexico.", "Lego"),
    ("Electric carmakers had a rough week. Tesla said on Wednesday that it had delivered fewer cars, "
     "and Tesla shares fell 6 percent in New York.", "Tesla"),
    ("High streets are emptying. Argos, the catalogue retailer, said it would close forty shops, "
     "and its staff were told on Friday.", "Argos"),
])
def test_a_name_the_document_treats_as_a_company_is_one(engine: Engine, text: str, company: str) -> None:
    actors, _ = analyse(engine, text)
    assert kinds(actors)[company] == "organization"
    assert kinds_without_rule(engine, text).get(company) != "organization"


def test_a_person_referred_to_as_he_stays_a_person(engine: Engine) -> None:
    text = ("Chief executive Daniel Okoro met investors in London. Okoro said his plan would take two "
            "years, and Okoro told staff he would stay.")
    actors, _ = analyse(engine, text)
    assert kinds(actors)["Daniel Okoro"] == "person"
    assert "Okoro" not in kinds(actors)


def test_a_place_after_a_preposition_or_in_the_lists_stays_a_place(engine: Engine) -> None:
    text = ("Prices rose across the Midwest. A price war in the Midwest ate into its margins, the chain "
            "said. Cleveland said its budget would not cover the stadium.")
    actors, _ = analyse(engine, text)
    assert kinds(actors)["Midwest"] == "place"
    assert kinds(actors)["Cleveland"] == "place"
