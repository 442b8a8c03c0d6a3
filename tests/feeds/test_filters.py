"""Filtered feeds keep exactly the events their criteria describe, under stable file names."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest

from confwatch.feeds.build import render_all
from confwatch.feeds.filters import FeedFilter, automatic_filters
from confwatch.feeds.settings import FeedSettings
from confwatch.store.records import EventFields
from tests.feeds.factories import change, event


def fields(**kw: object) -> EventFields:
    base: dict[str, object] = {
        "title": "Regional Conference on Countering Terrorism",
        "country": "AT",
        "organisers": ["OSCE TNTD", "UNOCT"],
        "topics": ["Preventing FTF travel"],
        "description": "Foreign terrorist fighters and their return.",
    }
    base.update(kw)
    return EventFields(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("flt", "kept"),
    [
        (FeedFilter("osce", "OSCE", organisers=("OSCE",)), True),
        (FeedFilter("odihr", "ODIHR", organisers=("OSCE ODIHR",)), False),
        (FeedFilter("at", "Austria", countries=("at",)), True),
        (FeedFilter("mn", "Mongolia", countries=("MN",)), False),
        (FeedFilter("ftf", "FTF", keywords=("foreign TERRORIST fighters",)), True),
        (FeedFilter("cyber", "Cyber", keywords=("cyber",)), False),
        (FeedFilter("travel", "Travel", topics=("ftf travel",)), True),
        (FeedFilter("both", "UNOCT in Mongolia", organisers=("UNOCT",), countries=("MN",)), False),
    ],
)
def test_filter_keeps_only_matching_events(flt: FeedFilter, kept: bool) -> None:
    assert flt.keeps(fields()) is kept


def test_automatic_filters_make_one_feed_per_country_and_organiser_with_stable_names() -> None:
    evs = [
        event(1, country="MN", organisers=["UNOCT", "Ministry of Foreign Affairs of Mongolia"]),
        event(2, country="AT", organisers=["UNOCT"]),
    ]
    names = [f.filename_base for f in automatic_filters(evs)]
    assert names == [
        "country-at",
        "country-mn",
        "organiser-ministry-of-foreign-affairs-of-mongolia",
        "organiser-unoct",
    ]


def test_organisers_named_in_other_alphabets_get_feeds_of_their_own() -> None:
    evs = [event(1, organisers=["МИД Монголии", "ОДКБ", "Genève Centre"])]
    names = [f.filename_base for f in automatic_filters(evs) if f.kind == "organiser"]
    assert names == ["organiser-geneve-centre", "organiser-мид-монголии", "organiser-одкб"]


def test_a_country_feed_is_titled_with_the_countrys_name() -> None:
    titles = {f.name: f.title for f in automatic_filters([event(1, country="XK")])}
    assert titles["xk"] == "Conferences in Kosovo"


def test_filtered_feed_holds_only_its_events_and_is_listed_in_the_opml(now: dt.datetime) -> None:
    settings = FeedSettings(
        base_url="https://cw.example",
        automatic_filters=False,
        filters=(FeedFilter("mongolia", "In Mongolia", countries=("MN",)),),
    )
    changes = [change(1, event_id=1, country="MN"), change(2, event_id=2, country="AT")]
    files = render_all(changes, [], settings, now=now)
    entries = feedparser.parse(files["topic-mongolia.atom"]).entries
    assert len(entries) == 1 and feedparser.parse(files["feed.atom"]).entries.__len__() == 2
    assert feedparser.parse(files["topic-mongolia.rss"]).bozo == 0
    assert b"topic-mongolia.atom" in files["feeds.opml"]
