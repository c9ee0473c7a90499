"""Quotations as Markdown or CSV, each with its article, date and a way back to the place it stands.

The way back is the file's path and the quotation's offsets ``[start, end)`` in the
article's text (DESIGN.md, "Coordinates"), so a script or a later Reader can open the
article at the quotation. Quotation and titles are article text, not Markdown: they are
escaped as the note export escapes passages.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from notes.markdown_export import code_span, escape
from reader.library.records import QuoteRow

CSV_FIELDS = ("text", "speaker", "document", "title", "date", "start", "end", "path")


def to_markdown(rows: Sequence[QuoteRow], heading: str) -> str:
    """The quotations in the order given, under one heading, grouped by article."""
    articles = len({r.document for r in rows})
    dates = sorted(r.date for r in rows if r.date)
    span = f", {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else (f", {dates[0]}" if dates else "")
    lines = [f"# {escape(heading)}", "",
             f"{len(rows)} quotation{'s' * (len(rows) != 1)} from {articles} article{'s' * (articles != 1)}{span}."]
    current: str | None = None
    for row in rows:
        if row.document != current:
            current = row.document
            title = escape(row.title or Path(row.path).name)
            lines += ["", f"## {row.date} · {title}" if row.date else f"## {title}", "", code_span(row.path)]
        quote = [f"> {escape(line)}".rstrip() for line in row.text.strip().splitlines()]
        speaker = escape(row.speaker) if row.speaker else "*speaker unknown*"
        lines += ["", *(quote or [">"]), ">", f"> — {speaker} · characters {row.start}–{row.end}"]
    return "\n".join(lines) + "\n"


def to_csv(rows: Sequence[QuoteRow]) -> str:
    """One line per quotation with :data:`CSV_FIELDS` (RFC 4180, header first)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for row in rows:
        writer.writerow([row.text, row.speaker or "", row.document, row.title, row.date or "", row.start, row.end,
                         row.path])
    return out.getvalue()
