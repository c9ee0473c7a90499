"""The held-out modern texts (``benchmarks/data/modern-heldout.txt`` and the second blind
set ``modern-heldout2.txt``) stay a fair check: they parse, keep their size, mark each
name wherever it recurs, and share no paragraph with the modern texts that helped choose
the tagger's features, nor with each other."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import pytest
from tests.scripts import load_script

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data"


class HeldOut(NamedTuple):
    """One held-out file and the size it was written to: texts, words and paragraphs per text."""

    name: str
    texts: int
    words: tuple[int, int]
    paragraphs: tuple[int, int]


SETS = [HeldOut("modern-heldout.txt", 45, (60, 250), (2, 5)),
        HeldOut("modern-heldout2.txt", 48, (120, 300), (2, 7))]


@pytest.fixture(scope="module")
def modern() -> ModuleType:
    return load_script("training/modern.py", "modern_checks")


def parsed(modern: ModuleType, name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = modern.parse_marked((DATA / name).read_text(encoding="utf-8"), prefix="heldout")
    return items


@pytest.fixture(scope="module", params=SETS, ids=[s.name for s in SETS])
def heldout(request: pytest.FixtureRequest, modern: ModuleType) -> tuple[HeldOut, list[dict[str, Any]]]:
    spec: HeldOut = request.param
    return spec, parsed(modern, spec.name)


def test_short_texts_with_every_kind(heldout: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    spec, items = heldout
    assert len(items) == spec.texts
    for item in items:
        assert spec.words[0] <= len(item["text"].split()) <= spec.words[1], item["id"]
        assert spec.paragraphs[0] <= len(item["text"].split("\n\n")) <= spec.paragraphs[1], item["id"]
    assert {e["label"] for item in items for e in item["entities"]} == {"PER", "ORG", "LOC", "MISC"}


def test_a_marked_name_is_marked_wherever_it_recurs(heldout: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    """A gold name left unmarked in a later sentence would count Reader's right answer as spurious."""
    for item in heldout[1]:
        text = item["text"]
        covered = {i for e in item["entities"] for i in range(e["start"], e["end"])}
        for name in {e["text"] for e in item["entities"]}:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                assert set(range(m.start(), m.end())) <= covered, (item["id"], name, m.start())


def test_no_paragraph_comes_from_the_tuning_texts(modern: ModuleType,
                                                  heldout: tuple[HeldOut, list[dict[str, Any]]]) -> None:
    seen = {p.strip() for item in modern.modern_items() for p in item["text"].split("\n\n")}
    assert not [p for item in heldout[1] for p in item["text"].split("\n\n") if p.strip() in seen]


def test_the_two_sets_share_no_paragraph_nor_text_id(modern: ModuleType) -> None:
    """The second set is a fresh check only if nothing in it repeats the first, read, set."""
    first, second = (parsed(modern, s.name) for s in SETS)
    paragraphs = {p.strip() for item in first for p in item["text"].split("\n\n")}
    assert not [p for item in second for p in item["text"].split("\n\n") if p.strip() in paragraphs]
    assert not {item["id"] for item in first} & {item["id"] for item in second}


def test_each_format_copy_is_a_text_of_the_second_set(modern: ModuleType) -> None:
    """The .txt beside each .md/.html page is a second-set text verbatim, so a format that
    changes Reader's actors is told apart from a text that changed."""
    texts = {item["id"].split("/", 1)[1]: item["text"] for item in parsed(modern, SETS[1].name)}
    folder = DATA / "heldout2-formats"
    pages = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".html"))
    assert sorted(p.suffix for p in pages).count(".md") == 6 and len(pages) == 12
    for page in pages:
        plain = page.with_suffix(".txt")
        assert plain.read_text(encoding="utf-8") == texts[page.stem] + "\n", page.name
