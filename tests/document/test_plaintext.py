from reader.document import parse
from reader.document.plaintext import split_date_marker


def test_date_marker_becomes_date_and_leaves_text() -> None:
    article = parse(" date 2021-11-02 The council met at dawn.\n\nIt adjourned at noon.", "txt")
    assert article.date == "2021-11-02"
    assert article.text == "The council met at dawn.\n\nIt adjourned at noon."
    assert [article.text[b.start:b.end] for b in article.blocks] == ["The council met at dawn.", "It adjourned at noon."]


def test_no_marker_keeps_text() -> None:
    article = parse("The date 2021-11-02 is mentioned later.", "txt")
    assert article.date is None
    assert article.text.startswith("The date")


def test_marker_needs_an_iso_date() -> None:
    assert split_date_marker("date night was fun") == (None, "date night was fun")


def test_paragraphs_split_on_blank_lines_and_reflow() -> None:
    article = parse("First line\nwrapped here.\n   \n\n\nSecond paragraph.\n", "txt")
    assert article.text == "First line wrapped here.\n\nSecond paragraph."
    assert len(article.blocks) == 2


def test_a_signature_or_an_address_keeps_its_lines() -> None:
    text = "Fix the potholes first.\n\nMaria Sanchez\nLong Beach, Calif.\n\nNarrow prose\nwrapped early."
    article = parse(text, "txt")
    assert [article.text[b.start:b.end] for b in article.blocks] == [
        "Fix the potholes first.", "Maria Sanchez\nLong Beach, Calif.", "Narrow prose wrapped early."]


def test_empty_text_is_an_empty_article() -> None:
    article = parse("", "txt")
    assert article.text == "" and article.blocks == []


def test_lines_that_open_list_items_are_list_items() -> None:
    article = parse("Three readings this week:\n- Omar Haddad on the\n  harbour budget\n* Lena Moss on ferries\n"
                    "-Ruth Ilves finds turnout fell.\n\n1. First\n2) Second\n\nA line - with a dash.", "txt")
    shown = [(b.kind, article.text[b.start:b.end], b.ordinal) for b in article.blocks]
    assert shown == [("paragraph", "Three readings this week:", None),
                     ("list_item", "Omar Haddad on the harbour budget", None),
                     ("list_item", "Lena Moss on ferries", None),
                     ("list_item", "Ruth Ilves finds turnout fell.", None),
                     ("list_item", "First", 1), ("list_item", "Second", 2),
                     ("paragraph", "A line - with a dash.", None)]


def test_a_hyphen_that_wraps_a_word_or_a_number_is_no_list() -> None:
    article = parse("The vote was 52\n-48 in the end, and 2.5 per cent\n2.5 more.", "txt")
    assert [b.kind for b in article.blocks] == ["paragraph"]


def test_prose_wrapped_to_a_measure_reflows_though_its_lines_open_with_capitals() -> None:
    """Each break of a wrapped paragraph left no room for the next word: the wrap made it, not the writer."""
    text = ("The ferry board met on Monday in Digby and\nAnnapolis Royal to hear the\n"
            "Transportation Safety Board.\n\nA short second paragraph ends the notice.")
    article = parse(text, "txt")
    assert article.text.split("\n\n")[0] == ("The ferry board met on Monday in Digby and Annapolis Royal to hear "
                                            "the Transportation Safety Board.")

