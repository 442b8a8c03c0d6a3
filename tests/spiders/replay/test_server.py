"""The replay server answers as a real site would: validators, 304, 404, faults, no traversal.

The demo's fictional site: its pages are templates the server dates relative to a run date that
tests can fix, while every recorded page is served byte for byte as before."""

from __future__ import annotations

import datetime as dt
import http.client
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from confwatch.spiders.replay.server import ReplayServer, render_template
from tests.conftest import FIXTURES, ReplaySite

UN = "/www.un.org/counterterrorism/regional-conferences-0"
SITES = FIXTURES / "sites"
EVENT = "/demo-rctc.example/events/regional-conference-countering-terrorist-financing/"
RUN_DATE = dt.date(2031, 1, 20)


def get(
    site: ReplaySite, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(site.url + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_page_is_served_with_etag_and_last_modified(replay_site: ReplaySite) -> None:
    status, headers, body = get(replay_site, UN)
    assert status == 200
    assert headers["ETag"].startswith('"') and headers["Last-Modified"].endswith("GMT")
    assert headers["Content-Type"].startswith("text/html")
    assert b"Regional Conferences" in body or b"regional" in body.lower()


def test_matching_etag_gets_304_with_no_body(replay_site: ReplaySite) -> None:
    _, headers, _ = get(replay_site, UN)
    status, _, body = get(replay_site, UN, {"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""


def test_if_modified_since_gets_304_until_the_file_changes(replay_site: ReplaySite) -> None:
    _, headers, _ = get(replay_site, UN)
    assert get(replay_site, UN, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    page = replay_site.page("https://www.un.org/counterterrorism/regional-conferences-0")
    page.write_text(page.read_text("utf-8") + "<!-- edited -->", "utf-8")
    import os
    import time

    later = time.time() + 5
    os.utime(page, (later, later))
    assert get(replay_site, UN, {"If-None-Match": headers["ETag"]})[0] == 200


def test_query_string_selects_the_paged_listing(replay_site: ReplaySite) -> None:
    status, _, body = get(replay_site, "/www.osce.org/events?page=1")
    assert status == 200
    assert body != get(replay_site, "/www.osce.org/events")[2]


def test_unknown_page_is_404(replay_site: ReplaySite) -> None:
    assert get(replay_site, "/www.osce.org/no/such/page")[0] == 404


@pytest.mark.parametrize(
    "path", ["/../../etc/passwd", "/www.osce.org/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"]
)
def test_paths_cannot_leave_the_sites_folder(replay_site: ReplaySite, path: str) -> None:
    conn = http.client.HTTPConnection(replay_site.url.removeprefix("http://"), timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    assert response.status == 404
    assert b"root:" not in response.read()


@pytest.mark.parametrize(("fault", "status"), [("500", 500), ("503", 503), ("429", 429)])
def test_fault_routes_answer_with_their_status(
    replay_site: ReplaySite, fault: str, status: int
) -> None:
    code, headers, _ = get(replay_site, f"/www.osce.org/_fault/{fault}")
    assert code == status
    if status in (429, 503):
        assert headers["Retry-After"] == "1"


def test_requests_are_logged_for_tests_to_count(replay_site: ReplaySite) -> None:
    replay_site.requests(clear=True)
    get(replay_site, UN, {"User-Agent": "confwatch-test"})
    log = replay_site.requests()
    assert [(r["path"], r["status"], r["user_agent"]) for r in log] == [(UN, 200, "confwatch-test")]


# -- the demo's fictional site ---------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer(SITES, today=RUN_DATE) as running:
        yield running


def fetch(url: str) -> tuple[bytes, dict[str, str]]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), dict(response.headers)


def test_demo_event_page_is_dated_from_the_run_date(server: ReplayServer) -> None:
    body, headers = fetch(server.url + EVENT)
    text = body.decode("utf-8")
    assert "from 10 February 2031 to 11 February 2031 in Vienna" in text  # +21 and +22 days
    assert '"startDate": "2031-02-10"' in text
    assert "Registration deadline: 30 January 2031" in text
    assert "{{" not in text
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "ETag" in headers


def test_demo_pages_say_they_are_fictional(server: ReplayServer) -> None:
    for path in ("/demo-rctc.example/events/", EVENT):
        text = fetch(server.url + path)[0].decode("utf-8")
        assert "Demo fixture." in text and "fictional" in text


def test_a_different_run_date_gives_a_different_page_and_etag() -> None:
    pages = []
    for today in (RUN_DATE, RUN_DATE + dt.timedelta(days=1)):
        with ReplayServer(SITES, today=today) as running:
            pages.append(fetch(running.url + EVENT))
    assert pages[0][0] != pages[1][0]
    assert pages[0][1]["ETag"] != pages[1][1]["ETag"]


@pytest.mark.parametrize(
    "path",
    [
        "www.osce.org/events/index.html",
        "www.un.org/counterterrorism/regional-conferences-0/index.html",
        "gia.gov.mn/en/12/item/514/index.html",
    ],
)
def test_recorded_pages_are_served_unchanged(server: ReplayServer, path: str) -> None:
    url = server.url + "/" + path.removesuffix("index.html")
    assert fetch(url)[0] == (SITES / path).read_bytes()


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{+0|%Y-%m-%d}}", "2031-01-20"),
        ("{{ -20 | %d %B %Y }}", "31 December 2030"),
        ("{{+365|%d.%m.%Y}}", "20.01.2032"),
        ("{{ not a date }} {{+1}}", "{{ not a date }} {{+1}}"),
    ],
)
def test_template_placeholders_count_days_from_the_run_date(template: str, expected: str) -> None:
    assert render_template(template, RUN_DATE) == expected
