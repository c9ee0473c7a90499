"""Lanes: calls in submission order on their own thread, cancellable until they start, never
keeping the process alive."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from reader.core.lanes import Lane, LaneClosedError


def test_calls_run_in_order_on_the_lane_thread() -> None:
    lane = Lane("test")
    seen: list[tuple[int, str]] = []

    def work(i: int) -> int:
        time.sleep(0.002 * (5 - i))  # earlier calls are slower: the order must still hold
        seen.append((i, threading.current_thread().name))
        return i * i

    futures = [lane.submit(work, i) for i in range(5)]
    assert [f.result(5) for f in futures] == [0, 1, 4, 9, 16]
    assert [i for i, _ in seen] == [0, 1, 2, 3, 4]
    assert {name for _, name in seen} == {"test-1"}
    lane.close(wait=True)


def test_call_waits_for_the_result_and_runs_at_once_on_its_own_lane() -> None:
    lane = Lane("test")
    assert lane.call(lambda: threading.current_thread().name) == "test-1"
    # A call from inside the lane must not queue behind itself (that would never return).
    assert lane.call(lambda: lane.call(lambda: 7)) == 7
    with pytest.raises(ValueError, match="bad"):
        lane.call(lambda: (_ for _ in ()).throw(ValueError("bad")))
    lane.close(wait=True)


def test_close_without_waiting_cancels_what_has_not_started() -> None:
    lane = Lane("test")
    started, release = threading.Event(), threading.Event()
    running = lane.submit(lambda: (started.set(), release.wait(5)))
    queued = lane.submit(lambda: "never")
    assert started.wait(5)
    lane.close(wait=False)
    assert queued.cancelled()
    with pytest.raises(LaneClosedError):
        lane.submit(lambda: None)
    release.set()
    assert running.result(5) == (None, True)


def test_close_with_waiting_finishes_the_queue_first() -> None:
    lane = Lane("test")
    done: list[int] = []
    for i in range(3):
        lane.submit(lambda i=i: (time.sleep(0.01), done.append(i)))
    lane.close(wait=True)
    assert done == [0, 1, 2]


def test_a_busy_lane_does_not_keep_the_process_alive() -> None:
    """What ``os._exit`` used to be for: an analysis that cannot be interrupted."""
    code = ("import time; from reader.core.lanes import Lane\n"
            "lane = Lane('analysis'); lane.submit(time.sleep, 60); time.sleep(0.1); print('leaving')\n")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stdout.strip() == "leaving", done.stderr
    assert time.monotonic() - started < 20
