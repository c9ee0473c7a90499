"""Every note as text in one of the export formats, for the command line and the window alike."""

from __future__ import annotations

import json

from notes.records import Annotation, DocumentRecord

FORMATS = ("markdown", "w3c")


def render(fmt: str, annotations: list[Annotation], documents: list[DocumentRecord]) -> str:
    """Markdown grouped by article, or W3C Web Annotation JSON-LD that ``notes import`` reads back."""
    if fmt == "w3c":
        from notes import w3c

        return json.dumps(w3c.export(annotations), ensure_ascii=False, indent=1) + "\n"
    if fmt == "markdown":
        from notes.markdown_export import to_markdown

        return to_markdown(annotations, documents)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
