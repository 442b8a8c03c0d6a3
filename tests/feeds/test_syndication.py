"""The Atom and RSS feeds: parse cleanly, validate against RFC 4287, say what changed."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from lxml import etree

from confwatch.feeds.ids import entry_id
from confwatch.feeds.settings import FeedSettings
from confwatch.feeds.syndication import EntryCache, atom_feed, entry_parts, entry_title, rss_feed
from confwatch.store.records import FieldChange, SourceRef
from tests.feeds.factories import HOSTILE, OSCE_URL, T0, change

ATOM = "{http://www.w3.org/2005/Atom}"
UNOCT_URL = "https://www.un.org/counterterrorism/events/conference"


def ordinary_changes() -> list:
    return [
        change(1, kind="new"),
        change(
            2,
            kind="changed",
            changes=[
                FieldChange("start_date", "2020-09-30", "2020-10-12"),
                FieldChange("end_date", "2020-10-01", "2020-10-13"),
            ],
            start_date=dt.date(2020, 10, 12),
            end_date=dt.date(2020, 10, 13),
            sources=[SourceRef("osce", OSCE_URL), SourceRef("unoct", UNOCT_URL)],
        ),
        change(
            3,
            kind="changed",
            changes=[FieldChange("status", "scheduled", "postponed")],
            status="postponed",
        ),
    ]


def assert_valid_atom(data: bytes, schema: etree.RelaxNG) -> None:
    doc = etree.fromstring(data)
    assert schema.validate(doc), schema.error_log
    # RFC 4287's two Schematron rules, which RELAX NG alone does not check:
    assert doc.find(f"{ATOM}author") is not None or all(
        e.find(f"{ATOM}author") is not None for e in doc.iter(f"{ATOM}entry")
    )
    for entry in doc.iter(f"{ATOM}entry"):
        alternate = [
            link
            for link in entry.iter(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert alternate or entry.find(f"{ATOM}content") is not None


def test_atom_feed_parses_without_errors(settings: FeedSettings, now: dt.datetime) -> None:
    parsed = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == 3


def test_rss_feed_parses_without_errors(settings: FeedSettings, now: dt.datetime) -> None:
    parsed = feedparser.parse(rss_feed(ordinary_changes(), settings, now=now))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert len(parsed.entries) == 3


def test_atom_feed_validates_against_rfc4287_schema(
    settings: FeedSettings, now: dt.datetime, atom_schema: etree.RelaxNG
) -> None:
    assert_valid_atom(atom_feed(ordinary_changes(), settings, now=now), atom_schema)


def test_empty_atom_feed_validates_and_is_updated_now(
    settings: FeedSettings, now: dt.datetime, atom_schema: etree.RelaxNG
) -> None:
    data = atom_feed([], settings, now=now)
    assert_valid_atom(data, atom_schema)
    assert feedparser.parse(data).feed.updated_parsed[:6] == now.timetuple()[:6]


def test_entry_titles_lead_with_the_conference_then_say_what_happened(
    settings: FeedSettings, now: dt.datetime
) -> None:
    parsed = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    titles = [e.title for e in parsed.entries]
    assert titles == [
        "2020 OSCE-wide Counter-Terrorism Conference (Vienna): postponed",
        "2020 OSCE-wide Counter-Terrorism Conference (Vienna): dates changed",
        "2020 OSCE-wide Counter-Terrorism Conference (Vienna): new conference",
    ]


def test_the_entry_body_keeps_every_change_before_and_after(
    settings: FeedSettings, now: dt.datetime
) -> None:
    parsed = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    moved = parsed.entries[1]
    expected = "Dates changed: 30 September – 1 October 2020 → 12–13 October 2020"
    assert expected in moved.content[0].value
    assert expected in moved.summary


def test_entry_title_names_the_first_change_readers_act_on_and_counts_the_rest() -> None:
    c = change(
        5,
        kind="changed",
        changes=[
            FieldChange("status", "scheduled", "cancelled"),
            FieldChange("city", "Vienna", "Graz"),
            FieldChange("title", "Old", "2020 OSCE-wide Counter-Terrorism Conference"),
            FieldChange("description", "a", "b"),
        ],
        city="Graz",
    )
    assert entry_title(c) == (
        "2020 OSCE-wide Counter-Terrorism Conference (Graz): cancelled and 3 other changes"
    )


def test_entries_are_newest_first_whatever_the_input_order(
    settings: FeedSettings, now: dt.datetime
) -> None:
    shuffled = [change(i, at=T0 + dt.timedelta(minutes=(i * 37) % 11)) for i in range(1, 12)]
    for data in (atom_feed(shuffled, settings, now=now), rss_feed(shuffled, settings, now=now)):
        stamps = [e.published_parsed for e in feedparser.parse(data).entries]
        assert stamps == sorted(stamps, reverse=True)


def test_feed_keeps_only_max_entries_newest(now: dt.datetime) -> None:
    settings = FeedSettings(max_entries=5)
    many = [change(i) for i in range(1, 21)]
    parsed = feedparser.parse(atom_feed(many, settings, now=now))
    assert [e.id for e in parsed.entries] == [entry_id(c) for c in reversed(many[-5:])]


def test_feed_updated_is_the_newest_entry(settings: FeedSettings, now: dt.datetime) -> None:
    parsed = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    newest = max(c.at for c in ordinary_changes())
    assert parsed.feed.updated_parsed[:6] == newest.timetuple()[:6]


def test_entry_ids_are_stable_across_builds(settings: FeedSettings, now: dt.datetime) -> None:
    first = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    later = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now + dt.timedelta(1)))
    assert [e.id for e in first.entries] == [e.id for e in later.entries]


def test_entry_ids_are_unique_per_revision(settings: FeedSettings, now: dt.datetime) -> None:
    parsed = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == 3
    assert all(i.startswith("urn:uuid:") for i in ids)


def test_rss_guid_is_the_entry_id_and_not_a_permalink(
    settings: FeedSettings, now: dt.datetime
) -> None:
    data = rss_feed(ordinary_changes(), settings, now=now)
    guids = etree.fromstring(data).findall("channel/item/guid")
    assert {g.text for g in guids} == {entry_id(c) for c in ordinary_changes()}
    assert {g.get("isPermaLink") for g in guids} == {"false"}


def test_entry_links_to_its_conference_page_and_every_source_page(
    settings: FeedSettings, now: dt.datetime
) -> None:
    parsed = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    dates_entry = parsed.entries[1]
    assert dates_entry.link == "https://confwatch.example/events/1"
    assert [(ln.rel, ln.href) for ln in dates_entry.links] == [
        ("alternate", "https://confwatch.example/events/1"),
        ("related", OSCE_URL),
        ("related", UNOCT_URL),
    ]
    assert OSCE_URL in dates_entry.content[0].value
    assert UNOCT_URL in dates_entry.content[0].value


def test_rss_item_link_is_the_conference_page(settings: FeedSettings, now: dt.datetime) -> None:
    parsed = feedparser.parse(rss_feed(ordinary_changes(), settings, now=now))
    assert {e.link for e in parsed.entries} == {"https://confwatch.example/events/1"}
    assert all(OSCE_URL in e.content[0].value for e in parsed.entries)  # the source, in the body


def test_entry_categories_are_organisers_and_country_code(
    settings: FeedSettings, now: dt.datetime
) -> None:
    parsed = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    assert [t.term for t in parsed.entries[0].tags] == ["OSCE", "UNOCT", "AT"]
    assert parsed.entries[0].tags[2].label == "Austria"
    rss = feedparser.parse(rss_feed(ordinary_changes(), settings, now=now))
    assert [t.term for t in rss.entries[0].tags] == ["OSCE", "UNOCT", "Austria"]


def test_entry_content_has_dates_place_organisers_and_changes(
    settings: FeedSettings, now: dt.datetime
) -> None:
    parsed = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    content = parsed.entries[1].content[0].value
    for text in (
        "12–13 October 2020",
        "Vienna, Austria",
        "OSCE, UNOCT",
        "Dates changed: 30 September – 1 October 2020 → 12–13 October 2020",
        "https://www.osce.org/files/agenda.pdf",
    ):
        assert text in content
    assert "Vienna, Austria" in parsed.entries[1].summary


def test_entry_updated_is_the_revision_time_in_utc(
    settings: FeedSettings, now: dt.datetime
) -> None:
    cet = dt.timezone(dt.timedelta(hours=2))
    c = change(1, at=dt.datetime(2020, 9, 1, 8, 0, tzinfo=cet))
    data = atom_feed([c], settings, now=now)
    updated = etree.fromstring(data).find(f"{ATOM}entry/{ATOM}updated").text
    assert updated == "2020-09-01T06:00:00+00:00"


def test_feed_has_id_title_and_self_link(settings: FeedSettings, now: dt.datetime) -> None:
    parsed = feedparser.parse(atom_feed(ordinary_changes(), settings, now=now))
    assert parsed.feed.id.startswith("urn:uuid:")
    assert parsed.feed.title == settings.title
    self_links = [ln.href for ln in parsed.feed.links if ln.rel == "self"]
    assert self_links == ["https://confwatch.example/feeds/feed.atom"]
    rss = feedparser.parse(rss_feed(ordinary_changes(), settings, now=now))
    assert [ln.href for ln in rss.feed.links if ln.rel == "self"] == [
        "https://confwatch.example/feeds/feed.rss"
    ]


def test_rss_channel_link_is_the_html_page(settings: FeedSettings, now: dt.datetime) -> None:
    channel = etree.fromstring(rss_feed(ordinary_changes(), settings, now=now)).find("channel")
    assert channel.findtext("link") == "https://confwatch.example/"


def test_naive_revision_times_are_taken_as_utc(settings: FeedSettings, now: dt.datetime) -> None:
    c = change(1, at=dt.datetime(2020, 9, 1, 6, 0))
    assert feedparser.parse(atom_feed([c], settings, now=now)).bozo == 0


def hostile_changes() -> list:
    return [
        change(
            1,
            kind="new",
            title=HOSTILE,
            description=HOSTILE + "\n\n" + HOSTILE,
            organisers=[HOSTILE, "", "OSCE"],
            city=HOSTILE,
            country="<b>",
            url="javascript:alert(1)",
            sources=[
                SourceRef(HOSTILE, "javascript:alert(1)"),
                SourceRef("x", "https://ok.example/"),
            ],
        ),
        change(
            2,
            kind="changed",
            title="",
            changes=[
                FieldChange("title", HOSTILE, ""),
                FieldChange("documents", None, [{"title": HOSTILE, "url": "javascript:x"}]),
                FieldChange("organisers", [HOSTILE], None),
                FieldChange("start_date", "not a date", "2020-13-45"),
            ],
            sources=[],
            url=None,
        ),
    ]


@pytest.mark.parametrize("build", [atom_feed, rss_feed])
def test_hostile_text_yields_a_feed_that_parses(build, settings: FeedSettings, now) -> None:
    parsed = feedparser.parse(build(hostile_changes(), settings, now=now))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert len(parsed.entries) == 2


def test_hostile_atom_feed_validates(settings: FeedSettings, now, atom_schema) -> None:
    assert_valid_atom(atom_feed(hostile_changes(), settings, now=now), atom_schema)


@pytest.mark.parametrize("build", [atom_feed, rss_feed])
def test_markup_in_scraped_text_is_escaped_never_live(build, settings, now) -> None:
    data = build(hostile_changes(), settings, now=now)
    # No raw element from the scraped text anywhere in the XML ...
    assert b"<script" not in data and b"<b>" not in data
    parsed = feedparser.parse(data)
    entry = parsed.entries[1]  # oldest: the hostile "new" entry
    # ... and titles, which RSS readers render as HTML, lose the markup but keep the words.
    assert "<script" not in entry.title and "<b>" not in entry.title
    assert "Evil" in entry.title and "bold" in entry.title
    for text in [entry.summary] + [c.value for c in entry.get("content", [])]:
        assert "<script" not in text  # no live script in any HTML a reader renders
        assert "javascript:" not in text
    assert "\x00" not in entry.title and "\x07" not in entry.title


def test_unsafe_urls_are_never_linked(settings: FeedSettings, now: dt.datetime) -> None:
    parsed = feedparser.parse(atom_feed(hostile_changes(), settings, now=now))
    hrefs = [ln.href for e in parsed.entries for ln in e.get("links", [])]
    # Each entry's own page (on our base_url), and the one safe source page.
    page = "https://confwatch.example/events/1"
    assert sorted(set(hrefs)) == [page, "https://ok.example/"]


printable_or_not = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


@hsettings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(max_size=200), description=st.text(max_size=400), organiser=st.text(max_size=50)
)
def test_any_text_yields_feeds_that_parse_and_validate(
    title: str, description: str, organiser: str, atom_schema: etree.RelaxNG
) -> None:
    settings = FeedSettings()
    now = T0
    changes = [
        change(1, title=title, description=description, organisers=[organiser], city=organiser),
        change(
            2,
            kind="changed",
            changes=[
                FieldChange("title", description, title),
                FieldChange("city", title, organiser),
            ],
            title=title,
            city=organiser,
        ),
    ]
    atom = atom_feed(changes, settings, now=now)
    rss = rss_feed(changes, settings, now=now)
    for data in (atom, rss):
        parsed = feedparser.parse(data)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert len(parsed.entries) == 2
    assert_valid_atom(atom, atom_schema)


def test_entry_cache_gives_the_same_feeds(settings: FeedSettings, now: dt.datetime) -> None:
    changes = [*ordinary_changes(), change(4, kind="new", title=HOSTILE, organisers=[HOSTILE])]
    cache = EntryCache()
    for feed in (atom_feed, rss_feed):
        assert feed(changes, settings, now=now, parts=cache) == feed(changes, settings, now=now)
        # Again from the cache, for a second feed of the same changes:
        assert feed(changes, settings, now=now, parts=cache) == feed(changes, settings, now=now)


def test_entry_cache_computes_each_change_once_and_tells_changes_apart() -> None:
    cache = EntryCache()
    first, twin = change(1), change(1, event_id=2, title="Another conference")  # same revision id
    assert cache(first) is cache(first)
    assert cache(twin) is not cache(first)
    assert cache(twin) == entry_parts(twin) and "Another conference" in cache(twin).title
