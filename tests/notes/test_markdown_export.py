"""Markdown export: grouped by article, passages quoted with colour, notes as written."""

from __future__ import annotations

from notes.markdown_export import to_markdown
from notes.records import Annotation, DocumentRecord, Selector

NATO = DocumentRecord(id="/news/nato.txt", path="/news/nato.txt", content_id="1", title="NATO summit", date="2023-07-11")
FARM = DocumentRecord(id="/news/farm.txt", path="/news/farm.txt", content_id="2", title="Farmers protest")
UNUSED = DocumentRecord(id="/news/other.txt", path="/news/other.txt", content_id="3", title="Never annotated")


def make(doc: DocumentRecord | str, exact: str, start: int, **fields: object) -> Annotation:
    fields.setdefault("created", "2024-03-05T10:00:00.000+00:00")
    return Annotation(document=doc if isinstance(doc, str) else doc.id,
                      selector=Selector(exact, "", "", start, start + len(exact)), **fields)  # type: ignore[arg-type]


def test_page_groups_passages_by_article_in_title_order_and_reading_order() -> None:
    second = make(NATO, "Troops will move east.", 200, note="Check the *numbers*.", tags=["war", "to check"])
    first = make(NATO, "The alliance met.", 10, color="green")
    farm = make(FARM, "Tractors blocked roads.", 5, note="Compare with 2019.\n\n- Paris\n- Berlin", color="pink")
    page = to_markdown([second, farm, first], [NATO, FARM, UNUSED])
    assert page == """# Notes from Reader

3 passages from 2 articles.

## Farmers protest

`/news/farm.txt`

> Tractors blocked roads.
>
> — *pink* · 2024-03-05

Compare with 2019.

- Paris
- Berlin

## NATO summit

2023-07-11 · `/news/nato.txt`

> The alliance met.
>
> — *green* · 2024-03-05

> Troops will move east.
>
> — *yellow* · 2024-03-05

Check the *numbers*.

#war #to-check
"""
    assert "Never annotated" not in page


def test_passage_text_is_escaped_and_keeps_its_paragraphs() -> None:
    a = make(NATO, "He said *never* #MeToo [sic]\n\n1. First point\n- a dash\n> not a quote", 0)
    page = to_markdown([a], [NATO])
    assert ("> He said \\*never\\* \\#MeToo \\[sic\\]\n>\n> 1\\. First point\n> \\- a dash\n> \\> not a quote\n"
            in page)


def test_orphans_are_kept_last_and_marked() -> None:
    orphan = make(NATO, "A sentence that was edited away.", 0, status="orphaned", note="Still worth keeping.")
    placed = make(NATO, "Still here.", 500)
    page = to_markdown([orphan, placed], [NATO])
    assert page.index("Still here.") < page.index("A sentence that was edited away.")
    assert "> — *yellow* · 2024-03-05 · **orphaned**: no longer found in the article\n\nStill worth keeping." in page


def test_notes_of_an_unknown_article_are_kept() -> None:
    lost = make("/gone/`odd`.txt", "Lost passage.", 0, note="note")
    page = to_markdown([lost], [NATO])
    assert "## Unknown article\n\nDocument ``/gone/`odd`.txt`` is no longer in the library." in page
    assert "> Lost passage." in page


def test_targets_and_tags() -> None:
    quote = make(NATO, "“We will respond,” he said.", 0, target={"type": "quote", "speaker": "Jens Stoltenberg"},
                 tags=["#already-hashed", "a tag with spaces", "eu/trade", "!!!"])
    actor = make(NATO, "Stoltenberg", 50, target={"type": "actor", "actor": "Jens Stoltenberg"})
    page = to_markdown([quote, actor], [NATO])
    assert "> — *yellow* · 2024-03-05 · quote by Jens Stoltenberg\n\n#already-hashed #a-tag-with-spaces #eu/trade\n" in page
    assert "> — *yellow* · 2024-03-05 · on Jens Stoltenberg\n" in page


def test_empty_export() -> None:
    assert to_markdown([], [NATO]) == "# Notes from Reader\n\n0 passages from 0 articles.\n"


# Exports are rendered elsewhere (a wiki, a static site, a Markdown previewer): a note must
# not smuggle HTML or local links into them, whatever it holds.
HOSTILE = ["<script>alert(1)</script>", "<img src=file:///etc/passwd>", "<iframe src='file:///home'>",
           "[home](file:///home/me)", "![x](javascript:alert(1))", "[y](<file:///tmp/a>)", "<file:///etc/hosts>",
           "[ref]\n\n[ref]: file:///etc/passwd", "![d](data:text/html;base64,PHNjcmlwdD4=)",
           "<a href='javascript:alert(1)'>click</a>", "text <b onmouseover=alert(1)>bold</b>"]


def _rendered(note: str) -> str:
    import markdown

    return markdown.markdown(to_markdown([make(NATO, "Passage.", 1, note=note)], [NATO]))


def _dangerous(html: str) -> list[str]:
    import re

    tags = {t.lower() for t in re.findall(r"<([a-zA-Z][\w-]*)", html)}
    allowed = {"h1", "h2", "p", "blockquote", "em", "strong", "code", "pre", "ul", "ol", "li", "a", "hr"}
    bad = sorted(tags - allowed)
    bad += [m for m in re.findall(r"(?:href|src)=\"([^\"]*)\"", html) if not m.startswith(("http:", "https:", "mailto:"))]
    return bad


def test_raw_html_and_local_links_in_notes_are_disarmed() -> None:
    for note in HOSTILE:
        html = _rendered(note)
        assert _dangerous(html) == [], (note, html)
    page = to_markdown([make(NATO, "Passage.", 1, note="<script>x</script> and *this* kept")], [NATO])
    assert "&lt;script>x&lt;/script> and *this* kept" in page  # shown as text; Markdown kept


def test_markdown_and_web_links_survive_in_notes() -> None:
    html = _rendered("Read [the report](https://example.org/r) and **this**.\n\n```\n<div>code</div>\n```")
    assert '<a href="https://example.org/r">the report</a>' in html and "<strong>this</strong>" in html
    assert "<div>" not in html and "div&gt;code" in html  # shown, never a tag


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE + ["plain words", "`", "```", "\n", "*", "[", "](", ">", "<"]), max_size=8))
def test_no_note_renders_html_or_local_links(parts: list[str]) -> None:
    assert _dangerous(_rendered("".join(parts))) == []
