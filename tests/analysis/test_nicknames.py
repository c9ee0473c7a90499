"""A nickname in quotation marks between a given name and a surname keeps the name whole
(``repairs.with_nicknames``) and quotes no one."""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from reader.analysis.pipeline import analyze_parsed
from reader.analysis.repairs import with_nicknames
from reader.analysis.tagger import Span
from tests.actor_checks import named, surfaces


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _name(text: str, name: str, label: str) -> tuple[Span, tuple[int, int]]:
    start = text.index(name)
    return Span(start, start + len(name), label), (start, start + len(name))


@pytest.mark.parametrize("text", ['Then Marcus "Bull" Tennant spoke.', "Then Marcus ‘Bull’ Tennant spoke.",
                                  "Then Marcus “Big Bull” Tennant spoke."])
def test_the_parts_and_the_nickname_are_one_person(text: str) -> None:
    names = [_name(text, "Marcus", "ORG"), _name(text, "Bull", "PER"), _name(text, "Tennant", "PER")]
    [(span, trimmed)] = with_nicknames(text, names)
    assert span.label == "PER" and text[trimmed[0]:trimmed[1]] == text[text.index("Marcus"):text.index(" spoke")]


def test_a_quoted_word_between_names_that_are_no_person_stays() -> None:
    text = 'Then Lakeside "Gold" Fund paid.'
    names = [_name(text, "Lakeside", "ORG"), _name(text, "Fund", "ORG")]
    assert with_nicknames(text, names) == names


def test_a_nicknamed_person_is_one_actor_and_no_speaker_of_the_nickname(engine: Engine) -> None:
    text = ('The union leader Marcus "Bull" Tennant spoke first at the rally on Saturday. Tennant said the '
            "strike would go on until the company opened its books.\n\nThe former boxer Rocco “The Rock” "
            "Salvetti, who runs a gym on the same street, brought coffee.")
    analysis = analyze_parsed(engine.parse(text))
    tennant = named(analysis.actors, 'Marcus "Bull" Tennant')
    assert tennant.kind == "person"
    assert surfaces(text, tennant, analysis.mentions) == ['Marcus "Bull" Tennant', "Tennant"]
    assert named(analysis.actors, "Rocco “The Rock” Salvetti").kind == "person"
    assert not [a.name for a in analysis.actors if a.name in ("Marcus", "Bull", "The Rock", "Salvetti")]
    assert analysis.quotes == []
