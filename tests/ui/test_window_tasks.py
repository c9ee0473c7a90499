"""Background work: results come back on the UI thread, store calls keep their order."""

from __future__ import annotations

import threading
import time

import pytest

from reader.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def test_callbacks_run_on_the_ui_thread_and_store_calls_keep_their_order(qtbot) -> None:
    runner = TaskRunner()
    ui = threading.get_ident()
    done: list[tuple[int, int]] = []
    written: list[int] = []

    def write(i: int) -> int:
        time.sleep(0.002 * (5 - i))  # earlier calls are slower: order must still hold
        written.append(i)
        assert threading.get_ident() != ui
        return i

    for i in range(5):
        runner.store(write, i, on_done=lambda v: done.append((v, threading.get_ident())))
    qtbot.waitUntil(lambda: len(done) == 5)
    assert written == [0, 1, 2, 3, 4]
    assert [v for v, _ in done] == [0, 1, 2, 3, 4] and {t for _, t in done} == {ui}
    assert runner.pending == 0
    runner.shutdown()


def test_errors_reach_on_error_and_nothing_after_shutdown(qtbot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def fail() -> None:
        raise ValueError("bad input")

    runner.run(fail, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)
    release = threading.Event()
    late: list[object] = []
    runner.analysis(release.wait, 5, on_done=late.append)
    runner.shutdown()
    release.set()
    qtbot.wait(50)
    assert late == []
