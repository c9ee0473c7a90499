"""``reader notes``: the note store from the command line (add, list, search, export, import).

Headless: loads neither Qt nor spaCy. Failures reach the CLI as ``StoreError`` /
``ReaderError`` and are shown as one line.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notes.export import FORMATS
from notes.records import COLORS, Annotation, DocumentRecord, Selector
from reader import paths
from reader.errors import ReaderError

if TYPE_CHECKING:
    from notes.store import NoteStore
    from reader.document import Article


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
    store_path = paths.store_path(args.data_dir)
    if args.command == "add":
        return _add(args, store_path)
    if args.command == "list":
        return _list(args, store_path)
    if args.command == "search":
        return _search(args, store_path)
    if args.command == "export":
        return _export(args, store_path)
    if args.command == "restore":
        return _restore(args, store_path)
    return _import(args, store_path)


def _store(path: Path, *, read_only: bool = False) -> NoteStore:
    from notes.store import NoteStore

    return NoteStore(path, read_only=read_only)


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


def _add(args: argparse.Namespace, store_path: Path) -> int:
    from reader.document import load

    if args.end is not None and args.start is None:
        raise ReaderError("--end needs --start")
    article = load(args.file)
    start, end = _span(args, article.text)
    tags = list(dict.fromkeys(t.strip() for t in args.tag if t.strip()))
    with _store(store_path) as store:
        doc = store.touch_document(article.source or args.file, article.content_id, article.title,
                                   article.date, text=article.text)
        note = store.add(Annotation(document=doc.id, selector=Selector.from_text(article.text, start, end),
                                    color=args.color, note=args.note, tags=tags))
    if args.json:
        _print_json(listing(note))
    else:
        print(note.id)
    return 0


def _list(args: argparse.Namespace, store_path: Path) -> int:
    from notes.store import document_id

    with _store(store_path, read_only=True) as store:
        notes = store.annotations(document_id(args.file) if args.file else None)
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


def _search(args: argparse.Namespace, store_path: Path) -> int:
    # The index beside the store (derived, kept current by whoever wrote) answers a fresh
    # process in a fraction of the seconds that indexing every note would take.
    with _store(store_path, read_only=True) as store:
        hits = store.search(args.query, args.limit)
    if args.json:
        _print_json([h.to_json() for h in hits])
        return 0
    for h in hits:
        print(f"{h.annotation.id}  {h.score:.2f}  {h.annotation.document}\n    {_short(h.snippet)}")
    return 0


def _export(args: argparse.Namespace, store_path: Path) -> int:
    with _store(store_path, read_only=True) as store:
        notes, docs = store.annotations(), store.documents()
    from notes.export import render

    text = render(args.format, notes, docs)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    from notes.atomic import write_atomic

    out = Path(args.output)
    if out.is_dir():
        raise ReaderError(f"{out} is a folder; give a file name")
    try:
        write_atomic(out, text.encode("utf-8", "surrogatepass"))
    except OSError as err:
        raise ReaderError(f"{out}: cannot write it ({err.strerror or err})") from None
    print(f"exported {len(notes)} notes to {out}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, store_path: Path) -> int:
    from notes import w3c

    try:
        data = json.loads(Path(args.input).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReaderError(f"{args.input}: no such file") from None
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise ReaderError(f"{args.input}: not a JSON-LD file ({err})") from None
    notes = w3c.parse(data, args.input)
    articles = {doc_id: _try_load(doc_id) for doc_id in dict.fromkeys(a.document for a in notes)}
    notes = [_place(a, articles[a.document]) for a in notes]
    with _store(store_path) as store:
        for doc_id, article in articles.items():
            if store.document(doc_id) is None:
                store.put_document(DocumentRecord(
                    doc_id, doc_id, article.content_id if article else "",
                    title=article.title if article else Path(doc_id).name, date=article.date if article else None))
        added, replaced = store.put_many(notes)
    print(f"imported {added} new and {replaced} known annotations from {args.input}", file=sys.stderr)
    return 0


def _try_load(doc_id: str) -> Article | None:
    """The article an import refers to, if it is still there (its notes wait as they are if not)."""
    from reader.document import load

    try:
        return load(doc_id)
    except ReaderError:
        return None


def _place(a: Annotation, article: Article | None) -> Annotation:
    """Place an imported note in the article's current text (a position-only one gets its quote)."""
    if article is None:
        return a
    s = a.selector
    if not s.exact:
        if s.end <= len(article.text) and s.start < s.end:
            return dataclasses.replace(a, selector=Selector.from_text(article.text, s.start, s.end),
                                       status="anchored")
        return dataclasses.replace(a, status="orphaned")
    from notes.anchoring import reanchor

    return reanchor(a, article.text)


def _restore(args: argparse.Namespace, store_path: Path) -> int:
    from notes.store import NoteStore

    backups = NoteStore.backups(store_path)
    if args.list:
        for b in backups:
            print(b)
        return 0
    chosen = Path(args.backup) if args.backup else (backups[0] if backups else None)
    if chosen is None:
        raise ReaderError(f"no backups of {store_path} yet")
    if not chosen.is_file():
        raise ReaderError(f"{chosen}: no such backup")
    NoteStore.restore_backup(store_path, chosen)
    print(f"restored {chosen}; the replaced file was kept beside it as {store_path.name}.damaged-…",
          file=sys.stderr)
    return 0
