"""Reading stored pages again: the tag that says when, the body that reads as the crawl read it,
and ``reread`` through the crawl's own path into a real store."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from confwatch.spiders import reextract, stored_bodies
from confwatch.spiders.normalise import normalise, version
from confwatch.spiders.page import read_page
from confwatch.spiders.pipelines import sighting_of
from confwatch.spiders.registry import offline_source, spider_class
from confwatch.store import Store
from confwatch.store.migrate import upgrade
from confwatch.store.records import CORRECTION, PageFetch

URL = "https://mfa.example/en/news/regional-conference/"
SOURCE = replace(offline_source("generic", URL, key="mfa"), fields={})
WITH_SELECTOR = replace(SOURCE, fields={"date_text": "//div[@id='when']/@data-dates"})
PAGE = """<html lang="en"><head><meta charset="utf-8"><title>Conference</title></head><body>
<h1>Regional Conference on Countering the Financing of Terrorism</h1>
<div id="when" data-dates="9-10 February 2027"></div>
<p>The Regional Conference on Countering the Financing of Terrorism will take place on
3 November 2026 in Vienna, Austria, organised by the OSCE.</p>
</body></html>"""
READ_ON = dt.date(2026, 10, 1)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'confwatch.db'}"
    upgrade(url)
    opened = Store.open(url)
    yield opened
    opened.close()


# -- the tag -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "osce"},
        {"fields": {"date_text": ".date::text"}},
        {"relevance": {"require_topic": False}},
        {"language": "fr"},
    ],
)
def test_any_extraction_setting_changes_the_tag(change: dict[str, object]) -> None:
    assert stored_bodies.extraction_tag(replace(SOURCE, **change)) != stored_bodies.extraction_tag(
        SOURCE
    )


def test_settings_that_only_find_pages_leave_the_tag_alone() -> None:
    found_elsewhere = replace(SOURCE, start_urls=("https://mfa.example/fr/",), follow=("/fr/",))
    assert stored_bodies.extraction_tag(found_elsewhere) == stored_bodies.extraction_tag(SOURCE)


def test_the_tag_starts_with_the_extractor_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = stored_bodies.extraction_tag(SOURCE)
    assert before.startswith(version.EXTRACTOR_VERSION + "/")
    monkeypatch.setattr(stored_bodies, "EXTRACTOR_VERSION", "2099.1")
    assert stored_bodies.extraction_tag(SOURCE) != before


# -- the body ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", PAGE, "Конференция в Душанбе\x00 \ud800 ☃"])
def test_a_body_unpacks_to_the_very_text_that_was_read(text: str) -> None:
    assert stored_bodies.unpack(stored_bodies.pack(text), limit=10_000) == text


def test_a_body_past_the_limit_or_damaged_is_not_read() -> None:
    packed = stored_bodies.pack("x" * 5000)
    assert stored_bodies.unpack(packed, limit=4999) is None
    assert stored_bodies.unpack(packed[:-4], limit=10_000) is None
    assert stored_bodies.unpack(b"not zlib", limit=10_000) is None


def test_the_stored_text_reads_as_the_crawl_read_the_response() -> None:
    # A windows-1251 page: the response decodes it; the stored text must give the same events.
    html = PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        "Vienna", "Вене (Vienna)"
    )
    request = Request(URL)
    response = HtmlResponse(URL, body=html.encode("cp1251"), request=request)
    spider = spider_class("generic")(SOURCE)
    crawled = list(spider.read_events(response))
    text = stored_bodies.unpack(stored_bodies.pack(response.text), limit=100_000)
    assert text is not None
    assert spider.page_events(read_page(text, URL)) == crawled


# -- reading again into a store --------------------------------------------------------------------


def _crawled(store: Store, source: object = SOURCE, text: str = PAGE) -> None:
    """What a crawl of SOURCE leaves: the page's reading recorded, its body and tag kept."""
    spider = spider_class("generic")(source)
    run = store.begin_run("mfa")
    sightings = []
    for raw in spider.page_events(read_page(text, URL)):
        done = normalise(raw)
        if done.fields is not None:
            sightings.append(sighting_of(raw, done.fields))
    tag = stored_bodies.extraction_tag(source)  # type: ignore[arg-type]
    fetch = PageFetch(URL, "mfa", None, None, "h", 200, stored_bodies.pack(text), tag, READ_ON)
    store.record_many(run, sightings, pages=[fetch])
    store.finish_run(run, status="ok", pages=1)


def _reread(store: Store, source: object, *, stale_only: bool = True) -> reextract.Reread:
    run = store.begin_run("mfa", kind="reextract")
    done = reextract.reread(
        store,
        run,
        source,  # type: ignore[arg-type]
        stale_only=stale_only,
        max_page_bytes=1_000_000,
    )
    store.finish_run(run, status="ok", pages=done.pages)
    return done


def test_a_new_selector_corrects_the_stored_event_from_the_stored_body(store: Store) -> None:
    _crawled(store)
    (before,) = store.events()
    assert before.fields.start_date == dt.date(2026, 11, 3)

    done = _reread(store, WITH_SELECTOR)

    assert (done.pages, done.changed, done.errors) == (1, 1, [])
    (after,) = store.events()
    assert (after.fields.start_date, after.fields.end_date) == (
        dt.date(2027, 2, 9),
        dt.date(2027, 2, 10),
    )
    assert store.changes()[0].cause == CORRECTION


def test_pages_read_with_the_current_tag_are_not_stale(store: Store) -> None:
    _crawled(store)
    assert _reread(store, SOURCE).pages == 0
    every = _reread(store, SOURCE, stale_only=False)
    assert (every.pages, every.unchanged) == (1, 1)


def test_a_year_less_date_reads_the_same_whenever_the_page_is_read(store: Store) -> None:
    # "12-13 March" has no year and the page no date of its own: neither the day of the first
    # reading nor the day of the second gives it one (eval-format §5.4, §5.7), so the reading
    # does not depend on when it happens.
    text = PAGE.replace('data-dates="9-10 February 2027"', 'data-dates="12-13 March"')
    text = text.replace("on\n3 November 2026 in", "in")  # and the page gives no year anywhere
    _crawled(store, text=text)
    (first,) = store.events()
    _reread(store, WITH_SELECTOR)
    (event,) = store.events()
    assert first.fields.start_date is None
    assert (event.fields.start_date, event.fields.end_date) == (None, None)


def test_a_damaged_body_is_reported_and_its_page_keeps_its_tag(store: Store) -> None:
    _crawled(store)
    tag = stored_bodies.extraction_tag(SOURCE)
    store.save_page_state(
        URL, source="mfa", etag=None, last_modified=None, content_hash="h", status=200,
        body=zlib.compress(b"x")[:-3], extraction=tag, read_on=READ_ON,
    )  # fmt: skip
    done = _reread(store, WITH_SELECTOR)
    assert done.pages == 0 and [e["url"] for e in done.errors] == [URL]
    state = store.page_state(URL)
    assert state is not None and state.extraction == tag


# A page whose meeting names no date: a crawl warns "start_date: no date found" for it.
DATELESS = PAGE.replace('<div id="when" data-dates="9-10 February 2027"></div>', "").replace(
    "on\n3 November 2026 in", "in"
)


def _warnings(caplog: pytest.LogCaptureFixture) -> list[tuple[str, str, str]]:
    return [
        (r.source, r.url, r.problem)  # type: ignore[attr-defined]
        for r in caplog.records
        if r.getMessage() == "item.warning"
    ]


def test_reading_a_page_again_says_its_field_warnings_naming_source_and_url(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    _crawled(store, text=DATELESS)
    with caplog.at_level("WARNING", logger="confwatch"):
        done = _reread(store, SOURCE, stale_only=False)
    assert _warnings(caplog) == [("mfa", URL, f"{URL}: start_date: no date found")]
    assert done.warnings == 1 and done.to_json()["warnings"] == 1


def test_reading_a_complete_page_again_says_no_warning(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    _crawled(store)
    with caplog.at_level("WARNING", logger="confwatch"):
        done = _reread(store, SOURCE, stale_only=False)
    assert _warnings(caplog) == [] and done.warnings == 0
