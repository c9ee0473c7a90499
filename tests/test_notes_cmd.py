"""``reader notes …``: add, list, search, export, import — headless, one-line errors, no Qt or spaCy."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

ARTICLE = ("date 2022-03-04 NATO chief Jens Stoltenberg warned that Russia is preparing for a long war.\n\n"
           "Zoë Dupont, a diplomat, said the treaties were “dead letters” 🎉 — שלום.\n")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["notes", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    code, out, _ = run(capsys, "list", *argv, "--json")
    assert code == 0
    return json.loads(out)


def test_add_then_list(capsys, article: Path) -> None:
    code, out, _ = run(capsys, "add", str(article), "--quote", "Russia is preparing", "--note", "Big **claim**",
                       "--tag", "war", "--tag", "nato", "--color", "pink")
    assert code == 0
    new_id = out.strip()
    code, out, _ = run(capsys, "add", str(article), "--start", "0", "--end", "4", "--json")
    second = json.loads(out)
    assert second["exact"] == "NATO" and second["color"] == "yellow"
    rows = listed(capsys)
    assert [r["id"] for r in rows] == [second["id"], new_id]
    first = rows[1]
    assert set(first) == {"id", "document", "exact", "start", "end", "color", "note", "tags", "created",
                          "updated", "status"}
    assert (first["exact"], first["note"], first["tags"], first["color"], first["status"]) == (
        "Russia is preparing", "Big **claim**", ["war", "nato"], "pink", "anchored")
    assert first["document"] == str(article.resolve())
    text_start = ARTICLE.index("NATO")  # the date marker is not part of the text
    assert first["start"] == ARTICLE.index("Russia") - text_start
    code, out, _ = run(capsys, "list")
    assert new_id in out and "Russia is preparing" in out


def test_list_one_file(capsys, article: Path, tmp_path: Path, monkeypatch) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Another article about Russia.", encoding="utf-8")
    run(capsys, "add", str(article), "--quote", "Zoë Dupont")
    run(capsys, "add", str(other), "--quote", "Russia")
    monkeypatch.chdir(tmp_path)
    assert [r["exact"] for r in listed(capsys, "other.txt")] == ["Russia"]
    assert listed(capsys, "missing.txt") == []


def test_unicode_survives(capsys, article: Path) -> None:
    note = "RTL: مرحبا بالعالم — emoji 🇺🇦👍🏽 — NUL:\x00."
    run(capsys, "add", str(article), "--quote", "“dead letters” 🎉 — שלום", "--note", note, "--tag", "ǅemal")
    (row,) = listed(capsys)
    assert (row["exact"], row["note"], row["tags"]) == ("“dead letters” 🎉 — שלום", note, ["ǅemal"])


@pytest.mark.parametrize(("argv", "message"), [
    (["--quote", "not in the text"], "does not occur"),
    (["--quote", "a"], "occurs"),
    (["--start", "5", "--end", "5"], "--start/--end must satisfy"),
    (["--start", "5", "--end", "100000"], "--start/--end must satisfy"),
    (["--start", "5"], "--start needs --end"),
])
def test_add_refuses_with_one_line(capsys, article: Path, argv: list[str], message: str) -> None:
    code, out, err = run(capsys, "add", str(article), *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("reader: ") and message in err
    assert listed(capsys) == []


def test_add_missing_file(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "add", str(tmp_path / "nope.txt"), "--quote", "x")
    assert code == 1 and "no such file" in err and err.count("\n") == 1


def test_edited_article_is_reanchored(capsys, article: Path) -> None:
    run(capsys, "add", str(article), "--quote", "a diplomat")
    run(capsys, "add", str(article), "--quote", "for a long war")
    edited = ARTICLE.replace("NATO chief", "BREAKING: The NATO chief").replace(
        "Russia is preparing for a long war", "talks resumed")
    article.write_text(edited, encoding="utf-8")
    run(capsys, "add", str(article), "--quote", "talks resumed")
    rows = {r["exact"]: r for r in listed(capsys)}
    text = edited[len("date 2022-03-04 "):]
    assert rows["a diplomat"]["status"] == "anchored"
    assert rows["a diplomat"]["start"] == text.index("a diplomat")
    assert rows["for a long war"]["status"] == "orphaned"


def test_w3c_export_import_round_trip(capsys, article: Path, tmp_path: Path) -> None:
    run(capsys, "add", str(article), "--quote", "Russia is preparing", "--note", "claim", "--tag", "war")
    run(capsys, "add", str(article), "--quote", "Zoë Dupont", "--color", "green")
    before = listed(capsys)
    out_file = tmp_path / "out" / "notes.jsonld"
    out_file.parent.mkdir()
    assert run(capsys, "export", "--format", "w3c", str(out_file))[0] == 0
    assert json.loads(out_file.read_text(encoding="utf-8"))["total"] == 2
    assert not list(out_file.parent.glob("*.tmp-*"))
    fresh = tmp_path / "fresh"
    for _ in range(2):  # importing the same ids again does not duplicate them
        code, _, err = run(capsys, "--data-dir", str(fresh), "import", str(out_file))
        assert code == 0, err
    after = listed(capsys, "--data-dir", str(fresh))
    assert after == before


def test_import_refuses_bad_files(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonld"
    for content, message in (("{not json", "not a JSON-LD file"),
                             ('[{"id": "x", "target": {"source": "http://x"}}]', "file:// URL")):
        bad.write_text(content, encoding="utf-8")
        code, _, err = run(capsys, "import", str(bad))
        assert code == 1 and message in err and err.count("\n") == 1
    code, _, err = run(capsys, "import", str(tmp_path / "none.jsonld"))
    assert code == 1 and "no such file" in err


def test_import_for_a_missing_article_keeps_the_notes(capsys, tmp_path: Path) -> None:
    data = [{"id": "urn:uuid:12345678-1234-5678-1234-567812345678", "type": "Annotation",
             "body": [{"type": "TextualBody", "value": "kept", "purpose": "commenting"}],
             "target": {"source": "file:///nowhere/gone.txt",
                        "selector": [{"type": "TextQuoteSelector", "exact": "lost words"},
                                     {"type": "TextPositionSelector", "start": 10, "end": 20}]}}]
    src = tmp_path / "in.jsonld"
    src.write_text(json.dumps(data), encoding="utf-8")
    assert run(capsys, "import", str(src))[0] == 0
    (row,) = listed(capsys)
    assert (row["id"], row["note"], row["document"]) == ("12345678123456781234567812345678", "kept", "/nowhere/gone.txt")


def test_search_and_markdown_export(capsys, article: Path, tmp_path: Path) -> None:
    pytest.importorskip("notes.search")
    pytest.importorskip("notes.markdown_export")
    code, out, _ = run(capsys, "add", str(article), "--quote", "the treaties were", "--note", "on treaty law",
                       "--tag", "law")
    planted = out.strip()
    run(capsys, "add", str(article), "--quote", "Jens Stoltenberg", "--note", "the NATO chief")
    code, out, _ = run(capsys, "search", "treaty", "--json")
    hits = json.loads(out)
    assert [h["id"] for h in hits] == [planted]
    assert {"id", "document", "exact", "note", "tags", "score", "snippet"} <= hits[0].keys()
    code, out, _ = run(capsys, "search", "tag:nothing-like-this", "--json")
    assert json.loads(out) == []
    code, out, err = run(capsys, "search", "treaty after:2024-02-30", "--json")  # not a day: said, not hidden
    assert code != 0 and out == "" and err.strip().endswith("after: needs a date as YYYY-MM-DD, not '2024-02-30'")
    assert len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "export")
    assert code == 0 and "on treaty law" in out and "the NATO chief" in out
    target = tmp_path / "notes.md"
    assert run(capsys, "export", "--format", "markdown", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == out


def _index_meta(data_dir: Path, key: str) -> str:
    from notes.store import search_index_path

    db = sqlite3.connect(search_index_path(data_dir / "library.json"))
    try:
        return str(db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])
    finally:
        db.close()


def test_adds_and_imports_keep_the_search_index_current(capsys, article: Path, data_dir: Path,
                                                        tmp_path: Path) -> None:
    from notes.store import search_index_path

    run(capsys, "add", str(article), "--quote", "the treaties were", "--note", "on treaty law")
    assert search_index_path(data_dir / "library.json").exists()  # built as the first add closed the store
    for quote in ("Jens Stoltenberg", "a diplomat"):
        run(capsys, "add", str(article), "--quote", quote, "--note", "treaty")
        version = _index_meta(data_dir, "version")
        code, out, _ = run(capsys, "search", "treaty", "--json")
        assert code == 0 and len(json.loads(out)) >= 2
        assert _index_meta(data_dir, "version") == version  # nothing left for the search to do
    exported = tmp_path / "notes.jsonld"
    run(capsys, "export", "--format", "w3c", str(exported))
    fresh = tmp_path / "fresh"
    run(capsys, "--data-dir", str(fresh), "import", str(exported))
    version = _index_meta(fresh, "version")
    code, out, _ = run(capsys, "--data-dir", str(fresh), "search", "treaty", "--json")
    assert len(json.loads(out)) == 3
    assert _index_meta(fresh, "version") == version


def test_a_failing_search_index_does_not_fail_the_add(capsys, article: Path, data_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from notes import search_file

    def broken(*_: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(search_file._Writer, "apply", broken)
    code, _, _ = run(capsys, "add", str(article), "--quote", "a diplomat", "--note", "kept")
    assert code == 0
    assert [r["note"] for r in listed(capsys)] == ["kept"]
    monkeypatch.undo()
    code, out, _ = run(capsys, "search", "kept", "--json")
    found = [h["id"] for h in json.loads(out)]
    assert found == [r["id"] for r in listed(capsys)]


def test_restore_a_damaged_store(capsys, article: Path, data_dir: Path) -> None:
    from notes.store import NoteStore

    assert run(capsys, "restore")[0] == 1  # nothing to restore yet
    run(capsys, "add", str(article), "--quote", "Zoë Dupont")
    with NoteStore(data_dir / "library.json") as store:
        store.compact()
        store.compact()
    (data_dir / "library.json").write_bytes(b"{garbage")
    code, _, err = run(capsys, "list")
    assert code == 1 and "damaged" in err
    code, out, _ = run(capsys, "restore", "--list")
    assert code == 0 and "backups" in out
    assert run(capsys, "restore")[0] == 0
    assert [r["exact"] for r in listed(capsys)] == ["Zoë Dupont"]
    assert len(list(data_dir.glob("library.json.damaged-*"))) == 1


def test_export_to_a_folder_is_refused(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", "--format", "w3c", str(tmp_path))
    assert code == 1 and "folder" in err


@pytest.mark.slow
def test_headless_commands_load_neither_qt_nor_spacy(article: Path, tmp_path: Path) -> None:
    probe = (
        "import sys, json\n"
        "from reader.cli import main\n"
        "codes = [main(['notes', 'add', sys.argv[1], '--quote', 'Zoë Dupont', '--note', 'x']),\n"
        "         main(['notes', 'list', '--json']),\n"
        "         main(['notes', 'export', '--format', 'w3c', sys.argv[2]]),\n"
        "         main(['notes', 'import', sys.argv[2]])]\n"
        "try:\n"
        "    codes.append(main(['notes', 'search', 'x', '--json']))\n"
        "    codes.append(main(['notes', 'export']))\n"
        "except ImportError:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'spacy', 'thinc'))\n"
        "print(json.dumps({'codes': codes, 'heavy': heavy}), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(article), str(tmp_path / "x.jsonld")],
                          capture_output=True, text=True, timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert set(report["codes"]) == {0}
    assert report["heavy"] == []


@pytest.mark.slow
def test_env_data_dir_and_flag(article: Path, tmp_path: Path, data_dir: Path) -> None:
    flag_dir = tmp_path / "flagged"
    cmd = [sys.executable, "-m", "reader", "notes"]
    subprocess.run([*cmd, "add", str(article), "--quote", "Zoë Dupont"], check=True, capture_output=True)
    subprocess.run([*cmd, "--data-dir", str(flag_dir), "add", str(article), "--quote", "a diplomat"],
                   check=True, capture_output=True)
    assert (data_dir / "library.json").exists() and (flag_dir / "library.json").exists()
    out = subprocess.run([*cmd, "list", "--json"], check=True, capture_output=True, text=True).stdout
    assert [r["exact"] for r in json.loads(out)] == ["Zoë Dupont"]
