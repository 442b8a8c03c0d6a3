"""Russian puts the event after its organisers: the list ends at the event noun. A local body
written in lower case after the adjective of its level ("областное управление") is a name."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers


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
