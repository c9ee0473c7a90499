"""spaCy in a child process, so that a batch's analysis layers run while its next texts are parsed.

spaCy holds the GIL for most of its work: a thread beside it gains almost nothing, while a
second process uses the machine's second core. The child (``python -m
reader.analysis.parse_process``) runs :meth:`Engine.parse_many` over the texts it is sent and
streams back, per text, only what :class:`Parsed` holds besides the text (its tokens, entities
and sentences: small tuples, no spaCy object); the parent already has the text.

Both directions are pickles on the child's stdin and stdout. An error in the child travels
back as the exception itself and is raised in the parent (a missing model reads as it would
in process); a child that dies is an :class:`AnalysisError`. The child stops when the parent
goes (its pipes close) and is killed when the parent exits or drops the results early.
"""

from __future__ import annotations

import atexit
import os
import pickle
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial
from typing import BinaryIO

from reader.analysis.engine import Engine, Parsed
from reader.cores import NUMERIC_THREAD_VARIABLES, usable_cores
from reader.errors import AnalysisError

ONE_THREAD = {name: "1" for name in NUMERIC_THREAD_VARIABLES}
"""The child's numerical libraries run on one thread. NumPy's OpenBLAS otherwise starts a second
one that busy-waits between spaCy's small matrix products: a sixth of the child's CPU time over
CoNLL dev (6.3 s against 7.3), on the core the parent's layers need, for the same parses. A
value the user set is kept."""

PIPE_BYTES = 1 << 20
"""How much of the child's results may wait for the parent (about 150 CoNLL documents)."""

_DONE = None
"""Sent after the last text, and by the child after the last result."""


def parse_in_child(texts: Iterable[str], model: str | None, chunk_chars: int) -> Iterator[Parsed]:
    """:meth:`Engine.parse_many` of ``texts`` run in a child process, in order."""
    child = subprocess.Popen([sys.executable, "-m", __name__, model or "", str(chunk_chars)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=child_environment())
    stop = partial(_stop, child)
    atexit.register(stop)  # a parent that exits (Ctrl-C) leaves no child behind, not even a zombie
    sent: deque[str] = deque()  # the texts on their way, oldest first, to rebuild each Parsed
    failed: list[BaseException] = []  # what ended the texts early, if anything did
    writer = threading.Thread(target=_send, args=(texts, child.stdin, sent, failed), daemon=True)
    writer.start()
    try:
        assert child.stdout is not None
        _widen(child.stdout.fileno())
        while True:
            try:
                message = pickle.load(child.stdout)
            except (EOFError, pickle.UnpicklingError):
                code = child.wait()
                message = AnalysisError(f"the spaCy process stopped unexpectedly (exit code {code})")
            if message is _DONE:
                break
            if isinstance(message, BaseException):
                writer.join()
                raise (failed[0] if failed else message) from None
            tokens, entities, sentences = message
            yield Parsed(sent.popleft(), tokens, entities, sentences)
    finally:
        stop()
        atexit.unregister(stop)
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                pipe.close()


def child_environment() -> dict[str, str]:
    """This process's environment with :data:`ONE_THREAD` where the user set nothing else."""
    return {**ONE_THREAD, **os.environ}


def _widen(pipe: int) -> None:
    """Let up to :data:`PIPE_BYTES` of the child's results wait in the pipe (Linux): when the
    parent waits for a CPU on a busy machine, the child parses on instead of waiting for it."""
    try:
        import fcntl

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or over the system's limit: the default pipe, which only stalls the child sooner


def spare_core() -> bool:
    """Whether this process may run on more than one core (on one, a child only adds its start)."""
    return usable_cores() > 1


def _stop(child: subprocess.Popen[bytes]) -> None:
    child.kill()
    child.wait()


def _send(texts: Iterable[str], pipe: BinaryIO | None, sent: deque[str], failed: list[BaseException]) -> None:
    """Feed the child (a thread of its own: the child's results fill the other pipe meanwhile).
    Texts that fail to come (the caller's iterator raised) end the child's input early, and
    the error is kept for the parent to raise."""
    assert pipe is not None
    texts = iter(texts)
    try:
        while True:
            try:
                text = next(texts)
            except StopIteration:
                pickle.dump(_DONE, pipe)
                break
            except BaseException as err:  # noqa: BLE001 — raised in the parent, where the texts were asked for
                failed.append(err)
                break
            sent.append(text)  # before it is sent: its result cannot come first
            pickle.dump(text, pipe, pickle.HIGHEST_PROTOCOL)
        pipe.close()
    except (OSError, ValueError):
        pass  # the child is gone or was stopped: the reader of its results says why


def _received(stream: BinaryIO) -> Iterator[str]:
    while (text := pickle.load(stream)) is not _DONE:
        yield text


def _serve(model: str | None, chunk_chars: int, stdin: BinaryIO, stdout: BinaryIO) -> None:
    """The child's work: parse what arrives, answer each text as soon as it is parsed."""
    try:
        for parsed in Engine(model, chunk_chars).parse_many(_received(stdin)):
            stdout.write(pickle.dumps((parsed.tokens, parsed.entities, parsed.sentences), pickle.HIGHEST_PROTOCOL))
            stdout.flush()
        pickle.dump(_DONE, stdout)
    except Exception as err:  # noqa: BLE001 — every failure goes to the parent, which raises it
        try:
            message = pickle.dumps(err, pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 — an exception that does not pickle: its message does
            message = pickle.dumps(AnalysisError(f"{type(err).__name__}: {err}"), pickle.HIGHEST_PROTOCOL)
        stdout.write(message)
    stdout.flush()


def main(argv: list[str]) -> int:
    try:
        _serve(argv[0] or None, int(argv[1]), sys.stdin.buffer, sys.stdout.buffer)
    except (KeyboardInterrupt, BrokenPipeError, EOFError):
        return 1  # interrupted, or the parent is gone: nothing to say to anyone
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
