"""The learned parts of the quote layer: linear models over named features, shipped as JSON.

Two models share one file, ``resources/models/attribution/model.json``:

- ``speakers``, a conditional logit: among a quotation's candidates, the probability of
  each is proportional to ``exp(sum of its features' weights)``, so the speaker is the
  candidate of highest score;
- ``quotations``, a logistic model: a quoted span is a quotation when the sum of its
  features' weights is positive.

Scoring is a dictionary look-up per feature in plain Python; training
(``training/train_speakers.py``) is the only place that needs numpy and scipy.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any

from reader.bundled import resource_path

MODEL_FILE = ("models", "attribution", "model.json")
FORMAT = 1
"""Version of the model file; a file of another version is refused."""


@dataclass(slots=True)
class LinearModel:
    """A weight per feature name; a feature without a weight counts nothing."""

    weights: dict[str, float] = field(default_factory=dict)

    def score(self, features: Sequence[str]) -> float:
        return sum(map(self.weights.get, features, repeat(0.0)))

    def best(self, candidates: Sequence[Sequence[str]]) -> int | None:
        """Index of the highest-scoring feature list (the first on a tie), None if there is none."""
        best, best_score = None, float("-inf")
        for n, features in enumerate(candidates):
            s = self.score(features)
            if s > best_score:
                best, best_score = n, s
        return best


@dataclass(slots=True)
class AttributionModel:
    """The speaker ranker and the quotation classifier, with what the training recorded."""

    speakers: LinearModel
    quotations: LinearModel
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "meta": self.meta,
                "speakers": dict(sorted(self.speakers.weights.items())),
                "quotations": dict(sorted(self.quotations.weights.items()))}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=0, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> AttributionModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"{path}: not an attribution model of format {FORMAT}")
        models = []
        for name in ("speakers", "quotations"):
            weights = data.get(name)
            if not isinstance(weights, dict):
                raise ValueError(f"{path}: no {name} weights")
            models.append(LinearModel({str(k): float(v) for k, v in weights.items()}))
        return cls(models[0], models[1], dict(data.get("meta") or {}))


@cache
def bundled_model() -> AttributionModel:
    """The model shipped in ``resources/models/attribution``."""
    return AttributionModel.load(resource_path(*MODEL_FILE))
