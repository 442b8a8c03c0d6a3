"""Round 3: titles, landmark venues, datelines, Spanish and German wording, name years."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import names, normalise, places, relevance, status
from confwatch.spiders.normalise.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("The summit took place at the White House.", "Washington", "US"),
        ("The conference took place at the Hofburg on 3 May.", "Vienna", "AT"),
        ("Experts met at the Palais des Nations on 3 May.", "Geneva", "CH"),
        ("The week was held at the UN Headquarters on 29 June.", "New York", "US"),
    ],
)
def test_well_known_landmark_venue_maps_to_its_city(text: str, city: str, country: str) -> None:
    assert places.find_place(text) == places.Place(city, country)


def test_explicit_venue_beats_the_press_dateline_city() -> None:
    text = (
        "ABU DHABI, 26th February, 2015 (WAM) — The chairman headed the delegation to the "
        "CVE Summit held from 17th-19th February at the White House."
    )
    assert places.find_place(text) == places.Place("Washington", "US")


def test_dateline_city_stays_when_the_text_names_no_other_venue() -> None:
    text = "ULAANBAATAR, 6 July 2017 - A two-day seminar on terrorism concluded today."
    assert places.find_place(text) == places.Place("Ulaanbaatar", "MN")


def test_capitalised_participle_inside_a_name_is_no_headline_verb() -> None:
    title = (
        "International Cooperation on Countering Terrorism through Drug Trafficking "
        "and Organized Crime"
    )
    assert not names.is_headline(title)
    assert (
        names.choose_title(title, ["Forum for expert discussion on terrorism financing."]) == title
    )


def test_report_from_a_conference_heading_is_a_headline_naming_it() -> None:
    heading = "Human rights explored at OSCE Counter-Terrorism Conference in Rome"
    assert names.is_headline(heading)
    assert names.choose_title(heading, []).startswith("OSCE Counter-Terrorism Conference")


def test_conference_at_a_venue_is_still_a_name() -> None:
    assert not names.is_headline("Regional Conference on Terrorism at the UN Headquarters")


def test_question_mark_inside_a_quoted_name_does_not_end_the_sentence() -> None:
    text = (
        "On 25 and 26 April 2007, the Council of Europe organised an international conference "
        'entitled "WHY TERRORISM? Addressing the Conditions Conducive to the Spread of Terrorism". '
        "Experts attended."
    )
    first = split_sentences(text)[0]
    assert names.event_name(first) == (
        "WHY TERRORISM? Addressing the Conditions Conducive to the Spread of Terrorism"
    )


def test_german_ordinal_day_before_a_month_does_not_end_the_sentence() -> None:
    assert split_sentences("Am 10./11. Mai findet die Konferenz in Rom statt. Danach mehr.") == [
        "Am 10./11. Mai findet die Konferenz in Rom statt.",
        "Danach mehr.",
    ]


def test_number_before_a_new_sentence_still_ends_it() -> None:
    assert split_sentences("The count was 12. Next comes more.") == [
        "The count was 12.",
        "Next comes more.",
    ]


def test_german_conference_words_are_event_wording() -> None:
    verdict = relevance.judge(
        "Internationale Anti-Terror-Konferenz der OSZE", "Terrorismus im digitalen Zeitalter."
    )
    assert verdict.relevant


@pytest.mark.parametrize(
    "text",
    [
        "La Semana contra el Terrorismo ha sido aplazada.",
        "El seminario sobre terrorismo queda pospuesto.",
        "Because of the crisis, the entire 2020 Counter-Terrorism Week is postponed.",
    ],
)
def test_postponed_wording_about_this_event(text: str) -> None:
    assert status.detect_status(text) == "postponed"


def test_spanish_cancelled_wording_about_this_event() -> None:
    assert status.detect_status("La conferencia sobre terrorismo ha sido cancelada.") == "cancelled"


def test_year_in_the_event_name_dates_a_year_less_day_without_page_date() -> None:
    raw = RawEvent(
        source="generic",
        url="https://example.org/week",
        title="2020 Virtual Counter-Terrorism Week",
        body_text="The Virtual Counter-Terrorism Week will be held from 6-10 July as a series of "
        "online conference sessions on terrorism and violent extremism.",
    )
    fields = normalise(raw).fields
    assert fields is not None
    assert (fields.start_date, fields.end_date) == (dt.date(2020, 7, 6), dt.date(2020, 7, 10))


def test_place_after_a_proper_conference_name_is_not_part_of_it() -> None:
    heading = "Border security explored at OSCE Counter-Terrorism Conference in Rome"
    assert names.event_name(heading) == "OSCE Counter-Terrorism Conference"


def test_place_stays_in_a_descriptive_name_that_needs_it() -> None:
    sentence = "Experts met for a closed roundtable in Abu Dhabi, United Arab Emirates to explore"
    assert names.event_name(sentence) == "Closed roundtable in Abu Dhabi"
