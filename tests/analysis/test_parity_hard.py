"""One result whatever the format, for issue 10's hard cases (texts written for these tests):
a particle opening a Markdown heading or list item, curly and straight apostrophes, an
ampersand written as an HTML entity, emphasis and links inside names; and a given name with
particles opening a person's name ("Ana María de la Fuente", rule ``given_names``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.engine import Engine
from reader.analysis.names import particles_before, sentence_starts_at
from reader.analysis.pipeline import Analyzer
from reader.document import load
from tests.actor_checks import analyse, named, surfaces


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def actors_of(path: Path) -> set[tuple[str, str]]:
    analysis = Analyzer().analyze(load(path).text)
    return {(a.name, a.kind) for a in analysis.actors}


def test_a_markdown_mark_opens_a_sentence() -> None:
    for text in ("# Von der Leyen Wins", "- Van Dijk, defender", "12. De Bruyne, midfielder", "## 1. Van Gaal"):
        start = text.index("V") if "V" in text else text.index("D")
        assert sentence_starts_at(text, start)
    assert not sentence_starts_at("Prices # Van", 10)
    text = "# Von der Leyen Sets Out a Defence Fund"
    assert particles_before(text, text.index("Leyen")) == 2


def test_a_particle_opening_a_raw_markdown_heading_stays_in_the_name(engine: Engine) -> None:
    text = ("# Von der Leyen Sets Out a Defence Fund\n\nUrsula von der Leyen proposed a fund for joint arms "
            "purchases on Wednesday in Strasbourg.\n\nVon der Leyen said the bloc could not wait.")
    actors, mentions = analyse(engine, text)
    leyen = named(actors, "Ursula von der Leyen")
    assert surfaces(text, leyen, mentions) == ["Von der Leyen", "Ursula von der Leyen", "Von der Leyen"]


BODY = ("Ursula von der Leyen proposed a fund for joint arms purchases on Wednesday in Strasbourg. Tom & "
        "Hattie's, the café chain, said its Brussels shop would close during the summit.\n\n"
        "Von der Leyen’s plan was welcomed by Kaja Kallas. Von der Leyen's aides said so too.")


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_particles_apostrophes_and_ampersands_read_alike_in_every_format(tmp_path: Path, suffix: str) -> None:
    first, second = BODY.split("\n\n")
    (tmp_path / "a.txt").write_text(f"Von der Leyen Sets Out a Defence Fund\n\n{BODY}\n", encoding="utf-8")
    if suffix == ".md":
        md_first = first.replace("Ursula von der Leyen", "**Ursula von der Leyen**").replace(
            "Strasbourg", "[Strasbourg](https://example.org/strasbourg)")
        (tmp_path / "a.md").write_text(f"# Von der Leyen Sets Out a Defence Fund\n\n{md_first}\n\n- {second}\n",
                                       encoding="utf-8")
    else:
        html_first = first.replace("&", "&amp;").replace("Ursula von der Leyen", "<em>Ursula von der Leyen</em>")
        (tmp_path / "a.html").write_text(
            "<html><head><title>Von der Leyen Sets Out a Defence Fund</title></head><body><article>"
            f"<h1>Von der Leyen Sets Out a Defence Fund</h1><p>{html_first}</p><p>{second}</p></article></body>"
            "</html>", encoding="utf-8")
    plain, formatted = actors_of(tmp_path / "a.txt"), actors_of(tmp_path / f"a{suffix}")
    assert plain == formatted
    assert {("Ursula von der Leyen", "person"), ("Tom & Hattie's", "organization")} <= plain


def test_a_given_name_with_particles_opens_a_person_not_before_a_place_noun(engine: Engine) -> None:
    text = ("Obituary\n\nAna María de la Fuente, the poet whose books were banned for a decade, died on Tuesday "
            "in Valparaíso. She was 83.\n\nDe la Fuente left from Arturo Merino Benítez airport in 1973.")
    actors, _ = analyse(engine, text)
    found = {a.name: a.kind for a in actors}
    assert found.get("Ana María de la Fuente") == "person"
    assert found.get("Arturo Merino Benítez") != "person"
