"""A wheel (not only an editable install) carries the resources and both packages."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_resources(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                             "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("reader-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "reader/resources/samples/harbour-summit-2024-05-17.txt" in names
    assert "reader/cli.py" in names and "notes/records.py" in names
    assert any(n.startswith("reader/resources/wordlists/") for n in names)
    for part in ("stage1.crfsuite", "stage2.crfsuite", "vocabulary.txt", "config.json", "MODEL.md"):
        assert f"reader/resources/models/actors/{part}" in names
    for part in ("model.json", "MODEL.md"):
        assert f"reader/resources/models/attribution/{part}" in names
