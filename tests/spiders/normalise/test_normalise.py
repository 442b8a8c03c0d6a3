"""The normaliser's own steps around the field rules: the description is the first paragraph of
prose, not the heading or a label list; a page that reports its event is told from one that only
mentions it in passing (sentence splitting: test_sentences.py)."""

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


def _report(heading: str, lead: str) -> RawEvent:
    body = (
        f"{heading}\n\nVilnius, 3 May 2021 - BNS. {lead}\n\n"
        "The main topic of the conference will be countering the financing of terrorism. "
        "Delegates will also visit the old town and the national museum."
    )
    return RawEvent(source="t", url="u", title=heading, body_text=body)


_NAMED = "Prosecutors began to arrive for the Third Baltic Conference on Terrorist Financing"


def test_headline_saying_people_gathered_reports_the_meeting_its_lead_names() -> None:
    done = normalise(_report("Prosecutors of 40 countries gathered in Vilnius", _NAMED))
    assert done.fields is not None
    assert done.fields.title == "Third Baltic Conference on Terrorist Financing"


def test_headline_where_nobody_gathers_does_not_report_the_meeting_its_lead_names() -> None:
    done = normalise(_report("Baltic prosecutors worry about terrorist financing", _NAMED))
    assert done.fields is None and done.skipped is not None
    assert "only mentioned in passing" in done.skipped
