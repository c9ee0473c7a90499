"""Markdown source set right before Python-Markdown reads it, where it would read lines
otherwise than their writer meant: a paragraph set line by line (a signature, an address) that
it would run into one line, and a list typed on the line after a line of text, which it would
run into the text ("Steps: - one - two"; CommonMark starts a list there). Fenced code is left
as it is. No Qt: the loader of ``.md`` files and the window's note preview both use it."""

from __future__ import annotations

import re

_FENCE = re.compile(r" {0,3}(?:```|~~~)")
_BLOCK_SYNTAX = re.compile(r"[ \t]*(?:[#>|*+-]|\d+[.)])|[ \t]{4}")
"""A line that Markdown reads as a heading, quote, table, list or code, not as text."""
_LIST_ITEM = re.compile(r" {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+\S")
_OPENS_LIST = re.compile(r" {0,3}(?:[-+*]|1[.)])[ \t]+\S")
"""A list item; and one that may start a list under a line of text (CommonMark: a bullet, or the number 1)."""


_BACKSLASH_BREAK = re.compile(r"(?<!\\)(?:\\\\)*\\[ \t]*$")
"""A line ending in a backslash (not an escaped one): CommonMark's hard break, which Python-Markdown
showed as a backslash ("said\\ hotels")."""


_FRONT_MATTER = re.compile(r"---[ \t]*\n(?P<yaml>(?:[ \t]*(?:[A-Za-z_][\w -]*:.*|- .*|#.*)\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
"""A block of ``key: value`` lines between ``---`` lines opening the file (Jekyll, Hugo, Obsidian, Pandoc),
without a blank line: a rule, a paragraph and a rule are text."""
_FIELD = re.compile(r"([A-Za-z_][\w -]*):[ \t]*(.*)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The fields of a front matter opening ``text`` (title, date, author), and the text after it.

    Shown as Markdown, its lines would be a paragraph ("title: … author: Martin Dubrovsky") whose
    names become actors; the header shows them instead. A list of authors is joined with "; ".
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    fields: dict[str, str] = {}
    key = ""
    for line in match.group("yaml").splitlines():
        field = _FIELD.fullmatch(line)
        if field is not None:
            key, value = field.group(1).strip().lower(), field.group(2).strip().strip("'\"")
            fields[key] = value
        elif line.strip().startswith("- ") and key:
            item = line.strip()[2:].strip().strip("'\"")
            fields[key] = f"{fields[key]}; {item}" if fields[key] else item
    out = {k: fields[k] for k in ("title", "author") if fields.get(k)}
    if not out.get("author") and fields.get("authors"):
        out["author"] = fields["authors"]
    date = _ISO_DATE.match(fields.get("date", ""))
    if date:
        out["date"] = date.group()
    return out, text[match.end():]


def fenced(lines: list[str]) -> list[bool]:
    """For each line, whether it opens, closes or lies inside fenced code."""
    out: list[bool] = []
    inside = False
    for line in lines:
        fence = _FENCE.match(line) is not None
        out.append(inside or fence)
        inside ^= fence
    return out


def with_breaks_kept(body: str) -> str:
    """``body`` with a hard break ending each line but the last of a paragraph set line by line
    (:func:`~reader.document.plaintext.line_by_line`), a blank line between the lines of a list typed
    without marks (:func:`~reader.document.plaintext.set_apart`), and a word wrapped at its hyphen
    joined on one line, so the same lines read alike in .txt and .md; a backslash ending a line is a
    hard break, as in CommonMark."""
    from reader.document.plaintext import join_hyphen_breaks, line_by_line, set_apart

    lines = body.split("\n")
    code = fenced(lines)
    for k in range(len(lines) - 1):
        if not code[k] and lines[k + 1].strip() and _BACKSLASH_BREAK.search(lines[k]):
            lines[k] = lines[k].rstrip()[:-1] + "  "
    width = max((len(line.strip()) for line, c in zip(lines, code, strict=True) if not c and " " in line.strip()),
                default=0)
    out: list[str] = []
    k = 0
    while k < len(lines):
        if not lines[k].strip():
            out.append(lines[k])
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].strip():
            end += 1
        paragraph = lines[k:end]
        if not any(code[j] or _BLOCK_SYNTAX.match(lines[j]) for j in range(k, end)):
            paragraph = join_hyphen_breaks("\n".join(paragraph)).split("\n")
            stripped = [line.strip() for line in paragraph]
            if line_by_line(stripped):
                paragraph = [line.rstrip() + "  " for line in paragraph[:-1]] + paragraph[-1:]
            elif set_apart(stripped, width):
                paragraph = [part for line in paragraph for part in ("", line)][1:]
        out.extend(paragraph)
        k = end
    return "\n".join(out)


def lists_after_text(text: str) -> str:
    """``text`` with a blank line before a list typed on the line after a line of text."""
    lines = text.splitlines()
    out: list[str] = []
    in_list = False
    for line, code in zip(lines, fenced(lines), strict=True):
        if not code and not in_list and out and out[-1].strip() and _OPENS_LIST.match(line):
            out.append("")
        if not line.strip():
            in_list = False
        elif not code and _LIST_ITEM.match(line):
            in_list = True
        out.append(line)
    return "\n".join(out)
