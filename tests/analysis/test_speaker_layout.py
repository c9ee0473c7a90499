"""What the speaker ranker's layout reads in sentences written for these tests: which words
are speech cues, and which candidates a quotation has."""

from __future__ import annotations

import pytest

from reader.analysis.candidates import Layout
from reader.analysis.cues import speech_cues
from reader.analysis.engine import Engine
from reader.analysis.pipeline import analyze_parsed
from reader.analysis.quotemarks import find_quoted_spans


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def layout(engine: Engine, text: str) -> Layout:
    return Layout(engine.parse(text), find_quoted_spans(text), speech_cues())


def cue_words(lay: Layout) -> list[str]:
    return [lay.tok.words[k] for k, n in enumerate(lay.cue) if n]


def test_a_cue_word_used_as_a_noun_is_no_cue(engine: Engine) -> None:
    text = ("Sales were \"far too low\", according to a note from Harbour Capital. "
            "The report found the same, and their brief reply came late. Ines Vogt noted the gap.")
    assert cue_words(layout(engine, text)) == ["according", "noted"]


def test_a_cue_after_a_name_or_a_pronoun_stays_a_cue(engine: Engine) -> None:
    text = "\"We are ready,\" the former said. Lund state, \"Not yet.\" She reports that the vote failed."
    assert cue_words(layout(engine, text)) == ["said", "state", "reports"]


def test_according_to_a_note_names_the_note_as_the_source(engine: Engine) -> None:
    """Through the shipped models: "note" in "a note" is no cue, so "according to" reaches the note
    and the sentence's subject ("The operator's figures") does not speak."""
    text = ("Ferry bookings on the island fell sharply this summer. The operator's figures were \"a long way "
            "below\" its own forecast, according to a note from Harbour Capital, which lowered its rating.")
    (quote,) = analyze_parsed(engine.parse(text)).quotes
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start:quote.speaker_end] == "a note"
    assert quote.cue == "according to"
