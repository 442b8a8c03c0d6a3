"""Titles: a heading that only describes its event in lower case, its kind first, gives way to
the theme the text quotes for an event of that kind on the heading's topic (eval-format §5.12);
a heading that is a name of its own (an ordinal, a capitalised word) stays."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.titles import choose_title


@pytest.mark.parametrize(
    ("heading", "sentences", "title"),
    [
        (
            "«Круглый стол» по вопросам защиты молодежи от вербовки",
            [
                "12 марта 2031 года студенты колледжа приняли участие в «Круглом столе» по теме: "
                "«Защита молодежи от вербовки в сети» в городской библиотеке.",
            ],
            "Защита молодежи от вербовки в сети",
        ),
        (
            "Конференция, посвященная 10-летию городской службы помощи",
            [
                "Сегодня в областной библиотеке проходит научная конференция «Взаимодействие "
                "служб и граждан - 10 лет городской службе помощи».",
            ],
            "Взаимодействие служб и граждан - 10 лет городской службе помощи",
        ),
    ],
)
def test_lower_case_description_gives_way_to_the_quoted_theme_on_its_topic(
    heading: str, sentences: list[str], title: str
) -> None:
    assert choose_title(heading, sentences) == title


def test_description_with_a_capitalised_topic_is_a_name_of_its_own() -> None:
    heading = "Troisième atelier régional sur la Sécurité des Ports"
    sentences = [
        "Du 4 au 6 mai 2031 s'est tenu à Lomé le troisième atelier régional sur le thème "
        "« La sécurité des ports face aux menaces ».",
    ]
    assert choose_title(heading, sentences) == heading


def test_quoted_theme_off_the_headings_topic_leaves_the_heading() -> None:
    heading = "Круглый стол по профилактике экстремизма"
    sentences = [
        "В рамках круглого стола участники обсудили доклад «Итоги года в цифрах».",
    ]
    assert choose_title(heading, sentences) == heading
