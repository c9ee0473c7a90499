"""Fixtures for the note store tests: a store file in a temporary folder and a note factory."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from notes.records import Annotation, Selector

TEXT = ("NATO chief Jens Stoltenberg warned on Friday that Russia is preparing for a long war. "
        "The alliance will send more troops to its eastern flank, he told reporters in Brussels.")


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "library.json"


@pytest.fixture
def text() -> str:
    return TEXT


@pytest.fixture
def make_note() -> Callable[..., Annotation]:
    def make(doc: str = "/articles/a.txt", start: int = 11, end: int = 27, **fields: object) -> Annotation:
        return Annotation(document=doc, selector=Selector.from_text(TEXT, start, end), **fields)  # type: ignore[arg-type]
    return make


@pytest.fixture(autouse=True)
def _no_silent_rebuilds(caplog: pytest.LogCaptureFixture, request: pytest.FixtureRequest) -> Iterator[None]:
    """The search index rebuilds a file it cannot read, and moves to memory where it cannot
    keep one: a bug in it would hide behind that, so only tests that damage it may see it."""
    caplog.set_level(logging.WARNING, logger="notes.search")
    yield
    if request.node.get_closest_marker("damages_index") is None:
        warned = [r.getMessage() for r in caplog.get_records("call") if r.name == "notes.search"]
        assert not warned, warned
