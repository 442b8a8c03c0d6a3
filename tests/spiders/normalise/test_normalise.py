"""The normaliser's own steps around the field rules: the description is the first paragraph of
prose, not the heading or a label list (sentence splitting: test_sentences.py)."""

from __future__ import annotations

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise


def test_description_skips_the_heading_and_label_lists() -> None:
    body = (
        "National seminar on countering terrorism\n\n\u2022 Date:\n\u2022 6 July 2017\n\n"
        "The seminar on terrorism brought together 70 participants from ten countries."
    )
    raw = RawEvent(
        source="t", url="u", title="National seminar on countering terrorism", body_text=body
    )
    fields = normalise(raw).fields
    assert fields is not None and fields.description is not None
    assert fields.description.startswith("The seminar on terrorism brought together")
