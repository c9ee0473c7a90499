"""Notes in and out: export files written atomically, W3C imports placed in today's text.

Plain functions; the core runs them where the store is (its store lane).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from notes.anchoring import reanchor
from notes.atomic import write_atomic
from notes.records import Annotation, DocumentRecord, Selector
from reader.document import Article, load
from reader.errors import ReaderError


def write_export(path: Path, text: str) -> None:
    """Write an export atomically; a folder or an unwritable place is one clear error."""
    if path.is_dir():
        raise ReaderError(f"{path} is a folder; give a file name")
    try:
        write_atomic(path, text.encode("utf-8", "surrogatepass"))
    except OSError as err:  # name the file the user chose, not the temporary one
        raise ReaderError(f"Cannot write {path}: {err.strerror or err}") from None


def format_for(path: str, chosen: str | None = None) -> str:
    """The export format the user meant: the file's extension first, else ``chosen``, else Markdown."""
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".jsonld", ".json"):
        return "w3c"
    return chosen or "markdown"


def read_jsonld(path: str) -> list[Annotation]:
    """The annotations of a W3C JSON-LD file, or one clear error."""
    from notes import w3c

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise ReaderError(f"{path}: not a JSON-LD file ({err})") from None
    return w3c.parse(data, path)


def try_load(doc_id: str) -> Article | None:
    """The article an import refers to, if it is still there (its notes wait as they are if not)."""
    try:
        return load(doc_id)
    except ReaderError:
        return None


def placed(annotation: Annotation, article: Article | None) -> Annotation:
    """An imported note placed in the article's current text (a position-only one gets its quote)."""
    if article is None:
        return annotation
    s = annotation.selector
    if not s.exact:
        if s.end <= len(article.text) and s.start < s.end:
            return dataclasses.replace(annotation, selector=Selector.from_text(article.text, s.start, s.end),
                                       status="anchored")
        return dataclasses.replace(annotation, status="orphaned")
    return reanchor(annotation, article.text)


def record_for(doc_id: str, article: Article | None) -> DocumentRecord:
    """A document record for an imported note's article, whether or not the file is still there."""
    if article is None:
        return DocumentRecord(doc_id, doc_id, "", title=Path(doc_id).name)
    return DocumentRecord(doc_id, doc_id, article.content_id, title=article.title, date=article.date)
