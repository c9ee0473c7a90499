"""spaCy's contextual token vectors, read as the nearest of a few learned centroids.

``en_core_web_sm`` computes for every token a 96-float vector (its ``tok2vec``, which its
tagger and recogniser read): the word's shape, prefix, suffix and normalised form seen
among its neighbours. The engine keeps them (:attr:`Parsed.vectors`); the actor tagger
reads each as the nearest of K centroids (``centroids.npy`` of the model folder, fitted on
the capitalised tokens of the training text by ``training/train_actors.py``), a word-like
feature that tells an unseen company from an unseen person by how it is written and used
rather than by its spelling. numpy comes with spaCy (through thinc).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from reader.analysis.engine import Parsed

CENTROIDS_FILE = "centroids.npy"


class Codebook:
    """Unit-length centroids; a vector's code is the centroid nearest in angle."""

    def __init__(self, centroids: Any) -> None:
        self.centroids = np.asarray(centroids, dtype=np.float32)

    @classmethod
    def load(cls, path: Path) -> Codebook:
        return cls(np.load(path, allow_pickle=False))

    def save(self, path: Path) -> None:
        np.save(path, self.centroids, allow_pickle=False)

    @property
    def width(self) -> int:
        return int(self.centroids.shape[1])

    def codes(self, parsed: Parsed) -> list[int] | None:
        """The code of every token of ``parsed``, and of the mean of the same capitalised
        word's vectors at its other places in the document (-1 where it has none); None
        when ``parsed`` carries no vectors (a record built by hand)."""
        vectors = token_vectors(parsed, self.width)
        if vectors is None:
            return None
        return (vectors @ self.centroids.T).argmax(1).tolist() if len(vectors) else []

    def document_codes(self, parsed: Parsed, words: Sequence[str]) -> list[int] | None:
        """For each capitalised word met more than once: the code of the mean of its vectors
        at its *other* places ("Zenith" in "Zenith 's stock" seen from "Zenith said"); -1 elsewhere."""
        vectors = token_vectors(parsed, self.width)
        if vectors is None:
            return None
        vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
        places: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(words):
            if w[:1].isupper():
                places[w.lower()].append(i)
        out = [-1] * len(words)
        for found in places.values():
            if len(found) < 2:
                continue
            mine = vectors[found]
            others = mine.sum(0)[None, :] - mine
            for i, code in zip(found, (others @ self.centroids.T).argmax(1).tolist()):
                out[i] = code
        return out


def token_vectors(parsed: Parsed, width: int) -> Any:
    """The vectors of ``parsed`` as one float32 array (a row per token), or None without them
    (a record built by hand: it is tagged without this evidence)."""
    if not parsed.vectors:
        return None if parsed.tokens else np.zeros((0, width), dtype=np.float32)
    vectors = np.concatenate(parsed.vectors).astype(np.float32)
    if vectors.shape != (len(parsed.tokens), width):
        raise ValueError(f"{vectors.shape} token vectors for {len(parsed.tokens)} tokens of width {width}")
    return vectors
