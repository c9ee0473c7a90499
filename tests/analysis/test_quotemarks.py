"""Quotation marks → spans: pairing, apostrophes, nesting, paragraphs, unbalanced marks."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.quotemarks import find_quoted_spans, paragraphs


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted_spans(text)]


def test_curly_straight_single_and_guillemet_pairs() -> None:
    text = ("She said “we will stay” and he said \"we will go\". "
            "The mayor said ‘nobody leaves’ and 'nobody comes'. Le ministre a dit «pas maintenant».")
    assert quoted(text) == ["“we will stay”", "\"we will go\"", "‘nobody leaves’", "'nobody comes'",
                            "«pas maintenant»"]


def test_apostrophes_are_not_quotes() -> None:
    text = ("The Kremlin’s plan, don't worry, rock 'n' roll in the '90s and ’90s, "
            "the workers' union and the Joneses’ car, 'tis true, ’em all.")
    assert quoted(text) == []


def test_single_quotes_beside_apostrophes() -> None:
    text = "He called it ‘the Kremlin’s last card’ and said 'don't go, it's late' before leaving."
    assert quoted(text) == ["‘the Kremlin’s last card’", "'don't go, it's late'"]


def test_rock_n_roll_inside_a_single_quote() -> None:
    assert quoted("‘Rock ’n’ roll will never die,’ she sang.") == ["‘Rock ’n’ roll will never die,’"]


def test_nested_quote_stays_inside() -> None:
    text = "“He told me ‘never again’, and then he said “we’ll see”,” the aide said. «Il a dit “non”.»"
    assert quoted(text) == ["“He told me ‘never again’, and then he said “we’ll see”,”", "«Il a dit “non”.»"]


def test_nyt_double_apostrophes() -> None:
    text = "''We're America,'' the president added. It was ''a great day.''"
    assert quoted(text) == ["''We're America,''", "''a great day.''"]


def test_paragraph_reopened_is_one_quote() -> None:
    text = "“First paragraph of the statement.\n\n“Second paragraph, and the end.”\n\nAfterwards."
    assert quoted(text) == ["“First paragraph of the statement.\n\n“Second paragraph, and the end.”"]


def test_paragraph_not_reopened_is_one_quote() -> None:
    text = "“First paragraph, left open.\n\nWe wrote a second paragraph with no mark, closed here.”\n\nNot quoted."
    assert quoted(text) == ["“First paragraph, left open.\n\nWe wrote a second paragraph with no mark, closed here.”"]


def test_narration_after_an_open_quote_is_not_swallowed() -> None:
    text = ("The mayor said “the library stays open.\n\n"
            "Opponents called the plan reckless and promised to vote against it.”\n\nThe vote is on Friday.")
    assert quoted(text) == ["“the library stays open."]


def test_an_unopened_paragraph_continues_a_quoted_sentence() -> None:
    """Third-person words, no reopening mark: the quotation opened as the speaker's sentence, so it runs on."""
    text = ("“Nobody asked for this,” the warden said. “The gates stay shut until spring.\n\n"
            "Anyone who climbs the fence will be fined.”\n\nThe park reopens in April.")
    assert quoted(text) == ["“Nobody asked for this,”",
                            "“The gates stay shut until spring.\n\nAnyone who climbs the fence will be fined.”"]


def test_a_quoted_sentence_resumed_after_the_cue_runs_on() -> None:
    text = ("“The gates stay shut,” the warden said, “until the snow melts.\n\n"
            "Then the rangers will decide.”\n\nThe park reopens in April.")
    assert quoted(text)[1] == "“until the snow melts.\n\nThen the rangers will decide.”"


def test_a_quotation_opening_its_paragraph_runs_on_unopened() -> None:
    text = "“The gates stay shut until spring.\n\nThe rangers will decide after that,” the warden said."
    assert quoted(text) == ["“The gates stay shut until spring.\n\nThe rangers will decide after that,”"]


def test_a_signature_line_is_not_swallowed() -> None:
    text = "\"We are going to win this county.\nMaria Ortiz, campaign manager.\"\n\nThe polls open at seven."
    assert quoted(text) == ["\"We are going to win this county."]


def test_a_wrapped_line_continues_the_quote() -> None:
    text = "“have focused largely on paid advertising that reaches few\nvoters in the end.”\n\nNext."
    assert quoted(text) == ["“have focused largely on paid advertising that reaches few\nvoters in the end.”"]


def test_two_apostrophes_and_two_backticks_are_double_marks() -> None:
    text = "“We are ready.’’ Critics disagreed. ‘‘Not yet,’’ one said. ``Maybe,'' said another."
    assert quoted(text) == ["“We are ready.’’", "‘‘Not yet,’’", "``Maybe,''"]


def test_unbalanced_mark_ends_with_its_paragraph() -> None:
    text = "He said “this never closes.\n\nThe report said “this one does” clearly.\n\nLater text."
    assert quoted(text) == ["“this never closes.", "“this one does”"]


def test_unbalanced_single_mark_is_an_apostrophe() -> None:
    text = "The lawyers' fees were high, 'he said and left.\n\nShe said ‘yes’."
    assert quoted(text) == ["‘yes’"]


def test_transcript_turns_are_separate_quotes() -> None:
    text = "\"HOST: First question here?\n\n\"GUEST: My answer is long.\n\n\"HOST: Thank you.\""
    assert quoted(text) == ["\"HOST: First question here?", "\"GUEST: My answer is long.", "\"HOST: Thank you.\""]


def test_inch_marks_and_empty_quotes_are_ignored() -> None:
    assert quoted("A 12\" screen and a 5'10\" man, then \"\" and “ ”.") == []


def test_paragraphs_trim_white_space() -> None:
    text = "  One.\n\n\n Two \r\nThree"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two", "Three"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\n'\"“”‘’«»")), max_size=200))
def test_spans_are_ordered_disjoint_and_start_with_a_mark(text: str) -> None:
    spans = find_quoted_spans(text)
    for q in spans:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start] in "'\"“”‘’«»„‹›`"
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start


def test_long_article_with_stray_marks_stays_linear() -> None:
    paragraph = "The minister’s aide said “we don't know” and left. A stray “mark, 'n' the '90s.\n\n"
    text = paragraph * 40_000  # about 3.4 MB
    started = time.perf_counter()
    spans = find_quoted_spans(text)
    assert time.perf_counter() - started < 20
    assert len(spans) == 80_000
    assert max(q.end - q.start for q in spans) < len(paragraph)


def test_a_paragraph_in_another_style_does_not_continue_an_open_quote() -> None:
    text = "\"Kevin was snoring.\n\n“Here he is, babe,” she said.\n\n“That is all.”"
    assert quoted(text) == ["\"Kevin was snoring.", "“Here he is, babe,”", "“That is all.”"]


def test_space_between_nested_and_outer_closing_marks() -> None:
    text = "\"I dislike the term 'outreach,' \" he told the group. \"It is wrong.\""
    assert quoted(text) == ["\"I dislike the term 'outreach,' \"", "\"It is wrong.\""]


def test_british_single_quotes_over_two_paragraphs() -> None:
    text = "‘We have a responsibility to Ukraine’s people.\n\n‘We will keep the channels open,’ he said.\n\nEnd."
    assert quoted(text) == ["‘We have a responsibility to Ukraine’s people.\n\n‘We will keep the channels open,’"]


def test_plural_possessive_inside_a_single_quote() -> None:
    text = "‘It’s the workers’ money, not theirs,’ he said. The unions' leaders agreed."
    assert quoted(text) == ["‘It’s the workers’ money, not theirs,’"]


def test_many_quotations_over_paragraphs_are_found_in_linear_time() -> None:
    """Each unopened paragraph asks what stands before its quotation's mark: a look at the few
    characters there, not a copy of all the text before it (7.8 s for this text, 0.3 s now)."""
    text = "He said. “We chose the boats.\n\nAnyone who says otherwise should read.” " * 10000
    began = time.perf_counter()
    assert len(find_quoted_spans(text)) == 10000
    assert time.perf_counter() - began < 3.0
