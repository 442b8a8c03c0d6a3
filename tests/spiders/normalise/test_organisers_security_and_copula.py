"""Organisers: the CIS states' security services named by portfolio and state, Russian
organisers after a copula ("Организаторами форума выступают X и Y", "Организатор – X"), and a
subject list whose names have no organisation word (issue 15, round 5, L8 pages).
Every text here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import canonical_organiser, find_organisers, same_body


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Комитет государственной безопасности Республики Беларусь", "KGB of Belarus"),
        ("КГБ Беларуси", "KGB of Belarus"),
        ("белорусского КГБ", "KGB of Belarus"),
        ("Belarusian KGB", "KGB of Belarus"),
        (
            "Государственного комитета национальной безопасности Кыргызской Республики",
            "State Committee for National Security of Kyrgyzstan",
        ),
        ("ГКНБ Таджикистана", "State Committee for National Security of Tajikistan"),
        ("КНБ Казахстана", "National Security Committee of Kazakhstan"),
        ("СНБ Узбекистана", "National Security Service of Uzbekistan"),
        ("State Security Service of Azerbaijan", "State Security Service of Azerbaijan"),
    ],
)
def test_a_security_service_is_named_by_its_portfolio_and_state(
    written: str, canonical: str
) -> None:
    assert canonical_organiser(written) == canonical


def test_a_security_service_without_its_state_is_the_event_states() -> None:
    assert canonical_organiser("ГКНБ", country="KG") == (
        "State Committee for National Security of Kyrgyzstan"
    )
    assert canonical_organiser("ГКНБ") == "State Committee for National Security"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("KGB of Belarus", "Комитета государственной безопасности Беларуси", True),
        ("SCNS of Kyrgyzstan", "ГКНБ Кыргызской Республики", True),
        ("Служба государственной безопасности", "State Security Service of Azerbaijan", True),
        ("KGB of Belarus", "KGB of Kazakhstan", False),
        ("KGB of Belarus", "National Security Committee of Belarus", False),
    ],
)
def test_a_label_in_english_and_the_pages_russian_name_are_one_service(
    a: str, b: str, same: bool
) -> None:
    assert same_body(a, b) is same


@pytest.mark.parametrize(
    "written",
    [
        "Антитеррористический центр ГКНБ Кыргызской Республики",  # a unit, not the service
        "Совет национальной безопасности Республики Армения",  # a council, not a service
        "Soviet KGB",
    ],
)
def test_another_body_with_a_security_word_keeps_its_name(written: str) -> None:
    assert canonical_organiser(written) == written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Организаторами форума выступают Институт философии и Министерство юстиции.",
            ["Институт философии", "Ministry of Justice"],
        ),
        ("Организатором этого мероприятия выступила миссия ОБСЕ в Казахстане.", ["OSCE"]),
        ("Организатор конференции – Институт истории.", ["Институт истории"]),
        ("Организаторы – Институт истории и ОБСЕ.", ["Институт истории", "OSCE"]),
        ("Организатором семинара стал КГБ Беларуси.", ["KGB of Belarus"]),
    ],
)
def test_russian_names_the_organisers_after_a_copula_or_a_dash(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


def test_the_organiser_of_an_attack_is_no_organiser() -> None:
    assert find_organisers("Организатором теракта выступил Исламский фронт спасения.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le Programme de Soutien aux Initiatives Locales a organisé conjointement avec "
            "l'ONUDC, le 3 mai 2021 à Dakar, un atelier sur la radicalisation.",
            ["Programme de Soutien aux Initiatives Locales", "UNODC"],
        ),
        (
            "The Network of Women Peacebuilders and the Alliance for Peacebuilding co-hosted "
            "a workshop on violent extremism.",
            ["Network of Women Peacebuilders", "Alliance for Peacebuilding"],
        ),
        (
            "À cette occasion, le Conseil national de la Prévention (Cnp) et l'Institut "
            "d'analyse et de prospective (Iap) ont organisé un séminaire sur l'extrémisme.",
            [
                "Conseil national de la Prévention (Cnp)",
                "Institut d'analyse et de prospective (Iap)",
            ],
        ),
    ],
)
def test_a_subject_list_reads_capitalised_and_glossed_names(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jean de La Fontaine et Marie Curie ont organisé un colloque sur la radicalisation.",
        "Le Président de la République a organisé un colloque sur le terrorisme.",
        "Sheikh Mohammed bin Rashid Al Maktoum hosted a conference on terrorism.",
        "Hier, Le Monde Diplomatique et Radio France ont organisé un débat sur l'extrémisme.",
    ],
)
def test_persons_and_prose_before_the_verb_are_no_subject(text: str) -> None:
    assert find_organisers(text) == []


def test_a_bracketed_place_is_no_acronym() -> None:
    assert canonical_organiser("Université de Bamako (Mali)") == "Université de Bamako"


def test_a_capitalised_tail_after_and_is_no_name_of_its_own() -> None:
    found = find_organisers(
        "The Gulf Institute for Policy Studies, in collaboration with the Arab Centre for the "
        "Study and Research on Extremism (ACSRE), organized a seminar on radicalisation."
    )
    assert "Research on Extremism" not in found
