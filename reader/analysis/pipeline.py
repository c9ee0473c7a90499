"""From text to :class:`Analysis`: engine, actor layer, quotes, references, corrections, cache."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from reader.analysis.actors import find_actors
from reader.analysis.cache import AnalysisCache, generation_name
from reader.analysis.corrections import apply_corrections
from reader.analysis.engine import Engine, Parsed
from reader.analysis.fingerprint import code_fingerprint
from reader.analysis.model import Analysis
from reader.analysis.quotes import find_quotes
from reader.analysis.references import find_references
from reader.document.article import content_id

CHILD_CHARS = 100_000
"""The size of a batch past which its spaCy runs in a child process (:meth:`Analyzer.analyze_batch`)."""


def analyze_parsed(parsed: Parsed) -> Analysis:
    """Run the actor, quote and reference layers over one engine result."""
    actors, mentions = find_actors(parsed)
    quotes = find_quotes(parsed, actors, mentions)
    references = find_references(parsed, actors, mentions)
    return Analysis(actors=actors, mentions=mentions, quotes=quotes, references=references)


class Analyzer:
    """The analysis entry point for the CLI and the window (which runs it off the UI thread)."""

    def __init__(self, model: str | None = None, cache_dir: Path | None = None) -> None:
        self.engine = Engine(model)
        self.cache = AnalysisCache(cache_dir, self.generation) if cache_dir is not None else None

    @property
    def generation(self) -> str:
        """What produces this analyzer's results: Reader's analysis fingerprint and the pipeline (no model load)."""
        return generation_name(code_fingerprint(), self.engine.model_key)

    def analyze(self, text: str, corrections: Sequence[dict[str, Any]] = ()) -> Analysis:
        """Analyse one text, from the cache when the same analysis code and model saw it before."""
        key = content_id(text)
        analysis = self.cache.get(key) if self.cache else None
        if analysis is None:
            analysis = analyze_parsed(self.engine.parse(text))
            if self.cache:
                self.cache.put(key, analysis)
        return apply_corrections(analysis, corrections)

    def is_cached(self, text: str) -> bool:
        """Whether :meth:`analyze` would answer ``text`` from the cache (no model run)."""
        return self.cache is not None and self.cache.has(content_id(text))

    def analyze_many(self, texts: Iterable[str]) -> Iterator[Analysis]:
        """Analyse texts in order with one batched pass of the engine (no cache)."""
        for parsed in self.engine.parse_many(texts):
            yield analyze_parsed(parsed)

    def analyze_batch(self, texts: Iterable[str]) -> Iterator[Analysis]:
        """:meth:`analyze_many` for a whole batch (``reader analyze --batch``): past
        :data:`CHILD_CHARS` characters, spaCy parses in a child process while the layers run
        here on what it has parsed (:mod:`parse_process`); a smaller batch is not worth the
        child's start, nor is a machine with one core."""
        from reader.analysis.parse_process import parse_in_child, spare_core  # not on a single article's path

        if not spare_core():
            yield from self.analyze_many(texts)
            return
        head: list[str] = []
        size = 0
        rest = iter(texts)
        for text in rest:
            head.append(text)
            size += len(text)
            if size > CHILD_CHARS:
                break
        else:
            yield from self.analyze_many(head)
            return
        for parsed in parse_in_child(chain(head, rest), self.engine.requested, self.engine.chunk_chars):
            yield analyze_parsed(parsed)
