"""The actor tagger's training splits the extra (modern) texts into the same folds as
CoNLL's documents, so that each extra text is scored by models that never saw it, and
CoNLL's folds stay those of the shipped recipe."""

from __future__ import annotations

from types import ModuleType

import pytest
from tests.scripts import load_script


@pytest.fixture(scope="module")
def training() -> ModuleType:
    return load_script("training/train_actors.py", "train_actors")


def test_every_document_and_extra_text_falls_in_exactly_one_fold(training: ModuleType) -> None:
    n, m = 946, len(training.modern.modern_items())
    parts = training.joint_folds(n, m, 5)
    assert sorted(d for part in parts for d in part) == list(range(n + m))
    for part, conll in zip(parts, training.folds(n, 5)):
        assert [d for d in part if d < n] == conll  # CoNLL's folds are the shipped recipe's
        assert m // 5 <= len([d for d in part if d >= n]) <= m // 5 + 1


def test_a_folds_models_never_learn_its_own_extra_texts(training: ModuleType) -> None:
    n, m, weight = 20, 7, 3
    parts = training.joint_folds(n, m, 3)
    for k, held in enumerate(parts):
        learned = training.learning(parts, k, n, weight)
        assert not set(learned) & set(held)
        others = [d for part in parts for d in part if d not in held]
        assert sorted(d for d in learned if d < n) == sorted(d for d in others if d < n)
        assert len([d for d in learned if d >= n]) == weight * len([d for d in others if d >= n])


def test_without_weight_the_models_learn_conll_alone_in_order(training: ModuleType) -> None:
    parts = training.joint_folds(10, 4, 2)
    assert training.learning(parts, 0, 10, 0) == parts[1][:len(training.folds(10, 2)[1])]
    assert training.weighted([0, 3, 10, 12], 10, 2) == [0, 3, 10, 12, 10, 12]
