"""The command line contract: exit codes, one-line errors, the analysis JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.bundled import sample_article


def run(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          input=stdin, timeout=timeout, env=env)


def assert_one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader: ") and needle in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("make,needle", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "is a folder"),
    (lambda p: (p / "noise.txt").write_bytes(os.urandom(5000) + b"\0") and p / "noise.txt", "binary"),
    (lambda p: (p / "img.md").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(900)) and p / "img.md", "PNG image"),
])
def test_bad_files_refused_in_one_line(tmp_path: Path, make, needle: str) -> None:
    assert_one_line_error(run("analyze", str(make(tmp_path)), "--json"), needle)


def test_analyze_needs_file_or_batch() -> None:
    assert_one_line_error(run("analyze"), "needs a FILE")


def test_bad_batch_line_writes_nothing(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text('{"id": 1, "text": "fine"}\nnot json\n', encoding="utf-8")
    assert_one_line_error(run("analyze", "--batch", str(batch)), "in.jsonl:2")


def test_analyze_json_contract(tmp_path: Path) -> None:
    result = run("analyze", str(sample_article()), "--json", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    art = out["article"]
    assert art["date"] == "2024-05-17" and art["format"] == "txt"
    assert art["text"].startswith("Fishing towns along the northern coast")
    text = art["text"]
    ids = {a["id"] for a in out["actors"]}
    assert out["actors"] and all(a["kind"] in ("person", "organization", "place") for a in out["actors"])
    for m in out["mentions"]:
        assert 0 <= m["start"] < m["end"] <= len(text) and m["actor"] in ids
    for q in out["quotes"]:
        assert text[q["start"]] in "“\"‘'«" and q["speaker"] in ids | {None}


def test_analyze_lists_role_phrases_as_references_apart_from_mentions(tmp_path: Path) -> None:
    path = tmp_path / "duarte.txt"
    path.write_text("UN Secretary-General Maria Duarte visited the port on Sunday. The UN chief called for calm.\n",
                    encoding="utf-8")
    result = run("analyze", str(path), "--json", "--no-cache", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    text, names = out["article"]["text"], {a["id"]: a["name"] for a in out["actors"]}
    assert [(text[r["start"]:r["end"]], names[r["actor"]]) for r in out["references"]] == [
        ("The UN chief", "Maria Duarte")]
    assert "The UN chief" not in {text[m["start"]:m["end"]] for m in out["mentions"]}  # no name: not a mention
    listed = run("analyze", str(path), "--no-cache", "--data-dir", str(tmp_path / "data"))
    assert "Maria Duarte (person, UN Secretary-General) ×1 (+1 by description)" in listed.stdout


def test_batch_is_verbatim_in_order(tmp_path: Path) -> None:
    texts = [" date 2020-01-01 Angela Merkel visited Paris.", "", "Nothing here.\n\nBarack Obama spoke in Chicago."]
    batch = tmp_path / "in.jsonl"
    batch.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    result = run("analyze", "--batch", str(batch))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["d0", "d1", "d2"]
    assert "article" not in lines[0]
    for line, text in zip(lines, texts):
        names = {text[m["start"]:m["end"]] for m in line["mentions"]}
        assert names <= {"Angela Merkel", "Paris", "Barack Obama", "Chicago", "Merkel", "Obama"}
    assert "analysed 3/3" in result.stderr


@pytest.mark.slow
def test_two_megabyte_line_without_spaces_finishes(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text("x" * 2_000_000, encoding="utf-8")
    started = time.monotonic()
    result = run("analyze", str(path), "--json", "--no-cache", timeout=60)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60
    assert len(json.loads(result.stdout)["article"]["text"]) == 2_000_000


def test_headless_analysis_does_not_load_qt(tmp_path: Path) -> None:
    code = ("import sys; from reader.cli import main; main(['analyze', sys.argv[1], '--json', '--no-cache']); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    result = subprocess.run([sys.executable, "-c", code, str(sample_article())], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_cache_info_and_clear_are_headless(tmp_path: Path) -> None:
    assert run("analyze", str(sample_article()), "--data-dir", str(tmp_path)).returncode == 0
    probe = ("import sys, json; from reader.cli import main; code = main(sys.argv[1:]); "
             "print(json.dumps({'qt': any(m.startswith('PySide6') for m in sys.modules), "
             "'spacy': 'spacy' in sys.modules}), file=sys.stderr); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", probe, "cache", "info", "--json", "--data-dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["entries"] == info["current_entries"] == 1 and info["bytes"] > 0
    assert len(info["fingerprint"]) == 16 and info["generation"].startswith(info["fingerprint"])
    assert json.loads(result.stderr.strip().splitlines()[-1]) == {"qt": False, "spacy": False}
    cleared = run("cache", "clear", "--data-dir", str(tmp_path))
    assert cleared.returncode == 0 and "removed 1 " in cleared.stdout
    assert json.loads(run("cache", "info", "--json", "--data-dir", str(tmp_path)).stdout)["entries"] == 0
