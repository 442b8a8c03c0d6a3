"""Places: ISO country codes, place fields and the venue in running text (datelines, host
cities, landmark venues, Russian locative city names), and no place for an online meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confwatch.spiders.normalise.place_mentions import adjective_venue, find_place, mentions
from confwatch.spiders.normalise.places import (
    Place,
    city_country,
    city_of_adjective,
    country_code,
    country_name,
    parse_place,
    region_country,
    state_country,
)
from tests.spiders.normalise.inline_pages import fields_of

SEED_PAGES = Path("/work/shared/reference/seed-pages")
D = dt.date


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Mongolia", "MN"),
        ("Republic of Hungary", "HU"),
        ("Republic of Kenya", "KE"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("The Netherlands", "NL"),
        ("Russian Federation", "RU"),
        ("Russia", "RU"),
        ("United States of America", "US"),
        ("USA", "US"),
        ("UAE", "AE"),
        ("United Arab Emirates", "AE"),
        ("Republic of Korea", "KR"),
        ("South Korea", "KR"),
        ("Kyrgyz Republic", "KG"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Bosnia and Herzegovina", "BA"),
        ("North Macedonia", "MK"),
        ("Moldova", "MD"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("Holy See", "VA"),
        ("Kosovo", "XK"),
        ("Монголия", "MN"),
        ("Autriche", "AT"),
        ("Fédération de Russie", "RU"),
        ("MONGOLIA", "MN"),
        ("  mongolia ", "MN"),
        ("Korea, Republic of", "KR"),
        ("Democratic Republic of the Congo", "CD"),
        ("Republic of the Congo", "CG"),
        ("Government of Mongolia", "MN"),
    ],
)
def test_country_code_reads_names_aliases_and_translations(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["", "and", "Xyzzyland", "OSCE", "Finland – OSCE Chairpersonship"])
def test_country_code_of_unknown_text_is_none(name: str) -> None:
    assert country_code(name) is None


def test_country_name_adds_the_where_english_does() -> None:
    assert country_name("MN") == "Mongolia"
    assert country_name("AE", article=True) == "the United Arab Emirates"
    assert country_name("KR") == "Republic of Korea"
    assert country_name("ZZ") is None


@pytest.mark.parametrize(
    ("city", "code"),
    [
        ("Abu Dhabi", "AE"),
        ("Ulaanbaatar", "MN"),
        ("Ulan Bator", "MN"),
        ("Vienna", "AT"),
        ("Minsk", "BY"),
        ("Kiev", "UA"),
        ("Nur-Sultan", "KZ"),
        ("Paris", "FR"),
    ],
)
def test_city_country_takes_the_most_populous_city(city: str, code: str) -> None:
    assert city_country(city) == code


def test_city_country_of_unknown_city_is_none() -> None:
    assert city_country("Xyzzyville") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ulaanbaatar, Mongolia", Place("Ulaanbaatar", "MN")),
        ("in Budapest, Republic of Hungary", Place("Budapest", "HU")),
        ("Nairobi, Republic of Kenya", Place("Nairobi", "KE")),
        ("Abu Dhabi", Place("Abu Dhabi", "AE")),
        ("Vienna, Austria and online", Place("Vienna", "AT")),
        ("ULAANBAATAR", Place("Ulaanbaatar", "MN")),
        ("Hofburg, Vienna", Place("Vienna", "AT")),
        ("Minsk, Belarus", Place("Minsk", "BY")),
        ("Dushanbe, Tajikistan", Place("Dushanbe", "TJ")),
        ("Vienna (Austria)", Place("Vienna", "AT")),
        ("Tashkent, Uzbekistan", Place("Tashkent", "UZ")),
        ("Улан-Батор, Монголия", Place("Ulaanbaatar", "MN")),
        ("New York City", Place("New York", "US")),
        ("Vienne, Autriche", Place("Vienna", "AT")),
        ("20-21 June 2019, Ulaanbaatar, Mongolia", Place("Ulaanbaatar", "MN")),
        ("Venue: Hotel Minsk, Minsk, Belarus", Place("Minsk", "BY")),
        ("Minsk Belarus", Place("Minsk", "BY")),
        ("Geneva, Switzerland / online", Place("Geneva", "CH")),
        ("Washington, D.C.", Place("Washington", "US")),
        ("Kiev", Place("Kyiv", "UA")),
        ("Singapore", Place("Singapore", "SG")),
        ("Valletta, Malta", Place("Valletta", "MT")),
        ("United Arab Emirates", Place(None, "AE")),
        ("Mongolia", Place(None, "MN")),
    ],
)
def test_parse_place_reads_city_and_country(text: str, place: Place) -> None:
    assert parse_place(text) == place


@pytest.mark.parametrize("text", ["Online", "Virtual", "Webinar", "online event", "Online (Zoom)"])
def test_online_only_place_has_neither_city_nor_country(text: str) -> None:
    assert parse_place(text) == Place(None, None)


def test_named_country_picks_the_city_in_that_country() -> None:
    assert parse_place("Paris, Texas") == Place("Paris", "US")
    assert parse_place("Paris") == Place("Paris", "FR")


def test_town_missing_from_gazetteer_is_read_when_its_country_follows() -> None:
    assert parse_place("Tokmok-Bazar, Kyrgyzstan") == Place("Tokmok-Bazar", "KG")


@pytest.mark.parametrize("text", ["Xyzzy", "", "   ", "Date", "to be announced", "12 June 2019"])
def test_parse_place_never_guesses(text: str) -> None:
    assert parse_place(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("will be organized in Ulaanbaatar from 20 to 21 June, 2019", Place("Ulaanbaatar", "MN")),
        ("will be held in Abu Dhabi on December 18-19, 2019", Place("Abu Dhabi", "AE")),
        ("takes place 3-4 September 2019 in Minsk, Belarus", Place("Minsk", "BY")),
        ("will take place on 7-8 November 2019 in Budapest, Hungary", Place("Budapest", "HU")),
        ("held in Vienna, Austria, on 11-12 February 2020", Place("Vienna", "AT")),
        ("ULAANBAATAR, 6 July 2017 - A two-day national seminar", Place("Ulaanbaatar", "MN")),
        ("in Nairobi, Republic of Kenya on 10-11 July", Place("Nairobi", "KE")),
        ("Experts from Canada and Denmark met in Split, Croatia.", Place("Split", "HR")),
        ("The seminar was the first of its kind to be held in Mongolia.", Place(None, "MN")),
        ("La conférence se tiendra à Vienne, Autriche, le 3 mai.", Place("Vienna", "AT")),
    ],
)
def test_find_place_reads_the_venue_in_running_text(text: str, place: Place) -> None:
    assert find_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        "Im Mai fand in der Steiermark eine Fachtagung zur Prävention statt.",
        "The workshop was held in Upper Austria on 3 May.",
        "Die Tagung findet am 4. Juni in Kärnten statt.",
    ],
)
def test_an_austrian_state_named_alone_gives_austria_and_no_city(text: str) -> None:
    assert find_place(text) == Place(None, "AT")


@pytest.mark.parametrize(
    "text",
    [
        "Семинар для учителей прошёл в Республике Татарстан 5 мая.",
        "The youth forum will be held in Dagestan on 3 June.",
    ],
)
def test_a_russian_republic_named_alone_gives_russia_and_no_city(text: str) -> None:
    assert find_place(text) == Place(None, "RU")


def test_a_resort_followed_by_its_island_bali_is_in_indonesia() -> None:
    # a dateline of resort and island: Bali names Indonesia (not the Indian town Bāli)
    text = "Nusa Dua, Bali – Ministers met on Monday for a regional seminar."
    assert find_place(text) == Place("Nusa Dua", "ID")
    later = "Nusa Dua, Bali – On Monday the ministers met at a regional meeting held in Bali."
    assert find_place(later) == Place("Nusa Dua", "ID")


@pytest.mark.parametrize(
    "text",
    [
        "The meeting in Nice weather was short.",
        "A forum in Reading on Tuesday",
        "Participants in June discussed the plan.",
        "Experts from Canada, Denmark and Estonia took part.",
        "in cooperation with the Government of Mongolia",
        "Documentation Centre in Prague",
    ],
)
def test_find_place_ignores_words_that_are_not_venues(text: str) -> None:
    assert find_place(text) is None


def test_find_place_skips_retrospective_mentions() -> None:
    text = (
        "It builds on the previous conferences that took place last year in Dushanbe, Seoul and "
        "Tashkent. The Conference follows on from the first-ever High-Level Conference, held from "
        "28 to 29 June 2018 in New York."
    )
    assert find_place(text) is None


def test_find_place_prefers_the_announced_venue_to_a_past_one() -> None:
    text = (
        "This conference follows up on the first High-Level Conference held in New York in June "
        "2018. It will be held in Minsk, Belarus, on 3-4 September 2019."
    )
    assert find_place(text) == Place("Minsk", "BY")


@pytest.mark.parametrize(
    ("page", "place"),
    [
        ("000_402f717c01b2ddaa.txt", Place("Ulaanbaatar", "MN")),
        ("001_f3a70d0b99e1625d.txt", None),
        ("002_95ad788cfc2c4858.txt", Place("Ulaanbaatar", "MN")),
        ("003_3df61af459581264.txt", Place("Dushanbe", "TJ")),
    ],
)
def test_find_place_on_seed_pages(page: str, place: Place | None) -> None:
    path = SEED_PAGES / page
    if not path.exists():
        pytest.skip(f"seed page {path} is not on this machine")
    assert find_place(path.read_text("utf-8")) == place


def test_find_place_reads_the_venue_of_an_announcement_paragraph() -> None:
    # Its cost per call is measured in `make bench` (bench/extraction_cost.py), not asserted here.
    paragraph = (
        "The Regional Conference on “Prevention of Radicalization to Terrorism: Regional Policy "
        "Responses and Risk Mitigation”, co-organized by the Government of Hungary and the United "
        "Nations Office of Counter-Terrorism (UNOCT), will take place on 7-8 November 2019 in "
        "Budapest, Hungary. It will bring together around 145 participants including Member "
        "States from the Organization for Security and Co-operation in Europe and China, "
        "international and regional organizations, UN agencies, NGOs and civil society."
    )
    assert find_place(paragraph) == Place("Budapest", "HU")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_place_functions_never_raise_on_arbitrary_text(text: str) -> None:
    for result in (parse_place(text), find_place(text)):
        assert result is None or isinstance(result, Place)
    assert country_code(text) is None or len(country_code(text) or "") == 2
    assert city_country(text) is None or len(city_country(text) or "") == 2


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "in",
                "Vienna",
                ",",
                "Austria",
                "held",
                "New",
                "York",
                "Of",
                "(",
                ")",
                "\n",
                "ULAANBAATAR",
                "Date",
                "2019",
            ]
        ),
        max_size=30,
    )
)
def test_find_place_never_raises_on_place_like_fragments(words: list[str]) -> None:
    result = find_place(" ".join(words))
    assert result is None or result.country is None or len(result.country) == 2


# --- datelines, host cities and venues ------------------------------------------------------


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
    assert find_place(text) == Place(city, country)


def test_explicit_venue_beats_the_press_dateline_city() -> None:
    text = (
        "ABU DHABI, 26th February, 2015 (WAM) — The chairman headed the delegation to the "
        "CVE Summit held from 17th-19th February at the White House."
    )
    assert find_place(text) == Place("Washington", "US")


def test_dateline_city_stays_when_the_text_names_no_other_venue() -> None:
    text = "ULAANBAATAR, 6 July 2017 - A two-day seminar on terrorism concluded today."
    assert find_place(text) == Place("Ulaanbaatar", "MN")


def test_dateline_city_stays_when_the_country_is_only_what_the_text_discusses() -> None:
    body = (
        "TASHKENT, 14 March 2031: A seminar on countering terrorism heard today that the "
        "threat of violent extremism in Uzbekistan has fallen since 2025."
    )
    f = fields_of(body, published=D(2031, 3, 14))
    assert (f.city, f.country) == ("Tashkent", "UZ")


@pytest.mark.parametrize(
    "sentence",
    [
        "Experts meet today in Uzbekistan at a conference on countering terrorism.",
        "A conference on countering terrorism was held today in Uzbekistan.",
    ],
)
def test_dateline_city_gives_way_to_the_country_named_as_the_meetings_place(
    sentence: str,
) -> None:
    # The agency files from the capital; the text places the meeting only in the country.
    body = f"TASHKENT, 14 March 2031: {sentence} Experts from five states took part."
    f = fields_of(body, published=D(2031, 3, 14))
    assert (f.city, f.country) == (None, "UZ")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "В Бишкеке пройдет конференция, посвященная борьбе с экстремизмом в регионе",
            Place("Bishkek", "KG"),
        ),
        (
            "Конференция, которая пройдет в Москве 3-4 декабря, соберет экспертов",
            Place("Moscow", "RU"),
        ),
        (
            "Региональный семинар экспертов по борьбе с терроризмом прошел в Минске",
            Place("Minsk", "BY"),
        ),
    ],
)
def test_russian_locative_city_names_are_found(text: str, place: Place) -> None:
    assert find_place(text) == place


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


@pytest.mark.parametrize(
    ("word", "place"),
    [
        ("Екатеринбургского", Place("Yekaterinburg", "RU")),
        ("Томском", Place("Tomsk", "RU")),
        ("Липецкая", Place("Lipetsk", "RU")),
        ("Московского", Place("Moscow", "RU")),  # irregular: Москва -> Московский
        ("Нижегородском", Place("Nizhny Novgorod", "RU")),  # irregular: from Нижний Новгород
        ("Российской", None),  # a country's adjective
        ("Советский", None),  # a common word, not a big city's adjective
    ],
)
def test_a_russian_adjective_gives_the_big_city_it_is_formed_from(
    word: str, place: Place | None
) -> None:
    assert city_of_adjective(word) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Чолпон-Ата", Place("Cholpon-Ata", "KG")),  # the resort town's Cyrillic spelling
        ("Nusa Dua", Place("Nusa Dua", "ID")),  # a conference resort the gazetteer lacks
        ("Sharm el-Sheikh", Place("Sharm El Sheikh", "EG")),  # its common English name
        ("شرم الشيخ", Place("Sharm El Sheikh", "EG")),
        ("Krynica-Zdroj", Place("Krynica-Zdrój", "PL")),  # spelt without its accent
    ],
)
def test_resort_towns_that_host_conferences_are_known(text: str, place: Place) -> None:
    assert parse_place(text) == place


def test_a_resort_town_with_its_country_in_brackets_is_the_venue() -> None:
    text = "The security panel will be held in Krynica-Zdroj (Poland) on 9 May 2031."
    assert find_place(text) == Place("Krynica-Zdrój", "PL")


def test_a_venue_named_by_an_irregular_city_adjective_gives_the_city() -> None:
    text = "12 мая 2031 года на базе Московского института права прошла конференция."
    assert adjective_venue(text) == Place("Moscow", "RU")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Семинар провело министерство образования Тамбовской области.", "RU"),
        ("Выступил начальник управления Гомельской области.", "BY"),
        ("В администрации Ставропольского края прошёл круглый стол.", "RU"),
        ("Делегации Курской области и Брестской области обсудили угрозы.", None),  # two states
        ("Круглый стол прошёл на краю города.", None),  # no region named
    ],
)
def test_a_region_named_by_its_centres_adjective_gives_the_country(
    text: str, code: str | None
) -> None:
    assert region_country(text) == code


def test_a_page_naming_only_its_region_gets_that_countrys_code_and_no_city() -> None:
    body = (
        "Круглый стол по профилактике экстремизма прошёл в районном доме культуры. "
        "Его участники, представители Правительства Тамбовской области и молодёжных "
        "организаций, обсудили противодействие идеологии терроризма."
    )
    f = fields_of(body, title="Круглый стол по профилактике экстремизма")
    assert (f.city, f.country) == (None, "RU")


def test_bih_is_bosnia_and_herzegovina() -> None:
    assert find_place("Experts from across the region met in BiH last week.") == Place(None, "BA")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Ministry of Interior of the Republic of Moldova co-hosted it.", "MD"),
        ("Министерство юстиции Республики Казахстан провело встречу.", "KZ"),
        ("el Ministerio de Seguridad de la República de Chile", "CL"),
        ("при поддержке Министерства просвещения Российской Федерации", "RU"),
        ("the Embassy of the Democratic Republic of the Congo", "CD"),
        # Kyrgyz and Kazakh put the name first and decline the word "republic"
        ("Кыргыз Республикасынын Тышкы иштер министрлиги", "KG"),
        ("Қазақстан Республикасының Ішкі істер министрлігі", "KZ"),
        # a republic inside a federation names the federation's country, never a state of its own
        ("Правительство Республики Татарстан", "RU"),
        ("при поддержке Главы Чеченской Республики", "RU"),
    ],
)
def test_state_country_reads_a_states_official_name(text: str, code: str) -> None:
    assert state_country(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "delegations of the Republic of Moldova and the Republic of Armenia",
        # the second state by its own name: none, not one of the two by chance
        "делегации Кыргызской Республики и Российской Федерации",
        "the Republic of Serbia and the Russian Federation",
        "the republic of letters",
        "",
    ],
)
def test_state_country_of_several_or_no_states_is_none(text: str) -> None:
    assert state_country(text) is None


def test_a_page_naming_no_place_takes_the_country_its_ministry_is_named_for() -> None:
    body = (
        "A round table on preventing radicalisation among students was held on 3 May 2027.\n\n"
        "It was organised by the Ministry of Education of the Republic of Moldova and gathered "
        "teachers and psychologists."
    )
    f = fields_of(body, title="Round table on preventing radicalisation")
    assert (f.city, f.country) == (None, "MD")


def test_a_venue_elsewhere_beats_the_country_a_ministry_is_named_for() -> None:
    body = (
        "A round table on preventing radicalisation was held in Vienna on 3 May 2027.\n\n"
        "It was organised by the Embassy of the Republic of Moldova."
    )
    f = fields_of(body, title="Round table on preventing radicalisation")
    assert (f.city, f.country) == ("Vienna", "AT")


def test_reggio_nell_emilia_is_shown_by_its_common_name() -> None:
    found = find_place("Il convegno si è svolto a Reggio Emilia, in prefettura.")
    assert found is not None and found.city == "Reggio Emilia"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Bakıda keçirilən beynəlxalq konfransda terrorizm müzakirə olunub.", Place("Baku", "AZ")),
        ("Gəncədə keçirilən regional seminarda ekspertlər çıxış ediblər.", Place("Ganja", "AZ")),
        ("Toshkentda xalqaro ilmiy-amaliy konferensiya boʻlib oʻtdi.", Place("Tashkent", "UZ")),
    ],
)
def test_latin_turkic_locative_city_names_are_found(text: str, place: Place) -> None:
    assert find_place(text) == place


def test_a_latin_word_ending_like_a_locative_is_no_city_outside_turkic_states() -> None:
    assert find_place("The conference opened with a parade through the old town.") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("12 марта 2027 года в г. Ржеве прошёл круглый стол.", Place("Rzhev", "RU")),
        ("Семинар по профилактике экстремизма состоялся в городе Кимры.", Place("Kimry", "RU")),
        ("Круглый стол по противодействию терроризму прошёл в Ржеве.", Place("Rzhev", "RU")),
    ],
)
def test_a_small_town_of_a_cyrillic_writing_country_is_found_by_its_cyrillic_name(
    text: str, place: Place
) -> None:
    assert find_place(text) == place


def test_a_small_town_after_a_bare_in_in_a_sentence_about_no_event_is_no_venue() -> None:
    assert find_place("Автор статьи родился в Ржеве.") is None


def test_a_big_city_keeps_its_name_before_a_small_town_of_the_same_cyrillic_name() -> None:
    # "Ростов" is Rostov-on-Don, not the small Rostov of the Yaroslavl region
    assert region_country("Губернатор Ростовской области открыл форум.") == "RU"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May, in the town of Riccione, mayors discussed urban security.",
        "Sabato 3 maggio, nella città di Riccione, i sindaci discutono di sicurezza urbana.",
    ],
)
def test_a_town_word_between_a_bare_in_and_a_small_town_names_the_town(text: str) -> None:
    assert find_place(text) == Place("Riccione", "IT")


def test_a_small_town_after_a_bare_in_without_a_town_word_stays_unnamed() -> None:
    assert find_place("On 3 May, in Riccione, mayors discussed urban security.") is None


@pytest.mark.parametrize(
    "text",
    [
        "The panel was chaired by Prof. Ada Brown (Lakeside University, USA) and a judge.",
        "Greetings came from the Pacific Mission, Canada, and two ministries.",
    ],
)
def test_a_town_named_by_a_common_word_ending_a_longer_name_is_no_place(text: str) -> None:
    assert all(m.place.city is None for m in mentions(text))


def test_a_town_named_by_a_common_word_after_its_cue_is_still_a_place() -> None:
    found = mentions("The seminar took place in Nice, France, on 3 May.")
    assert [(m.place.city, m.place.country) for m in found][:1] == [("Nice", "FR")]
