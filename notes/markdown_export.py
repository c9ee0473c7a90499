"""Notes as one Markdown page, to paste into Obsidian, a wiki or a plain text file.

Articles are sections in title order; each passage is a block quote followed by its
colour, date and target, then the note as the user wrote it, then its tags as ``#tags``.
The passage is escaped (it is article text, not Markdown). The note keeps its Markdown
but is disarmed, because an export is rendered elsewhere: raw HTML shows as text
(``<script>``, ``<img src=file:…>``), and a link or image to anything but the web
(``file:``, ``javascript:``, ``data:``, a relative path) is no longer a link.
Orphaned passages — no longer found in their article — are kept, last, and marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from notes.records import Annotation, DocumentRecord
from notes.textfold import fold

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#~|])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=])", re.MULTILINE)
_TAG_UNSAFE = re.compile(r"[^\w/-]+")
_UNSAFE_TARGET = re.compile(r"\]\((?![ \t]*<?(?:https?|mailto):)", re.IGNORECASE)
"""A link or image whose target is not on the web: another scheme, or a relative path that
would name a local file wherever the export is opened."""
_UNSAFE_DEFINITION = re.compile(r"^( {0,3})\[(?=[^\]\n]+\]:(?![ \t]*<?(?:https?|mailto):))",
                                re.IGNORECASE | re.MULTILINE)
"""A reference definition (``[id]: file:///…``) with such a target."""


def to_markdown(annotations: list[Annotation], documents: list[DocumentRecord]) -> str:
    """The annotations grouped by article, as Markdown (see the module docstring)."""
    known = {doc.id: doc for doc in documents}
    groups: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        groups.setdefault(annotation.document, []).append(annotation)

    def article_order(doc_id: str) -> tuple[int, str, str]:
        doc = known.get(doc_id)
        return (0, fold(doc.title or doc.path), doc_id) if doc else (1, "", doc_id)

    passages = len(annotations)
    lines = ["# Notes from Reader", "", f"{passages} passage{'s' * (passages != 1)} "
             f"from {len(groups)} article{'s' * (len(groups) != 1)}."]
    for doc_id in sorted(groups, key=article_order):
        lines += ["", *_article_heading(doc_id, known.get(doc_id))]
        ordered = sorted(groups[doc_id], key=lambda a: (a.status == "orphaned", a.selector.start, a.created))
        for annotation in ordered:
            lines += ["", *_passage(annotation)]
    return "\n".join(lines) + "\n"


def _article_heading(doc_id: str, doc: DocumentRecord | None) -> list[str]:
    if doc is None:
        return ["## Unknown article", "", f"Document {code_span(doc_id)} is no longer in the library."]
    details = [doc.date] if doc.date else []
    details.append(code_span(doc.path))
    return [f"## {escape(doc.title or doc.path)}", "", " · ".join(details)]


def _passage(annotation: Annotation) -> list[str]:
    quote = [f"> {escape(line)}".rstrip() for line in annotation.selector.exact.strip().splitlines()]
    about = [f"*{annotation.color}*", annotation.created[:10]]
    target = annotation.target or {}
    if target.get("type") == "quote" and target.get("speaker"):
        about.append(f"quote by {escape(str(target['speaker']))}")
    elif target.get("type") == "actor" and target.get("actor"):
        about.append(f"on {escape(str(target['actor']))}")
    if annotation.status == "orphaned":
        about.append("**orphaned**: no longer found in the article")
    if annotation.original:
        about.append(f"highlighted as “{escape(' '.join(annotation.original.split()))}”")
    block = [*(quote or [">"]), ">", f"> — {' · '.join(about)}"]
    if annotation.note.strip():
        block += ["", _disarm(annotation.note.strip())]
    tags = _tags(annotation.tags)
    if tags:
        block += ["", tags]
    return block


def _tags(tags: Iterable[str]) -> str:
    """``#tag`` words; characters a tag cannot hold in Obsidian become hyphens."""
    cleaned = (_TAG_UNSAFE.sub("-", tag.strip().lstrip("#")).strip("-") for tag in tags)
    return " ".join(f"#{tag}" for tag in cleaned if tag)


def escape(text: str) -> str:
    """Article text that Markdown shows literally: no emphasis, links, tags or lists."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", text)


def _disarm(note: str) -> str:
    """The note's Markdown with raw HTML shown as text and non-web links made plain.

    Code spans get the same treatment (where a ``<`` then shows as ``&lt;``): renderers
    disagree on where code starts and ends (Python-Markdown reads raw HTML at line starts
    before it looks for code, and knows no fenced blocks), so no span is trusted to be code.
    """
    note = _UNSAFE_TARGET.sub(r"]\\(", note)
    note = _UNSAFE_DEFINITION.sub(lambda m: m.group(1) + "\\[", note)
    return note.replace("<", "&lt;")


def code_span(text: str) -> str:
    """An inline code span that holds ``text`` whatever backticks it contains."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"
