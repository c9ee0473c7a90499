"""Saved web pages: the main article text, its title and date, nothing executable."""

from __future__ import annotations

import json
import re

from lxml import html as lxml_html

from reader.document.article import Article
from reader.document.htmlblocks import DROPPED, BlockWalker, parse_fragment

# Page furniture: dropped wherever it is, by tag or by class/id words.
_FURNITURE_TAGS = ("nav", "footer", "aside", "menu")
_FURNITURE_WORDS = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|footer|sidebar|side-bar|advert|advertisement|ads?|ad-slot|promo|"
    r"share|sharing|social|comments?|cookie|consent|banner|related|recommended|subscribe|newsletter|"
    r"breadcrumbs?|masthead|skip-link|popup|modal)($|[-_ ])",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_DATE_META = (
    "article:published_time", "og:article:published_time", "datePublished", "date", "pubdate",
    "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
)


def parse_html(markup: str, source: str | None = None) -> Article:
    """Extract the main article of a saved page."""
    root = parse_fragment(markup)
    title = _title(root)
    date = _date(root)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in DROPPED or tag in _FURNITURE_TAGS or _is_furniture(el):
            if tag in ("body", "html"):
                continue
            el.drop_tree()
    main = _main_element(root)
    walker = BlockWalker()
    walker.walk(main)
    b = walker.builder
    return Article(text=b.text(), blocks=b.blocks, styles=b.styles, title=title, date=date,
                   source=source, format="html")


def _is_furniture(el: lxml_html.HtmlElement) -> bool:
    if el.tag.lower() == "header" and el.getparent() is not None and el.getparent().tag.lower() in ("body", "html"):
        return True
    if (el.get("role") or "").lower() in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    if (el.get("aria-hidden") or "").lower() == "true" or el.get("hidden") is not None:
        return True
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(marks.strip()) and bool(_FURNITURE_WORDS.search(marks)) and el.tag.lower() not in ("article", "main", "body")


def _main_element(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """``<article>``/``<main>`` when present, else the element richest in paragraph text."""
    for xpath in ("//article", "//main", "//*[@role='main']", "//*[@itemprop='articleBody']"):
        found = [el for el in root.xpath(xpath) if _text_len(el) > 0]
        if found:
            return max(found, key=_text_len)
    scores: dict[lxml_html.HtmlElement, int] = {}
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + len(p.text_content().strip())
    if scores:
        best = max(scores, key=scores.__getitem__)
        if scores[best] >= 200:
            return best
    body = root.find("body")
    return body if body is not None else root


def _text_len(el: lxml_html.HtmlElement) -> int:
    return len(el.text_content().strip())


def _title(root: lxml_html.HtmlElement) -> str:
    for xpath in ("//meta[@property='og:title']/@content", "//meta[@name='twitter:title']/@content",
                  "//title/text()", "//h1"):
        for found in root.xpath(xpath):
            text = found.text_content() if hasattr(found, "text_content") else str(found)
            text = " ".join(text.split())
            if text:
                return text
    return ""


def _date(root: lxml_html.HtmlElement) -> str | None:
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in (k.lower() for k in _DATE_META):
            match = _ISO_DATE.search(meta.get("content") or "")
            if match:
                return match.group(1)
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                match = _ISO_DATE.search(str(item.get("datePublished") or ""))
                if match:
                    return match.group(1)
    for time_el in root.iter("time"):
        match = _ISO_DATE.search(time_el.get("datetime") or "")
        if match:
            return match.group(1)
    return None
