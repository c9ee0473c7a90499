"""Rolling backups of ``library.json`` in a ``backups`` folder beside it.

A backup is taken each time the journal is folded into the file: the old file is
hard-linked (free, since the store never modifies a file in place, only replaces it),
or copied where links are not possible. The newest few are kept.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

KEEP = 5
FOLDER = "backups"


def timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def folder(path: Path) -> Path:
    return path.parent / FOLDER


def backups(path: Path) -> list[Path]:
    """Backups of ``path``, newest first (the timestamp in each name sorts them)."""
    where = folder(path)
    if not where.is_dir():
        return []
    return sorted(where.glob(f"{path.stem}-*{path.suffix}"), key=lambda p: p.name, reverse=True)


def keep(path: Path) -> None:
    """Keep the current ``path`` as the newest backup and drop the oldest beyond :data:`KEEP`."""
    where = folder(path)
    where.mkdir(exist_ok=True)
    target = where / f"{path.stem}-{timestamp()}{path.suffix}"
    try:
        os.link(path, target)
    except OSError:
        shutil.copy2(path, target)
    for old in backups(path)[KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass
