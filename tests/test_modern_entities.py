"""The third field of the modern texts' marks names a mention's entity
(``[[Stoltenberg|PER|Jens Stoltenberg]]``): the parser reads it, old marks stay valid, and
every entity named in the data is spelled by a gold mention of the same text and type, so
no entity (nor nickname) is invented for the joins benchmark."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from tests.scripts import load_script

REPO = Path(__file__).resolve().parent.parent
FILES = [REPO / "training" / "data" / "modern-news.txt", REPO / "benchmarks" / "data" / "modern-heldout.txt",
         REPO / "benchmarks" / "data" / "modern-hardcases.txt"]


@pytest.fixture(scope="module")
def modern() -> ModuleType:
    return load_script("training/modern.py", "modern_entities")


def test_a_mark_may_name_its_entity(modern: ModuleType) -> None:
    [item] = modern.parse_marked("=== a\n[[Jens Stoltenberg|PER]] spoke. [[Stoltenberg|PER|Jens Stoltenberg]] left.")
    assert item["text"] == "Jens Stoltenberg spoke. Stoltenberg left."
    first, second = item["entities"]
    assert (second["start"], second["end"], second["text"]) == (24, 35, "Stoltenberg")
    assert first["entity"] == second["entity"] == "Jens Stoltenberg"
    assert modern.entity_key(first) == modern.entity_key(second) == ("jens stoltenberg", "PER")


def test_entities_are_one_across_case_and_apart_across_types(modern: ModuleType) -> None:
    [item] = modern.parse_marked("=== a\n[[BOSTON|LOC]] - [[Boston|LOC]] fans saw [[Boston|ORG]] win.")
    keys = [modern.entity_key(e) for e in item["entities"]]
    assert keys[0] == keys[1] != keys[2]


def test_an_empty_or_padded_entity_is_refused(modern: ModuleType) -> None:
    with pytest.raises(ValueError):
        modern.parse_marked("=== a\n[[Berg|PER| Peter Berg]] spoke.")
    with pytest.raises(ValueError):
        modern.parse_marked("=== a\n[[Berg|PER|]] spoke.")


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_named_entity_is_a_mention_of_the_text(modern: ModuleType, path: Path) -> None:
    items = modern.parse_marked(path.read_text(encoding="utf-8"))
    named = 0
    for item in items:
        spelled = {(e["text"].casefold(), e["label"]) for e in item["entities"]}
        for e in item["entities"]:
            if e["entity"] != e["text"]:
                named += 1
                assert modern.entity_key(e) in spelled, (item["id"], e["text"], e["entity"])
    assert named > 30
