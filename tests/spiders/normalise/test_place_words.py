"""Place wording completed from the languages (PLACEWORDS, decision 0021), each with invented
text: city forms the gazetteer lacks (Ukrainian locatives whose stem changes, Russian forms the
endings miss, exonyms, Arabic spellings), a city that hosts as the subject ("Viena fue sede",
"Вена станет местом", "Wiedeń był gospodarzem"), the Romance capital with its adjective after it
("dans la capitale autrichienne, Vienne"), a town word between the cue and the name ("na cidade
de Roma"), and a meeting said to be held away from any room in every tense.
"""

from __future__ import annotations

import pytest

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise
from confwatch.spiders.normalise.place_mentions import find_place
from confwatch.spiders.normalise.places import Place, parse_place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Конференція з протидії тероризму відбудеться в Києві 3 травня 2027 року.", "Kyiv"),
        ("Конференція з протидії тероризму відбулася у Відні 3 травня 2027 року.", "Vienna"),
        ("Конференція з протидії тероризму відбулася в Дніпрі 3 травня 2027 року.", "Dnipro"),
        ("Конференція з протидії тероризму відбулася в Празі 3 травня 2027 року.", "Prague"),
        ("Конференция по противодействию терроризму прошла в Афинах 3 мая 2027 года.", "Athens"),
        ("Конференция по противодействию терроризму прошла в Уфе 3 мая 2027 года.", "Ufa"),
        ("La conferenza sul terrorismo si terrà a Venezia il 3 maggio 2027.", "Venice"),
        ("La conferencia sobre terrorismo tendrá lugar en Saná el 3 de mayo de 2027.", "Sanaa"),
        ("A conferência sobre terrorismo decorreu em Haia no dia 3 de maio de 2027.", "The Hague"),
        ("La conférence sur le terrorisme se tiendra à Ryad le 3 mai 2027.", "Riyadh"),
        ("انعقد المؤتمر الإقليمي لمكافحة الإرهاب في سوتشي يوم 3 مايو 2027.", "Sochi"),
    ],
)
def test_a_declined_or_foreign_form_of_a_city_names_the_city(text: str, place: str) -> None:
    found = find_place(text)
    assert found is not None and found.city == place


@pytest.mark.parametrize(
    "word", ["Москвы", "Вены", "Києва", "Lussemburgo", "Helsinque", "Abou Dhabi", "بروكسيل"]
)
def test_a_genitive_or_exonym_of_a_capital_reads_as_its_city(word: str) -> None:
    found = parse_place(word)
    assert found is not None and found.city is not None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Viena fue sede de la conferencia sobre terrorismo el 3 de mayo de 2027.", "Vienna"),
        ("Viena albergará la conferencia sobre terrorismo el 3 de mayo de 2027.", "Vienna"),
        ("Viena foi palco da conferência sobre terrorismo no dia 3 de maio de 2027.", "Vienna"),
        ("Вена станет местом проведения конференции по терроризму 3 мая 2027 года.", "Vienna"),
        ("Відень прийматиме конференцію з протидії тероризму 3 травня 2027 року.", "Vienna"),
        ("Wiedeń był gospodarzem konferencji na temat terroryzmu 3 maja 2027 r.", "Vienna"),
        ("Vienna played host to the conference on terrorism on 3 May 2027.", "Vienna"),
    ],
)
def test_a_city_that_hosts_as_the_subject_is_the_venue(text: str, place: str) -> None:
    found = find_place(text)
    assert found is not None and found.city == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "La conferencia sobre terrorismo tendrá lugar en la capital austríaca, Viena, "
            "el 3 de mayo de 2027.",
            "Vienna",
        ),
        (
            "La conferenza sul terrorismo si terrà nella capitale italiana, Roma, "
            "il 3 maggio 2027.",
            "Rome",
        ),
        ("A conferência sobre terrorismo decorreu na cidade de Roma no dia 3 de maio.", "Rome"),
    ],
)
def test_a_capital_or_town_word_between_the_cue_and_the_name_is_passed_over(
    text: str, place: str
) -> None:
    found = find_place(text)
    assert found is not None and found.city == place


@pytest.mark.parametrize(
    "wording",
    [
        "the meeting was held by video teleconference",
        "la réunion s'est tenue à distance",
        "встреча прошла в режиме ВКС",
        "зустріч відбулася онлайн",
        "зустріч відбулася в онлайн форматі",
        "встреча прошла в онлайн формате",
        "die Sitzung fand virtuell statt",
        "la reunión se celebró de manera telemática",
        "a reunião realizou-se virtualmente",
        "la riunione si è svolta da remoto",
        "spotkanie odbyło się zdalnie",
        "de bijeenkomst vond virtueel plaats",
    ],
)
def test_a_meeting_held_away_from_any_room_has_no_venue(wording: str) -> None:
    raw = RawEvent(
        source="generic",
        url="https://example.org/e",
        title="Regional conference on terrorism",
        body_text=f"VIENNA, 3 May 2027 - The regional conference on terrorism: {wording}. "
        "It was held on 3 May 2027.",
    )
    fields = normalise(raw).fields
    assert fields is not None
    assert (fields.city, fields.country) == (None, None)


def test_a_city_before_another_verb_is_no_host() -> None:
    # "Vienna is known for ...": no host wording, no venue
    assert find_place("Vienna is known for its coffee houses.") is None


def test_an_online_topic_in_a_title_is_no_online_meeting() -> None:
    # "Terrorism Online" is a topic: the Italian "terrà online" row must not read "Terr..."
    assert find_place("Countering Terrorism Online will be held in Vienna on 3 May 2027.") == Place(
        "Vienna", "AT"
    )


def test_plain_place_field_still_reads() -> None:
    assert parse_place("Venezia, Italia") == Place("Venice", "IT")
