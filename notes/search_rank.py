"""The pieces of BM25F scoring that outlive one query, shaped for speed and for the garbage collector.

A query of a common word touches tens of thousands of notes; these containers keep its postings, its part of each
note's score and its length norms in forms that are quick to read and that Python's collector does not walk. The
scoring itself (:meth:`notes.search_version.IndexVersion._part`) combines them."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property
from itertools import chain

K1, B = 1.2, 0.75
"""BM25's saturation of term frequency and strength of its length norm, the usual values."""
Slots = AbstractSet[int]
"""Notes by their slot in the index file."""


class Postings(dict[int, int]):
    """A key's postings: slot -> where its :data:`~notes.search_file.WIDTH` counts start in ``counts``. Offsets, not
    a tuple a slot: a common word's 10,000 tuples made work for the garbage collector (a pause of a few hundred
    milliseconds at times)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: array[int] = array("I")  # no list: the garbage collector walks a list's items, never an array's


class Part(dict[int, float]):
    """One term's part of each note's score (see :meth:`IndexVersion._part`), and, once it is used again, the notes best
    first: a query of a common word then walks the first few instead of ranking thousands each time."""

    reused = False

    @cached_property
    def order(self) -> list[int]:
        return sorted(self, key=self.__getitem__, reverse=True)


def held(*slots: Iterable[int]) -> Slots:
    """Slots as the keys of a dict, which the garbage collector leaves alone while it holds only numbers: a set of a
    common word's or tag's 10,000 notes was walked at each young collection (0.3 ms each) until it grew old."""
    return dict.fromkeys(chain.from_iterable(slots)).keys()


def norms(weights: Sequence[float], sums: Sequence[int], count: int) -> list[Norm]:
    """For each field, its weight divided by BM25's length norm, by field length."""
    return [Norm(weight, max(total / count, 1.0)) for weight, total in zip(weights, sums, strict=True)]


class Norm(dict[int, float]):
    """A field's weight over BM25's length norm, by field length, worked out for the lengths met: the longest
    field is not known without reading every note's length (~20 ms at 50,000 notes, for each fresh process)."""

    def __init__(self, weight: float, average: float) -> None:
        super().__init__()
        self.weight, self.average = weight, average

    def __missing__(self, length: int) -> float:
        self[length] = norm = self.weight / (1 - B + B * length / self.average)
        return norm
