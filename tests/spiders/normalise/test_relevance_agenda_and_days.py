"""The relevance gate on a meeting's agenda and on pages for international days.

Every text here is invented. A conference whose sentence says it will discuss a list of items,
one of them counter-terrorism, is on the topic though terrorism is named once; a word in passing
elsewhere on the page is not. A page for an international day (an observance) is no event page
unless its title names a meeting held on the day.
"""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import relevance


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Deputy minister to attend the International Conference on Security in the Andes",
            "The conference opens in Lima on 3 June. In particular, the participants of the "
            "conference will discuss border management, water disputes, regional trade and "
            "co-operation against international terrorism and organised crime.",
        ),
        (
            "Генсек примет участие в конференции «Мир и безопасность на Балтике»",
            "Конференция пройдет в Риге 3-4 июня. Участники конференции обсудят вопросы "
            "региональной безопасности, энергетики и сотрудничества в борьбе с терроризмом.",
        ),
        (
            "Le ministre participera au Forum de Dakar sur la paix et la sécurité",
            "Le forum se tiendra les 3 et 4 juin. Les participants du forum discuteront de la "
            "gouvernance, de la sécurité maritime et de la lutte contre le terrorisme au Sahel.",
        ),
    ],
)
def test_a_conference_that_will_discuss_terrorism_among_other_items_is_on_topic(
    title: str, body: str
) -> None:
    assert relevance.judge(title, body).relevant


def test_terrorism_named_in_another_sentence_than_the_agenda_is_not_enough() -> None:
    title = "Deputy minister to attend the International Conference on Security in the Andes"
    body = (
        "The conference opens in Lima on 3 June. The participants will discuss border management, "
        "water disputes and regional trade. The minister earlier visited a museum of the victims "
        "of terrorism."
    )
    assert not relevance.judge(title, body).relevant


def test_an_agenda_verb_far_from_the_conference_noun_is_not_its_agenda() -> None:
    title = "Deputy minister to attend the International Conference on Security in the Andes"
    body = (
        "On the eve of the conference, which opens in Lima on 3 June and which the deputy "
        "minister will attend with a large delegation of officials and advisers, journalists "
        "discussed terrorism."
    )
    assert not relevance.judge(title, body).relevant


def test_an_agenda_under_a_headline_on_something_else_is_no_topic() -> None:
    title = "Deputy minister to attend the International Conference on Trade in the Andes"
    body = (
        "The conference opens in Lima on 3 June. The participants of the conference will "
        "discuss tariffs, shipping and, briefly, co-operation against terrorism."
    )
    assert not relevance.judge(title, body).relevant


def test_a_clause_after_a_semicolon_is_not_the_agenda() -> None:
    title = "Deputy minister to attend the International Conference on Security in the Andes"
    body = (
        "The conference opens in Lima on 3 June. The conference will discuss border management; "
        "the minister also recalled the victims of terrorism."
    )
    assert not relevance.judge(title, body).relevant


@pytest.mark.parametrize(
    "title",
    [
        "International Day for the Prevention of Violent Extremism",
        "Journée internationale de prévention de l'extrémisme violent",
        "Día Internacional para la Prevención del Extremismo Violento",
        "Dia Internacional para a Prevenção do Extremismo Violento",
        "Международный день предупреждения насильственного экстремизма",
    ],
)
def test_a_page_for_an_international_day_is_no_event_page(title: str) -> None:
    body = (
        "Today we mark the day. Violent extremism threatens societies, and preventing "
        "radicalisation needs schools, families and online forums to work together."
    )
    assert not relevance.judge(title, body).relevant


def test_a_conference_held_on_an_international_day_is_an_event() -> None:
    title = "International Day for the Prevention of Violent Extremism: a conference in Oslo"
    body = (
        "The conference on preventing violent extremism will be held in Oslo on 12 February, "
        "with experts on radicalisation from ten countries."
    )
    assert relevance.judge(title, body).relevant


@pytest.mark.parametrize(
    "title",
    [
        "В управлении состоялось заседание коллегии по вопросам профилактики терроризма",
        "Відбулося засідання колегії міністерства щодо протидії тероризму",
    ],
)
def test_a_session_of_a_ministrys_board_is_a_routine_sitting(title: str) -> None:
    body = (
        "Сегодня проведено расширенное заседание коллегии, посвященное работе ведомства по "
        "профилактике терроризма и экстремизма в районах области."
    )
    assert not relevance.judge(title, body).relevant


def test_a_conference_of_a_ministrys_board_members_is_still_a_conference() -> None:
    title = "Члены коллегии министерства приняли участие в конференции о терроризме"
    body = "Конференция о противодействии терроризму и экстремизму состоялась 5 мая в Казани."
    assert relevance.judge(title, body).relevant


@pytest.mark.parametrize(
    "body",
    [
        "Le centre de ressources propose, en plus de formations, un séminaire départemental sur "
        "la radicalisation. Ce séminaire permettra d'approfondir ses connaissances sur la "
        "prévention du terrorisme.",
        "Besides its courses, the institute holds a seminar on radicalisation on 4 May. The "
        "seminar will help participants build their skills in preventing terrorism.",
    ],
)
def test_training_named_beside_the_seminar_does_not_make_it_a_course(body: str) -> None:
    assert relevance.judge("Séminaire sur la radicalisation", body).relevant


def test_a_seminar_that_is_itself_the_course_stays_a_course() -> None:
    body = (
        "Le centre propose une formation et un séminaire sur la radicalisation. Ce séminaire "
        "permettra d'approfondir ses connaissances sur la prévention du terrorisme."
    )
    assert not relevance.judge("Séminaire sur la radicalisation", body).relevant
