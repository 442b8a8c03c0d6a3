"""Dates by class of page (issue 15): historic dates named by the past events they mark, an
event's heading with its hours, a year that belongs to another month's date, a day word after a
dateline's dash, an opening and a closing day in one sentence, an end weekday after "until".
Every text here is invented; each rule is shown in the five languages of the lexicon."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.fields import EventFields
from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import dates, event_dates, normalise, page_date, relative_dates
from confwatch.spiders.normalise.event_dates import read_dates
from confwatch.spiders.normalise.sentences import event_sentences
from tests.spiders.normalise.inline_pages import fields_of

D = dt.date


def _dates(title: str, body: str, language: str) -> tuple[dt.date | None, dt.date | None]:
    raw = RawEvent(
        source="generic",
        url="https://example.org/x",
        title=title,
        body_text=body,
        language=language,
    )
    found, _ = read_dates(raw, event_sentences(title, body), [language])
    return (found.start, found.end) if found else (None, None)


def _normalised(title: str, body: str, language: str) -> tuple[dt.date | None, dt.date | None]:
    f = _fields(body, title=title, language=language)
    return f.start_date, f.end_date


def _fields(body: str, *, title: str, language: str) -> EventFields:
    raw = RawEvent(
        source="generic",
        url="https://example.org/x",
        title=title,
        body_text=body,
        language=language,
    )
    result = normalise(raw)
    assert result.fields is not None, result.skipped
    return result.fields


# -- a historic date named by the past events it marks ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The dreadful events of September 11, 2001 shaped a generation of police work.",
        "Depuis les événements du 13 novembre 2015, la coopération a beaucoup changé.",
        "После событий 1 сентября 2004 года службы усилили охрану школ.",
        "Nach den Anschlägen vom 19. Dezember 2016 wurde die Zusammenarbeit neu geordnet.",
        "Tras los atentados del 11 de marzo de 2004 cambió la cooperación policial.",
    ],
)
def test_date_after_the_past_events_it_marks_is_historic(sentence: str) -> None:
    hits = dates.find_date_ranges(sentence)
    assert hits
    _, start, end = hits[0]
    assert relative_dates.is_historic(sentence, start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "The regional conference on terrorism will be held on 11 September 2019 in Vienna.",
        "Le séminaire sur le terrorisme se tiendra le 13 novembre 2019 à Lyon.",
        "Конференция по противодействию терроризму состоится 1 сентября 2019 года.",
        "Die Fachtagung zum Terrorismus findet am 19. Dezember 2019 in Köln statt.",
        "El seminario sobre terrorismo se celebrará el 11 de marzo de 2020 en Quito.",
    ],
)
def test_date_said_of_an_event_being_held_is_not_historic(sentence: str) -> None:
    _, start, end = dates.find_date_ranges(sentence)[0]
    assert not relative_dates.is_historic(sentence, start, end)


def test_event_page_takes_its_heading_dates_not_the_historic_date_of_its_text() -> None:
    body = (
        "Counter-Terrorism Summit\n\nLisbon\nHarbour Congress Hall\nMarch 3-4, 2021\n\n"
        "The dreadful events of September 11, 2001 are still the moment that changed policing, "
        "and every event on terrorism since has had to answer to them."
    )
    f = fields_of(body, title="Counter-Terrorism Summit")
    assert (f.start_date, f.end_date) == (D(2021, 3, 3), D(2021, 3, 4))


# -- an event's heading: a date line with the event's hours -------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "9.30 – 16.30 Uhr",
        "von 9 bis 17 Uhr",
        "10:00 - 17:00 (CET)",
        "from 9 am to 5 pm",
        "de 9h30 à 17h",
        "с 10:00 до 18:00",
        "de 9:00 a 13:30",
    ],
)
def test_a_span_of_clock_hours_on_its_own_line_is_an_events_hours(line: str) -> None:
    assert page_date.hours_line([line])


@pytest.mark.parametrize(
    "line", ["13:22", "12 marzo 2019 | 09.30", "2019-2020", "17.11 – 18.11.2025", "12 - 13"]
)
def test_one_time_a_year_span_or_a_day_span_are_no_hours(line: str) -> None:
    assert not page_date.hours_line([line])


@pytest.mark.parametrize(
    ("lines", "language"),
    [
        (["Mittwoch, 4. März 2026", "9.30 – 16.30 Uhr", "Rathaus Bonn"], "de"),
        (["Wednesday, 4 March 2026", "10:00 - 17:00", "City Hall, Leeds"], "en"),
        (["mercredi 4 mars 2026", "de 9h30 à 17h", "Hôtel de ville de Lyon"], "fr"),
        (["среда, 4 марта 2026", "с 10:00 до 18:00", "Дом дружбы, Казань"], "ru"),
        (["miércoles, 4 de marzo de 2026", "de 9:00 a 13:30", "Casa de América"], "es"),
    ],
)
def test_date_line_with_hours_under_it_is_no_page_date(lines: list[str], language: str) -> None:
    heading = ["Fachtag Prävention"]
    assert page_date.own_date(heading + lines, [language]) is None


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Mittwoch, 4. März 2026", "de"),
        ("Wednesday, 4 March 2026", "en"),
        ("mercredi 4 mars 2026", "fr"),
        ("среда, 4 марта 2026", "ru"),
        ("miércoles, 4 de marzo de 2026", "es"),
    ],
)
def test_date_line_with_one_posting_time_under_it_stays_the_page_date(
    line: str, language: str
) -> None:
    own = page_date.own_date(["Fachtag Prävention", line, "13:22", "Rathaus"], [language])
    assert own is not None and own[0] == D(2026, 3, 4)


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Fachtag Radikalisierungsprävention 2026",
            "Fachtag Radikalisierungsprävention 2026\nMittwoch, den 4. März 2026\n"
            "9.30 – 16.30 Uhr\nRathaus Bonn\nExpertinnen sprechen über Extremismus und "
            "Terrorismus, danach folgen Workshops.",
            "de",
        ),
        (
            "Workshop on preventing violent extremism 2026",
            "Workshop on preventing violent extremism 2026\nWednesday, 4 March 2026\n"
            "10:00 - 17:00\nCity Hall, Leeds\nPractitioners discuss extremism and terrorism, "
            "followed by small group sessions.",
            "en",
        ),
        (
            "Journée d'étude sur la radicalisation 2026",
            "Journée d'étude sur la radicalisation 2026\nmercredi 4 mars 2026\nde 9h30 à 17h\n"
            "Hôtel de ville de Lyon\nDes chercheurs parlent d'extrémisme et de terrorisme.",
            "fr",
        ),
        (
            "Семинар по профилактике экстремизма 2026",
            "Семинар по профилактике экстремизма 2026\nсреда, 4 марта 2026\nс 10:00 до 18:00\n"
            "Дом дружбы, Казань\nЭксперты обсудят противодействие экстремизму и терроризму.",
            "ru",
        ),
        (
            "Seminario sobre prevención del extremismo 2026",
            "Seminario sobre prevención del extremismo 2026\nDate: Wednesday, 4 March 2026 "
            "10:00 - 13:30\nCasa de América, Madrid\nExpertos debaten sobre extremismo y "
            "terrorismo.",
            "es",
        ),
    ],
)
def test_event_heading_date_with_its_hours_is_the_events_one_day(
    title: str, body: str, language: str
) -> None:
    assert _dates(title, body, language) == (D(2026, 3, 4), D(2026, 3, 4))


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Fachtag Radikalisierungsprävention",
            "Fachtag Radikalisierungsprävention\n04.03.2026 09:00 17:00\nRathaus Bonn\n"
            "Expertinnen sprechen über Extremismus und Terrorismus, danach folgen Workshops.",
            "de",
        ),
        (
            "Workshop on preventing violent extremism",
            "Workshop on preventing violent extremism\n4 March 2026 10:00 16:30\nCity Hall, "
            "Leeds\nPractitioners discuss extremism and terrorism in small groups.",
            "en",
        ),
    ],
)
def test_a_date_line_with_a_start_and_an_end_time_side_by_side_is_the_events_day(
    title: str, body: str, language: str
) -> None:
    # an events calendar prints its start and end times side by side; a posting stamp has one
    assert _dates(title, body, language) == (D(2026, 3, 4), D(2026, 3, 4))


@pytest.mark.parametrize(
    ("title", "line", "language"),
    [
        (
            "Parliamentary Conference “Border security, violent extremism and the pandemic”",
            "Border security, violent extremism and the pandemic: the new threats facing "
            "parliaments” | 15 April 2031 | Videoconference",
            "en",
        ),
        (
            "Conferência Parlamentar “Segurança das fronteiras, extremismo violento e pandemia”",
            "Segurança das fronteiras, extremismo violento e pandemia: as novas ameaças aos "
            "parlamentos” | 15 de abril de 2031 | Videoconferência",
            "pt",
        ),
    ],
)
def test_a_long_name_then_its_date_between_bars_is_the_events_heading(
    title: str, line: str, language: str
) -> None:
    # below the site's menu lines, out of the page's lead
    menu = "International relations\n\nNews\n\nDelegations\n\nPublications\n\n"
    body = f"{menu}{line}\n\nMembers of the delegation took part in the discussion."
    assert _dates(title, body, language) == (D(2031, 4, 15), D(2031, 4, 15))


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Conférence sur la prévention de l'extrémisme",
            # 14 October is a Tuesday in 2031, no Monday: 2031 is not the conference's year
            "Le centre, fondé en 2031, organise une conférence sur la prévention de "
            "l'extrémisme lundi 14 octobre à Niamey.",
            "fr",
        ),
        (
            "Konferenz zur Extremismusprävention",
            "Die Konferenz zur Extremismusprävention beginnt am Montag, den 14. Oktober in "
            "Mainz. Das Netzwerk besteht seit seiner Gründung im Jahr 2031.",
            "de",
        ),
    ],
)
def test_a_weekday_that_the_lent_year_belies_leaves_the_date_unknown(
    title: str, body: str, language: str
) -> None:
    assert _dates(title, body, language) == (None, None)


def test_a_weekday_elsewhere_that_the_lent_year_belies_leaves_the_year_unknown() -> None:
    body = (
        "Das Netzwerk, gegründet 2031, lädt am 14./15. Oktober zur Fachtagung nach Mainz ein. "
        "Am Montag, den 14. Oktober, sprechen Fachleute über Radikalisierung."
    )
    assert _dates("Fachtagung Radikalisierung", body, "de") == (None, None)


def test_a_weekday_that_falls_on_the_lent_year_keeps_the_date() -> None:
    body = (
        "Le centre, fondé en 2031, organise une conférence sur la prévention de l'extrémisme "
        "mardi 14 octobre à Niamey."
    )
    title = "Conférence sur la prévention de l'extrémisme"
    assert _dates(title, body, "fr") == (D(2031, 10, 14), D(2031, 10, 14))


# -- a year that belongs to another month's date ------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Regional conference on terrorism",
            "The regional conference on terrorism will be held on 7-8 November in Vienna. "
            "It prepares the summit of agency heads in New York in June 2030.",
            "en",
        ),
        (
            "Conférence régionale sur le terrorisme",
            "La conférence régionale sur le terrorisme se tiendra les 7 et 8 novembre à Lyon. "
            "Elle prépare le sommet de New York en juin 2030.",
            "fr",
        ),
        (
            "Региональная конференция по терроризму",
            "Региональная конференция по терроризму пройдёт 7-8 ноября в Казани. Она готовит "
            "встречу в Нью-Йорке в июне 2030 года.",
            "ru",
        ),
        (
            "Regionalkonferenz zum Terrorismus",
            "Die Regionalkonferenz zum Terrorismus findet am 7. und 8. November in Wien statt. "
            "Sie bereitet das Treffen in New York im Juni 2030 vor.",
            "de",
        ),
        (
            "Conferencia regional sobre terrorismo",
            "La conferencia regional sobre terrorismo se celebrará el 7 y 8 de noviembre en "
            "Quito. Prepara la cumbre de Nueva York en junio de 2030.",
            "es",
        ),
    ],
)
def test_year_of_another_months_date_leaves_a_year_less_day_unknown(
    title: str, body: str, language: str
) -> None:
    assert _dates(title, body, language) == (None, None)


def test_year_of_the_same_months_date_dates_a_year_less_day() -> None:
    body = (
        "The regional conference on terrorism will be held on 7-8 November in Vienna. "
        "It is the second of the November 2030 meetings on the topic."
    )
    assert _dates("Regional conference on terrorism", body, "en") == (
        D(2030, 11, 7),
        D(2030, 11, 8),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ahead of the summit in June 2030", [(6, 2030)]),
        ("nel giugno 2030 a New York", [(6, 2030)]),
        ("в июне 2030 года", [(6, 2030)]),
        ("im Juni 2030", [(6, 2030)]),
        ("en junio de 2030", [(6, 2030)]),
        ("the mayor 2030 plan", []),
    ],
)
def test_month_precision_dates_are_found_with_their_year(
    text: str, expected: list[tuple[int, int]]
) -> None:
    assert [(m, y) for m, y, _, _ in dates.month_years(text)] == expected


# -- a relative day after a dateline's dash, an opening and a closing day, "through Friday" ------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Conference on terrorism",
            "OSLO, 15 May 2024 – Yesterday an international conference on countering terrorism "
            "was held in Oslo.",
            "en",
        ),
        (
            "Conférence sur le terrorisme",
            "LYON, 15 mai 2024 – Hier s'est tenue à Lyon une conférence internationale sur la "
            "lutte contre le terrorisme.",
            "fr",
        ),
        (
            "Конференция по терроризму",
            "Казань, 15 мая 2024 г. – Вчера в Казани состоялась международная конференция по "
            "противодействию терроризму.",
            "ru",
        ),
        (
            "Konferenz zum Terrorismus",
            "Graz, 15. Mai 2024 – Gestern fand in Graz eine internationale Konferenz zur "
            "Terrorismusbekämpfung statt.",
            "de",
        ),
        (
            "Conferencia sobre terrorismo",
            "Quito, 15 de mayo de 2024 – Ayer se celebró en Quito una conferencia internacional "
            "sobre terrorismo.",
            "es",
        ),
    ],
)
def test_day_word_after_the_datelines_dash_is_counted_from_it(
    title: str, body: str, language: str
) -> None:
    assert _normalised(title, body, language) == (D(2024, 5, 14), D(2024, 5, 14))


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Conference on terrorism",
            "OSLO, 9 April 2025 - The conference on countering terrorism, which opened on Monday, "
            "concluded today in Oslo.",
            "en",
        ),
        (
            "Conférence sur le terrorisme",
            "LYON, 9 avril 2025 - La conférence sur la lutte contre le terrorisme, ouverte lundi, "
            "s'est terminée aujourd'hui à Lyon.",
            "fr",
        ),
        (
            "Конференция по терроризму",
            "Казань, 9 апреля 2025 г. – Конференция по противодействию терроризму, открывшаяся в "
            "понедельник, завершилась сегодня в Казани.",
            "ru",
        ),
        (
            "Konferenz zum Terrorismus",
            "Graz, 9. April 2025 – Die Konferenz zur Terrorismusbekämpfung, die am Montag eröffnet "
            "wurde, endet heute in Graz.",
            "de",
        ),
        (
            "Conferencia sobre terrorismo",
            "Quito, 9 de abril de 2025 – La conferencia sobre terrorismo, inaugurada el lunes, "
            "terminó hoy en Quito.",
            "es",
        ),
    ],
)
def test_opening_day_and_closing_day_of_one_sentence_make_the_span(
    title: str, body: str, language: str
) -> None:
    assert _normalised(title, body, language) == (D(2025, 4, 7), D(2025, 4, 9))


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Workshop on terrorism",
            "ACCRA, 7 April 2025 - A regional workshop on countering terrorism opened today in "
            "Accra and runs through Friday.",
            "en",
        ),
        (
            "Atelier sur le terrorisme",
            "DAKAR, 7 avril 2025 - Un atelier régional sur le terrorisme s'est ouvert aujourd'hui "
            "à Dakar et se poursuivra jusqu'à vendredi.",
            "fr",
        ),
        (
            "Семинар по терроризму",
            "Бишкек, 7 апреля 2025 г. – Сегодня в Бишкеке открылся семинар по противодействию "
            "терроризму, который продлится до пятницы.",
            "ru",
        ),
        (
            "Workshop zum Terrorismus",
            "Linz, 7. April 2025 – Heute wurde in Linz ein Workshop zur Terrorismusabwehr "
            "eröffnet, der bis Freitag dauert.",
            "de",
        ),
        (
            "Taller sobre terrorismo",
            "Lima, 7 de abril de 2025 – Hoy se inauguró en Lima un taller sobre terrorismo que "
            "durará hasta el viernes.",
            "es",
        ),
    ],
)
def test_opening_day_and_an_end_weekday_after_it_make_the_span(
    title: str, body: str, language: str
) -> None:
    assert _normalised(title, body, language) == (D(2025, 4, 7), D(2025, 4, 11))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (" Friday.", "en", 4),
        (" vendredi", "fr", 4),
        (" пятницы", "ru", 4),
        (" четверга", "ru", 3),
        (" воскресенья", "ru", 6),
        (" Freitag", "de", 4),
        (" el viernes", "es", 4),
        (" quinta-feira", "pt", 3),
        (" sexta-feira.", "pt", 4),
        (" 17 Uhr", "de", None),
        (" the end of May", "en", None),
    ],
)
def test_weekday_named_after_an_until_phrase(
    text: str, language: str, expected: int | None
) -> None:
    assert relative_dates.until_weekday(text, [language]) == expected


def test_from_today_to_a_weekday_makes_the_span() -> None:
    """Portuguese "de hoje a quinta-feira" (from today to Thursday): today starts the event,
    the weekday ends it."""
    body = (
        "Recife, 7/4/2025 - A Polícia Federal promove de hoje a quinta-feira um seminário "
        "sobre a prevenção do terrorismo no Recife."
    )
    assert _normalised("Seminário sobre terrorismo", body, "pt") == (D(2025, 4, 7), D(2025, 4, 10))


def test_year_ending_the_event_sentence_dates_its_year_less_day() -> None:
    """A year before the sentence's full stop ("... Regional Forum 2027.") is a year of the
    event's own sentence like any other: it dates the year-less day beside it."""
    body = (
        "A workshop on countering terrorism was held in Dakar on March 12, as part of the "
        "West Africa Security Forum 2027. Some 40 officials attended the workshop."
    )
    got = _normalised("Workshop on countering terrorism", body, "en")
    assert got == (D(2027, 3, 12), D(2027, 3, 12))


# -- a publication line that opens the page ------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Published on Tuesday, 7 December 2021", "en"),
        ("Publié le mardi 7 décembre 2021", "fr"),
        ("Опубликовано: вторник, 7 декабря 2021", "ru"),
        ("Veröffentlicht am Dienstag, 7. Dezember 2021", "de"),
        ("Publicado el martes 7 de diciembre de 2021", "es"),
    ],
)
def test_published_weekday_line_opening_the_page_is_its_date_not_a_header(
    line: str, language: str
) -> None:
    own = page_date.own_date([line, "Un texte."], [language])
    assert own is not None and own[0] == D(2021, 12, 7)


def test_day_word_is_counted_from_a_published_line_that_opens_the_page() -> None:
    body = (
        "Publié le mardi 7 décembre 2021\n\nUn séminaire sur la prévention du terrorisme s'est "
        "ouvert ce mardi à Niamey."
    )
    assert _normalised("Séminaire sur le terrorisme", body, "fr") == (D(2021, 12, 7), None)


# -- the page's date glued before a story that opens with its own date --------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("11.06.2031 10 июня в Орле состоялся круглый стол «Молодёжь против террора».", "ru"),
        ("11/06/2031 Le 10 juin, une table ronde sur la radicalisation s'est tenue à Lille.", "fr"),
        ("11.06.2031 On 10 June a round table on radicalisation was held in Leeds.", "en"),
    ],
)
def test_page_date_glued_before_the_storys_own_date_is_not_the_events(
    body: str, language: str
) -> None:
    assert _dates("Round table", body, language) == (D(2031, 6, 10), D(2031, 6, 10))


def test_two_numeric_dates_in_a_row_are_no_page_date_and_a_story() -> None:
    hits = dates.find_date_ranges("11.06.2031 12.06.2031 Seminar on border security")
    use = page_date.classify("11.06.2031 12.06.2031 Seminar on border security", hits[0], ["en"])
    assert use.kind != "dateline"


# -- an opening day and a closing day in neighbouring sentences ---------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Kyiv, 12 March 2031. A conference on terrorist financing opened today in Kyiv. "
            "The minister will close the conference tomorrow.",
            "en",
        ),
        (
            "Москва, 12 марта 2031 г. – Конференция по финансированию терроризма открылась сегодня "
            "в Москве. Завтра конференция завершится докладом министра.",
            "ru",
        ),
    ],
)
def test_opening_day_and_closing_day_in_the_next_sentence_make_the_span(
    body: str, language: str
) -> None:
    assert _normalised("Conference on terrorist financing", body, language) == (
        D(2031, 3, 12),
        D(2031, 3, 13),
    )


# -- a clock to the second beside a date ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Tuesday, 4 March 2031, 09:12:45 — Tashkent (UTC+5)",
        "mardi 4 mars 2031 | 09:12:45",
        "4 марта 2031 09:12:45",
    ],
)
def test_date_with_a_clock_to_the_second_is_a_stamp_not_an_event_date(line: str) -> None:
    sentence = f"{line} Regional Security Forum of Parliaments"
    hits = dates.find_date_ranges(sentence, languages=["en", "fr", "ru"])
    assert page_date.classify(sentence, hits[0], ["en", "fr", "ru"]).kind == "stamp"


# -- a lead that follows a headline, a date stamp and a photo caption ----------------------------


def test_day_told_by_the_next_sentence_after_headline_stamp_and_caption_lines() -> None:
    body = (
        "Experts in Tromsø discussed countering terrorism\n\n"
        "10:15 13/03/2031\n\n"
        "Experts in Tromsø discussed countering terrorism\n\n"
        "PHOTO: Agency / Jane Doe\n\n"
        "Countering terrorism and extremism were discussed on Thursday in the city hall. "
        "There the 12th meeting of the Arctic security council took place, the agency reports."
    )
    assert _normalised("Experts discussed countering terrorism", body, "en") == (
        D(2031, 3, 13),
        D(2031, 3, 13),
    )


# -- a year-less date line on the page's own day --------------------------------------------------


def test_year_less_date_line_on_the_pages_own_day_is_not_the_events() -> None:
    body = (
        "Minister speaks at the regional counter-terrorism conference\n\n"
        "14 March\n\n"
        "09:30 2031\n\n"
        "The minister spoke online at the annual regional conference on countering terrorism, "
        "which is taking place in Amman."
    )
    raw = RawEvent(
        source="generic",
        url="https://example.org/x",
        title="Minister speaks at the regional counter-terrorism conference",
        body_text=body,
        language="en",
        published=D(2031, 3, 14),
    )
    f = normalise(raw).fields
    assert f is not None and (f.start_date, f.end_date) == (None, None)


# -- a news agency's dateline: the release's date, not an event's ---------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "الرياض 12 شعبان 1445 هـ الموافق 22 فبراير 2024 م واس اختتم المؤتمر الدولي أعماله.",
        "الرياض 12 شعبان 1445 هـ الموافق 22 فبراير 2024 م (واس) - افتتح الوزير الندوة.",
        "الدوحة في 5 مارس 2023 /قنا/ اختتمت أعمال المؤتمر الإقليمي.",
        "المنامة في 5 مارس 2023 (بنا) - انطلقت أعمال الورشة.",
        "عمّان 3 أيار 2022 (بترا) – افتتحت ورشة إقليمية.",
        "الكويت ١٠ أبريل ٢٠٢٢ كونا عقد المنتدى جلسته الأولى.",
    ],
)
def test_arabic_wire_dateline_is_the_releases_own_date(line: str) -> None:
    hits = dates.find_date_ranges(line, languages=["ar"])
    assert hits
    assert page_date.classify(line, hits[0], ["ar"]).kind == "dateline"
    own = page_date.own_date([line], ["ar"])
    assert own is not None and own[0] == hits[0][0].start


@pytest.mark.parametrize(
    "line",
    [
        "في 19 فبراير 2024 عقد المؤتمر الدولي جلسته الأولى في الرياض.",
        "تعقد الندوة يوم 22 فبراير 2024 (الأحد) في الرياض بمشاركة خبراء.",
        "ورشة عمل 22 فبراير 2024 - الرياض",
    ],
)
def test_arabic_story_opening_on_a_date_is_no_wire_dateline(line: str) -> None:
    hits = dates.find_date_ranges(line, languages=["ar"])
    assert hits
    assert page_date.classify(line, hits[0], ["ar"]).kind != "dateline"


def test_wire_dateline_is_not_the_events_date_but_dates_its_today() -> None:
    title = "مؤتمر مكافحة الإرهاب"
    closed = (
        "الرياض 12 شعبان 1445 هـ الموافق 22 فبراير 2024 م واس اختتم المؤتمر الدولي لمكافحة "
        "الإرهاب أعماله الذي استمر ثلاثة أيام."
    )
    assert _dates(title, closed, "ar") == (None, None)
    opened = "الدوحة في 5 مارس 2023 /قنا/ افتتحت اليوم ندوة دولية حول مكافحة الإرهاب."
    assert _dates("ندوة مكافحة الإرهاب", opened, "ar")[0] == D(2023, 3, 5)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Riyadh, 12 March (SPA) -- The conference on countering terrorism ended in Riyadh.", "en"),
        ("Rabat, 12 mars (MAP) – La conférence sur le terrorisme s'est achevée à Rabat.", "fr"),
        ("Москва, 12 марта (ТАСС) – Конференция по противодействию терроризму завершилась.", "ru"),
    ],
)
def test_year_less_agency_dateline_is_not_the_events_date(body: str, language: str) -> None:
    raw = RawEvent(
        source="generic",
        url="https://example.org/x",
        title="Conference",
        body_text=body,
        language=language,
        published=D(2031, 3, 12),
    )
    found, _ = read_dates(raw, event_sentences("Conference", body), [language])
    assert found is None or (found.start, found.end) == (None, None)


# -- the event's length, or its opening, told by the next sentence --------------------------------


def _published_dates(
    body: str, language: str, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    raw = RawEvent(
        source="generic",
        url="https://example.org/x",
        title="Conference",
        body_text=body,
        language=language,
        published=published,
    )
    found, _ = read_dates(raw, event_sentences("Conference", body), [language])
    return (found.start, found.end) if found else (None, None)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "La conférence internationale sur le terrorisme s'est ouverte le 14 mars 2031 à "
            "Rabat. Organisée sur trois jours par le centre d'études stratégiques et ses "
            "partenaires, la conférence a réuni 80 experts.",
            "fr",
        ),
        (
            "El congreso internacional sobre terrorismo se inauguró el 14 de marzo de 2031 en "
            "Quito. Organizado durante tres días por el instituto de estudios estratégicos y sus "
            "socios, el congreso reunió a 80 expertos.",
            "es",
        ),
    ],
)
def test_length_told_in_the_next_sentence_fills_the_end(body: str, language: str) -> None:
    assert _published_dates(body, language, None) == (D(2031, 3, 14), D(2031, 3, 16))


def test_length_in_the_next_sentence_without_the_event_is_not_its_length() -> None:
    body = (
        "La conférence internationale sur le terrorisme s'est ouverte le 14 mars 2031 à Rabat. "
        "Certains experts ont voyagé pendant trois jours pour venir de leurs pays."
    )
    assert _published_dates(body, "fr", None) == (D(2031, 3, 14), None)


def test_page_day_and_the_next_sentence_opening_the_event_leave_its_end_unknown() -> None:
    body = (
        "VIENNA, 14 March 2031 - Experts from twenty countries gathered in Vienna today for a "
        "regional conference on countering terrorism. The minister of the interior opened the "
        "conference with a speech on prevention."
    )
    assert _published_dates(body, "en", D(2031, 3, 14)) == (D(2031, 3, 14), None)


def test_a_later_report_of_a_day_and_its_opening_is_a_one_day_event() -> None:
    body = (
        "Experts from twenty countries gathered in Vienna on 14 March 2031 for a regional "
        "conference on countering terrorism. The minister of the interior opened the conference "
        "with a speech on prevention."
    )
    assert _published_dates(body, "en", D(2031, 3, 20)) == (D(2031, 3, 14), D(2031, 3, 14))


# -- the title's quoted name beside a sentence that calls the event by another noun ---------------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Séminaire international « Prévenir la radicalisation des jeunes »",
            "Le premier symposium de l'Institut s'est tenu à Dakar les 12 et 13 mai 2031. Sous "
            "l'intitulé « Prévenir la radicalisation des jeunes », cette rencontre a réuni 200 "
            "participants.",
            "fr",
        ),
        (
            'Workshop "Preventing radicalisation of young people"',
            "The first international conference of the institute was held in Nairobi on 12-13 "
            'May 2031. Under the title "Preventing radicalisation of young people", the meeting '
            "gathered 200 participants.",
            "en",
        ),
    ],
)
def test_title_name_beside_another_noun_keeps_the_date(
    title: str, body: str, language: str
) -> None:
    assert _dates(title, body, language) == (D(2031, 5, 12), D(2031, 5, 13))


def test_another_kind_of_meeting_without_the_title_name_is_still_another_event() -> None:
    title = 'Workshop "Preventing radicalisation of young people"'
    body = (
        "The first international conference of the institute was held in Nairobi on 12-13 May "
        "2031. It gathered 200 participants from thirty countries."
    )
    assert _dates(title, body, "en") == (None, None)


# -- Russian "накануне" alone is the day before the page; German "zu Ende geht" is a closing day --


@pytest.mark.parametrize(
    "body",
    [
        "Омск, 21 мая 2031 г. – Накануне в Омске состоялась международная конференция по "
        "противодействию терроризму.",
        "Омск, 21 мая 2031 г. – Накануне, как сообщает пресс-служба, в Омске состоялась "
        "международная конференция по противодействию терроризму.",
    ],
)
def test_nakanune_alone_is_the_day_before_the_pages_date(body: str) -> None:
    assert _normalised("Конференция по терроризму", body, "ru") == (D(2031, 5, 20), D(2031, 5, 20))


def test_nakanune_before_a_noun_is_the_eve_of_that_not_the_day_before() -> None:
    body = (
        "Омск, 21 мая 2031 г. – Накануне выборов в Омске состоялась международная конференция по "
        "противодействию терроризму."
    )
    assert _normalised("Конференция по терроризму", body, "ru") == (None, None)


def test_german_zu_ende_geht_makes_the_weekday_the_closing_day() -> None:
    body = (
        "Graz, 9. April 2031 – Die Konferenz zur Terrorismusbekämpfung, die am Mittwoch in Graz "
        "zu Ende geht, hat viele Teilnehmer angezogen. Es war eine dreitägige Konferenz."
    )
    start, end = _normalised("Konferenz zum Terrorismus", body, "de")
    assert end == D(2031, 4, 9)
    assert start in (None, D(2031, 4, 7))


# -- a numbered press release's year dates its year-less days -----------------------------------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Fachtag zur Extremismusprävention",
            "Pressemitteilung des Landesamts für Jugend 17/2031\n\nEinladung:\n\nDer Fachtag zur "
            "Extremismusprävention findet am 4. Oktober in Kassel statt.",
            "de",
        ),
        (
            "Workshop on preventing extremism",
            "Press release No. 17/2031\n\nThe workshop on preventing extremism will be held on "
            "4 October in Leeds.",
            "en",
        ),
    ],
)
def test_a_numbered_press_releases_year_dates_a_yearless_day(
    title: str, body: str, language: str
) -> None:
    assert _normalised(title, body, language) == (D(2031, 10, 4), D(2031, 10, 4))


def test_a_number_with_a_year_outside_a_release_header_gives_no_year() -> None:
    body = (
        "Reference 17/2031\n\nThe workshop on preventing extremism will be held on 4 October in "
        "Leeds."
    )
    assert _normalised("Workshop on preventing extremism", body, "en") == (None, None)


# -- the one year a page names dates its year-less days when nothing else does -------------------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Seminar on preventing extremism",
            "The seminar on preventing extremism will be held on 4 October in Leeds.\n\n"
            "It will review the work of the local commissions in 2031.",
            "en",
        ),
        (
            "Семинар по профилактике экстремизма",
            "Семинар по профилактике экстремизма состоится 4 октября в Самаре.\n\n"
            "На нём подведут итоги работы комиссий в 2031 году.",
            "ru",
        ),
    ],
)
def test_the_one_year_a_page_names_dates_a_yearless_day(
    title: str, body: str, language: str
) -> None:
    assert _normalised(title, body, language) == (D(2031, 10, 4), D(2031, 10, 4))


@pytest.mark.parametrize(
    "second",
    [
        "It will review the work of the local commissions in 2031 and plan for 2032.",
        "The commissions adopted their plan of action in March 2031.",
    ],
)
def test_a_pages_year_of_another_thing_gives_no_year_to_a_yearless_day(second: str) -> None:
    body = f"The seminar on preventing extremism will be held on 4 October in Leeds.\n\n{second}"
    assert _normalised("Seminar on preventing extremism", body, "en") == (None, None)


@pytest.mark.parametrize(
    "line",
    [
        "The date marks the anniversary of the great march for peace, held in Leeds in 2011.",
        "The minister proposed to host the next regional conference in York in 2032.",
    ],
)
def test_a_past_years_or_another_meetings_year_is_not_the_pages_year(line: str) -> None:
    lines = ["Seminar on preventing extremism", "The seminar opens on 4 October.", line]
    assert event_dates._page_year(lines) is None


# -- a date line right under an invitation is the day one is invited to --------------------------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Symposium on countering violent extremism",
            "Symposium on countering violent extremism\n\nThe Institute and the Faculty of Law "
            "invite you to the international symposium\n\nFriday, October 17 2031\n\n"
            "Radical milieus have changed over the past decade, and so has the prevention "
            "of violent extremism.",
            "en",
        ),
        (
            "Fachtag zur Prävention von Terrorismus",
            "Fachtag zur Prävention von Terrorismus\n\nDas Institut und die Hochschule laden "
            "Sie herzlich zum Fachtag ein\n\nFreitag, 17. Oktober 2031\n\n"
            "Radikale Milieus haben sich im letzten Jahrzehnt verändert, ebenso die "
            "Prävention von Terrorismus.",
            "de",
        ),
    ],
)
def test_a_weekday_date_line_under_an_invitation_is_the_events_date(
    title: str, body: str, language: str
) -> None:
    assert _normalised(title, body, language) == (D(2031, 10, 17), D(2031, 10, 17))


def test_a_weekday_date_line_under_a_headline_is_still_the_pages_own_date() -> None:
    sentences = [
        "Experts discuss radical milieus at a symposium",
        "Friday, October 17 2031",
        "Yesterday the symposium on radical milieus opened in Leeds.",
    ]
    assert page_date.own_date(sentences, ["en"]) == (D(2031, 10, 17), "Friday, October 17 2031")


# -- the day a decision takes effect is no meeting's day -----------------------------------------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Sommet sur le terrorisme",
            "Un sommet sur le terrorisme se tiendra bientôt à Niamey. La conférence a décidé de "
            "proroger le mandat de la mission de six mois, à compter du 1er mars 2031.",
            "fr",
        ),
        (
            "Summit on terrorism",
            "A summit on terrorism will be held soon in Accra. The conference decided to extend "
            "the mission's mandate by six months with effect from 1 March 2031.",
            "en",
        ),
    ],
)
def test_the_day_a_decision_takes_effect_is_not_the_events_date(
    title: str, body: str, language: str
) -> None:
    assert _normalised(title, body, language) == (None, None)


# -- an opening or closing day said with a gerund, an idiom or a noun ----------------------------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Forum régional sur le terrorisme",
            "Lomé, 14 mai 2031. En ouvrant mardi à Lomé ce forum régional sur le terrorisme, le "
            "ministre a appelé à une coopération plus étroite.",
            "fr",
        ),
        (
            "Cumbre regional contra el terrorismo",
            "Quito, 14 de mayo de 2031. El martes, la inauguración de la cumbre regional contra el "
            "terrorismo reunió en Quito a veinte delegaciones.",
            "es",
        ),
    ],
)
def test_an_opening_day_said_with_a_gerund_or_a_noun_leaves_the_end_unknown(
    title: str, body: str, language: str
) -> None:
    assert _normalised(title, body, language) == (D(2031, 5, 13), None)


def test_closing_its_doors_is_the_closing_day_of_the_meeting_opened_before() -> None:
    body = (
        "Cotonou, 15 mai 2031. Ouvert le lundi 12 mai, le colloque régional sur le terrorisme a "
        "fermé ses portes ce mercredi à Cotonou."
    )
    assert _normalised("Colloque régional sur le terrorisme", body, "fr") == (
        D(2031, 5, 12),
        D(2031, 5, 14),
    )
