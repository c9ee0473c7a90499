"""The quotation markup converter (``benchmarks/quotes_markup.py``) puts every span where
the marks were, in the plain text, and refuses inconsistent markup."""

from __future__ import annotations

import pytest
from tests.scripts import load_script

markup = load_script("benchmarks/quotes_markup.py", "quotes_markup")

TEXT = """# written for this test
=== a1
The mayor of Lyon spoke on Monday.

{{"We are not done,"|Q1}} ^^said|Q1,Q2^^ <<Ines Morel|Q1,Q2|Ines Morel>>. {{"Not by a long way.|Q2}}

{{"The budget," she added, "is tight."|Q3}}

<<She|Q4|Ines Morel>> ^^called|Q4^^ the plan {{“a ‘small’ miracle”|Q4|mixed}} and left. A "scare" word.
=== a2
{{"Nobody knows,"|Q1}} a sign read.
"""


def records() -> list[dict]:
    return markup.convert(TEXT)


def test_spans_fall_on_the_marked_words() -> None:
    first, second = records()
    text = first["text"]
    assert "{{" not in text and "<<" not in text and "^^" not in text
    by_id = {q["attribution_id"]: q for q in first["quotes"]}
    assert by_id["Q1"]["text"] == '"We are not done,"'
    assert text[by_id["Q1"]["start"]:by_id["Q1"]["end"]] == '"We are not done,"'
    assert by_id["Q2"]["text"] == '"Not by a long way.'
    for qid in ("Q1", "Q2"):
        q = by_id[qid]
        assert text[q["speaker_start"]:q["speaker_end"]] == "Ines Morel"
        assert q["speaker_reference"] == "Ines Morel"
        assert text[q["cue_start"]:q["cue_end"]] == "said"
    assert by_id["Q1"]["speaker_position"] == "after"
    assert by_id["Q4"]["speaker_is_pronoun"] and by_id["Q4"]["speaker_position"] == "before"
    assert by_id["Q4"]["quote_type"] == "mixed" and by_id["Q4"]["text"] == "“a ‘small’ miracle”"
    assert by_id["Q3"]["speaker"] is None and by_id["Q3"]["quote_type"] == "direct"
    assert [q["start"] for q in first["quotes"]] == sorted(q["start"] for q in first["quotes"])
    assert second["id"] == "a2" and second["quotes"][0]["speaker"] is None


def test_nested_and_two_paragraph_quotes() -> None:
    art = markup.parse_article("n", '{{"He said {{\'never\'|Q2}} to me.\n\n"And he meant it."|Q1}}')
    outer, inner = art.quotes["Q1"], art.quotes["Q2"]
    assert art.text[outer[0]:outer[1]] == '"He said \'never\' to me.\n\n"And he meant it."'
    assert art.text[inner[0]:inner[1]] == "'never'"


@pytest.mark.parametrize("bad", [
    "{{unclosed quote",
    'a quote "x"|Q1}} that never opened',
    '{{"x"|Q1}} <<he|Q1|A B>> and <<she|Q1|C D>>',
    '{{"x"|Q1}} ^^said|Q1^^ ^^told|Q1^^',
    '{{"x"|Q1}} <<he|Q9|A B>>',
    '{{"x"|Q1}} {{"y"|Q1}}',
    "a mark <<written wrongly>>",
])
def test_inconsistent_markup_is_refused(bad: str) -> None:
    with pytest.raises(markup.MarkupError):
        markup.parse_article("bad", bad)


def test_text_before_the_first_article_is_refused() -> None:
    with pytest.raises(markup.MarkupError):
        markup.convert("stray line\n=== a\ntext\n")


def test_the_modern_set_keeps_its_shape() -> None:
    """24 articles of 150-350 words with 8-15 quotations each, every quotation inside its marks."""
    path = markup.Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "quotes-modern.txt"
    docs = markup.convert(path.read_text(encoding="utf-8"))
    assert len(docs) == 24
    for doc in docs:
        quoted = [q for q in doc["quotes"] if q["quote_type"] != "indirect"]
        assert 150 <= len(doc["text"].split()) <= 350, doc["id"]
        assert 8 <= len(quoted) <= 15, doc["id"]
        for q in quoted:
            assert q["text"][0] in "\"'“‘" and q["text"][-1] in "\"'”’", (doc["id"], q["text"])


def test_the_error_listing_matches_quotes_as_the_scorer_does() -> None:
    """``quotes_modern.py --errors``: a missed quote, a wrong speaker, a right mention of the wrong
    actor and an extra quote each get their line, and the actor tally counts named speakers."""
    modern = load_script("benchmarks/quotes_modern.py", "quotes_modern")
    if not modern.SCORER.exists():
        pytest.skip("needs ../shared/eval/score.py beside the checkout")
    (gold,) = markup.convert(
        '=== e1\n{{"One."|Q1}} <<Ana Ruiz|Q1|Ana Ruiz>> ^^said|Q1^^. '
        '{{"Two more words."|Q2}} <<she|Q2|Ana Ruiz>> said. '
        '{{"Three words here."|Q3}} ^^said|Q3^^ <<Ben Ode|Q3|Ben Ode>>. A "scare" word.\n')
    text = gold["text"]
    _, q2, q3 = gold["quotes"]
    ruiz = text.index("Ana Ruiz")
    scare = text.index('"scare"')
    pred = {"id": "e1", "actors": [{"id": "a1", "name": "Ana Ruiz"}, {"id": "a2", "name": "Ben Ode"}],
            "quotes": [{"start": q2["start"], "end": q2["end"], "speaker": "a2", "speaker_via": "pronoun",
                        "speaker_start": q2["speaker_start"], "speaker_end": q2["speaker_end"]},
                       {"start": q3["start"], "end": q3["end"], "speaker": "a1", "speaker_start": ruiz,
                        "speaker_end": ruiz + 8},
                       {"start": scare, "end": scare + 7}]}
    tally: dict[str, int] = {}
    lines = modern.errors(modern.load_scorer(modern.SCORER), [gold], {"e1": pred}, tally)
    assert [line.split()[0] for line in lines if not line.startswith(" ")] == ["MISSED", "ACTOR", "SPEAKER", "EXTRA"]
    assert tally == {"named": 2, "actor_right": 0}
