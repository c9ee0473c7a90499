"""A fast stand-in for the spaCy analyzer, shared by the core and window tests."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from reader.analysis.corrections import apply_corrections
from reader.analysis.model import Actor, Analysis, Mention, Quote


class NameAnalyzer:
    """Every listed name is an actor, every “…” a quote spoken by the nearest person named
    before it; the corrections are applied as the real analyzer applies them. Records the
    corrections and the thread of each call, and can be held back (``release.clear()``) to
    test what happens while an analysis runs."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names  # name -> kind
        self.calls: list[list[dict[str, Any]]] = []
        self.threads: list[str] = []
        self.release = threading.Event()
        self.release.set()

    def analyze(self, text: str, corrections: Sequence[dict[str, Any]] = ()) -> Analysis:
        self.threads.append(threading.current_thread().name)
        self.release.wait(10)
        self.calls.append(list(corrections))
        actors, mentions = [], []
        for i, (name, kind) in enumerate(self.names.items()):
            actor = Actor(f"a{i + 1}", name, kind)  # type: ignore[arg-type]
            actors.append(actor)
            mentions += [Mention(m.start(), m.end(), actor.id) for m in re.finditer(re.escape(name), text)]
        mentions.sort(key=lambda m: m.start)
        kinds = {a.id: a.kind for a in actors}
        people = [m for m in mentions if kinds[m.actor] == "person"]
        quotes = []
        for m in re.finditer(r"“[^”]*”", text):
            before = [p for p in people if p.end <= m.start()]
            speaker = before[-1] if before else None
            quotes.append(Quote(m.start(), m.end(), speaker.actor if speaker else None,
                                speaker.start if speaker else None, speaker.end if speaker else None, "said"))
        return apply_corrections(Analysis(actors, mentions, quotes), corrections)

    def analyze_many(self, texts: Iterable[str]) -> Iterator[Analysis]:
        for text in texts:
            yield self.analyze(text)

    def analyze_batch(self, texts: Iterable[str]) -> Iterator[Analysis]:
        return self.analyze_many(texts)
