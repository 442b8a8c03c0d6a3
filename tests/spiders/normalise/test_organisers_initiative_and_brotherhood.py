"""Organisers named by French "sous l'impulsion de", a Spanish "Hermandad" (a brotherhood, an
association's name) among the bodies of a fronted "Organizado por", and an Italian
"Confederazione" coordinating a conference (issue 15, round L22). Every text here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organiser_catalogue import is_org_word
from confwatch.spiders.normalise.organisers import find_organisers, same_body


@pytest.mark.parametrize(
    "word",
    [
        "Hermandad",
        "Confederazione",
        "Federazione",
        "Unidad",
        "Unidade",
        "Unità",
        "Coalición",
        "Coalizione",
        "Consorzio",
        "Consorcio",
    ],
)
def test_spanish_and_italian_organisation_words(word: str) -> None:
    assert is_org_word(word)


def test_italian_confederation_coordinating_a_conference_organises_it() -> None:
    text = "La conferenza coordinata dalla Confederazione Sindacale Toscana"
    assert find_organisers(text) == ["Confederazione Sindacale Toscana"]


def test_fronted_spanish_list_with_a_brotherhood_names_every_body() -> None:
    text = (
        "Organizado por la Hermandad de Antiguos Guardias Civiles y la Asociación de Vecinos "
        "del Puerto, el seminario reunirá a expertos en Cádiz el 4 de marzo de 2024."
    )
    assert find_organisers(text) == [
        "Hermandad de Antiguos Guardias Civiles",
        "Asociación de Vecinos del Puerto",
    ]


def test_the_state_that_drives_a_french_conference_into_being_organises_it() -> None:
    text = (
        "Sous l'impulsion du Maroc, une conférence internationale sur la prévention de "
        "l'extrémisme violent se tiendra les 5 et 6 juin 2024 à Rabat."
    )
    found = find_organisers(text)
    assert len(found) == 1 and same_body("Morocco", found[0])


def test_spanish_unit_under_whose_organisation_a_plenary_meets_organises_it() -> None:
    text = (
        "La reunión plenaria, bajo la organización de la Unidad de Inteligencia Financiera de "
        "Bolivia, se celebró en La Paz el 3 de mayo de 2023."
    )
    assert find_organisers(text) == ["Unidad de Inteligencia Financiera de Bolivia"]
