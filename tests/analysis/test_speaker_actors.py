"""Which actor a speaker mention stands for, through the real engine and the shipped models.

Each text is written for this test, after a case of the second modern quotation set
(``benchmarks/data/quotes-modern2.txt``): a pronoun that must pass over a person of the
other sex, a body that speaks through a spokesperson, a speaker described by nationality,
a subject the tags cut, "the former minister", two ministers for "the minister", a role
noun the text gave a name to before.
"""

from __future__ import annotations

import pytest

from reader.analysis.engine import Engine
from reader.analysis.pipeline import analyze_parsed


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def speakers(engine: Engine, text: str) -> list[tuple[str, str | None]]:
    """Each quotation's first words and its speaker's name."""
    analysis = analyze_parsed(engine.parse(text))
    names = {a.id: a.name for a in analysis.actors}
    return [(text[q.start:q.start + 10], names.get(q.speaker or "")) for q in analysis.quotes]


def test_she_passes_over_a_man_an_earlier_he_was_resolved_to(engine: Engine) -> None:
    text = ("Tomás Ibarra opened the briefing on Monday night. “Every engine in the country is moving,” he said.\n\n"
            "A reporter asked Lucía Ferrer whether the villagers could go home. “Not tonight,” she said.")
    assert speakers(engine, text)[-1] == ("“Not tonig", "Lucía Ferrer")


def test_he_passes_over_a_woman_the_text_calls_ms(engine: Engine) -> None:
    text = ("Ms Dana Whitfield told the inquest she had passed the warning on.\n\n"
            "Under questioning from Paul Devlin, Ms Whitfield said she had called the council twice. "
            "“Did anyone ring you back?” he asked.")
    assert speakers(engine, text)[-1] == ("“Did anyon", "Paul Devlin")


def test_a_spokesperson_for_a_named_body_speaks_for_it(engine: Engine) -> None:
    text = ("Hundreds of people marched to City Hall on Saturday against the closure of four libraries. "
            "Fatima Osei, who organised the march, led the chants.\n\n"
            "A spokesperson for Bristol City Council said closures were “one option among several”. "
            "“We understand how strongly people feel,” the spokesperson added.")
    assert speakers(engine, text) == [("“one optio", "Bristol City Council"), ("“We unders", "Bristol City Council")]


def test_a_spokesman_for_a_body_described_speaks_for_the_body_named_before(engine: Engine) -> None:
    text = ("Officials at the Interior Ministry in Madrid briefed reporters on Monday as fires burned for a sixth day. "
            "Tomás Ibarra, the minister, promised more planes.\n\n"
            "A spokesman for the ministry later said the briefings would be held "
            "“every evening until the fires are out”.")
    assert speakers(engine, text)[-1] == ("“every eve", "Interior Ministry")


def test_a_speaker_described_by_nationality_is_the_subject_before(engine: Engine) -> None:
    text = ("“We threw away a two-goal lead,” said Celtic manager Niall Brennan.\n\n"
            "His opposite number, Stefan Lindqvist, believed the equaliser should not have stood. "
            "“It is a foul on my goalkeeper,” the Swede said.")
    assert speakers(engine, text)[-1] == ("“It is a f", "Stefan Lindqvist")


def test_he_is_the_subject_named_in_a_long_apposition_before(engine: Engine) -> None:
    text = ("‘I knew the car,’ said Colin Ashdown, the night guard.\n\n"
            "The second witness, the loss adjuster Martin Hale, told the court the sprinklers had been shut off. "
            "‘Someone had closed the main valve by hand,’ he said.")
    assert speakers(engine, text)[-1] == ("‘Someone h", "Martin Hale")


def test_the_former_minister_is_the_person_before_whatever_their_present_role(engine: Engine) -> None:
    text = ("“This is not a blip,” said chief executive Henrik Aasland.\n\n"
            "Aasland was Norway's trade minister before he joined the company in 2021. The former minister said "
            "he had heard “caution, not panic” from customers in Shanghai.")
    assert speakers(engine, text)[-1] == ("“caution, ", "Henrik Aasland")


def test_the_minister_is_the_one_whose_role_adds_least(engine: Engine) -> None:
    text = ("Housing Minister Claire Donnelly opened the debate.\n\n"
            "The shadow housing minister, Rebecca Thorne, called the figures “a fairy tale”.\n\n"
            "When the House resumed, the minister said: “Forty thousand is the full term.”")
    assert speakers(engine, text)[-1] == ("“Forty tho", "Claire Donnelly")


def test_a_description_is_the_person_the_text_introduced_with_that_noun(engine: Engine) -> None:
    text = ("Asked by the judge, Mrs Justice Rowena Kirby, whether he had seen a valve closed that way, "
            "Martin Hale said: ‘Once, in thirty years.’\n\n"
            "The judge told jurors to ‘put that last remark out of your minds’.")
    assert speakers(engine, text)[-1] == ("‘put that ", "Rowena Kirby")
