"""``reader library add|list``, ``reader actors`` and ``reader quotes``: the command-line contract.

In process where the output is the point; in real processes where the process is (no
spaCy or Qt loaded, exit status and stderr of a bad folder, a kill in the middle of an add).
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest

from reader.cli import main


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run(*argv: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *argv], capture_output=True, text=True, timeout=timeout,
                          check=False,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"))


def test_json_listings_have_the_named_fields(capsys: pytest.CaptureFixture[str], data: Path, articles: Path) -> None:
    code, out, _ = cli(capsys, "library", "add", str(articles), "--json", "--jobs", "0", "--data-dir", str(data))
    assert code == 0
    added = json.loads(out)
    assert {f["outcome"] for f in added} == {"added"} and {"path", "outcome", "analysed", "reason"} <= set(added[0])
    code, out, _ = cli(capsys, "library", "list", "--json", "--data-dir", str(data))
    rows = json.loads(out)
    assert code == 0 and len(rows) == 4
    assert {"path", "title", "date", "notes", "actors", "quotes", "status"} <= set(rows[0])
    code, out, _ = cli(capsys, "actors", "--kind", "person", "--json", "--data-dir", str(data))
    actors = json.loads(out)
    assert {"name", "kind", "aliases", "articles", "mentions", "quotes", "notes"} <= set(actors[0])
    assert {a["kind"] for a in actors} == {"person"} and actors[0]["name"] == "Maria Varga"
    code, out, _ = cli(capsys, "quotes", "pension", "--json", "--data-dir", str(data))
    quotes = json.loads(out)
    assert {"text", "speaker", "document", "title", "date", "start", "end"} <= set(quotes[0])
    assert [q["speaker"] for q in quotes] == ["Maria Varga"]


def test_text_output_and_exports(capsys: pytest.CaptureFixture[str], data: Path, articles: Path,
                                 tmp_path: Path) -> None:
    assert cli(capsys, "library", "add", str(articles), "--jobs", "0", "--data-dir", str(data))[0] == 0
    code, out, _ = cli(capsys, "actors", "varga", "--data-dir", str(data))
    assert code == 0 and out.splitlines()[0].startswith("Maria Varga (person, ") and "3 articles" in out
    code, out, _ = cli(capsys, "quotes", "--speaker", "Maria Varga", "--format", "markdown", "--data-dir", str(data))
    assert code == 0 and out.startswith("# Quotations of Maria Varga\n\n3 quotations from 3 articles")
    html = markdown.markdown(out)
    assert "Nobody will lose their pension" in html and "characters" in html and str(articles) in html
    target = tmp_path / "out" / "varga.csv"
    target.parent.mkdir()
    code, out, _ = cli(capsys, "quotes", "--speaker", "Maria Varga", "--format", "csv", "-o", str(target),
                       "--data-dir", str(data))
    assert code == 0 and out == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["date"] for r in rows] == ["2024-03-04", "2024-03-05", "2024-03-07"]
    assert all(Path(r["path"]).read_text(encoding="utf-8") for r in rows)
    assert {r["speaker"] for r in rows} == {"Maria Varga"} and all(int(r["start"]) < int(r["end"]) for r in rows)


def test_notes_and_corrections_written_elsewhere_show_in_the_next_answer(
        capsys: pytest.CaptureFixture[str], data: Path, articles: Path) -> None:
    """The index follows the store's change feed: additions, removals, a fold of the journal,
    and a restored backup (another history of the store: the index is rebuilt from it)."""
    from notes.records import Annotation, Correction, Selector
    from notes.store import NoteStore
    from reader.document import load

    assert cli(capsys, "library", "add", str(articles), "--jobs", "0", "--data-dir", str(data))[0] == 0

    def varga() -> dict[str, object]:
        code, out, _ = cli(capsys, "actors", "varga", "--kind", "person", "--json", "--data-dir", str(data))
        assert code == 0
        return {a["name"]: a for a in json.loads(out)}["Maria Varga"]

    assert varga()["notes"] == 0
    doc = str((articles / "plan.txt").resolve())
    text = load(doc).text
    with NoteStore(data / "library.json") as store:
        store.compact()  # library.json now holds the articles and no note
        first = store.add(Annotation(document=doc, selector=Selector.from_text(text, 0, 10), actors=["Varga"]))
        store.add(Annotation(document=doc, selector=Selector.from_text(text, 20, 30),
                             target={"type": "quote", "speaker": "Maria Varga"}))
    assert varga()["notes"] == 2
    with NoteStore(data / "library.json") as store:
        store.delete(first.id)
        store.compact()  # the journal folded (the feed's numbers survive it); the old file kept as a backup
    assert varga()["notes"] == 1
    with NoteStore(data / "library.json") as store:
        store.add_correction(Correction("hide", "Peter Novak"))
    code, out, _ = cli(capsys, "actors", "novak", "--json", "--data-dir", str(data))
    assert (code, json.loads(out)) == (0, [])
    # the file of the first fold (no note), with the journal since the second (the correction) replayed over it
    NoteStore.restore_backup(data / "library.json", NoteStore.backups(data / "library.json")[0])
    assert varga()["notes"] == 0
    code, out, _ = cli(capsys, "actors", "novak", "--json", "--data-dir", str(data))
    assert (code, json.loads(out)) == (0, [])
    with NoteStore(data / "library.json") as store:
        store.remove_correction(store.corrections()[0].id)
    code, out, _ = cli(capsys, "actors", "novak", "--json", "--data-dir", str(data))
    assert [a["name"] for a in json.loads(out)] == ["Peter Novak"]


def test_bad_input_is_one_line(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    code, out, err = cli(capsys, "quotes", "--output", str(tmp_path / "x.md"), "--data-dir", str(data))
    assert code == 1 and err == "reader: --output needs --format markdown or --format csv\n" and out == ""
    data.mkdir(exist_ok=True)
    (data / "library.json").write_text("{not json", encoding="utf-8")
    for argv in (("library", "list"), ("actors",), ("quotes", "--speaker", "x")):
        code, out, err = cli(capsys, *argv, "--data-dir", str(data))
        assert code == 1 and len(err.splitlines()) == 1 and err.startswith("reader: ") and out == "", argv


def test_an_empty_library_answers_empty(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, out, err = cli(capsys, "actors", "--json", "--data-dir", str(data))
    assert (code, out) == (0, "[]\n") and "library is empty" in err
    code, out, err = cli(capsys, "quotes", "--speaker", "Nobody", "--json", "--data-dir", str(data))
    assert (code, out) == (0, "[]\n") and "no actor in the library is called 'Nobody'" in err


@pytest.mark.slow
def test_the_acceptance_case_through_real_processes_without_spacy_or_qt(articles: Path, data: Path) -> None:
    added = run("library", "add", str(articles), "--data-dir", str(data))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("4 added, 0 unchanged; analysed 0")  # the cache knew them
    probe = ("import json, sys; from reader.cli import main; code = main(sys.argv[1:]); "
             "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc', 'PySide6'}); "
             "print(json.dumps(loaded), file=sys.stderr); raise SystemExit(code)")
    for leftover in data.glob("library-index.sqlite*"):
        leftover.unlink()  # the first answer rebuilds the index: without spaCy too
    for argv, check in ((["actors", "--json"], lambda rows: [(r["name"], r["articles"]) for r in rows
                                                             if "Varga" in r["name"]]
                         == [("Maria Varga", 3), ("Tomas Varga", 1)]),
                        (["quotes", "--speaker", "Maria Varga", "--json"],
                         lambda rows: sorted(Path(r["document"]).name for r in rows)
                         == ["budget.txt", "plan.txt", "talks.md"])):
        result = subprocess.run([sys.executable, "-c", probe, *argv, "--data-dir", str(data)], capture_output=True,
                                text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stderr.splitlines()[-1] == "[]", result.stderr
        assert check(json.loads(result.stdout)), result.stdout


@pytest.mark.slow
def test_a_folder_with_bad_files_adds_the_good_ones_and_reports_each_bad_one(articles: Path, data: Path) -> None:
    (articles / "noise.txt").write_bytes(os.urandom(5000) + b"\0")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "gone.md").symlink_to(articles / "deleted-meanwhile.md")  # a file that is no longer there
    result = run("library", "add", str(articles), "--data-dir", str(data))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if not line.startswith("library: ")]
    assert len(problems) == 3 and all(line.startswith("reader: ") for line in problems)
    assert {Path(line.split(": ")[1]).name for line in problems} == {"noise.txt", "empty.txt", "gone.md"}
    assert result.stdout.startswith("4 added, 0 unchanged, 3 refused")
    listed = json.loads(run("library", "list", "--json", "--data-dir", str(data)).stdout)
    assert sorted(Path(r["path"]).name for r in listed) == ["budget.txt", "farmers.html", "plan.txt", "talks.md"]


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _workers(pids: list[int]) -> list[int]:
    """The worker processes among ``pids`` (multiprocessing's resource tracker is none)."""
    return [pid for pid in pids if b"spawn_main" in _cmdline(pid)]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_during_add_loses_no_note_and_the_next_run_finishes(
        data: Path, articles: Path, tmp_path: Path, texts: dict[str, str],
        writer: Callable[[Path, dict[str, str]], Path]) -> None:
    noted = articles / "budget.txt"
    assert run("notes", "add", str(noted), "--quote", "Peter Novak", "--note", "keep me",
               "--data-dir", str(data)).returncode == 0
    # new texts (not in the cache), in batches of 24 files: one worker takes several batches
    many = {f"{i:03d}-{name}": text.replace("Tuesday", f"Tuesday, day {i},").replace("Monday", f"Monday {i}")
            for i in range(15) for name, text in texts.items()}
    folder = writer(tmp_path / "many", many)
    with subprocess.Popen([sys.executable, "-m", "reader", "library", "add", str(folder), str(articles),
                           "--jobs", "1", "--data-dir", str(data)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as process:
        # kill once a worker runs (a progress line may never come: on a fast machine the whole run
        # takes less than the interval between progress lines)
        deadline = time.monotonic() + 60
        while not (running := _workers(workers := _children(process.pid))) and process.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert running, "no worker ran"
    assert workers and not any(Path(f"/proc/{w}").exists() for w in workers), "a worker outlived its parent"

    notes = json.loads(run("notes", "list", "--json", "--data-dir", str(data)).stdout)
    assert [n["note"] for n in notes] == ["keep me"]
    listed = run("library", "list", "--json", "--data-dir", str(data))
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) < len(many) + len(texts), "the kill came too late to test anything"

    again = run("library", "add", str(folder), str(articles), "--data-dir", str(data))
    assert again.returncode == 0, again.stderr
    rows = json.loads(run("library", "list", "--json", "--data-dir", str(data)).stdout)
    assert len(rows) == len(many) + len(texts)
    assert {(r["status"], r["analysis"]) for r in rows} == {("ok", "current")}
    notes = json.loads(run("notes", "list", "--json", "--data-dir", str(data)).stdout)
    assert [n["note"] for n in notes] == ["keep me"]
    actors = json.loads(run("actors", "maria varga", "--json", "--data-dir", str(data)).stdout)
    assert actors[0]["articles"] == 16 * 3 and actors[0]["notes"] == 0
