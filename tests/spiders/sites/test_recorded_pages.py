"""Every source's spider callback on the recorded pages, field by field.

The callbacks run offline on the fixture files (the same ``page_events`` + ``normalise`` a crawl
runs); following links is checked on the listing pages with Scrapy responses built from the files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from confwatch.scheduler.config import load_settings
from confwatch.spiders.normalise.organisers import same_body
from confwatch.spiders.offline import extract_page
from confwatch.spiders.registry import spider_class
from confwatch.store.records import EventFields
from tests.conftest import FIXTURES

SITES = FIXTURES / "sites"
SOURCES = {s.key: s for s in load_settings(env={}).sources}
D = dt.date


def page_file(url: str) -> Path:
    host, _, path = url.removeprefix("https://").partition("/")
    base = SITES / host / path.split("?")[0]
    if "?" in url:
        return base / f"index@{url.split('?')[1]}.html"
    return base if base.is_file() else base / "index.html"


def extract(url: str, source: str) -> list[EventFields]:
    body = page_file(url).read_text("utf-8")
    return extract_page(body, url=url, source=SOURCES[source], is_text=False).events


def has_organiser(found: list[str], name: str) -> bool:
    return any(same_body(name, f) for f in found)


def test_osce_event_page_gives_every_field() -> None:
    url = "https://www.osce.org/event/osce-wide-counter-terrorism-conference-2020"
    (e,) = extract(url, "osce")
    assert e.title == "OSCE-wide Counter-Terrorism Conference 2020"
    assert (e.start_date, e.end_date) == (D(2020, 9, 14), D(2020, 9, 15))
    assert (e.city, e.country) == ("Vienna", "AT")
    assert e.organisers[:2] == ["OSCE Chairpersonship", "OSCE TNTD"]
    assert e.registration_deadline == D(2020, 9, 10)
    assert (
        len(e.topics) == 5
        and e.topics[0] == "International Co-operation in Addressing Terrorism and VERLT"
    )
    assert e.description and e.description.startswith(
        "Terrorism remains one of the most serious threats"
    )
    assert e.url == url
    assert e.status == "scheduled"


def test_polis_event_page_gives_every_field() -> None:
    url = (
        "https://polis.osce.org/highlevel-interregional-conference-wholeofsocietyapproach-prevent-"
        "and-counter-violent-extremism-and"
    )
    (e,) = extract(url, "osce")
    assert e.title.startswith('High-level Inter-Regional Conference on "Whole-of-Society-Approach"')
    assert (e.start_date, e.end_date, e.city, e.country) == (
        D(2019, 6, 20),
        D(2019, 6, 21),
        "Ulaanbaatar",
        "MN",
    )
    assert has_organiser(e.organisers, "OSCE TNTD")
    assert has_organiser(e.organisers, "Government of Mongolia")
    assert "The Role of Youth and Local Communities in P/CVERLT" in e.topics
    assert e.registration_deadline is None


def test_osce_press_release_on_a_ct_seminar_is_an_event_with_its_two_days() -> None:
    url = "https://www.osce.org/secretariat/328026"
    (e,) = extract(url, "osce")
    # The page's own name (its labelled title), "on a" read as the topic's article.
    assert (
        "national seminar on a community-policing approach to countering violent extremism"
        in e.title.lower()
    )
    assert (e.city, e.country) == ("Ulaanbaatar", "MN")
    assert e.end_date == D(2017, 7, 6)
    assert e.start_date == D(2017, 7, 5)  # "A two-day national seminar ... concluded today"
    assert e.organisers[0] == "OSCE"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.osce.org/event/2019-annual-security-review-conference",
        "https://www.osce.org/event/concluding-meeting-27th-osce-economic-and-environmental-forum",
        "https://www.osce.org/eea/21st_eef_2013",
        "https://mfa.gov.mn/en/29995",
        "https://mfa.gov.mn/en/foreign-minister-meets-chinese-delegation",
    ],
)
def test_pages_that_announce_no_ct_conference_give_no_event(url: str) -> None:
    source = "osce" if "osce" in url else "mfa-mn"
    assert extract(url, source) == []


UNOCT = [
    (
        D(2019, 5, 15),
        D(2019, 5, 17),
        "Dushanbe",
        "TJ",
        "International and Regional Cooperation on Countering",
    ),
    (
        D(2019, 6, 20),
        D(2019, 6, 21),
        "Ulaanbaatar",
        "MN",
        "Whole-of-Society-Approach to Preventing",
    ),
    (D(2019, 7, 10), D(2019, 7, 11), "Nairobi", "KE", "African Regional High-level Conference"),
    (
        D(2019, 9, 3),
        D(2019, 9, 4),
        "Minsk",
        "BY",
        "Countering Terrorism Through Innovative Approaches",
    ),
    (D(2019, 11, 7), D(2019, 11, 8), "Budapest", "HU", "Prevention of Radicalization to Terrorism"),
    (
        D(2019, 12, 18),
        D(2019, 12, 19),
        "Abu Dhabi",
        "AE",
        "Empowering Youth and Promoting Tolerance",
    ),
    (D(2020, 2, 11), D(2020, 2, 12), "Vienna", "AT", "Joint High-Level Regional Conference on"),
]


def test_unoct_page_gives_one_event_per_conference_section_in_page_order() -> None:
    url = "https://www.un.org/counterterrorism/regional-conferences-0"
    events = extract(url, "unoct")
    got = [(e.start_date, e.end_date, e.city, e.country) for e in events]
    assert got == [row[:4] for row in UNOCT]
    for e, row in zip(events, UNOCT, strict=True):
        assert e.title.startswith(row[4])
        assert e.url and e.url.startswith(url + "#")
    assert len({e.url for e in events}) == 7


def test_unoct_sections_keep_their_organisers_documents_and_sessions() -> None:
    events = extract("https://www.un.org/counterterrorism/regional-conferences-0", "unoct")
    minsk, budapest, abu_dhabi, vienna = events[3], events[4], events[5], events[6]
    assert has_organiser(minsk.organisers, "UNOCT") and has_organiser(
        minsk.organisers, "Government of Belarus"
    )
    assert has_organiser(budapest.organisers, "Government of Hungary")
    assert has_organiser(abu_dhabi.organisers, "Hedayah")
    assert has_organiser(vienna.organisers, "OSCE") and has_organiser(
        vienna.organisers, "Government of Switzerland"
    )
    assert any(
        d.url.endswith("20191219_co-chair_statement_uaeconference.pdf") for d in abu_dhabi.documents
    )
    assert all(d.url.startswith(("https://", "http://")) for e in events for d in e.documents)
    assert "Preventing FTF travel" in vienna.topics


def test_ministry_post_reports_the_seoul_conference_with_year_from_the_post_date() -> None:
    url = "https://mfa.gov.mn/en/deputy-foreign-minister-attends-inter-regional-conference-on-counter-terrorism-2"
    (e,) = extract(url, "mfa-mn")
    assert (e.start_date, e.end_date) == (D(2018, 4, 19), D(2018, 4, 20))
    assert (e.city, e.country) == ("Seoul", "KR")


def test_gia_post_announces_the_ulaanbaatar_conference_with_its_organisers() -> None:
    (e,) = extract("https://gia.gov.mn/en/12/item/514", "gia-mn")
    assert (e.start_date, e.end_date, e.city, e.country) == (
        D(2019, 6, 20),
        D(2019, 6, 21),
        "Ulaanbaatar",
        "MN",
    )
    for name in (
        "Ministry of Foreign Affairs of Mongolia",
        "OSCE TNTD",
        "UNOCT",
        "General Intelligence Agency of Mongolia",
    ):
        assert has_organiser(e.organisers, name), name


def _response(url: str) -> HtmlResponse:
    return HtmlResponse(
        url=url,
        body=page_file(url).read_bytes(),
        encoding="utf-8",
        headers={"Content-Type": "text/html; charset=utf-8"},
        request=Request(url),
    )


def test_osce_listing_follows_every_teaser_and_the_next_page_but_is_not_itself_an_event() -> None:
    spider = spider_class("osce")(SOURCES["osce"])
    out = list(spider.parse(_response("https://www.osce.org/events")))
    urls = [r.url for r in out]
    assert "https://www.osce.org/event/osce-wide-counter-terrorism-conference-2020" in urls
    assert "https://www.osce.org/secretariat/328026" in urls
    assert any(u.startswith("https://polis.osce.org/") for u in urls)
    assert "https://www.osce.org/events?page=1" in urls
    assert all(hasattr(r, "callback") for r in out)  # requests only: a listing yields no event


def test_mfa_listing_follows_its_posts() -> None:
    spider = spider_class("mfa-mn")(SOURCES["mfa-mn"])
    urls = {r.url for r in spider.parse(_response("https://mfa.gov.mn/en/category/news/"))}
    assert "https://mfa.gov.mn/en/29995/" in urls
    assert len(urls) >= 3
