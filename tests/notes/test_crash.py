"""Crash safety across processes: kill -9 during writes, and writers running at the same time.

After every kill the store must open and hold every note whose ``add`` had returned. Sizes
are small for CI; ``READER_CRASH_NOTES`` / ``READER_CRASH_KILLS`` scale them up (the issue's
acceptance run uses 5000 and 40).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from notes.records import Annotation, Selector
from notes.store import NoteStore

pytestmark = pytest.mark.slow

SEED_NOTES = int(os.environ.get("READER_CRASH_NOTES", "300"))
CLI_KILLS = int(os.environ.get("READER_CRASH_KILLS", "12"))

WRITER = """
import sys
from pathlib import Path
from notes import storage
from notes.records import Annotation, Selector
from notes.store import NoteStore

path, ack, prefix, compact_lines, count = sys.argv[1:6]
if int(compact_lines):
    storage.COMPACT_LINES = int(compact_lines)
with NoteStore(Path(path)) as store, open(ack, "a") as out:
    n = 0
    while n < int(count) or int(count) == 0:
        note = Annotation(document="/doc/" + prefix, selector=Selector("passage", "", "", 0, 7),
                          note="written by " + prefix + " 🎉 שלום", id=f"{prefix}-{n}")
        store.add(note)
        out.write(note.id + "\\n")
        out.flush()
        n += 1
"""


def _seed(store_file: Path, count: int) -> set[str]:
    notes = [Annotation(document=f"/articles/{i % 50}.txt", selector=Selector("seed text", "", "", i, i + 9),
                        note=f"seed note {i}", tags=["seed"]) for i in range(count)]
    with NoteStore(store_file) as store:
        store.put_many(notes)
        store.compact()
    return {n.id for n in notes}


def _acked(ack: Path) -> list[str]:
    return ack.read_text().split() if ack.exists() else []


def _stored(store_file: Path) -> list[str]:
    with NoteStore(store_file, read_only=True) as store:
        return [a.id for a in store.annotations()]


def _wait_for_ack(ack: Path, seen: int, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while len(_acked(ack)) <= seen:
        assert proc.poll() is None, "the writer died on its own"
        assert time.monotonic() < deadline, "the writer never acknowledged a note"
        time.sleep(0.002)


@pytest.mark.parametrize(("kills", "compact_lines"), [(50, 0), (50, 3)])
def test_kill_9_during_writes_loses_no_acknowledged_note(store_file: Path, tmp_path: Path, kills: int,
                                                         compact_lines: int) -> None:
    """50 kills while appending to the journal, 50 more while also folding it every 3 commits."""
    seeded = _seed(store_file, SEED_NOTES)
    ack = tmp_path / "acked.txt"
    rng = random.Random(kills * 31 + compact_lines)
    for k in range(kills):
        seen = len(_acked(ack))
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(store_file), str(ack), f"k{k}",
                                 str(compact_lines), "0"])
        try:
            _wait_for_ack(ack, seen, proc)
            time.sleep(rng.uniform(0, 0.025))
        finally:
            proc.kill()
            proc.wait()
        stored = _stored(store_file)
        assert len(stored) == len(set(stored))
        missing = (seeded | set(_acked(ack))) - set(stored)
        assert not missing, f"after kill {k}: {len(missing)} acknowledged notes lost"
    with NoteStore(store_file) as store:  # a writer opens it, cleans up, and can add
        store.add(Annotation(document="/doc", selector=Selector("x", "", "", 0, 1)))
    assert not list(store_file.parent.glob("*.tmp-*"))


def test_concurrent_writers_keep_every_note(store_file: Path, tmp_path: Path) -> None:
    seeded = _seed(store_file, SEED_NOTES)
    procs = []
    for w in range(3):
        ack = tmp_path / f"ack{w}.txt"
        # one of them folds the journal every 4 commits while the others append
        procs.append((subprocess.Popen([sys.executable, "-c", WRITER, str(store_file), str(ack), f"w{w}",
                                        "4" if w == 0 else "0", "40"]), ack))
    for proc, _ in procs:
        assert proc.wait(timeout=120) == 0
    stored = set(_stored(store_file))
    for w, (_, ack) in enumerate(procs):
        assert len(_acked(ack)) == 40
        assert {f"w{w}-{n}" for n in range(40)} <= stored
    assert seeded <= stored
    assert len(stored) == SEED_NOTES + 120


def test_kill_9_during_cli_notes_add_and_two_cli_writers(store_file: Path, tmp_path: Path, text: str) -> None:
    """The issue's acceptance, at CI size: kill ``reader notes add`` at random, then two writers at once."""
    article = tmp_path / "article.txt"
    article.write_text(text)
    seeded = _seed(store_file, SEED_NOTES)
    data_dir = str(store_file.parent)
    rng = random.Random(7)

    def add(note: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "reader", "notes", "--data-dir", data_dir, "add",
                                 str(article), "--quote", "Russia", "--note", note],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    acked: set[str] = set()
    started = time.monotonic()
    out, _ = add("timing run").communicate()
    acked.add(out.strip())
    duration = time.monotonic() - started
    killed = 0
    for k in range(CLI_KILLS):
        proc = add(f"kill {k}")
        time.sleep(rng.uniform(0.3, 1.0) * duration)  # the latter part of a run is where it writes
        proc.kill()
        out, _ = proc.communicate()
        if proc.returncode == 0:
            acked.add(out.strip())
        else:
            killed += 1
        stored = set(_stored(store_file))
        assert seeded | acked <= stored
    assert killed >= CLI_KILLS // 2, f"only {killed} of {CLI_KILLS} runs were killed before they finished"
    failures: list[str] = []

    def writer(w: int) -> None:
        for n in range(15):
            proc = add(f"writer {w} note {n}")
            out, err = proc.communicate(timeout=120)
            if proc.returncode == 0:
                acked.add(out.strip())
            else:
                failures.append(err)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    stored = set(_stored(store_file))
    assert seeded | acked <= stored
    assert len(acked) >= 30  # the two writers' 30 notes, at least
