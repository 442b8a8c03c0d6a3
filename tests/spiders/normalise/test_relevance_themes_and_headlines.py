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
from tests.spiders.normalise.inline_pages import fields_of


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


_HEADLINE_PAGE = (
    "Версия для слабовидящих\n\n"
    "Круглый стол «Терроризм — угроза молодёжи» прошёл в городской библиотеке\n\n"
    "Главная тема встречи — как не допустить распространения экстремистских идей среди "
    "молодёжи района.\n\n"
    "За одним столом собрались полицейские, священники, учителя и студенты колледжа, "
    "и разговор шёл о противодействии экстремизму и терроризму в сети."
)


def test_a_headline_line_saying_the_round_table_was_held_reports_it() -> None:
    fields = fields_of(_HEADLINE_PAGE)
    assert fields.title == "Терроризм — угроза молодёжи"


def test_a_headline_line_after_the_story_began_is_a_teaser() -> None:
    from confwatch.spiders.normalise import _headline_announces

    story = (
        "Der Minister sprach am Montag in Bonn über die Lage der Polizei und die Gefahr des "
        "Terrorismus, über Extremismus im Netz und die Ausrüstung der Beamten."
    )
    teaser = "Tagung «Sicherheit im Netz» fand in Köln statt"
    assert _headline_announces("Sicherheit im Netz", f"{teaser}\n\n{story}")
    assert not _headline_announces("Sicherheit im Netz", f"{story}\n\n{teaser}")


_COLLOQUE_PAGE = (
    "« La menace terroriste est réelle dans notre région », a déclaré le ministre de la "
    "défense le jeudi 3 mars 2022 à Dakar.\n\n"
    "Il présidait la cérémonie d’ouverture du colloque marquant le lancement de l’Institut "
    "d’études sur le terrorisme.\n\n"
    "Le ministre a rappelé que la lutte contre le terrorisme est une priorité du gouvernement.\n\n"
    "Ce premier colloque dont le thème est « Terrorisme et frontières au Sahel » permettra aux "
    "chercheurs de présenter leurs travaux."
)


def test_a_lead_naming_the_colloquium_reports_the_colloquium_its_theme_names() -> None:
    fields = fields_of(_COLLOQUE_PAGE)
    assert fields.title == "Terrorisme et frontières au Sahel"


def test_a_lead_naming_another_meeting_first_does_not_report_the_seminar() -> None:
    from confwatch.spiders.normalise import _lead_names_kind

    lead = (
        "On 7 and 8 May, participants in a high-level meeting in Tunis examined terrorism in the "
        "Sahel and the threat of violent extremism for the region. The seminar's conclusions "
        "will feed into the drafting of a regional plan."
    )
    assert not _lead_names_kind("Seminar on the Sahel", lead)
    assert _lead_names_kind("Seminar on the Sahel", lead.replace("high-level meeting", "seminar"))


_TALK_TITLE = "Vortrag zur Radikalisierung im Netz am 6. Mai, Wien"


def test_a_talk_at_a_conference_the_opening_announces_is_the_conferences_page() -> None:
    body = (
        "Das Institut für Sicherheitsforschung und die Universität Wien organisieren ihre erste "
        "gemeinsame Konferenz zum Thema Radikalisierung und Extremismus im digitalen Zeitalter.\n\n"
        "Im ersten Vortrag geht es um extremistische Inhalte im Netz."
    )
    assert judge(_TALK_TITLE, body).relevant


def test_a_talk_whose_opening_announces_no_conference_stays_a_talk() -> None:
    body = (
        "Der Politikwissenschaftler spricht über Radikalisierung und Extremismus im Netz und "
        "über die Prävention in Schulen.\n\nDer Eintritt ist frei."
    )
    assert judge(_TALK_TITLE, body).reason == (
        "title is a statement, visit, appointment or election item"
    )


def test_german_bodies_that_organise_in_the_present_plural_announce_their_conference() -> None:
    from confwatch.spiders.normalise.sentences import announces_event

    assert announces_event("Die Stadt und der Verein organisieren eine Tagung über Extremismus.")


def test_a_line_of_sentences_run_on_is_no_headline() -> None:
    from confwatch.spiders.normalise import _headline_announces

    line = "Riga, 3 May 2031 - LETA. Experts gathered for the Regional Conference on Extremism"
    assert not _headline_announces("Regional Conference on Extremism", line)
