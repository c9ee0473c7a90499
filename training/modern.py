"""Two checks of the actor tagger on modern news, beside CoNLL (Reuters, 1996).

CoNLL's dev split and cross-validated train say how the tagger does on the news it was
trained on; the owners also measure it on modern news, where names, formats (datelines,
Title Case headlines, curly quotes) and the actors themselves (social networks,
foundations) are new. Two measures stand in for that here:

- ``modern``: ``training/data/modern-news.txt``, short texts written for this project
  with gold PER/ORG/LOC spans (CoNLL's conventions, stated in the file), scored with the
  shared scorer's rules: typed exact-span F1 over all texts.
- ``polnear``: in PolNeAR's modern political news (train and dev), each attribution's
  speaker span that is a proper name of at most four capitalised words ("Trump",
  "Mr. Manafort", "Chris Matthews", "President Obama") whose last word is no common
  lower-case word ("Protesters", "Police") should be found as a mention of a person.
  ``recall`` is the share of those names that end a mention that starts inside them
  (so "President Obama" is found as "Obama", the honorific and possessive are left out,
  and "Obama Says" in a headline is a miss); ``kind`` is the share of found names whose
  actor is a person; ``person`` is the share found as a person. Some speakers are
  organisations or countries ("PolitiFact", "Reuters", "Japan"), so ``kind`` cannot
  reach 100.

Used by ``training/train_actors.py`` and ``benchmarks/actors_ablation.py`` to choose
features and judge word lists, and by ``benchmarks/actors_modern.py`` to report them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MODERN = HERE / "data" / "modern-news.txt"
SHARED = HERE.parent.parent / "shared"
POLNEAR = {"train": SHARED / "data" / "quotes-polnear-train.jsonl", "dev": SHARED / "eval" / "quotes-polnear-dev.jsonl"}
TYPES = ("PER", "ORG", "LOC", "MISC")

_MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)(?:\|([^\[\]|]+))?\]\]")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_NAME_WORD = re.compile(r"(?:[A-Z][\w'\u2019.-]*|[A-Z]\.|(?:de|da|del|van|von|der|den|bin|al|la|le|du)|Jr\.?)")
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "These", "Those", "He", "She", "They", "It", "We", "I",
                        "You", "His", "Her", "Their", "Its", "Another", "Some", "Many", "One", "Both", "Others",
                        "Several", "Two", "All", "Most", "Each", "Neither", "Either"})


def parse_marked(source: str, prefix: str = "modern") -> list[dict[str, Any]]:
    """Texts of the marked-up file as ``{"id", "text", "entities"}`` (the shared format),
    each id ``prefix/ID`` so that two sets' texts never share one. A mark may name its
    entity in a third field, ``[[Stoltenberg|PER|Jens Stoltenberg]]``: each entity then has
    ``"entity"``, that name or, without the field, its own text (:func:`entity_key` says
    which mentions are one entity)."""
    items: list[dict[str, Any]] = []
    ident: str | None = None
    lines: list[str] = []

    def close() -> None:
        if ident is not None:
            items.append(_unmark(f"{prefix}/{ident}", "\n".join(lines).strip("\n")))

    for line in source.splitlines():
        if line.startswith("=== "):
            close()
            ident, lines = line[4:].strip(), []
        elif ident is None:
            if line.strip() and not line.startswith("#"):
                raise ValueError(f"text outside a section: {line[:60]!r}")
        else:
            lines.append(line)
    close()
    if len({item["id"] for item in items}) != len(items):
        raise ValueError("two texts share an id")
    return items


def _unmark(ident: str, marked: str) -> dict[str, Any]:
    text: list[str] = []
    entities: list[dict[str, Any]] = []
    pos = length = 0
    for m in _MARK.finditer(marked):
        text.append(marked[pos:m.start()])
        length += m.start() - pos
        name, label, entity = m.group(1), m.group(2), m.group(3) or m.group(1)
        if label not in TYPES or name != name.strip() or entity != entity.strip():
            raise ValueError(f"{ident}: bad mark {m.group()!r}")
        entities.append({"start": length, "end": length + len(name), "label": label, "text": name,
                         "entity": entity})
        text.append(name)
        length += len(name)
        pos = m.end()
    text.append(marked[pos:])
    out = "".join(text)
    if "[[" in out or "]]" in out:
        raise ValueError(f"{ident}: unclosed mark")
    return {"id": ident, "text": out, "entities": entities}


def entity_key(entity: dict[str, Any]) -> tuple[str, str]:
    """Which gold entity a mention names: its entity's name, case and spacing aside
    ("WASHINGTON" and "Washington" are one), and its type (the city and the team
    "Boston" are two)."""
    return " ".join(entity["entity"].casefold().split()), entity["label"]


def modern_items(path: Path = MODERN) -> list[dict[str, Any]]:
    return parse_marked(path.read_text(encoding="utf-8"))


def polnear_items(split: str) -> list[dict[str, Any]]:
    path = POLNEAR[split]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def speaker_names(item: dict[str, Any], common: frozenset[str]) -> list[tuple[int, int]]:
    """The speaker spans of one PolNeAR article that are proper names, as the span of the
    name alone (without "Mr." and a possessive), each once; ``common`` holds the common
    lower-case words, which end no name."""
    text = item["text"]
    out: set[tuple[int, int]] = set()
    for q in item["quotes"]:
        start, end = q.get("speaker_start"), q.get("speaker_end")
        if start is None or end is None or q.get("speaker_is_pronoun"):
            continue
        span = text[start:end]
        lead = len(span) - len(span.lstrip())
        span = span.strip().rstrip(",")
        honorific = _HONORIFIC.match(span)
        if honorific:
            lead += honorific.end()
            span = span[honorific.end():]
        span = _POSSESSIVE.sub("", span)
        words = span.split()
        if not words or len(words) > 4 or words[0] in _NOT_NAMES or not words[0][:1].isupper():
            continue
        if not all(_NAME_WORD.fullmatch(w) for w in words) or words[-1].islower() or words[-1].lower() in common:
            continue
        s = start + lead
        out.add((s, s + len(span)))
    return sorted(out)


def score_modern(items: Sequence[dict[str, Any]], predictions: dict[str, dict[str, Any]],
                 scorer: Any) -> dict[str, Any]:
    """The shared scorer over the modern texts: F1 with precision and recall, all and per type."""
    result = scorer.score_ner(list(items), predictions)
    out = {k: result[k]["f1"] for k in ("all", "all/PER", "all/ORG", "all/LOC") if k in result}
    out["p"], out["r"] = result["all"]["p"], result["all"]["r"]
    return out


def score_polnear(items: Sequence[dict[str, Any]], predictions: Iterable[dict[str, Any]],
                  common: frozenset[str]) -> dict[str, Any]:
    """Recall of PolNeAR's named speakers as mentions, and how many of those are people."""
    names = found = person = 0
    for item, pred in zip(items, predictions):
        kinds = {a["id"]: a["kind"] for a in pred["actors"]}
        ends = {m["end"]: (m["start"], kinds.get(m["actor"])) for m in pred["mentions"]}
        text = item["text"]
        for start, end in speaker_names(item, common):
            names += 1
            mention = ends.get(end)
            if mention is not None and start <= mention[0] and (mention[0] == start or text[mention[0] - 1] == " "):
                found += 1
                person += mention[1] == "person"
    return {"names": names, "recall": _pct(found, names), "kind": _pct(person, found), "person": _pct(person, names)}


def _pct(a: int, b: int) -> float:
    return round(100 * a / b, 1) if b else 0.0


def prediction(actors: Iterable[Any], mentions: Iterable[Any]) -> dict[str, Any]:
    """Reader's actors and mentions in the analysis JSON the scorers read."""
    return {"actors": [{"id": a.id, "kind": a.kind} for a in actors],
            "mentions": [{"start": m.start, "end": m.end, "actor": m.actor} for m in mentions]}
