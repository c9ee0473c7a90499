"""spaCy's contextual token vectors, read as the nearest of a few learned centroids.

``en_core_web_sm`` computes for every token a 96-float vector (its ``tok2vec``, which its
tagger and recogniser read): the word's shape, prefix, suffix and normalised form seen
among its neighbours. The engine keeps them (:attr:`Parsed.vectors`); the actor tagger
reads each as the nearest of K centroids (``centroids.npy`` of the model folder, fitted on
the capitalised tokens of the training text by ``training/train_actors.py``), a word-like
feature that tells an unseen company from an unseen person by how it is written and used
rather than by its spelling. numpy comes with spaCy (through thinc); the products go
through thinc's single-threaded ``gemm`` (BLIS, as spaCy's own layers), since numpy's
threaded BLAS spins on a busy machine: 6.4 s against 0.5 s over the CoNLL dev articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from reader.analysis.engine import Parsed

CENTROIDS_FILE = "centroids.npy"


class Codebook:
    """Unit-length centroids; a vector's code is the centroid nearest in angle."""

    def __init__(self, centroids: Any) -> None:
        from thinc.api import NumpyOps

        self.centroids = np.ascontiguousarray(centroids, dtype=np.float32)
        self._ops = NumpyOps()

    def nearest(self, vectors: Any) -> Any:
        """The index of the centroid with the largest dot product with each row of ``vectors``."""
        return self._ops.gemm(np.ascontiguousarray(vectors), self.centroids, trans2=True).argmax(1)

    @classmethod
    def load(cls, path: Path) -> Codebook:
        return cls(np.load(path, allow_pickle=False))

    def save(self, path: Path) -> None:
        np.save(path, self.centroids, allow_pickle=False)

    @property
    def width(self) -> int:
        return int(self.centroids.shape[1])

    def codes(self, parsed: Parsed, words: Sequence[str]) -> tuple[list[int], list[int]] | None:
        """For each token of ``parsed`` (``words`` its text): the code of its vector, and the
        code of the mean of the same capitalised word's vectors at its *other* places in the
        document ("Zenith" in "Zenith 's stock" seen from "Zenith said"; -1 for a word met
        once or in lower case). None when ``parsed`` carries no vectors (a record built by hand).

        One matrix product each: a long article has a million tokens."""
        vectors = token_vectors(parsed, self.width)
        if vectors is None:
            return None
        if not len(vectors):
            return [], []
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
        own = self.nearest(vectors).tolist()
        index: dict[str, int] = {}
        word_of = np.array([index.setdefault(w.lower(), len(index)) if w[:1].isupper() else -1 for w in words])
        capital = word_of >= 0
        sums = np.zeros((len(index), self.width), dtype=np.float32)
        np.add.at(sums, word_of[capital], vectors[capital])
        counts = np.bincount(word_of[capital], minlength=len(index))
        again = capital & (counts[np.maximum(word_of, 0)] >= 2)
        others = np.full(len(words), -1)
        if again.any():
            seen = sums[word_of[again]] - vectors[again]
            others[again] = self.nearest(seen)
        return own, others.tolist()


def token_vectors(parsed: Parsed, width: int) -> Any:
    """The vectors of ``parsed`` as one float32 array (a row per token), or None without them
    (a record built by hand: it is tagged without this evidence)."""
    if not parsed.vectors:
        return None if parsed.tokens else np.zeros((0, width), dtype=np.float32)
    vectors = np.concatenate(parsed.vectors).astype(np.float32)
    if vectors.shape != (len(parsed.tokens), width):
        raise ValueError(f"{vectors.shape} token vectors for {len(parsed.tokens)} tokens of width {width}")
    return vectors
