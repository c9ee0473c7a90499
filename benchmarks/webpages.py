"""Body extraction from saved web pages: quality and time per page, beside the previous extractor; prints JSON.

    python benchmarks/webpages.py [--pages DIR] [--repeat N] [--big-mb 1.0]

- ``quality``: over the test pages written for the project (``tests/document/webpages``,
  each ``NAME.html`` with its hand-written body ``NAME.txt``; ``--pages`` names another
  folder of such pairs, e.g. the held-out set ``benchmarks/data/webpages-heldout``, written
  without looking at Reader's output), the body metric of the
  public article-extraction benchmark the owners score with: 4-grams of ``\\w+`` tokens
  matched as multisets, precision and recall per page, averaged over pages, F1 of the two
  averages. Scored: Reader's ``Article.text`` (what the window shows and the analysis
  reads), the previous hand-written extractor, and trafilatura's own plain text
  (``extract(html, include_comments=False)``, the setting of its published figures) as a
  reference for what Reader's mapping keeps. ``if_title_kept`` scores Reader's text with
  the title put back in front (the first heading Reader leaves out). Pages without a
  ``.txt`` are not articles: they must fall back with a notice.
- ``time``: milliseconds per page for the extraction alone (the text already decoded),
  the new and the previous extractor interleaved ``--repeat`` times, medians of wall and
  CPU time and their ratios; ``trafilatura_floor`` is the page parsed and trafilatura's
  fast extractor alone (no metadata, no mapping), the least any use of it costs;
  ``first_page_ms`` is the first page in a fresh process (imports included).
- ``big_page``: the same on a page of about ``--big-mb`` MB built from a test page with
  the bulk real news pages carry (inline state scripts, icons, mega menus, teasers,
  comments).

The previous extractor was removed from the package; it is loaded from the commit
before its removal (``git show``) into a temporary package, unchanged but for the two
import lines that name its own modules.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "document" / "webpages"
PREVIOUS = "b5b92e3"
"""The last commit with the hand-written extractor (reader/document/webpage.py + htmlblocks.py)."""

_TOKEN = re.compile(r"\w+")
_FIRST_PAGE = """
import sys, time
from pathlib import Path
from reader.document.encoding import decode
text, _ = decode(Path(sys.argv[1]).read_bytes())
started = time.perf_counter()
from reader.document.webpage import parse_html
parse_html(text)
print(time.perf_counter() - started)
"""


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_scores(gold: str, found: str) -> tuple[float | None, float | None]:
    """Precision and recall of one page (``None`` where the benchmark leaves a page out)."""
    g, f = shingles(gold), shingles(found)
    tp = sum((g & f).values())
    fp = sum((f - g).values())
    fn = sum((g - f).values())
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def summary(pairs: list[tuple[float | None, float | None]]) -> dict[str, float]:
    p = statistics.mean(x for x, _ in pairs if x is not None)
    r = statistics.mean(y for _, y in pairs if y is not None)
    return {"f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "precision": round(p, 4), "recall": round(r, 4)}


def previous_extractor() -> Callable[[str], object]:
    """``parse_html`` of commit :data:`PREVIOUS`, in a temporary package of its own.

    Both modules import everything they use when loaded, so the folder can go at once.
    """
    with tempfile.TemporaryDirectory(prefix="reader-previous-") as folder:
        package = Path(folder) / "previous_webpage"
        package.mkdir()
        (package / "__init__.py").write_text("")
        for name in ("webpage", "htmlblocks"):
            source = subprocess.run(["git", "show", f"{PREVIOUS}:reader/document/{name}.py"], cwd=REPO, check=True,
                                    capture_output=True, text=True).stdout
            source = source.replace("from reader.document.htmlblocks import", "from previous_webpage.htmlblocks import")
            (package / f"{name}.py").write_text(source)
        sys.path.insert(0, folder)
        try:
            return importlib.import_module("previous_webpage.webpage").parse_html
        finally:
            sys.path.remove(folder)


def big_page(base: str, megabytes: float) -> str:
    """``base`` with the bulk of a heavy news page added around its article, to ``megabytes``."""
    rnd = random.Random(14)
    words = ("harbour council ferry storm budget weather school road island season crew vote report "
             "minister market price plan club match result concert").split()

    def sentence(n: int) -> str:
        return " ".join(rnd.choice(words) for _ in range(n)).capitalize() + "."

    page = base
    scale = 1
    while len(page.encode()) < megabytes * 1_000_000:
        menu = "".join(f'<li class="menu-item"><a href="/s/{i}">{sentence(2)}</a><ul class="sub">'
                       + "".join(f'<li><a href="/s/{i}/{j}">{sentence(2)}</a></li>' for j in range(8))
                       + "</ul></li>" for i in range(20 * scale))
        icons = "".join(f'<svg class="icon" viewBox="0 0 24 24"><path d="M{i} 0L24 {i}Z"/></svg>'
                        for i in range(50 * scale))
        state = json.dumps({"stories": [{"id": i, "title": sentence(9), "summary": sentence(30)}
                                        for i in range(300 * scale)]})
        teasers = "".join(f'<div class="card"><a href="/n/{i}"><h3>{sentence(7)}</h3></a><p>{sentence(16)}</p>'
                          f'<span class="time">{i} hours ago</span></div>' for i in range(30 * scale))
        comments = "".join(f'<div class="comment"><span class="user">reader{i}</span><p>{sentence(24)}</p>'
                           f'<button>Reply</button></div>' for i in range(25 * scale))
        page = (base.replace('<nav class="main-nav" aria-label="Sections">',
                             f'<nav class="main-nav" aria-label="Sections"><ul class="mega">{menu}</ul>{icons}')
                .replace("</head>", f"<script>window.__STATE__ = {state};</script></head>")
                .replace('<section id="comments" class="comments">',
                         f'<section class="more">{teasers}</section>'
                         f'<section id="comments" class="comments">{comments}'))
        scale += 1
    return page


def timing(pages: list[str], extractors: dict[str, Callable[[str], object]], repeat: int) -> dict:
    """Median ms per page of each extractor, run in turn on each page so load on the machine hits all.

    Wall time (``NAME_ms``) and this process's CPU time (``NAME_cpu_ms``): on a machine
    shared with other jobs the wall time also counts the waits for a core, the CPU time
    does not. Ratios are to ``previous``.
    """
    times: dict[str, list[float]] = {f"{name}{unit}": [] for name in extractors for unit in ("_ms", "_cpu_ms")}
    for _ in range(repeat):
        for text in pages:
            for name, extract in extractors.items():
                wall, cpu = time.perf_counter(), time.process_time()
                extract(text)
                times[f"{name}_cpu_ms"].append((time.process_time() - cpu) * 1000)
                times[f"{name}_ms"].append((time.perf_counter() - wall) * 1000)
    medians = {key: statistics.median(values) for key, values in times.items()}
    report: dict[str, float] = {key: round(value, 2) for key, value in medians.items()}
    for name in extractors:
        if name != "previous":
            report[f"{name}_ratio"] = round(medians[f"{name}_ms"] / medians["previous_ms"], 2)
            report[f"{name}_cpu_ratio"] = round(medians[f"{name}_cpu_ms"] / medians["previous_cpu_ms"], 2)
    return {**report, "runs": repeat * len(pages)}


def trafilatura_floor(text: str) -> object:
    """The least any extraction through trafilatura costs: the page parsed once and its fast extractor.

    No metadata, no mapping to blocks and styles, no fallbacks: what is left of Reader's
    time when all of its own work is taken away. Its options are built once, as Reader does.
    """
    from trafilatura import bare_extraction

    from reader.document.webpage import page_tree

    return bare_extraction(page_tree(text), options=_floor_options())


@functools.cache
def _floor_options() -> object:
    from trafilatura.settings import Extractor

    return Extractor(output_format="xml", fast=True, comments=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--big-mb", type=float, default=1.0)
    parser.add_argument("--pages", type=Path, default=PAGES, help="folder of NAME.html with NAME.txt bodies")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from reader.document.encoding import decode

    paths = sorted(args.pages.glob("*.html"))
    texts = {p.stem: decode(p.read_bytes(), p.name)[0] for p in paths}
    first = subprocess.run([sys.executable, "-c", _FIRST_PAGE, str(paths[0])], cwd=REPO, check=True,
                           capture_output=True, text=True).stdout
    from trafilatura import extract

    from reader.document.webpage import parse_html

    previous = previous_extractor()
    scored: dict[str, list] = {"reader": [], "previous": [], "trafilatura_text": [], "reader_if_title_kept": []}
    pages: dict[str, dict] = {}
    fallbacks: dict[str, str | None] = {}
    for name, text in texts.items():
        article = parse_html(text)
        gold_path = args.pages / f"{name}.txt"
        if not gold_path.exists():
            fallbacks[name] = article.notice
            continue
        gold = gold_path.read_text(encoding="utf-8")
        results = {
            "reader": article.text,
            "previous": previous(text).text,
            "trafilatura_text": extract(text, include_comments=False) or "",
            "reader_if_title_kept": f"{article.title}\n\n{article.text}",
        }
        pages[name] = {}
        for key, found in results.items():
            pair = page_scores(gold, found)
            scored[key].append(pair)
            pages[name][key] = round(2 * pair[0] * pair[1] / (pair[0] + pair[1]), 3) if pair[0] and pair[1] else 0.0
        pages[name]["refused"] = not article.text.strip()
    base = decode((PAGES / "quay-rebuild.html").read_bytes(), "quay-rebuild.html")[0]
    big = big_page(base, args.big_mb)
    extractors = {"reader": parse_html, "previous": previous, "trafilatura_floor": trafilatura_floor}
    report = {
        "pages": len(pages),
        "quality": {key: summary(pairs) for key, pairs in scored.items()},
        "f1_by_page": pages,
        "refused": sum(p["refused"] for p in pages.values()),
        "not_articles": fallbacks,
        "time": timing(list(texts.values()), extractors, args.repeat),
        "first_page_ms": round(float(first) * 1000, 1),
        "big_page": {"mb": round(len(big.encode()) / 1e6, 2),
                     **timing([big], extractors, max(3, args.repeat // 2)),
                     "reader_same_text_as_small_page": parse_html(big).text == parse_html(base).text},
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
