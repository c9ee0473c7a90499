"""The cache is keyed by what produced the analysis, and bounded."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from reader.analysis import fingerprint
from reader.analysis.cache import AnalysisCache, generation_name
from reader.analysis.model import Actor, Analysis, Mention
from reader.analysis.pipeline import Analyzer

TEXT = "Amara Okafor, the fisheries minister, said on Monday: “The quays will be rebuilt.”"


def _copy_of_analysis_inputs(tmp_path: Path) -> list[Path]:
    roots = []
    for root in fingerprint.analysis_roots():
        copy = tmp_path / root.name
        if root.is_dir():
            shutil.copytree(root, copy, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            copy.mkdir()
        roots.append(copy)
    return roots


def test_the_fingerprint_covers_code_word_lists_and_models() -> None:
    names = [root.name for root in fingerprint.analysis_roots()]
    assert names == ["analysis", "wordlists", "models"]
    assert (fingerprint.analysis_roots()[0] / "actors.py").is_file()


def test_editing_a_word_list_or_adding_a_model_changes_the_key(tmp_path: Path) -> None:
    code, wordlists, models = _copy_of_analysis_inputs(tmp_path)
    before = fingerprint.files_fingerprint([code, wordlists, models])
    assert before == fingerprint.files_fingerprint([code, wordlists, models])  # stable

    listed = next(wordlists.glob("*.txt"))
    listed.write_text(listed.read_text(encoding="utf-8") + "Zyxwvut\n", encoding="utf-8")
    edited = fingerprint.files_fingerprint([code, wordlists, models])
    assert edited != before

    (models / "speakers").mkdir(parents=True, exist_ok=True)
    (models / "speakers" / "weights.json").write_text("{}", encoding="utf-8")
    assert fingerprint.files_fingerprint([code, wordlists, models]) not in {before, edited}

    os.utime(listed, (time.time() + 100, time.time() + 100))  # touched, not changed
    (models / "speakers" / "weights.json").unlink()
    assert fingerprint.files_fingerprint([code, wordlists, models]) == edited


def test_another_model_or_code_is_another_generation() -> None:
    base = generation_name("0123456789abcdef", "en_core_web_sm-3.8.0-spacy3.8.18")
    assert generation_name("0123456789abcdef", "en_core_web_md-3.8.0-spacy3.8.18") != base
    assert generation_name("fedcba9876543210", "en_core_web_sm-3.8.0-spacy3.8.18") != base
    assert "/" not in generation_name("x", "/home/me/my model")


def test_a_changed_fingerprint_recomputes_the_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = []
    monkeypatch.setattr("reader.analysis.pipeline.analyze_parsed",
                        lambda parsed: runs.append(parsed.text) or Analysis())
    monkeypatch.setattr(Analyzer, "generation", property(lambda self: "code-a"))
    Analyzer(cache_dir=tmp_path).analyze(TEXT)
    Analyzer(cache_dir=tmp_path).analyze(TEXT)
    assert len(runs) == 1  # the second came from the cache
    monkeypatch.setattr(Analyzer, "generation", property(lambda self: "code-b"))
    Analyzer(cache_dir=tmp_path).analyze(TEXT)
    assert len(runs) == 2


def _analysis(n: int) -> Analysis:
    return Analysis(actors=[Actor("a1", "Name " * n, "person")], mentions=[Mention(0, 4, "a1")])


def test_a_cache_filled_past_its_cap_shrinks_below_it_oldest_generation_first(tmp_path: Path) -> None:
    old = AnalysisCache(tmp_path, "old", cap_bytes=10**9)
    for i in range(5):
        old.put(f"old{i}", _analysis(200))
    entry_size = next((tmp_path / "old").glob("*.json")).stat().st_size
    cache = AnalysisCache(tmp_path, "new", cap_bytes=entry_size * 8)
    for i in range(8):
        cache.put(f"new{i}", _analysis(200))
        past = time.time() - 1000 + i
        os.utime(tmp_path / "new" / f"new{i}.json", (past, past))  # new0 is the least recently used
    info = cache.info()
    assert info.bytes <= cache.cap_bytes
    assert not (tmp_path / "old").exists()  # the older generation went first, folder and all
    assert cache.get("new7") is not None and cache.get("new0") is None  # then the least recently used


def test_a_hit_counts_as_use(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path, "gen", cap_bytes=10**9)
    cache.put("a", _analysis(1))
    path = tmp_path / "gen" / "a.json"
    os.utime(path, (1, 1))
    assert cache.get("a") is not None
    assert path.stat().st_mtime > 1000


def test_clear_and_info(tmp_path: Path) -> None:
    (tmp_path / "3f2a-en_core_web_sm-3.8.0-0.1.0.json").write_text("{}", encoding="utf-8")  # the 0.1 layout
    cache = AnalysisCache(tmp_path, "gen")
    cache.put("a", _analysis(1))
    cache.put("b", _analysis(1))
    info = cache.info()
    assert (info.entries, info.current_entries) == (3, 2)
    assert cache.clear() == 3
    assert cache.info().entries == 0
    assert cache.get("a") is None
