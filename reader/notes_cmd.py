"""``reader notes``: the note store from the command line (add, list, search, export, import).

Headless: loads neither Qt nor spaCy. Failures reach the CLI as ``StoreError`` /
``ReaderError`` and are shown as one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from notes.export import FORMATS
from notes.records import COLORS, Annotation
from notes.store import document_id
from reader import paths
from reader.core import Core
from reader.core.exchange import read_jsonld
from reader.core.highlights import new_annotation
from reader.errors import ReaderError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader notes", description="Highlights, notes and tags, headless.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    add = sub.add_parser("add", help="highlight a passage of FILE, with an optional note and tags")
    add.add_argument("file", metavar="FILE")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", metavar="TEXT", help="the passage, which must occur exactly once")
    where.add_argument("--start", type=int, metavar="S", help="start offset in the article text")
    add.add_argument("--end", type=int, metavar="E", help="end offset (with --start)")
    add.add_argument("--color", default=COLORS[0], choices=COLORS)
    add.add_argument("--note", default="", metavar="TEXT", help="the note, in Markdown")
    add.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    add.add_argument("--json", action="store_true", help="print the new annotation as JSON")

    lst = sub.add_parser("list", help="the annotations of FILE, or of every article")
    lst.add_argument("file", nargs="?", metavar="FILE")
    lst.add_argument("--json", action="store_true")

    search = sub.add_parser("search", help='search notes, passages, tags, titles, actors (tag:x, "a phrase", …)')
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true")

    export = sub.add_parser("export", help="every note as Markdown or W3C Web Annotation JSON-LD")
    export.add_argument("--format", choices=FORMATS, default="markdown")
    export.add_argument("output", nargs="?", metavar="FILE", help="write here (atomically) instead of stdout")

    imp = sub.add_parser("import", help="read W3C Web Annotations (JSON-LD); known ids are updated, not duplicated")
    imp.add_argument("input", metavar="FILE.jsonld")
    restore = sub.add_parser("restore", help="replace a damaged store with a backup (the newest when none is named)")
    restore.add_argument("backup", nargs="?", metavar="BACKUP", help="a file listed by --list")
    restore.add_argument("--list", action="store_true", help="list the backups, newest first, and change nothing")
    for command in (add, lst, search, export, imp, restore):
        # also accepted after the sub-command; the CLI adds the same option before it
        command.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                             help="folder of the note store (default: the user data dir, or $READER_DATA_DIR)")
    return parser


def run(args: argparse.Namespace) -> int:
    commands = {"add": _add, "list": _list, "search": _search, "export": _export, "import": _import,
                "restore": _restore}
    return commands[args.command](args)


@contextmanager
def _core(args: argparse.Namespace, *, read_only: bool = False) -> Iterator[Core]:
    """The core over the chosen data dir, its store open (a damaged one ends the command)."""
    with Core(paths.data_dir(args.data_dir), read_only=read_only) as core:
        core.start()
        yield core


def listing(a: Annotation) -> dict[str, Any]:
    """The fields ``notes list --json`` promises."""
    s = a.selector
    return {"id": a.id, "document": a.document, "exact": s.exact, "start": s.start, "end": s.end,
            "color": a.color, "note": a.note, "tags": a.tags, "created": a.created,
            "updated": a.updated, "status": a.status}


def _print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def _span(args: argparse.Namespace, text: str) -> tuple[int, int]:
    if args.quote is not None:
        if not args.quote:
            raise ReaderError("--quote needs some text")
        hits = []
        pos = text.find(args.quote)
        while pos >= 0:
            hits.append(pos)
            pos = text.find(args.quote, pos + 1)
        if not hits:
            raise ReaderError(f"{args.file}: the quoted text does not occur in the article")
        if len(hits) > 1:
            shown = ", ".join(str(h) for h in hits[:5]) + (", …" if len(hits) > 5 else "")
            raise ReaderError(f"{args.file}: the quoted text occurs {len(hits)} times (at {shown}); "
                              "use --start/--end to choose one")
        return hits[0], hits[0] + len(args.quote)
    if args.end is None:
        raise ReaderError("--start needs --end")
    if not 0 <= args.start < args.end <= len(text):
        raise ReaderError(f"--start/--end must satisfy 0 <= start < end <= {len(text)} (the text's length)")
    return args.start, args.end


def _add(args: argparse.Namespace) -> int:
    if args.end is not None and args.start is None:
        raise ReaderError("--end needs --start")
    article = Core.load(args.file)
    start, end = _span(args, article.text)
    with _core(args) as core:
        record = core.register(article)
        note = core.add_note(new_annotation(article.text, record.id, start, end, args.color, note=args.note,
                                            tags=args.tag))
    if args.json:
        _print_json(listing(note))
    else:
        print(note.id)
    return 0


def _list(args: argparse.Namespace) -> int:
    with _core(args, read_only=True) as core:
        notes = core.notes(document_id(args.file) if args.file else None)
    if args.json:
        _print_json([listing(a) for a in notes])
        return 0
    for a in notes:
        where = f"{a.document}:{a.selector.start}-{a.selector.end}"
        extra = f" [{a.status}]" if a.status != "anchored" else ""
        tags = f" #{' #'.join(a.tags)}" if a.tags else ""
        print(f"{a.id}  {a.color:<6} {where}{extra}{tags}\n    “{_short(a.selector.exact)}”")
        if a.note:
            print(f"    {_short(a.note)}")
    return 0


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _search(args: argparse.Namespace) -> int:
    with _core(args, read_only=True) as core:
        hits = core.search(args.query, args.limit)
    if args.json:
        _print_json([h.to_json() for h in hits])
        return 0
    for h in hits:
        print(f"{h.annotation.id}  {h.score:.2f}  {h.annotation.document}\n    {_short(h.snippet)}")
    return 0


def _export(args: argparse.Namespace) -> int:
    with _core(args, read_only=True) as core:
        if args.output is None:
            text, _count = core.export_notes(args.format)
            sys.stdout.write(text)
            return 0
        out = Path(args.output)
        count = core.export_notes_to(args.format, out)
    print(f"exported {count} notes to {out}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    notes = read_jsonld(args.input)
    with _core(args) as core:
        added, replaced = core.import_notes(notes)
    print(f"imported {added} new and {replaced} known annotations from {args.input}", file=sys.stderr)
    return 0


def _restore(args: argparse.Namespace) -> int:
    with Core(paths.data_dir(args.data_dir)) as core:  # not started: the store may be damaged
        if args.list:
            for b in core.backups():
                print(b)
            return 0
        chosen = core.restore_backup(Path(args.backup) if args.backup else None)
    print(f"restored {chosen}; the replaced file was kept beside it as {core.store_path.name}.damaged-…",
          file=sys.stderr)
    return 0
