"""For any input, every block and style lies inside Article.text and blocks do not overlap."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import parse

MARKUP = st.sampled_from(["\n", "\n\n", " ", "# ", "*", "**", "> ", "- ", "1. ", "<p>", "</p>", "<b>", "<a href='x'>",
                          "</a>", "<script>", "date 2020-01-01 ", "“", "”", "🙂", "\u200f", "\t", "`", "[", "](u)"])
TEXTS = st.lists(st.one_of(MARKUP, st.text(max_size=12)), max_size=40).map("".join)


def check(article) -> None:
    n = len(article.text)
    last = -1
    for b in article.blocks:
        assert 0 <= b.start < b.end <= n
        assert b.start >= last
        assert article.text[b.start:b.end].strip() == article.text[b.start:b.end]
        last = b.end
    for s in article.styles:
        assert 0 <= s.start < s.end <= n


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.sampled_from(["txt", "md", "html", "text"]))
def test_blocks_and_styles_inside_text(text: str, fmt: str) -> None:
    check(parse(text, fmt))
