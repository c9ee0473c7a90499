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
