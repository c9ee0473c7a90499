"""Spherical k-means for the feature screenings of ``benchmarks/`` (token vectors, word classes)."""

from __future__ import annotations

from typing import Any

import numpy as np


def unit(v: Any) -> Any:
    """The rows of ``v`` scaled to length 1 (a zero row stays near zero)."""
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)


def spherical_kmeans(data: Any, k: int, rng: Any, iterations: int = 25) -> tuple[Any, Any]:
    """``k`` unit centroids of the unit rows of ``data`` (by cosine), seeded from ``rng``, and the
    nearest centroid of each row before the last update."""
    centroids = data[rng.choice(len(data), k, replace=False)].copy()
    assign = np.zeros(len(data), dtype=int)
    for _ in range(iterations):
        assign = (data @ centroids.T).argmax(1)
        for c in range(k):
            members = data[assign == c]
            centroids[c] = members.sum(0) if len(members) else data[rng.integers(len(data))]
        centroids = unit(centroids)
    return centroids, assign
