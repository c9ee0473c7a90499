"""What the reader sees: the real analysis drawn in the theme's colours, and the
``--screenshot`` command line."""

from __future__ import annotations

import colorsys
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.bundled import sample_article
from reader.ui import theme as themes

pytestmark = pytest.mark.gui

SATURATED = 0.35


def hue_of(color: str) -> float:
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def saturated_hues(image) -> list[float]:
    """Hues of the clearly coloured pixels (every row, as underlines are one pixel high;
    every second column)."""
    hues = []
    for y in range(image.height()):
        for x in range(0, image.width(), 2):
            h, s, v, _ = image.pixelColor(x, y).getHsvF()
            if s >= SATURATED and v >= 0.3 and h >= 0:
                hues.append(h * 360)
    return hues


def kinds_present(hues: list[float], theme: themes.Theme, minimum: int = 25) -> set[str]:
    """Kinds whose line colour's hue appears on at least ``minimum`` sampled pixels."""
    found = set()
    for kind, style in theme.kinds.items():
        target = hue_of(style.line)
        if sum(1 for h in hues if min(abs(h - target), 360 - abs(h - target)) <= 10) >= minimum:
            found.add(kind)
    return found


def distinct_hue_bins(hues: list[float], minimum: int = 25) -> int:
    bins: dict[int, int] = {}
    for h in hues:
        bins[int(h // 30)] = bins.get(int(h // 30), 0) + 1
    return sum(1 for n in bins.values() if n >= minimum)


def test_the_real_analysis_is_drawn_in_four_hues(qtbot, make_window):
    """The real spaCy analysis of the bundled sample, in light and in dark."""
    window = make_window(analyzer_=None)
    window.resize(1300, 900)
    with qtbot.waitSignal(window.session.analysis_ready, timeout=120_000):
        window.open_path(str(sample_article()))
    qtbot.waitUntil(lambda: not window.view.markup_pending(), timeout=10_000)
    assert {a.kind for a in window.analysis.actors} == {"person", "organization", "place"}
    assert window.analysis.quotes
    for name in ("light", "dark"):
        window.themes.choose(name)
        qtbot.waitUntil(lambda: not window.view.markup_pending(), timeout=10_000)
        hues = saturated_hues(window.view.grab().toImage())  # the article alone, not the toolbar
        assert kinds_present(hues, themes.THEMES[name]) == set(themes.HIGHLIGHT_KINDS), name
        assert distinct_hue_bins(hues) >= 4
    window.legend.actions_by_kind["organization"].trigger()
    window.legend.actions_by_kind["quote"].trigger()
    qtbot.waitUntil(lambda: not window.view.markup_pending(), timeout=10_000)
    hues = saturated_hues(window.view.grab().toImage())
    assert kinds_present(hues, themes.DARK) == {"person", "place"}


def run_reader(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "reader", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=300, env=env)


@pytest.mark.slow
def test_screenshot_command(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    done = run_reader(str(sample_article()), "--screenshot", str(out), data_dir=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 700
    assert distinct_hue_bins(saturated_hues(image)) >= 4
    assert (tmp_path / "data" / "cache").is_dir()  # the data dir, not the user's
    assert not (tmp_path / "data" / "settings.ini").exists()  # and nothing of the reader's is written


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a data dir but the (disposable) analysis cache, with its contents."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "cache" not in p.relative_to(folder).parts}


@pytest.mark.slow
def test_a_screenshot_run_leaves_recent_files_library_and_position_alone(tmp_path: Path) -> None:
    """The picture shows the reader's notes, but the run records nothing: no recent file, no
    library record or visit, no reading position."""
    from notes.records import Annotation, Selector
    from reader import paths
    from reader.core import Core
    from reader.ui.settings import Settings

    data = tmp_path / "data"
    article_path = tmp_path / "harbour.txt"
    article_path.write_text(sample_article().read_text(encoding="utf-8"), encoding="utf-8")
    with Core(data) as core:
        core.start()
        opened = core.open(article_path)
        text = opened.article.text
        core.add_note(Annotation(str(article_path), Selector.from_text(text, 0, 20), note="mine"))
        core.set_position(opened.doc_id, 1234)
    settings = Settings(paths.settings_path(data))
    settings.add_recent("/elsewhere/older.txt")
    settings.set_pending_additions([str(tmp_path)])  # an add an earlier window left: not resumed here
    settings.sync()
    before = snapshot(data)
    assert "library.json" in before and "settings.ini" in before

    out = tmp_path / "shot.png"
    done = run_reader(str(article_path), "--screenshot", str(out), data_dir=data)
    assert done.returncode == 0, done.stderr
    assert out.exists()
    assert snapshot(data) == before
    with Core(data, read_only=True) as core:
        core.start()
        assert core.visit(core.load(article_path)).position == 1234
    assert Settings(paths.settings_path(data)).recent_files() == ["/elsewhere/older.txt"]


def test_screenshot_of_a_bad_file_fails_with_one_line(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    done = run_reader(str(tmp_path / "missing.txt"), "--screenshot", str(out), data_dir=tmp_path / "data")
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1 and "missing.txt" in done.stderr
    assert not out.exists()
