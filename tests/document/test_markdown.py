from reader.document import parse


def spans(article, kind):
    return [article.text[s.start:s.end] for s in article.styles if s.kind == kind]


def test_structure_and_inline_styles() -> None:
    md = "# Harbour plan\n\nThe *new* pier is **long**. See [the map](https://example.org/map).\n\n" \
         "> Quoted block\n\n- one\n- two\n\n1. first\n2. second\n"
    article = parse(md, "md")
    kinds = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    assert kinds == [("heading", "Harbour plan"), ("paragraph", "The new pier is long. See the map."),
                     ("quote", "Quoted block"), ("list_item", "one"), ("list_item", "two"),
                     ("list_item", "first"), ("list_item", "second")]
    assert article.title == "Harbour plan"
    assert spans(article, "emphasis") == ["new"]
    assert spans(article, "strong") == ["long"]
    links = [s for s in article.styles if s.kind == "link"]
    assert [(article.text[s.start:s.end], s.href) for s in links] == [("the map", "https://example.org/map")]
    assert [b.ordinal for b in article.blocks if b.kind == "list_item"] == [None, None, 1, 2]


def test_raw_html_is_neither_run_nor_shown() -> None:
    md = "Hello <script>alert('x')</script><b>bold</b> <img src=/etc/passwd> world\n\n<style>p{}</style>"
    article = parse(md, "md")
    assert "alert" not in article.text
    assert "<" not in article.text and ">" not in article.text
    assert "bold" in article.text and "world" in article.text


def test_date_marker_in_markdown() -> None:
    article = parse("date 2020-01-31 Body text here.", "md")
    assert article.date == "2020-01-31"
    assert article.text == "Body text here."


def test_a_double_line_break_ends_a_paragraph() -> None:
    article = parse("One line<br>and the next<br><br>A new paragraph\n\n- an item<br><br>still the item\n", "md")
    assert [(b.kind, article.text[b.start:b.end]) for b in article.blocks] == [
        ("paragraph", "One line\nand the next"), ("paragraph", "A new paragraph"), ("list_item", "an item\nstill the item")]


def test_a_footnote_leaves_no_brackets_and_its_note_ends_the_text() -> None:
    """"[^1]" glued to the sentence and a "[^1]: …" line were shown as typed."""
    article = parse("Quotas fell by a third.[^1] Talks resume in Bergen.\n\n"
                    "[^1]: Figures from the Faroese Fishing Board, whose chair, Oddvør Hansen, attended.\n", "md")
    assert article.text == ("Quotas fell by a third. Talks resume in Bergen.\n\n"
                            "Figures from the Faroese Fishing Board, whose chair, Oddvør Hansen, attended.")


def test_any_punctuation_may_be_escaped_and_a_backslash_ends_a_line_as_a_break() -> None:
    """CommonMark's escapes and backslash breaks: Python-Markdown showed "Marks \\& Spencer" and "said\\ hotels"."""
    article = parse("Hollis \\& Crane's Odile Farquhar said\\\nhotels were full.\n\n```\nkept\\\nas typed\n```\n", "md")
    assert article.text == "Hollis & Crane's Odile Farquhar said\nhotels were full.\n\nkept\\\nas typed"


def test_a_front_matter_goes_to_the_header_and_a_rule_over_text_stays() -> None:
    """Shown as text, "author: Martin Dubrovsky" made its writer an actor of the article."""
    article = parse("---\ntitle: \"Okafor's Eight Wins\"\nauthor:\n  - Martin Dubrovsky\n  - Ines Catarino\n"
                    "date: 2026-12-01T10:00\ntags: [rowing]\n---\n\nChidinma Okafor's crew won.\n", "md")
    assert (article.text, article.title, article.date, article.author) == (
        "Chidinma Okafor's crew won.", "Okafor's Eight Wins", "2026-12-01", "Martin Dubrovsky; Ines Catarino")
    kept = parse("---\n\nThe Mayor: Odile Farquhar\n\n---\n\nMore.", "md")
    assert kept.text == "The Mayor: Odile Farquhar\n\nMore."
