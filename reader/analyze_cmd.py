"""``reader analyze``: the analysis JSON of DESIGN.md, for one file or a JSONL batch."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from typing import Any

from notes.errors import StoreError
from reader import paths
from reader.core import Core
from reader.errors import ReaderError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader analyze",
                                     description="Find actors and quotations without opening the window.")
    parser.add_argument("file", nargs="?", help="the article to analyse")
    parser.add_argument("--json", action="store_true", help="print the analysis JSON")
    parser.add_argument("--batch", metavar="IN.jsonl",
                        help='analyse each line {"id": …, "text": …} verbatim; one JSON line out per line in')
    parser.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    return parser


def run(args: argparse.Namespace) -> int:
    if bool(args.file) == bool(args.batch):
        raise ReaderError("analyze needs a FILE or --batch IN.jsonl (not both)")
    if args.batch:
        return _batch(args)
    return _single(args)


def _single(args: argparse.Namespace) -> int:
    with Core(paths.data_dir(args.data_dir), model=args.model, cache=not args.no_cache, read_only=True) as core:
        article = core.load(args.file)
        try:
            core.start()  # read-only: for the corrections; creates nothing
        except StoreError as err:  # a damaged store must not stop a read-only analysis
            print(f"reader: note store not used ({err})", file=sys.stderr)
        analysis = core.analyse(article)
    out: dict[str, Any] = {
        "id": article.source,
        "article": {"title": article.title, "date": article.date, "format": article.format, "text": article.text},
        **analysis.to_json(),
    }
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    names = {a.id: a.name for a in analysis.actors}
    counts = Counter(m.actor for m in analysis.mentions)
    described = Counter(r.actor for r in analysis.references)
    print(article.title)
    if article.date:
        print(article.date)
    print(f"\nActors ({len(analysis.actors)}):")
    for a in sorted(analysis.actors, key=lambda a: -(counts[a.id] + described[a.id])):
        role = f", {a.role}" if a.role else ""
        phrases = f" (+{described[a.id]} by description)" if described[a.id] else ""
        print(f"  {a.name} ({a.kind}{role}) ×{counts[a.id]}{phrases}")
    print(f"\nQuotes ({len(analysis.quotes)}):")
    for q in analysis.quotes:
        said = article.text[q.start:q.end]
        short = said if len(said) <= 90 else said[:87] + "…"
        print(f"  {names.get(q.speaker or '', 'unknown')}: {short}")
    return 0


def _batch(args: argparse.Namespace) -> int:
    items = _read_batch(args.batch)
    started = time.monotonic()
    total = len(items)
    with Core(paths.data_dir(args.data_dir), model=args.model, cache=False) as core:
        analyses = core.analyse_texts(t for _, t in items)
        for done, (item_id, analysis) in enumerate(zip((i for i, _ in items), analyses), 1):
            sys.stdout.write(json.dumps({"id": item_id, **analysis.to_json()}, ensure_ascii=False) + "\n")
            if done % 10 == 0 or done == total:
                print(f"analysed {done}/{total} ({time.monotonic() - started:.1f} s)", file=sys.stderr)
    sys.stdout.flush()
    return 0


def _read_batch(path: str) -> list[tuple[Any, str]]:
    """Read and check every line before any output, so bad input never half-writes."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ReaderError(f"{path}: cannot read it as UTF-8 JSON lines ({err})") from None
    items: list[tuple[Any, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            raise ReaderError(f"{path}:{number}: not a JSON object") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise ReaderError(f'{path}:{number}: each line must be an object with a "text" string')
        items.append((obj.get("id"), obj["text"]))
    return items
