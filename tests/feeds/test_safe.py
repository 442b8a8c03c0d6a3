"""Scraped text on the way out: XML-legal, sanitised, no header injection, http(s) URLs only."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from confwatch.feeds.safe import (
    clean_paragraphs,
    clean_text,
    header_value,
    http_url,
    plain_text,
    sanitize_html,
    shorten,
    utc_datetime,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Counter-\tTerrorism \n Conference  ", "Counter- Terrorism Conference"),
        ("a\x00b\x07c\x1bd", "abcd"),
        ("a\x85b\x9fc\x7fd", "abcd"),
        ("a\ufffeb\uffffc\ud800d", "abcd"),
        ("non\u00a0breaking", "non breaking"),
        ("Cafe\u0301", "Café"),
        (None, ""),
        ("", ""),
    ],
)
def test_clean_text(raw: str | None, clean: str) -> None:
    assert clean_text(raw) == clean


@given(st.text())
def test_clean_text_output_is_always_xml_compatible(raw: str) -> None:
    element = etree.Element("t")
    element.text = clean_text(raw)  # lxml raises ValueError on XML-incompatible strings
    assert etree.fromstring(etree.tostring(element)).text in (clean_text(raw), None)


@pytest.mark.parametrize(
    "raw",
    [
        "\u202eRegional Conference\u202c",
        "Regional \u202a\u202b\u202dConference",
        "\u2066Regional\u2069 \u2067Conference\u2068",
    ],
)
def test_clean_text_drops_bidi_embeddings_overrides_and_isolates(raw: str) -> None:
    # Stored before spiders cleaned text on entry, or written by another producer: a feed must
    # not let a title reorder itself in the reader ("title spoofing").
    assert clean_text(raw) == "Regional Conference"


def test_clean_text_keeps_direction_marks_of_right_to_left_text() -> None:
    assert (
        clean_text("\u0645\u0624\u062a\u0645\u0631\u200f 2031")
        == "\u0645\u0624\u062a\u0645\u0631\u200f 2031"
    )


def test_sanitize_html_and_plain_text_drop_bidi_overrides() -> None:
    assert sanitize_html("<p>a\u202eb\u2066c</p>") == "<p>abc</p>"
    assert plain_text("<b>a\u202eb</b>\u2067c") == "abc"


def test_clean_paragraphs_keeps_blank_line_breaks() -> None:
    assert clean_paragraphs("First  one\nstill first\r\n\r\n\x00Second\n \n") == [
        "First one still first",
        "Second",
    ]


def test_sanitize_html_removes_scripts_and_event_handlers() -> None:
    out = sanitize_html('<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror=y></p>')
    assert out == "<p>Hi</p>"


def test_sanitize_html_keeps_http_links_and_drops_javascript_links() -> None:
    out = sanitize_html('<a href="https://osce.org/x">ok</a> <a href="javascript:alert(1)">bad</a>')
    assert 'href="https://osce.org/x"' in out
    assert "javascript" not in out
    assert 'rel="nofollow noopener noreferrer"' in out


def test_sanitize_html_keeps_escaped_text_escaped() -> None:
    assert sanitize_html("<p>&lt;script&gt;</p>") == "<p>&lt;script&gt;</p>"


def test_sanitize_html_drops_control_characters() -> None:
    assert sanitize_html("<b>a\x00\x0bb</b>") == "<b>ab</b>"


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("<script>alert(1)</script> Conference", "Conference"),
        ("<b>Regional</b> conference", "Regional conference"),
        ("&lt;script&gt;x&lt;/script&gt; Conference", "Conference"),
        ("Youth &amp; P/CVE", "Youth & P/CVE"),
        ("Q&A session", "Q&A session"),
        ("a < b > c", "a < b > c"),
    ],
)
def test_plain_text_drops_markup_and_keeps_words(raw: str, plain: str) -> None:
    assert plain_text(raw) == plain


@pytest.mark.parametrize(
    "raw", ["Digest\r\nBcc: victim@example.org", "Digest\nBcc: x", "Digest\rBcc: x", "a\u2028b"]
)
def test_header_value_has_no_line_breaks(raw: str) -> None:
    value = header_value(raw)
    assert "\r" not in value and "\n" not in value and "\u2028" not in value


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("https://www.osce.org/event/x", "https://www.osce.org/event/x"),
        (" http://un.org/a?b=1#c ", "http://un.org/a?b=1#c"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("/relative/path", None),
        ("https://", None),
        ("https://a.example/with space", None),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_http_url(raw: str | None, url: str | None) -> None:
    assert http_url(raw) == url


def test_shorten_cuts_long_text_with_an_ellipsis() -> None:
    assert shorten("x" * 10, 5) == "xxxx…"
    assert shorten("short", 5) == "short"


def test_utc_datetime_makes_naive_times_utc_and_converts_aware_ones() -> None:
    naive = dt.datetime(2020, 1, 1, 12, 0)
    assert utc_datetime(naive) == dt.datetime(2020, 1, 1, 12, 0, tzinfo=dt.UTC)
    cet = dt.timezone(dt.timedelta(hours=1))
    assert utc_datetime(dt.datetime(2020, 1, 1, 13, 0, tzinfo=cet)).hour == 12
