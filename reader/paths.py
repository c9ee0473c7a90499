"""Where user data lives: the one module that owns every path Reader writes.

The data dir is platformdirs' user data dir for ``reader`` unless ``--data-dir`` or the
``READER_DATA_DIR`` environment variable names another one. Nothing is resolved at import
time, so tests can point everything at a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "READER_DATA_DIR"
STORE_NAME = "library.json"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for the store, its backups and the analysis cache."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def store_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The TinyDB file holding documents, annotations and actor corrections."""
    return data_dir(override) / STORE_NAME


def cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Analysis results keyed by content id, analysis fingerprint and model (derived, safe to delete)."""
    return data_dir(override) / "cache"


def settings_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The window's settings (geometry, theme, recent files) as an INI file in the data dir."""
    return data_dir(override) / "settings.ini"


def library_index_path(override: str | os.PathLike[str] | None = None) -> Path:
    """Actors and quotations across the library, derived from the store, the articles and the cache (safe to delete)."""
    return data_dir(override) / "library-index.sqlite"
