"""Analysis results on disk, named by the text and by what produced the analysis.

An entry lives at ``cache/<generation>/<content id>.json``, where the generation names
the analysis code, word lists and models (:func:`fingerprint.code_fingerprint`) and the
spaCy pipeline with its version. Reopening an unchanged article with an unchanged
Reader and model runs no model at all; after an update every older entry is a miss.

The cache is disposable and bounded: a damaged entry is ignored and recomputed; when the
folder grows past its cap (500 MB unless told otherwise), entries of other generations go
first, then the least recently used (a hit refreshes an entry's modification time).
Trimming happens in :meth:`AnalysisCache.put`, which runs where the analysis runs, never on
the UI thread. Several processes may share the folder: a file that vanished meanwhile is
simply skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reader.analysis.model import Analysis

DEFAULT_CAP_BYTES = 500 * 2**20
"""How large the cache folder may grow before its oldest entries are removed."""
TRIM_TO = 0.9
"""A trim removes entries until the folder holds at most this share of the cap, so the next
few puts do not trim again."""


def generation_name(fingerprint: str, model_key: str) -> str:
    """The folder name for one combination of Reader's analysis and the spaCy pipeline."""
    safe_model = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in model_key)
    return f"{fingerprint}-{safe_model}"


@dataclass(frozen=True, slots=True)
class Entry:
    path: Path
    size: int
    used: float  # modification time: written or last read
    current: bool  # of the generation this cache writes


@dataclass(frozen=True, slots=True)
class CacheInfo:
    """What ``reader cache info`` reports."""

    folder: Path
    generation: str
    entries: int
    current_entries: int
    bytes: int
    cap_bytes: int


class AnalysisCache:
    """One generation's entries, in a folder shared with older generations."""

    def __init__(self, folder: Path, generation: str, cap_bytes: int = DEFAULT_CAP_BYTES) -> None:
        self.folder = folder
        self.generation = generation
        self.cap_bytes = cap_bytes
        self._size: int | None = None  # bytes in the folder, scanned at the first put

    def _path(self, content_id: str) -> Path:
        return self.folder / self.generation / f"{content_id}.json"

    def has(self, content_id: str) -> bool:
        """Whether an entry for ``content_id`` is here (without reading it)."""
        return self._path(content_id).is_file()

    def get(self, content_id: str) -> Analysis | None:
        path = self._path(content_id)
        try:
            analysis = Analysis.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        try:
            os.utime(path)  # used now: the last to be evicted
        except OSError:
            pass
        return analysis

    def put(self, content_id: str, analysis: Analysis) -> None:
        """Write atomically, then trim if the folder outgrew its cap; a cache that cannot be written is skipped."""
        target = self._path(content_id)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(analysis.to_json(), f, ensure_ascii=False)
            os.replace(tmp, target)
            written = target.stat().st_size
        except OSError:
            return
        if self._size is None:
            self._size = sum(e.size for e in self.entries())
        else:
            self._size += written
        if self._size > self.cap_bytes:
            self._size = self.trim()

    def entries(self) -> list[Entry]:
        """Every entry of every generation in the folder (including files of the flat layout of 0.1)."""
        found = []
        try:
            candidates = list(self.folder.glob("*.json")) + list(self.folder.glob("*/*.json"))
        except OSError:
            return []
        for path in candidates:
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append(Entry(path, stat.st_size, stat.st_mtime, path.parent.name == self.generation))
        return found

    def trim(self) -> int:
        """Remove entries, other generations' first and then the least recently used, until the
        folder holds at most ``TRIM_TO`` of the cap; returns the bytes left."""
        entries = sorted(self.entries(), key=lambda e: (e.current, e.used))
        total = sum(e.size for e in entries)
        goal = int(self.cap_bytes * TRIM_TO)
        for entry in entries:
            if total <= goal:
                break
            try:
                entry.path.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                continue
            total -= entry.size
        self._remove_empty_generations()
        return total

    def clear(self) -> int:
        """Remove every entry of every generation; returns how many there were."""
        count = len(self.entries())
        for child in self.folder.iterdir() if self.folder.is_dir() else ():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            elif child.suffix in {".json", ".part"}:
                child.unlink(missing_ok=True)
        self._size = 0
        return count

    def info(self) -> CacheInfo:
        entries = self.entries()
        return CacheInfo(self.folder, self.generation, len(entries), sum(e.current for e in entries),
                         sum(e.size for e in entries), self.cap_bytes)

    def _remove_empty_generations(self) -> None:
        for child in self.folder.iterdir() if self.folder.is_dir() else ():
            if child.is_dir() and child.name != self.generation:
                try:
                    child.rmdir()  # only when empty
                except OSError:
                    pass
