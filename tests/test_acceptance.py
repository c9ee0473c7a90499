"""The shared acceptance check on a real article, when shared/ lies beside the checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = SHARED / "samples" / "nato-2022-03-04.txt"
CHECK = SHARED / "acceptance" / "check.py"
WANT = SHARED / "acceptance" / "nato-2022-03-04.json"


@pytest.mark.skipif(not (SAMPLE.exists() and CHECK.exists() and WANT.exists()), reason="shared/ not beside the checkout")
def test_nato_article_passes_every_acceptance_check(tmp_path: Path) -> None:
    analysis = subprocess.run([sys.executable, "-m", "reader", "analyze", str(SAMPLE), "--json", "--no-cache",
                               "--data-dir", str(tmp_path)], capture_output=True, text=True, timeout=180)
    assert analysis.returncode == 0, analysis.stderr
    check = subprocess.run([sys.executable, str(CHECK), str(WANT)], input=analysis.stdout,
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout
