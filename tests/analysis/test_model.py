"""The analysis JSON of :class:`Analysis`: every field of every record, in declaration order."""

from dataclasses import asdict

from reader.analysis.model import Actor, Analysis, Mention, Quote, Reference


def _analysis() -> Analysis:
    return Analysis(
        actors=[Actor("a1", "Mara Vell", "person", "mayor", ["Vell"]), Actor("a2", "Dunmore", "place")],
        mentions=[Mention(0, 9, "a1"), Mention(20, 27, "a2")],
        quotes=[Quote(30, 52, "a1", 0, 9, "said", "named"), Quote(60, 70)],
        references=[Reference(40, 51, "a1")],
    )


def test_to_json_is_asdict_of_every_record() -> None:
    analysis = _analysis()
    out = analysis.to_json()
    for name in ("actors", "mentions", "quotes", "references"):
        expected = [asdict(record) for record in getattr(analysis, name)]
        assert out[name] == expected
        assert [list(d) for d in out[name]] == [list(d) for d in expected]  # same keys, same order


def test_to_json_shares_no_list_with_the_analysis() -> None:
    analysis = _analysis()
    analysis.to_json()["actors"][0]["aliases"].append("Mara")
    assert analysis.actors[0].aliases == ["Vell"]


def test_to_json_round_trips() -> None:
    analysis = _analysis()
    assert Analysis.from_json(analysis.to_json()) == analysis
