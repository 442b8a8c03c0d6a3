"""Which pages announce an event, by kind of evidence (issue 15, classes 1 and 4).

Every text here is invented. Each test names a class of pages or phrasings: the event words and
topic words of every language of the lexicon, a headline that reports on the event, sentences
ended in another script's full stop, a page whose text names its event only by a description,
FAQ pages and the General Assembly's committees, photo captions and pages reporting several
meetings.
"""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders import sections
from confwatch.spiders.normalise import relevance
from confwatch.spiders.offline import extract_page
from confwatch.spiders.page import read_page
from confwatch.spiders.registry import offline_source
from tests.spiders.normalise.inline_pages import fields_of, skipped

JUNE = dt.date(2025, 6, 1)


def _events(text: str, published: dt.date | None = None) -> list[tuple[str, dt.date | None]]:
    """The events (title, start) a plain-text page yields through the generic spider."""
    found = extract_page(
        text,
        url="https://news.example.org/item/1",
        source=offline_source("generic", "https://news.example.org/item/1"),
        is_text=True,
        published=published,
    )
    return [(e.title, e.start_date) for e in found.events]


# --- event words and topic words, in every language --------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Expert meeting on terrorism",
        "Experts' meeting on terrorism",
        "Réunion d'experts sur le terrorisme",
        "Совещание экспертов по терроризму",
        "Reunión de expertos sobre terrorismo",
        "Expertengespräch zum Terrorismus",
    ],
)
def test_an_expert_meeting_is_an_event_in_every_language(title: str) -> None:
    assert relevance.judge(title, "").relevant


@pytest.mark.parametrize(
    "title",
    [
        "Rundtisch zur Prävention von Terrorismus",
        "Fachseminar Terrorismusabwehr",
        "Conversatorio sobre terrorismo",
        "Journée d'étude sur le terrorisme",
        "Коллоквиум по терроризму",
    ],
)
def test_round_tables_seminars_and_study_days_are_events_in_their_own_wording(title: str) -> None:
    assert relevance.judge(title, "").relevant


@pytest.mark.parametrize(
    "topic",
    [
        "combattants étrangers",
        "иностранных боевиков",
        "ausländische Kämpfer",
        "combatientes extranjeros",
        "terror financing",
        "C/PVE",
        "Islamist networks",
    ],
)
def test_foreign_fighters_terror_and_islamism_are_counter_terrorism_topics(topic: str) -> None:
    assert relevance.judge(f"Regional seminar on {topic}", "").relevant


# --- the page reports on its event: headline, lead ------------------------------------------


def test_a_headline_reporting_a_conference_keeps_the_conference_the_text_names_in_passing() -> None:
    body = (
        "Students and teachers from forty universities came to the capital for two days of "
        "talks on terrorism and extremism.\n\n"
        "Many of them said the threat of violent extremism on campus was growing fast.\n\n"
        "The two-day Conference entitled 'Youth against Extremism' should help universities "
        "and civil society work together against violent extremism."
    )
    assert skipped(body, title="KARACHI, May 3: Regional Youth Conference started here") is None


def test_a_headline_about_another_kind_of_meeting_does_not_keep_a_conference_in_passing() -> None:
    body = (
        "Students and teachers from forty universities came to the capital for two days of "
        "talks on terrorism and extremism.\n\n"
        "Many of them said the threat of violent extremism on campus was growing fast.\n\n"
        "The two-day Conference entitled 'Youth against Extremism' should help universities "
        "and civil society work together against violent extremism."
    )
    why = skipped(body, title="KARACHI, May 3: Minister and students hold a meeting")
    assert why == "not a conference page: the event is only mentioned in passing"


def test_questions_opening_a_page_are_a_teaser_not_the_lead_that_names_its_event() -> None:
    body = (
        "Wie können Schulen einer Radikalisierung junger Menschen wirksam vorbeugen? "
        "Welche Rolle spielen Familien und Vereine in der Prävention von Extremismus?\n"
        'Die mit der Stadt Kassel geplante Fachtagung "Extremismus verstehen! Prävention in '
        'Schule und Verein" mussten wir im Frühjahr leider absagen. '
        "Nun bieten wir im Herbst Fachleuten aus Praxis und Wissenschaft Raum, Wege gegen "
        "Radikalisierung und Terrorismus zu erarbeiten."
    )
    assert skipped(body) is None


def test_a_lead_ended_by_an_arabic_middle_dot_is_a_sentence_of_running_text() -> None:
    body = (
        "انطلقت في العاصمة أمس فعاليات مؤتمر يجمع خبراء من مناطق عدة لمكافحة الإرهاب ومنع "
        "التطرف· وافتتح الوزير المؤتمر الإقليمي الثالث لمكافحة الإرهاب والذي يختتم فعالياته "
        "اليوم وتنظمه الجامعة·"
    )
    assert skipped(body) is None


# --- a page whose text names its event only by a description ------------------------------


def test_a_page_without_heading_or_name_gets_the_noun_phrase_of_its_lead_as_title() -> None:
    body = (
        "Le projet européen touchant à sa fin, nous organisons un colloque de clôture ce "
        "14 mars 2024 à Namur sur la prévention de la radicalisation violente.\n\n"
        "La radicalisation reste un enjeu, et le terrorisme une menace."
    )
    f = fields_of(body, published=dt.date(2024, 2, 1))
    assert f.title == "colloque de clôture"
    assert f.start_date == dt.date(2024, 3, 14)


def test_a_lead_naming_its_event_by_a_bare_noun_gives_no_title() -> None:
    body = (
        "The minister this morning inaugurated a workshop held in Mombasa by the regional "
        "centre, on countering violent extremism and terrorism.\n\n"
        "Fifty participants attend."
    )
    assert skipped(body) == "no title"


def test_holds_with_its_object_announces_a_meeting_in_french() -> None:
    body = (
        "Le Groupe de travail tient une réunion de coordination le 6 mai 2024 à Niamey, "
        "consacrée à la lutte contre le terrorisme et à la prévention de l'extrémisme.\n\n"
        "Le terrorisme menace la région."
    )
    f = fields_of(body, published=dt.date(2024, 5, 2))
    assert f.title == "réunion de coordination"
    assert f.start_date == dt.date(2024, 5, 6)


# --- pages that look like events and are none ---------------------------------------------


@pytest.mark.parametrize(
    "first_line",
    ["Frequently asked questions", "Questions fréquentes", "Preguntas frecuentes", "FAQ"],
)
def test_a_faq_page_is_no_event_page(first_line: str) -> None:
    body = (
        f"{first_line}\n\n"
        "The Committee held a special meeting on terrorism in Vienna on 3-4 May 2023.\n\n"
        "What is terrorism? Many instruments against terrorism define it."
    )
    assert skipped(body) is not None


def test_a_session_of_a_general_assembly_main_committee_is_no_event() -> None:
    body = (
        "Measures to eliminate international terrorism (agenda item 110).\n\n"
        "Documents on terrorism: report of the Secretary-General on terrorism."
    )
    assert skipped(body, title="Sixth Committee (Legal) — 80th session") is not None


# --- sections: captions and several meetings on one page ------------------------------------


def test_a_photo_caption_does_not_start_a_second_event() -> None:
    text = (
        "Gulf states join Arab counter-terrorism meeting in Cairo\n\n"
        "Gulf states took part in the 12th meeting of the Arab Counter-Terrorism Experts Group "
        "in Cairo on 4 March 2025. Terrorism financing was its theme.\n\n"
        "Delegates attend 12th meeting of Arab Counter-Terrorism Experts Group (Photo/ABC)\n\n"
        "The 12th meeting of the Arab Counter-Terrorism Experts Group convened in Cairo, with "
        "Gulf delegates playing a key part against terrorism.\n\n"
        "Arab states compared how they prevent terrorism."
    )
    assert len(_events(text, published=dt.date(2025, 3, 5))) == 1


def test_a_paragraph_naming_a_qualified_meeting_with_its_own_later_date_is_another_event() -> None:
    text = (
        "THE regional commission will bring together civil society to talk about the fight "
        "against terrorism in the region.\n\n"
        "The two-day meeting, which will hold in Accra, Ghana on 10 and 11 June 2025, will "
        "discuss the fight against terrorism and violent extremism.\n\n"
        "The civil society meeting will be followed by the joint meeting of the Chiefs of "
        "Police on Counter-Terrorism on 16 and 17 June 2025, in Lomé, Togo.\n\n"
        "Both meetings prepare a summit on terrorism."
    )
    page = read_page(text, "https://news.example.org/item/1", is_text=True, published=JUNE)
    found = sections.event_sections(page)
    assert [s.blocks[0].text.split()[:3] for s in found] == [
        ["THE", "regional", "commission"],
        ["The", "civil", "society"],
    ]


def test_a_later_dated_meeting_in_a_paragraph_long_before_the_page_is_no_other_event() -> None:
    text = (
        "THE regional commission will bring together civil society to talk about the fight "
        "against terrorism in the region.\n\n"
        "The two-day meeting, which will hold in Accra, Ghana on 10 and 11 June 2025, will "
        "discuss the fight against terrorism and violent extremism.\n\n"
        "It follows the joint meeting of the Chiefs of Police on Counter-Terrorism on 16 and "
        "17 June 2021, in Lomé, Togo."
    )
    page = read_page(text, "https://news.example.org/item/1", is_text=True, published=JUNE)
    assert sections.event_sections(page) == []


def test_a_dateline_does_not_make_a_report_of_one_meeting_a_second_event() -> None:
    text = (
        "The director addresses the Defence Against Terrorism Conference (Contributed Photo).\n\n"
        "ANKARA, Turkey (Oct. 23, 2025) – As participants were preparing for a Defence Against "
        "Terrorism conference held Oct. 13 to 15 here, a terrorist attack struck the city.\n\n"
        "The conference served as a reminder that nations must stand together against "
        "terrorism and violent extremism."
    )
    assert len(_events(text, published=dt.date(2025, 10, 23))) <= 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Delegates arrived for the plenary of the Northern Group on combating money "
        "laundering and the financing of terrorism.",
        "В Казани открылась пленарная неделя Северной группы по противодействию отмыванию "
        "денег и финансированию терроризма.",
    ],
)
def test_a_meeting_of_a_body_named_for_the_topic_is_on_that_topic(sentence: str) -> None:
    # One topic word only, inside the name of the body whose meeting it is.
    verdict = relevance.judge("Guests toured the old palace", f"{sentence}\n\nThe tour lasted.")
    assert verdict.relevant, verdict.reason


def test_a_body_named_for_the_topic_beside_another_kind_of_gathering_is_no_topic() -> None:
    # "on Monday" says when the Chamber's conference was, not what it was on.
    body = (
        "The conference of the Regional Chamber was held on Monday, where a visitor spoke "
        "of terrorism.\n\nA panel discussed the harbour."
    )
    assert not relevance.judge("Guests toured the old palace", body).relevant


def test_a_plenary_week_is_an_event_in_russian() -> None:
    body = (
        "С 3 по 7 марта в Казани проходит пленарная неделя Северной группы по противодействию "
        "финансированию терроризма. Эксперты обсудят оценку систем противодействия "
        "финансированию терроризма."
    )
    assert relevance.judge("Пленарная неделя Северной группы", body).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Regional Security Committee holds its annual meeting in Portmore",
            "The committee will meet on 4 and 5 May to discuss maritime patrols, disaster "
            "response and counter terrorism cooperation among member states.",
        ),
        (
            "Министры внутренних дел Северного союза провели первое заседание",
            "Министры обсудили борьбу с незаконной миграцией, киберпреступностью и "
            "экстремизмом на первом заседании, которое состоялось 6 сентября.",
        ),
        (
            "Interior ministers of the coastal states hold their first meeting",
            "The meeting on 6 September took up border crossings, smuggling and violent extremism.",
        ),
    ],
)
def test_a_security_body_in_the_headline_makes_one_topic_word_enough(title: str, body: str) -> None:
    assert relevance.judge(title, body).relevant


def test_a_headline_without_a_security_body_needs_the_topic_twice() -> None:
    title = "Regional Trade Committee holds its annual meeting in Portmore"
    body = (
        "The committee will meet on 4 and 5 May to discuss tariffs, shipping and, briefly, "
        "counter terrorism cooperation among member states."
    )
    assert not relevance.judge(title, body).relevant


def test_a_name_listed_with_a_committee_is_a_body_not_a_meeting() -> None:
    # "Congreso" heads the first name, but the list it stands in is a list of bodies.
    title = "Congreso Andino de Municipios (CAM) y el Comité Regional de Prevención (CRP)"
    body = (
        "La secretaria general presentó el programa de prevención del extremismo violento, "
        "impulsado por el Congreso Andino de Municipios (CAM) y el Comité Regional de "
        "Prevención (CRP), destinado a funcionarios. El terrorismo, dijo, amenaza a todos."
    )
    assert not relevance.judge(title, body).relevant


def test_a_conference_listed_with_another_meeting_is_still_a_meeting() -> None:
    title = "Congreso Andino sobre Terrorismo (CAT)"
    body = (
        "Se celebró el Congreso Andino sobre Terrorismo (CAT) y el Foro Juvenil de Prevención "
        "(FJP) en Quito, con expertos en extremismo violento y terrorismo."
    )
    assert relevance.judge(title, body).relevant
