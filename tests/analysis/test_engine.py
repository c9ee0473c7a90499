"""The spaCy engine: chunking with exact offsets, size-bounded batches, lazy loading."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import engine as engine_module
from reader.analysis.engine import Engine, Parsed, _batches, as_read, split_chunks


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=4, max_value=60))
@settings(max_examples=200, deadline=None)
def test_chunks_cover_the_text_without_gaps(text: str, size: int) -> None:
    pieces = list(split_chunks(text, size))
    assert "".join(p for _, p in pieces) == text
    offset = 0
    for start, piece in pieces:
        assert start == offset and 0 < len(piece) <= size
        offset += len(piece)


def test_chunks_end_on_paragraphs_when_they_can() -> None:
    text = "\n\n".join(f"Paragraph {i} has a few words in it." for i in range(40))
    pieces = list(split_chunks(text, 200))
    assert len(pieces) > 1
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])


def test_batches_are_bounded_by_count_and_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BATCH_CHARS", 100)
    items = [("x" * n, i) for i, n in enumerate([10, 20, 80, 5, 5, 5, 200, 1])]
    batches = [[i for _, i in b] for b in _batches(iter(items), 3)]
    assert batches == [[0, 1, 2], [3, 4, 5], [6], [7]]


def test_model_is_loaded_lazily_and_an_official_model_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: object() if name == "en_core_web_sm" else real(name, *a))
    engine = Engine()
    assert engine.model_name == "en_core_web_sm"
    assert engine._nlp is None
    assert Engine("my_pipeline").model_key.startswith("my_pipeline-")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(chunk_chars=400)


def _check_offsets(parsed: Parsed) -> None:
    text = parsed.text
    assert all(text[t.start:t.end].strip() == text[t.start:t.end] != "" for t in parsed.tokens)
    assert all(a.end <= b.start for a, b in zip(parsed.tokens, parsed.tokens[1:]))
    assert all(a[1] <= b[0] for a, b in zip(parsed.sentences, parsed.sentences[1:]))


def test_chunked_long_text_keeps_offsets_exact(engine: Engine) -> None:
    paragraph = "Ingrid Dahl flew from Oslo to Geneva on Monday. She met officials of the World Health Organization."
    text = "\n\n".join(f"{paragraph} Day {i}." for i in range(25))
    parsed = engine.parse(text)
    _check_offsets(parsed)
    pieces = list(split_chunks(text, engine.chunk_chars))
    assert len(pieces) > 5
    expected = []
    for offset, piece in pieces:  # each chunk alone, shifted: the same tokens and entities
        alone = engine.parse(piece)
        expected += [(e.start + offset, e.end + offset, e.label) for e in alone.entities]
    assert [tuple(e) for e in parsed.entities] == expected
    assert {text[e.start:e.end] for e in parsed.entities} >= {"Oslo", "Geneva"}
    assert parsed.tokens[0].sent_start and sum(t.sent_start for t in parsed.tokens) >= 50


def test_parse_many_keeps_order_and_empty_texts(engine: Engine) -> None:
    texts = ["", "Oslo is cold.", "", "Geneva is warm. " * 60, "Bergen."]
    parsed = list(engine.parse_many(texts, batch_size=2))
    assert [p.text for p in parsed] == texts
    assert parsed[0].tokens == [] and parsed[2].tokens == []
    for p in parsed:
        _check_offsets(p)


def test_a_long_run_without_spaces_is_blanked_and_fast(engine: Engine) -> None:
    text = "Oslo is cold. " + "x" * 200_000 + " Geneva is warm."
    started = time.monotonic()
    parsed = engine.parse(text)
    assert time.monotonic() - started < 30
    _check_offsets(parsed)
    assert all(t.end <= 14 or t.start >= 200_014 for t in parsed.tokens)
    assert text[parsed.tokens[-2].start:parsed.tokens[-2].end] == "warm"


def test_token_vectors_are_kept_one_row_per_token_across_chunks_when_asked() -> None:
    text = "\n\n".join(f"Ingrid Dahl met the board of Halvorsen Shipping in Bergen, day {i}." for i in range(30))
    parsed = Engine(chunk_chars=400, vectors=True).parse(text)
    assert len(parsed.vectors) > 1  # one array per chunk
    assert sum(len(v) for v in parsed.vectors) == len(parsed.tokens)
    assert all(v.shape[1] == 96 and v.dtype.name == "float16" for v in parsed.vectors)
    assert Engine().parse("Oslo is cold.").vectors == []  # the analysis does not keep them


def test_spacy_reads_apostrophes_straight_and_list_marks_apart() -> None:
    text = ("Week:\n-David Ross writes.\n* Lena Moss\n"
            "Trump\u2018s rally, O\u2019Neill\u2019s and the Smiths\u2019 \u2018quote\u2019 - 1-2")
    read = as_read(text)
    assert len(read) == len(text)
    assert read == ("Week:\n David Ross writes.\n* Lena Moss\n"
                    "Trump's rally, O'Neill's and the Smiths' \u2018quote\u2019 - 1-2")


_FRESH_PROCESS = """
import sys
from reader.analysis.engine import Engine
assert len(Engine().parse("Mara Vell said so.").tokens) == 5
assert "spacy.cli" not in sys.modules, "spaCy's command line was imported"
assert "spacy.cli.info" not in sys.modules, "the stand-in was left behind"
import spacy
assert spacy.info(silent=True)["spacy_version"] == spacy.__version__
from spacy.cli import download
"""


def test_spacy_parses_without_importing_its_command_line_which_still_works() -> None:
    run = subprocess.run([sys.executable, "-c", _FRESH_PROCESS], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
