"""spaCy in a child process: the same parses in the same order, errors that read as in process,
and no child left behind (killed, dropped early, interrupted)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.analysis import parse_process, pipeline
from reader.analysis.engine import Engine
from reader.analysis.parse_process import parse_in_child
from reader.analysis.pipeline import Analyzer
from reader.errors import AnalysisError

REPO = Path(__file__).resolve().parents[2]

TEXTS = [
    "Mara Vell, the mayor of Dunmore, said on Tuesday: “The bridge opens in May.”",
    "",
    "The Harbour Board met in Quillan.\n\nIts chair, Tobias Renn, left early.\n\n" * 6,
    "Nothing here is a name.",
]


def _children() -> set[int]:
    """The live child processes of this test process (Linux)."""
    pid = os.getpid()
    found: set[int] = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            found.update(int(p) for p in f.read().split())
    return found


def test_the_child_parses_as_the_engine_does_in_order() -> None:
    before = _children()
    engine = Engine(chunk_chars=120)  # several chunks per long text: reassembled in the child
    expected = list(engine.parse_many(TEXTS))
    got = list(parse_in_child(iter(TEXTS), None, 120))
    assert got == expected
    assert [p.text for p in got] == TEXTS
    assert _children() == before


def test_a_missing_model_reads_as_it_does_in_process() -> None:
    with pytest.raises(AnalysisError) as in_process:
        Engine("no_such_pipeline_xyz").parse("Some text.")
    with pytest.raises(AnalysisError) as in_child:
        list(parse_in_child(["Some text."], "no_such_pipeline_xyz", 50_000))
    assert str(in_child.value) == str(in_process.value)


def test_a_killed_child_is_an_analysis_error() -> None:
    before = _children()

    def texts() -> Iterator[str]:
        yield TEXTS[0]
        time.sleep(0.5)  # the first result is on its way; then the child dies
        yield TEXTS[2]

    results = parse_in_child(texts(), None, 50_000)
    assert next(results).text == TEXTS[0]
    (child,) = _children() - before
    os.kill(child, signal.SIGKILL)
    with pytest.raises(AnalysisError, match="stopped unexpectedly"):
        list(results)
    assert _children() == before


def test_dropping_the_results_early_stops_the_child() -> None:
    before = _children()
    results = parse_in_child(iter(TEXTS * 3), None, 50_000)
    next(results)
    assert len(_children() - before) == 1
    results.close()
    assert _children() == before


def test_a_large_batch_is_analysed_in_the_child_as_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    analyzer = Analyzer()
    expected = list(analyzer.analyze_many(TEXTS))
    monkeypatch.setattr(pipeline, "CHILD_CHARS", 100)
    monkeypatch.setattr(parse_process, "spare_core", lambda: True)
    children: list[int] = []
    real = parse_process.parse_in_child

    def counting(*args):  # type: ignore[no-untyped-def]
        children.append(1)
        return real(*args)

    monkeypatch.setattr(parse_process, "parse_in_child", counting)
    assert list(analyzer.analyze_batch(TEXTS)) == expected
    assert children == [1]
    monkeypatch.setattr(parse_process, "spare_core", lambda: False)
    assert list(analyzer.analyze_batch(TEXTS)) == expected
    assert children == [1]  # one core: no child
    monkeypatch.setattr(parse_process, "spare_core", lambda: True)
    monkeypatch.setattr(pipeline, "CHILD_CHARS", 10**9)
    assert list(analyzer.analyze_batch(TEXTS)) == expected
    assert children == [1]  # a small batch stays in process


def _as_in_a_terminal() -> None:
    """Ctrl-C's default, as a foreground command has it: a test run as a shell's background job
    inherits SIGINT ignored, and Python then installs no handler for it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_leaves_no_process_behind(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "text": TEXTS[2] * 4}) + "\n" for i in range(200)),
                     encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-m", "reader", "analyze", "--batch", str(batch), "--data-dir",
                            str(tmp_path / "data")], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           start_new_session=True, text=True, env={**os.environ, "PYTHONFAULTHANDLER": "1"},
                           preexec_fn=_as_in_a_terminal)
    assert run.stderr is not None
    assert "analysed 10/" in run.stderr.readline()  # the child is parsing, the parent analysing
    os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    try:
        code = run.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGABRT)  # every thread's stack, for the failure below
        pytest.fail(f"no exit after Ctrl-C:\n{run.stderr.read()}")
    finally:
        said = run.stderr.read()
        run.stderr.close()
    assert code == 130, said
    assert "interrupted" in said
    with pytest.raises(ProcessLookupError):
        os.killpg(run.pid, 0)  # nobody is left in the group


def test_texts_that_fail_to_come_raise_their_error() -> None:
    before = _children()

    def texts() -> Iterator[str]:
        yield TEXTS[0]
        raise ValueError("the batch file went away")

    results = parse_in_child(texts(), None, 50_000)
    with pytest.raises(ValueError, match="went away"):
        list(results)
    assert _children() == before


def test_the_child_runs_blas_on_one_thread_unless_the_user_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    assert parse_process.child_environment()["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    assert parse_process.child_environment()["OPENBLAS_NUM_THREADS"] == "4"
