"""The cores a process may run on, and the one-thread settings of the numerical libraries in
Reader's helper processes (the library's workers, a batch's spaCy child): with N processes on N
cores, a second BLAS thread in each only busy-waits on a core another process needs."""

from __future__ import annotations

import os

NUMERIC_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
"""Set to 1 in a helper process before NumPy loads."""


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
