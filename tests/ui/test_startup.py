"""Start-up without a usable display: one line and exit 1, never Qt's abort; pictures need no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.bundled import sample_article
from reader.ui.display import DEBIAN_PACKAGES, display_problem, plugin_problem, x_server_problem, xcb_plugin

pytestmark = pytest.mark.slow


def reader(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    environ.update(env)
    return subprocess.run([sys.executable, "-m", "reader", *args, "--data-dir", str(tmp_path / "data")],
                          capture_output=True, text=True, timeout=300, env=environ, cwd=tmp_path)


def assert_one_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)  # not -6: no abort, no core dump
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: "), result.stderr
    assert all(n in lines[0] for n in needles), lines[0]


def test_no_display_says_so_in_one_line(tmp_path: Path) -> None:
    assert_one_line(reader([], tmp_path), "no display", "reader analyze", "--screenshot")


def test_an_x_server_that_does_not_answer_is_named(tmp_path: Path) -> None:
    assert "cannot connect to the X display ':4321'" in (x_server_problem(":4321") or "")
    if (missing := plugin_problem(xcb_plugin())) is not None:
        # this machine lacks a library of Qt's X11 plugin, which Reader names first (next test)
        pytest.skip(missing)
    assert_one_line(reader([], tmp_path, DISPLAY=":4321"), "cannot connect to the X display ':4321'")


def test_a_display_plugin_that_cannot_load_names_the_library_and_the_package(tmp_path: Path) -> None:
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libxcb-cursor.so.0").write_bytes(b"")  # as unusable as a missing one
    result = reader([], tmp_path, DISPLAY=":4321", LD_LIBRARY_PATH=str(broken))
    assert_one_line(result, "cannot load lib", "sudo apt install")


def test_a_screenshot_needs_no_display(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = reader([str(sample_article()), "--screenshot", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_headless_platforms_and_other_systems_are_left_to_qt() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert "no display" in (display_problem({}) or "")
    assert DEBIAN_PACKAGES["libxcb-cursor.so.0"] == "libxcb-cursor0"
