"""Which files a ``library add`` of files and folders means: articles found, the rest refused.

A folder is walked recursively for the article formats; other files in it (images, PDFs,
notes to self) are passed over silently, as a reader who drops a folder expects. A file
named directly is tried whatever its extension: the loader refuses what is no article,
with its reason. Hidden files and folders (a leading dot) are left alone; symbolic links
to files are followed, links to folders are not (they can loop); a link that points
nowhere is kept so that it is reported, not silently ignored.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
"""What a folder is searched for (issue 13); a file named directly may have any extension."""


@dataclass(frozen=True, slots=True)
class Refusal:
    """A path that was not added, with the one line that says why."""

    path: str
    reason: str


@dataclass(slots=True)
class Found:
    """The article files to add, in a stable order, and the paths refused before reading."""

    files: list[Path] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


def find_articles(paths: Sequence[str | Path]) -> Found:
    """Expand files and folders into article files (absolute, each once, sorted within a folder)."""
    found = Found()
    seen: set[str] = set()

    def keep(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for given in paths:
        path = Path(given).expanduser().absolute()
        if path.is_dir():
            for file in _walk(path, found.refused):
                keep(file)
        elif path.exists() or path.is_symlink():
            keep(path)
        else:
            found.refused.append(Refusal(str(given), "no such file or folder"))
    return found


def _walk(folder: Path, refused: list[Refusal]) -> list[Path]:
    files: list[Path] = []

    def unreadable(err: OSError) -> None:
        refused.append(Refusal(str(err.filename or folder), f"cannot read the folder ({err.strerror or err})"))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root, n) for n in sorted(names)
                     if not n.startswith(".") and Path(n).suffix.lower() in ARTICLE_SUFFIXES)
    return files
