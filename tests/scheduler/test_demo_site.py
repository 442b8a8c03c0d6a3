"""The demo's fictional site: its pages are templates the replay server dates relative to a run
date that tests can fix, while every recorded page is served byte for byte as before."""

from __future__ import annotations

import datetime as dt
import urllib.request
from collections.abc import Iterator

import pytest

from confwatch.spiders.replay.server import ReplayServer, render_template
from tests.conftest import FIXTURES

SITES = FIXTURES / "sites"
EVENT = "/demo-rctc.example/events/regional-conference-countering-terrorist-financing/"
RUN_DATE = dt.date(2031, 1, 20)


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer(SITES, today=RUN_DATE) as running:
        yield running


def get(url: str) -> tuple[bytes, dict[str, str]]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), dict(response.headers)


def test_demo_event_page_is_dated_from_the_run_date(server: ReplayServer) -> None:
    body, headers = get(server.url + EVENT)
    text = body.decode("utf-8")
    assert "from 10 February 2031 to 11 February 2031 in Vienna" in text  # +21 and +22 days
    assert '"startDate": "2031-02-10"' in text
    assert "Registration deadline: 30 January 2031" in text
    assert "{{" not in text
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "ETag" in headers


def test_demo_pages_say_they_are_fictional(server: ReplayServer) -> None:
    for path in ("/demo-rctc.example/events/", EVENT):
        text = get(server.url + path)[0].decode("utf-8")
        assert "Demo fixture." in text and "fictional" in text


def test_a_different_run_date_gives_a_different_page_and_etag() -> None:
    pages = []
    for today in (RUN_DATE, RUN_DATE + dt.timedelta(days=1)):
        with ReplayServer(SITES, today=today) as running:
            pages.append(get(running.url + EVENT))
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
    assert get(url)[0] == (SITES / path).read_bytes()


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
