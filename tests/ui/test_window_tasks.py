"""Background work: results come back on the UI thread, store calls keep their order, and a
newer task with the same key supersedes the older one."""

from __future__ import annotations

import threading
import time

import pytest

from reader.core.lanes import Lane
from reader.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def test_callbacks_run_on_the_ui_thread_and_a_lane_keeps_the_order(qtbot) -> None:
    runner, lane = TaskRunner(), Lane("store")
    ui = threading.get_ident()
    done: list[tuple[int, int]] = []
    written: list[int] = []

    def write(i: int) -> int:
        time.sleep(0.002 * (5 - i))  # earlier calls are slower: order must still hold
        written.append(i)
        assert threading.get_ident() != ui
        return i

    for i in range(5):
        runner.run(lane, write, i, on_done=lambda v: done.append((v, threading.get_ident())))
    qtbot.waitUntil(lambda: len(done) == 5)
    assert written == [0, 1, 2, 3, 4]
    assert [v for v, _ in done] == [0, 1, 2, 3, 4] and {t for _, t in done} == {ui}
    assert runner.pending == 0
    lane.close(wait=True)


def test_errors_reach_on_error_or_the_runner_and_nothing_arrives_after_shutdown(qtbot) -> None:
    reported: list[BaseException] = []
    runner, lane = TaskRunner(on_error=reported.append), Lane("io")
    errors: list[BaseException] = []

    def fail() -> None:
        raise ValueError("bad input")

    runner.run(lane, fail, on_error=errors.append)
    runner.run(lane, fail)
    qtbot.waitUntil(lambda: bool(errors) and bool(reported))
    assert isinstance(errors[0], ValueError) and isinstance(reported[0], ValueError)
    release = threading.Event()
    late: list[object] = []
    runner.run(lane, release.wait, 5, on_done=late.append)
    runner.shutdown()
    release.set()
    qtbot.wait(50)
    assert late == []
    lane.close(wait=True)


def test_a_newer_task_with_the_same_key_supersedes_the_older(qtbot) -> None:
    runner, lane = TaskRunner(), Lane("analysis")
    started, release = threading.Event(), threading.Event()
    answers: list[str] = []

    def slow(name: str) -> str:
        started.set()
        release.wait(5)
        return name

    running = runner.run(lane, slow, "first article", key="analysis", on_done=answers.append)
    assert started.wait(5)
    queued = runner.run(lane, slow, "second article", key="analysis", on_done=answers.append)
    latest = runner.run(lane, slow, "third article", key="analysis", on_done=answers.append)
    assert queued.future.cancelled()  # it never runs
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert running.future.result() == "first article"  # it ran, but its answer is stale
    assert latest.future.result() == "third article"
    assert answers == ["third article"]
    lane.close(wait=True)


def test_cancelling_a_key_drops_its_answer(qtbot) -> None:
    runner, lane = TaskRunner(), Lane("io")
    answers: list[int] = []
    release = threading.Event()
    runner.run(lane, lambda: release.wait(5) and 1, key="open", on_done=answers.append)
    runner.cancel("open")
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert answers == []
    lane.close(wait=True)
