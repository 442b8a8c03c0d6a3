"""The gate and the page's furniture (rules of issue 15's L13 round): courses that state their aim
as the participants' skills, trainings of trainers, a university department called a seminar, a
Spanish body's plenary, a profile's list of kinds of event, a master's course's workshop, an
AML/CFT body's headline; cookie notices, section labels and contact lines above a headline.
Every sentence is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import relevance
from confwatch.spiders.normalise.furniture import is_furniture
from confwatch.spiders.page import page_heading, read_page


def _judge(title: str, body: str) -> relevance.Verdict:
    return relevance.judge(title, body)


# --- courses ----------------------------------------------------------------------------------


def test_a_workshop_whose_aim_is_the_participants_skills_is_a_course() -> None:
    title = "Financement du terrorisme : les enquêteurs mieux outillés"
    body = (
        "L'atelier national sur le financement du terrorisme s'est ouvert lundi à Thiès. "
        "Cette formation de quatre jours réunit des policiers et des douaniers."
    )
    assert _judge(title, body).relevant
    skills = " Elle doit permettre aux agents de renforcer leurs compétences en enquête."
    assert _judge(title, body + skills).reason == "a training course, not a conference"


def test_participants_deepening_their_knowledge_at_a_training_make_it_a_course() -> None:
    title = "Workshop zur Abwehr von Terroranschlägen in Algier"
    body = (
        "Die erste Schulung des Projekts fand in Algier statt. Zwölf Fachleute aus der Region "
        "tauschten Erfahrungen zur Terrorismusabwehr aus."
    )
    assert _judge(title, body).relevant
    more = " Dabei vertieften sie ihr Wissen über den Schutz von Flughäfen."
    assert not _judge(title, body + more).relevant


def test_a_workshop_that_trains_trainers_is_a_course() -> None:
    body = (
        "The workshop on preventing violent extremism and terrorism took place in Kisumu with "
        "members of the County Peace Forum."
    )
    assert _judge("Workshop on preventing violent extremism", body).relevant
    title = "Trainer of Trainers Workshop on preventing violent extremism"
    assert _judge(title, body).reason == "a training course, not a conference"
    assert not _judge("A workshop for trainers of trainers on extremism", body).relevant


def test_a_workshop_of_a_masters_degree_for_its_students_is_a_course() -> None:
    title = "Radicalizzazione e terrorismo: il mio workshop all'Università di Pavia"
    body = (
        "Il 12 marzo terrò un workshop sul terrorismo jihadista per il Master di II livello "
        "in sicurezza. Condividerò con gli studenti le analisi sulla radicalizzazione."
    )
    assert _judge(title, body).reason == "a training course, not a conference"


# --- words that name no meeting --------------------------------------------------------------


def test_a_university_department_called_a_seminar_is_no_seminar() -> None:
    title = "Terrorismusforscher zu Gast in Mainz"
    body = (
        "Am 3. Mai spricht ein Politologe über den islamistischen Terrorismus. Der Vortrag wird "
        "vom Historischen Seminar der Universität Mainz organisiert und findet im Hörsaal 2 "
        "statt. Es geht um Terrorismus und Radikalisierung."
    )
    assert _judge(title, body).reason == "no conference/meeting wording"
    held = body.replace("Der Vortrag wird", "Das Seminar wird")
    held = held.replace("vom Historischen Seminar der Universität", "von der Universität")
    assert _judge(title, held).relevant


def test_a_list_of_the_kinds_of_event_a_body_runs_names_no_meeting() -> None:
    title = "Counter-terrorism institute marks ten years in Rabat"
    body = (
        "The institute was founded in 2014. Its courses, conferences, seminars and workshops "
        "on terrorism have drawn 9,000 participants. It studies violent extremism."
    )
    assert _judge(title, body).reason == "no conference/meeting wording"
    one = body + " Next month it holds a conference on terrorism in Rabat."
    assert _judge(title, one).relevant


def test_a_spanish_bodys_plenary_with_its_ordinal_is_an_event() -> None:
    body = (
        "Este martes se inauguró en Lima el XXX Pleno de Representantes del grupo regional "
        "contra el lavado de activos y el financiamiento del terrorismo."
    )
    assert _judge("", body).relevant
    # "pleno" in lower case is the adjective; a parliament's plenary names no conference.
    other = (
        "El pleno del Senado aprobó la ley contra el terrorismo. La norma castiga el "
        "financiamiento del terrorismo."
    )
    assert _judge("", other).reason == "no conference/meeting wording"


def test_an_aml_cft_bodys_headline_makes_one_topic_word_enough() -> None:
    body = "Experts met in Manila for the workshop, which covered AML/CFT and new payment methods."
    assert _judge("2019 APG Typologies Workshop", body).relevant
    assert _judge("2019 Typologies Workshop", body).reason == "no counter-terrorism topic"


# --- furniture ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies to improve your experience. Read our cookie policy.",
        "Este sitio web utiliza cookies propias para su funcionamiento. Más información en "
        "nuestra política de cookies",
        "Politique & Société",
        "+41 22 917 1234 / +41 22 917 5678",
        "Tel.: (030) 1234 5678",
        "contact@example.org",
    ],
)
def test_cookie_notices_section_labels_and_contact_lines_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Peace & Security Forum",
        "Conference on Terrorism & Media",
        "2019-2020",
        "Cookies and terrorism financing",
    ],
)
def test_names_and_short_year_ranges_are_no_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_a_cookie_notice_above_a_capture_is_no_heading() -> None:
    text = (
        "Este sitio web utiliza cookies propias y de terceros para mantener la sesión. Más "
        "información en nuestra política de Cookies\n\n"
        "El ministro participó en la Conferencia Regional contra el Terrorismo en Quito\n\n"
        "El ministro del Interior participó ayer en la Conferencia Regional contra el "
        "Terrorismo, celebrada en Quito."
    )
    page = read_page(text, "https://example.org/noticia", is_text=True)
    assert page_heading(page) == (
        "El ministro participó en la Conferencia Regional contra el Terrorismo en Quito"
    )


# --- a capture's header stack --------------------------------------------------------------


def test_a_headline_under_the_sites_short_header_lines_is_a_line_of_its_own() -> None:
    from confwatch.spiders.extract import text_to_html

    text = (
        "Menu\nSaturday, 4 March 2023\nLogo\n"
        "Regional seminar on terrorist financing opens in Accra\n"
        "Delegates at the opening session of the seminar (Ministry of the Interior)\n\n"
        "The seminar brought together officials from twelve countries."
    )
    html = text_to_html(text)
    assert "<p>Regional seminar on terrorist financing opens in Accra</p>" in html
    page = read_page(text, "https://example.org/news/1", is_text=True)
    assert page_heading(page) == "Regional seminar on terrorist financing opens in Accra"


def test_prose_wrapped_under_a_short_label_stays_one_paragraph() -> None:
    from confwatch.spiders.extract import text_to_html

    text = (
        "Agenda\nThe conference will discuss the threat posed by foreign terrorist\n"
        "fighters and their families returning home."
    )
    joined = "The conference will discuss the threat posed by foreign terrorist fighters and"
    assert f"<p>{joined} their families returning home.</p>" in text_to_html(text)
