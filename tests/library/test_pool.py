"""The worker processes: every file comes back once, a dead worker's batch is retried, a bad model is one error."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.errors import AnalysisError
from reader.library.pool import WorkerPool
from reader.library.work import Read, Task

pytestmark = pytest.mark.slow


def tasks_for(folder: Path) -> list[Task]:
    return [Task(str(p)) for p in sorted(folder.iterdir())]


def test_two_workers_return_every_file_once_from_the_cache(articles: Path, data: Path) -> None:
    batches = [[t] for t in tasks_for(articles)]
    pool = WorkerPool(2, None, data / "cache")
    results = [r for _, rs in pool.run(batches) for r in rs]
    assert sorted(r.path for r in results) == sorted(t.path for b in batches for t in b)
    assert all(isinstance(r, Read) and not r.analysed for r in results)  # all cached: no model was loaded
    assert len(pool.peak_kib) == 2 and all(kib > 0 for kib in pool.peak_kib.values())
    assert not multiprocessing.active_children()


def test_a_worker_that_dies_has_its_batch_retried(articles: Path, data: Path, tmp_path: Path,
                                                  writer: Callable[[Path, dict[str, str]], Path],
                                                  texts: dict[str, str]) -> None:
    folder = writer(tmp_path / "more", {f"{i}-{n}": t for i in range(6) for n, t in texts.items()})
    tasks = tasks_for(folder)
    batches = [tasks[i:i + 4] for i in range(0, len(tasks), 4)]
    pool = WorkerPool(2, None, data / "cache")
    seen: list[str] = []
    for _, results in pool.run(batches):
        if not seen:  # kill one worker while it holds a batch
            os.kill(multiprocessing.active_children()[0].pid or 0, signal.SIGKILL)
        seen += [r.path for r in results]
        assert all(isinstance(r, Read) for r in results)
    assert sorted(seen) == sorted(t.path for t in tasks)


def test_a_model_that_cannot_load_is_one_clear_error(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Maria Varga said it would rain.", encoding="utf-8")
    pool = WorkerPool(1, "no_such_pipeline_xyz", tmp_path / "cache")
    with pytest.raises(AnalysisError, match="no_such_pipeline_xyz"):
        list(pool.run([[Task(str(text))]]))
    assert not multiprocessing.active_children()
