"""Datelines, mastheads and venue lines: which date and place a page's furniture gives, on
invented text (rules of issue 15's L13 round).

A plural closing verb dates the closing day; an opening day and the closing day said later of
"this event" make the span; a masthead's date line on its dateline's day, date lines of a list of
other posts, a heading's "X am 6. Juni", an ISO stamp before a dateline are no event dates; a
page's month stamp gives the year. Places: "in line with" is not "online", "par zoom" is; "of the
city" between a venue and its city, a Russian venue "... города X", a street address, a venue line
with an hours line between, "Town Hall", "sedia", "held in <Venue> of <City>", a date-first
dateline; a landmark with no "at" before it is its occupant (a host), no venue.
"""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import dates, page_date
from confwatch.spiders.normalise.event_dates import read_dates
from confwatch.spiders.normalise.event_place import date_line_venue, read_place
from confwatch.spiders.normalise.place_mentions import find_place, mentions
from confwatch.spiders.normalise.places import Place
from confwatch.spiders.normalise.sentences import event_sentences, split_sentences

D = dt.date


def _raw(title: str, body: str, language: str, published: dt.date | None = None) -> RawEvent:
    return RawEvent(
        source="generic",
        url="https://example.org/x",
        title=title,
        body_text=body,
        language=language,
        published=published,
    )


def _dates(
    title: str, body: str, language: str, published: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    raw = _raw(title, body, language, published)
    found, _ = read_dates(raw, event_sentences(title, body), [language])
    return (found.start, found.end) if found else (None, None)


def _place(title: str, body: str, language: str) -> Place | None:
    raw = _raw(title, body, language)
    sentences = event_sentences(title, body)
    _, evidence = read_dates(raw, sentences, [language])
    return read_place(raw, evidence, sentences)


# -- dates ---------------------------------------------------------------------------------------


def test_plural_closing_verb_dates_the_closing_day_and_the_length_the_start() -> None:
    body = (
        "Dakar, 14/03/2031\n"
        "Les travaux du séminaire régional sur la sécurité des frontières se sont achevés jeudi "
        "soir à Dakar.\nAu terme de trois jours de réunion, les experts ont adopté un plan."
    )
    assert _dates("Séminaire sur les frontières", body, "fr") == (D(2031, 3, 11), D(2031, 3, 13))


def test_opening_day_and_the_closing_day_said_later_of_this_event_make_the_span() -> None:
    body = (
        "Border experts meet in Lima\n\nMarch 5, 2031\n\n"
        "Today experts from ten countries convened a meeting in Peru on border security. "
        "Opening the event, the minister welcomed the delegations. Officials spoke of smuggling. "
        "Participants in this event, which will end next Friday, include customs officers."
    )
    assert _dates("Border experts meet in Lima", body, "en") == (D(2031, 3, 5), D(2031, 3, 7))


def test_masthead_date_line_on_its_datelines_day_is_no_event_date() -> None:
    body = (
        "12 de mayo de 2031\n12 de mayo de 2031 | Noticias del Ministerio\nMenú\n"
        "El encuentro se realizó en Quito\n"
        "El fiscal participó de un taller regional sobre lavado de activos en Quito."
    )
    assert _dates("Taller regional sobre lavado de activos", body, "es") == (None, None)


def test_date_lines_of_a_list_of_other_posts_are_no_page_date() -> None:
    lines = [
        "Seminar on border control",
        "Workshop for customs officers",
        "February 20, 2031",
        "Exercise on port security",
        "March 14, 2031",
        "A seminar was held here today in Quetta on 8th March, 2031.",
    ]
    assert page_date.own_date(lines, ["en"]) is None


def test_dateline_with_an_agency_after_one_slash_is_the_pages_date_not_the_events() -> None:
    sentence = "Lisbon, May 6, 2031/Southern News Agency"
    hits = dates.find_date_ranges(sentence, languages=["en"])
    assert page_date.classify(sentence, hits[0], ["en"]).kind == "dateline"


def test_events_heading_with_am_and_its_day_is_no_dateline() -> None:
    sentence = "Sicherheitsforum am 06. Juni 2031"
    hits = dates.find_date_ranges(sentence, languages=["de"])
    assert page_date.classify(sentence, hits[0], ["de"]).kind != "dateline"
    wien = "Wien, am 06. Juni 2031 – Die Konferenz wurde eröffnet."
    hits = dates.find_date_ranges(wien, languages=["de"])
    assert page_date.classify(wien, hits[0], ["de"]).kind == "dateline"


def test_iso_stamp_before_a_capital_dateline_is_the_pages_date_and_the_dateline_a_place() -> None:
    body = (
        "date 2031-01-31 LAHORE - The Institute of Strategic Studies successfully organized an "
        "international seminar titled “Borders and Peace”. Experts on the panel spoke."
    )
    assert _dates("Borders and Peace", body, "en", published=D(2031, 1, 31)) == (None, None)
    assert _place("Borders and Peace", body, "en") == Place("Lahore", "PK")


@pytest.mark.parametrize(
    ("header", "body", "language"),
    [
        (
            "Районная газета\nВойти | Регистрация\nМосковское время\n00:04\nВторник, 7 июня",
            "Молодёжный форум «Наш общий дом» прошёл в Благовещенске. Участники обсудили "
            "профилактику экстремизма.",
            "ru",
        ),
        (
            "District Gazette\nLog in | Register\nLondon time\n00:04\nTuesday, 7 June",
            "The youth forum on preventing extremism took place in Leeds. Participants "
            "discussed online radicalisation.",
            "en",
        ),
    ],
)
def test_a_weekday_line_the_pages_year_belies_is_no_date_of_the_event(
    header: str, body: str, language: str
) -> None:
    # 7 June 2031 is a Saturday: the header is a site's clock of another year
    text = f"{header}\n\n{body}"
    assert _dates("Youth forum", text, language, published=D(2031, 3, 26)) == (None, None)


def test_month_stamp_opening_the_page_gives_the_year_of_its_days() -> None:
    body = (
        "date 2031-11 Il convegno sulla radicalizzazione si terrà a Padova nelle giornate di "
        "giovedì 27 novembre e venerdì 28 novembre."
    )
    assert _dates("Convegno sulla radicalizzazione", body, "it") == (
        D(2031, 11, 27),
        D(2031, 11, 28),
    )


@pytest.mark.parametrize(
    ("body", "language", "start", "end"),
    [
        (
            "Lyon, France, janvier 2031 – Le réseau tiendra son séminaire final les 12-13 mars à "
            "Gand, en Belgique.",
            "fr",
            D(2031, 3, 12),
            D(2031, 3, 13),
        ),
        (
            "BERLIN, November 2031 - The network will hold its closing seminar on 4-5 "
            "February in Ghent.",
            "en",
            D(2032, 2, 4),
            D(2032, 2, 5),
        ),
    ],
)
def test_month_and_year_of_a_dateline_give_the_year_of_its_days(
    body: str, language: str, start: dt.date, end: dt.date
) -> None:
    assert _dates("Closing seminar of the network", body, language) == (start, end)


def test_heading_line_with_the_events_name_gives_its_days_not_a_part_meetings() -> None:
    body = (
        "Regional Typologies Workshop 2031\n"
        "The Joint Experts' Meeting took place 10-12 March with 200 delegates from 40 countries.\n"
        "2031 Typologies Workshop: 10 – 14 March 2031, Hanoi, Viet Nam\n"
        "After the meeting, on 13-14 March, the group held two technical seminars."
    )
    title = "2031 Regional Typologies Workshop"
    assert _dates(title, body, "en") == (D(2031, 3, 10), D(2031, 3, 14))


# -- places --------------------------------------------------------------------------------------


def test_in_line_with_is_not_online() -> None:
    body = (
        "La Conferencia Regional sobre Radicalización, celebrada en Lima, reunió a expertos. "
        "La Conferencia persigue medidas comunes, en línea con la Resolución del Consejo."
    )
    assert _place("Conferencia Regional sobre Radicalización", body, "es") == Place("Lima", "PE")


def test_a_meeting_broadcast_by_zoom_has_no_place() -> None:
    body = (
        "12 mars 2031 de 9h à 12h – Diffusion par zoom\n"
        "Le colloque fera le bilan de la prévention à Montréal et ailleurs."
    )
    assert _place("Colloque sur la prévention", body, "fr") == Place(None, None)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "El foro se llevó a cabo en el Hotel Sheraton de la Ciudad de Buenos Aires.",
            Place("Buenos Aires", "AR"),
        ),
        ("Le colloque a eu lieu à l'hôtel Ivoire de la ville d'Abidjan.", Place("Abidjan", "CI")),
        (
            "10 мая в Казанском федеральном университете права и экономики города Худжанд "
            "состоялась конференция.",
            Place("Khujand", "TJ"),
        ),
        ("Salle Monnet, 12 rue de France, Lyon 3e", Place("Lyon", "FR")),
        ("The forum takes place at Luton Town Hall on Monday.", Place("Luton", "GB")),
        ("Curitiba sedia seminário internacional sobre terrorismo", Place("Curitiba", "BR")),
        (
            "En el acto celebrado en Baluarte de Pamplona, la consejera habló.",
            Place("Pamplona", "ES"),
        ),
        ("Experts are in Bangkok for the region's first ever analysts exchange.", None),
    ],
)
def test_venue_phrases_give_their_city(text: str, place: Place | None) -> None:
    found = mentions(text)
    if place is None:
        assert all(m.background is None for m in found)
    else:
        assert found and found[0].place == place


def test_a_city_in_a_bodys_name_after_city_of_is_no_venue() -> None:
    assert find_place("Семинар организовала администрация города Самары.") is None


def test_date_first_dateline_names_the_press_offices_city() -> None:
    found = mentions("10 July 2031, Nairobi – The regional conference started today.")
    assert [(m.place, m.dateline) for m in found] == [(Place("Nairobi", "KE"), True)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("White House to hold summit on border security", Place(None, "US")),
        (
            "WASHINGTON -- White House officials said Monday they will host a summit.",
            Place(None, "US"),
        ),
        ("The summit was held at the White House on Tuesday.", Place("Washington", "US")),
        ("Die Konferenz tagt in der Wiener Hofburg.", Place("Vienna", "AT")),
    ],
)
def test_a_landmark_with_no_at_before_it_is_its_occupant(text: str, place: Place) -> None:
    assert mentions(text)[0].place == place


def test_venue_line_is_read_beside_a_date_line_with_an_hours_line_between() -> None:
    body = (
        "Fachtag Prävention 2031\nMontag, den 17. November 2031\n9.30 – 16.30 Uhr\n"
        "Tagungshaus Kloster Würzburg\nWir laden Sie herzlich zum Fachtag ein."
    )
    assert _place("Fachtag Prävention 2031", body, "de") == Place("Würzburg", "DE")


def test_a_photo_credit_under_a_captions_year_is_no_venue_line() -> None:
    body = (
        "Officials will hold a summit on border security in the United States next month.\n"
        "FILE -- A border post near a river crossing, on July 21, 2030. Officials have made "
        "the same plea to the capital for many years now, without much success.\n"
        "Jane Doe/The New York Times\n"
    )
    assert _place("Summit on border security", body, "en") == Place(None, "US")


def test_split_sentences_keeps_the_lines_the_tests_above_rely_on() -> None:
    assert "March 14, 2031" in split_sentences("Exercise on port security\nMarch 14, 2031\n")


# -- issue 15, L14 round: dates ------------------------------------------------------------------


def test_plural_opening_verb_dates_the_opening_day_and_the_length_the_end() -> None:
    body = (
        "Publié le 09-05-2031, 10h15\n\n"
        "Les travaux de la conférence internationale sur la sécurité des frontières se sont "
        "ouverts, jeudi à Lomé, en présence de représentants de cinquante pays. Le ministre "
        "représente le Togo à cette conférence de deux jours organisée par l'ONU."
    )
    title = "Conférence sur les frontières"
    assert _dates(title, body, "fr") == (D(2031, 5, 8), D(2031, 5, 9))


def test_a_date_line_that_names_a_venue_is_the_events_line_not_the_pages() -> None:
    body = (
        "Grenzsicherheit in den Gemeinden\n\nMittwoch, 14. Mai 2031, Kursaal Bern\n\n"
        "Die Tagung will die Herausforderungen der Gemeinden ausloten und den Austausch fördern."
    )
    title = "Grenzsicherheit in den Gemeinden"
    assert _dates(title, body, "de") == (D(2031, 5, 14), D(2031, 5, 14))
    assert _place(title, body, "de") == Place("Bern", "CH")


def test_a_weekday_counted_back_gives_way_to_the_same_weekday_the_text_dates() -> None:
    body = (
        "'Harbour Security Seminar 2031' kicks off on Monday\n\n"
        "Saturday, 10 May 2031 00:55\n\n"
        "The annual 'Harbour Security Seminar 2031' will open on Monday (12 May) at the port "
        "authority's hall in Mombasa.\n\n"
        "Officials said the two day (12 and 13 May) conference will draw 300 participants."
    )
    title = "Harbour Security Seminar 2031"
    assert _dates(title, body, "en") == (D(2031, 5, 12), D(2031, 5, 13))


def test_today_and_tomorrow_said_together_of_the_event_are_its_days() -> None:
    body = (
        "12/05/2031 Última atualização 07H17\n\n"
        "Uma delegação, liderada pelo ministro, toma parte, hoje e amanhã, em Lomé, na "
        "Conferência Regional sobre a Segurança das Fronteiras."
    )
    title = "Conferência Regional sobre a Segurança das Fronteiras"
    assert _dates(title, body, "pt", D(2031, 5, 12)) == (D(2031, 5, 12), D(2031, 5, 13))


def test_a_closed_forum_is_no_closing_day_and_a_longer_weaker_span_no_event_span() -> None:
    body = (
        "14 May 2031\n\n"
        "The Harbour Security conference will gather 50 academics on the campus this weekend "
        "(16-18 May). The two-day conference is a closed forum, but associated events from "
        "12 May to 20 May are open to the public."
    )
    assert _dates("Harbour Security conference", body, "en") == (D(2031, 5, 16), D(2031, 5, 18))


# -- issue 15, L14 round: places -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a wire relay's title-case dateline before the story's "The"
        ("Nairobi, The regional council held its monthly seminar here.", Place("Nairobi", "KE")),
        # Italian "all'" (at the) glued to the venue, its town after "di"
        ("Il seminario si terrà all'Hotel Miramare di Stresa.", Place("Stresa", "IT")),
        ("Il convegno si terrà all’Università di Torino.", Place("Turin", "IT")),
        # a venue named inside another: the "at" stands before the outer one
        (
            "Tuvo lugar en la Facultad de Derecho de la Universidad Nacional de Rosario el foro.",
            Place("Rosario", "AR"),
        ),
        (
            "The seminar was held at the Faculty of Law of the University of Nairobi.",
            Place("Nairobi", "KE"),
        ),
        # a hotel's word, "at" and its town
        (
            "He attended the forum at Zebra Lodge Hotel at Benoni, Johannesburg.",
            Place("Benoni", "ZA"),
        ),
        # "la sede de X": the seat in that city
        ("La jornada se celebró en la sede de Sevilla de la universidad.", Place("Seville", "ES")),
        # Italian "alla" (at the), Portuguese "da"/"do" (of the)
        ("Il convegno si terrà alla Camera di Torino il 3 maggio.", Place("Turin", "IT")),
        ("O encontro teve lugar na sede da Polícia do Porto.", Place("Porto", "PT")),
        # a country in a meeting's own words stays its place, however reported
        ("The conference in Kenya was a success, said the minister.", Place(None, "KE")),
        # a Russian two-word name declines its adjective too
        ("Семинар пройдет в Нижнем Новгороде во вторник.", Place("Nizhny Novgorod", "RU")),
    ],
)
def test_l14_venue_phrasings_give_their_city(text: str, place: Place) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        # a body's seat: "<Body> of <City>, <Country>"
        "The forum was organised by the Institute for Border Studies (IBS) of Pretoria, "
        "South Africa, with support from donors.",
        # the cue ends the sentence before: "statt." is no cue of the next sentence's country
        "Die Konferenz fand am 27. April statt. Belgien und Deutschland wurden getroffen.",
        # the attacks against a university: no "at" before the outer venue
        "The attacks against the Faculty of Law of the University of Nairobi were condemned.",
        # "in the Context of ...": no part of a venue, and "UN" is no town
        "The Council acted in the Context of the Implementation of UN Security Council texts.",
        # a country in the speaker's words, reported without quotes
        "A fronteira continua a ser um assunto tabu no Peru, disse o procurador no encerramento.",
    ],
)
def test_l14_places_named_for_something_else_are_no_venue(text: str) -> None:
    assert find_place(text) is None


def test_an_abbreviations_dot_does_not_end_the_cues_sentence() -> None:
    assert find_place("Он принял участие в семинаре, состоявшемся в г. Душанбе.") == Place(
        "Dushanbe", "TJ"
    )


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Mittwoch, 14. Mai 2031, Kursaal Bern", Place("Bern", "CH")),
        ("12 May 2031 | Hotel Intercontinental, Nairobi", Place("Nairobi", "KE")),
        # a masthead's date and city: no venue
        ("Saturday, 10 May 2031 - Colombo", None),
        ("Monday, 12 May 2031, Nairobi, Kenya", None),
    ],
)
def test_a_date_lines_venue_is_a_venue_and_its_town_not_a_bare_city(
    line: str, place: Place | None
) -> None:
    found = date_line_venue(line)
    assert (found.place if found else None) == place


def test_a_city_named_as_the_city_of_is_no_bodys_seat() -> None:
    assert find_place("The City of Nairobi, Kenya, will welcome the summit delegates.") == Place(
        "Nairobi", "KE"
    )


def test_a_flyers_town_and_yearless_day_line_gives_the_town() -> None:
    body = (
        "Una conferenza sulla prevenzione dell’estremismo violento\n"
        "Bellinzona, giovedì 14 marzo dalle 18 alle 20\n"
        "Sala del Consiglio comunale\n"
        "La conferenza presenta le ricerche recenti sulla radicalizzazione dei giovani."
    )
    raw = _raw("Conferenza sull’estremismo violento", body, "it")
    assert read_place(raw, None, []) == Place("Bellinzona", "CH")


# -- issue 15, L19 round (fixer i3): places and dates --------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the American order: the month first, the year, then the dateline's colon or dash
        ("Nairobi, March 12, 2031: The two-day forum opened with a panel.", Place("Nairobi", "KE")),
        ("Boston, June 3, 2031 - The regional seminar drew sixty experts.", Place("Boston", "US")),
    ],
)
def test_month_first_dateline_names_the_press_offices_city(text: str, place: Place) -> None:
    found = mentions(text)
    assert [(m.place, m.dateline) for m in found] == [(place, True)]


def test_a_city_before_a_month_first_date_in_running_text_is_no_dateline() -> None:
    assert mentions("Boston, June 3, 2031 was the day the panel met.") == []


def test_two_weekdays_in_a_row_with_words_between_are_the_events_days() -> None:
    body = (
        "Nairobi, 15 May 2031 - The two-day Harbour Security Forum opens in the capital. "
        "The forum has four panels, two scheduled for Thursday and two for Friday."
    )
    assert _dates("Harbour Security Forum", body, "en", D(2031, 5, 15)) == (
        D(2031, 5, 15),
        D(2031, 5, 16),
    )


@pytest.mark.parametrize("line", ["Sat, 14 Jun 2031", "Wed 4 Jun 2031", "Do, 5. Juni 2031"])
def test_an_abbreviated_weekday_before_a_date_is_no_datelines_place(line: str) -> None:
    hits = dates.find_date_ranges(line, languages=["en", "de"])
    assert page_date.classify(line, hits[0], ["en", "de"]).kind != "dateline"


def test_an_event_pages_date_line_with_an_abbreviated_weekday_is_the_events_day() -> None:
    body = (
        "Sat, 14 Jun 2031\n"
        "Harbour Hall, Quay Street 12, Nairobi\n"
        "Regional Seminar\n\n"
        "Coastal cities face new threats, and this seminar asks what local councils can do."
    )
    assert _dates("Harbour threats and local councils", body, "en") == (
        D(2031, 6, 14),
        D(2031, 6, 14),
    )


def test_a_venue_line_with_a_name_particle_before_its_citys_comma_is_the_venue() -> None:
    body = (
        "Report: Harbour threats and local councils\n\n"
        "14./15. June 2031\n"
        "Haus der Hafenkultur, Bremen\n\n"
        "by two of the speakers\n\n"
        "The conference asked what local councils can do against threats to their harbours, "
        "and which of the measures tried so far have worked."
    )
    assert _place("Harbour threats and local councils", body, "en") == Place("Bremen", "DE")


def test_a_masthead_with_a_particle_and_no_comma_beside_a_date_is_no_venue_line() -> None:
    body = (
        "Université de Lille\n"
        "12 June 2031\n\n"
        "The seminar on harbour threats asked what councils in France can do, and which "
        "measures tried so far have worked."
    )
    assert _place("Harbour threats", body, "en") != Place("Lille", "FR")


def test_a_closed_em_dash_after_a_capitals_city_is_a_dateline() -> None:
    found = mentions("NAIROBI—Regional experts will discuss harbour security at a seminar.")
    assert [(m.place, m.dateline) for m in found] == [(Place("Nairobi", "KE"), True)]


def test_a_city_a_dash_and_a_full_date_between_dashes_is_a_dateline() -> None:
    found = mentions("Bologna – 12 maggio 2031 – Il convegno si è svolto in prefettura.")
    assert [(m.place, m.dateline) for m in found] == [(Place("Bologna", "IT"), True)]


def test_a_city_a_dash_and_a_date_running_on_is_no_dateline() -> None:
    assert mentions("Bologna – 12 maggio 2031 la città ha votato.") == []


@pytest.mark.parametrize(
    ("body", "place"),
    [
        (
            "Journée d'étude sur la prévention en France\n12 et 13 mars 2031\n"
            "Salle des fêtes – 4, rue des Lilas – 69003 LYON\n\n"
            "Les acteurs locaux échangeront sur la prévention de la radicalisation en France.",
            Place("Lyon", "FR"),
        ),
        (
            "Seminar on harbour security in Belgium\n\nTuesday 4 March 2031, 10:00\n"
            "Harbour House, Kaaistraat 7 - 2000 Antwerp\n\n"
            "The seminar brings port police and customs officers together.",
            Place(None, "BE"),  # a postal code that reads as a year is no address's
        ),
        (
            "Seminar on harbour security in Belgium\n\nTuesday 4 March 2031, 10:00\n"
            "Harbour House, Kaaistraat 7 - 9000 Ghent\n\n"
            "The seminar brings port police and customs officers together.",
            Place("Ghent", "BE"),
        ),
    ],
)
def test_a_venues_address_line_beside_the_date_line_gives_its_town(body: str, place: Place) -> None:
    title = body.split("\n")[0]
    assert _place(title, body, "fr" if "mars" in body else "en") == place


def test_an_address_line_far_from_any_date_line_is_no_venue() -> None:
    body = (
        "Seminar on harbour security in Belgium\n\nTuesday 4 March 2031, 10:00\n\n"
        "The seminar brings port police and customs officers together to compare what works.\n\n"
        "Contact: Harbour Watch, Kaaistraat 7 - 9000 Ghent\n"
    )
    assert _place("Seminar on harbour security in Belgium", body, "en") == Place(None, "BE")


@pytest.mark.parametrize(
    ("title", "body", "language", "day"),
    [
        (
            "Harbour security after the storms",
            "Contact\n\nRound Table\nHarbour security after the storms\n\nEVENT\n"
            "Wednesday, 12 March 2031\n\nPort officials and researchers asked what the storms "
            "taught them about guarding the docks.",
            "en",
            D(2031, 3, 12),
        ),
        (
            "La sûreté des ports saisie par le droit",
            "Portail des juristes\n\nJournée d'étude\n\nLa sûreté des ports saisie par le droit\n\n"
            "mercredi 12 mars 2031\n\nPrésentation\n\nLes juristes se demandent comment le droit "
            "saisit la sûreté des ports.",
            "fr",
            D(2031, 3, 12),
        ),
    ],
)
def test_a_weekday_date_line_under_an_event_pages_label_is_the_events_day(
    title: str, body: str, language: str, day: dt.date
) -> None:
    assert _dates(title, body, language) == (day, day)


def test_a_weekday_date_line_under_a_news_headline_is_the_pages_date() -> None:
    body = (
        "Ministry of Ports\n\nOfficials meet on harbour security\n\nWednesday, 12 March 2031\n\n"
        "Port officials and researchers will meet next month to ask what the storms taught "
        "them about guarding the docks."
    )
    assert _dates("Officials meet on harbour security", body, "en") == (None, None)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Nairobi, Aug 14 (PTI) Experts here on Monday urged a regional seminar.", "Nairobi"),
        ("Lagos, March 3 (Reuters) - Officials opened a two-day workshop.", "Lagos"),
        ("Dakar, 3 mars (AFP) Des experts se sont réunis en séminaire.", "Dakar"),
    ],
)
def test_a_city_its_day_and_a_wire_agency_in_brackets_is_a_dateline(text: str, place: str) -> None:
    found = mentions(text)
    assert found and found[0].dateline and found[0].place.city == place


def test_a_city_and_a_day_with_no_agency_is_no_dateline() -> None:
    assert mentions("Nairobi, Aug 14 Experts met.") == []


def test_a_city_its_country_and_a_month_before_a_dash_is_a_dateline_not_the_venue() -> None:
    text = (
        "Lyon, France, février 2027 – Le réseau tiendra son séminaire final les 4-5 mai à Tallinn."
    )
    found = mentions(text)
    assert found[0].dateline and found[0].place.city == "Lyon"
    assert find_place(text) == Place("Tallinn", "EE")


def test_a_city_and_its_country_in_running_text_is_no_dateline() -> None:
    assert not any(m.dateline for m in mentions("Lyon, France, hosts a seminar on 4 May 2027."))
