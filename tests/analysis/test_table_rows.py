"""A table in capitals opens each row with an organisation (a share list's companies), and a
press review's lines of one name are its newspapers: layouts of wire copy the tagger, which
reads lines in capitals warily, leaves alone. Every text is written here."""

from __future__ import annotations

import pytest

from reader.analysis.actors import build_actors
from reader.analysis.engine import Engine
from reader.analysis.layout import table_rows, with_digest_papers
from reader.analysis.tagger import Span, default_tagger
from tests.actor_checks import analyse


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_the_names_opening_three_rows_or_more_of_a_table_in_capitals_are_organisations() -> None:
    text = ("Most active shares in Brno on Tuesday :\n"
            "VELKOPOPOVICKY PIVOVAR 412.00 415.50 1200 496.200\n"
            "- STROJIRNY ZLIN 88.10 88.10 500\n"
            "KB 2320.00 2370.00 7000\n"
            "M1 63.02 62.83 57.50\n"
            "The index rose 0.4 percent .\n"
            "ALFA 1 2\nBETA 3 4\n")
    assert [text[s:e] for _, s, e in table_rows(text)] == ["VELKOPOPOVICKY PIVOVAR", "STROJIRNY ZLIN", "KB"]


def test_a_press_reviews_lines_of_one_name_are_its_newspapers() -> None:
    text = ("PRESS DIGEST - Malta - Sept 4 .\nThese are the leading stories in the Maltese press .\n"
            "IL-GAZZETTA\nThe budget will be presented on Monday .\nMALTA\nFRONT PAGES\nTHE TIMES\n"
            "Ferry fares go up .\n")
    common = default_tagger().featurizer.vocabulary
    spans = with_digest_papers(text, [Span(text.index("Maltese"), text.index(" press"), "MISC")], common)
    assert [(text[s.start:s.end], s.label) for s in spans] == [("Maltese", "MISC"), ("IL-GAZZETTA", "ORG"),
                                                                ("TIMES", "ORG")]
    assert with_digest_papers("Ferry fares go up .\nIL-GAZZETTA\nMore follows .", [], common) == []


def test_a_share_list_names_its_companies(engine: Engine) -> None:
    text = ("Prague shares end mixed .\nThe PX50 index closed 0.2 percent higher on Tuesday .\n"
            "VELKOPOPOVICKY PIVOVAR 412.00 415.50 1200 496.200\nSTROJIRNY ZLIN 88.10 88.10 500 44.050\n"
            "KOVOHUTE RYBNIK 1915.00 1915.00 2000 3830.000\n")
    actors, _ = analyse(engine, text)
    kinds = {a.name: a.kind for a in actors}
    for company in ("VELKOPOPOVICKY PIVOVAR", "STROJIRNY ZLIN", "KOVOHUTE RYBNIK"):
        assert kinds.get(company) == "organization", (company, kinds)
    parsed = engine.parse(text)
    without = {a.name for a in build_actors(parsed, default_tagger().spans(parsed), off=("table_rows",))[0]}
    assert not {"VELKOPOPOVICKY PIVOVAR", "STROJIRNY ZLIN", "KOVOHUTE RYBNIK"} <= without
