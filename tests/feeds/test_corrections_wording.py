"""A correction (confwatch read the same page again, better) is worded as one everywhere readers
look: feed titles and bodies, the HTML page and the digest. An event found only then is new."""

from __future__ import annotations

import dataclasses
import datetime as dt

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html

from confwatch.feeds import digest as render
from confwatch.feeds.page import render_index
from confwatch.feeds.settings import FeedSettings
from confwatch.feeds.syndication import atom_feed, entry_html, entry_text, entry_title
from confwatch.feeds.wording import FOUND_NOTE, describe_change, describe_changes
from confwatch.store.records import CORRECTION, ChangeView, FieldChange
from tests.feeds.factories import change, event

from .test_syndication import assert_valid_atom

D = dt.date
DATES = [
    FieldChange("start_date", "2026-11-03", "2027-02-09"),
    FieldChange("end_date", "2026-11-03", "2027-02-10"),
]


def corrected(changes: list[FieldChange], **kw: object) -> ChangeView:
    """A revision that corrected ``changes`` (the event's fields after it: ``kw``)."""
    view = change(2, kind="changed", changes=changes, start_date=D(2027, 2, 9), **kw)  # type: ignore[arg-type]
    return dataclasses.replace(view, cause=CORRECTION)


def test_corrected_dates_read_as_a_correction_with_both_sides() -> None:
    lines = describe_changes(DATES, cause=CORRECTION)
    assert lines == ["Dates corrected: 3 November 2026 → 9–10 February 2027"]


@pytest.mark.parametrize(
    ("change_", "text"),
    [
        (FieldChange("city", "Geneva", "Vienna"), "City corrected: Geneva → Vienna"),
        (FieldChange("city", "Geneva", None), "City corrected: Geneva → not announced"),
        (FieldChange("title", "Press release", "Regional Conference"),
         "Title corrected: Press release → Regional Conference"),
        (FieldChange("status", "postponed", "scheduled"),
         "Status corrected: postponed → scheduled"),
        (FieldChange("organisers", ["OSCE", "said in a statement"], ["OSCE"]),
         "Organisers corrected: OSCE, said in a statement → OSCE"),
        (FieldChange("registration_deadline", None, "2026-10-01"),
         "Registration deadline corrected: not announced → 1 October 2026"),
    ],
)  # fmt: skip
def test_each_corrected_field_says_corrected(change_: FieldChange, text: str) -> None:
    assert describe_change(change_, corrected=True) == text


def test_a_corrected_place_and_a_taken_away_date_read_as_corrections() -> None:
    lines = describe_changes(
        [FieldChange("city", "Geneva", "Vienna"), FieldChange("country", "CH", "AT"), *DATES[:1]],
        cause=CORRECTION,
    )
    assert lines == [
        "Dates corrected: 3 November 2026 → 9 February 2027",
        "Place corrected: Geneva, Switzerland → Vienna, Austria",
    ]


def test_news_keeps_its_wording() -> None:
    assert describe_changes(DATES) == ["Dates changed: 3 November 2026 → 9–10 February 2027"]


def test_a_feed_entry_of_a_correction_says_so_in_title_and_body() -> None:
    fixed = corrected(DATES, end_date=D(2027, 2, 10))
    assert entry_title(fixed).endswith("(Vienna): dates corrected")
    body = entry_html(fixed)
    assert "Dates corrected: 3 November 2026 → 9–10 February 2027" in body
    assert "What was corrected" in body and "the site did not change" in body
    assert "the site did not change" in entry_text(fixed)


def test_an_event_found_by_reading_again_is_new_and_says_how_it_was_found() -> None:
    found = dataclasses.replace(change(1), cause=CORRECTION)
    assert entry_title(found).endswith(": new conference")
    assert FOUND_NOTE in lxml_html.fromstring(entry_html(found)).text_content()


def test_a_feed_with_corrections_parses_and_validates(
    settings: FeedSettings, now: dt.datetime, atom_schema: etree.RelaxNG
) -> None:
    items = [change(1), corrected(DATES, end_date=D(2027, 2, 10))]
    data = atom_feed(items, settings, now=now)
    assert_valid_atom(data, atom_schema)
    parsed = feedparser.parse(data)
    assert not parsed.bozo
    assert parsed.entries[0].title.endswith(": dates corrected")


def test_the_html_page_words_a_correction(settings: FeedSettings, now: dt.datetime) -> None:
    page = render_index([event(1)], [corrected(DATES, end_date=D(2027, 2, 10))], settings, now=now)
    recent = lxml_html.fromstring(page).xpath("//section[@id='recent']")[0].text_content()
    assert "Dates corrected: 3 November 2026 → 9–10 February 2027" in recent


def test_the_digest_words_corrections_apart_from_news() -> None:
    at = dt.datetime(2026, 11, 18, 6, tzinfo=dt.UTC)
    news = dataclasses.replace(
        change(3, kind="changed", changes=[FieldChange("status", "scheduled", "postponed")],
               status="postponed", start_date=D(2027, 2, 9), end_date=D(2027, 2, 10)),
        at=at,
    )  # fmt: skip
    fix = dataclasses.replace(
        corrected(DATES, end_date=D(2027, 2, 10), status="postponed"), at=at + dt.timedelta(hours=1)
    )
    now = dt.datetime(2026, 11, 23, 7, tzinfo=dt.UTC)
    digest = render.build_digest(render.period_for("weekly", now), [news, fix], [], now=now)
    (item,) = digest.changed
    assert item.changes == [
        "Status: postponed",
        "Dates corrected: 3 November 2026 → 9–10 February 2027",
    ]
    assert "confwatch had misread the page" in digest.changed_note
    letterhead = render.Letterhead(mail_from="confwatch@example.org")
    html, text = render.render(digest, name=None, letterhead=letterhead, unsubscribe=[])
    for part in (html, text):
        assert "Dates corrected: 3 November 2026 → 9–10 February 2027" in part
        assert "confwatch had misread the page" in part


def test_a_digest_without_corrections_keeps_its_note() -> None:
    at = dt.datetime(2026, 11, 18, 6, tzinfo=dt.UTC)
    news = dataclasses.replace(change(3, kind="changed", changes=DATES), at=at)
    now = dt.datetime(2026, 11, 23, 7, tzinfo=dt.UTC)
    digest = render.build_digest(render.period_for("weekly", now), [news], [], now=now)
    assert digest.changed_note == "Before → after, as the source pages now say."
