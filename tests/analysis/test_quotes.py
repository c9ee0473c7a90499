"""Quotations and their speakers, on hand-built engine output (no spaCy), with the shipped models."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.engine import Entity, Parsed, Token
from reader.analysis.model import Actor, ActorKind, Mention, Quote
from reader.analysis.quotes import find_quotes

_TOKEN = re.compile(r"''|\w+(?:[’'-]\w+)*\.?(?<=[A-Z]\.)|\w+(?:[’'-]\w+)*|\S")
_LEXICON = {
    "said": "VBD", "says": "VBZ", "told": "VBD", "warned": "VBD", "added": "VBD", "explained": "VBD",
    "state": "NN", "reiterated": "VBD", "called": "VBD", "met": "VBD", "arrived": "VBD", "is": "VBZ",
    "was": "VBD", "will": "MD", "adding": "VBG", "asked": "VBD", "according": "VBG", "left": "VBD",
    "he": "PRP", "she": "PRP", "they": "PRP", "it": "PRP", "we": "PRP", "i": "PRP", "him": "PRP",
    "the": "DT", "a": "DT", "an": "DT", "this": "DT", "that": "IN", "who": "WP", "which": "WDT",
    "on": "IN", "at": "IN", "of": "IN", "in": "IN", "for": "IN", "about": "IN", "with": "IN", "to": "TO",
    "and": "CC", "frosty": "JJ", "2010": "CD",
    "also": "RB", "later": "RB", "not": "RB", "new": "JJ", "bad": "JJ", "long": "JJ",
    ".": ".", "?": ".", "!": ".", ",": ",", ":": ":", "(": "-LRB-", ")": "-RRB-",
    "“": "``", "‘": "``", "”": "''", "’": "''", '"': "''", "''": "''",
}


def parse(text: str, people: dict[str, list[str]] | None = None, orgs: dict[str, list[str]] | None = None,
          roles: dict[str, str] | None = None, tags: dict[str, str] | None = None
          ) -> tuple[Parsed, list[Actor], list[Mention]]:
    """Tokens, tags, sentences, entities, actors and mentions for a test text.

    ``people`` and ``orgs`` map an actor's name to the strings that mention it.
    """
    lexicon = {**_LEXICON, **(tags or {})}
    parsed = Parsed(text)
    sentence_open = True
    for m in _TOKEN.finditer(text):
        word = m.group()
        tag = lexicon.get(word.lower()) or lexicon.get(word) or ("NNP" if word[0].isupper() else "NN")
        parsed.tokens.append(Token(m.start(), m.end(), tag, sentence_open))
        sentence_open = tag == "."
    start = 0
    for tok in parsed.tokens:
        if tok.sent_start and tok.start > 0:
            parsed.sentences.append((start, tok.start))
            start = tok.start
    parsed.sentences.append((start, len(text)))
    actors: list[Actor] = []
    mentions: list[Mention] = []
    kinds: tuple[tuple[ActorKind, str, dict[str, list[str]]], ...] = (
        ("person", "PERSON", people or {}), ("organization", "ORG", orgs or {}))
    for kind, label, table in kinds:
        for name, forms in table.items():
            actor = Actor(f"a{len(actors) + 1}", name, kind, (roles or {}).get(name), [f for f in forms if f != name])
            actors.append(actor)
            taken: list[tuple[int, int]] = []
            for form in sorted(forms, key=len, reverse=True):
                for hit in re.finditer(rf"\b{re.escape(form)}\b", text):
                    if any(s < hit.end() and hit.start() < e for s, e in taken):
                        continue
                    taken.append(hit.span())
                    mentions.append(Mention(hit.start(), hit.end(), actor.id))
                    parsed.entities.append(Entity(hit.start(), hit.end(), label))
    mentions.sort(key=lambda m: m.start)
    parsed.entities.sort()
    return parsed, actors, mentions


def run(text: str, **kwargs: object) -> tuple[list[Quote], dict[str, str]]:
    parsed, actors, mentions = parse(text, **kwargs)  # type: ignore[arg-type]
    return find_quotes(parsed, actors, mentions), {a.id: a.name for a in actors}


def said(text: str, q: Quote) -> tuple[str, str | None, str | None]:
    """The quotation, its speaker mention and its cue, as text."""
    mention = text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None
    return text[q.start:q.end], mention, q.cue


STOLTENBERG = {"Jens Stoltenberg": ["Jens Stoltenberg", "Stoltenberg"]}
ROLES = {"Jens Stoltenberg": "NATO Secretary-General", "Olaf Scholz": "German Chancellor"}


def test_speaker_before_with_colon() -> None:
    text = ("More suffering is coming, NATO Secretary-General Jens Stoltenberg warned on Friday at the end "
            "of the meeting: “We urge them to stop this war immediately.”")
    (q,), names = run(text, people=STOLTENBERG)
    assert said(text, q) == ("“We urge them to stop this war immediately.”", "Jens Stoltenberg", "warned")
    assert names.get(q.speaker or "") == "Jens Stoltenberg"


def test_speaker_after_with_a_slipped_verb() -> None:
    text = "“We have been warning for months about this war”, Stoltenberg state, adding that more will come."
    (q,), names = run(text, people=STOLTENBERG)
    assert said(text, q) == ("“We have been warning for months about this war”", "Stoltenberg", "state")
    assert names.get(q.speaker or "") == "Jens Stoltenberg"


def test_inverted_cue_and_apposition() -> None:
    text = "“It is a long road ahead of us,” said Maria Lopez, a spokeswoman for the ministry."
    (q,), names = run(text, people={"Maria Lopez": ["Maria Lopez"]})
    assert said(text, q)[1:] == ("Maria Lopez", "said")
    assert names.get(q.speaker or "") == "Maria Lopez"


def test_name_then_apposition_then_cue() -> None:
    text = "“We will not sign this deal today,” Maria Lopez, the ministry spokeswoman, told reporters."
    (q,), _ = run(text, people={"Maria Lopez": ["Maria Lopez"]})
    assert said(text, q)[1:] == ("Maria Lopez", "told")


def test_interrupted_quote_keeps_its_speaker() -> None:
    text = "Maria Lopez arrived late. “The first part is here,” she said. “And the second part follows now.”"
    first, second = run(text, people={"Maria Lopez": ["Maria Lopez"]})[0]
    assert said(text, first)[1:] == ("she", "said")
    assert (second.speaker_start, second.speaker_end, second.speaker) == (
        first.speaker_start, first.speaker_end, first.speaker)
    assert first.speaker == "a1"


def test_description_resolved_through_the_role() -> None:
    text = ("Stoltenberg met Olaf Scholz in Berlin. Scholz spoke first.\n\n"
            "The NATO chief reiterated that the alliance is not part of this conflict.\n\n"
            "“We have a responsibility not to spread the war beyond these borders.”")
    (q,), names = run(text, people={**STOLTENBERG, "Olaf Scholz": ["Olaf Scholz", "Scholz"]}, roles=ROLES,
                      tags={"spoke": "VBD"})
    assert said(text, q)[1:] == ("The NATO chief", "reiterated")
    assert names.get(q.speaker or "") == "Jens Stoltenberg"


def test_definite_description_without_a_role_goes_to_the_salient_person() -> None:
    text = ("Maria Lopez met the press in Madrid.\n\n"
            "“Nothing has been decided about the new budget yet,” the minister said.")
    (q,), names = run(text, people={"Maria Lopez": ["Maria Lopez"]})
    assert said(text, q)[1:] == ("the minister", "said")
    assert names.get(q.speaker or "") == "Maria Lopez"


def test_indefinite_description_names_nobody() -> None:
    text = "Maria Lopez left early.\n\n“The vote was rigged from the very start,” a spokesman said."
    (q,), _ = run(text, people={"Maria Lopez": ["Maria Lopez"]})
    assert said(text, q)[1:] == ("a spokesman", "said")
    assert q.speaker is None


def test_follow_on_paragraph_keeps_the_current_speaker() -> None:
    text = ("“The talks failed because nobody came prepared,” Lopez said.\n\n"
            "“We will try again next month with a better plan.”")
    first, second = run(text, people={"Maria Lopez": ["Lopez"]})[0]
    assert said(text, second)[1] == "Lopez"
    assert second.speaker == first.speaker == "a1"


def test_according_to() -> None:
    text = "According to Maria Lopez, “the talks have failed completely and for good”."
    (q,), _ = run(text, people={"Maria Lopez": ["Maria Lopez"]})
    assert said(text, q)[1:] == ("Maria Lopez", "According to")


def test_gender_neutral_pronoun_goes_to_the_last_subject() -> None:
    text = ("Alex Kim met Jordan Lee on Monday. Lee said the plan was bad. "
            "“It will fail before the winter comes,” he said.")
    (q,), names = run(text, people={"Alex Kim": ["Alex Kim"], "Jordan Lee": ["Jordan Lee", "Lee"]})
    assert said(text, q)[1:] == ("he", "said")
    assert names.get(q.speaker or "") == "Jordan Lee"


def test_relative_pronoun_resolves_to_its_antecedent() -> None:
    text = ("Obama had a frosty relationship with McConnell, who in 2010 said the goal was "
            "“to make Obama a one-term president.”")
    (q,), names = run(text, people={"Barack Obama": ["Obama"], "Mitch McConnell": ["McConnell"]},
                      tags={"had": "VBD", "goal": "NN"})
    assert said(text, q)[1] == "who"
    assert names.get(q.speaker or "") == "Mitch McConnell"


def test_transcript_turn() -> None:
    text = "\"PENCE: Well, look, this is the answer I will give you tonight.\""
    (q,), names = run(text, people={"Mike Pence": ["Mike Pence"]})
    assert said(text, q)[1] == "PENCE"
    assert names.get(q.speaker or "") == "Mike Pence"


def test_short_spans_need_a_speaker() -> None:
    text = ("The so-called “experts” appeared on “Morning Joe” yesterday. "
            "Trump called it “a con” on Friday.")
    quotes, names = run(text, people={"Donald Trump": ["Trump"]})
    assert [said(text, q) for q in quotes] == [("“a con”", "Trump", "called")]


def test_a_quotation_with_nothing_around_it_has_no_speaker() -> None:
    text = "“Somebody must have taken the keys away from here.”"
    (q,), _ = run(text)
    assert (q.speaker, q.speaker_start, q.cue, q.speaker_via) == (None, None, None, None)


def test_multi_paragraph_quote_is_one_quote_with_one_speaker() -> None:
    text = ("Stoltenberg spoke after the meeting.\n\n"
            "“We have a responsibility to keep this from spreading.\n\n"
            "We want to keep the channels open to prevent accidents.”\n\nThe meeting ended.")
    (q,), _ = run(text, people=STOLTENBERG, tags={"spoke": "VBD"})
    assert said(text, q)[0].count("\n\n") == 1
    assert q.speaker == "a1"


def test_long_article_stays_fast() -> None:
    block = ("“We will not give up on this town, not now and not ever,” Maria Lopez said on Monday. "
             "“And the second half comes later,” she added.\n\n"
             "A stray “mark that never closes.\n\nThe Kremlin’s “experts” met.\n\n")
    text = block * 5000  # about 0.9 MB
    parsed, actors, mentions = parse(text, people={"Maria Lopez": ["Maria Lopez"]})
    started = time.process_time()  # the work done, whatever else the machine runs
    quotes = find_quotes(parsed, actors, mentions)
    assert time.process_time() - started < 20
    assert len(quotes) == 15000  # two attributed quotes and the stray one per block
    assert all(q.speaker == "a1" for q in quotes[:2])


def test_a_new_subject_takes_over_from_the_last_speaker() -> None:
    text = ("“There will be no early vote,” Scholz told reporters.\n\n"
            "Opposition leader Friedrich Merz disagreed. “This government has lost its mandate,” he said.")
    first, second = run(text, people={"Olaf Scholz": ["Scholz"], "Friedrich Merz": ["Friedrich Merz"]},
                        tags={"disagreed": "VBD", "lost": "VBN"})[0]
    assert (first.speaker, second.speaker) == ("a1", "a2")
    assert said(text, second)[1] == "he"


def test_participle_after_a_comma_takes_the_main_speaker() -> None:
    text = ("Maria Lopez spoke first. “The cuts are deep,” she said, adding that the plan would "
            "“close every library in this town”.")
    first, second = run(text, people={"Maria Lopez": ["Maria Lopez"]}, tags={"spoke": "VBD", "would": "MD"})[0]
    assert said(text, second)[1:] == ("she", "adding")
    assert second.speaker == "a1"


def test_a_preposition_object_is_not_the_speaker() -> None:
    text = "Protesters marching through the streets chanted “we are not going home tonight”."
    (q,), _ = run(text, tags={"marching": "VBG", "through": "IN", "chanted": "VBD", "streets": "NNS",
                              "protesters": "NNS"})
    assert said(text, q)[1:] == ("Protesters", "chanted")


def test_a_title_with_a_preposition_stays_one_name() -> None:
    text = ("Towns will get new harbours, European Commissioner for Maritime Affairs Helena Varga promised "
            "on Thursday: “No village will be left behind.”")
    (q,), names = run(text, people={"Helena Varga": ["Helena Varga"]}, tags={"promised": "VBD", "get": "VB"})
    assert said(text, q)[1:] == ("Helena Varga", "promised")


def test_an_apposed_name_is_preferred_to_the_role() -> None:
    text = "The Prime Minister, Rishi Sunak, said the plan was “the right one for the country”."
    (q,), names = run(text, people={"Rishi Sunak": ["Rishi Sunak"]}, tags={"minister": "NNP"})
    assert said(text, q)[1:] == ("Rishi Sunak", "said")
    assert names.get(q.speaker or "") == "Rishi Sunak"


def test_a_description_that_fits_no_known_role_names_nobody() -> None:
    text = ("Prime Minister Boris Johnson met the press.\n\n"
            "“We are done with this whole affair,” the official said.")
    (q,), _ = run(text, people={"Boris Johnson": ["Boris Johnson"]}, roles={"Boris Johnson": "Prime Minister"})
    assert said(text, q)[1] == "the official"
    assert q.speaker is None


def test_a_sentence_begun_by_a_quote_and_closed_by_its_attribution() -> None:
    text = ("Elizabeth Warren spoke last. “You squeezed your employees to the breaking point” "
            "to drive up the stock price, she said on Tuesday.")
    (q,), _ = run(text, people={"Elizabeth Warren": ["Elizabeth Warren"]}, tags={"spoke": "VBD", "drive": "VB"})
    assert said(text, q)[1:] == ("she", "said")
    assert q.speaker == "a1"


def test_a_role_matches_an_actor_named_long_before() -> None:
    filler = "The weather stayed calm over the harbour all week. " * 80
    text = ("Jens Stoltenberg opened the meeting.\n\n" + filler + "\n\n"
            "“We will not send troops into that country,” the NATO chief said.")
    (q,), names = run(text, people=STOLTENBERG, roles=ROLES, tags={"opened": "VBD", "stayed": "VBD"})
    assert said(text, q)[1] == "the NATO chief"
    assert names.get(q.speaker or "") == "Jens Stoltenberg"


def test_it_goes_to_the_nearest_organisation() -> None:
    text = ("Maria Lopez met officials of the Foreign Ministry on Monday.\n\n"
            "“We are deeply concerned by these reports,” it said in a statement.")
    (q,), names = run(text, people={"Maria Lopez": ["Maria Lopez"]}, orgs={"Foreign Ministry": ["Foreign Ministry"]})
    assert said(text, q)[1] == "it"
    assert names.get(q.speaker or "") == "Foreign Ministry"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Lopez", "said", "he", "the", "minister", ",", ".", ":", "“", "”", "\"", "'",
                                 "‘", "’", "according", "to", "\n\n", "\n", "warned", "who", "(", ")", "—", "it"]),
                max_size=60))
def test_any_text_gives_well_formed_quotes(pieces: list[str]) -> None:
    text = " ".join(pieces)
    quotes, names = run(text, people={"Maria Lopez": ["Lopez"]})
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.speaker is None or q.speaker in names
        if q.speaker_start is not None:
            assert q.speaker_end is not None
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)


def test_text_without_tokens_still_gives_its_quotes() -> None:
    text = "“Hello there, my old friend, how are you?” he said."
    (q,) = find_quotes(Parsed(text), [], [])
    assert (text[q.start:q.end], q.speaker) == ("“Hello there, my old friend, how are you?”", None)


def test_pronoun_goes_to_the_subject_described_just_before_through_its_role() -> None:
    text = ("“We will fund our own share,” Anders Holm said.\n\n"
            "Asked about the quotas, the commissioner shook her head. “That is for another day,” she said.")
    people = {"Anders Holm": ["Anders Holm"], "Mira Tal": ["Mira Tal"]}
    roles = {"Anders Holm": "fisheries minister", "Mira Tal": "European Commissioner for Ports"}
    (_, second), names = run(text, people=people, roles=roles, tags={"asked": "VBN", "shook": "VBD", "her": "PRP$"})
    assert said(text, second)[1:] == ("she", "said")
    assert names.get(second.speaker or "") == "Mira Tal"


def test_pronoun_goes_to_the_subject_after_a_leading_clause() -> None:
    text = ("Alex Kim spoke first. During the town hall, Jordan Lee had a question for Alex Kim. "
            "“Why did the plan fail so badly?” she said.")
    (q,), names = run(text, people={"Alex Kim": ["Alex Kim"], "Jordan Lee": ["Jordan Lee"]},
                      tags={"during": "IN", "had": "VBD", "spoke": "VBD"})
    assert names.get(q.speaker or "") == "Jordan Lee"


def test_pronoun_subjects_chain_back_to_the_named_one() -> None:
    text = ("“The policy covers everyone,” Alex Kim said on Monday. Kim campaign spokesman Jordan Lee told reporters "
            "the rule was wrong. However, he could not explain it. “We have no bill yet,” he said.")
    quotes, names = run(text, people={"Alex Kim": ["Alex Kim", "Kim"], "Jordan Lee": ["Jordan Lee"]},
                        tags={"however": "RB", "could": "MD", "explain": "VB", "campaign": "NN", "spokesman": "NN"})
    assert names.get(quotes[1].speaker or "") == "Jordan Lee"


def test_a_description_the_roles_do_not_match_fully_leaves_the_pronoun_to_salience() -> None:
    text = ("Dana Rowe says she has plans. The Republican presidential nominee noted that ads were cheap. "
            "He said, “We have some big plans for the final month.”")
    (q,), names = run(text, people={"Dana Rowe": ["Dana Rowe"], "Gary Lund": ["Gary Lund"]},
                      roles={"Gary Lund": "Libertarian presidential nominee"},
                      tags={"noted": "VBD", "republican": "JJ", "presidential": "JJ", "nominee": "NN", "has": "VBZ"})
    assert names.get(q.speaker or "") != "Gary Lund"
