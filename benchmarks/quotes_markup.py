"""Gold quotations written by hand in a light markup, converted to PolNeAR's JSONL format.

    python benchmarks/quotes_markup.py SET.txt > GOLD.jsonl

Writing offsets by hand is error-prone; writing the marks around the words is not. The
markup (``benchmarks/data/quotes-modern.txt`` is written in it):

- lines starting with ``#`` before the first article are comments;
- ``=== ID`` opens an article; its text runs to the next ``===`` (blank lines separate
  paragraphs, as in Reader's plain text);
- ``{{…|Q1}}`` wraps a quotation *with its marks*; ``{{…|Q1|mixed}}`` or ``|indirect``
  sets the type (default ``direct``). Quotes may nest (a quote within a quote) and may
  span a blank line (a quotation over two paragraphs);
- ``<<she|Q1|Maria Lopes>>`` wraps the speaker mention the cue attaches to, with the
  speaker's full name (left out when the text never names it); ``<<she|Q1,Q2|…>>`` when
  one mention speaks both halves of a quote split by its cue;
- ``^^said|Q1^^`` (or ``|Q1,Q2``) wraps the cue.

A quote with no mention has no speaker. Every name is checked: an unknown quote id, a
quote with two speakers or two cues, or an unclosed mark stops the conversion.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TOKEN = re.compile(
    r"(?P<open>\{\{)"
    r"|(?P<close>\|(?P<qid>[A-Za-z0-9]+)(?:\|(?P<qtype>direct|mixed|indirect))?\}\})"
    r"|<<(?P<mention>[^|<>]+)\|(?P<mids>[A-Za-z0-9,]+)(?:\|(?P<full>[^<>|]+))?>>"
    r"|\^\^(?P<cue>[^|^]+)\|(?P<cids>[A-Za-z0-9,]+)\^\^")
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "him", "her", "them", "us", "me"}


class MarkupError(ValueError):
    """The markup of one article is inconsistent; the message names the article."""


@dataclass
class Article:
    """One article: its plain text and the marks found in it, by quote id."""

    id: str
    text: str = ""
    quotes: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    speakers: dict[str, tuple[int, int, str | None]] = field(default_factory=dict)
    cues: dict[str, tuple[int, int]] = field(default_factory=dict)


def parse_article(aid: str, marked: str) -> Article:
    """Strip the marks from ``marked`` and record where each mark's words fall in the plain text."""
    art = Article(aid)
    out: list[str] = []
    length = 0
    opened: list[int] = []
    pos = 0

    def fail(msg: str) -> MarkupError:
        return MarkupError(f"{aid}: {msg}")

    def ids(raw: str) -> list[str]:
        return [i for i in raw.split(",") if i]

    for m in TOKEN.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        if m.group("open"):
            opened.append(length)
        elif m.group("close"):
            qid = m.group("qid")
            if not opened:
                raise fail(f"{qid} closes a quote that never opened")
            if qid in art.quotes:
                raise fail(f"quote {qid} twice")
            art.quotes[qid] = (opened.pop(), length, m.group("qtype") or "direct")
        else:
            words = m.group("mention") or m.group("cue")
            out.append(words)
            span = (length, length + len(words))
            length += len(words)
            if m.group("mention"):
                for qid in ids(m.group("mids")):
                    if qid in art.speakers:
                        raise fail(f"quote {qid} has two speakers")
                    full = m.group("full")
                    art.speakers[qid] = (*span, full.strip() if full else None)
            else:
                for qid in ids(m.group("cids")):
                    if qid in art.cues:
                        raise fail(f"quote {qid} has two cues")
                    art.cues[qid] = span
    out.append(marked[pos:])
    if opened:
        raise fail(f"{len(opened)} quote(s) never closed")
    art.text = "".join(out)
    for leftover in ("{{", "}}", "<<", ">>", "^^"):
        if leftover in art.text:
            raise fail(f"stray {leftover!r} (a mark written wrongly)")
    unknown = (set(art.speakers) | set(art.cues)) - set(art.quotes)
    if unknown:
        raise fail(f"speaker or cue for unknown quote(s) {sorted(unknown)}")
    return art


def split_articles(source: str) -> list[tuple[str, str]]:
    """The (id, marked text) of each ``=== ID`` section; comment lines before the first are skipped."""
    found: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        if line.startswith("=== "):
            found.append((line[4:].strip(), []))
        elif found:
            found[-1][1].append(line)
        elif line.strip() and not line.startswith("#"):
            raise MarkupError(f"text before the first article: {line[:40]!r}")
    return [(aid, "\n".join(lines).strip("\n")) for aid, lines in found]


def gold_record(art: Article) -> dict[str, Any]:
    """The article in PolNeAR's gold format (the fields ``score.py quotes`` reads and a few more)."""
    quotes = []
    for qid, (start, end, qtype) in sorted(art.quotes.items(), key=lambda kv: kv[1][:2]):
        q: dict[str, Any] = {"start": start, "end": end, "text": art.text[start:end],
                             "speaker": None, "speaker_start": None, "speaker_end": None,
                             "speaker_reference": None, "cue": None, "cue_start": None,
                             "cue_end": None, "quote_type": qtype, "speaker_is_pronoun": False,
                             "attribution_id": qid}
        if qid in art.speakers:
            s, e, full = art.speakers[qid]
            mention = art.text[s:e]
            q.update(speaker=mention, speaker_start=s, speaker_end=e,
                     speaker_reference=full, speaker_is_pronoun=mention.lower() in PRONOUNS,
                     speaker_position="before" if s < start else "after")
        if qid in art.cues:
            s, e = art.cues[qid]
            q.update(cue=art.text[s:e], cue_start=s, cue_end=e)
        quotes.append(q)
    return {"id": art.id, "text": art.text, "quotes": quotes}


def convert(source: str) -> list[dict[str, Any]]:
    """Every article of a markup file as a gold record; article ids must be unique."""
    records = [gold_record(parse_article(aid, marked)) for aid, marked in split_articles(source)]
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        raise MarkupError("article ids repeat")
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("markup", type=Path)
    args = parser.parse_args()
    for record in convert(args.markup.read_text(encoding="utf-8")):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
