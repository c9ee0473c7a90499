from reader.document import parse

PAGE = """<!doctype html><html><head><title>Site | The harbour story</title>
<meta property="og:title" content="The harbour story">
<meta property="article:published_time" content="2023-06-01T08:00:00Z">
<script>document.write('evil')</script><style>body{color:red}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div class="ad-slot">Buy now!</div>
<article><h1>The harbour story</h1><p>The <em>old</em> quay collapsed on Monday.</p>
<p>Engineers said it <a href="file:///etc/passwd">could</a> be rebuilt.</p>
<img src="/tmp/secret.png"><form><input value="x">Subscribe</form>
<ul><li>Point one</li><li>Point two</li></ul></article>
<aside class="related">Related: other stories</aside>
<footer>© Somebody 2023</footer></body></html>"""


def test_main_text_title_and_date() -> None:
    article = parse(PAGE, "html")
    assert article.title == "The harbour story"
    assert article.date == "2023-06-01"
    assert article.text.startswith("The harbour story\n\nThe old quay collapsed on Monday.")
    for junk in ("Home", "Buy now", "evil", "color:red", "Related", "©", "Subscribe"):
        assert junk not in article.text
    assert "Point two" in article.text
    assert [b.kind for b in article.blocks] == ["heading", "paragraph", "paragraph", "list_item", "list_item"]


def test_links_are_kept_as_styles_not_followed() -> None:
    article = parse(PAGE, "html")
    link = next(s for s in article.styles if s.kind == "link")
    assert article.text[link.start:link.end] == "could"
    assert link.href == "file:///etc/passwd"


def test_page_without_article_uses_densest_text() -> None:
    body = "<p>" + "Real story text goes on. " * 20 + "</p>"
    page = f"<html><body><div id='menu'><p>Menu</p></div><div>{body}{body}</div></body></html>"
    article = parse(page, "html")
    assert "Menu" not in article.text
    assert article.text.count("Real story") == 40
