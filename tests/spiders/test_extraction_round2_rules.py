"""Round 2 rules for dates, places, relevance and announcements, each on a small inline page."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import dates, normalise, relevance
from confwatch.spiders.normalise.places import Place, find_place
from confwatch.spiders.normalise.sentences import split_sentences
from confwatch.store.records import EventFields

D = dt.date


def fields_of(
    body: str, *, title: str | None = None, published: dt.date | None = None
) -> EventFields:
    raw = RawEvent(
        source="generic",
        url="https://example.org/x",
        title=title,
        body_text=body,
        published=published,
    )
    result = normalise(raw)
    assert result.fields is not None, result.skipped
    return result.fields


def skipped(body: str, *, title: str | None = None) -> str | None:
    return normalise(
        RawEvent(source="generic", url="https://example.org/x", title=title, body_text=body)
    ).skipped


# --- dates ---------------------------------------------------------------------------------


def test_opened_today_with_only_the_published_date_starts_on_that_date() -> None:
    body = (
        'A two-day High-level International Conference on "Countering Terrorism" opened in '
        "Dushanbe today morning. It is about terrorism and violent extremism."
    )
    f = fields_of(
        body,
        title="High-level International Conference on Countering Terrorism",
        published=D(2018, 5, 3),
    )
    assert (f.start_date, f.end_date) == (D(2018, 5, 3), D(2018, 5, 4))


def test_dateline_date_gives_way_to_the_event_date_in_the_same_sentence() -> None:
    body = (
        "RIYADH, 17 February — The UN Counter-Terrorism Centre held a two-day international "
        "conference on 16 and 17 February in Riyadh on counter-terrorism and terrorism."
    )
    f = fields_of(
        body, title="International Conference on Counter-Terrorism", published=D(2013, 2, 19)
    )
    assert (f.start_date, f.end_date) == (D(2013, 2, 16), D(2013, 2, 17))
    assert (f.city, f.country) == ("Riyadh", "SA")


def test_a_date_of_another_year_than_the_title_is_another_meetings() -> None:
    body = (
        "The conference will look at terrorism and violent extremism.\n\n"
        "The OSCE Ministerial Council meeting in Hamburg on 8-9 December 2016 called for more "
        "work against terrorism."
    )
    f = fields_of(body, title="2017 OSCE-wide Counter-Terrorism Conference, Vienna, Austria")
    assert f.start_date is None
    assert (f.city, f.country) == ("Vienna", "AT")


def test_a_date_in_a_sentence_about_another_kind_of_meeting_is_not_the_events() -> None:
    body = (
        "This workshop on foreign terrorist fighters is the first in the region.\n\n"
        "The Swiss OSCE Chairmanship convened on 23-24 April 2014 an OSCE-wide counter-terrorism "
        "conference in Interlaken on terrorism."
    )
    f = fields_of(body, title="Regional Counterterrorism Expert Workshop for Central Asia")
    assert f.start_date is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'On December 14, 2016 the three-day seminar entitled "Countering the financing of '
            'terrorism" started its work in Ashgabat.',
            (D(2016, 12, 14), D(2016, 12, 16)),
        ),
        (
            "A two-day high-level roundtable on terrorism and violent extremism concluded in "
            "Dushanbe on 11 December 2015.",
            (D(2015, 12, 10), D(2015, 12, 11)),
        ),
        (
            "ASTANA, 12 October 2012 – An OSCE seminar on violent extremism and terrorism "
            "concluded "
            "today in Astana. Experts spent the two-day seminar discussing radicalization.",
            (D(2012, 10, 11), D(2012, 10, 12)),
        ),
    ],
)
def test_n_day_event_that_started_or_concluded_spans_its_days(
    body: str, expected: tuple[dt.date, dt.date]
) -> None:
    f = fields_of(body, title="Seminar on terrorism", published=D(2016, 12, 14))
    assert (f.start_date, f.end_date) == expected


def test_will_last_until_a_later_day_gives_the_end_date() -> None:
    body = (
        "On June 20, the High-level regional conference on terrorism and violent extremism has "
        "been opened in Ulaanbaatar, Mongolia.\n\nThe regional conference will last on June 21 in "
        "Ulaanbaatar."
    )
    f = fields_of(
        body, title="High-level regional conference on Counter-Terrorism", published=D(2019, 6, 20)
    )
    assert (f.start_date, f.end_date) == (D(2019, 6, 20), D(2019, 6, 21))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("am 9./10. Oktober 2018 in Minsk", (D(2018, 10, 9), D(2018, 10, 10))),
        ("vom 10. bis 11. Mai 2018 in Rom", (D(2018, 5, 10), D(2018, 5, 11))),
    ],
)
def test_german_date_ranges_are_read_without_a_language_hint(
    text: str, expected: tuple[dt.date, dt.date]
) -> None:
    (found, _, _), *_ = dates.find_date_ranges(text)
    assert (found.start, found.end) == expected


# --- places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strasbourg, 3-4 November 2022", Place("Strasbourg", "FR")),
        ("Geneva, 12 June 2013 - The Office is organizing a conference.", Place("Geneva", "CH")),
        ("20 SEPTEMBER 2023, NEW YORK | The Forum held its meetings.", Place("New York", "US")),
        (
            "On October 9-10, 2018 Minsk hosted the high level international conference.",
            Place("Minsk", "BY"),
        ),
        (
            "The week was to take place at the UN Headquarters, New York, in June.",
            Place("New York", "US"),
        ),
        (
            "The workshop gathered 23 participants from three countries, in Port of Spain.",
            Place("Port of Spain", "TT"),
        ),
    ],
)
def test_datelines_host_cities_and_venues_give_the_place(text: str, expected: Place) -> None:
    assert find_place(text) == expected


def test_russian_city_abbreviation_does_not_end_the_sentence() -> None:
    sentences = split_sentences("Семинар состоялся в г. Душанбе. Участники обсудили угрозы.")
    assert sentences[0] == "Семинар состоялся в г. Душанбе."


def test_online_meeting_has_no_place_even_with_a_dateline() -> None:
    body = (
        "COPENHAGEN, 25 November 2020 – Recent terrorist attacks were in focus at the ninth "
        "meeting of the OSCE Parliamentary Assembly’s Ad Hoc Committee on Countering Terrorism "
        "today, chaired by a parliamentarian.\n\nSeven members were joined in today’s online "
        "meeting by experts on terrorism."
    )
    f = fields_of(body, published=D(2020, 11, 25))
    assert (f.city, f.country) == (None, None)
    assert f.start_date == D(2020, 11, 25)


# --- relevance and announcements ------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Twelfth GCTF Coordinating Committee Meeting",
        "Ninth meeting of the Committee on Countering Terrorism",
        "Joint Web Dialogue on the latest trends",
    ],
)
def test_ct_bodies_meetings_and_web_dialogues_are_relevant(title: str) -> None:
    body = "Members of the GCTF met to compare national experience. The CTED briefed them."
    assert relevance.judge(title, body).relevant


def test_a_weak_meeting_word_in_a_sentence_saying_it_was_held_counts_as_event_wording() -> None:
    body = (
        "27-30 июня 2022 года в г. Стамбул состоялось мероприятие по контртерроризму. "
        "Обсуждались угрозы терроризма."
    )
    assert relevance.judge(None, body).relevant


@pytest.mark.parametrize(
    "body",
    [
        "О нас\n\nGeneral Assembly meeting\n\nThe Office on terrorism was established "
        "on 15 June 2017 "
        "by the General Assembly to lead counter-terrorism.",
    ],
)
def test_an_about_page_is_not_a_conference_page(body: str) -> None:
    assert skipped(body) is not None


def test_a_fact_sheet_about_a_forum_is_not_a_conference_page() -> None:
    body = "The GCTF is a counterterrorism platform launched at a ministerial meeting in New York."
    assert (
        skipped(body, title="Co-Chairs' Fact Sheet: About the Global Counterterrorism Forum")
        is not None
    )


def test_a_workshop_mentioned_in_passing_in_a_topic_page_is_no_event() -> None:
    body = (
        "Violent extremism and radicalization that lead to terrorism worry States seriously.\n\n"
        "Terrorism is part of the agenda, and experts bring knowledge of it to the table.\n\n"
        "Political attention to terrorism has been growing in recent years in the region.\n\n"
        "The organisation has worked against incitement to terrorism since 2004 in many ways.\n\n"
        "Furthermore, a workshop on Preventing Violent Extremism was held in Vienna on 24 October "
        "2008, organized by the Action against Terrorism Unit."
    )
    assert skipped(body) is not None


def test_an_event_named_only_as_the_occasion_of_something_else_is_no_event() -> None:
    body = (
        "ABU DHABI, (WAM - 22nd Dec, 2019) Hedayah, the centre against violent extremism, has "
        "signed a memorandum with the UN Office of Counter-Terrorism on the margins of the Civil "
        "Society Workshop.\n\nThe memorandum extends programmes against terrorism."
    )
    assert skipped(body) is not None


def test_an_opening_sentence_that_announces_the_event_keeps_it() -> None:
    body = (
        "Hedayah and the Global Center on Cooperative Security convened twenty-three experts to a "
        "closed roundtable in Abu Dhabi, United Arab Emirates, from 4-5 December 2013 on violent "
        "extremism.\n\nParticipants discussed terrorism."
    )
    f = fields_of(body)
    assert (f.start_date, f.city) == (D(2013, 12, 4), "Abu Dhabi")
