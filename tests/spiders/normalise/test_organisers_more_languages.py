"""Organisers in Italian, Portuguese and Ukrainian wording, a name whose "against" takes two
objects, and a Russian sentence that names the event before its organiser (issue 15, round 2).
Every text here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organiser_catalogue import demonym_code, is_org_word
from confwatch.spiders.normalise.organisers import find_organisers, same_body, title_organisers


def _has(found: list[str], expected: list[str]) -> bool:
    return all(any(same_body(e, f) for f in found) for e in expected)


@pytest.mark.parametrize(
    "word",
    ["Fondazione", "Istituto", "Università", "Fundação", "Universidade", "міністерства"],
)
def test_italian_portuguese_and_ukrainian_organisation_words(word: str) -> None:
    assert is_org_word(word)


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("ungherese", "HU"),
        ("italiani", "IT"),
        ("portuguesa", "PT"),
        ("brasileiro", "BR"),
        ("українського", "UA"),
        ("угорська", "HU"),
    ],
)
def test_state_adjectives_in_italian_portuguese_and_ukrainian(word: str, code: str) -> None:
    assert demonym_code(word) == code


def test_italian_partner_foundation_is_an_organiser() -> None:
    text = (
        "Il seminario, organizzato in collaborazione con la Fondazione della Cassa di Risparmio "
        "di Lecce, si terrà a Lecce il 3 marzo."
    )
    assert find_organisers(text) == ["Fondazione della Cassa di Risparmio di Lecce"]


def test_italian_auxiliary_ends_the_list_after_a_partner_phrase() -> None:
    text = (
        "All'incontro, organizzato in collaborazione con la Fondazione Rossi hanno partecipato "
        "molti studenti."
    )
    assert find_organisers(text) == ["Fondazione Rossi"]


def test_italian_ministry_named_by_state_adjective() -> None:
    text = (
        "Il Ministero degli Esteri ungherese, in collaborazione con l'OSCE, ospiterà un seminario."
    )
    assert _has(find_organisers(text), ["Ministry of Foreign Affairs of Hungary", "OSCE"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "El taller, organizado por el Centro de Estudios contra el Fraude y el Blanqueo de "
            "Capitales (CEFBC), en colaboración con la Agencia Andina de Cooperación, reunió a "
            "expertos.",
            [
                "Centro de Estudios contra el Fraude y el Blanqueo de Capitales (CEFBC)",
                "Agencia Andina de Cooperación",
            ],
        ),
        (
            "Il seminario è organizzato in collaborazione con l'Ufficio delle Nazioni Unite contro "
            "la droga e il crimine e l'Istituto Alfa.",
            ["UNODC", "Istituto Alfa"],
        ),
    ],
)
def test_a_name_against_two_objects_stays_one_name(text: str, expected: list[str]) -> None:
    assert _has(find_organisers(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "The seminar was organised by the Centre against Extremism and the Netherlands.",
        "The seminar was organised by the Centre against Extremism and the Ministry of Justice.",
    ],
)
def test_a_state_or_a_body_after_against_and_is_a_second_organiser(text: str) -> None:
    assert len(find_organisers(text)) == 2


def test_russian_event_named_before_its_organiser() -> None:
    text = "Семинар по профилактике экстремизма организовала миссия ОБСЕ в Киргизии."
    assert _has(find_organisers(text), ["OSCE"])


@pytest.mark.parametrize(
    "text",
    [
        "Семинар провел профессор Иван Петров.",
        "На конференции, где выступил министр, провел встречу Фонд развития.",
    ],
)
def test_russian_object_first_reads_no_person_and_no_other_clause(text: str) -> None:
    assert find_organisers(text) == []


def test_ukrainian_acronym_of_the_osce_names_the_event_s_owner() -> None:
    assert title_organisers("Регіональна конференція ОБСЄ з питань безпеки") == ["OSCE"]


@pytest.mark.parametrize("word", ["Asociación", "Federación", "Confederación", "Comunidad"])
def test_spanish_association_and_federation_words_name_organisations(word: str) -> None:
    assert is_org_word(word)


def test_spanish_association_and_institute_organise_together() -> None:
    text = (
        "El foro, organizado por la Asociación Riojana de Mediadores y el Instituto "
        "Navarro de Estudios Sociales, reunió a cien expertos."
    )
    assert find_organisers(text) == [
        "Asociación Riojana de Mediadores",
        "Instituto Navarro de Estudios Sociales",
    ]


def test_spanish_community_with_an_and_in_its_name_is_one_organiser() -> None:
    text = (
        "El seminario, organizado por la Universidad de Soria y la Comunidad de Defensa y "
        "Estudios Estratégicos (CODEE), reunió a cien expertos."
    )
    assert find_organisers(text) == [
        "Universidad de Soria",
        "Comunidad de Defensa y Estudios Estratégicos (CODEE)",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De conferentie wordt georganiseerd door het Kenniscentrum Radicalisering.",
            ["Kenniscentrum Radicalisering"],
        ),
        (
            "De conferentie wordt georganiseerd door de Universiteit Leiden en het Kenniscentrum "
            "Radicalisering.",
            ["Universiteit Leiden", "Kenniscentrum Radicalisering"],
        ),
        (
            "Het seminar werd georganiseerd door de Gemeente Utrecht en de Werkgroep Preventie.",
            ["Gemeente Utrecht", "Werkgroep Preventie"],
        ),
    ],
)
def test_dutch_article_and_and_between_organisers(text: str, expected: list[str]) -> None:
    found = find_organisers(text)
    assert _has(found, expected) and len(found) == len(expected), found


def test_french_en_within_a_body_name_parts_no_list() -> None:
    text = "Le colloque est organisé par l'Ambassade de France en Algérie."
    assert find_organisers(text) == ["Ambassade de France en Algérie"]
