"""Event places by class of page and phrasing (issue 15, class 6), each with invented text.

A place named for something other than the meeting is not its venue: the place of an attack,
another meeting introduced as "a conference in X", an institution's name ("based within the
University of X"); a country's name is the country, not a town of that name elsewhere; a hotel
or university after "at" gives its city; a host-country phrase gives the country; a header block
"City / Venue / Date" gives the city; cities come out under their common English names.
"""

from __future__ import annotations

import pytest

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise.event_place import read_place
from confwatch.spiders.normalise.place_mentions import (
    adjective_venue,
    find_place,
    mentions,
    name_city,
)
from confwatch.spiders.normalise.places import Place, parse_place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The partners met at a regional seminar in Montenegro last week.", Place(None, "ME")),
        ("Die Konferenz in Armenien wurde eröffnet.", Place(None, "AM")),
        ("The workshop was held in Armenia on 3 May 2027.", Place(None, "AM")),
        ("The forum was held in Lebanon on 3 May 2027.", Place(None, "LB")),
        ("The forum was held in Singapore on 3 May 2027.", Place("Singapore", "SG")),
        # Spanish "Granada" is also Grenada: a city's own name stays the city
        ("La conferencia se celebró en Granada el 3 de mayo.", Place("Granada", "ES")),
    ],
)
def test_a_country_name_is_the_country_not_a_town_of_that_name_elsewhere(
    text: str, place: Place
) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Le séminaire se tiendra les 5 et 6 mars à l’Université de Kairouan.",
            Place("Kairouan", "TN"),
        ),
        ("The seminar takes place at the University of Nairobi.", Place("Nairobi", "KE")),
        (
            "El seminario se celebrará en la Universidad de Granada.",
            Place("Granada", "ES"),
        ),
    ],
)
def test_a_university_after_at_gives_its_city(text: str, place: Place) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a town whose name is also a common word names the town after "University of"
        ("The workshop will take place at the University of Bath in May.", Place("Bath", "GB")),
        ("Le colloque aura lieu à l’Université de Nice le 4 mai.", Place("Nice", "FR")),
        # a faculty's own name of several words before "de" and its town
        (
            "Le débat s’est tenu à la Faculté de Droit et Science Politique de Nice.",
            Place("Nice", "FR"),
        ),
        (
            "The forum meets at the School of Law and Government of Nairobi on 3 May.",
            Place("Nairobi", "KE"),
        ),
    ],
)
def test_a_town_closing_a_university_or_faculty_after_at_gives_the_town(
    text: str, place: Place
) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # small towns after a bare "in" far from the meeting's noun: the venue's phrase before
        # the "in" makes the town the venue's
        (
            "Le maire a accueilli les élus, aux côtés du sous-préfet, au centre Jean Moulin à"
            " Digne-les-Bains.",
            Place("Digne-les-Bains", "FR"),
        ),
        (
            "Die Fachleute treffen sich am 4. Mai an der Landesakademie Niedersachsen in Nienburg.",
            Place("Nienburg", "DE"),
        ),
    ],
)
def test_a_small_town_after_a_venue_after_at_gives_the_town(text: str, place: Place) -> None:
    assert find_place(text) == place


def test_a_small_town_after_a_bare_in_with_no_venue_or_meeting_gives_no_place() -> None:
    assert find_place("Die Fachleute treffen sich am 4. Mai in Nienburg.") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Die Tagung findet in der Heinrich-Böll-Stiftung Berlin statt.",
            Place("Berlin", "DE"),
        ),
        (
            "Am 4. Mai findet an der Europa-Universität Nordwest Hamburg ein Workshop statt.",
            Place("Hamburg", "DE"),
        ),
    ],
)
def test_an_institution_named_with_its_town_last_after_in_the_gives_the_town(
    text: str, place: Place
) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        # a region's name ending in a town's name, a palace named for a person, a speaker's post
        "Die Tagung erinnerte an die Opfer in der Region Triple Frontera.",
        "El acto se desarrolla en el Palacio San Martín.",
        "Es sprach Anna Berg, Professorin für Soziologie an der Universität Münster.",
        "La reunión fue en la Escuela Superior de Guerra.",
    ],
)
def test_a_name_ending_in_a_town_that_is_no_institution_after_in_the_gives_no_town(
    text: str,
) -> None:
    assert find_place(text) is None


def test_a_common_word_after_of_with_no_venue_is_no_town() -> None:
    assert find_place("The seminar discussed the dignity of Bath attendants.") is None


@pytest.mark.parametrize(
    "text",
    [
        "The conference was hosted by a think tank based within the University of East London.",
        "Le colloque revient sur les attaques contre l’Université de Garissa et leurs suites.",
        "The panel was convened by researchers of the University of Nairobi.",
    ],
)
def test_a_university_named_as_a_body_gives_no_place(text: str) -> None:
    assert find_place(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Les participants ont écouté Jeanne Martin, professeure de droit à l’Université de Nantes.",
        "The panel heard Ann Lee, Professor of Law at the University of Nairobi.",
        "Intervenait aussi Paul Dumas, avocat au Barreau de Lyon.",
        "Habló Luis Gómez, investigador en la Universidad de Granada.",
    ],
)
def test_a_speakers_post_at_a_university_or_bar_gives_no_place(text: str) -> None:
    assert find_place(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Le symposium s’est tenu au Sofitel d’Abidjan les 19 et 20 novembre.",
            Place("Abidjan", "CI"),
        ),
        (
            "El taller se realizó en el Hotel Sheraton de Bogotá el 3 de mayo.",
            Place("Bogotá", "CO"),
        ),
        ("The seminar was held at the Grand Hotel of Tashkent.", Place("Tashkent", "UZ")),
    ],
)
def test_a_named_hotel_of_a_city_after_at_gives_the_city(text: str, place: Place) -> None:
    assert find_place(text) == place


def test_a_body_of_a_country_after_at_gives_no_country() -> None:
    assert find_place("The meeting took place at the Embassy of Sweden.") is None


def test_a_country_written_with_an_elided_article_is_read_whole() -> None:
    assert find_place("La réunion a eu lieu en Côte d’Ivoire.") == Place(None, "CI")


@pytest.mark.parametrize(
    "text",
    [
        "The seminar discussed lessons from the attacks in Brussels.",
        "Le colloque reviendra sur les attentats de janvier et ceux du musée du Bardo en Tunisie.",
        "Die Tagung fragt, was nach dem Anschlag in Magdeburg zu tun ist.",
        "На конференции говорили о последствиях теракта в Беслане.",
        "El seminario analizó los atentados en Madrid.",
    ],
)
def test_the_place_of_an_attack_is_not_the_venue(text: str) -> None:
    assert find_place(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("After the attacks in Paris, a conference was held in Vienna.", Place("Vienna", "AT")),
        ("The conference in Vienna looked back at the attacks in Paris.", Place("Vienna", "AT")),
        ("После теракта в Москве конференция в Казани обсудила меры.", Place("Kazan", "RU")),
    ],
)
def test_the_meeting_named_after_an_attack_keeps_its_venue(text: str, place: Place) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Argentina fue el país anfitrión de la reunión ministerial.", Place(None, "AR")),
        ("Kenya, the host country, opened the ministerial meeting.", Place(None, "KE")),
        ("Le Maroc, pays hôte de la réunion, a salué les délégations.", Place(None, "MA")),
        ("Deutschland war Gastgeberland der Konferenz.", Place(None, "DE")),
        ("Страна-хозяйка Казахстан открыла совещание.", Place(None, "KZ")),
    ],
)
def test_a_host_country_phrase_gives_the_country(text: str, place: Place) -> None:
    assert find_place(text) == place


def test_a_country_thanked_is_no_host() -> None:
    assert find_place("Kenya thanked the delegations for the ministerial meeting.") is None


def _raw(body: str, title: str = "National workshop") -> RawEvent:
    return RawEvent(source="generic", url="https://example.org/x", title=title, body_text=body)


@pytest.mark.parametrize(
    "other",
    [
        "She presented what she learnt at a regional conference in Montenegro last spring.",
        "Elle a rappelé les conclusions d’une réunion régionale à Dakar.",
        "Er berichtete von einer Tagung in Hamburg.",
    ],
)
def test_a_meeting_introduced_as_a_conference_in_x_after_the_event_is_another_meeting(
    other: str,
) -> None:
    date_sentence = "On 2 April 2027 a national workshop was held at the Hotel Continental."
    sentences = [date_sentence, "The workshop gathered forty youth workers.", other]
    raw = _raw("\n\n".join(sentences))
    assert read_place(raw, date_sentence, sentences) is None


def test_the_event_introduced_as_a_conference_in_x_in_its_date_sentence_keeps_its_place() -> None:
    date_sentence = "On 2 April 2027 a regional conference in Montenegro opened its doors."
    raw = _raw(date_sentence)
    assert read_place(raw, date_sentence, [date_sentence]) == Place(None, "ME")


def test_a_header_block_city_venue_date_gives_the_city() -> None:
    body = "\n\n".join(
        [
            "Counter-Extremism Forum",
            "Lyon, France",
            "Palais des Congrès",
            "May 12-13, 2027",
            "About the forum",
            "The forum brings together practitioners from across the region to share practice.",
        ]
    )
    raw = _raw(body, title="Counter-Extremism Forum")
    assert read_place(raw, "May 12-13, 2027", []) == Place("Lyon", "FR")


def test_a_header_block_line_far_from_the_date_gives_no_city() -> None:
    body = "\n\n".join(
        [
            "Counter-Extremism Forum",
            "Lyon, France",
            "The forum brings together practitioners from across the region to share practice.",
            "May 12-13, 2027",
        ]
    )
    raw = _raw(body, title="Counter-Extremism Forum")
    assert read_place(raw, "May 12-13, 2027", []) is None


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Sevilla, España", "Seville"),
        ("Frankfurt am Main", "Frankfurt"),
        ("Luzern", "Lucerne"),
        ("Gent, Belgium", "Ghent"),
        ("Seville", "Seville"),
    ],
)
def test_cities_come_out_under_their_common_english_name(text: str, city: str) -> None:
    found = parse_place(text)
    assert found is not None
    assert found.city == city


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("In Herzliya tagt diese Woche die Konferenz.", Place("Herzliya", "IL")),
        ("In Herzliya, the regional forum opened on Monday.", Place("Herzliya", "IL")),
        ("À Mons se tient le colloque annuel.", Place("Mons", "BE")),
    ],
)
def test_a_sentence_opening_on_a_town_then_the_meeting_gives_the_town(
    text: str, place: Place
) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        "Residents in Herzliya followed the conference online.",
        "In Herzliya, people went to the beach.",
    ],
)
def test_a_town_named_in_passing_is_no_venue(text: str) -> None:
    assert find_place(text) is None


def test_a_short_event_name_with_its_town_gives_the_town() -> None:
    assert find_place("Regional Summit in Herzliya") == Place("Herzliya", "IL")


def test_a_short_menu_line_with_a_town_gives_no_place() -> None:
    assert find_place("Documentation Centre in Prague") is None


@pytest.mark.parametrize(
    "text",
    [
        "The conference discussed instability in Syria, Iraq and Libya.",
        "Die Konferenz befasst sich mit der Lage in Syrien, Irak und Afrika.",
        "Le séminaire porte sur la situation au Mali, au Niger et au Tchad.",
        "Конференция обсудила положение в Сирии и Ираке.",
    ],
)
def test_countries_listed_together_are_a_topic_not_a_venue(text: str) -> None:
    assert find_place(text) is None


def test_a_meeting_held_in_two_countries_keeps_the_first() -> None:
    assert find_place("The conference was held in Kazakhstan and Kyrgyzstan.") == Place(None, "KZ")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "L’université tiendra un colloque à son campus de Longueuil du 4 au 6 mai.",
            Place("Longueuil", "CA"),
        ),
        ("The seminar takes place at its campus of Kairouan.", Place("Kairouan", "TN")),
    ],
)
def test_a_campus_after_at_gives_its_city(text: str, place: Place) -> None:
    assert find_place(text) == place


# --- round 2 (issue 15, L7 classes) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The seminar will be held in the capital of Kyrgyzstan on 4 May 2027.", "Bishkek"),
        ("Семинар пройдет в столице Узбекистана 4 мая 2027 года.", "Tashkent"),
        ("La réunion se tiendra dans la capitale du Sénégal le 4 mai 2027.", "Dakar"),
    ],
)
def test_the_capital_of_a_country_is_its_capital_city(text: str, place: str) -> None:
    found = find_place(text)
    assert found is not None and found.city == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("El foro se celebró en la Región de Murcia el 4 de mayo.", Place(None, "ES")),
        ("The workshop was held in the Province of Alicante last week.", Place(None, "ES")),
        ("Il convegno si è svolto nella provincia di Bergamo.", Place(None, "IT")),
    ],
)
def test_a_region_named_after_its_city_gives_the_country_not_the_city(
    text: str, place: Place
) -> None:
    assert find_place(text) == place


def test_a_region_named_with_no_cue_gives_the_country_only_when_nothing_else_does() -> None:
    title = "La Región de Murcia abre las jornadas sobre prevención de la radicalización"
    date_sentence = "Las jornadas se celebran el 4 de mayo de 2027 en un auditorio municipal."
    raw = _raw(date_sentence, title=title)
    assert read_place(raw, date_sentence, [date_sentence]) == Place(None, "ES")
    elsewhere = "Las jornadas se celebran el 4 de mayo de 2027 en Lisboa."
    raw = _raw(elsewhere, title=title)
    assert read_place(raw, elsewhere, [elsewhere]) == Place("Lisbon", "PT")


@pytest.mark.parametrize(
    "text",
    [
        "Experts from Latin America met to share practice.",
        "Se reunieron expertos de América Latina y el Caribe en el foro.",
        "The dialogue brought together officials in Central America.",
    ],
)
def test_a_part_of_the_world_holding_a_countrys_name_is_no_country(text: str) -> None:
    assert find_place(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Ambassador of Norway in Chile opened the session.",
        "La Embajadora de Suecia en Colombia inauguró la sesión.",
        "Глава миссии ОБСЕ в Кыргызстане открыл заседание.",
    ],
)
def test_an_office_or_post_in_a_country_is_no_venue(text: str) -> None:
    assert find_place(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The forum, hosted by Costa Rica, gathered forty delegations.", "CR"),
        ("La reunión, auspiciada por Paraguay, reunió a expertos.", "PY"),
    ],
)
def test_hosted_by_a_country_gives_that_country(text: str, code: str) -> None:
    assert find_place(text) == Place(None, code)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Konferans 12 Mayıs 2027’de Ankara’da düzenlenecek.", Place("Ankara", "TR")),
        ("Il seminario si terrà il 4 e 5 maggio nella città di Bologna.", Place("Bologna", "IT")),
        ("وعقدت الورشة فى العاصمة المصرية القاهرة يوم الأحد.", Place("Cairo", "EG")),
        ("The meeting was held at the Nairobi headquarters of the agency.", Place("Nairobi", "KE")),
        ("Lyon France | May 12-13, 2027", Place("Lyon", "FR")),
    ],
)
def test_a_venue_phrased_in_more_ways_gives_its_city(text: str, place: Place) -> None:
    assert find_place(text) == place


def test_a_conference_that_is_the_target_of_a_series_is_another_meeting() -> None:
    text = (
        "L’incontro rientra in una serie di eventi in vista della conferenza mondiale che si "
        "terrà a Ginevra."
    )
    assert find_place(text) is None


def test_a_dateline_city_gives_way_to_the_country_the_event_sentence_names() -> None:
    date_sentence = "ТАШКЕНТ, 4 мая 2027. В Узбекистане пройдет конференция по профилактике."
    raw = _raw(date_sentence)
    assert read_place(raw, date_sentence, [date_sentence]) == Place(None, "UZ")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Щорічна нарада з питань безпеки відбудеться в Молдові.", Place(None, "MD")),
        ("Форум, який проходить в Норвегії, зібрав експертів.", Place(None, "NO")),
        ("Семинар Өзбекстанда өтті.", Place(None, "UZ")),
        ("O encontro regional ocorre no Chile até sexta-feira.", Place(None, "CL")),
    ],
)
def test_a_country_declined_or_after_a_contraction_is_the_venue(text: str, place: Place) -> None:
    # Ukrainian locatives ("в Молдові", "в Норвегії"), a Turkic locative on the country's own
    # name ("Өзбекстанда": in Uzbekistan), Portuguese "no"/"na" (em + article)
    assert find_place(text) == place


def test_a_country_inside_a_quoted_title_is_no_venue() -> None:
    text = "The minister voiced concern about «the spread of militant networks in Somalia»."
    assert find_place(text) is None


def test_a_remote_speaker_does_not_make_the_meeting_online() -> None:
    date_sentence = (
        "The minister spoke via videoconference at the annual conference, which is being held "
        "in Norway on 3 May 2027."
    )
    raw = _raw(date_sentence)
    assert read_place(raw, date_sentence, [date_sentence]) == Place(None, "NO")


def test_a_meeting_called_online_stays_online_though_a_city_is_named() -> None:
    date_sentence = "An online conference will take place on 3 May 2027 in Oslo."
    raw = _raw(date_sentence)
    assert read_place(raw, date_sentence, [date_sentence]) == Place(None, None)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Les délégués de la rencontre de Bamako ont adopté une feuille de route commune.",
            Place("Bamako", "ML"),
        ),
        (
            "Les experts du séminaire régional de Niamey remettront leurs conclusions demain.",
            Place("Niamey", "NE"),
        ),
        ("Los asistentes a la reunión de Lima firmaron la declaración.", Place("Lima", "PE")),
        ("I partecipanti al convegno di Torino hanno discusso a lungo.", Place("Turin", "IT")),
    ],
)
def test_a_romance_meeting_named_of_its_city_is_held_there(text: str, place: Place) -> None:
    # "la rencontre de X", "la reunión de X": a meeting named by the city it sits in; the event's
    # reader takes it, one text alone does not (it may name another meeting)
    raw = _raw(text, title="Colloque régional")
    assert read_place(raw, None, [text]) == place
    assert find_place(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "La réunion des ministres de la Justice a adopté trois textes.",
        "Le ministre de l’Intérieur de Dakar a reçu les délégations hier soir.",
        "The conference of Paris Club creditors closed with a statement.",
    ],
)
def test_a_body_of_a_city_or_an_english_conference_of_gives_no_place(text: str) -> None:
    assert find_place(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Le colloque s’est tenu à Dakar-Plateau le 3 mai 2027.", Place("Dakar", "SN")),
        ("C’était le mardi 4 mai 2027, à Abidjan-Cocody.", Place("Abidjan", "CI")),
    ],
)
def test_a_city_with_its_district_glued_on_is_the_city(text: str, place: Place) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        "Le colloque s’est tenu à Rabat-Salé le 3 mai 2027.",  # two cities, or their region
        "The Moscow-Beijing summit opened in June 2027.",
        "Les défis sécuritaires du Lac-Tchad seront au menu du colloque.",
    ],
)
def test_a_hyphened_pair_of_places_gives_no_city(text: str) -> None:
    assert find_place(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Le séminaire s’est tenu à l’hôtel Radisson de Niamey les 3 et 4 mai 2027.",
            Place("Niamey", "NE"),
        ),
        ("El taller se celebró en el hotel Hilton de Lima el 3 de mayo.", Place("Lima", "PE")),
    ],
)
def test_a_brand_hotel_of_a_city_after_a_lowercase_hotel_gives_the_city(
    text: str, place: Place
) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        "La jornada tendrá lugar en el Palacio de Lima, sede de la fundación.",
        "Le colloque se tiendra au Palais de Rabat, siège de la fondation.",
    ],
)
def test_a_palace_named_of_a_name_gives_no_city(text: str) -> None:
    # "Palacio de X", "Palais de X": a building named for a family or title, not a venue's city
    assert find_place(text) is None


def test_an_upper_case_city_and_country_line_is_a_dateline_not_the_venue() -> None:
    body = "\n\n".join(
        [
            "Regional conference on border security",
            "LIMA, Peru",
            "A high-level meeting on border security will be held in Peru next month.",
            "Delegations from ten countries are expected at the conference.",
        ]
    )
    sentences = body.split("\n\n")[1:]
    raw = _raw(body, title="Regional conference on border security")
    assert read_place(raw, None, sentences) == Place(None, "PE")


def test_a_city_named_in_passing_gives_way_to_a_later_event_sentences_city() -> None:
    sentences = [
        "The attacks of the past year have changed how the police work.",
        "For the police it made no difference, because in Hamburg the operation ran as usual.",
        "The union looks at these questions at its conference on 3 May in Leipzig.",
    ]
    raw = _raw("\n\n".join(sentences), title="Policing after the attacks")
    assert read_place(raw, None, sentences) == Place("Leipzig", "DE")


def test_a_city_named_in_passing_stays_when_no_event_sentence_names_a_place() -> None:
    sentences = [
        "Delegates arrived in Hamburg on Monday evening.",
        "The conference opens with a speech by the minister.",
    ]
    raw = _raw("\n\n".join(sentences), title="Conference on policing")
    assert read_place(raw, None, sentences) == Place("Hamburg", "DE")


# -- issue 15, places round of the L9 cases ----------------------------------------------------


def test_a_town_the_gazetteer_lacks_after_a_meeting_noun_and_before_its_country() -> None:
    text = (
        "The group will hold its 12th Plenary (TP) Meetings in Kribaro, Republic of Ghana, "
        "from 4th to 8th May, 2029."
    )
    assert find_place(text) == Place("Kribaro", "GH")


def test_an_unknown_word_after_a_bare_in_and_before_a_country_is_no_town() -> None:
    assert find_place("Extremist groups are active in Northern Areas, Republic of Ghana.") != (
        Place("Northern Areas", "GH")
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("El seminario sobre terrorismo se celebró en México el 3 de mayo.", Place(None, "MX")),
        ("The seminar was held in Panama on 3 May 2029.", Place(None, "PA")),
        ("The forum was held in Singapore on 3 May 2029.", Place("Singapore", "SG")),
    ],
)
def test_a_countrys_name_that_is_only_a_second_name_of_its_capital_is_the_country(
    text: str, place: Place
) -> None:
    assert find_place(text) == place


def test_in_person_and_online_said_apart_in_one_sentence_keep_the_city() -> None:
    date_sentence = "Une conférence sur le terrorisme aura lieu du 16 au 18 mars à Tunis."
    body = (
        f"{date_sentence}\n\nCette conférence réunira en présentiel quelques experts et se "
        "déroulera aussi à distance en vidéoconférence."
    )
    raw = _raw(body, title="Conférence sur le terrorisme")
    sentences = [s for s in body.split("\n\n")]
    assert read_place(raw, date_sentence, sentences) == Place("Tunis", "TN")


def test_an_online_conference_with_no_in_person_part_has_no_place() -> None:
    date_sentence = "Une conférence sur le terrorisme aura lieu du 16 au 18 mars à Tunis."
    body = f"{date_sentence}\n\nCette conférence se déroulera à distance en vidéoconférence."
    raw = _raw(body, title="Conférence sur le terrorisme")
    sentences = [s for s in body.split("\n\n")]
    assert read_place(raw, date_sentence, sentences) == Place(None, None)


def test_a_postal_code_before_a_name_is_a_place_cue() -> None:
    assert find_place("Salle Verte, 12 rue du Port, 69002 Lyon") == Place("Lyon", "FR")


def test_a_year_before_a_name_is_no_postal_code() -> None:
    assert find_place("The 2029 Vienna conference report was published.") is None


def test_an_address_line_with_its_postal_code_beside_the_date_gives_the_city() -> None:
    body = (
        "Countering Terrorism Online\n26-27 March 2029\nKeizersgracht 12, Centrum\n"
        "1015 CJ Amsterdam\n\nThe network organises a conference on terrorist content online."
    )
    raw = _raw(body, title="Countering Terrorism Online")
    assert read_place(raw, "26-27 March 2029", []) == Place("Amsterdam", "NL")


def test_a_country_inside_a_quotation_the_text_never_closes_is_its_topic() -> None:
    text = "El senador subrayó que “En Uruguay la seguridad es la primera tarea del Estado. No es"
    assert find_place(text) is None


def test_a_country_after_a_closed_german_quotation_is_a_place() -> None:
    text = "Die Tagung „Sicher leben“ findet in Österreich statt."
    assert find_place(text) == Place(None, "AT")


def test_a_held_word_before_a_quotation_is_no_cue_for_the_quoted_country() -> None:
    text = "La ministra celebró la iniciativa y dijo que “En Uruguay la seguridad es lo primero”."
    assert find_place(text) is None


# --- issue 15, round dp2 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Karachi: The seminar on hate speech concluded on Monday.", Place("Karachi", "PK")),
        ("Lahore:A two-day workshop on radicalisation began today.", Place("Lahore", "PK")),
    ],
)
def test_a_title_case_dateline_with_a_colon_is_the_dateline(text: str, place: Place) -> None:
    found = find_place(text)
    assert found == place


def test_a_title_case_city_before_a_dash_mid_text_is_no_dateline() -> None:
    assert find_place("The list was long. Lahore – and the rest of the province – waited.") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Dresden (dpa) - Die Tagung über Extremismus beginnt heute.", Place("Dresden", "DE")),
        ("Hannover (ots) – Das Forum zur Prävention endete gestern.", Place("Hannover", "DE")),
    ],
)
def test_a_city_with_its_news_agency_in_brackets_is_a_dateline(text: str, place: Place) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Das Symposium findet in Frankfurt (Oder) statt.", "Frankfurt (Oder)"),
        ("Das Symposium findet in Halle (Saale) statt.", "Halle (Saale)"),
        ("Das Symposium findet in Neustadt (Weinstraße) statt.", "Neustadt an der Weinstraße"),
    ],
)
def test_a_town_with_its_river_in_brackets_is_that_town_not_its_namesake(
    text: str, city: str
) -> None:
    assert find_place(text) == Place(city, "DE")


def test_a_city_with_its_country_in_brackets_stays_the_city() -> None:
    assert find_place("Das Symposium findet in Hamburg (Deutschland) statt.") == Place(
        "Hamburg", "DE"
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "12 марта в Новосибирском государственном университете прошёл семинар.",
            Place("Novosibirsk", "RU"),
        ),
        ("На базе Казанского филиала академии прошёл круглый стол.", Place("Kazan", "RU")),
    ],
)
def test_a_russian_venue_named_by_its_citys_adjective_gives_the_city(
    text: str, place: Place
) -> None:
    assert adjective_venue(text) == place


@pytest.mark.parametrize(
    "text",
    [
        "В Новосибирской области прошёл семинар.",  # a region, not a venue
        "Доцент Казанского университета выступил на семинаре в районе.",  # no cue: a speaker
        "В Советском районном доме культуры прошёл семинар.",  # not a city's adjective
    ],
)
def test_no_city_from_an_adjective_without_a_venue_after_a_cue(text: str) -> None:
    assert adjective_venue(text) is None


def test_the_adjective_venue_is_the_events_place_when_no_city_is_named() -> None:
    date_sentence = "14 апреля 2027 года в Томском государственном университете прошла конференция."
    raw = _raw(date_sentence)
    assert read_place(raw, date_sentence, [date_sentence]) == Place("Tomsk", "RU")


def test_a_meeting_held_across_cities_of_several_countries_has_no_place() -> None:
    date_sentence = (
        "Del 3 al 5 de mayo de 2027 se realizó en Tabatinga, Brasil; Leticia, Colombia; "
        "y Santa Rosa, Perú, el encuentro trinacional sobre seguridad."
    )
    raw = _raw(date_sentence)
    assert read_place(raw, date_sentence, [date_sentence]) is None


def test_a_meeting_in_one_city_and_a_visit_to_another_keeps_its_city() -> None:
    date_sentence = (
        "On 3 May 2027 the seminar was held in Vienna, after which the delegates travelled "
        "to Bratislava."
    )
    raw = _raw(date_sentence)
    assert read_place(raw, date_sentence, [date_sentence]) == Place("Vienna", "AT")


def test_an_online_meeting_with_some_participants_physically_present_keeps_its_city() -> None:
    date_sentence = "On 3 May 2027 a conference on extremism is held online and in Lisbon."
    other = "A few speakers will be physically present at the venue in Lisbon."
    raw = _raw(f"{date_sentence}\n\n{other}")
    assert read_place(raw, date_sentence, [date_sentence, other]) == Place("Lisbon", "PT")


def test_a_russian_venue_in_the_building_of_an_institution_named_by_its_citys_adjective() -> None:
    text = "Форум состоится в здании Томского филиала технического университета в пятницу."
    assert adjective_venue(text) == Place("Tomsk", "RU")


@pytest.mark.parametrize(
    "text",
    [
        "Il seminario si terrà presso l’aula magna della biblioteca di Ateneo di Bergamo.",
        "L’incontro è in programma presso la Sala Verde del Palazzo Comunale di Bergamo.",
    ],
)
def test_an_italian_venue_phrase_after_presso_ends_in_its_town(text: str) -> None:
    assert find_place(text) == Place("Bergamo", "IT")


def test_a_comma_ends_the_venue_phrase_after_presso() -> None:
    text = "L’incontro si svolge presso la sede, con il patrocinio del Sindaco di Bergamo."
    assert find_place(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A conference devoted to terrorism in Central Asia, in Tajikistan too, opened yesterday.",
        "Вчера состоялась конференция, посвящённая вопросам безопасности в Таджикистане.",
        "Une conférence consacrée à la sécurité au Mali s'est ouverte hier.",
    ],
)
def test_a_country_after_a_topic_word_is_the_meetings_topic_not_its_venue(text: str) -> None:
    assert find_place(text) is None


def test_a_country_named_as_venue_after_the_topic_keeps_its_held_cue() -> None:
    text = "The seminar devoted to border security was held in Tajikistan last week."
    assert find_place(text) == Place(None, "TJ")


def test_a_days_ordinal_dot_does_not_end_the_sentence_before_its_venue() -> None:
    text = "Die Fachtagung fand am 14. Mai 2031 im Schloss Prangins in Nyon statt."
    assert find_place(text) == Place("Nyon", "CH")


def test_a_small_town_after_a_held_cue_is_the_venue() -> None:
    assert find_place("Die Tagung findet in Nyon statt.") == Place("Nyon", "CH")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("عقدت الندوة بالقاهرة يوم الأحد الماضي.", Place("Cairo", "EG")),
        ("ينعقد المؤتمر الإقليمي بشرم الشيخ الشهر المقبل.", Place("Sharm El Sheikh", "EG")),
        ("عقدت الندوة في بغداد يوم الأحد.", Place("Baghdad", "IQ")),  # a name that starts with ب
    ],
)
def test_the_arabic_preposition_glued_to_a_city_is_a_place_cue(text: str, place: Place) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Unos 40 jueces se reúnen en Torremolinos (Málaga) para hablar de prevención.",
            Place("Torremolinos", "ES"),
        ),
        (
            "Il convegno si tiene a Sesto San Giovanni (Milano) lunedì.",
            Place("Sesto San Giovanni", "IT"),
        ),
        (
            "Gli esperti si riuniscono nel teatro di Sesto San Giovanni (Milano) lunedì.",
            Place("Sesto San Giovanni", "IT"),
        ),
    ],
)
def test_a_town_with_its_provinces_city_in_brackets_is_that_town(
    text: str, place: Place | None
) -> None:
    assert find_place(text) == place


def test_a_bracketed_city_of_another_country_gives_no_province() -> None:
    assert find_place("Los delegados llegaron a Torremolinos (Kyoto) ayer.") is None


def test_a_town_with_its_province_that_names_a_speakers_office_is_no_venue() -> None:
    text = (
        "Entre los ponentes figura el Inspector de la Policía Local de Torremolinos (Málaga), "
        "junto a otros mandos."
    )
    assert find_place(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Il seminario si terrà presso l’Aula Magna del Dipartimento dell’Università dell’Aquila.",
        "Il seminario si terrà nell’Aquila lunedì prossimo.",
    ],
)
def test_an_italian_articled_preposition_absorbs_a_towns_own_article(text: str) -> None:
    assert find_place(text) == Place("L'Aquila", "IT")


def test_a_presso_phrase_ends_on_a_town_with_its_di_glued_on() -> None:
    text = "La giornata di studio si svolge presso la Sala Rossa dell’Università d’Ancona."
    assert find_place(text) == Place("Ancona", "IT")


def test_a_place_dated_in_an_earlier_year_than_its_sentence_names_is_an_earlier_meeting() -> None:
    text = (
        "El 12 de mayo de 2031 Chile organizó el segundo foro regional, como continuación del "
        "foro realizado en Lima en marzo de 2029."
    )
    assert [m.background for m in mentions(text)] == ["en marzo de 2029"]


def test_the_portuguese_word_for_fight_is_no_town() -> None:
    assert find_place("A Conferência Regional de Luta contra o Terrorismo abriu ontem.") is None


def test_a_town_ending_a_speakers_institute_name_is_no_venue() -> None:
    text = "Among the speakers is Ana Ruiz of the Peace Research Institute Oslo (Norway)."
    assert find_place(text) is None


def test_a_town_ending_an_institutes_name_after_at_is_the_venue() -> None:
    text = "The seminar will be held at the Graduate Institute Geneva (Switzerland) on Monday."
    assert find_place(text) == Place("Geneva", "CH")


def test_a_town_ending_a_german_universitys_name_is_no_venue() -> None:
    text = "Outro palestrante é Jonas Weber, da Freie Universität Berlin (Alemanha), com palestra."
    assert find_place(text) is None


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Karachi International Security Forum", Place("Karachi", "PK")),
        ("The 4th Lisbon Counter-Terrorism Conference (LCTC-2027)", Place("Lisbon", "PT")),
        ("Ankara Regional Dialogue Summit", Place("Ankara", "TR")),
    ],
)
def test_name_city_is_the_city_an_events_name_opens_with(name: str, place: Place) -> None:
    assert name_city(name) == place


@pytest.mark.parametrize(
    "name",
    [
        "Budapest Convention Committee",  # a treaty's name, not a meeting's venue
        "Istanbul Process meeting",
        "White House Summit on extremism",  # a landmark: its city is not named (§5.9)
        "Moldova Security Forum",  # a country, not a city
        "Regional conference on terrorism",
        "Lisbon conference on terrorism",  # no capitalised name up to the noun
    ],
)
def test_name_city_of_a_name_no_city_opens_is_none(name: str) -> None:
    assert name_city(name) is None


def test_an_event_named_for_its_city_is_held_there_when_no_text_says_where() -> None:
    raw = RawEvent(
        source="generic",
        url="https://example.org/x",
        title="Karachi International Security Forum",
        body_text="The minister spoke at the close of the Karachi International Security Forum.",
    )
    assert read_place(raw, None, [raw.body_text or ""]) == Place("Karachi", "PK")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Mombasa is hosting a two-day regional workshop on border security.", "Mombasa"),
        ("Maputo acolheu, esta terça-feira, o seminário sobre a prevenção.", "Maputo"),
        ("Nairobi will host the regional forum on prevention next spring.", "Nairobi"),
    ],
)
def test_a_city_before_a_progressive_future_or_portuguese_host_verb_hosts_the_event(
    text: str, city: str
) -> None:
    place = find_place(text)
    assert place is not None
    assert place.city == city


@pytest.mark.parametrize(
    "text",
    [
        "el seminario regional, celebrado en La Valeta del 4 al 6 de marzo",
        "le séminaire régional, tenu à La Valette du 4 au 6 mars",
        "il seminario regionale, svoltosi a La Valletta dal 4 al 6 marzo",
    ],
)
def test_valletta_under_its_spanish_french_and_italian_names(text: str) -> None:
    assert find_place(text) == Place("Valletta", "MT")


@pytest.mark.parametrize(
    "text",
    ["Metro : Opéra – ligne 4", "Salle du Conseil (Green Room)"],
)
def test_a_common_word_that_is_also_a_town_names_no_place(text: str) -> None:
    assert find_place(text) is None
    assert parse_place(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Since the last forum, held two years ago in Peru, the partners have met twice.",
        "Desde la última reunión, hace dos años en Perú, los socios avanzaron mucho.",
        "Depuis le dernier forum, il y a deux ans au Pérou, les partenaires ont avancé.",
    ],
)
def test_a_place_in_a_clause_about_years_ago_is_an_earlier_meeting(text: str) -> None:
    found = mentions(text)
    assert found
    assert all(m.background for m in found)


@pytest.mark.parametrize("nationality", ["Kazakh", "Thai"])
def test_a_nationality_adjective_is_no_town(nationality: str) -> None:
    text = f"Most of the messages were found in the {nationality} part of the network."
    assert find_place(text) is None


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a venue's own name of one or two capitalised words, its city last, after "at"
        ("Die Diskussion findet im HKW Bremen statt.", "Bremen"),
        ("The panel meets at Kursaal Bern next week.", "Bern"),
    ],
)
def test_a_named_venue_with_its_city_last_after_at_is_the_venue(text: str, city: str) -> None:
    found = mentions(text)
    assert [(m.place.city, m.cue) for m in found] == [(city, "held")]


@pytest.mark.parametrize(
    "text",
    [
        "The talk is at George Washington University.",  # the city inside a longer name
        "Wir treffen uns am Montag Berlin zuliebe.",  # a weekday, no venue's name
    ],
)
def test_a_city_inside_a_name_or_after_a_weekday_is_no_named_venue(text: str) -> None:
    assert all(m.cue != "held" for m in mentions(text))


def test_the_spanish_present_se_celebra_is_a_held_cue() -> None:
    found = mentions("El foro, que este año se celebra en Rosario, reúne a cien expertos.")
    assert [(m.place.city, m.cue) for m in found] == [("Rosario", "held")]


def test_a_city_with_its_country_in_a_persons_post_is_no_place() -> None:
    text = "Anna Bianchi, professoressa emerita dell'Università degli studi di Leeds (UK), parla."
    assert mentions(text) == []


def test_a_city_with_its_country_after_a_held_cue_is_still_the_venue() -> None:
    found = mentions("The seminar was held in Leeds (UK) in May.")
    assert [m.place.city for m in found] == ["Leeds"]


def test_a_congress_centre_named_for_its_city_is_a_venue_in_that_city() -> None:
    text = "Die Fachtagung findet am 3. März 2031 im Berlin Congress Center statt."
    assert find_place(text) == Place("Berlin", "DE")


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe, sociologue à l'Université de Lille, présentera ses travaux au séminaire.",
        "Jane Roe, a political sociologist at the University of Leeds, will open the seminar.",
    ],
)
def test_a_scholars_discipline_before_a_university_names_an_affiliation_not_a_venue(
    text: str,
) -> None:
    assert find_place(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Journée d'étude « La sûreté des ports »Lyon - UFR de droit - Amphi 2",
            Place("Lyon", "FR"),
        ),
        (
            'Talk of the Minister at the "Harbour Security" seminar Almaty, The National '
            "Maritime University",
            Place("Almaty", "KZ"),
        ),
    ],
)
def test_a_heading_closing_with_its_city_and_the_venue_in_it_gives_the_city(
    text: str, place: Place
) -> None:
    assert find_place(text) == place


def test_a_city_then_a_venue_inside_a_sentence_with_a_full_stop_is_no_heading() -> None:
    text = "The minister flew on to Almaty, Kazakhstan University hosted no one. Rain fell."
    assert all(m.cue != "held" for m in mentions(text))
