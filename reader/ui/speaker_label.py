"""How a quotation's speaker is shown: who it is, and how the text gave the speaker.

The Quotes panel and the quote tooltip both say whether the speaker was named ("Helena
Varga"), described ("the commissioner") or referred to by a pronoun ("she"), so a reader
can judge an attribution the analysis had to infer. Plain Python, no Qt.
"""

from __future__ import annotations

from typing import NamedTuple

from reader.analysis.model import Analysis, Quote

UNKNOWN = "speaker unknown"


class SpeakerLabel(NamedTuple):
    """``name``: the actor's name, else the words that name the speaker, else "speaker unknown";
    ``how``: how the text gives the speaker ("" when it is not known, as in older analyses)."""

    name: str
    how: str

    def line(self) -> str:
        return f"{self.name} ({self.how})" if self.how else self.name


def speaker_label(text: str, analysis: Analysis, quote: Quote) -> SpeakerLabel:
    actor = analysis.actor(quote.speaker)
    if quote.speaker_start is None or quote.speaker_end is None:
        return SpeakerLabel(actor.name if actor else UNKNOWN, "")
    words = " ".join(text[quote.speaker_start:quote.speaker_end].split())
    if actor is None:
        how = {"named": "named, not among the actors", "description": "described; no one the article names",
               "pronoun": "a pronoun; no one the article names"}.get(quote.speaker_via or "", "")
        return SpeakerLabel(words, how)
    how = {"named": "named", "description": f"described as “{words}”",
           "pronoun": f"from the pronoun “{words}”"}.get(quote.speaker_via or "", "")
    return SpeakerLabel(actor.name, how)
