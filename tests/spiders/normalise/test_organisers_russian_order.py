"""Russian puts the event after its organisers: the list ends at the event noun. A local body
written in lower case after the adjective of its level ("областное управление") is a name."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body


def test_russian_organiser_list_ends_at_the_event_noun() -> None:
    text = (
        "В Ташкенте состоялся организованный Контртеррористическим управлением ООН и "
        "Региональным центром ООН по превентивной дипломатии для Центральной Азии семинар "
        "«Противодействие финансированию терроризма»."
    )
    assert find_organisers(text) == ["UNOCT", "UNRCCA"]


@pytest.mark.parametrize(
    "text",
    [
        "Его организатором выступило областное управление по делам молодежи.",
        "Круглый стол провело областное управление по делам молодежи.",
    ],
)
def test_russian_local_body_in_lower_case_after_its_level_adjective(text: str) -> None:
    assert find_organisers(text) == ["областное управление по делам молодежи"]


def test_russian_regional_centre_is_a_city_not_a_body() -> None:
    assert find_organisers("Организатором выступил областной центр.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Форум проходит при поддержке и помощи французского правительства.",
        "Форум организован французским правительством.",
    ],
)
def test_russian_state_adjective_before_government_names_that_state_s_government(
    text: str,
) -> None:
    assert find_organisers(text) == ["Government of France"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Казани прошло выездное заседание Национального антитеррористического комитета.",
            "Национальный антитеррористический комитет",
        ),
        # The qualifier read with the noun ("заседание комитета") starts the owner's name.
        (
            "В Минске 12 марта состоится заседание Комитета секретарей советов безопасности "
            "ОДКБ, на котором обсудят вопросы границ.",
            "CSTO",
        ),
    ],
)
def test_russian_session_of_a_body_is_held_by_that_body(text: str, expected: str) -> None:
    found = find_organisers(text)
    assert len(found) == 1
    assert same_body(found[0], expected)


def test_russian_office_of_a_committee_stays_the_office() -> None:
    text = (
        "Форум организован аппаратом Национального антитеррористического комитета и "
        "Министерством просвещения."
    )
    found = find_organisers(text)
    assert found[0] == "Office of the National Antiterrorism Committee of Russia"


@pytest.mark.parametrize(
    "text",
    [
        "5 мая 2019 года МИД Казахстана совместно с ОБСЕ провели семинар по безопасности.",
        "В 2019 году МИД Казахстана совместно с ОБСЕ провели семинар по безопасности.",
    ],
)
def test_russian_opening_date_with_its_year_noun_is_no_part_of_the_subject(text: str) -> None:
    found = find_organisers(text)
    assert len(found) == 2
    assert same_body(found[0], "Ministry of Foreign Affairs of Kazakhstan")
    assert same_body(found[1], "OSCE")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The copula as a spaced hyphen, as pages type the dash.
        (
            "Семинар прошел в Казани. Организатор семинара - Институт социальных исследований.",
            "Институт социальных исследований",
        ),
        # The copula left out: the organiser follows in the nominative, capitalised.
        (
            "Круглый стол прошел. Организатор Центр молодежных инициатив. Студенты выступили.",
            "Центр молодежных инициатив",
        ),
    ],
)
def test_russian_organiser_named_after_the_noun_without_a_long_dash(
    text: str, expected: str
) -> None:
    assert any(same_body(expected, f) for f in find_organisers(text))


def test_russian_person_after_the_organiser_noun_is_no_body() -> None:
    assert find_organisers("Организатор семинара Иван Петров рассказал о планах.") == []
