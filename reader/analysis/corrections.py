"""The user's actor corrections, applied to every later analysis (first cut: none applied)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.analysis.model import Analysis


def apply_corrections(analysis: Analysis, corrections: Sequence[dict[str, Any]]) -> Analysis:
    return analysis
