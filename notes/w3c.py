"""W3C Web Annotation Data Model (JSON-LD) export and import, so notes can leave and come back.

An annotation becomes ``{"type": "Annotation", "id": "urn:uuid:…", "motivation", "body",
"target"}`` with a ``TextQuoteSelector`` and a ``TextPositionSelector`` on a ``file://``
source; the note is a ``TextualBody`` with purpose ``commenting`` (Markdown), each tag
one with purpose ``tagging``; the colour is the target's ``styleClass`` with a small
``CssStylesheet``. Import reads a list, a single annotation, an ``AnnotationPage`` or an
``AnnotationCollection``; ids come back exactly as they were exported.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from notes.errors import StoreError
from notes.records import COLORS, CONTEXT_CHARS, Annotation, Selector, now_iso

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_CSS = {"yellow": "#fff59d", "green": "#c5e1a5", "blue": "#90caf9", "pink": "#f8bbd0", "purple": "#ce93d8"}
_HEX_ID = re.compile(r"[0-9a-f]{32}")


class W3CFormatError(StoreError):
    """A JSON-LD file that is not Web Annotations this importer understands."""


def _iri(annotation_id: str) -> str:
    return f"urn:uuid:{uuid.UUID(annotation_id)}" if _HEX_ID.fullmatch(annotation_id) else annotation_id


def _from_iri(iri: str) -> str:
    if iri.lower().startswith("urn:uuid:"):
        try:
            return uuid.UUID(iri[9:]).hex
        except ValueError:
            pass
    return iri


def file_url(path: str) -> str:
    return Path(path).as_uri() if Path(path).is_absolute() else path


def path_from_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        raise ValueError("target.source must be a file:// URL")
    return unquote(parsed.path)


def to_jsonld(annotation: Annotation) -> dict[str, Any]:
    """One annotation as a W3C Web Annotation."""
    sel = annotation.selector
    body: list[dict[str, Any]] = []
    if annotation.note:
        body.append({"type": "TextualBody", "value": annotation.note, "format": "text/markdown",
                     "purpose": "commenting"})
    body.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in annotation.tags)
    if annotation.original:  # the words as highlighted, before the article changed
        body.append({"type": "TextualBody", "value": annotation.original, "purpose": "describing"})
    return {
        "@context": CONTEXT,
        "id": _iri(annotation.id),
        "type": "Annotation",
        "motivation": "commenting" if annotation.note else "highlighting",
        "created": annotation.created,
        "modified": annotation.updated,
        "body": body,
        "stylesheet": {"type": "CssStylesheet",
                       "value": f".{annotation.color} {{ background-color: {_CSS.get(annotation.color, '#fff59d')} }}"},
        "target": {
            "source": file_url(annotation.document),
            "styleClass": annotation.color,
            "selector": [
                {"type": "TextQuoteSelector", "exact": sel.exact, "prefix": sel.prefix, "suffix": sel.suffix},
                {"type": "TextPositionSelector", "start": sel.start, "end": sel.end},
            ],
        },
    }


def export(annotations: list[Annotation]) -> dict[str, Any]:
    """An ``AnnotationCollection`` holding every annotation in one page."""
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Reader notes",
        "total": len(annotations),
        "first": {"type": "AnnotationPage", "startIndex": 0,
                  "items": [to_jsonld(a) for a in annotations]},
    }


def _page_items(page: dict[str, Any]) -> list[Any]:
    items = page.get("items")
    return list(items) if isinstance(items, list) else []


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return list(data)
    if not isinstance(data, dict):
        raise W3CFormatError("expected a list of annotations or an AnnotationCollection")
    kind = data.get("type")
    if kind == "Annotation":
        return [data]
    if kind == "AnnotationPage":
        return _page_items(data)
    if kind == "AnnotationCollection":
        if isinstance(data.get("items"), list):
            return _page_items(data)
        found: list[Any] = []
        page = data.get("first")
        while isinstance(page, dict):  # embedded pages only; linked pages are not fetched
            found.extend(_page_items(page))
            page = page.get("next")
        return found
    raise W3CFormatError(f"expected an Annotation, AnnotationPage or AnnotationCollection, found type {kind!r}")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def from_jsonld(item: Any) -> Annotation:
    """One W3C Web Annotation as an :class:`Annotation`; ``ValueError`` says what is missing."""
    if not isinstance(item, dict):
        raise ValueError("not an object")
    if not isinstance(item.get("id"), str) or not item["id"]:
        raise ValueError("has no id")
    targets = [t for t in _as_list(item.get("target")) if isinstance(t, dict)]
    if not targets:
        raise ValueError("has no target with a source")
    target = targets[0]
    if not isinstance(target.get("source"), str):
        raise ValueError("has no target.source")
    document = path_from_url(target["source"])
    quote: dict[str, Any] | None = None
    position: dict[str, Any] | None = None
    for sel in _as_list(target.get("selector")):
        if isinstance(sel, dict) and sel.get("type") == "TextQuoteSelector":
            quote = quote or sel
        elif isinstance(sel, dict) and sel.get("type") == "TextPositionSelector":
            position = position or sel
    if quote is None and position is None:
        raise ValueError("has neither a TextQuoteSelector nor a TextPositionSelector")
    exact = str((quote or {}).get("exact", ""))
    if position is not None:
        start, end = position.get("start"), position.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end:
            raise ValueError("has a TextPositionSelector without sound start and end")
    else:
        start, end = 0, len(exact)  # placed by its quote when the document is next opened
    selector = Selector(exact, str((quote or {}).get("prefix", ""))[-CONTEXT_CHARS:],
                        str((quote or {}).get("suffix", ""))[:CONTEXT_CHARS], start, end)
    notes, tags, original = [], [], ""
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict) or body.get("type", "TextualBody") != "TextualBody":
            continue
        value = body.get("value")
        if not isinstance(value, str):
            continue
        purposes = _as_list(body.get("purpose")) or [item.get("motivation")]
        if "tagging" in purposes:
            tags.append(value)
        elif "describing" in purposes:
            original = original or value
        else:
            notes.append(value)
    color = target.get("styleClass")
    now = now_iso()
    return Annotation(
        document=document, selector=selector,
        color=color if color in COLORS else COLORS[0],
        note="\n\n".join(notes), tags=list(dict.fromkeys(tags)),
        id=_from_iri(item["id"]),
        created=item["created"] if isinstance(item.get("created"), str) else now,
        updated=item["modified"] if isinstance(item.get("modified"), str) else now,
        status="anchored" if quote is not None else "orphaned",
        original=original,
    )


def parse(data: Any, name: str = "the file") -> list[Annotation]:
    """Every annotation of a JSON-LD document; the whole file is refused if one cannot be read."""
    result = []
    for number, item in enumerate(_items(data), 1):
        try:
            result.append(from_jsonld(item))
        except ValueError as err:
            raise W3CFormatError(f"{name}: annotation {number} {err}") from None
    return result
