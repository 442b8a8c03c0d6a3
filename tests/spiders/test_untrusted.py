"""The one rule for characters of page text (``untrusted.clean``), for markup (character
references) and for decoded JSON-LD; and that structured data of any depth is read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confwatch.spiders.page import read_page
from confwatch.spiders.untrusted import MAX_DEPTH, clean, clean_data, clean_markup


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("Regional Conference", "Regional Conference"),
        ("a\tb\nc\r\nd", "a\tb\nc\r\nd"),
        ("a\x00\x01\x07\x08\x0b\x0e\x1b\x1fb", "ab"),
        ("a\x7f\x80\x85\x9b\x9fb", "ab"),
        ("a\x0cb", "a b"),
        ("\u202aa\u202b\u202c\u202d\u202eb\u2066\u2067\u2068\u2069", "ab"),
        (
            "\u0645\u0624\u062a\u0645\u0631\u200f \u200e\u061c",
            "\u0645\u0624\u062a\u0645\u0631\u200f \u200e\u061c",
        ),
        # The joiners shape scripts and stay; the zero-width space is never seen and goes.
        ("zero\u200bwidth\u200c\u200djoiners", "zerowidth\u200c\u200djoiners"),
        ("Extremismus\u00adpr\u00e4vention\u2060\ufeff", "Extremismuspr\u00e4vention"),
        ("a\ud800b\udfffc", "abc"),
        ("a\ufdd0b\ufffec\uffffd", "abcd"),
        ("Cafe\u0301", "Café"),
    ],
)
def test_clean(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


@pytest.mark.parametrize(
    ("markup", "cleaned"),
    [
        ("a&#7;b&#x1b;c&#X1B;d&#27;e&#x7F;f", "abcdef"),
        ("a&#0000007;b&#x00000001b;c", "abc"),  # leading zeros are still the same character
        ("a&#x1bb", "a&#x1bb"),  # U+01BB, an ordinary letter
        ("a&#x1b", "a"),  # no semicolon: parsers read it all the same
        ("a&#x202E;b&#8238;c&#x2066;d", "abcd"),
        ("a&#x81;b", "ab"),  # a C1 control windows-1252 does not define
        ("Extremis&shy;mus&#173;pr&#xAD;&shyävention", "Extremismusprävention"),
        ("a&#x85;b&#150;c", "a&#x85;b&#150;c"),  # "…" and "–" in windows-1252: kept
        ("a&#12;b", "a b"),
        ("&#8217;&#x2013;&#233;&#x20AC;&amp;&lt;", "&#8217;&#x2013;&#233;&#x20AC;&amp;&lt;"),
        ("&#99999999999;&#x110000;", "&#99999999999;&#x110000;"),  # parsers make these U+FFFD
    ],
)
def test_clean_markup_removes_references_to_removed_characters(markup: str, cleaned: str) -> None:
    assert clean_markup(markup) == cleaned


@given(st.text())
def test_clean_leaves_nothing_a_terminal_or_lxml_acts_on(raw: str) -> None:
    from lxml import etree

    text = clean(raw)
    element = etree.Element("t")
    element.text = text  # lxml raises ValueError on XML-incompatible strings
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in text)


def test_clean_data_cleans_every_string_of_decoded_json() -> None:
    data = {"name\x1b": ["Conf\u202eerence", {"x": "a\x07b"}], "n": 3, "ok": True, "none": None}
    assert clean_data(data) == {
        "name": ["Conference", {"x": "ab"}],
        "n": 3,
        "ok": True,
        "none": None,
    }


def test_clean_data_drops_what_is_nested_too_deep() -> None:
    deep: object = "leaf"
    for _ in range(MAX_DEPTH + 5):
        deep = [deep]
    cleaned = clean_data({"a": deep})
    depth = 0
    node = cleaned["a"]
    while isinstance(node, list):
        node, depth = node[0], depth + 1
    assert node is None and depth < MAX_DEPTH


@pytest.mark.parametrize("depth", [10, 500, 3000])
def test_deeply_nested_structured_data_is_read_without_error(depth: int) -> None:
    nested = '{"@type": "Event", "name": "Conference", "subEvent": ' * depth + "1" + "}" * depth
    html = (
        f'<html><head><script type="application/ld+json">{nested}</script></head>'
        "<body><h1>Regional Conference on Countering Terrorism</h1></body></html>"
    )
    page = read_page(html, "https://conf.example/e")
    assert len(page.structured) <= 200
    assert all(e.get("name") == "Conference" for e in page.structured)
