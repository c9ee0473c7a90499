"""A headline's capitals carry no evidence into the article (issue 10), through the real engine
and the shipped tagger, on texts written for these tests: the body with its headline gives the
actors it gives alone, the headline names only the body's names, in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.actors import find_actors
from reader.analysis.engine import Engine, apart_lines
from reader.analysis.lines import heading_lines
from reader.analysis.model import Actor, Mention
from reader.analysis.pipeline import Analyzer
from reader.document import load

COMMON = frozenset({"says", "yes", "buses", "run", "all", "night"})


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def read(engine: Engine, text: str) -> tuple[list[Actor], list[Mention]]:
    return find_actors(engine.parse(text))


def body_reading(text: str, actors: list[Actor], mentions: list[Mention],
                 start: int) -> list[tuple[str, int, str, str]]:
    """The mentions from ``start`` on: surface, offset from ``start``, the actor's name and kind."""
    by_id = {a.id: a for a in actors}
    return [(text[m.start:m.end], m.start - start, by_id[m.actor].name, by_id[m.actor].kind)
            for m in mentions if m.start >= start]


def headline_names(text: str, actors: list[Actor], mentions: list[Mention], end: int) -> list[tuple[str, str]]:
    """The headline's mentions (before ``end``) with the name of the actor each joins."""
    by_id = {a.id: a for a in actors}
    return [(text[m.start:m.end], by_id[m.actor].name) for m in mentions if m.start < end]


CASES = {
    "particle surname": ("Van der Berg Promises Ferry Funds",
                         "Anneke van der Berg arrived in Tallinn on Tuesday with a plan for the island ferries.",
                         [("Van der Berg", "Anneke van der Berg")]),
    "company and its short name": ("Indie Publishers Fill the Book Fair",
                                   "Inkwell Press took the largest stand at the Halifax Zine Festival on Saturday. "
                                   "Inkwell, founded in a garage in 2015, now prints thirty titles a year.", []),
    "start-up": ("Guelph Start-up Raises $25 Million",
                 "Selkie Robotics, a Guelph start-up that builds farm robots, raised $25 million, the company "
                 "said on Tuesday. Selkie will hire forty engineers.", [("Guelph", "Guelph")]),
    "studio and its city": ("Eidos Cuts Jobs in Quebec",
                            "Eidos Quebec, the studio behind the series, said on Friday it would cut 90 jobs.", []),
    "common words": ("Folk Radio Saved by Fans", "The station met its target on Friday.", []),
    "party adjective": ("Green Caucus Meets as Support Slips", "Green MPs gathered in Halifax on Tuesday.", []),
}


@pytest.mark.parametrize("headline, body, named", CASES.values(), ids=CASES.keys())
def test_the_body_reads_the_same_with_its_headline(engine: Engine, headline: str, body: str,
                                                   named: list[tuple[str, str]]) -> None:
    text = f"{headline}\n\n{body}"
    actors, mentions = read(engine, text)
    alone, alone_mentions = read(engine, body)
    assert body_reading(text, actors, mentions, len(headline) + 2) == body_reading(body, alone, alone_mentions, 0)
    assert headline_names(text, actors, mentions, len(headline)) == named
    if "Selkie" in body:
        assert {a.name: a.kind for a in actors}["Selkie Robotics"] == "organization"


def test_the_body_keeps_its_names_whole_and_kinds_under_a_headline(engine: Engine) -> None:
    text = ("Van der Berg Promises Ferry Funds\n\nAnneke van der Berg arrived in Tallinn on Tuesday.\n\n"
            "Indie Publishers Fill the Book Fair\n\nInkwell Press took the largest stand at the fair. Inkwell "
            "said it prints thirty titles a year.")
    actors, mentions = read(engine, text)
    kinds = {a.name: a.kind for a in actors}
    assert kinds == {"Anneke van der Berg": "person", "Tallinn": "place", "Inkwell Press": "organization"}
    press = next(a for a in actors if a.name == "Inkwell Press")
    assert [text[m.start:m.end] for m in mentions if m.actor == press.id] == ["Inkwell Press", "Inkwell"]


def test_a_surname_alone_in_a_later_heading_is_the_body_person(engine: Engine) -> None:
    text = ("Amara Okonkwo, the city's transit chief, backed the night-bus plan on Monday.\n\nOkonkwo Says Yes\n\n"
            "The buses will run until four in the morning from June.")
    actors, mentions = read(engine, text)
    amara = next(a for a in actors if a.name == "Amara Okonkwo")
    assert amara.kind == "person"
    assert [text[m.start:m.end] for m in mentions if m.actor == amara.id] == ["Amara Okonkwo", "Okonkwo"]
    assert not [a for a in actors if "Says" in a.name]


def test_a_surname_the_article_writes_in_lower_case_is_no_name_in_a_heading(engine: Engine) -> None:
    text = ("Markets Rally in May\n\nPrime Minister Theresa May said on Monday that taxes may fall next year. "
            "Shares rose in London.")
    actors, mentions = read(engine, text)
    assert [text[m.start:m.end] for m in mentions if m.start < len("Markets Rally in May")] == []
    assert {a.name: a.kind for a in actors}.get("Theresa May") == "person"


BODY = ("Marta Lindqvist arrived in Tallinn on Tuesday with a plan for the island ferries. Inkwell Press, which "
        "prints her speeches, sent two editors.\n\nThe boats will run all winter, Lindqvist said. Inkwell said it "
        "would print the timetable.")


def test_one_article_as_txt_md_and_html_gives_the_same_body_actors(tmp_path: Path) -> None:
    headline, subheading = "Lindqvist Pledges Ferry Money", "Inkwell Prints the Timetable"
    first, second = BODY.split("\n\n")
    (tmp_path / "a.txt").write_text(f"{headline}\n\n{first}\n\n{subheading}\n\n{second}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(f"# {headline}\n\n{first}\n\n## {subheading}\n\n*{second}*\n", encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><head><title>{headline}</title></head><body><article><h1>{headline}"
                                     f"</h1><p>{first}</p><h2>{subheading}</h2><p>{second}</p></article></body>"
                                     "</html>", encoding="utf-8")
    analyzer = Analyzer()
    readings = []
    for name in ("a.txt", "a.md", "a.html"):
        article = load(tmp_path / name)
        analysis = analyzer.analyze(article.text)
        body = article.text.index(first[:20])
        readings.append(body_reading(article.text, analysis.actors, analysis.mentions, body))
        if name == "a.txt":  # the headline, kept in the text, names her
            assert headline_names(article.text, analysis.actors, analysis.mentions, body) == [
                ("Lindqvist", "Marta Lindqvist")]
    assert readings[0] == readings[1] == readings[2]
    assert [(surface, name, kind) for surface, _, name, kind in readings[0]] == [
        ("Marta Lindqvist", "Marta Lindqvist", "person"), ("Tallinn", "Tallinn", "place"),
        ("Inkwell Press", "Inkwell Press", "organization"), ("Inkwell", "Inkwell Press", "organization"),
        ("Lindqvist", "Marta Lindqvist", "person"), ("Inkwell", "Inkwell Press", "organization")]


def test_headings_are_single_lines_that_head_more_text() -> None:
    text = "Okonkwo Says Yes\n\nShe backed the plan.\n\nBuses Run All Night\n\nFrom June on.\n\nBy Amara Okonkwo"
    assert [text[s:e] for s, e in heading_lines(text, COMMON)] == ["Okonkwo Says Yes", "Buses Run All Night"]
    assert heading_lines("Okonkwo Says Yes", COMMON) == []  # a text of one line is no heading


def test_list_items_are_no_headings() -> None:
    led = "Three Join the Board\n\nThe council named them:\n\nOla Brandt\n\nIvo Marsh\n\nThey start in May."
    assert [led[s:e] for s, e in heading_lines(led, COMMON)] == ["Three Join the Board"]
    in_a_row = "Shortlist\n\nOla Brandt\n\nIvo Marsh\n\nPia Lund\n\nThe jury meets in May."
    assert heading_lines(in_a_row, COMMON) == []
    two = "Brandt Wins\n\nMarsh Second\n\nThe jury met in May."  # a headline and its deck
    assert [two[s:e] for s, e in heading_lines(two, COMMON)] == ["Brandt Wins", "Marsh Second"]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_people_listed_one_per_item_are_found(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"board{suffix}"
    path.write_text("The city council named three new members to the library board on Tuesday:\n\n- Angela Moss\n"
                    "- Teodor Vasquez\n- Ruth Ilves\n\nMayor Dana Whitcombe said the board would meet in March.\n",
                    encoding="utf-8")
    article = load(path)
    analysis = Analyzer().analyze(article.text)
    assert {(a.name, a.kind) for a in analysis.actors} >= {
        ("Angela Moss", "person"), ("Teodor Vasquez", "person"), ("Ruth Ilves", "person")}


def test_spacy_reads_a_headline_apart_from_the_body() -> None:
    text = "Guelph Start-up Raises $25 Million\n\nFernwood Analytics raised money.\nIt will hire.\n\nEnd Note"
    pieces = list(apart_lines(7, text))
    assert "".join(p for _, p in pieces) == text and [o for o, _ in pieces] == [
        7 + text.index(p) for _, p in pieces]
    assert [p for _, p in pieces] == ["Guelph Start-up Raises $25 Million\n\n",  # the body as if it began the text
                                      "Fernwood Analytics raised money.\nIt will hire.\n\nEnd Note"]


def test_a_phrase_in_capitals_of_common_words_is_no_name(engine: Engine) -> None:
    text = ("The senator has been a fixture of the hearings for years.\n\n"
            "HE'S BEEN PRAISED BY FELLOW SENATORS — Colleagues say Marta Olsen rarely misses a vote.\n\n"
            "SOCCER - WREXHAM CLINCH TITLE AS ROVERS LOSE AT HOME .\nWREXHAM 2026-05-02\n"
            "Reporters from the OHIO BUILDING AUTHORITY and the KESTREL VALLEY TIMES attended.")
    actors, _ = read(engine, text)
    names = {a.name for a in actors}
    assert "Marta Olsen" in names
    assert not [n for n in names if "PRAISED" in n or "CLINCH" in n]
    assert {"OHIO BUILDING AUTHORITY", "KESTREL VALLEY TIMES"} <= names


def test_a_short_section_heading_in_sentence_case_is_a_heading() -> None:
    text = ("## Team news\n\nLeeds will be without two players on Saturday.\n\nWho we are\n\n"
            "The club was founded in 1919.")
    assert [text[s:e] for s, e in heading_lines(text, COMMON)] == ["## Team news", "Who we are"]
    listed = "The squad:\n\nAnna Berg\n\nLena Holt\n\nThey start in May."
    assert heading_lines(listed, COMMON) == []


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_section_heading_names_no_actor(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"club{suffix}"
    head = "## Team news" if suffix == ".md" else "Team news"
    path.write_text(f"{head}\n\nHarrow Rovers will be without their captain, Dara Quinlan, for Saturday's match.\n",
                    encoding="utf-8")
    article = load(path)
    names = {a.name for a in Analyzer().analyze(article.text).actors}
    assert "Team" not in names and "Dara Quinlan" in names


@pytest.mark.parametrize("byline", ["By Priya Natarajan", "*Review by Tom Everly*", "By Ana Ruiz and Lena van der Wal",
                                    "By Priya Natarajan, Business Reporter", "By Staff Reporter"])
def test_a_byline_heading_names_its_writers_as_people(engine: Engine, byline: str) -> None:
    text = (f"# Dockers Accept Pay Deal\n\n{byline}\n\nDock workers in Rotterdam voted to accept the offer on Sunday, "
            "the union said.\n\nThe deal runs for two years.\n")
    actors, _ = read(engine, text)
    people = [a.name for a in actors if a.kind == "person"]
    expected = {"By Priya Natarajan": ["Priya Natarajan"], "*Review by Tom Everly*": ["Tom Everly"],
                "By Ana Ruiz and Lena van der Wal": ["Ana Ruiz", "Lena van der Wal"],
                "By Priya Natarajan, Business Reporter": ["Priya Natarajan"], "By Staff Reporter": []}[byline]
    assert people == expected
    assert [a.name for a in actors if a.kind != "person"] == ["Rotterdam"]
