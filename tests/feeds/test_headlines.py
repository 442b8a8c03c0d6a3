"""Entry titles read at a glance: the conference's name, its place, then what happened."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from hypothesis import given
from hypothesis import strategies as st

from confwatch.feeds.build import render_all
from confwatch.feeds.headlines import (
    HEADLINE_LIMIT,
    entry_headline,
    headline,
    reported_after_held,
    summarise,
)
from confwatch.feeds.safe import plain_text
from confwatch.feeds.settings import FeedSettings
from confwatch.store.records import FieldChange
from tests.feeds.factories import HOSTILE, T0, change, fields

LONG = (
    "Regional Conference on Countering Terrorism and Violent Extremism Conducive to Terrorism"
    " in Central Asia and Beyond: Cooperation, Prevention and the Role of Civil Society"
)


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ([FieldChange("start_date", "2020-09-30", "2020-10-12")], "dates changed"),
        (
            [FieldChange("start_date", None, "2020-10-12"), FieldChange("end_date", None, None)],
            "dates announced",
        ),
        (
            [
                FieldChange("city", "Vienna", "Graz"),
                FieldChange("start_date", "2020-09-30", "2020-10-12"),
            ],
            "dates and place changed",
        ),
        ([FieldChange("organisers", ["OSCE"], ["OSCE", "UNOCT"])], "organiser added"),
        ([FieldChange("organisers", ["OSCE"], ["OSCE", "UNOCT", "EU"])], "organisers added"),
        ([FieldChange("status", "scheduled", "cancelled")], "cancelled"),
        ([FieldChange("status", "postponed", "scheduled")], "scheduled again"),
        (
            [FieldChange("documents", [], [{"title": "Agenda", "url": "https://a/b"}])],
            "new document",
        ),
        (
            [
                FieldChange("start_date", "2020-09-30", "2020-10-12"),
                FieldChange("organisers", ["OSCE"], ["OSCE", "UNOCT"]),
            ],
            "dates changed, organiser added",
        ),
        (
            [
                FieldChange("title", "a", "b"),
                FieldChange("topics", [], ["Youth"]),
                FieldChange("description", "a", "b"),
            ],
            "3 changes",
        ),
    ],
)
def test_what_happened_is_said_in_a_few_words(changes: list[FieldChange], said: str) -> None:
    assert summarise(changes, fields()) == said


def test_a_start_date_given_beside_a_known_end_date_is_a_change_not_an_announcement() -> None:
    assert summarise([FieldChange("start_date", None, "2020-09-30")], fields()) == "dates changed"


def test_a_correction_says_corrected() -> None:
    changes = [FieldChange("city", "Geneva", "Vienna")]
    assert summarise(changes, fields(), corrected=True) == "place corrected"


def test_a_long_name_is_shortened_and_what_happened_is_kept_whole() -> None:
    c = change(
        2,
        kind="changed",
        changes=[FieldChange("status", "scheduled", "postponed")],
        title=LONG,
        city="Almaty",
    )
    title = entry_headline(c)
    assert len(title) <= HEADLINE_LIMIT
    assert title.endswith("… (Almaty): postponed")
    assert LONG.startswith(title.split("…")[0])


def test_the_place_gives_way_before_the_name_becomes_too_short() -> None:
    title = headline(LONG, "x" * 90, "dates changed")
    assert len(title) <= HEADLINE_LIMIT
    assert "(x" not in title and title.endswith(": dates changed")


@given(st.text(max_size=400), st.text(max_size=200))
def test_any_name_and_place_give_a_title_within_the_limit_ending_with_what_happened(
    name: str, city: str
) -> None:
    c = change(1, title=name, city=city, start_date=dt.date(2030, 1, 1), end_date=None)
    title = entry_headline(c)
    assert len(title) <= HEADLINE_LIMIT
    assert title.endswith(": new conference")


@pytest.mark.parametrize(
    ("start", "end", "seen", "held"),
    [
        (dt.date(2017, 5, 1), dt.date(2017, 5, 2), T0, True),
        (dt.date(2020, 8, 31), None, T0, True),  # no end date: the start date decides
        (dt.date(2020, 8, 30), dt.date(2020, 9, 1), T0, False),  # still on when first seen
        (dt.date(2020, 10, 1), dt.date(2020, 10, 2), T0, False),
        (None, None, T0, False),  # unknown dates: not known to be over
    ],
)
def test_a_conference_over_before_it_was_first_seen_is_reported_after_held(
    start: dt.date | None, end: dt.date | None, seen: dt.datetime, held: bool
) -> None:
    assert reported_after_held(fields(start_date=start, end_date=end), seen) is held


def test_a_past_conference_is_headed_reported_already_held() -> None:
    c = change(1, start_date=dt.date(2017, 5, 1), end_date=dt.date(2017, 5, 2))
    assert entry_headline(c) == (
        "2020 OSCE-wide Counter-Terrorism Conference (Vienna): reported, already held"
    )


def test_every_title_in_the_produced_feeds_leads_with_the_name_within_120_characters(
    settings: FeedSettings, now: dt.datetime
) -> None:
    names = [LONG, "Short conference", HOSTILE + LONG, "Conférence régionale " * 12]
    changes = [
        change(
            i + 1,
            event_id=i + 1,
            kind="changed" if i % 2 else "new",
            changes=[FieldChange("status", "scheduled", "cancelled")],
            title=name,
            city="Ulaanbaatar",
        )
        for i, name in enumerate(names)
    ]
    files = render_all(changes, [], settings, now=now)
    for name in ("feed.atom", "feed.rss"):
        parsed = feedparser.parse(files[name])
        assert parsed.bozo == 0 and len(parsed.entries) == len(names)
        for entry in parsed.entries:
            assert len(entry.title) <= HEADLINE_LIMIT
            lead = entry.title.split("…")[0].split(" (Ulaanbaatar)")[0]
            # The whole name, or a shortened one that still says something.
            assert any(
                plain_text(n) == lead or (plain_text(n).startswith(lead) and len(lead) >= 40)
                for n in names
            ), entry.title
