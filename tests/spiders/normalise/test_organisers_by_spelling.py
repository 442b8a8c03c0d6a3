"""Organisers written in spellings the catalogue does not hold (issue 15): every text here is
invented.

A body named in another language and glossed by its catalogued acronym, an Italian or French
ministry, a German one-word name in its genitive, and a Russian body named after a person
("им. М. В. Ломоносова") whose initials end no list."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import (
    canonical_organiser,
    find_organisers,
    same_body,
)


def _has(found: list[str], expected: list[str]) -> bool:
    return all(any(same_body(e, f) for f in found) for e in expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il Comune di Verona, in collaborazione con l'Agenzia dell'Unione europea per la "
            "cooperazione nell'attività di contrasto (Europol), ospiterà un seminario a Verona.",
            ["Europol"],
        ),
        (
            "The seminar is organised by the Municipality of Split and the Organizacija za "
            "europsku sigurnost (OSCE).",
            ["Municipality of Split", "OSCE"],
        ),
    ],
)
def test_a_foreign_name_glossed_by_a_catalogued_acronym_is_that_body(
    text: str, expected: list[str]
) -> None:
    assert _has(find_organisers(text), expected)


def test_a_person_glossed_by_an_acronym_is_no_body() -> None:
    text = "The conference was organised by Jane Doe (UNODC) in Vienna."
    assert find_organisers(text) == []


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Ministero degli Esteri", "IT", "Ministry of Foreign Affairs of Italy"),
        ("Ministero degli Affari Esteri", None, "Ministry of Foreign Affairs"),
        ("il Ministero dell'Interno", "IT", "Ministry of the Interior of Italy"),
        ("Ministero dell’Interno", None, "Ministry of the Interior"),
        ("Ministère de l'Intérieur", "BE", "Ministry of the Interior of Belgium"),
        ("ministère de l’Intérieur du Maroc", None, "Ministry of the Interior of Morocco"),
    ],
)
def test_italian_and_french_ministries_get_their_portfolio(
    name: str, country: str | None, expected: str
) -> None:
    assert canonical_organiser(name, country=country) == expected


@pytest.mark.parametrize("name", ["Bundeskriminalamtes", "Bundeskriminalamts"])
def test_a_german_one_word_name_in_the_genitive_is_the_catalogued_body(name: str) -> None:
    assert canonical_organiser(name) == canonical_organiser("Bundeskriminalamt")
    assert same_body(name, "Bundeskriminalamt")


def test_an_english_plural_is_not_read_as_a_german_genitive() -> None:
    assert canonical_organiser("Programmes") == "Programmes"


def test_initials_of_a_namesake_end_no_russian_list() -> None:
    text = (
        "Семинар был организован при содействии Министерства культуры, ТГУ им. П. Н. Сидорова "
        "и Областного центра по вопросам профилактики экстремизма."
    )
    found = find_organisers(text)
    assert _has(found, ["Министерство культуры", "ТГУ им. П. Н. Сидорова"])
    assert any("центр" in f.lower() for f in found)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Программного офиса ОБСЕ в Бишкеке", "OSCE Programme Office in Bishkek"),
        ("Генеральным секретариатом Интерпола", "INTERPOL General Secretariat"),
        (
            "Council of the Regional Anti-Terrorist Structure of the Shanghai Cooperation "
            "Organization",
            "SCO RATS",
        ),
        ("UN Development Program", "UNDP"),
        (
            "Национальным антитеррористическим комитетом",
            "National Antiterrorism Committee of Russia",
        ),
    ],
)
def test_catalogued_bodies_in_their_declined_and_variant_spellings(
    name: str, canonical: str
) -> None:
    assert canonical_organiser(name) == canonical


def test_a_body_whose_name_is_headed_by_congress_is_a_catalogued_body() -> None:
    text = "El taller fue organizado por el Congreso Judío Latinoamericano y la Fundación Norte."
    assert find_organisers(text) == ["Congreso Judío Latinoamericano", "Fundación Norte"]
    assert same_body("Latin American Jewish Congress", "CJL")


def test_a_russian_ministry_with_two_portfolios_and_its_state_is_one_body() -> None:
    text = (
        "Семинар для ректоров вузов организован Министерством науки и высшего образования "
        "Российской Федерации."
    )
    assert find_organisers(text) == [
        "Ministry of Science and Higher Education of the Russian Federation"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Musée de l'Armée organisera le 4 juin une journée d'étude.", "Musée de l'Armée"),
        ("The Harbour Museum will host a symposium on 5 June.", "Harbour Museum"),
        ("Il Museo della Pace ospiterà il 3 maggio un convegno.", "Museo della Pace"),
    ],
)
def test_a_museum_that_holds_an_event_is_an_organisation(text: str, expected: str) -> None:
    assert find_organisers(text) == [expected]


def test_a_german_city_named_as_a_state_capital_is_a_body() -> None:
    text = "Der Fachtag wird in Kooperation mit der Landeshauptstadt Erfurt durchgeführt."
    assert find_organisers(text) == ["Landeshauptstadt Erfurt"]
