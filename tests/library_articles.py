"""Articles written for the library's window tests, and a stand-in analysis put in the cache.

The library analyses articles in worker processes with the real pipeline; these tests
give it nothing to analyse instead: :func:`warm_cache` writes the stand-in analyzer's
result for each article into the analysis cache under the library's generation, where
``library add`` (and the window's own analysis) find it, as they would after a first run.
"""

from __future__ import annotations

from pathlib import Path

from reader.analysis.cache import AnalysisCache
from reader.document import load
from reader.library import Library
from tests.analyzers import NameAnalyzer

NAMES = {"Mara Lind": "person", "Tomas Berg": "person", "Harbour Council": "organization", "Lisbon": "place",
         "Porto": "place"}

ARTICLES = {
    "north/bridge.md": (
        "date 2024-04-02\n\n# The bridge opens\n\n"
        "Mara Lind cut the ribbon on the new river bridge in Lisbon on Tuesday. "
        "\u201cThis bridge joins two halves of one city,\u201d Mara Lind said.\n\n"
        "The Harbour Council paid for most of it.\n"),
    "south/bridge.md": (
        "date 2024-05-11\n\n# The bridge opens\n\n"
        "Weeks later the bridge in Porto opened too. Tomas Berg was there. "
        "\u201cWe waited eleven years for this,\u201d Tomas Berg told the crowd.\n\n"
        "Mara Lind sent a letter. \u201cPorto deserves this as much as Lisbon did,\u201d Mara Lind wrote.\n"),
    "west/bridge.md": (
        "date 2024-06-20\n\n# The bridge opens\n\n"
        "A third bridge, a footbridge, opened near the harbour. The Harbour Council met there.\n\n"
        "Mara Lind spoke last. \u201cWalking is the oldest way to cross a river,\u201d Mara Lind said, "
        "and the crowd laughed.\n"),
    "ferries.txt": (
        " date 2024-03-15 Ferry crews strike\n\n"
        "Ferry crews in Lisbon stopped work on Friday. Tomas Berg spoke for the crews. "
        "\u201cNobody crosses until the council listens,\u201d Tomas Berg said.\n"),
}
"""Three articles of one title in three folders; Mara Lind speaks in all three, Tomas Berg in two."""


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    for name, text in articles.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def warm_cache(data_dir: Path, folder: Path, names: dict[str, str] = NAMES) -> None:
    """Put the stand-in analysis of every article under ``folder`` in the data dir's analysis cache."""
    with Library(data_dir) as library:
        generation = library.generation
    cache = AnalysisCache(data_dir / "cache", generation)
    analyzer = NameAnalyzer(names)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            article = load(path)
            cache.put(article.content_id, analyzer.analyze(article.text))
