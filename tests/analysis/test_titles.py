"""A title or form of address the tagger reads into a person's name is the role, not the name
(``repairs.without_titles``), so the short form joins the person named in full."""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from reader.analysis.repairs import without_titles
from reader.analysis.tagger import Span
from tests.actor_checks import analyse, named, surfaces


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _person(text: str, name: str) -> tuple[Span, tuple[int, int]]:
    start = text.index(name)
    return Span(start, start + len(name), "PER"), (start, start + len(name))


@pytest.mark.parametrize(("name", "kept"), [
    ("Justice Okafor", "Okafor"), ("Chief Justice Okafor", "Okafor"), ("Mr. Okafor", "Okafor"),
    ("Dr Okafor", "Okafor"), ("Dean Okafor", "Dean Okafor"), ("Justice", "Justice"),
    ("Senator Lou Bracken", "Lou Bracken"), ("Democrat Lou Bracken", "Lou Bracken"), ("Libertarian Okafor", "Okafor"),
])
def test_the_title_leaves_the_name(name: str, kept: str) -> None:
    text = f"On Monday {name} spoke."
    [(span, trimmed)] = without_titles(text, [_person(text, name)])
    assert text[trimmed[0]:trimmed[1]] == kept and text[span.start:span.end] == kept


@pytest.mark.parametrize("body", ["Justice Ministry", "Republican Congress"])
def test_a_title_or_party_before_a_body_stays(body: str) -> None:
    text = f"On Monday {body} officials spoke."
    start = text.index(body)
    names = [(Span(start, start + len(body), "ORG"), (start, start + len(body)))]
    assert without_titles(text, names) == names


def test_a_title_and_surname_read_as_a_body_is_the_person_the_text_names() -> None:
    text = "Justice Okafor wrote it. The arrival of Justice Okafor changed the court. Justice Lane left."
    first, second, third = (text.index("Justice Okafor"), text.index("Justice Okafor", 10), text.index("Justice Lane"))
    names = [(Span(first, first + 14, "PER"), (first, first + 14)), (Span(second, second + 14, "ORG"),
             (second, second + 14)), (Span(third, third + 12, "LOC"), (third, third + 12))]
    out = without_titles(text, names)
    assert [(text[t[0]:t[1]], span.label) for span, t in out if t] == [
        ("Okafor", "PER"), ("Okafor", "PER"), ("Justice Lane", "LOC")]


def test_a_justice_named_by_title_and_surname_is_the_justice_named_in_full(engine: Engine) -> None:
    text = ("Justice Miriam Okafor wrote for the majority of the court on Friday. The ruling was narrow, and "
            "Justice Okafor said the statute was plain.\n\nTwo weeks later, Justice Okafor's second opinion "
            "drew a sharp dissent from Justice Lindqvist, who called it careless.")
    actors, mentions = analyse(engine, text)
    okafor = named(actors, "Miriam Okafor")
    assert surfaces(text, okafor, mentions) == ["Miriam Okafor", "Okafor", "Okafor"]
    assert not [a.name for a in actors if a.name.startswith("Justice")]
