"""W3C Web Annotation JSON-LD: export, import, and the round trip with the same ids."""

from __future__ import annotations

import json

import pytest

from notes import w3c
from notes.records import Annotation, Selector


def _note(**fields: object) -> Annotation:
    base = dict(document="/home/zoë/articles/war & peace.txt",
                selector=Selector("Russia is preparing", "warned on Friday that ", " for a long war", 50, 69),
                color="pink", note="A *big* claim — «שלום» 🎉", tags=["war", "nato"])
    base.update(fields)
    return Annotation(**base)  # type: ignore[arg-type]


def test_round_trip_keeps_everything() -> None:
    notes = [_note(), _note(note="", tags=[], color="blue"), _note(id="https://example.org/anno/7")]
    data = json.loads(json.dumps(w3c.export(notes)))
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    assert w3c.parse(data) == notes


def test_exported_shape_follows_the_model() -> None:
    a = _note()
    item = w3c.to_jsonld(a)
    assert item["id"].startswith("urn:uuid:") and item["type"] == "Annotation"
    assert item["target"]["source"] == "file:///home/zo%C3%AB/articles/war%20%26%20peace.txt"
    kinds = {s["type"]: s for s in item["target"]["selector"]}
    assert kinds["TextQuoteSelector"]["exact"] == "Russia is preparing"
    assert (kinds["TextPositionSelector"]["start"], kinds["TextPositionSelector"]["end"]) == (50, 69)
    purposes = [(b["purpose"], b["value"]) for b in item["body"]]
    assert purposes == [("commenting", a.note), ("tagging", "war"), ("tagging", "nato")]


def test_reads_lists_pages_and_foreign_shapes() -> None:
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.com/a/1", "type": "Annotation",
        "body": {"type": "TextualBody", "value": "interesting", "purpose": "commenting"},
        "target": {"source": "file:///tmp/a.txt", "selector": {"type": "TextQuoteSelector", "exact": "Kyiv"}},
    }
    tagged = {"id": "urn:uuid:00000000-0000-0000-0000-000000000001", "type": "Annotation",
              "motivation": "tagging", "body": [{"type": "TextualBody", "value": "later"}],
              "target": [{"source": "file://localhost/tmp/a.txt",
                          "selector": [{"type": "TextPositionSelector", "start": 3, "end": 9}]}]}
    for shape in ([foreign, tagged], {"type": "AnnotationPage", "items": [foreign, tagged]},
                  {"type": "AnnotationCollection", "items": [foreign, tagged]}):
        a, b = w3c.parse(shape)
        assert (a.id, a.note, a.selector.exact, a.document) == ("http://example.com/a/1", "interesting", "Kyiv", "/tmp/a.txt")
        assert (b.id, b.tags, b.selector.start, b.selector.end) == ("0" * 31 + "1", ["later"], 3, 9)


@pytest.mark.parametrize(("data", "message"), [
    ({"type": "Book"}, "found type 'Book'"),
    ("annotations", "expected a list"),
    ([{"id": "x", "target": {"source": "https://example.com/a"}}], "annotation 1 target.source must be a file"),
    ([{"id": "x", "target": {"source": "file:///a", "selector": []}}], "annotation 1 has neither"),
    ([{"target": {"source": "file:///a"}}], "annotation 1 has no id"),
    ([{"id": "x", "target": {"source": "file:///a",
                              "selector": {"type": "TextPositionSelector", "start": 5, "end": 1}}}],
     "without sound start and end"),
])
def test_refuses_what_it_cannot_read(data: object, message: str) -> None:
    with pytest.raises(w3c.W3CFormatError, match=message):
        w3c.parse(data, "in.jsonld")
