"""Saved web pages: the article's body, blocks and metadata, from pages written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from reader.document import load, parse
from reader.document.articlexml import to_html
from reader.document.webpage import NO_ARTICLE_NOTICE

PAGES = Path(__file__).parent / "webpages"
ARTICLES = sorted(p.stem for p in PAGES.glob("*.html") if p.with_suffix(".txt").exists())


def blocks(article) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, article.text[b.start:b.end]) for b in article.blocks]


def spans(article, kind: str) -> list[tuple[str, str | None]]:
    return [(article.text[s.start:s.end], s.href) for s in article.styles if s.kind == kind]


def gold(name: str) -> list[str]:
    return [p.strip() for p in (PAGES / f"{name}.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]


def test_news_page_keeps_the_article_and_drops_the_furniture() -> None:
    article = load(PAGES / "quay-rebuild.html")
    assert article.title == "Storm-damaged quay to be rebuilt by spring, council says"
    assert (article.date, article.author, article.site) == ("2023-06-01", "Marta Lindqvist", "The Northport Courier")
    assert article.notice is None and article.format == "html"
    text = article.text
    for furniture in ("cookies", "Accept all", "Politics", "Search the Courier", "Breaking", "Ferry delays",
                      "Read more", "storm hit the harbour", "Photo: Jonas Berg", "Harbour correspondent",
                      "Share", "Library reopens", "More from Northport", "harbourwatcher", "Steel piles rust",
                      "Post comment", "inbox", "Sign me up", "unsubscribe", "About us", "©", "must never be shown"):
        assert furniture not in text, furniture
    assert article.title not in text  # the header shows it
    assert "1 June 2023" not in text and "2023" not in text  # so is the date
    paragraphs = gold("quay-rebuild")
    found = [t for _, _, t in blocks(article)]
    assert [t for t in found if t in paragraphs] == paragraphs  # every paragraph, in order
    assert ("heading", 2, "Fishermen remain cautious") in blocks(article)
    assert ("quote", 0, paragraphs[6]) in blocks(article)
    assert [(k, level) for k, level, _ in blocks(article) if k == "list_item"] == [("list_item", 1)] * 3
    assert spans(article, "emphasis") == [("steel", None)]
    assert spans(article, "link") == [("council's notice", "https://council.example/harbour/meeting")]


def test_date_only_in_json_ld() -> None:
    page = (PAGES / "slower-ferries.html").read_text(encoding="utf-8")
    outside_json_ld = page[:page.index('<script type="application/ld+json">')] + page[page.index("</script>"):]
    assert "2022-11-14" not in outside_json_ld and "14 November" not in outside_json_ld
    article = parse(page, "html")
    assert (article.date, article.author, article.site) == ("2022-11-14", "Tomas Eriksen", "Coastal Notes")
    assert article.title == "The case for slower ferries"
    assert article.text == "\n\n".join(gold("slower-ferries"))
    assert [(b.kind, b.ordinal) for b in article.blocks if b.kind == "list_item"] == [("list_item", 1), ("list_item", 2),
                                                                                     ("list_item", 3)]
    assert blocks(article)[3] == ("heading", 2, "What a slower timetable would need")
    assert spans(article, "strong") == [("earlier", None)]


def test_a_page_that_is_not_an_article_shows_all_its_text_with_a_notice() -> None:
    article = load(PAGES / "sport-front.html")
    assert article.notice == NO_ARTICLE_NOTICE
    assert article.title == "Sport" and article.site == "The Northport Courier"
    assert article.date is None  # not "2023-01-01" guessed from the copyright line
    text = article.text
    for line in ("News", "Regatta record broken in light winds", "Ice rink to open a month early this winter",
                 "3 days ago", "Older stories", "© 2023 The Northport Courier"):
        assert line in text
    assert ("heading", 1, "Sport") in blocks(article)
    assert ("heading", 2, "Handball team through to the county final") in blocks(article)
    assert ("Older stories", "/sport?page=2") in spans(article, "link")


@pytest.mark.parametrize("name", ARTICLES)
def test_every_test_page_gives_its_body(name: str) -> None:
    """Nearly every paragraph of the hand-written body is a block, and little else is there."""
    article = load(PAGES / f"{name}.html")
    paragraphs = gold(name)
    found = [t for _, _, t in blocks(article)]
    assert sum(p in found for p in paragraphs) >= 0.9 * len(paragraphs)
    extra = sum(len(t) for t in found if t not in paragraphs)
    assert extra <= 0.2 * len(article.text)
    assert article.notice is None and article.date


def test_legacy_code_page_and_line_breaks() -> None:
    article = load(PAGES / "choir-vienna.html")  # windows-1252, a table layout, <br><br> between paragraphs
    assert article.date == "2004-05-09"
    assert "The Ørsund mixed choir came home" in article.text
    assert "“We rehearsed in the bus,” said the conductor" in article.text
    assert all("\n\n" not in article.text[b.start:b.end] for b in article.blocks)


def test_relative_links_resolve_against_the_page_address_and_the_rest_stay_inert() -> None:
    body = "".join(f"<p>Paragraph {i} of the story, long enough to be read as the article body by anyone.</p>"
                   for i in range(6))
    page = f"""<html><head><title>Links</title><link rel="canonical" href="https://paper.example/news/a-story">
    </head><body><nav><a href="/">Home</a></nav><article><h1>Links</h1>{body}
    <p>See <a href="/news/other">the other story</a>, <a href="#note">the note</a>,
    <a href="file:///etc/passwd">a file</a> and <a href="javascript:alert(1)">a script</a> for more of it.</p>
    </article></body></html>"""
    links = dict(spans(parse(page, "html"), "link"))
    assert links == {"the other story": "https://paper.example/news/other", "the note": "#note",
                     "a file": "file:///etc/passwd", "a script": "javascript:alert(1)"}


def hostile_page(secret: Path, article: bool) -> str:
    """A page that tries to make its reader load, run and show things; an article or not."""
    uri = secret.as_uri()
    lines = "".join(f"<p>Paragraph {i} of a page that tries to make its reader load things.</p>" for i in range(6))
    return f"""<!DOCTYPE html [<!ENTITY leak SYSTEM "{uri}">]>
    <html><head><title>Hostile</title><link rel="stylesheet" href="{uri}"><script src="{uri}"></script>
    <link rel="canonical" href="http://127.0.0.1:9/2023/06/01/hostile"><meta property="og:url" content="{uri}">
    <script>document.write("SCRIPT RAN")</script><style>p::after {{ content: "STYLE SHOWN" }}</style>
    <script type="application/ld+json">{{"@type": "NewsArticle", "url": "http://127.0.0.1:9/x",
      "image": "{uri}", "datePublished": "2023-06-01"}}</script>
    <base href="file:///"></head><body><article>{lines if article else "<p>Short line.</p>"}<p>Entity: &leak;</p>
    <iframe src="{uri}">FRAME TEXT</iframe><object data="{uri}">OBJECT TEXT</object><img src="{uri}" alt="IMAGE ALT">
    <svg><text>SVG TEXT</text></svg><noscript>NOSCRIPT TEXT</noscript><template>TEMPLATE TEXT</template>
    <form><input value="FIELD VALUE"><select><option>OPTION TEXT</option></select></form>
    <div hidden>HIDDEN TEXT</div></article></body></html>"""


@pytest.mark.parametrize("article", [True, False], ids=["article", "not-an-article"])
def test_nothing_of_the_page_is_loaded_run_or_shown(tmp_path: Path, article: bool) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT", encoding="utf-8")
    found = parse(hostile_page(secret, article), "html")
    assert (found.notice is None) is article
    assert "Paragraph 5" in found.text if article else "Short line." in found.text
    for leaked in ("TOP SECRET", "SCRIPT RAN", "STYLE SHOWN", "FRAME TEXT", "OBJECT TEXT", "IMAGE ALT", "SVG TEXT",
                   "NOSCRIPT TEXT", "TEMPLATE TEXT", "FIELD VALUE", "OPTION TEXT", "HIDDEN TEXT"):
        assert leaked not in found.text, leaked


AUDIT = """
import json, os, sys
from reader.document import parse
parse(sys.argv[1], "html")  # imports and first-use loading are done; what follows is the page alone
page = open(sys.argv[2], encoding="utf-8").read()
trusted = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.dirname(parse.__code__.co_filename))})
seen, watching = [], True
def audit(event, args):
    if not watching:
        return
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.fsdecode(args[0])
        if not os.path.abspath(path).startswith(trusted):
            seen.append([event, path])
    elif event.startswith(("socket.", "urllib.", "http.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "webbrowser.")):
        seen.append([event, repr(args)[:200]])
sys.addaudithook(audit)
parse(page, "html")
watching = False
print(json.dumps(seen))
"""


@pytest.mark.slow
@pytest.mark.parametrize("article", [True, False], ids=["article", "not-an-article"])
def test_extraction_opens_no_file_and_no_connection(tmp_path: Path, article: bool) -> None:
    """Python's audit hooks see every file opened and every socket made while a page is read."""
    import json
    import subprocess
    import sys

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT", encoding="utf-8")
    page = tmp_path / "hostile.html"
    page.write_text(hostile_page(secret, article), encoding="utf-8")
    warm_up = (PAGES / "quay-rebuild.html").read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", AUDIT, warm_up, str(page)], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_a_failing_extractor_still_shows_the_page(monkeypatch) -> None:
    import trafilatura

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the extractor")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    monkeypatch.setattr(trafilatura.metadata, "examine_meta", broken)
    article = load(PAGES / "quay-rebuild.html")
    assert article.notice == NO_ARTICLE_NOTICE
    assert "Construction is due to begin in September" in article.text
    assert article.title == "Storm-damaged quay to be rebuilt by spring, council says"  # its first heading


@pytest.mark.parametrize("line, same", [
    ("Published 1 June 2023, 10:00", True), ("June 1, 2023", True), ("Thursday 1 June 2023", True),
    ("01.06.2023", True), ("Updated: 2023-06-01 10:00 UTC", True),
    ("1 June 2023: the council meets", False), ("Published 2 June 2023", False), ("", False),
    ("Published 1 June 2023 · By Ann Fell", True), ("1 June 2023 by Ann Fell and Ray Holt", True),
    ("By Ann Fell", False), ("1 June 2023: by the harbour", False),
])
def test_a_line_that_only_gives_the_pages_date_is_the_headers(line: str, same: bool) -> None:
    """The header shows the page's date; a line near the top saying only that date goes (issue 12, item 4)."""
    from reader.document.articlexml import is_date_line

    assert is_date_line(line, "2023-06-01") is same


def test_styles_come_from_the_page_blocks_that_hold_them() -> None:
    """Walking only the blocks around a styled run of the article gives what a walk of the whole page gives."""
    from reader.document import inlinestyles
    from reader.document.article import TextBuilder
    from reader.document.htmlblocks import BlockWalker
    from reader.document.webpage import page_tree

    para = ("<p>The council met on <em>Tuesday</em> about the <a href='/q'>quay plan</a>, and residents spoke "
            "at length about ferries, storms and the price of steel piles.</p>")
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(PAGES.glob("*.html"))] + [
        f"<html><body><form><div class='story'><h1>Quay</h1>{para * 6}<pre>code <b>bold</b>\n  kept</pre></div></form>"
        "<nav><a href='/a'>Tuesday</a> <em>quay plan</em></nav></body></html>",
        f"<html><body><article>{para * 3}<blockquote><p>He said <i>no</i> and <a href='https://x.example/'>left"
        f"</a>.</p></blockquote><div>Loose <strong>text</strong> in a div<p>inner {para}</p> tail</div>"
        "<ul><li>item <a href='#n'>one</a></li><li>two <em>x</em><ul><li>nested <b>y</b></li></ul></li></ul>"
        "<math><mi>quay plan</mi></math></article></body></html>",
        "<html><body><pre>x<div>one <b>two</b>\n   three</div></pre><dialog><p>The council met on <em>Tuesday</em>."
        "</p></dialog><p>The council met on Tuesday.</p><p>A <i>styled</i> copy.</p><p>A styled copy.</p>"
        "</body></html>",
    ]
    for page in pages:
        body = page_tree(page).find("body")
        whole = BlockWalker()
        whole.walk(body)
        everything = inlinestyles.index(whole.builder.text(), whole.builder.blocks, whole.builder.styles)
        texts = [whole.builder.text()[b.start:b.end] for b in whole.builder.blocks]
        for kept in (texts, texts[::2], texts[1::2]):  # the article: all of the page, or every other block
            article = TextBuilder()
            for kept_text in kept:
                article.add_block("paragraph", kept_text)
            text, blocks = article.text(), article.blocks
            assert inlinestyles.carry(text, blocks, inlinestyles.page_index(body, text)) == inlinestyles.carry(
                text, blocks, everything)


@pytest.fixture
def extractions(monkeypatch) -> list[bool]:
    """Each call of trafilatura's extraction, as whether it was the fast step."""
    import trafilatura

    calls: list[bool] = []
    real = trafilatura.bare_extraction

    def counted(*args, **kwargs):
        calls.append(kwargs["options"].fast)
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", counted)
    return calls


def test_the_whole_cascade_runs_only_when_the_fast_step_finds_too_little(extractions: list[bool]) -> None:
    calls = extractions
    assert load(PAGES / "quay-rebuild.html").notice is None
    assert calls == [True]
    calls.clear()
    assert load(PAGES / "sport-front.html").notice == NO_ARTICLE_NOTICE
    assert calls == [True, False]


def _page(article: str, title: str = "Ferry timetable cut for the winter") -> str:
    """A news page of the tests' own around ``article``, with the usual menus and footer."""
    return (f"<html><head><title>{title} | The Sound Gazette</title></head><body>"
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a>"
            "</li></ul></nav><main>"
            f"{article}</main><footer><p>© The Sound Gazette</p><a href='/privacy'>Privacy</a></footer></body></html>")


_PARAGRAPHS = [
    "The ferry company will run four crossings a day instead of six from November, it said on Monday, "
    "because two of its crew have left and nobody has applied for their jobs.",
    "Islanders who travel to the mainland for work said the first crossing would now leave too late "
    "for anyone starting at eight, and asked the county to step in.",
    "The county said it would meet the company next week and look at paying for a third crew member "
    "on the morning boats until the spring.",
]


@pytest.mark.parametrize("above", ["<p class='kicker'>Opinion</p>", "<div class='provider'>Coastal Wire</div>"])
def test_the_labels_above_the_title_go_with_it(above: str) -> None:
    """A kicker or a wire's name above the headline is the page's, not the article's (held-out pages)."""
    title = "Ferry timetable cut for the winter"
    body = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    for page in (_page(f"<article>{above}<h1>{title}</h1>{body}</article>"),
                 _page(f"<table><tr><td>{above}<h1>{title}</h1>{body}</td><td><p>Weather</p></td></tr></table>")):
        article = parse(page, "html")
        assert article.title == title
        assert [t for _, _, t in blocks(article)][:3] == _PARAGRAPHS, article.text


def test_a_long_line_above_the_title_stays() -> None:
    title = "Ferry timetable cut for the winter"
    lead = "Islanders have waited all summer to hear what the winter timetable would be."
    article = parse(_page(f"<article><p>{lead}</p><h1>{title}</h1>"
                          + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</article>"), "html")
    assert lead in article.text


def test_a_live_blog_keeps_every_entry() -> None:
    """The fast step settled on the first of a live blog's entries; the page's paragraphs say there is more."""
    more = " A spokesperson said the change would be reviewed in March, and that the company was talking to the union."
    texts = [p + more for p in [*_PARAGRAPHS, "Good morning: the ferry company is to announce its winter timetable."]]
    entries = "".join(f"<article class='live-entry'><time>{hour}:00</time><h3>Update {hour}</h3><p>{text}</p></article>"
                      for hour, text in zip((14, 13, 12, 11), texts))
    article = parse(_page(f"<h1>Ferry cuts live</h1><div class='live-feed'>{entries}</div>", "Ferry cuts live"),
                    "html")
    for text in texts:
        assert text in article.text


@pytest.mark.parametrize("slot", [
    "<div class='in-article-ad'><p>Advertisement</p></div>", "<div id='ad_unit_2'><span>ADVERTISEMENT</span></div>",
])
def test_the_label_of_an_ad_slot_is_not_text(slot: str) -> None:
    article = parse(_page("<article><h1>Ferry timetable cut for the winter</h1>"
                          f"<p>{_PARAGRAPHS[0]}</p>{slot}<p>{_PARAGRAPHS[1]}</p><p>{_PARAGRAPHS[2]}</p></article>"),
                    "html")
    assert [t for _, _, t in blocks(article)] == _PARAGRAPHS


def test_a_long_text_in_a_box_named_ad_stays() -> None:
    """Only a label goes: a box whose class merely says ``ad`` but holds a paragraph is left to the extractor."""
    article = parse(_page("<article><h1>Ferry timetable cut for the winter</h1><div class='ad'>"
                          + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</div></article>"), "html")
    assert [t for _, _, t in blocks(article)] == _PARAGRAPHS


def test_a_read_more_link_in_the_body_goes_and_a_sentence_with_a_link_stays() -> None:
    """A paragraph that is only a link behind "Read more:" points to another story; a sentence ending in a link
    is the article's."""
    last = "Details of the meeting are on <a href='/meeting'>the county's page</a>."
    article = parse(_page("<article><h1>Ferry timetable cut for the winter</h1>"
                          f"<p>{_PARAGRAPHS[0]}</p><p><strong>Read more:</strong> <a href='/news/1'>Why crews are "
                          f"leaving the islands</a></p><p>{_PARAGRAPHS[1]}</p><p>See also: <a href='/a'>one</a>, "
                          f"<a href='/b'>two</a></p><p>{_PARAGRAPHS[2]}</p><p>{last}</p></article>"), "html")
    assert [t for _, _, t in blocks(article)] == [*_PARAGRAPHS, "Details of the meeting are on the county's page."]


def test_comments_under_a_long_article_do_not_run_the_cascade(extractions: list[bool]) -> None:
    """Paragraphs in comments and teasers outweigh a long article on a heavy page; only a short body is checked."""
    calls = extractions
    comments = "".join(f"<div class='comment'><span class='user'>reader{i}</span><p>{_PARAGRAPHS[i % 3]}</p></div>"
                       for i in range(40))
    story = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS * 3)
    article = parse(_page(f"<article><h1>Ferry timetable cut for the winter</h1>{story}</article>"
                          f"<section id='comments' class='comments'>{comments}</section>"), "html")
    assert _PARAGRAPHS[0] in article.text
    assert calls == [True]


def test_an_xhtml_page_in_windows_1252_gives_its_article(tmp_path: Path) -> None:
    """An XHTML page opens with an XML declaration naming its encoding; the text is decoded before parsing."""
    title = "Café closes after thirty years"
    body = "".join(f"<p>{p} “Merci,” said Renée.</p>" for p in _PARAGRAPHS)
    page = ('<?xml version="1.0" encoding="windows-1252"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:fb="http://www.facebook.com/2008/fbml" xml:lang="en">'
            '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252" />'
            f"<title>{title}</title></head><body><h1>{title}</h1>{body}"
            '<fb:like href="http://example.com/cafe" layout="button_count"></fb:like></body></html>')
    path = tmp_path / "cafe.html"
    path.write_bytes(page.encode("cp1252"))
    article = load(path)
    assert article.notice is None and article.title == title
    assert [t for _, _, t in blocks(article)] == [f"{p} “Merci,” said Renée." for p in _PARAGRAPHS]


def test_a_headline_in_a_plain_box_is_the_headers() -> None:
    """An older CMS puts the headline in ``<div class="headline">``: trafilatura keeps it as a line of text."""
    title = "Ferry timetable cut for the winter"
    body = "<br><br>".join(_PARAGRAPHS)
    article = parse(_page(f"<div class='story'><div class='headline'>{title}</div>"
                          f"<div class='storytext'>{body}</div></div>", title), "html")
    assert article.title == title
    assert [t for _, _, t in blocks(article)] == _PARAGRAPHS


def test_a_read_more_line_in_a_box_goes_and_the_text_after_it_stays() -> None:
    """A CMS that lays paragraphs out with ``<br><br>`` puts its "READ MORE:" line in a ``<div>`` of its own."""
    title = "Ferry timetable cut for the winter"
    body = (f"{_PARAGRAPHS[0]}<br><br><div class='readmore'><b>READ MORE:</b> <a href='/news/1'>Why crews are leaving "
            f"the islands</a></div>{_PARAGRAPHS[1]}<br><br>{_PARAGRAPHS[2]}<br><br>")
    article = parse(_page(f"<div class='story'><h1>{title}</h1><div class='storytext'>{body}</div></div>", title),
                    "html")
    assert [t for _, _, t in blocks(article)] == _PARAGRAPHS


def test_a_quote_on_a_line_of_its_own_in_a_post_is_a_block_and_an_inline_one_stays_inline() -> None:
    """A forum post is one box of text with breaks; a notice quoted in it starts after a break."""
    title = "Ferry timetable cut for the winter"
    notice = "Crossings at 07:10 and 19:40 will not run from 4 November until further notice."
    said = "Islanders said the change was <q>a step too far</q> and asked the county to step in."
    post = (f"<div class='post'><div class='bbWrapper'>{_PARAGRAPHS[0]}<br><br>{said} From the notice on the pier:"
            f"<br><blockquote class='bbCodeBlock'>{notice}</blockquote>\n{_PARAGRAPHS[2]}</div></div>")
    article = parse(_page(f"<h1>{title}</h1>{post}", title), "html")
    assert blocks(article) == [
        ("paragraph", 0, _PARAGRAPHS[0]),
        ("paragraph", 0, "Islanders said the change was a step too far and asked the county to step in. "
                         "From the notice on the pier:"),
        ("quote", 0, notice),
        ("paragraph", 0, _PARAGRAPHS[2]),
    ]


def test_a_photo_gallery_keeps_its_captions_without_credits_and_an_articles_photo_caption_stays_out() -> None:
    """Trafilatura deletes figures; in a gallery the captions are the text (second held-out set)."""
    title = "In pictures: the ferry's last winter"
    captions = [p.split(",")[0] + ", as the photographs of the last crossings show." for p in _PARAGRAPHS]
    slides = "".join(f"<li class='gallery__slide'><figure><img src='/{i}.jpg' alt=''><figcaption>"
                     f"<span class='count'>{i + 1}/3</span><p>{text}</p><p class='credit'>Photograph: Ann Fell</p>"
                     "</figcaption></figure></li>" for i, text in enumerate(captions))
    intro = ("The island's old ferry made its last crossings this week, forty years after she first carried cars and "
             "cattle across the sound, and our photographer went along for the ride on every one of them, from the "
             "first sailing before dawn on Monday to the last one on Friday night.")
    gallery = parse(_page(f"<article><h1>{title}</h1><p class='intro'>{intro}</p><ul class='slides'>{slides}</ul>"
                          "</article>", title), "html")
    assert [t for _, _, t in blocks(gallery)] == [intro, *captions]
    photo = ("<figure><img src='/q.jpg' alt=''><figcaption>The quay at low tide, before the storm that took "
             "its wall. <span class='credit'>Photograph: Ann Fell</span></figcaption></figure>")
    article = parse(_page(f"<article><h1>Ferry timetable cut for the winter</h1>{photo}"
                          + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</article>"), "html")
    assert [t for _, _, t in blocks(article)] == _PARAGRAPHS


def test_boxes_named_with_capitals_go_like_those_named_in_lower_case() -> None:
    """CSS modules name a newsletter box ``Newsletter_box__p6`` and a bio ``AuthorBio_bio__r8``."""
    title = "Ferry timetable cut for the winter"
    body = (f"<p>{_PARAGRAPHS[0]}</p><p>{_PARAGRAPHS[1]}</p><div class='Newsletter_box__p6'><h3>The Island Letter</h3>"
            "<p>One ferry, one story, one timetable, every Friday.</p><form><input type='email'><button>Sign me up"
            f"</button></form></div><p>{_PARAGRAPHS[2]}</p>")
    bio = ("<div class='AuthorBio_bio__r8'><p><strong>Ann Fell</strong> has written about the islands and their "
           "ferries for fifteen years.</p></div>")
    article = parse(_page(f"<article><h1 class='Article_title__f5'>{title}</h1><div class='Article_body__k1'>{body}"
                          f"</div>{bio}</article>", title), "html")
    assert [t for _, _, t in blocks(article)] == _PARAGRAPHS


def test_a_forum_posters_card_above_the_post_is_the_headers() -> None:
    """The poster's name, rank and counts sit beside a post (trafilatura keeps them); the header names the author."""
    card = ("<section class='message-user'><h4 class='message-name'><a href='/members/pierwatcher.7/' "
            "class='username'>PierWatcher</a></h4><h5 class='userTitle'>Well-known member</h5><div "
            "class='message-userExtras'><dl><dt>Joined</dt><dd>Jun 1, 2009</dd></dl><dl><dt>Messages</dt><dd>2,341"
            "</dd></dl></div></section>")
    post = "<br><br>".join(_PARAGRAPHS)
    page = ("<html><head><title>Ferry timetable cut for the winter | Island Forum</title></head><body>"
            "<h1>Ferry timetable cut for the winter</h1><div class='block-body'><article class='message'><div "
            f"class='message-inner'><div class='message-cell message-cell--user'>{card}</div><div class='message-cell "
            f"message-cell--main'><article class='message-body'><div class='bbWrapper'>{post}</div></article></div>"
            "</div></article></div></body></html>")
    article = parse(page, "html")
    assert article.author == "PierWatcher"
    assert [t for _, _, t in blocks(article)] == _PARAGRAPHS


@pytest.mark.parametrize("author, kept", [("Ann Fell", 3), ("PierWatcher", 0)])
def test_short_lines_above_the_text_stay_unless_one_names_the_author(author: str, kept: int) -> None:
    body = etree.fromstring("<body><head rend='h4'>PierWatcher</head><head rend='h5'>Well-known member</head>"
                            "<list rend='dl'><item rend='dt-1'>Joined</item><item rend='dd-1'>Jun 1, 2009</item></list>"
                            f"<p>{_PARAGRAPHS[0]}</p></body>")
    assert len(to_html(body, "Ferry timetable cut for the winter", None, author)) == kept + 1


def test_a_page_laid_out_in_nested_tables_gives_the_story_cell_alone() -> None:
    """An old site puts its menu, story and advert column in cells of nested tables; trafilatura kept them all."""
    title = "Ferry timetable cut for the winter"
    menu = ("<table><tr><td><b>SECTIONS</b><br><a href='/news'>Local News</a><br><a href='/ferries'>Ferries</a>"
            "</td></tr></table>")
    photo = ("<table align='right'><tr><td><img src='/f.jpg'><br><i>The ferry at the pier. Picture: Gazette</i>"
             "</td></tr></table>")
    story = (f"<table><tr><td><font size='1'>Home &gt; News &gt; {title}</font><br><font size='5'><b>{title}</b></font>"
             f"<br>{photo}<font size='2'>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
             + "</font><br><a href='/print'>Printer friendly version</a> | <a href='mailto:'>Email this story</a>"
             "</td></tr></table>")
    page = (f"<html><head><title>Sound Gazette Online - News - {title}</title></head><body><table width='780'>"
            "<tr><td colspan='3'>Friday 16 October | <a href='/news'>News</a> | <a href='/sport'>Sport</a></td></tr>"
            f"<tr><td width='150'>{menu}</td><td width='470'>{story}</td><td width='160'>ADVERTISEMENT<br>"
            "<b>Subscribe to the printed Gazette</b><br>Delivered every Friday.</td></tr>"
            "<tr><td colspan='3'>© 2026 The Sound Gazette. All rights reserved.</td></tr></table></body></html>")
    assert [t for _, _, t in blocks(parse(page, "html"))] == _PARAGRAPHS


def test_an_embedded_post_and_a_video_players_text_are_not_the_articles() -> None:
    """An embed's quote is drawn by the network's script beside it; a player holds the clip's title and transcript."""
    title = "Ferry timetable cut for the winter"
    post = ("<blockquote class='social-embed'><p>Four boats a day?! How are we meant to get to work #ferry</p>&mdash; "
            "Island Mum (@islandmum) <a href='https://x.example/islandmum/status/1'>November 8, 2026</a></blockquote>"
            "<script async src='https://x.example/widgets.js'></script>")
    player = ("<div class='mediaPlayer' data-id='clip-4'><p class='title'>Islanders react to the cuts</p><details>"
              "<summary>Show transcript</summary><p>ISLANDER: We were not asked, we were told, and that is the "
              "problem with this company from top to bottom.</p></details></div>")
    quoted = "A quote of the article's own, set off as a block, stays with the text around it."
    article = parse(_page(f"<article><h1>{title}</h1>{player}<p>{_PARAGRAPHS[0]}</p>{post}<p>{_PARAGRAPHS[1]}</p>"
                          f"<blockquote><p>{quoted}</p></blockquote><p>{_PARAGRAPHS[2]}</p><div class='player-card'>"
                          "<p>Goalkeeper Ann Fell has kept eleven clean sheets this season, a club record.</p></div>"
                          "</article>"), "html")
    assert [t for _, _, t in blocks(article)] == [*_PARAGRAPHS[:2], quoted, _PARAGRAPHS[2],
                                                  "Goalkeeper Ann Fell has kept eleven clean sheets this season, "
                                                  "a club record."]


def test_an_asides_own_text_stays_and_a_pull_quote_or_a_box_of_links_goes() -> None:
    """Trafilatura deletes every aside; in an article a verdict box and the notes are the article's."""
    title = "Did the ferry company really cut half its crossings?"
    verdict = ("<aside class='verdict'><h2>Our verdict</h2><p>Misleading: two crossings of six were cut, a third of "
               "them, and only in winter.</p></aside>")
    pull = ("<aside class='pullquote'><p>It said on Monday that it would run four crossings a day instead of six"
            "</p></aside>")
    related = ("<aside class='related'><h3>Related</h3><ul><li><a href='/a'>Crew shortage hits island routes</a></li>"
               "<li><a href='/b'>County to meet ferry firm</a></li></ul></aside>")
    note = ("<aside id='n1' class='note'><a href='#r1'>1</a> The timetable is on the company's website and at "
            "the pier.</aside>")
    first = _PARAGRAPHS[0].replace("on Monday,", "on Monday,<sup><a id='r1' href='#n1'>1</a></sup>")
    article = parse(_page(f"<article><h1>{title}</h1>{verdict}<p>{first}</p>{pull}<p>{_PARAGRAPHS[1]}</p>"
                          f"{related}<p>{_PARAGRAPHS[2]}</p>{note}</article>", title), "html")
    assert [t for _, _, t in blocks(article)] == [
        "Our verdict", "Misleading: two crossings of six were cut, a third of them, and only in winter.",
        _PARAGRAPHS[0].replace("on Monday,", "on Monday,1"), *_PARAGRAPHS[1:],
        "1 The timetable is on the company's website and at the pier."]


def test_a_live_blogs_entry_times_are_kept() -> None:
    """Trafilatura deletes ``<time>`` with its text; a live blog's entries are headed by their times."""
    more = " A spokesperson said the change would be reviewed in March, and that the company was talking to the union."
    texts = [*_PARAGRAPHS, "Good morning: the ferry company is to announce its winter timetable."]
    entries = "".join(f"<article class='live-entry'><time datetime='2023-06-01T{hour}:05'>{hour}:05</time>"
                      f"<h3>Update {hour}</h3><p>{text}{more}</p></article>"
                      for hour, text in zip((14, 13, 12, 11), texts))
    article = parse(_page(f"<h1>Ferry cuts live</h1><div class='live-feed'>{entries}</div>", "Ferry cuts live"),
                    "html")
    assert [t for _, _, t in blocks(article)] == [
        line for hour, text in zip((14, 13, 12, 11), texts) for line in (f"{hour}:05", f"Update {hour}", text + more)]


def test_a_byline_with_the_date_is_the_headers_and_a_date_in_a_sentence_stays() -> None:
    title = "Ferry timetable cut for the winter"
    said = "The county's meeting on <time datetime='2023-06-08'>8 June</time> is open to the public."
    page = (f"<html><head><title>{title}</title><meta property='article:published_time' content='2023-06-01T09:00:00Z'>"
            f"</head><body><main><article><h1>{title}</h1><p>Published <time datetime='2023-06-01'>1 June 2023</time>"
            " · By <a href='/ann'>Ann Fell</a></p>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
            + f"<p>{said}</p></article></main></body></html>")
    article = parse(page, "html")
    assert (article.title, article.date, article.author) == (title, "2023-06-01", "Ann Fell")
    assert [t for _, _, t in blocks(article)] == [*_PARAGRAPHS, "The county's meeting on 8 June is open to the public."]


def test_a_copyright_line_that_ends_the_story_goes_and_a_sentence_about_copyright_stays() -> None:
    title = "Ferry timetable cut for the winter"
    law = ("Copyright in the timetable belongs to the county, the company said, so it cannot be printed by the "
           "islanders' own paper without permission.")
    body = "".join(f"<p>{p}</p>" for p in [*_PARAGRAPHS, law])
    for story in (f"<article><h1>{title}</h1>{body}<p>© Coastal Wire 2026. All rights reserved.</p></article>",
                  f"<table><tr><td><h1>{title}</h1>{body}</td><td></td></tr>"
                  "<tr><td>© 2004 Sound Gazette · Web design: Isle Data</td><td></td></tr></table>"):
        assert [t for _, _, t in blocks(parse(_page(story), "html"))] == [*_PARAGRAPHS, law]


def test_boxes_named_in_data_attributes_go_like_those_named_in_classes() -> None:
    """A React site names its boxes in ``data-testid`` and ``data-component``; its classes are hashes."""
    title = "Ferry timetable cut for the winter"
    body = (f"<div data-component='text' class='css-1q2w'>{_PARAGRAPHS[0]}</div>"
            "<div data-component='ad' class='css-9z8x'><div class='css-3e4r'>Advertisement</div></div>"
            + "".join(f"<div data-component='text' class='css-1q2w'>{p}</div>" for p in _PARAGRAPHS[1:]))
    letter = ("<div data-testid='newsletter' class='css-5t6y'><div class='css-7u8i'>Sign up for the Island Letter</div>"
              "<div>The news from the islands, every morning.</div></div>")
    article = parse(_page(f"<div class='css-0o9i'><div data-testid='headline' class='css-h1h1'>{title}</div>"
                          f"<div data-testid='article-body' class='css-8y7a'>{body}</div>{letter}</div>"), "html")
    assert [t for _, _, t in blocks(article)] == _PARAGRAPHS
