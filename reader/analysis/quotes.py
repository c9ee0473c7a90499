"""Quotations and their speakers (first cut: none found yet)."""

from __future__ import annotations

from reader.analysis.engine import Parsed
from reader.analysis.model import Actor, Mention, Quote


def find_quotes(parsed: Parsed, actors: list[Actor], mentions: list[Mention]) -> list[Quote]:
    return []
