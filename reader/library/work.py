"""What one worker does with a batch of files: read, look up the cache, analyse the rest.

Runs inside the worker processes of :mod:`reader.library.pool` (or in the calling process
when no workers are wanted). Each file comes back as :class:`Read` (its article's facts
and analysis) or :class:`~reader.library.files.Refusal`; one bad file never spoils its
batch. Every analysis is written to the analysis cache as soon as it exists, so a run
that is killed or cancelled loses at most the batch in progress.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.errors import AnalysisError, ReaderError
from reader.library.files import Refusal

if TYPE_CHECKING:
    from reader.analysis.pipeline import Analyzer
    from reader.document import Article


@dataclass(frozen=True, slots=True)
class Task:
    """A file to read; ``known`` is the content id the note store has for it, if any, so the
    worker sends the text back only when the parent needs it (to re-anchor notes)."""

    path: str
    known: str | None = None


@dataclass(frozen=True, slots=True)
class Read:
    """A file read and analysed: what the note store and the library index keep of it."""

    path: str
    content_id: str
    title: str
    date: str | None
    size: int
    mtime_ns: int
    analysis: dict[str, Any]  # the analysis JSON, before any correction
    quote_texts: list[str]  # the text of each quote, in the analysis' order
    analysed: bool  # False when the analysis came from the cache
    text: str | None = None  # only when it differs from the note store's (see Task.known)


Result = Read | Refusal


def process(tasks: Sequence[Task], analyzer: Analyzer) -> list[Result]:
    """Read each file, reuse cached analyses, analyse the others in one batched pass."""
    results: list[Result | None] = [None] * len(tasks)
    pending: list[tuple[int, Article, tuple[int, int]]] = []
    for i, task in enumerate(tasks):
        read = _read(task.path)
        if isinstance(read, Refusal):
            results[i] = read
            continue
        article, stamp = read
        cached = analyzer.cache.get(article.content_id) if analyzer.cache else None
        if cached is None:
            pending.append((i, article, stamp))
        else:
            results[i] = _result(task, article, stamp, cached.to_json(), analysed=False)
    outcomes = _analyse(analyzer, [(article.content_id, article.text) for _, article, _ in pending])
    for (i, article, stamp), outcome in zip(pending, outcomes):
        results[i] = (Refusal(tasks[i].path, outcome) if isinstance(outcome, str)
                      else _result(tasks[i], article, stamp, outcome, analysed=True))
    return [r for r in results if r is not None]


def _read(path: str) -> tuple[Article, tuple[int, int]] | Refusal:
    """The article at ``path`` and the file's (size, mtime) before it was read, or why not."""
    from reader.document import load

    try:
        info = os.stat(path)
        article = load(path)
    except FileNotFoundError:
        return Refusal(path, "no such file (it disappeared, or is a broken link)")
    except OSError as err:
        return Refusal(path, f"cannot read it ({err.strerror or err})")
    except ReaderError as err:
        return Refusal(path, _reason(str(err), path))
    if not article.text.strip():
        return Refusal(path, "empty: no text to analyse")
    return article, (info.st_size, info.st_mtime_ns)


def _reason(message: str, path: str) -> str:
    """The loader's message without the path it starts with (the report names the file)."""
    for prefix in (f"{path}: ", f"{path} "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _analyse(analyzer: Analyzer, texts: list[tuple[str, str]]) -> list[dict[str, Any] | str]:
    """Analyse ``(content id, text)`` pairs in one pass; if the pass fails, one by one, so that
    only the culprit fails (its entry is the reason, a string).

    A model that cannot be loaded is no fault of any file: :class:`AnalysisError` propagates.
    """
    if not texts:
        return []
    try:
        analyses = list(analyzer.analyze_many(text for _, text in texts))
    except AnalysisError:
        raise
    except Exception:  # noqa: BLE001 — a fault in the analysis of one text: find which
        return [_analyse_one(analyzer, key, text) for key, text in texts]
    for (key, _), analysis in zip(texts, analyses):
        if analyzer.cache:
            analyzer.cache.put(key, analysis)
    return [analysis.to_json() for analysis in analyses]


def _analyse_one(analyzer: Analyzer, key: str, text: str) -> dict[str, Any] | str:
    try:
        analysis = next(analyzer.analyze_many([text]))
    except AnalysisError:
        raise
    except Exception as err:  # noqa: BLE001 — this text's fault: refuse it, go on with the others
        return f"analysis failed ({type(err).__name__}: {err})"
    if analyzer.cache:
        analyzer.cache.put(key, analysis)
    return analysis.to_json()


def _result(task: Task, article: Article, stamp: tuple[int, int], analysis: dict[str, Any], *,
            analysed: bool) -> Read:
    text = article.text
    quotes = [text[q["start"]:q["end"]] for q in analysis.get("quotes", [])]
    return Read(task.path, article.content_id, article.title, article.date, stamp[0], stamp[1], analysis, quotes,
                analysed, text if task.known is not None and task.known != article.content_id else None)
