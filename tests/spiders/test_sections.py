"""Sections: a page that announces several events yields one event per section, in page order,
each with its own anchor URL; background mentions, part labels and one-event pages make no
sections."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confwatch.spiders import sections
from confwatch.spiders.offline import extract_page
from confwatch.spiders.page import read_page
from confwatch.spiders.registry import offline_source
from confwatch.spiders.sections import event_sections, listing_sections, slug
from confwatch.spiders.untrusted import MAX_ITEMS
from confwatch.store.records import EventFields

URL = "https://news.example/page"


def _events(
    text: str, *, source: str = "generic", published: dt.date | None = None
) -> list[EventFields]:
    return extract_page(
        text, url=URL, source=offline_source(source, URL), is_text=True, published=published
    ).events


TEASERS = """Conference tag

Regional Conference on Preventing Violent Extremism in Prisons

On 22-23 October 2019, a regional conference in Sarajevo will discuss violent extremism
and radicalisation in prisons, organised by the Council of Europe.

Annual Counter-Terrorism Conference

The annual Counter-Terrorism Conference will take place on 25-26 March 2019 in Bratislava,
Slovakia, to review work against terrorism and violent extremism.
"""


def test_teaser_list_yields_one_event_per_teaser_in_page_order() -> None:
    events = _events(TEASERS)
    assert [(e.city, e.start_date) for e in events] == [
        ("Sarajevo", dt.date(2019, 10, 22)),
        ("Bratislava", dt.date(2019, 3, 25)),
    ]


def test_each_section_has_its_own_anchor_url() -> None:
    urls = [e.url for e in _events(TEASERS)]
    assert urls == [
        f"{URL}#{slug('Regional Conference on Preventing Violent Extremism in Prisons')}",
        f"{URL}#annual-counter-terrorism-conference",
    ]


def test_headline_sections_take_the_event_name_inside_the_headline() -> None:
    text = """Newsletter No. 12

Border security explored at OSCE Counter-Terrorism Conference in Rome

Speakers gathered in Rome on 10-11 May 2018 for the two-day conference on terrorism
organized by the OSCE Chairmanship.

Co-operation highlighted at high-level international conference in Tajikistan

A two-day high-level conference was held on 3-4 May 2018 in Dushanbe. The conference,
entitled “Countering Terrorism and Preventing Violent Extremism”, was organized by the
Government of Tajikistan.
"""
    titles = [e.title for e in _events(text)]
    assert titles[0].startswith("OSCE Counter-Terrorism Conference")
    assert titles[1] == "Countering Terrorism and Preventing Violent Extremism"


def test_lead_before_a_second_heading_is_the_first_event() -> None:
    text = """Counter-Terrorism Week 2020

The Second Counter-Terrorism Week was to take place from 29 June to 3 July 2020 at the UN
Headquarters, New York. Its programme was to cover the High-Level Conference of Heads of
Counter-Terrorism Agencies. Because of the crisis, the entire Counter-Terrorism Week is
postponed.

2020 Virtual Counter-Terrorism Week

The Virtual Counter-Terrorism Week will be held from 6-10 July as online events on
countering terrorism, with nine webinars.
"""
    events = _events(text, source="unoct")
    assert [(e.start_date, e.end_date, e.city, e.status) for e in events] == [
        (dt.date(2020, 6, 29), dt.date(2020, 7, 3), "New York", "postponed"),
        (dt.date(2020, 7, 6), dt.date(2020, 7, 10), None, "scheduled"),
    ]


def test_paragraph_opening_with_a_current_date_starts_another_conference() -> None:
    text = """Anti-terror conference in Minsk on 9-10 October

MINSK, 10 May - An international anti-terrorism conference will take place in Minsk on
9-10 October 2018 on preventing terrorism.

On 10-11 May the delegation takes part in Rome in the international conference on foreign
terrorist fighters returning from conflict zones.
"""
    events = _events(text, published=dt.date(2018, 5, 10))
    assert [(e.city, e.start_date) for e in events] == [
        ("Minsk", dt.date(2018, 10, 9)),
        ("Rome", dt.date(2018, 5, 10)),
    ]


def test_background_mention_of_a_past_conference_keeps_one_event() -> None:
    text = """Regional Conference on Countering Terrorism

The Regional Conference on Countering Terrorism will be held in Vienna on 10-11 June 2019.

On 5-6 May 2017 the first conference on terrorism was held in Bishkek with 200 participants.
"""
    events = _events(text, published=dt.date(2019, 5, 2))
    assert [e.city for e in events] == ["Vienna"]


def test_a_meeting_whose_outcome_a_speaker_reports_is_no_other_event() -> None:
    # The summit (and the body whose summit it was) is what the minister reports on: over, told
    # for its results, not another meeting the page announces.
    text = """Minister urges joint action at border security conference

VALDORA - At the Regional Conference on Border Security to Counter Terrorism, which takes
place on 18-19 May in Kestrel, the foreign minister called for joint work against terrorism.

The minister reported on the outcome of the third summit of the Conference on Coastal
Dialogue in Asia, which took place on 12-13 May in Valdora, including its plan against
terrorism.
"""
    events = _events(text, published=dt.date(2031, 5, 18))
    assert [e.start_date for e in events] == [dt.date(2031, 5, 18)]


@pytest.mark.parametrize(
    ("sentence", "own"),
    [
        (
            "The minister reported on the outcome of the third summit of the Conference on "
            "Coastal Dialogue, which took place on 12-13 May in Valdora.",
            False,
        ),
        (
            "Les résultats du sommet de la Conférence côtière, tenu les 12 et 13 mai à Valdora, "
            "ont été présentés.",
            False,
        ),
        (
            "The minister will attend the third summit of the Conference on Coastal Dialogue, "
            "which takes place on 21-22 May in Valdora.",
            True,
        ),
    ],
)
def test_a_meeting_told_for_its_outcome_is_not_named_as_its_own(sentence: str, own: bool) -> None:
    assert sections._names_meeting_of_its_own(sentence) is own


def test_part_labels_under_one_event_do_not_start_sections() -> None:
    text = """Regional Conference on Countering Terrorism

The Regional Conference on Countering Terrorism will be held in Vienna on 10-11 June 2019.

Conference programme and agenda

On 10 June 2019 the conference opens in Vienna with a session on terrorism financing.
"""
    assert len(_events(text, published=dt.date(2019, 5, 2))) == 1


def test_one_event_page_has_no_sections() -> None:
    page = read_page(
        "Seminar on Violent Extremism\n\n"
        "The seminar on violent extremism will be held in Astana on 3 May 2019.\n",
        URL,
        is_text=True,
    )
    assert event_sections(page) == []


def test_a_page_announcing_more_than_max_items_events_keeps_the_first_max_items() -> None:
    # Decision 0010 bounds a page's lists at MAX_ITEMS; every section is normalised, so a 5 MB
    # page of dated paragraphs must not become thousands of events.
    cities = ["Vienna", "Geneva", "Rome", "Madrid"]
    paragraphs = [
        f"On {n % 27 + 1} June 2031 the seminar number {n} on terrorism opens in "
        f"{cities[n % 4]}, with experts from the region."
        for n in range(MAX_ITEMS + 25)
    ]
    text = "Seminars on terrorism\n\nDate: 2 May 2031\n\n" + "\n\n".join(paragraphs) + "\n"
    page = read_page(text, URL, is_text=True)
    found = event_sections(page)
    assert len(found) == MAX_ITEMS
    # The lead holds seminar 0; each later section ends where the next one starts, so the last
    # kept one does not swallow the paragraphs past the bound.
    assert found[0].lead and "seminar number 0 " in found[0].blocks[-1].text
    assert all(len(section.blocks) == 1 for section in found[1:])
    assert f"seminar number {MAX_ITEMS - 1} " in found[-1].blocks[0].text


def test_slug_keeps_letters_of_other_alphabets() -> None:
    assert slug("Konferenz zur Erörterung") == "konferenz-zur-erörterung"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_raises_and_never_yields_a_single_section(text: str) -> None:
    page = read_page(text, URL, is_text=True)
    assert len(event_sections(page)) != 1


# A calendar of an organisation: title line, date line, a short line or two; its own heading and
# intro name the topic; one training course and one entry without a date among the events.
CALENDAR = """Upcoming events on preventing radicalisation and violent extremism

Our calendar lists seminars and workshops on radicalisation and violent extremism prevention.

- Regional Workshop on Rehabilitation of Returning Families
14 March 2030, Almaty
Regional Office for Central Asia

- Expert Seminar on Prison Radicalisation
Tuesday, 9 April 2030
Online

- Training course: "Interviewing Techniques"
2 to 6 May 2030, Vienna

- Weekly helpdesk for practitioners
Every Monday, Online
"""


def test_listing_yields_one_event_per_dated_entry_and_no_training_course() -> None:
    found = _events(CALENDAR)
    assert [(e.title, e.start_date) for e in found] == [
        ("Regional Workshop on Rehabilitation of Returning Families", dt.date(2030, 3, 14)),
        ("Expert Seminar on Prison Radicalisation", dt.date(2030, 4, 9)),
    ]


def test_listing_entry_reads_the_place_of_its_own_date_line() -> None:
    first, second = _events(CALENDAR)
    assert (first.city, first.country) == ("Almaty", "KZ")
    assert second.city is None


SERIES = """Dates: radicalisation prevention in practice

Events on radicalisation and extremism prevention, every six weeks.

- Seminar series: "Working with Families"

3. Februar 2031: "Talking to Relatives of Returnees"

10. März 2031: "Schools and Radicalisation"

Online

- Seminar: "Exit Work as Social Work?"
20. Januar 2031, Online

Februar

- Seminar: "Talking to Relatives of Returnees"
3. Februar 2031, Online
"""


def test_dated_items_of_a_series_are_events_named_by_their_own_lines() -> None:
    found = _events(SERIES)
    assert [(e.title, e.start_date) for e in found] == [
        ("Talking to Relatives of Returnees", dt.date(2031, 2, 3)),
        ("Schools and Radicalisation", dt.date(2031, 3, 10)),
        ("Exit Work as Social Work?", dt.date(2031, 1, 20)),
    ]


def test_an_entry_listed_twice_is_one_event() -> None:
    titles = [e.title for e in _events(SERIES)]
    assert titles.count("Talking to Relatives of Returnees") == 1


NEWS_LISTING = """News

Minister receives the new ambassador of Norway
12 March 2030
The minister welcomed the ambassador and discussed bilateral trade.

Budget for border infrastructure approved
14 March 2030
Parliament approved the budget for new border posts.
"""


def test_news_listing_of_items_that_are_no_events_yields_nothing() -> None:
    assert _events(NEWS_LISTING) == []


REPORT_WITH_PROGRAMME = """Regional Conference on Terrorist Financing

Vienna, 25-26 April 2030

The regional conference on terrorist financing brought together experts from thirty states
to discuss how terrorism is funded and how the funding can be cut off.

On 25 and 26 April 2030, the OSCE organised the conference in Vienna with the support of
the host country, to follow up the work on countering the financing of terrorism.

The opening

Wednesday, 25 April 2030

The conference opened with a message by the Secretary General.
"""


def test_an_event_page_with_a_dated_header_and_a_programme_day_is_not_a_listing() -> None:
    page = read_page(REPORT_WITH_PROGRAMME, URL, is_text=True)
    assert listing_sections(page) == []
    assert len(_events(REPORT_WITH_PROGRAMME)) == 1


def test_listing_entries_share_the_topic_of_the_listing_heading() -> None:
    # "Exit Work as Social Work?" names no topic of its own; the calendar's heading does.
    assert "Exit Work as Social Work?" in [e.title for e in _events(SERIES)]


def test_listing_without_a_topic_of_its_own_lends_none_to_its_entries() -> None:
    plain = SERIES.replace("radicalisation prevention in practice", "social work in practice")
    plain = plain.replace("on radicalisation and extremism prevention", "for social workers")
    assert "Exit Work as Social Work?" not in [e.title for e in _events(plain)]


REPORT = """Our project at three meetings this autumn

Over the past months the project team was invited to several events to present its work.

On 3-4 October 2021, the team presented its findings at the Annual Conference on Political
Violence, held at the University of Leeds, with a talk on terrorism and radicalisation.

On 12-14 October 2021, the team took part in the International Forum on Community Resilience in
Lisbon, where it led a session on preventing violent extremism.

On 20 October 2021, the project joined a workshop in Vilnius on online radicalisation and
terrorist propaganda organised by the university.
"""


def test_report_of_dated_paragraphs_yields_one_event_per_meeting() -> None:
    events = _events(REPORT, published=dt.date(2021, 11, 30))
    assert [(e.start_date, e.city) for e in events] == [
        (dt.date(2021, 10, 3), "Leeds"),
        (dt.date(2021, 10, 12), "Lisbon"),
        (dt.date(2021, 10, 20), "Vilnius"),
    ]


def test_report_of_dated_paragraphs_needs_no_page_date() -> None:
    assert len(_events(REPORT)) == 3


def test_day_by_day_report_of_one_conference_is_one_event() -> None:
    text = """Conference on Countering Terrorism

On 12 May 2021, the Conference on Countering Terrorism opened in Vienna with a session on
terrorism financing and violent extremism.

On 13 May 2021, the conference continued in Vienna with panels on radicalisation in prisons.

On 14 May 2021, the conference closed in Vienna with the adoption of its recommendations.
"""
    assert len(_events(text, published=dt.date(2021, 5, 15))) == 1


def test_dated_training_course_after_a_workshop_is_no_second_event() -> None:
    text = """Dec 3-4, Vienna, Austria: the institute organised a two-day workshop in Vienna on
preventing violent extremism and terrorism among young people.

Dec 6-9, Vienna, Austria: Training workshops for youth workers on violent extremism with the
institute's partners in Vienna.
"""
    assert len(_events(text)) == 1


def test_paragraph_opening_with_a_date_starts_another_conference_without_a_page_date() -> None:
    text = """Regional conference on extremism in Almaty

The envoy's visit lasts from 8 to 12 November. He opens a regional conference on preventing
violent extremism and terrorism in Almaty on 9 November.

On 11 November the envoy takes part in a seminar in Bishkek for prevention officers on
radicalisation and terrorism.
"""
    events = _events(text)
    assert [e.city for e in events] == ["Almaty", "Bishkek"]


def test_a_dateline_of_the_page_s_own_day_does_not_make_a_visit_lead_an_event() -> None:
    text = """Ministers discuss cooperation

TASHKENT, 03.04.2023 (Agency) - The Deputy Minister received the Ambassador of a neighbouring
country. The sides discussed trade, transport and the forthcoming Tashkent Counter-Terrorism
Conference.

The International Conference on Preventing Violent Extremism will take place in Tashkent,
Uzbekistan on 18-19 April 2023.

The conference is organised by the Government of Uzbekistan and the OSCE.
"""
    events = _events(text, published=dt.date(2023, 4, 3))
    # One event page: the visit's lead is no section of its own, so no anchor either.
    assert [(e.city, e.start_date, e.url) for e in events] == [
        ("Tashkent", dt.date(2023, 4, 18), URL)
    ]


MENU = "\n".join(["Home", "News", "Sports", "Business", "Culture", "Weather", "Travel"] * 2)


def test_a_signing_headline_under_a_long_menu_makes_no_event() -> None:
    text = f"""{MENU}

The Union and Japan sign MoU on preventing radicalisation

Published on Monday 10 September 2018

Amid terrorist attacks and growing radicalisation, the 12th Summit of the Union held in
Lomé on 26 November 2016 adopted a resolution on preventing violent extremism.
"""
    assert _events(text, published=dt.date(2018, 9, 10)) == []


def test_a_headline_naming_a_country_and_a_signing_is_a_headline_not_a_place_line() -> None:
    text = """ASEAN, Japan sign MoU on counter-terrorism

Officials of Japan and the ASEAN member states signed a memorandum on countering terrorism
on the sidelines of the ASEAN-Japan Commemorative Summit on Counter-Terrorism, held in Tokyo on
17 March 2018.
"""
    assert _events(text, published=dt.date(2018, 3, 18)) == []


def test_a_social_bar_is_no_page_title() -> None:
    text = (
        "Daily Courier\nfacebook icon twitter icon linkedin icon\n\n"
        "Regional seminar on preventing violent extremism opens in the capital\n\n"
        "The seminar opened on 3 March 2024."
    )
    page = read_page(text, URL, is_text=True)
    from confwatch.spiders.page import title_of

    assert title_of(page) == (
        "Regional seminar on preventing violent extremism opens in the capital"
    )


def test_a_kicker_in_capitals_is_no_page_title() -> None:
    text = (
        "WITH THE LOCAL GARRISON\n\n"
        "Extremism is the subject of the twelfth geostrategy days at the university\n\n"
        "The days open today in the assembly hall."
    )
    page = read_page(text, URL, is_text=True)
    from confwatch.spiders.page import title_of

    assert title_of(page) == (
        "Extremism is the subject of the twelfth geostrategy days at the university"
    )


def test_a_conference_name_in_capitals_over_its_subtitle_is_no_kicker() -> None:
    text = (
        "REGIONAL CONFERENCE ON TERRORISM\n\n"
        "Countering radicalisation in the digital age and its many challenges\n\n"
        "The conference opens on 3 March 2024."
    )
    page = read_page(text, URL, is_text=True)
    from confwatch.spiders.page import title_of

    assert title_of(page) == "REGIONAL CONFERENCE ON TERRORISM"


def test_a_headline_of_a_theme_and_a_question_is_a_title() -> None:
    text = (
        "Violent radicalisation. Where do we stand in 2024?\n\n"
        "12 March 2024, 9am to noon, online\n\n"
        "The colloquium takes stock of violent radicalisation in colleges."
    )
    page = read_page(text, URL, is_text=True)
    from confwatch.spiders.page import title_of

    assert title_of(page) == "Violent radicalisation. Where do we stand in 2024?"


def test_a_release_quoted_under_its_own_headline_is_the_same_event() -> None:
    text = """Wire Service

3 March 2031

Ministry of Justice to Host Counterterrorism Conference March 10-12

(Will focus on threats in the region)

The Ministry will host a counterterrorism conference March 10-12 in Oslo on terrorist threats.

The announcement reads as follows:

MINISTRY OF JUSTICE TO HOST COUNTERTERRORISM CONFERENCE

The Ministry is hosting a counterterrorism conference March 10-12 in Oslo, with eight delegations.
"""
    page = read_page(text, URL, is_text=True, published=dt.date(2031, 3, 3))
    assert event_sections(page) == []
    assert len(_events(text, published=dt.date(2031, 3, 3))) == 1


def test_two_sections_headed_alike_stay_two_editions() -> None:
    text = """Our seminars

Regional Seminar on Countering Terrorism

The regional seminar on countering terrorism will be held in Almaty on 3 May 2031.

Regional Seminar on Countering Terrorism

The regional seminar on countering terrorism will be held in Bishkek on 9 October 2031.
"""
    page = read_page(text, URL, is_text=True, published=dt.date(2031, 2, 1))
    assert len(event_sections(page)) == 2


AGENDA = """Termine

12. März 2031, KasselMitgliederversammlung des Vereins

Mitgliederversammlung

Die Mitglieder wählen den Vorstand.

12. März 2031, KasselNetzwerktreffen des Vereins

Netzwerktreffen

Das Netzwerktreffen schließt sich an die Versammlung an.

13. März 2031, KasselFachtag des Vereins

Radikalisierung im Netz. Was hilft gegen Extremismus?

Der Verein lädt zum Fachtag über Extremismus und Terrorismus im Netz ein, am 13. März 2031.

Fachleute sprechen über Prävention von Radikalisierung, Islamismus und Terrorismus in Schulen.
"""


def _start(section: sections.Section) -> object:
    return getattr(section.when, "start", None)


def test_a_listing_entry_ends_where_the_next_dated_item_starts() -> None:
    # The third item has more text than an entry has; its paragraphs are no part of the entry
    # above it (whose own lines name no topic).
    page = read_page(AGENDA, URL, is_text=True)
    for section in listing_sections(page):
        if _start(section) != dt.date(2031, 3, 13):
            assert not any("Terrorismus" in b.text for b in section.blocks), section.title


def test_an_entry_after_short_ones_is_an_entry_however_long_its_text() -> None:
    # Two short entries make the page a listing: the longer text under the third date line is
    # that entry's description, not the page's own header over its report.
    page = read_page(AGENDA, URL, is_text=True)
    assert [_start(s) for s in listing_sections(page)][-1] == dt.date(2031, 3, 13)


def test_a_dated_header_over_running_text_is_no_first_entry() -> None:
    text = (
        "Strasbourg, 25-26 April 2031\n\n"
        "Seminar on radicalisation in prisons\n\n"
        "The seminar brought together prison staff and experts on violent extremism from "
        "twenty countries to discuss radicalisation.\n\n"
        "Participants agreed on a set of recommendations on terrorism in prisons and on the "
        "rehabilitation of offenders.\n\n"
        "12 May 2031, Vienna\n\n"
        "Expert meeting on returning fighters\n\n"
        "14 June 2031, Rome\n\n"
        "Workshop on terrorist financing\n"
    )
    page = read_page(text, URL, is_text=True)
    assert dt.date(2031, 4, 25) not in [_start(s) for s in listing_sections(page)]


def test_the_days_of_one_programme_are_no_listing() -> None:
    text = (
        "Congrès des victimes à Lyon du 4 au 5 mars\n\n"
        "Le Congrès des victimes du terrorisme aura lieu à Lyon les 4 et 5 mars 2031. "
        "L'association organise des débats avec des experts internationaux.\n\n"
        "Programme\n\n"
        "Mardi 4 mars 2031\n\n"
        "Palais des congrès, salle A, 06000 Lyon\n\n"
        "- 14H00 Ouverture du congrès\n"
        "- 17H00 Table ronde : la prévention de la radicalisation\n\n"
        "Mercredi 5 mars 2031\n\n"
        "Palais des congrès, salle A, 06000 Lyon\n\n"
        "- 09H30 Table ronde : le rôle des États"
    )
    page = read_page(text, URL, is_text=True, published=dt.date(2031, 2, 20))
    assert listing_sections(page) == []


UNDATED_SEASON = (
    "Die Jahrestagung des Instituts zu Radikalisierung wurde am 24. November 2031 in Graz "
    "zum dritten Mal veranstaltet. Fachleute sprachen über Extremismus und Terrorismus.\n\n"
    "Die Tagung bot Raum für einen breiten Austausch über Prävention und Radikalisierung.\n\n"
    "Das Institut veranstaltete bereits am {when} in Wien einen Round Table mit einer Expertin "
    "für Konfliktprävention, Islamismus und Terrorismus.\n"
)


def test_an_undated_page_reports_a_meeting_its_body_held_weeks_before_the_lead() -> None:
    found = _events(UNDATED_SEASON.format(when="25. Oktober"))
    assert [e.city for e in found] == ["Graz", "Vienna"]


def test_a_meeting_held_months_before_the_lead_stays_no_event_of_its_own() -> None:
    found = _events(UNDATED_SEASON.format(when="25. April"))
    assert len(found) == 1
