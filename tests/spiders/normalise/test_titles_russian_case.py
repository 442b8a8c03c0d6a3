"""Titles: a Russian name read out of running text is given in the nominative, as a name is
written on its own; only its head noun phrase changes."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.name_case import nominative
from confwatch.spiders.normalise.titles import choose_title


def test_name_in_an_oblique_case_in_the_text_becomes_the_nominative() -> None:
    sentences = [
        "Эксперты приняли участие во Второй международной конференции по вопросам безопасности "
        "на транспорте, которая прошла 5 мая в Омске.",
    ]
    assert choose_title(None, sentences) == (
        "Вторая международная конференция по вопросам безопасности на транспорте"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # The event noun and the modifiers agreeing with it change; the genitive after it stays.
        ("Третьей научной конференции Союза юристов", "Третья научная конференция Союза юристов"),
        ("Круглом столе по вопросам профилактики", "Круглый стол по вопросам профилактики"),
        ("Онлайн-семинаре на тему защиты данных", "Онлайн-семинар на тему защиты данных"),
        ("Семинаре-совещании глав комиссий", "Семинар-совещание глав комиссий"),
        ("VII совещании руководителей служб", "VII совещание руководителей служб"),
        ("Итоговую встречу экспертов", "Итоговая встреча экспертов"),
        # The preposition the sentence put before the name is no word of it.
        ("в заседании Совета директоров", "заседание Совета директоров"),
        ("на конференции по кибербезопасности", "конференция по кибербезопасности"),
    ],
)
def test_oblique_head_noun_phrase_is_put_in_the_nominative(name: str, expected: str) -> None:
    assert nominative(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Третья научная конференция Союза юристов",  # already the nominative
        "Межрегиональные консультации по вопросам безопасности",  # a nominative plural
        "VI СОВЕЩАНИЯ РУКОВОДИТЕЛЕЙ",  # genitive or nominative plural: left as written
        "на 12-м заседании Совета",  # a number the dictionary cannot decline
        "Роль молодежи в профилактике экстремизма",  # no event noun at its head
        "Щорічній конференції партнерів",  # Ukrainian, not Russian
        "Regional conference on border security",
    ],
)
def test_name_without_an_oblique_russian_head_is_left_as_written(name: str) -> None:
    assert nominative(name) == name
