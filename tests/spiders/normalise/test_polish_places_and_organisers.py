"""Polish places and organisers: a city named in the locative after "w"/"we" ("we Wrocławiu",
"w Łodzi") is the city, an English word that happens to end like one is not, and the bodies
Polish names in declined forms are the organisers. Every sentence here is invented."""

from __future__ import annotations

import pytest

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
