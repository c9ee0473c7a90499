"""Markdown source set before Python-Markdown reads it (reader/document/markdown_source.py)."""

from __future__ import annotations

from reader.document.markdown_source import fenced, lists_after_text, with_breaks_kept


def test_fence_lines_and_what_they_hold_are_fenced() -> None:
    lines = ["text", "```", "- not a list", "```", "after", "   ~~~", "code", "~~~"]
    assert fenced(lines) == [False, True, True, True, False, True, True, True]


def test_a_paragraph_set_line_by_line_keeps_its_breaks_outside_code_and_lists() -> None:
    body = "Warm regards,\nMaria Sanchez\nLong Beach, Calif.\n\n```\nMaria Sanchez\nLong Beach\n```\n\n- one\n- two"
    kept = with_breaks_kept(body)
    assert kept.startswith("Warm regards,  \nMaria Sanchez  \nLong Beach, Calif.\n\n```\nMaria Sanchez\nLong Beach\n```")
    assert kept.endswith("- one\n- two")


def test_a_list_under_a_line_of_text_gets_its_blank_line_but_not_in_code() -> None:
    assert lists_after_text("Steps:\n- one\n- two") == "Steps:\n\n- one\n- two"
    assert lists_after_text("```\nSteps:\n- one\n```") == "```\nSteps:\n- one\n```"
    assert lists_after_text("Steps:\n2. two") == "Steps:\n2. two"
