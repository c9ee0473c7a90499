"""The scoring of ``benchmarks/rules_judged.py``: which spans a rule changes, and how often
each reading is right against a judged file."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from tests.scripts import load_script


@pytest.fixture(scope="module")
def judged() -> ModuleType:
    return load_script("benchmarks/rules_judged.py", "rules_judged")


def test_changes_are_spans_read_otherwise(judged: ModuleType) -> None:
    with_rule = {(0, 5): "place", (10, 17): "person", (20, 24): "organization"}
    without = {(0, 7): "organization", (10, 17): "organization", (20, 24): "organization"}
    assert judged.changes(with_rule, without) == {(0, 5): ("place", "none"), (0, 7): ("none", "organization"),
                                                  (10, 17): ("person", "organization")}


def test_score_counts_right_readings_and_keeps_unjudged_apart(judged: ModuleType, tmp_path: Path) -> None:
    lines = [{"set": "polnear-dev", "id": "d1", "start": 0, "end": 5, "text": "Texas", "kind": "place"},
             {"set": "polnear-dev", "id": "d1", "start": 0, "end": 7, "text": "R-Texas", "kind": "none"},
             {"set": "polnear-dev", "id": "d2", "start": 3, "end": 9, "text": "Tuesday", "kind": "organization"}]
    path = tmp_path / "judged.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    truth = judged.load_judged(path)
    changed = {("polnear-dev", "d1", 0, 5): ("place", "none"), ("polnear-dev", "d1", 0, 7): ("none", "organization"),
               ("polnear-dev", "d2", 3, 9): ("none", "organization"), ("conll-dev", "x", 1, 2): ("person", "none")}
    assert judged.score(changed, truth) == {"changed": 4, "sampled": None, "judged": 3, "right_with": 2,
                                            "right_without": 1, "unjudged": 1}


def test_a_rule_changing_many_spans_is_judged_on_a_fixed_sample(judged: ModuleType) -> None:
    changed = {("conll-train", f"d{i:03}", i, i + 1): ("person", "none") for i in range(100)}
    chosen = judged.sample(changed)
    assert len(chosen) == judged.SAMPLE and chosen == judged.sample(dict(reversed(list(changed.items()))))
    figures = judged.score(changed, {})
    assert (figures["changed"], figures["sampled"], figures["unjudged"]) == (100, judged.SAMPLE, judged.SAMPLE)
