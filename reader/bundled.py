"""Locate files shipped in ``resources/`` whether Reader runs from a checkout or a wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Return the filesystem path of a bundled resource, e.g. ``resource_path("samples", "x.txt")``."""
    base = resources.files("reader.resources")
    return Path(str(base.joinpath(*parts)))


def sample_article() -> Path:
    """The sample article that ``reader`` opens when given no file."""
    return resource_path("samples", "harbour-summit-2024-05-17.txt")


def word_list(name: str) -> list[str]:
    """Read a word list (one entry per line, ``#`` comments) from ``resources/wordlists``."""
    text = resource_path("wordlists", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
