"""The replay server answers as a real site would: validators, 304, 404, faults, no traversal."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request

import pytest

from tests.conftest import ReplaySite

UN = "/www.un.org/counterterrorism/regional-conferences-0"


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
