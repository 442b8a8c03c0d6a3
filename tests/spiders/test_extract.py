"""The plain-text reader (``text_to_html``): which stacked lines stay lines of their own."""

from __future__ import annotations

import pytest

from confwatch.spiders.extract import _date_only, text_to_html


def _paragraphs(text: str) -> list[str]:
    html = text_to_html(text)
    return [ln[3:-4] for ln in html.split("\n") if ln.startswith("<p>")]


@pytest.mark.parametrize(
    "line",
    [
        "14-15 March 2019",
        "Tuesday, 9 April 2024",
        "9 April 2024, 10:00 – 16:30",
        "jeudi 3 octobre 2019",
        "5 ноября 2020 г.",
        "From 2 to 4 October 2018",
        "Fr 12.06.2020, 9:30 Uhr",
    ],
)
def test_a_line_of_a_date_a_weekday_or_a_time_is_a_date_only_line(line: str) -> None:
    assert _date_only(line)


@pytest.mark.parametrize(
    "line",
    [
        "14 March 2019, Lisbon",
        "The workshop opens on 14 March 2019",
        "Hall 3, 14 March 2019",
        "Annual Meeting of Harbour Safety Officers",
    ],
)
def test_a_line_with_more_than_a_date_is_not_date_only(line: str) -> None:
    assert not _date_only(line)


def test_a_long_title_over_a_date_line_keeps_the_entry_in_lines() -> None:
    text = (
        "Regional Seminar on Harbour Safety and Inland Waterways\n"
        "14-15 March 2019\n"
        "Congress Centre, Quay Street 4\n"
        "Lisbon"
    )
    assert _paragraphs(text) == [
        "Regional Seminar on Harbour Safety and Inland Waterways",
        "14-15 March 2019",
        "Congress Centre, Quay Street 4",
        "Lisbon",
    ]


def test_a_date_line_over_a_long_headline_stays_its_own_line() -> None:
    text = (
        "10:15 03/02/2021\n"
        "City planners met to compare notes on cycle lanes and bus priority\n"
        "Photo: A. Reader"
    )
    assert _paragraphs(text)[:2] == [
        "10:15 03/02/2021",
        "City planners met to compare notes on cycle lanes and bus priority",
    ]


def test_a_long_line_without_a_date_beside_it_is_still_wrapped_prose() -> None:
    text = (
        "The harbour authority invited pilots and engineers to\n"
        "a seminar on inland waterways\n"
        "held in Lisbon in spring."
    )
    assert len(_paragraphs(text)) == 1


def test_a_sentence_beside_a_date_line_is_prose_not_a_heading() -> None:
    text = (
        "The harbour authority invited pilots and engineers to a seminar.\n"
        "14-15 March 2019\n"
        "It was held in Lisbon."
    )
    assert len(_paragraphs(text)) == 1


def test_prose_wrapped_around_a_date_is_still_one_paragraph() -> None:
    text = (
        "The harbour authority will hold its seminar for pilots on\n"
        "14-15 March 2019\n"
        "in the congress centre by the river and at the old quay."
    )
    assert len(_paragraphs(text)) == 1


def test_a_heading_in_capitals_heads_a_wrapped_statement_as_lines_of_its_own() -> None:
    text = (
        "Archive & NewsSummary of the Regional Dialogue on Water Security in Coastal Cities\n"
        "DECLARATION OF THE DELEGATES TO THE DIALOGUE ON WATER SECURITY\n"
        "Lisbon, Portugal\n"
        "4-5 May 2019\n"
        "We, the delegates to the Dialogue on Water Security in Coastal Cities, meeting in\n"
        "Lisbon, drawn from port authorities, city halls, universities and engineering firms;\n"
        "Recognising the danger that rising seas pose to the harbours of our cities;"
    )
    paragraphs = _paragraphs(text)
    assert "DECLARATION OF THE DELEGATES TO THE DIALOGUE ON WATER SECURITY" in paragraphs
    assert "4-5 May 2019" in paragraphs
    assert paragraphs[-1].startswith("We, the delegates to the Dialogue on Water Security")


def test_a_paragraph_all_in_capitals_stays_one_paragraph() -> None:
    text = (
        "THE HARBOUR AUTHORITY WILL HOLD ITS SEMINAR FOR PILOTS\n"
        "IN THE CONGRESS CENTRE BY THE RIVER NEXT SPRING"
    )
    assert len(_paragraphs(text)) == 1
