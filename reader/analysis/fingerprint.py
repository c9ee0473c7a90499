"""What produced an analysis, as one short string: the key that keeps the cache honest.

An analysis is decided by the text, the spaCy pipeline (name and version, and spaCy's own
version) and everything of Reader's that turns the pipeline's output into actors and
quotations: the code of :mod:`reader.analysis`, the word lists and the shipped models.
The cache names each entry by all of them, so an update to any one makes every older
entry a miss instead of showing yesterday's actors and speakers.

The files are hashed by content (a checkout or a reinstall changes modification times,
not meaning) once per process: about 2 MB, a few milliseconds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

from reader.bundled import resource_path

ANALYSIS_CODE = Path(__file__).resolve().parent
"""The package whose code turns the engine's output into the analysis."""
RESOURCE_FOLDERS = ("wordlists", "models")
"""Folders of ``resources/`` the analysis reads: word lists and trained weights."""
LENGTH = 16
"""Hex digits kept: 64 bits tell the few versions a user ever has apart."""


def files_fingerprint(roots: Iterable[Path]) -> str:
    """Hash of the relative paths and contents of every file under ``roots`` (sorted, caches skipped)."""
    digest = hashlib.blake2b(digest_size=16)
    for root in roots:
        for path in _files(root):
            digest.update(f"{root.name}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:LENGTH]


def _files(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".pyc", ".pyo"}:
            yield path


def analysis_roots() -> list[Path]:
    """Where the analysis code, word lists and models of this installation are."""
    return [ANALYSIS_CODE, *(resource_path(name) for name in RESOURCE_FOLDERS)]


@cache
def code_fingerprint() -> str:
    """The fingerprint of this installation's analysis code, word lists and models (once per process)."""
    return files_fingerprint(analysis_roots())


def pipeline_version(name: str) -> str:
    """``name-version`` of an installed spaCy pipeline package (``local`` for a folder), with spaCy's version."""
    try:
        version = metadata.version(name.replace("_", "-"))
    except (metadata.PackageNotFoundError, ValueError):
        version = "local"
    try:
        spacy = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy = "none"
    return f"{name}-{version}-spacy{spacy}"
