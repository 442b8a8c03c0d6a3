"""Hostile text in a page: it is read without error, and no control or bidi-override character
of it reaches an event's text. Large pages are read with bounded output.

Everything here goes through ``read_page`` and the source's callback, as a crawl and
``confwatch extract`` do; the crawl end to end is in tests/system/test_hostile_pages.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise
from confwatch.spiders.offline import extract_page
from confwatch.spiders.page import read_page, single_event
from confwatch.spiders.registry import offline_source

URL = "https://conf.example/events/alpha"
# What must never reach an event's text: C0 controls but tab, LF and CR; DEL; C1 controls; the
# bidi embeddings, overrides and isolates; lone surrogates; U+FFFE/U+FFFF.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
HOSTILE = "\x00\x07\x08\x0b\x0c\x1b[2J\x1b]0;pwned\x07\x7f\x85\x9b31m\u202e\u2066\u2069\ufffe"


def page(h1: str = "Regional Conference on Countering Terrorism", body: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>t</title></head>"
        f"<body><main><h1>{h1}</h1><p>Date: 5-6 October 2031</p><p>Venue: Vienna, Austria</p>"
        "<p>The OSCE Secretariat organizes a regional conference on countering violent "
        f"extremism and terrorism. Experts will discuss co-operation.{body}</p>"
        "</main></body></html>"
    )


def events_of(html: str) -> list[RawEvent]:
    return single_event(read_page(html, URL), "conf-test")


def strings(value: Any) -> Iterator[str]:
    """Every string inside a RawEvent, EventFields, dict or list."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(k)
            yield from strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from strings(v)


def unsafe_in(value: Any) -> list[str]:
    return [s for s in strings(value) if UNSAFE.search(s)]


def test_control_character_after_a_removed_element_does_not_stop_the_page_being_read() -> None:
    html = page("Regional Conference on Countering Terrorism<script>alert(1)</script>\x07 2031")
    (event,) = events_of(html)
    assert event.title == "Regional Conference on Countering Terrorism 2031"


def test_character_reference_to_a_control_after_a_removed_element_does_not_stop_the_reading() -> (
    None
):
    html = page("Regional Conference on Countering Terrorism<script>x</script>&#7;&#x1B;[2J 2031")
    (event,) = events_of(html)
    assert event.title == "Regional Conference on Countering Terrorism[2J 2031"


@pytest.mark.parametrize(
    "html",
    [
        page(f"Regional Conference {HOSTILE}on Countering Terrorism"),
        page(body=f"<span>x</span>{HOSTILE}<script>y</script>{HOSTILE}"),
        page(body="&#0;&#1;&#x7;&#27;&#x7F;&#x81;&#x202E;&#8238;&#x2066;&#xFFFE;&#x1b"),
        page().replace("Vienna, Austria", f"Vienna,{HOSTILE} Austria"),
        page("").replace(
            "<title>t</title>",
            f"<meta property='og:title' content='Regional Conference {HOSTILE}on Terrorism'>",
        ),
        page(body=f"<ul><li>Topics include:</li></ul><p>Topics:</p><ul><li>a{HOSTILE}b</li></ul>"),
        page(body=f"<a href='https://conf.example/a{HOSTILE}.pdf'>Agenda{HOSTILE}</a>"),
        page().replace(
            "</head>",
            '<script type="application/ld+json">{"@type": "Event", "name": "Conference '
            '\\u202eon X\\u001b[2J", "startDate": "2031-10-05", "location": {"@type": "Place",'
            ' "name": "Vienna\\u0007"}, "organizer": "OSCE\\u2066"}</script></head>',
        ),
    ],
    ids=["title", "body", "references", "label", "meta", "topics", "documents", "json-ld"],
)
def test_no_control_or_bidi_character_reaches_an_event(html: str) -> None:
    events = events_of(html)
    assert events
    assert unsafe_in(events) == []
    for raw in events:
        fields = normalise(raw).fields
        assert unsafe_in(fields) == []


def test_bidi_override_is_removed_from_the_title() -> None:
    (event,) = events_of(page("\u202eRegional Conference on Countering Terrorism\u202c"))
    assert event.title == "Regional Conference on Countering Terrorism"


def test_right_to_left_text_and_its_direction_marks_are_kept() -> None:
    arabic = "\u0645\u0624\u062a\u0645\u0631 \u0625\u0642\u0644\u064a\u0645\u064a\u200f"
    (event,) = events_of(page(f"Regional Conference on Countering Terrorism {arabic}"))
    assert event.title == f"Regional Conference on Countering Terrorism {arabic}"


def test_decomposed_accents_are_composed_once_read() -> None:
    decomposed = unicodedata.normalize("NFD", "Conférence régionale sur le terrorisme à Genève")
    (event,) = events_of(page(decomposed))
    assert event.title == "Conférence régionale sur le terrorisme à Genève"


def test_form_feed_between_words_reads_as_a_space() -> None:
    (event,) = events_of(page("Regional Conference\x0con Countering Terrorism"))
    assert event.title == "Regional Conference on Countering Terrorism"


_PIECES = st.text(
    alphabet=st.characters(codec=None, exclude_categories=("Cs",)) | st.sampled_from(HOSTILE),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(heading=_PIECES, paragraph=_PIECES, item=_PIECES)
def test_any_text_anywhere_in_a_page_is_read_and_leaves_nothing_unsafe(
    heading: str, paragraph: str, item: str
) -> None:
    html = page(
        f"Regional Conference<script>x</script>{heading} on Countering Terrorism",
        body=f"<b>{paragraph}</b><style>y</style>{paragraph}<ul><li>{item}</li></ul>",
    )
    found = extract_page(html, url=URL, source=offline_source("generic", URL), is_text=False)
    assert unsafe_in(found.events) == []
    assert unsafe_in(found.warnings) == []


def _five_megabytes(unit: str) -> str:
    head = page().removesuffix("</main></body></html>") + "<p>Topics discussed include:</p><ul>"
    return head + unit * (5_000_000 // len(unit)) + "</ul></main></body></html>"


@pytest.mark.parametrize(
    "unit",
    [
        "<li>12-13 November 2031 Vienna, Austria</li>",
        "<p>Date 7: 12 November 2031</p>",
        "<p>" + "conference in Vienna 12 November 2031 " * 2000 + "</p>",
    ],
    ids=["list", "labels", "long-paragraphs"],
)
def test_five_megabyte_page_is_read_with_bounded_output(unit: str) -> None:
    html = _five_megabytes(unit)
    assert len(html) >= 4_900_000
    parsed = read_page(html, URL)
    assert len(parsed.blocks) <= 5_000
    assert len(parsed.text) <= 500_000
    (event,) = single_event(parsed, "conf-test")
    assert event.title == "Regional Conference on Countering Terrorism"
    assert len(event.body_text) <= 500_000
    fields = normalise(event).fields
    assert fields is not None and fields.start_date == dt.date(2031, 10, 5)


def test_events_of_one_page_read_no_more_text_together_than_the_page_text_limit() -> None:
    events = [
        {"@type": "Event", "name": f"Regional Conference on Countering Terrorism {i}"}
        for i in range(20)
    ]
    script = f'<script type="application/ld+json">{json.dumps(events)}</script>'
    paragraph = "<p>" + "The conference on countering terrorism will be held in Vienna. " * 50
    html = page(body="</p>" + paragraph * 100).replace("</head>", script + "</head>")
    found = events_of(html)
    assert len(found) == 20
    assert sum(len(e.body_text) for e in found) <= 200_000
    assert all(e.body_text.startswith("Regional Conference on Countering Terrorism") for e in found)


@pytest.mark.parametrize("depth", [300, 1_500])
def test_an_announcement_nested_deeper_than_libxml2s_default_limit_is_read(depth: int) -> None:
    # Wrappers nest (and unclosed ones never end): past libxml2's default of 256 levels the
    # parser silently drops the text.
    html = (
        page()
        .replace("<main>", "<main>" + "<div>" * depth)
        .replace("</main>", "</div>" * depth + "</main>")
    )
    (event,) = events_of(html)
    assert event.title == "Regional Conference on Countering Terrorism"


def test_text_below_the_parsers_depth_limit_is_reported_with_the_pages_url(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("WARNING", logger="confwatch.crawl"):
        events_of(page().replace("<main>", "<main>" + "<div>" * 3_000))
    assert any(URL in r.getMessage() and "deeper" in r.getMessage() for r in caplog.records)


def test_a_page_hyphenated_with_soft_hyphens_reads_as_its_words() -> None:
    # Hyphenation plugins put "&shy;" into every long word of German and Russian sites.
    html = page(h1="Regional&shy;konferenz on Counter&shy;ing Terror&shy;ism")
    html = html.replace("violent", "vio&#173;lent").replace("terrorism.", "terror\u00adism.")
    (event,) = events_of(html)
    assert event.title == "Regionalkonferenz on Countering Terrorism"
    assert "\u00ad" not in event.body_text
