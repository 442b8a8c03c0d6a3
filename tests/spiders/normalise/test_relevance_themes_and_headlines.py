"""The gate (GATE round): a meeting's theme introduced by the lexicon's theme words is its subject;
P/CVE topics named without the word extremism (neo-Nazism) are on topic; a body against
terrorist financing written as a name ("Gafilat") heads a page on topic, and its capitalised
plenary ("la XXX Plenaria") is its meeting; a page whose headline line says the event was held,
or whose lead first names a meeting of the event's own kind, reports that event rather than
naming it in passing. Every sentence is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.relevance import judge


@pytest.mark.parametrize(
    "body",
    [
        "В Казани состоялся круглый стол на тему: «Противодействие экстремизму среди студентов». "
        "Его провели университет и городская администрация.",
        "In Graz fand eine Podiumsdiskussion statt, und die Tagung unter dem Motto „Extremismus "
        "im Netz“ brachte Lehrkräfte und Polizei zusammen.",
        "La faculté a organisé un colloque sous le thème « Radicalisation et école » avec des "
        "enseignants et des chercheurs.",
    ],
)
def test_a_topic_after_a_meetings_theme_words_is_its_subject(body: str) -> None:
    assert judge("", body).relevant


def test_a_topic_word_in_passing_after_a_meeting_is_still_not_enough() -> None:
    body = (
        "The chamber held a conference on trade with the region. Tourism, transport and, "
        "briefly, extremism were mentioned by a speaker."
    )
    assert not judge("", body).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Seminário sobre o enfrentamento do neonazismo no Sul",
            "O Ministério Público realiza o seminário nos dias 3 e 4 de maio em Curitiba.",
        ),
        (
            "Conference on neo-Nazi networks in Europe",
            "The conference will take place in Lyon on 3 May 2031 with researchers and police.",
        ),
    ],
)
def test_a_meeting_on_neo_nazism_is_on_topic(title: str, body: str) -> None:
    assert judge(title, body).relevant


def test_a_plenary_of_a_body_against_terrorist_financing_written_as_a_name_is_on_topic() -> None:
    title = "Inicia pleno del Gafilat en Lima: el viernes se conocerá la evaluación"
    body = (
        "Este lunes inició la XXX Plenaria del Gafilat en Lima, con las delegaciones de los "
        "sistemas contra el lavado de activos y el financiamiento del terrorismo."
    )
    assert judge(title, body).relevant


def test_a_plenary_in_lower_case_is_a_session_of_a_forum_not_a_meeting() -> None:
    found = lexicon.event_words("la plenaria titulada Violencia y ciudad", lexicon.STRONG)
    assert [w.text for w in found] == []
