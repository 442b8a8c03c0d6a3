"""Organiser names: glossed own acronyms, short acronyms, a foundation named twice."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organiser_lists import split_list
from confwatch.spiders.normalise.organiser_names import canonical_organiser, same_body

# --- round 15: glossed own acronyms, three-capital acronyms, a foundation named twice ---------


def test_a_name_glossed_by_its_own_acronym_is_a_body() -> None:
    # Invented: "Activity" is no organisation word, but the name spells its bracketed acronym.
    assert split_list(
        "the Harbour Safety Activity – West (HSA-West) and the Coastal Watch Group (CWG)",
        None,
        strict=True,
    ) == ["Harbour Safety Activity – West (HSA-West)", "Coastal Watch Group (CWG)"]
    assert split_list("le Groupe d'Étude Maritime (GEM)", None, strict=True) == [
        "Groupe d'Étude Maritime (GEM)"
    ]


def test_a_bracket_that_is_not_the_name_acronym_glosses_nothing() -> None:
    assert split_list("the Harbour Safety Activity (2019)", None, strict=True) == []


def test_three_capitals_are_an_acronym_not_a_city() -> None:
    assert split_list("the IPU and UNODC", None, strict=True) == ["IPU", "UNODC"]


def test_a_foundation_named_in_two_languages_is_the_catalogued_one() -> None:
    assert canonical_organiser("fondation Konrad Adenauer Stiftung") == "Konrad-Adenauer-Stiftung"
    assert canonical_organiser("Foundation for Coastal Peace Foundation") == (
        "Foundation for Coastal Peace Foundation"
    )


def test_a_linked_name_between_two_bodies_of_a_list_is_a_body() -> None:
    # Invented: "Chamber" is no organisation word; the list around it names bodies.
    assert split_list(
        "the IPU, the Chamber of Deputies of Peru, the OSCE and UNOCT", None, strict=True
    ) == ["IPU", "Chamber of Deputies of Peru", "OSCE", "UNOCT"]


def test_a_person_or_a_venue_between_two_bodies_is_no_body() -> None:
    assert split_list("UNOCT, John Smith and the OSCE", None, strict=True) == ["UNOCT"]
    assert split_list("UNOCT, the Palais des Nations and the OSCE", None, strict=True) == ["UNOCT"]
    assert split_list(
        "UNOCT, Representatives of Member States and the OSCE", None, strict=True
    ) == ["UNOCT"]


def test_an_office_held_between_two_bodies_is_no_body() -> None:
    assert split_list(
        "the Ministry of Justice of Chile, Deputy Secretary of State, the OSCE", None, strict=True
    ) == ["Ministry of Justice of Chile"]


@pytest.mark.parametrize(
    "name",
    [
        "Inter-American Committee against Terrorism (CICTE) of the OAS",
        "Comité interaméricain contre le terrorisme de l’Organisation des États américains",
        "Comité Interamericano contra el Terrorismo (CICTE) de la Organización de Estados "
        "Americanos",
    ],
)
def test_a_unit_named_with_its_parent_in_the_genitive_is_the_unit(name: str) -> None:
    assert canonical_organiser(name) == "CICTE"
    assert same_body(name, "CICTE")


def test_a_unit_named_with_a_body_that_is_not_its_parent_stays_unresolved() -> None:
    assert canonical_organiser("Inter-American Committee against Terrorism of the OSCE") != (
        "CICTE"
    )


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("Centre d'Études Maritimes (CEMAR) de l'Université de Brest", "CEMAR"),
        ("Instituto de Análisis Portuario (INAP) del Ministerio de Transportes", "INAP"),
        ("Office of Coastal Research (OCR) of the Northern Academy", "Office of Coastal Research"),
    ],
)
def test_a_glossed_name_with_its_owner_after_it_is_either_of_its_two_forms(
    written: str, short: str
) -> None:
    assert same_body(written, short)
    assert same_body(short, written)


def test_the_owner_after_a_glossed_name_is_another_body() -> None:
    assert not same_body(
        "Centre d'Études Maritimes (CEMAR) de l'Université de Brest", "Université de Brest"
    )
