"""Analysis results on disk, keyed by content id, model and Reader version.

Reopening an unchanged article then runs no model at all. The cache is disposable: a
damaged entry is ignored and recomputed.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from reader import __version__
from reader.analysis.model import Analysis


class AnalysisCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, content_id: str, model_key: str) -> Path:
        safe_model = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in model_key)
        return self.folder / f"{content_id}-{safe_model}-{__version__}.json"

    def get(self, content_id: str, model_key: str) -> Analysis | None:
        try:
            data = json.loads(self._path(content_id, model_key).read_text(encoding="utf-8"))
            return Analysis.from_json(data)
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, content_id: str, model_key: str, analysis: Analysis) -> None:
        """Write atomically; a cache that cannot be written is simply skipped."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(analysis.to_json(), f, ensure_ascii=False)
            os.replace(tmp, self._path(content_id, model_key))
        except OSError:
            pass
