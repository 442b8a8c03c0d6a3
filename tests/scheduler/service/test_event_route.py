"""``/events/ID``: one conference's page, rendered from a real SQLite store on request and served
by a real waitress server on 127.0.0.1 (http.client as the client): facts, sources, history as
before → after with each revision's cause, hostile text escaped, 404s, 304s, the redirect of a
merged event; and the links to it from the index page, the feeds and the digest."""

from __future__ import annotations

import datetime as dt
import email
import email.utils
import gzip
import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import html as lxml_html

from confwatch.feeds.build import build_all
from confwatch.feeds.digest import Letterhead, build_digest, compose, period_for
from confwatch.feeds.event_page import CORRECTED_NOTE, OPERATOR_NOTE
from confwatch.feeds.settings import FeedSettings
from confwatch.scheduler.config import load_settings
from confwatch.scheduler.service.event_route import StoreEventPages
from confwatch.scheduler.service.serve import Service
from confwatch.scheduler.service.web import FeedsApp
from confwatch.scheduler.service.web_server import WebServer
from confwatch.store import migrate
from confwatch.store.api import Store
from confwatch.store.records import Document, EventFields, PageFetch, Sighting

BASE = "https://confwatch.example"
T1 = dt.datetime(2026, 11, 10, 6, 0, tzinfo=dt.UTC)
T2 = dt.datetime(2026, 11, 17, 6, 0, tzinfo=dt.UTC)
T3 = dt.datetime(2026, 11, 18, 6, 0, tzinfo=dt.UTC)
T4 = dt.datetime(2026, 11, 19, 6, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)
OSCE_URL = "https://www.osce.org/event/2026-osce-wide-counter-terrorism-conference"
UNOCT_URL = "https://www.un.org/counterterrorism/events/osce-wide-ct-conference-2026"
OTHER_URL = "https://www.un.org/counterterrorism/events/osce-wide-ct-conference"
HOSTILE_URL = "https://www.osce.org/event/youth-forum-budapest"
OLD_URL = "https://www.osce.org/event/ct-conference-2017"
HOSTILE_TITLE = "<script>alert('x')</script> Youth Forum on P/CVE"
AGENDA = "https://www.osce.org/files/agenda.pdf"


def conference(**values: object) -> EventFields:
    fields: dict[str, object] = {
        "title": "2026 OSCE-wide Counter-Terrorism Conference",
        "start_date": dt.date(2026, 12, 10),
        "end_date": dt.date(2026, 12, 11),
        "city": "Vienna",
        "country": "AT",
        "organisers": ["OSCE"],
        "topics": ["counter-terrorism"],
        "url": OSCE_URL,
    }
    fields.update(values)
    return EventFields(**fields)  # type: ignore[arg-type]


def record(store: Store, source: str, url: str, fields: EventFields, when: dt.datetime) -> int:
    run = store.begin_run(source, now=when)
    body = PageFetch(url, source, None, None, "h", 200, b"body", "x1", when.date())
    (outcome,) = store.record_many(run, [Sighting(source, url, fields)], pages=[body], now=when)
    store.finish_run(run, status="ok", pages=1, now=when)
    return outcome.event_id


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store holding a conference with a history of every cause, and others."""
    url = f"sqlite:///{tmp_path / 'confwatch.db'}"
    migrate.upgrade(url)
    opened = Store.open(url)
    # Seen on 10 November; on 17 November the site moves it and adds the agenda and a deadline.
    record(opened, "osce", OSCE_URL, conference(start_date=dt.date(2026, 12, 3)), T1)
    moved = conference(
        registration_deadline=dt.date(2026, 12, 1),
        documents=[Document("Agenda", AGENDA)],
    )
    record(opened, "osce", OSCE_URL, moved, T2)
    # On 18 November confwatch reads the same stored page again and corrects the city.
    run = opened.begin_run("osce", now=T3, kind="reextract")
    opened.record_reading(
        run,
        OSCE_URL,
        [Sighting("osce", OSCE_URL, conference(**{**vars(moved), "city": "Wien Hofburg"}))],
        extraction="x2",
        now=T3,
    )
    opened.finish_run(run, status="ok", pages=1, now=T3)
    # UNOCT describes it on a page the matcher kept apart; an operator merges the two.
    other = record(opened, "unoct", OTHER_URL, conference(title="Other", organisers=["UNOCT"]), T3)
    record(opened, "osce", HOSTILE_URL, conference(title=HOSTILE_TITLE, city="<b>Budapest</b>"), T3)
    record(
        opened,
        "osce",
        OLD_URL,
        conference(
            title="2017 OSCE Counter-Terrorism Conference",
            start_date=dt.date(2017, 5, 23),
            end_date=dt.date(2017, 5, 24),
        ),
        T3,
    )
    opened.merge_events(event_id(opened, "2026 OSCE-wide"), other, now=T4)
    yield opened
    opened.close()


def event_id(store: Store, title_start: str) -> int:
    (found,) = [e for e in store.events() if e.fields.title.startswith(title_start)]
    return found.id


def merged_id(store: Store) -> int:
    (change,) = [c for c in store.changes() if c.event.title == "Other"]
    return change.event_id


@pytest.fixture
def server(store: Store, tmp_path: Path) -> Iterator[WebServer]:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    pages = StoreEventPages(lambda: store, FeedSettings(base_url=BASE), clock=lambda: NOW)
    web = WebServer("127.0.0.1", 0, feeds, lambda: (200, {}), events=pages)
    web.start()
    yield web
    web.stop()


def get(
    server: WebServer, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, http.client.HTTPMessage, bytes]:
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def page_of(server: WebServer, event: int) -> lxml_html.HtmlElement:
    status, headers, body = get(server, f"/events/{event}")
    assert status == 200, body
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    return lxml_html.fromstring(body)


def section(doc: lxml_html.HtmlElement, name: str) -> str:
    return " ".join(doc.xpath(f"//section[@id='{name}']")[0].text_content().split())


def test_event_page_shows_the_current_facts(server: WebServer, store: Store) -> None:
    doc = page_of(server, event_id(store, "2026 OSCE-wide"))
    assert (
        doc.xpath("//h1")[0].text_content().strip() == "2026 OSCE-wide Counter-Terrorism Conference"
    )
    facts = section(doc, "facts")
    for shown in (
        "Dates 10–11 December 2026",
        "Place Wien Hofburg, Austria",
        "Organisers OSCE, UNOCT",
        "Topics counter-terrorism",
        "Status scheduled",
        "Registration deadline 1 December 2026",
        "Agenda",
    ):
        assert shown in facts
    assert AGENDA in doc.xpath("//section[@id='facts']//a/@href")


def test_event_page_says_which_site_gave_each_fact_and_links_every_source_page(
    server: WebServer, store: Store
) -> None:
    doc = page_of(server, event_id(store, "2026 OSCE-wide"))
    hrefs = doc.xpath("//section[@id='sources']//a/@href")
    assert hrefs == [OSCE_URL, OTHER_URL]
    sources = section(doc, "sources")
    assert "osce.org (osce)" in sources and "un.org (unoct)" in sources
    (organisers,) = [dd for dd in doc.xpath("//dd") if dd.text_content().startswith("OSCE, UNOCT")]
    assert "said by osce.org, un.org" in " ".join(organisers.text_content().split())
    # Only the OSCE page gives a registration deadline.
    (deadline,) = [dd for dd in doc.xpath("//dd") if dd.text_content().startswith("1 December")]
    assert deadline.xpath(".//a/@href") == [OSCE_URL]
    # The UNOCT page says Austria but not Wien Hofburg: the place is credited to OSCE alone.
    (place,) = [dd for dd in doc.xpath("//dd") if dd.text_content().startswith("Wien")]
    assert place.xpath(".//a/@href") == [OSCE_URL]


def test_event_page_history_is_newest_first_before_to_after_with_each_cause(
    server: WebServer, store: Store
) -> None:
    doc = page_of(server, event_id(store, "2026 OSCE-wide"))
    revisions = [" ".join(li.text_content().split()) for li in doc.xpath("//ol/li")]
    assert len(revisions) == 4
    merge, correction, moved, created = revisions
    assert "2026-11-19 06:00 UTC · operator merge/split" in merge
    assert "Organiser added: UNOCT" in merge and OPERATOR_NOTE in merge
    assert "2026-11-18 06:00 UTC · correction" in correction
    assert "Place corrected: Vienna, Austria → Wien Hofburg, Austria" in correction
    assert CORRECTED_NOTE in correction
    assert "2026-11-17 06:00 UTC · site change on osce.org" in moved
    assert "Dates changed: 3–11 December 2026 → 10–11 December 2026" in moved
    assert "Registration deadline: 1 December 2026" in moved
    assert "New document: Agenda" in moved
    assert "2026-11-10 06:00 UTC · new on osce.org" in created
    assert "First seen: 3–11 December 2026 · Vienna, Austria" in created


def test_a_conference_over_is_labelled_already_held(server: WebServer, store: Store) -> None:
    doc = page_of(server, event_id(store, "2017 OSCE"))
    assert "reported, already held" in doc.xpath("//h1")[0].text_content()
    assert "First seen after it ended" in section(doc, "history")
    upcoming = page_of(server, event_id(store, "2026 OSCE-wide"))
    assert "held" not in upcoming.xpath("//h1")[0].text_content()


def test_event_page_escapes_hostile_text(server: WebServer, store: Store) -> None:
    status, _, body = get(server, f"/events/{event_id(store, '<script>')}")
    assert status == 200
    assert b"<script" not in body and b"<b>Budapest" not in body
    assert b"&lt;script&gt;alert(" in body
    doc = lxml_html.fromstring(body)
    assert not doc.xpath("//script") and not doc.xpath("//main//b")
    assert HOSTILE_TITLE in doc.xpath("//h1")[0].text_content()


@pytest.mark.parametrize(
    "path",
    [
        "/events/999999",
        "/events/0",
        "/events/abc",
        "/events/1x",
        "/events/-1",
        "/events/",
        "/events/1/",
        "/events/" + "9" * 40,  # longer than any id of ours
        "/events/%D9%A3",  # an Arabic-Indic three: a digit, but not ASCII
    ],
)
def test_unknown_or_malformed_event_id_is_a_short_404_page(server: WebServer, path: str) -> None:
    status, headers, body = get(server, path)
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert b"No such conference" in body and len(body) < 1000


def test_a_merged_event_redirects_to_the_one_it_was_merged_into(
    server: WebServer, store: Store
) -> None:
    status, headers, _ = get(server, f"/events/{merged_id(store)}")
    assert status == 302
    assert headers["Location"] == f"/events/{event_id(store, '2026 OSCE-wide')}"


def test_repeated_conditional_request_gets_304_without_a_body(
    server: WebServer, store: Store
) -> None:
    path = f"/events/{event_id(store, '2026 OSCE-wide')}"
    status, headers, _ = get(server, path)
    assert status == 200 and headers["Cache-Control"] == "no-cache"
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert email.utils.parsedate_to_datetime(modified) == T4  # the merge: its last change
    status, again, body = get(server, path, {"If-None-Match": etag})
    assert (status, body) == (304, b"")
    assert again["ETag"] == etag
    assert get(server, path, {"If-Modified-Since": modified})[0] == 304


def test_gzip_is_sent_when_asked_and_its_variant_revalidates_too(
    server: WebServer, store: Store
) -> None:
    path = f"/events/{event_id(store, '2026 OSCE-wide')}"
    status, headers, body = get(server, path, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding" and headers["ETag"].endswith('-gzip"')
    assert b"Counter-Terrorism Conference" in gzip.decompress(body)
    conditional = {"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]}
    assert get(server, path, conditional)[0] == 304
    assert get(server, path, {"If-None-Match": headers["ETag"]})[0] == 200  # not that variant


def test_a_new_revision_changes_the_etag(server: WebServer, store: Store) -> None:
    path = f"/events/{event_id(store, '2026 OSCE-wide')}"
    etag = get(server, path)[1]["ETag"]
    later = T4 + dt.timedelta(days=1)
    record(store, "osce", OSCE_URL, conference(status="postponed", city="Wien Hofburg"), later)
    status, headers, body = get(server, path, {"If-None-Match": etag})
    assert status == 200 and headers["ETag"] != etag
    assert b"Status: postponed" in body


def test_head_gives_the_headers_without_the_page(server: WebServer, store: Store) -> None:
    status, headers, body = get(
        server, f"/events/{event_id(store, '2026 OSCE-wide')}", method="HEAD"
    )
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000


def test_a_web_app_without_a_store_answers_every_event_page_with_404(tmp_path: Path) -> None:
    app = FeedsApp(tmp_path, lambda: (200, {}))
    status, _, body = app.respond("GET", "/events/1", {})
    assert status == 404 and b"No such conference" in b"".join(body)


def test_index_page_links_each_conference_to_its_page(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "feeds"
    build_all(store, out, now=NOW, settings=FeedSettings(base_url=BASE))
    doc = lxml_html.fromstring((out / "index.html").read_bytes())
    osce = event_id(store, "2026 OSCE-wide")
    upcoming = doc.xpath("//section[@id='upcoming']//h3/a")
    assert f"{BASE}/events/{osce}" in [a.get("href") for a in upcoming]
    recent = doc.xpath("//section[@id='recent']//h3/a/@href")
    assert f"{BASE}/events/{osce}" in recent
    assert f"{BASE}/events/{event_id(store, '2017 OSCE')}" in recent
    # Sources are named by their site, not by confwatch's internal keys.
    labels = doc.xpath("//section[@id='upcoming']//p[@class='muted']/a/text()")
    assert "osce.org" in labels and "un.org" in labels and "osce" not in labels


def test_index_lists_only_the_filtered_feeds_that_were_built(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "feeds"
    build_all(store, out, now=NOW, settings=FeedSettings(base_url=BASE))
    doc = lxml_html.fromstring((out / "index.html").read_bytes())
    groups = {
        " ".join(p.text_content().split()).split(":")[0]: p.xpath(".//a/@href")
        for p in doc.xpath("//section[@id='filtered']//p")
    }
    assert set(groups) == {"By country", "By organiser"}  # no topic filter is configured
    assert f"{BASE}/feeds/country-at.atom" in groups["By country"]
    assert f"{BASE}/feeds/organiser-osce.rss" in groups["By organiser"]
    for href in [h for hrefs in groups.values() for h in hrefs]:
        assert (out / href.removeprefix(f"{BASE}/feeds/")).is_file(), href
    assert "Austria (Atom · RSS)" in section(doc, "filtered")


def test_feed_entries_link_to_the_conference_page_and_keep_the_source_as_related(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "feeds"
    build_all(store, out, now=NOW, settings=FeedSettings(base_url=BASE))
    parsed = feedparser.parse((out / "feed.atom").read_bytes())
    osce = event_id(store, "2026 OSCE-wide")
    entries = [e for e in parsed.entries if e.link == f"{BASE}/events/{osce}"]
    assert entries
    assert all(("related", OSCE_URL) in [(ln.rel, ln.href) for ln in e.links] for e in entries)


def test_digest_links_each_conference_to_its_page_in_html_and_text(store: Store) -> None:
    period = period_for("weekly", NOW)  # week 47: 16-22 November
    digest = build_digest(period, store.changes(), store.events(), now=NOW)
    letterhead = Letterhead(mail_from="confwatch@example.org", base_url=BASE)
    msg = compose(digest, recipient="a@example.org", name=None, letterhead=letterhead, now=NOW)
    parsed = email.message_from_bytes(msg.as_bytes())
    text, html = [
        part.get_payload(decode=True).decode()
        for part in parsed.walk()
        if part.get_content_maintype() == "text"
    ]
    page = f"{BASE}/events/{event_id(store, '<script>')}"
    assert f"History and sources: {page}" in text
    titles = lxml_html.fromstring(html).xpath("//a[contains(., 'Youth Forum')]/@href")
    assert titles and set(titles) == {page}  # new, and coming up


def test_serve_shows_event_pages_from_its_own_store(home: Path) -> None:
    service = Service(load_settings(), host="127.0.0.1", port=0, schedule=False)
    store = service._open_health_store()
    new = record(store, "osce", OSCE_URL, conference(), T1)
    service.web.start()
    try:
        status, _, body = get(service.web, f"/events/{new}")
        assert status == 200 and b"2026 OSCE-wide Counter-Terrorism Conference" in body
        assert get(service.web, f"/events/{new + 1}")[0] == 404
    finally:
        service.shutdown()
