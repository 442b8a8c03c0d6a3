"""Hostile pages end to end: scraped markup and text reach the store, then the published files,
and nothing in them runs, breaks the XML or forges a header. (The functions doing the escaping
are tested on their own in tests/feeds/test_safe.py; this follows one page through a real crawl.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import feedparser
import icalendar
import pytest
from lxml import etree

from tests.reliability.conftest import confwatch, crawl, private_site, stored

HOSTILE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    "<title>x</title><script>alert('head')</script></head><body><main>"
    "<h1>Regional Conference on Countering Terrorism &lt;script&gt;alert(1)&lt;/script&gt;"
    "\x01\x1b\x7f\u0085 Bcc: victim@example.org\r\nX-Injected: yes</h1>"
    "<p>Date: 5-6 October 2031</p><p>Venue: Vienna, Austria</p>"
    "<p onclick=\"alert('p')\">The OSCE Secretariat organizes a regional conference on countering "
    "violent extremism and terrorism.<script>alert('body')</script> "
    "<a href=\"javascript:alert('link')\">Register</a> "
    "<img src=x onerror=\"alert('img')\"> \x0b\x0c\ufffe Experts will discuss counter-terrorism "
    "co-operation.</p><iframe src='https://evil.example/'></iframe></main></body></html>"
)
ACTIVE = ("<script", "javascript:", "onerror", "onclick", "<iframe", "alert('")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """One crawl of a site whose page "alpha" is hostile, then the published files."""
    with private_site(tmp_path_factory.mktemp("hostile")) as (site, env):
        site.page("alpha").write_text(HOSTILE, "utf-8")
        result = crawl(env)
        assert result.exit == 0, result.stderr[-2000:]
        assert confwatch(env, "feeds").returncode == 0
        yield Path(env["CONFWATCH_HOME"]) / "feeds", env


@pytest.fixture
def published(crawled: tuple[Path, dict[str, str]]) -> Path:
    return crawled[0]


def test_hostile_page_is_stored_as_one_line_of_text(crawled: tuple[Path, dict[str, str]]) -> None:
    titles = [f.title for f in stored(crawled[1]).values()]
    hostile = [t for t in titles if t and "Countering Terrorism" in t]
    assert hostile, titles
    for title in hostile:
        assert "\r" not in title and "\n" not in title


@pytest.mark.parametrize("name", ["feed.atom", "feed.rss"])
def test_feeds_from_a_hostile_page_are_valid_xml_without_active_content(
    published: Path, name: str
) -> None:
    data = (published / name).read_bytes()
    etree.fromstring(data)  # well-formed: no control characters, everything escaped
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    for entry in parsed.entries:
        rendered = entry.get("title", "") + entry.get("summary", "")
        rendered += "".join(c.get("value", "") for c in entry.get("content", []))
        for bad in ACTIVE:
            assert bad not in rendered.lower().replace("&lt;script", ""), (bad, rendered)
        assert all(ord(ch) >= 32 or ch in "\t\n\r" for ch in rendered)


def test_html_page_from_a_hostile_page_escapes_everything(published: Path) -> None:
    html = (published / "index.html").read_text("utf-8")
    assert "Countering Terrorism" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "alert(1)" not in html
    for bad in ("<script>alert", "javascript:alert", "onerror=", "onclick=", "<iframe"):
        assert bad not in html


def test_calendar_from_a_hostile_page_parses_and_has_one_line_summaries(published: Path) -> None:
    files = sorted(published.glob("*.ics"))
    assert files
    for path in files:
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        for event in cal.walk("VEVENT"):
            summary = str(event.get("SUMMARY", ""))
            assert "\n" not in summary and "\r" not in summary
            assert all(ord(ch) >= 32 for ch in summary)
