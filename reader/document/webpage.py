"""Saved web pages: the article as trafilatura finds it, in Reader's blocks and styles.

Trafilatura (the best open extractor on news pages) decides what the article is and
reads the title, date, author and site name; Reader keeps the rest of the job:

- **Safety.** The page is parsed here, by lxml, with no network access, comments and
  processing instructions removed. Scripts (all but JSON-LD metadata), styles, frames,
  embedded objects, media and images are deleted before trafilatura sees the tree (and
  so are embedded posts, :func:`_strip_embeds`, ad slots' labels and
  "Read more:" links, :func:`_strip_furniture`), and it is
  given that tree, never a string, so it fetches and opens nothing (htmldate
  downloads a string that looks like a URL). Only text and link targets come out;
  whether a link may be opened is decided when it is clicked.
- **Structure.** Trafilatura's XML body (``head``, ``p``, ``list``/``item``, ``quote``,
  ``lb`` …) is renamed to HTML (:mod:`reader.document.articlexml`) and walked by the
  walker Markdown goes through, so a paragraph reads the same in every format; emphasis
  and links come from the page's own paragraphs (:mod:`reader.document.inlinestyles`).
- **The title** lives in the metadata and the header shows it: a first heading that
  repeats it is left out of the text, as is the date (trafilatura keeps most date lines out
  of the body; a line near the top that only gives the page's date is left out here).
- **No article.** When trafilatura finds nothing it can call an article, it returns
  nothing or a dump of every line of the page (:func:`_is_page_dump`); Reader then shows
  the page's whole visible text, with its structure, and says so in ``Article.notice``.
- **Speed.** The page is parsed once; trafilatura's fallbacks run only when its own
  extractor finds too little (:func:`_extract`), its metadata is read without the
  categories, tags and licence Reader does not show (:mod:`reader.document.pagemeta`),
  and the page's own blocks are walked only where a style may come from. What remains is
  mostly trafilatura's extractor itself (``benchmarks/webpages.py`` times it alone).
"""

from __future__ import annotations

import copy
import functools
import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from reader.document import inlinestyles, pagemeta
from reader.document.article import Article, TextBuilder
from reader.document.articlexml import credited_author, to_html
from reader.document.htmlblocks import BlockWalker, parse_fragment
from reader.document.plaintext import join_hyphen_breaks

NO_ARTICLE_NOTICE = "No article found on this page: showing all of its text"

_INERT = ("style", "noscript", "template", "svg", "canvas", "iframe", "frame", "frameset", "object", "embed",
          "applet", "video", "audio", "source", "track", "picture", "img", "map", "area",
          "input", "button", "select", "textarea")
"""Never shown by Reader, and cleaned out by trafilatura's first step as well: deleted before
it runs, which spares it the copies and passes over them (scripts apart: JSON-LD stays)."""

_HIDDEN = "//body//*[@hidden]"
"""What a browser does not render; text marked ``aria-hidden`` is shown, so it stays."""


_AD_CANDIDATES = "//body//*[contains(@class, 'ad') or contains(@id, 'ad')]"
_AD_WORDS = frozenset({"ad", "ads", "advert", "adverts", "advertisement"})
"""Words of a class or id that mark an advertising slot (``ad-slot``, ``in-article-ad``, ``ad_unit``)."""
AD_LABEL_CHARS = 40
"""Most text an ad slot may hold to go: a saved page keeps only its label ("Advertisement")."""
_WORD = re.compile(r"[a-z]+")


def _is_ad_slot(element: lxml_html.HtmlElement) -> bool:
    """An element marked as an ad slot whose text is at most a label; a longer one may be anything."""
    words = _WORD.findall(f"{element.get('class') or ''} {element.get('id') or ''}".lower())
    return not _AD_WORDS.isdisjoint(words) and len(element.text_content().strip()) <= AD_LABEL_CHARS


LEAD_IN_WORDS = 3
"""Most words a link-only paragraph's lead-in may have ("Read more:", "See also:", "Weiterlesen:")."""


_LINE_CANDIDATES = "//body//p[.//a] | //body//div[.//a][not(.//div | .//p | .//li | .//table)]"
"""Paragraphs with a link, and boxes with a link that hold no blocks: a line of a page that lays
its text out in ``<div>``s (``<div class="readmore"><b>READ MORE:</b> <a …>…</a></div>``)."""


def _is_link_teaser(paragraph: lxml_html.HtmlElement) -> bool:
    """A paragraph of links whose other text is a lead-in of a few words ending in a colon."""
    outside = " ".join("".join(paragraph.xpath(".//text()[not(ancestor::a)]")).split())
    return outside.endswith(":") and len(outside.split()) <= LEAD_IN_WORDS


def parse_html(markup: str, source: str | None = None) -> Article:
    """The article of a saved page, or the page's whole visible text with a notice."""
    root = page_tree(markup)
    meta = pagemeta.read(root)
    found = _extract(root, meta.url)  # trafilatura works on a copy: ``root`` stays whole
    body = _visible_body(root)
    author = meta.author
    if found is None:
        article, notice = _walk(body), NO_ARTICLE_NOTICE
        styles = article.styles
    else:
        _add_captions(found, root)
        author = meta.author or credited_author(found, meta.date)
        article, notice = _walk(to_html(found, meta.title, meta.date, author)), None
        text = article.text()
        styles = inlinestyles.carry(text, article.blocks, inlinestyles.page_index(body, text))
        styles += article.styles  # inline code trafilatura kept
    styles = sorted(set(inlinestyles.resolve(styles, meta.url)), key=lambda s: (s.start, s.end, s.kind))
    return Article(text=article.text(), blocks=article.blocks, styles=styles, title=meta.title or "",
                   date=meta.date, author=author, site=meta.site, source=source, format="html",
                   notice=notice)


def page_tree(markup: str) -> lxml_html.HtmlElement:
    """The page parsed once, with nothing in it that could run, load or show hidden text; a word
    the page's source wraps at its hyphen is joined first, as trafilatura makes the break a space."""
    root = parse_fragment(join_hyphen_breaks(markup))
    _strip_inert(root, named=any(name in markup for name in _NAMING_ATTRIBUTES))
    return root


def _strip_inert(root: lxml_html.HtmlElement, named: bool = False) -> None:
    _strip_embeds(root)
    etree.strip_elements(root, *_INERT, with_tail=False)
    for script in list(root.iter("script")):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            script.drop_tree()
    for element in root.xpath(_HIDDEN):
        element.drop_tree()
    if named:  # a search of the text is far cheaper than one of the tree
        _names_as_classes(root)
    _strip_furniture(root)


_NAMING_ATTRIBUTES = ("data-testid", "data-component")


def _names_as_classes(root: lxml_html.HtmlElement) -> None:
    """Add the names a box has in ``data-testid`` or ``data-component`` to its class.

    Sites built with React name their boxes there and give them hashed classes
    (``css-8y7aa1``, ``data-testid="newsletter"``): trafilatura, and the ad-slot rule here,
    read only classes and ids, and a saved page's newsletter box and ad label stayed in its
    body (held-out page).
    """
    for element in root.xpath("//body//*[@data-testid or @data-component]"):
        names = [element.get(name) or "" for name in ("class", *_NAMING_ATTRIBUTES)]
        element.set("class", " ".join(name for name in names if name))


_EMBED_QUOTES = "//body//blockquote[following-sibling::*[1][self::script[@src]]]"
"""A block quote that a script of the page's renders: the embed code of a post on X, Instagram,
TikTok or Bluesky is the post's text in a ``blockquote`` followed by the network's script."""


def _strip_embeds(root: lxml_html.HtmlElement) -> None:
    """Delete the posts of other sites embedded in the page.

    Trafilatura keeps an embedded post as a quote (held-out pages); the article tells of the
    post in its own words. Found before the scripts go, for the script beside a quote is what
    shows it is an embed.
    """
    for quote in root.xpath(_EMBED_QUOTES):
        quote.drop_tree()


def _strip_furniture(root: lxml_html.HtmlElement) -> None:
    """Delete what sits inside an article's body but is the site's: the labels of ad slots
    and paragraphs (or lines in a box of their own) that are only a link to another story behind a short
    lead-in ("Read more:")."""
    for element in root.xpath(_AD_CANDIDATES):
        if _is_ad_slot(element):
            element.drop_tree()
    for paragraph in root.xpath(_LINE_CANDIDATES):
        if _is_link_teaser(paragraph):
            paragraph.drop_tree()


def _extract(root: lxml_html.HtmlElement, url: str | None) -> Any:
    """Trafilatura's article body as its XML tree, or ``None`` when it found no article.

    The settings of its published benchmark figures (the default balanced focus; comments,
    formatting and links left out, structure kept all the same), in two steps: its own
    extractor alone first (``fast``), and only when that finds too little
    (:func:`_too_little`, :func:`_page_holds_more`) the whole cascade with readability and
    jusText, which costs several times as much and gives the same body on a page the fast
    step reads well.
    """
    _read_classes(root)
    _unwrap_layout_tables(root)
    _keep_article_asides(root)
    _keep_times(root)
    found = _bare_extraction(root, url, fast=True)
    if found is not None and not _too_little(*found) and not _page_holds_more(root, found[1]):
        return found[0]
    found = _bare_extraction(root, url, fast=False)
    return None if found is None or _is_page_dump(found[0]) else found[0]


def _read_classes(root: lxml_html.HtmlElement) -> None:
    """Give a class with capitals its lower-case spelling as well (``Newsletter_box newsletter_box``),
    and delete media players; one pass over the classes, which on a heavy page are many.

    Trafilatura names boilerplate by lower-case parts of a class ("newsletter", "author",
    "share"), and sites built with CSS modules write ``Newsletter_box__p6`` or ``AuthorBio_bio``:
    its newsletter box and author's bio stayed in an interview's body. Added, not replaced, for
    its names of article bodies have capitals (``articleBody``). Ids are left alone: it also
    tests them whole (``@id='articleContent'``).

    A player (:func:`_is_player`) holds a clip's title and transcript, which trafilatura kept as
    paragraphs (held-out page, F1 0.81 with an embedded post).
    """
    for element in root.xpath("//body//*[@class]"):
        names = element.get("class")
        lower = names.lower()
        if "player" in lower and _is_player(names):
            element.drop_tree()
        elif names != lower:
            element.set("class", f"{names} {lower}")


_MEDIA_WORDS = frozenset({"video", "audio", "media"})
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _is_player(names: str) -> bool:
    """A class with the word "player" and "video", "audio" or "media" (``video-player``,
    ``mediaPlayer``), not a sports page's ``player-profile``."""
    words = set(_WORD.findall(_CAMEL.sub(" ", names).lower()))
    return "player" in words and not _MEDIA_WORDS.isdisjoint(words)


_LAYOUT_TABLES = "//body//table[.//table][not(ancestor::table)]"
"""The outer tables of nested ones: an old site's page layout (menu, story and adverts in cells)."""
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")


def _unwrap_layout_tables(root: lxml_html.HtmlElement) -> None:
    """Make the tables a page is laid out with plain boxes, so the extractor finds the story's cell.

    Trafilatura keeps a table whole (``tables=True``, for data tables in an article): on a page
    laid out in nested tables it took the menu, the advert column and the footer with the story
    (held-out page, F1 0.79). Tables hold each other only for layout: a table that holds one
    becomes boxes with all the tables inside it. Those in its cells are layout too (a menu, a
    photo with its caption): kept as tables, they stayed in the story (F1 0.95); a data table
    in the story's cell of such a page is shown as its cells' lines, as Reader shows any table.
    """
    if any(table.find(".//table") is not None for table in root.iter("table")):  # cheaper than the search below
        for table in root.xpath(_LAYOUT_TABLES):
            for element in table.iter(*_TABLE_PARTS):
                element.tag = "div"


def _keep_times(root: lxml_html.HtmlElement) -> None:
    """Give trafilatura a ``<time>``'s text, which it deletes with the element.

    A live blog's entries are headed by their times ("14:58"), and a byline says "Published
    <time>…</time> by …": without them a live blog lost every time of day (held-out pages) and
    the byline read "Published · By …". A time on a line of its own becomes a paragraph (a
    date line at the top then goes as the header's, :func:`reader.document.articlexml.to_html`);
    one inside a sentence leaves its text in it.
    """
    for time in root.xpath("//body//time"):
        before = time.getprevious()
        text_before = (before.tail if before is not None else time.getparent().text) or ""
        if text_before.strip() or (time.tail or "").strip() or time.xpath("ancestor::p"):
            time.drop_tag()
        else:
            time.tag = "p"


_TOKEN = re.compile(r"\w+")
REPEATED_SHARE = 0.5
"""Share of an aside's word triples said elsewhere in the article above which it repeats it (a pull
quote: 0.88 to 1.0 on the test and held-out pages, a fact check's verdict box 0.26)."""


def _keep_article_asides(root: lxml_html.HtmlElement) -> None:
    """Make an ``aside`` inside the article that is the article's own a block trafilatura keeps.

    Trafilatura deletes every ``aside`` as a sidebar; inside an ``<article>`` one also holds
    the article's notes and a fact check's verdict (held-out pages). One stays when a link
    of the page points at it (a note), or when it has no link and does not repeat the
    article (:data:`REPEATED_SHARE`): a pull quote repeats the text, a signature or a box of
    related stories holds links. It becomes a ``div``, or a ``p`` when it holds text alone
    (trafilatura drops a ``div`` of bare text).
    """
    targets: set[str] | None = None
    for aside in root.xpath("//body//article//aside"):
        if aside.get("id") and targets is None:
            targets = {href[1:] for href in root.xpath("//body//a/@href") if href.startswith("#")}
        if (targets and aside.get("id") in targets) or (not aside.xpath(".//a") and not _repeats_article(aside)):
            inline = all(child.tag in _INLINE_TAGS for child in aside.iterdescendants())
            aside.tag = "p" if inline else "div"


_INLINE_TAGS = frozenset({"a", "em", "i", "strong", "b", "span", "sup", "sub", "small", "q", "cite", "code", "br"})


def _repeats_article(aside: lxml_html.HtmlElement) -> bool:
    text = aside.text_content()
    said = set(_triples(next(aside.iterancestors("article")).text_content().replace(text, " ", 1)))
    own = _triples(text)
    return bool(own) and sum(triple in said for triple in own) > REPEATED_SHARE * len(own)


def _triples(text: str) -> list[tuple[str, ...]]:
    words = _TOKEN.findall(text.lower())
    return [tuple(words[i:i + 3]) for i in range(len(words) - 2)]


def _bare_extraction(root: lxml_html.HtmlElement, url: str | None, fast: bool) -> tuple[Any, str] | None:
    """Trafilatura's body and its text, or ``None`` when it found no text."""
    from trafilatura import bare_extraction

    options = copy.copy(_options(fast))  # built once: reading its configuration costs a tenth of a small page
    options.url = options.source = url
    try:
        found = bare_extraction(root, options=options)
    except Exception:  # noqa: BLE001 - a fault of the library on an odd page: the page's whole text is shown
        return None
    if found is None or isinstance(found, dict):  # a dict is the other shape it is typed to return
        return None
    return found.body, found.raw_text or ""


@functools.cache
def _options(fast: bool) -> Any:
    from trafilatura.settings import Extractor

    return Extractor(output_format="xml", fast=fast, comments=False, tables=True, images=False, formatting=False,
                     links=False)


def _too_little(body: Any, text: str) -> bool:
    """True when the fast step's body is what trafilatura's own cascade would not settle for.

    Its fallbacks step in on a page dump, on less text than its minimum
    (``MIN_EXTRACTED_SIZE``), and on a body without paragraph text or with more tables
    than paragraphs; their other trigger, readability finding twice as much, cannot be
    known without running readability.
    """
    return (_is_page_dump(body) or len(text) < _options(True).min_extracted_size
            or not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")))


SHORT_BODY = 4
"""A fast step's text under this many times trafilatura's minimum (1,000 characters) may be part of an article."""
PARAGRAPHS_PER_BODY = 3
"""How many times a short fast step's text the page's paragraphs may hold before the cascade runs."""


def _page_holds_more(root: lxml_html.HtmlElement, text: str) -> bool:
    """True when the fast step kept little and the page's paragraphs hold several times as much.

    Trafilatura's cascade takes readability's body when it is twice as long; the fast step
    alone can settle on one part of an article split into many (a live blog's first entry,
    274 characters of 1,650). The page's ``p`` text, chrome included, is a cheap bound on
    what readability can find: on the test pages it is at most 1.5 times the fast step's
    text, on that live blog 5.6. Only a short body is checked: on a long one, comments and
    teasers in paragraphs (the 1 MB page) would run the cascade for nothing.
    """
    if len(text) >= SHORT_BODY * _options(True).min_extracted_size:
        return False
    return sum(len(p.text_content().strip()) for p in root.iter("p")) > PARAGRAPHS_PER_BODY * len(text)


def _add_captions(body: Any, root: lxml_html.HtmlElement) -> None:
    """A gallery's text is in its captions: when they hold more than the body found, they join it, in order.

    Trafilatura deletes every ``figure`` (and boxes named ``slide``) with the images, which is
    right for an article's photo captions but leaves a photo gallery with its intro alone. On
    the test and held-out articles the captions hold at most an eighth of the body's text, on
    a gallery twice as much. A short piece of a caption (a credit, "3/8") is left out,
    and so is a caption the body already holds.
    """
    captions = list(root.iter("figcaption"))
    held = " ".join("".join(body.itertext()).split())
    if sum(len(caption.text_content()) for caption in captions) <= len(held):
        return
    for text in map(_caption_text, captions):
        if text and text not in held:
            etree.SubElement(body, "p").text = text


def _caption_text(caption: lxml_html.HtmlElement) -> str:
    """A caption's text without its short parts that are elements of their own (a credit, a counter)."""
    caption = copy.deepcopy(caption)
    for part in list(caption):
        if part.tag not in _CAPTION_INLINE and len(part.text_content().strip()) <= CAPTION_LABEL_CHARS:
            part.drop_tree()
    return " ".join(caption.text_content().split())


CAPTION_LABEL_CHARS = 40
"""Longest part of a caption that is taken for a label (a photographer's credit, an image counter)."""
_CAPTION_INLINE = frozenset({"a", "em", "i", "strong", "b"})
"""A caption's parts that are its text's own styling, never dropped."""


def _is_page_dump(body: Any) -> bool:
    """True for trafilatura's last resort: every line of the page in one paragraph.

    When its extractors find less than an article, trafilatura falls back to the page's
    whole text joined line by line; its extractors themselves never leave a line break
    in a paragraph's text (breaks are ``lb`` elements).
    """
    return len(body) == 1 and body[0].tag == "p" and "\n" in (body[0].text or "")


def _visible_body(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The page's body as a browser shows it (hidden parts went with the inert ones).

    A form is shown as the text it holds (its fields are gone): some sites wrap the whole
    page in one.
    """
    for form in root.iter("form"):
        form.tag = "div"
    body = root.find("body")
    return body if body is not None else root


def _walk(element: Any) -> TextBuilder:
    walker = BlockWalker()
    walker.walk(element)
    return walker.builder
