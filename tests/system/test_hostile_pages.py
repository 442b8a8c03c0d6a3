"""Hostile pages end to end: scraped markup and text reach the store, then the published files
and the operator's terminal, and nothing in them runs, breaks the XML, forges a header, spoofs a
title's direction or sends an escape sequence. (The functions doing the escaping are tested on
their own in tests/feeds/test_safe.py and tests/spiders/test_hostile_text.py; this follows two
pages through a real crawl.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import feedparser
import icalendar
import pytest
from lxml import etree

from tests.system.conftest import confwatch, crawl, private_site, stored

HOSTILE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    "<title>x</title><script>alert('head')</script></head><body><main>"
    "<h1>Regional Conference on Countering Terrorism &lt;script&gt;alert(1)&lt;/script&gt;"
    "\x01\x1b\x7f\u0085 Bcc: victim@example.org\r\nX-Injected: yes\u202e\u2066</h1>"
    "<p>Date: 5-6 October 2031</p><p>Venue: Vienna, Austria</p>"
    "<p onclick=\"alert('p')\">The OSCE Secretariat organizes a regional conference on countering "
    "violent extremism and terrorism.<script>alert('body')</script> "
    "<a href=\"javascript:alert('link')\">Register</a> "
    "<img src=x onerror=\"alert('img')\"> \x0b\x0c\ufffe Experts will discuss counter-terrorism "
    "co-operation.</p><iframe src='https://evil.example/'></iframe></main></body></html>"
)
# A control character right after an element the reader removes (the <script>): lxml once refused
# to re-attach that text ("All strings must be XML compatible") and the page was lost. ESC and CSI
# sequences, a bidi override, and the same characters as character references.
REMOVED_THEN_CONTROL = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>y</title></head><body>"
    "<main><h1>Interregional Conference on Border Security and Counter-Terrorism<script>x</script>"
    "\x07\x1b[2J"
    "\x1b]0;pwned\x07\u202eytiruceS&#x1b;[31m&#x202E;&#155;1m 2031</h1>"
    "<p>Date: 3-4 March 2031</p><p>Venue: Ulaanbaatar, Mongolia</p>"
    "<p>The OSCE Secretariat organizes an interregional conference on border security and "
    "countering terrorism.<style>p{}</style>\x1b[8m Experts will discuss co-operation.</p>"
    "<p>Organized by: OSCE\u2067 Secretariat</p></main></body></html>"
)
ACTIVE = ("<script", "javascript:", "onerror", "onclick", "<iframe", "alert('")
# Nothing a terminal or a bidi algorithm acts on: C0 controls but tab/LF/CR, DEL, C1 controls,
# bidi embeddings, overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """One crawl of a site whose pages "alpha" and "beta" are hostile, then the published files."""
    with private_site(tmp_path_factory.mktemp("hostile")) as (site, env):
        site.page("alpha").write_text(HOSTILE, "utf-8")
        site.page("beta").write_text(REMOVED_THEN_CONTROL, "utf-8")
        result = crawl(env)
        assert result.exit == 0, result.stderr[-2000:]
        assert confwatch(env, "feeds").returncode == 0
        yield Path(env["CONFWATCH_HOME"]) / "feeds", env


def strings(value: object) -> Iterator[str]:
    """Every string in a JSON-like value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


@pytest.fixture
def published(crawled: tuple[Path, dict[str, str]]) -> Path:
    return crawled[0]


def test_hostile_page_is_stored_as_one_line_of_text(crawled: tuple[Path, dict[str, str]]) -> None:
    titles = [f.title for f in stored(crawled[1]).values()]
    hostile = [t for t in titles if t and "Countering Terrorism" in t]
    assert hostile, titles
    for title in hostile:
        assert "\r" not in title and "\n" not in title


def test_page_with_a_control_character_after_a_removed_element_is_stored(
    crawled: tuple[Path, dict[str, str]],
) -> None:
    titles = [f.title for f in stored(crawled[1]).values()]
    assert any(t.startswith("Interregional Conference on Border Security") for t in titles), titles


def test_stored_fields_carry_no_control_or_bidi_characters(
    crawled: tuple[Path, dict[str, str]],
) -> None:
    events = stored(crawled[1])
    assert len(events) == 2
    for fields in events.values():
        for value in strings(fields.to_json()):
            assert not UNSAFE.search(value), repr(value)


@pytest.mark.parametrize("args", [["events"], ["events", "show", "{id}"]])
def test_terminal_output_of_hostile_events_has_no_control_or_bidi_characters(
    crawled: tuple[Path, dict[str, str]], args: list[str]
) -> None:
    env = crawled[1]
    for event_id in stored(env):
        done = confwatch(env, *[a.format(id=event_id) for a in args])
        assert done.returncode == 0, done.stderr
        assert "Conference" in done.stdout
        assert not UNSAFE.search(done.stdout), repr(done.stdout)


@pytest.mark.parametrize("name", ["feed.atom", "feed.rss", "index.html"])
def test_published_files_carry_no_bidi_override(published: Path, name: str) -> None:
    text = (published / name).read_text("utf-8")
    assert "Border Security" in text
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", text)


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
