"""``reader actors``: who appears across the library, one line (or JSON object) per real-world entity.

Answers from the library index without loading the language model (or Qt), in a
fraction of a second at a thousand articles.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.analysis.model import KINDS
from reader.library import Library


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader actors",
                                     description="Actors across every article of the library "
                                                 "(name, kind, aliases, articles, mentions, quotes, notes).")
    parser.add_argument("text", nargs="?", default="", metavar="TEXT",
                        help="only actors whose name or an alias contains TEXT (case and accents ignored)")
    parser.add_argument("--kind", choices=KINDS, help="only people, organisations or places")
    parser.add_argument("--json", action="store_true", help="print one JSON array")
    return parser


def run(args: argparse.Namespace) -> int:
    with Library(args.data_dir) as library:
        rows = library.actors(args.text, args.kind)
        if args.json:
            json.dump([r.to_json() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            for r in rows:
                role = f", {r.role}" if r.role else ""
                aliases = f" — also {', '.join(r.aliases)}" if r.aliases else ""
                print(f"{r.name} ({r.kind}{role}): {_n(r.articles, 'article')}, {_n(r.mentions, 'mention')}, "
                      f"{_n(r.quotes, 'quote')}, {_n(r.notes, 'note')}{aliases}")
        warn_unanalysed(library, empty=not rows)
    return 0


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def warn_unanalysed(library: Library, *, empty: bool) -> None:
    """One line on stderr when the answer may be incomplete: articles await (re)analysis, or there are none."""
    left = library.unanalysed()
    if left:
        print(f"reader: {_n(left, 'article')} of the library {'has' if left == 1 else 'have'} no current analysis "
              "and may be missing here (run: reader library update)", file=sys.stderr)
    elif empty and not library.articles():
        print("reader: the library is empty; add articles with: reader library add FOLDER", file=sys.stderr)
