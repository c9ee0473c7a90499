"""``reader quotes``: what was said across the library, searchable, and exported as Markdown or CSV.

Answers from the library index without loading the language model (or Qt).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from reader.actors_cmd import warn_unanalysed
from reader.errors import ReaderError
from reader.library import Library


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader quotes",
                                     description="Quotations across every article of the library, in date order "
                                                 "(text, speaker, document, title, date, start, end).")
    parser.add_argument("text", nargs="?", default="", metavar="TEXT",
                        help='words the quotation contains (all of them; "a phrase"; word* for a prefix)')
    parser.add_argument("--speaker", metavar="NAME",
                        help="said by this actor (full name, an alias, or a surname for everyone of that name)")
    parser.add_argument("--after", type=_day, metavar="DATE", help="in articles dated after DATE (YYYY-MM-DD)")
    parser.add_argument("--before", type=_day, metavar="DATE", help="in articles dated before DATE (YYYY-MM-DD)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON array")
    out.add_argument("--format", choices=("markdown", "csv"),
                     help="export as Markdown or CSV, with a link back to each quotation")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write the export to FILE (atomically) instead of stdout")
    return parser


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def run(args: argparse.Namespace) -> int:
    if args.output and not args.format:
        raise ReaderError("--output needs --format markdown or --format csv")
    with Library(args.data_dir) as library:
        speakers = library.speakers(args.speaker) if args.speaker is not None else None
        rows = library.quotes(args.text, speaker_ids=speakers, after=args.after, before=args.before)
        if args.json:
            json.dump([r.to_json() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        elif args.format:
            from reader.library.export import to_csv, to_markdown

            heading = f"Quotations of {args.speaker}" if args.speaker else "Quotations"
            if args.text:
                heading += f" matching {args.text}"
            _write(to_markdown(rows, heading) if args.format == "markdown" else to_csv(rows), args.output)
        else:
            for r in rows:
                print(f"{r.date or 'undated':10}  {r.speaker or 'unknown speaker'}: {r.text}\n"
                      f"{'':12}{r.title} ({r.path}, {r.start}–{r.end})")
        if speakers == []:
            print(f"reader: no actor in the library is called {args.speaker!r} (see: reader actors)", file=sys.stderr)
        else:
            warn_unanalysed(library, empty=not rows)
    return 0


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from notes.atomic import write_atomic

    path = Path(output)
    if path.is_dir():
        raise ReaderError(f"{path} is a folder; give a file name")
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as err:
        raise ReaderError(f"cannot write {path}: {err.strerror or err}") from None
