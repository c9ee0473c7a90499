"""The same paragraph reads the same in a .txt, a .md and a saved .html page.

The analysis runs on ``Article.text``, so a name, a quotation or an offset must not
depend on the format an article came in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import load

# Typographic quotes, an apostrophe, dashes, an abbreviation, numbers and a hard wrap.
PARAGRAPH = ("“We will not wait for another storm,” said Ingrid Hallberg, the U.N. envoy — who\n"
             "arrived on 3 May — adding that the 4.2 million crowns (about €370,000) were ‘a start’.")
READ = " ".join(PARAGRAPH.split("\n"))
OTHERS = ["The harbour committee met on Tuesday morning to discuss the breakwater and the ferry quay.",
          "Construction is due to begin in September, once the summer ferry season is over."]


def as_txt() -> str:
    return " date 2023-06-01 " + "\n\n".join([OTHERS[0], PARAGRAPH, OTHERS[1]]) + "\n"


def as_md() -> str:
    styled = PARAGRAPH.replace("Ingrid Hallberg", "*Ingrid Hallberg*").replace("U.N. envoy",
                                                                              "[U.N. envoy](https://un.example/)")
    return "date 2023-06-01 # The storm\n\n" + "\n\n".join([OTHERS[0], styled, OTHERS[1]]) + "\n"


def as_html() -> str:
    styled = (PARAGRAPH.replace("Ingrid Hallberg", "<em>Ingrid Hallberg</em>")
              .replace("U.N. envoy", '<a href="https://un.example/">U.N. envoy</a>')
              .replace("“", "&ldquo;").replace("’", "&rsquo;").replace("—", "&mdash;"))
    paragraphs = "".join(f"<p>{p}</p>\n" for p in [OTHERS[0], styled, OTHERS[1]])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The storm | Courier</title>
    <meta property="article:published_time" content="2023-06-01"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>The storm</h1>
    {paragraphs}</article>
    <footer><p>© 2023 The Courier</p></footer></body></html>"""


@pytest.mark.parametrize("suffix, make", [(".txt", as_txt), (".md", as_md), (".html", as_html)])
def test_same_paragraph_in_every_format(tmp_path: Path, suffix: str, make) -> None:
    path = tmp_path / f"storm{suffix}"
    path.write_text(make(), encoding="utf-8")
    article = load(path)
    paragraphs = [article.text[b.start:b.end] for b in article.blocks if b.kind == "paragraph"]
    assert paragraphs == [OTHERS[0], READ, OTHERS[1]]
    start = article.text.index(READ)
    assert article.text[start - 2:start] == "\n\n" and article.text[start + len(READ):][:2] == "\n\n"
    assert article.date == "2023-06-01"
    styles = sorted((s.kind, s.start - start, s.end - start, s.href) for s in article.styles)
    if suffix != ".txt":  # the same emphasis and link, at the same places
        name, envoy = READ.index("Ingrid Hallberg"), READ.index("U.N. envoy")
        assert styles == [("emphasis", name, name + 15, None), ("link", envoy, envoy + 10, "https://un.example/")]


SIGNED = "Fix the potholes before the stadium.\n\nMaria Sanchez\nLong Beach, Calif.\n"


@pytest.mark.parametrize("suffix, source", [
    (".txt", SIGNED), (".md", SIGNED),
    (".html", "<p>Fix the potholes before the stadium.</p><p>Maria Sanchez<br>Long Beach, Calif.</p>"),
])
def test_a_signature_keeps_its_lines_in_every_format(tmp_path: Path, suffix: str, source: str) -> None:
    path = tmp_path / f"letter{suffix}"
    path.write_text(source, encoding="utf-8")
    article = load(path)
    assert [article.text[b.start:b.end] for b in article.blocks] == [
        "Fix the potholes before the stadium.", "Maria Sanchez\nLong Beach, Calif."]


CREW = ("The medal crews, in order of finish:\n\nOtterburn College, stroked by Dagny Ravnsborg\n"
        "Lakehead University, stroked by Ifeoma Castellane\nQueen's University, stroked by Paul Whitlock\n\n"
        "The women's eight, rowed in a crosswind, was won by a composite crew from Kenora after a restart.\n")


@pytest.mark.parametrize("suffix, source", [
    (".txt", CREW), (".md", CREW),
    (".html", "<p>The medal crews, in order of finish:</p><ul><li>Otterburn College, stroked by Dagny Ravnsborg</li>"
              "<li>Lakehead University, stroked by Ifeoma Castellane</li><li>Queen's University, stroked by Paul "
              "Whitlock</li></ul>"
              "<p>The women's eight, rowed in a crosswind, was won by a composite crew from Kenora after a restart.</p>"),
])
def test_lines_typed_one_to_a_name_are_blocks_in_every_format(tmp_path: Path, suffix: str,
                                                                      source: str) -> None:
    """Joined, "Dagny Ravnsborg Lakehead University" read as one organisation in the .txt copy."""
    path = tmp_path / f"crews{suffix}"
    path.write_text(source, encoding="utf-8")
    article = load(path)
    assert [article.text[b.start:b.end] for b in article.blocks][1:4] == [
        "Otterburn College, stroked by Dagny Ravnsborg", "Lakehead University, stroked by Ifeoma Castellane",
        "Queen's University, stroked by Paul Whitlock"]


@pytest.mark.parametrize("suffix, source", [
    (".txt", "The mill’s owner, Jas\u00admine Tolliver-\nMbeki, thanked Genevi\u200beve Arcand.\n"),
    (".md", "The mill’s owner, **Jas\u00admine** Tolliver-\nMbeki, thanked Genevi&#8203;eve Arcand.\n"),
    (".html", "<p>The mill’s owner, <b>Jas&shy;mine</b> Tolliver-\nMbeki, thanked Genevi&#x200B;eve Arcand.</p>"),
])
def test_invisible_characters_and_a_hyphen_at_a_line_end_leave_names_whole(tmp_path: Path, suffix: str,
                                                                             source: str) -> None:
    """A soft hyphen or zero-width space inside a name, and a name wrapped at its hyphen in the source."""
    path = tmp_path / f"mill{suffix}"
    path.write_text(source, encoding="utf-8")
    assert load(path).text == "The mill’s owner, Jasmine Tolliver-Mbeki, thanked Genevieve Arcand."


@pytest.mark.parametrize("suffix, source", [
    (".txt", "How the trustees voted:\n\nTrustee\tWard\tVote\nOdile Farquhar\tRiverdale\tFor\n"),
    (".md", "How the trustees voted:\n\n| Trustee | Ward | Vote |\n|---|---|---|\n| Odile Farquhar | Riverdale | For |\n"),
    (".html", "<p>How the trustees voted:</p><table><tr><th>Trustee</th><th>Ward</th><th>Vote</th></tr>"
              "<tr><td>Odile Farquhar</td><td>Riverdale</td><td>For</td></tr></table>"),
])
def test_a_table_gives_its_cells_as_blocks_in_every_format(tmp_path: Path, suffix: str, source: str) -> None:
    """A table typed with tabs read "Odile Farquhar\tRiverdale" as one name."""
    path = tmp_path / f"vote{suffix}"
    path.write_text(source, encoding="utf-8")
    article = load(path)
    assert [article.text[b.start:b.end] for b in article.blocks] == [
        "How the trustees voted:", "Trustee", "Ward", "Vote", "Odile Farquhar", "Riverdale", "For"]
