"""CoNLL-2003 documents rewritten in the layout of modern news, for training the tagger.

CoNLL's texts are Reuters wires of 1996 in the shared task's layout: tokens split by
spaces ("Germany 's", `" We do n't`), one sentence a line, a sentence-case headline and
a dateline on a line of its own ("BRUSSELS 1996-08-22"). Modern news is written
differently, and a tagger that only saw the old layout reads the new one badly: a
dateline run into the first sentence ("WASHINGTON (Reuters) - ...", "BOSTON — ...")
becomes an organisation, a Title Case headline a string of names. The words and their
gold labels do not depend on the layout, so the training script rewrites part of the
documents (:func:`modernise`) with the same labels:

- words joined as written ("Germany's", "don't", "$17,000", "(in brackets)"), with
  straight or curly quotes and apostrophes;
- sentences gathered into paragraphs separated by blank lines (lines that do not end a
  sentence, such as results tables, are left alone);
- the dateline run into the first paragraph in one of the styles news sites use, with
  the agency as an organisation;
- the headline without its full stop, in sentence case, Title Case or capitals.

Nothing here is shipped: it changes what the tagger learns from, not what it sees.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

_DATELINE = re.compile(r"^(.+?) \d{4}-(\d{2})-(\d{2})$")
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re",
                              "'ve", "'ll", "'d", "'m", "...", "'"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$"})
_SMALL = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "with", "from",
                    "as", "vs", "vs."})
_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
_ENDS_SENTENCE = (".", "?", "!", '"', "'")
AGENCIES = ("Reuters", "AP", "AFP", "Bloomberg")


@dataclass
class _Piece:
    """One token of the original text and where it lands in the new one."""

    start: int
    end: int
    word: str


def modernise(item: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """``item`` (``text`` and gold ``entities``) in a modern layout, with the same labels
    (a headline in capitals, as sports pages have, stays in capitals)."""
    lines: list[list[_Piece]] = []
    pos = 0
    for line in item["text"].split("\n"):
        pieces = []
        for word in line.split(" "):
            if word:
                pieces.append(_Piece(pos, pos + len(word), word))
            pos += len(word) + 1
        lines.append(pieces)
    writer = _Writer(curly=rng.random() < 0.6)
    added: list[dict[str, Any]] = []

    head = lines[0]
    if len(head) > 1 and head[-1].word == ".":
        head = head[:-1]  # the shared task's layout ends headlines with a full stop
    writer.line(head, rng.choice(("keep", "keep", "title", "title", "upper")))
    body = 1
    dateline = next((i for i in range(1, min(4, len(lines))) if _DATELINE.match(_words(lines[i]))), None)
    if dateline is not None:
        for i in range(1, dateline):  # a byline
            writer.text("\n\n")
            writer.line(lines[i])
        body = dateline + 1
    paragraphs: list[list[int]] = []
    target = 0
    for i in range(body, len(lines)):
        if not lines[i]:
            continue
        prose = lines[i][-1].word in _ENDS_SENTENCE
        if paragraphs and prose and lines[paragraphs[-1][-1]][-1].word in _ENDS_SENTENCE \
                and len(paragraphs[-1]) < target:
            paragraphs[-1].append(i)
        else:
            paragraphs.append([i])
            target = rng.choice((1, 2, 2, 3, 4))
    for k, paragraph in enumerate(paragraphs):
        writer.text("\n\n")
        if k == 0 and dateline is not None:
            _dateline(writer, lines[dateline], rng, added)
        for n, i in enumerate(paragraph):
            if n:
                writer.text(" ")
            writer.line(lines[i])
    entities = []
    for e in item["entities"]:
        first, last = writer.starts.get(e["start"]), writer.ends.get(e["end"])
        if first is not None and last is not None:  # else a full stop left out of a headline
            entities.append({"start": first, "end": last, "label": e["label"]})
    entities.extend(added)
    entities.sort(key=lambda e: e["start"])
    return {"id": f"{item['id']}/modern", "text": "".join(writer.out), "entities": entities}


def _words(pieces: list[_Piece]) -> str:
    return " ".join(p.word for p in pieces)


def _dateline(writer: _Writer, pieces: list[_Piece], rng: random.Random, added: list[dict[str, Any]]) -> None:
    """The dateline run into the first paragraph: "PARIS (AFP) — ", "LONDON, Aug 22 (Reuters) - ",
    "BOSTON — ", "Chillicothe, Ohio — "."""
    match = _DATELINE.match(_words(pieces))
    assert match is not None
    form = rng.choice(("agency", "agency", "date", "dash", "dash", "city"))
    writer.line(pieces[:-1], "city" if form == "city" else "keep")
    if form == "date":
        writer.text(f", {_MONTHS[int(match.group(2)) - 1]} {int(match.group(3))}")
    if form in ("agency", "date"):
        agency = rng.choice(AGENCIES)
        writer.text(" (")
        added.append({"start": writer.length, "end": writer.length + len(agency), "label": "ORG"})
        writer.text(agency + ")")
    writer.text(rng.choice((" - ", " \u2014 ", " \u2013 ", " -- ")) if form != "city" else " \u2014 ")


class _Writer:
    """Writes words as news sites do and remembers where each old token landed."""

    def __init__(self, curly: bool) -> None:
        self.curly = curly
        self.out: list[str] = []
        self.length = 0
        self.starts: dict[int, int] = {}
        self.ends: dict[int, int] = {}

    def text(self, s: str) -> None:
        self.out.append(s)
        self.length += len(s)

    def line(self, pieces: list[_Piece], case: str = "keep") -> None:
        """Tokens of one line, joined as written; ``case`` is keep, title, upper or city."""
        quote_open = False
        glue_next = False
        for k, piece in enumerate(pieces):
            word = piece.word
            if word == '"':
                quote_open = not quote_open
                glued = not quote_open  # a closing quote joins the word before it
                word = ("\u201c" if quote_open else "\u201d") if self.curly else '"'
            else:
                glued = word in _NO_SPACE_BEFORE or glue_next
                if self.curly and "'" in word:
                    word = word.replace("'", "\u2019")
            glue_next = word in _NO_SPACE_AFTER or (piece.word == '"' and quote_open)
            if case == "title" and word[:1].islower() and (k == 0 or word not in _SMALL):
                word = word[:1].upper() + word[1:]
            elif case == "upper":
                word = word.upper()
            elif case == "city" and word.isupper() and len(word) > 1 and word.isalpha():
                word = word[:1] + word[1:].lower()
            if k and not glued:
                self.text(" ")
            self.starts[piece.start] = self.length
            self.text(word)
            self.ends[piece.end] = self.length
