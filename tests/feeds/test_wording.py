"""How changes and dates are put into words for readers."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.feeds.wording import (
    describe_change,
    describe_changes,
    event_facts,
    format_date_range,
    format_place,
)
from confwatch.store.records import FieldChange
from tests.feeds.factories import fields

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (D(2019, 6, 20), D(2019, 6, 21), "20–21 June 2019"),
        (D(2020, 9, 30), D(2020, 10, 1), "30 September – 1 October 2020"),
        (D(2019, 12, 30), D(2020, 1, 2), "30 December 2019 – 2 January 2020"),
        (D(2020, 2, 11), D(2020, 2, 11), "11 February 2020"),
        (D(2020, 2, 11), None, "11 February 2020"),
        (None, None, "not announced"),
        (None, D(2020, 2, 11), "until 11 February 2020"),
        (D(2020, 2, 11), D(2020, 2, 9), "11 February 2020 – 9 February 2020"),
    ],
)
def test_format_date_range(start: D | None, end: D | None, text: str) -> None:
    assert format_date_range(start, end) == text


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (FieldChange("status", "scheduled", "postponed"), "Status: postponed"),
        (FieldChange("status", "scheduled", "cancelled"), "Status: cancelled"),
        (
            FieldChange("status", "postponed", "scheduled"),
            "Status: scheduled again (was postponed)",
        ),
        (
            FieldChange("registration_deadline", None, "2020-09-10"),
            "Registration deadline: 10 September 2020",
        ),
        (
            FieldChange("registration_deadline", "2020-09-01", "2020-09-10"),
            "Registration deadline changed: 1 September 2020 → 10 September 2020",
        ),
        (
            FieldChange(
                "documents",
                [],
                [{"title": "Co-chairs Summary", "url": "https://x.example/s.pdf"}],
            ),
            "New document: Co-chairs Summary",
        ),
        (
            FieldChange(
                "documents",
                [{"title": "Agenda", "url": "https://x.example/a.pdf"}],
                [
                    {"title": "Agenda", "url": "https://x.example/a.pdf"},
                    {"title": "Report", "url": "https://x.example/r.pdf"},
                    {"title": "Photos", "url": "https://x.example/p"},
                ],
            ),
            "New documents: Report; Photos",
        ),
        (
            FieldChange("documents", [{"title": "Agenda", "url": "https://x.example/a.pdf"}], []),
            "Document removed: Agenda",
        ),
        (FieldChange("organisers", ["OSCE"], ["OSCE", "UNOCT"]), "Organiser added: UNOCT"),
        (FieldChange("organisers", ["OSCE", "UNOCT"], ["OSCE"]), "Organiser removed: UNOCT"),
        (FieldChange("organisers", ["OSCE"], ["UNOCT"]), "Organisers changed: OSCE → UNOCT"),
        (FieldChange("title", "Old name", "New name"), "Title changed: Old name → New name"),
        (FieldChange("city", "Vienna", "Online"), "City changed: Vienna → Online"),
        (FieldChange("country", "AT", "HU"), "Country changed: Austria → Hungary"),
        (
            FieldChange("start_date", "2019-06-20", "2019-06-22"),
            "Start date changed: 20 June 2019 → 22 June 2019",
        ),
        (FieldChange("description", "a", "b"), "Description updated"),
        (
            FieldChange("url", "https://a.example", "https://b.example"),
            "Web page moved: https://b.example",
        ),
        (FieldChange("some_new_field", 1, 2), "Some new field changed"),
    ],
)
def test_describe_change(change: FieldChange, text: str) -> None:
    assert describe_change(change) == text


def test_start_and_end_date_changes_merge_into_one_dates_line() -> None:
    lines = describe_changes(
        [
            FieldChange("start_date", "2019-06-20", "2019-06-22"),
            FieldChange("end_date", "2019-06-21", "2019-06-23"),
        ]
    )
    assert lines == ["Dates changed: 20–21 June 2019 → 22–23 June 2019"]


def test_end_date_change_alone_takes_unchanged_start_from_the_event() -> None:
    event = fields(start_date=D(2019, 6, 20), end_date=D(2019, 6, 22))
    lines = describe_changes([FieldChange("end_date", "2019-06-21", "2019-06-22")], event)
    assert lines == ["Dates changed: 20–21 June 2019 → 20–22 June 2019"]


def test_dates_first_known_are_announced_not_changed() -> None:
    lines = describe_changes(
        [
            FieldChange("start_date", None, "2020-02-11"),
            FieldChange("end_date", None, "2020-02-11"),
        ]
    )
    assert lines == ["Dates announced: 11 February 2020"]


def test_city_change_to_online_reads_as_place_changed() -> None:
    event = fields(city="Online", country=None)
    lines = describe_changes(
        [FieldChange("city", "Vienna", "Online"), FieldChange("country", "AT", None)], event
    )
    assert lines == ["Place changed: Vienna, Austria → Online"]


def test_city_only_change_keeps_the_country() -> None:
    lines = describe_changes([FieldChange("city", "Graz", "Vienna")], fields(country="AT"))
    assert lines == ["Place changed: Graz, Austria → Vienna, Austria"]


def test_status_and_dates_come_before_documents() -> None:
    lines = describe_changes(
        [
            FieldChange("documents", [], [{"title": "Agenda", "url": "https://x.example/a"}]),
            FieldChange("status", "scheduled", "postponed"),
        ]
    )
    assert lines == ["Status: postponed", "New document: Agenda"]


@pytest.mark.parametrize(
    ("city", "country", "text"),
    [
        ("Vienna", "AT", "Vienna, Austria"),
        ("Seoul", "KR", "Seoul, South Korea"),
        ("Pristina", "XK", "Pristina, Kosovo"),
        (None, "PS", "State of Palestine"),
        (None, "MN", "Mongolia"),
        ("Online", None, "Online"),
        (None, None, "not announced"),
        ("Somewhere", "ZZ", "Somewhere, ZZ"),
    ],
)
def test_format_place(city: str | None, country: str | None, text: str) -> None:
    assert format_place(city, country) == text


def test_event_facts_list_dates_place_organisers_and_unusual_status() -> None:
    facts = dict(event_facts(fields(status="postponed")))
    assert facts["Dates"] == "30 September – 1 October 2020"
    assert facts["Place"] == "Vienna, Austria"
    assert facts["Organisers"] == "OSCE, UNOCT"
    assert facts["Status"] == "postponed"
    assert "Status" not in dict(event_facts(fields()))


def test_words_do_not_depend_on_the_process_locale() -> None:
    import locale

    before = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue
            assert format_date_range(D(2019, 6, 20), D(2019, 6, 21)) == "20–21 June 2019"
    finally:
        locale.setlocale(locale.LC_TIME, before)
