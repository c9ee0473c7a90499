"""The page's metadata, read field by field, is what trafilatura's ``extract_metadata`` finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura import extract_metadata

from reader.document import pagemeta
from reader.document.encoding import decode
from reader.document.webpage import page_tree

PAGES = Path(__file__).parent / "webpages"

_HEAD = "<html><head>{}</head><body><article><h1>Gulls return to the old pier</h1>{}</article></body></html>"
_BODY = "<p>" + "The gulls came back to the pier this week, and the harbour master counted them twice. " * 4 + "</p>"
OWN = {
    "handle as site name": _HEAD.format('<meta property="og:site_name" content="@pierwatch">', _BODY),
    "lower-case site name": _HEAD.format('<meta property="og:site_name" content="pier gazette">', _BODY),
    "address only": _HEAD.format('<link rel="canonical" href="https://www.pier.example/news/gulls">', _BODY),
    "user name as author": _HEAD.format('<meta name="author" content="pierfan">', _BODY),
    "broken JSON-LD": _HEAD.format('<meta name="author" content="Ada Lind">'
                                   '<script type="application/ld+json">{"@type": "NewsArticle", "author": </script>',
                                   _BODY),
    "byline and time only": _HEAD.format(
        "", '<p class="byline">By Ada Lind</p><time datetime="2021-03-04">4 March</time>' + _BODY),
    "nothing": "<html><body><p>Only a line.</p></body></html>",
}


def _pages() -> dict[str, str]:
    found = {p.stem: decode(p.read_bytes(), p.name)[0] for p in sorted(PAGES.glob("*.html"))}
    return {**found, **OWN}


@pytest.mark.parametrize("name", sorted(_pages()))
def test_same_fields_as_extract_metadata(name: str) -> None:
    markup = _pages()[name]
    whole = extract_metadata(page_tree(markup), date_config=pagemeta.date_params())
    assert pagemeta.read(page_tree(markup)) == pagemeta.PageMeta(whole.title, whole.date, whole.author, whole.sitename,
                                                                 whole.url)


def test_a_site_name_that_repeats_the_title_is_not_one() -> None:
    """``Section | Headline - Site`` gave the site name "Section | Headline" (a held-out page): the header showed
    the title twice; the page's host stands in for it."""
    title = "Gulls are back. Terns are not"  # trafilatura takes a part of the line with a full stop for the site
    markup = (f"<html><head><title>Opinion | {title} - The Pier Gazette</title>"
              '<link rel="canonical" href="https://www.piergazette.example/opinion/gulls"></head>'
              f"<body><article><h1>{title}</h1>{_BODY}</article></body></html>")
    meta = pagemeta.read(page_tree(markup))
    assert meta.title == title
    assert meta.site == "piergazette.example"


def test_a_failing_library_gives_no_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_tree: object) -> None:
        raise RuntimeError("odd page")

    monkeypatch.setattr("trafilatura.metadata.examine_meta", broken)
    assert pagemeta.read(page_tree(OWN["nothing"])) == pagemeta.PageMeta()
