"""Has the note store changed since the library index last read it? The one place that asks.

The index must follow the store (new documents, corrections, notes) without re-reading it
on every ``reader actors``: at a thousand articles and many notes, parsing the store would
cost more than the whole answer may take. So the index remembers a *cursor*, and reads
the store again only when the cursor moved.

Interim implementation: the cursor is the identity, size and modification time of
``library.json`` and of its journal. Every commit appends to the journal and every
compaction replaces ``library.json``, so any write moves it; a false alarm only costs one
re-read. This knows the store's file layout, which only ``notes/`` should: when the store
offers its change feed (``NoteStore.changes_since(cursor)``), this function is replaced
by it, and the index can then apply the changed records instead of re-reading them all.
"""

from __future__ import annotations

import os
from pathlib import Path


def journal_path(store_path: Path) -> Path:
    """The store's journal, named as :func:`notes.storage.journal_path` names it (a test holds
    the two together): importing the storage here would cost a query a tenth of a second."""
    return store_path.with_name(store_path.name + ".journal")


def store_cursor(store_path: Path) -> str:
    """A string that differs after any commit to the store at ``store_path`` ("none" without one)."""
    parts = []
    for path in (store_path, journal_path(store_path)):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            parts.append("-")
            continue
        parts.append(f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}")
    return "none" if parts == ["-", "-"] else "/".join(parts)
