"""Polish places, organisers and page dates: a city named in the locative after "w"/"we" ("we
Wrocławiu", "w Łodzi") is the city, an English word that happens to end like one is not, the
bodies Polish names in declined forms are the organisers, and "Data publikacji" stamps the page's
own date. Every sentence here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import dates, page_date
from confwatch.spiders.normalise.organiser_names import same_body
from confwatch.spiders.normalise.organisers import find_organisers
from confwatch.spiders.normalise.place_mentions import find_place
from confwatch.spiders.normalise.places import Place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Konferencja naukowa odbyła się we Wrocławiu.", Place("Wroclaw", "PL")),
        ("Seminarium odbyło się w Warszawie w dniu 3 marca.", Place("Warsaw", "PL")),
        ("Kongres odbędzie się w Krakowie.", Place("Kraków", "PL")),
        ("Konferencja odbyła się w Gdańsku.", Place("Gdańsk", "PL")),
        ("Sympozjum odbyło się w Poznaniu.", Place("Poznań", "PL")),
        ("Konferencja odbyła się w Łodzi.", Place("Lodz", "PL")),
        ("Warsztaty odbyły się w Gdyni.", Place("Gdynia", "PL")),
        ("Konferencja odbyła się w Katowicach.", Place("Katowice", "PL")),
        ("Szczyt odbył się w Wiedniu.", Place("Vienna", "AT")),
        ("Konferencja odbyła się w Pradze.", Place("Prague", "CZ")),
    ],
)
def test_a_polish_locative_after_w_names_the_city(text: str, place: Place) -> None:
    assert find_place(text) == place


def test_an_english_word_ending_like_a_polish_locative_is_no_city() -> None:
    assert find_place("The seminar was held in the Ministry Today.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Konferencja została zorganizowana przez Fundację na rzecz promocji nauki i rozwoju "
            "Wisła.",
            ["Fundację na rzecz promocji nauki i rozwoju Wisła"],
        ),
        (
            "Celem konferencji organizowanej przez Uniwersytet Opolski, Wyższą Szkołę Prawa "
            "Publicznego i Prywatnego w Opolu oraz Stowarzyszenie Bezpieczna Wieś była dyskusja.",
            [
                "Uniwersytet Opolski",
                "Wyższą Szkołę Prawa Publicznego i Prywatnego w Opolu",
                "Stowarzyszenie Bezpieczna Wieś",
            ],
        ),
        (
            "Instytut Badań Strategicznych oraz Centrum Analiz Bezpieczeństwa wspólnie "
            "zorganizowały konferencję naukową o terroryzmie.",
            ["Instytut Badań Strategicznych", "Centrum Analiz Bezpieczeństwa"],
        ),
    ],
)
def test_polish_organisers_are_read_by_their_declined_words_and_split_at_oraz(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text, country="PL") == expected


@pytest.mark.parametrize(
    ("label", "page"),
    [
        ("Fundacja Bezpieczna Polska", "Fundację Bezpieczna Polska"),
        ("Wyższa Szkoła Policji w Szczytnie", "Wyższą Szkołę Policji w Szczytnie"),
        ("Uniwersytet Gdański", "Uniwersytetu Gdańskiego"),
    ],
)
def test_a_polish_body_in_another_case_is_the_same_body(label: str, page: str) -> None:
    assert same_body(label, page)


@pytest.mark.parametrize(
    "sentence",
    ["Data publikacji 14.05.2019", "Opublikowano: 14.05.2019", "Data dodania 14.05.2019"],
)
def test_a_polish_publication_label_stamps_the_pages_own_date(sentence: str) -> None:
    hits = dates.find_date_ranges(sentence, languages=["pl"])
    use = page_date.classify(sentence, hits[0], ["pl"])
    assert use.kind == "stamp"
    assert use.published


def test_a_polish_bodys_town_is_no_venue_but_the_events_town_is() -> None:
    text = (
        "Przedstawicielka Zespołu Prewencji KWP w Olsztynie uczestniczyła w konferencji "
        "międzynarodowej w Pradze."
    )
    assert find_place(text) == Place("Prague", "CZ")


def test_a_polish_venue_named_with_its_town_keeps_the_town() -> None:
    text = "Konferencja odbyła się w Komendzie Wojewódzkiej Policji w Olsztynie."
    assert find_place(text) == Place("Olsztyn", "PL")
