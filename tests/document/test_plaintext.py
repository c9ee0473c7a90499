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


def test_empty_text_is_an_empty_article() -> None:
    article = parse("", "txt")
    assert article.text == "" and article.blocks == []
