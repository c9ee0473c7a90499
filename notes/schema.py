"""Checks that a stored record has the shape of its dataclass, cheaply enough for 50,000 at load.

A store file is refused as a whole when any record fails: starting with part of the
user's notes silently missing would be worse than a clear message.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, get_args

from notes.records import SEQ, Annotation, Correction, CorrectionAction, DocumentRecord, Selector, Status

SCHEMA_VERSION = 1
"""Version of the store's file format; files with a higher version are refused."""

TABLES = ("documents", "annotations", "corrections")
META_TABLE = "meta"

_KEYS = {
    # Documents of stores written before the analysis's actors moved to the search index hold them.
    "documents": frozenset(f.name for f in fields(DocumentRecord)) | {SEQ, "actors"},
    "annotations": frozenset(f.name for f in fields(Annotation)) | {SEQ},
    "corrections": frozenset(f.name for f in fields(Correction)) | {SEQ},
}
_REQUIRED = {
    "documents": frozenset({"id", "path", "content_id"}),
    "annotations": frozenset({"id", "document", "selector"}),
    "corrections": frozenset({"id", "action", "actor"}),
}
_SELECTOR_KEYS = frozenset(f.name for f in fields(Selector))
_STATUSES = frozenset(get_args(Status))
_ACTIONS = frozenset(get_args(CorrectionAction))


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def problem(table: str, rec: Any) -> str | None:
    """What is wrong with ``rec`` as a row of ``table``, or ``None`` when it is sound."""
    if not isinstance(rec, dict):
        return "is not an object"
    keys = rec.keys()
    if not _REQUIRED[table] <= keys:
        return f"lacks {', '.join(sorted(_REQUIRED[table] - keys))}"
    if not keys <= _KEYS[table]:
        return f"has unknown fields {', '.join(sorted(keys - _KEYS[table]))}"
    if not isinstance(rec["id"], str) or not rec["id"]:
        return "has no id"
    if SEQ in rec and not (_int(rec[SEQ]) and rec[SEQ] >= 0):
        return "has a bad sequence number"
    if table == "annotations":
        sel = rec["selector"]
        if not isinstance(sel, dict) or sel.keys() != _SELECTOR_KEYS:
            return "has a malformed selector"
        if not all(isinstance(sel[k], str) for k in ("exact", "prefix", "suffix")):
            return "has a selector whose texts are not strings"
        if not (_int(sel["start"]) and _int(sel["end"]) and 0 <= sel["start"] <= sel["end"]):
            return "has a selector with bad offsets"
        if not isinstance(rec["document"], str):
            return "has a document that is not a string"
        for key in ("color", "note", "created", "updated", "original"):
            if key in rec and not isinstance(rec[key], str):
                return f"has a {key} that is not a string"
        if not _str_list(rec.get("tags", [])) or not _str_list(rec.get("actors", [])):
            return "has tags or actors that are not lists of strings"
        if rec.get("status", "anchored") not in _STATUSES:
            return "has an unknown status"
        if not isinstance(rec.get("target"), dict | None):
            return "has a target that is not an object"
    elif table == "documents":
        for key in ("path", "content_id", "title", "last_opened"):
            if key in rec and not isinstance(rec[key], str):
                return f"has a {key} that is not a string"
        if not isinstance(rec.get("date"), str | None) or not _int(rec.get("position", 0)):
            return "has a bad date or position"
        if not _str_list(rec.get("actors", [])):
            return "has actors that are not a list of strings"
    else:
        if rec["action"] not in _ACTIONS or not isinstance(rec["actor"], str):
            return "has an unknown action or actor"
        if not isinstance(rec.get("value"), str | None) or not isinstance(rec.get("document"), str | None):
            return "has a value or document that is not a string"
    return None
