"""The held-out modern texts (``benchmarks/data/modern-heldout.txt``) stay a fair check:
they parse, keep their size, mark each name wherever it recurs, and share no paragraph
with the modern texts that helped choose the tagger's features."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
HELDOUT = REPO / "benchmarks" / "data" / "modern-heldout.txt"


@pytest.fixture(scope="module")
def modern() -> ModuleType:
    spec = importlib.util.spec_from_file_location("modern_checks", REPO / "training" / "modern.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def heldout(modern: ModuleType) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = modern.parse_marked(HELDOUT.read_text(encoding="utf-8"), prefix="heldout")
    return items


def test_forty_five_short_texts_with_every_kind(heldout: list[dict[str, Any]]) -> None:
    assert len(heldout) == 45
    for item in heldout:
        assert 60 <= len(item["text"].split()) <= 250, item["id"]
        assert 2 <= len(item["text"].split("\n\n")) <= 5, item["id"]
    assert {e["label"] for item in heldout for e in item["entities"]} == {"PER", "ORG", "LOC", "MISC"}


def test_a_marked_name_is_marked_wherever_it_recurs(heldout: list[dict[str, Any]]) -> None:
    """A gold name left unmarked in a later sentence would count Reader's right answer as spurious."""
    for item in heldout:
        text = item["text"]
        covered = {i for e in item["entities"] for i in range(e["start"], e["end"])}
        for name in {e["text"] for e in item["entities"]}:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                assert set(range(m.start(), m.end())) <= covered, (item["id"], name, m.start())


def test_no_paragraph_comes_from_the_tuning_texts(modern: ModuleType, heldout: list[dict[str, Any]]) -> None:
    seen = {p.strip() for item in modern.modern_items() for p in item["text"].split("\n\n")}
    assert not [p for item in heldout for p in item["text"].split("\n\n") if p.strip() in seen]
