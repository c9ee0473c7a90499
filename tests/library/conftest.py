"""Articles written for these tests, and a warm analysis cache so that most tests run no model.

The session analyses the articles once; each test gets its own data dir holding a copy
of that cache, so its ``library add`` finds every analysis there (as a second run would)
and only the tests that write new text pay for the language model.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.library import Library

ARTICLES = {
    "budget.txt": (
        " date 2024-03-04 Budget talks stall in Vienna\n\n"
        "The budget will not pass this week, Maria Varga said on Monday. "
        "\u201cWe will not sign this agreement,\u201d Varga told reporters in Vienna.\n\n"
        "The opposition leader Peter Novak disagreed. \u201cThe chancellor is bluffing,\u201d Novak said.\n"),
    "plan.txt": (
        " date 2024-03-05 Chancellor defends plan\n\n"
        "Chancellor Varga defended the plan on Tuesday. \u201cThis plan protects pensions and it protects jobs,"
        "\u201d Varga said at a press conference in Graz.\n\n"
        "Critics from the Green Party were unconvinced.\n"),
    "talks.md": (
        "date 2024-03-07\n\n# A week of talks\n\n"
        "The *Austrian* chancellor Maria Varga met union leaders on Thursday. "
        "\u201cNobody will lose their pension,\u201d she said after the meeting.\n\n"
        "Union chief Karl Huber welcomed the promise. \u201cWe will hold her to it,\u201d Huber said.\n"),
    "farmers.html": (
        "<html><head><title>Farmers protest near Linz</title>"
        "<meta property=\"article:published_time\" content=\"2024-03-08T09:00:00Z\"></head>"
        "<body><article><h1>Farmers protest near Linz</h1>"
        "<p>Farmers blocked roads near Linz on Friday. Their spokesman, Tomas Varga, said the protest would go on. "
        "\u201cWe are not going home,\u201d Varga said.</p></article></body></html>"),
}
"""Three articles name Maria Varga three ways ("Maria Varga", "Chancellor Varga", "the Austrian
chancellor Maria Varga"); a fourth quotes Tomas Varga, another person with her surname."""


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An analysis cache holding every test article (analysed once per session)."""
    root = tmp_path_factory.mktemp("warm")
    with Library(root / "data") as library:
        report = library.add([write_articles(root / "articles")], jobs=0)
    assert not report.refused, report.refused
    return root / "data" / "cache"


@pytest.fixture
def data(tmp_path: Path, warm_cache: Path) -> Path:
    """A fresh data dir whose analysis cache already knows the test articles."""
    folder = tmp_path / "data"
    shutil.copytree(warm_cache, folder / "cache")
    return folder


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """The test articles in a folder of their own."""
    return write_articles(tmp_path / "articles")


@pytest.fixture
def texts() -> dict[str, str]:
    """The test articles by file name."""
    return dict(ARTICLES)


@pytest.fixture
def writer() -> Callable[[Path, dict[str, str]], Path]:
    """Writes articles (file name → text) into a folder."""
    return write_articles
