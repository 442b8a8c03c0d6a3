"""Relevance: is a page a conference-like event on counter-terrorism / violent extremism?

Besides the wording of events and topics: meetings of counter-terrorism bodies count, visits,
about pages, fact sheets and topic pages do not, and an event named only in passing (or as the
occasion of something else) makes no event page, while an opening sentence announcing it does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confwatch.spiders.normalise.relevance import RelevanceRule, Verdict, judge
from tests.spiders.normalise.inline_pages import fields_of, skipped

SEED_PAGES = Path("/work/shared/reference/seed-pages")
D = dt.date
SEMINAR_002 = (
    "OSCE organizes first seminar on community-policing approaches to countering violent "
    "extremism and radicalization that lead to terrorism in Mongolia"
)


def _seed(name: str) -> str:
    path = SEED_PAGES / name
    if not path.exists():
        pytest.skip(f"seed page {path} is not on this machine")
    return path.read_text("utf-8")


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("000_402f717c01b2ddaa.txt", "Regional Conference on Whole-of-Society Approach"),
        ("001_f3a70d0b99e1625d.txt", "High-level Inter-Regional Conference on P/CVE"),
        ("002_95ad788cfc2c4858.txt", SEMINAR_002),
        ("003_3df61af459581264.txt", "Regional conferences"),
        ("004_bbe157b3dd6b5412.txt", "OSCE-wide Counter-Terrorism Conference 2020"),
    ],
)
def test_seed_pages_are_relevant(page: str, title: str) -> None:
    assert judge(title, _seed(page)).relevant


def test_report_of_a_seminar_that_was_held_is_relevant() -> None:
    body = (
        "ULAANBAATAR, 6 July 2017 - A two-day national seminar on a community-policing approach to "
        "countering violent extremism and radicalization that lead to terrorism (VERLT), organized "
        "by the OSCE, concluded today in Ulaanbaatar."
    )
    assert judge(SEMINAR_002, body).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "OSCE observes parliamentary elections in Mongolia",
            "The election observation mission held a press conference on terrorism and terrorism.",
        ),
        (
            "OSCE conference on combating trafficking in human beings",
            "The conference discussed trafficking; links to terrorism were mentioned.",
        ),
        (
            "OSCE Secretary General visits Mongolia",
            "He discussed counter-terrorism and terrorism financing; a conference was mentioned.",
        ),
        (
            "Statement by the Chair at the UN Security Council",
            "Terrorism remains a threat. Counter-terrorism meeting of the Council.",
        ),
        ("New Head of Mission appointed", "The appointment was announced at a conference."),
        ("Annual report 2019", "Terrorism and violent extremism remain threats."),
        (None, "The Ministry published its budget."),
    ],
)
def test_other_press_releases_are_not_relevant(title: str | None, body: str) -> None:
    assert not judge(title, body).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Конференция по противодействию терроризму", ""),
        ("Семинар", "Семинар по противодействию экстремизму и терроризму пройдет в Минске."),
        ("Conférence sur la prévention de la radicalisation", ""),
        ("Webinar on P/CVE and youth", ""),
        ("Expert meeting on FTFs", ""),
        (
            None,
            "The conference on preventing violent extremism will be held in Vienna. "
            "Radicalization to terrorism will be discussed.",
        ),
    ],
)
def test_conferences_in_other_languages_and_acronyms_are_relevant(
    title: str | None, body: str
) -> None:
    assert judge(title, body).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # Event wording the gate once missed: a case form, a compound, a qualified meeting.
        (
            "ОБСЕ поддерживает в Астане дискуссию по борьбе с терроризмом",
            "Тенденции терроризма обсуждались на международном круглом столе, который состоялся "
            "сегодня в Астане.",
        ),
        ("BKA: Einladung zur Herbsttagung", "Extremismus und Terrorismus sind das Thema."),
        (
            "EEUU reunirá a representantes de las Américas para hablar sobre terrorismo",
            "El Departamento de Estado acogerá una reunión ministerial sobre cooperación "
            "antiterrorista.",
        ),
        (
            "Council of Europe hosts UN body on terrorism",
            "The Council of Europe will host a special meeting of the Counter-Terrorism "
            "Committee. Terrorism is the greatest threat.",
        ),
        (
            "В Петербурге эксперты обсудили вопросы борьбы с терроризмом",
            "Там состоялось 35-е заседание Совета региональной антитеррористической структуры.",
        ),
        ("Conferencia Internacional sobre Víctimas del Terrorismo", ""),
        ("A Roma la conferenza sulla deradicalizzazione", ""),
        # Topics worded otherwise: financing, the fight against extremism, returning fighters.
        ("Séminaire régional sur le financement du terrorisme", ""),
        ("Colloque: lutte contre l'extrémisme violent", ""),
        ("Семинар: противодействие экстремизму", ""),
        ("Workshop on returning fighters", ""),
        ("Ministerial meeting of the Coalition against Daesh", ""),
        ("Конференция глав антитеррористических ведомств", ""),
    ],
)
def test_event_and_topic_wording_of_every_language_is_read(title: str, body: str) -> None:
    assert judge(title, body).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # Training courses are no conferences (eval-format §5.1), by title or by the page's words.
        (
            "OSCE Mission organizes anti-terrorism training for regional agencies",
            "The training course on terrorism and violent extremism was held in Tbilisi.",
        ),
        (
            "By our correspondent, 23 September 2022",
            "A regional training course on terrorism took place; the training and the event "
            "covered violent extremism.",
        ),
        # A body's bare session: "прошло совместное заседание" is a routine sitting.
        (
            "В Москве прошло совместное заседание антитеррористического комитета",
            "Сегодня проведено совместное заседание по противодействию терроризму.",
        ),
        # A General Assembly session is no event either (§5.1).
        (
            "Statement at the General Assembly",
            "The plenary meeting of the General Assembly on terrorism was held in New York.",
        ),
        ("Press conference on terrorism", "The press conference on terrorism was held today."),
    ],
)
def test_look_alike_pages_stay_out(title: str, body: str) -> None:
    assert not judge(title, body).relevant


def test_a_training_course_is_named_as_the_reason() -> None:
    verdict = judge("Training course on countering terrorism", "Terrorism and extremism.")
    assert verdict.reason == "a training course, not a conference"


def test_reasons_name_what_is_missing() -> None:
    assert judge("Annual report", "terrorism terrorism").reason == "no conference/meeting wording"
    assert judge("Regional conference on water", "water").reason == "no counter-terrorism topic"


def test_topic_word_once_in_body_is_not_enough() -> None:
    assert not judge("Regional seminar", "The seminar touched on terrorism once.").relevant
    assert judge("Regional seminar", "Terrorism and violent extremism were the themes.").relevant


def test_without_a_date_the_title_must_name_the_event() -> None:
    body = "The conference on terrorism and violent extremism in Central Asia."
    assert judge("News from Central Asia", body, has_date=True).relevant
    assert not judge("News from Central Asia", body, has_date=False).relevant
    assert judge("Conference on terrorism", body, has_date=False).relevant


def test_rule_from_config_reads_extra_topics_and_exclusions() -> None:
    rule = RelevanceRule.from_config(
        {"extra_topic_words": ["border security"], "exclude_words": "vacancy", "bogus": 1}
    )
    assert rule == RelevanceRule(extra_topic_words=("border security",), exclude_words=("vacancy",))
    assert judge("Workshop on border security", "", rule=rule).relevant
    verdict = judge("Vacancy: conference officer on terrorism", "", rule=rule)
    assert verdict == Verdict(False, "excluded by source rule: 'Vacancy'")


def test_rule_from_config_ignores_bad_values() -> None:
    assert RelevanceRule.from_config(None) == RelevanceRule()
    assert RelevanceRule.from_config({"require_event_words": "no", "extra_topic_words": 3}) == (
        RelevanceRule()
    )


def test_rule_can_drop_either_requirement() -> None:
    no_event = RelevanceRule(require_event_words=False)
    no_topic = RelevanceRule(require_topic_words=False)
    assert judge("Annual report on terrorism", "", rule=no_event).relevant
    assert judge("Regional conference on water", "", rule=no_topic).relevant


@given(st.one_of(st.none(), st.text()), st.text(), st.booleans())
def test_judge_never_raises_on_arbitrary_text(title: str | None, body: str, has_date: bool) -> None:
    verdict = judge(title, body, has_date=has_date)
    assert isinstance(verdict.relevant, bool) and verdict.reason


# --- meetings, visits and pages that only mention an event ---------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Twelfth GCTF Coordinating Committee Meeting",
        "Ninth meeting of the Committee on Countering Terrorism",
        "Joint Web Dialogue on the latest trends",
    ],
)
def test_ct_bodies_meetings_and_web_dialogues_are_relevant(title: str) -> None:
    body = "Members of the GCTF met to compare national experience. The CTED briefed them."
    assert judge(title, body).relevant


def test_a_weak_meeting_word_in_a_sentence_saying_it_was_held_counts_as_event_wording() -> None:
    body = (
        "27-30 июня 2022 года в г. Стамбул состоялось мероприятие по контртерроризму. "
        "Обсуждались угрозы терроризма."
    )
    assert judge(None, body).relevant


def test_german_conference_words_are_event_wording() -> None:
    verdict = judge(
        "Internationale Anti-Terror-Konferenz der OSZE", "Terrorismus im digitalen Zeitalter."
    )
    assert verdict.relevant


def test_meeting_with_a_partner_is_a_visit_not_a_conference() -> None:
    verdict = judge(
        "Meeting with partner institution Hedayah in Abu Dhabi",
        "The seminar discussed terrorism and violent extremism.",
    )
    assert not verdict.relevant


@pytest.mark.parametrize(
    "body",
    [
        "О нас\n\nGeneral Assembly meeting\n\nThe Office on terrorism was established "
        "on 15 June 2017 "
        "by the General Assembly to lead counter-terrorism.",
    ],
)
def test_an_about_page_is_not_a_conference_page(body: str) -> None:
    assert skipped(body) is not None


def test_a_fact_sheet_about_a_forum_is_not_a_conference_page() -> None:
    body = "The GCTF is a counterterrorism platform launched at a ministerial meeting in New York."
    assert (
        skipped(body, title="Co-Chairs' Fact Sheet: About the Global Counterterrorism Forum")
        is not None
    )


def test_a_workshop_mentioned_in_passing_in_a_topic_page_is_no_event() -> None:
    body = (
        "Violent extremism and radicalization that lead to terrorism worry States seriously.\n\n"
        "Terrorism is part of the agenda, and experts bring knowledge of it to the table.\n\n"
        "Political attention to terrorism has been growing in recent years in the region.\n\n"
        "The organisation has worked against incitement to terrorism since 2004 in many ways.\n\n"
        "Furthermore, a workshop on Preventing Violent Extremism was held in Vienna on 24 October "
        "2008, organized by the Action against Terrorism Unit."
    )
    assert skipped(body) is not None


def test_an_event_named_only_as_the_occasion_of_something_else_is_no_event() -> None:
    body = (
        "ABU DHABI, (WAM - 22nd Dec, 2019) Hedayah, the centre against violent extremism, has "
        "signed a memorandum with the UN Office of Counter-Terrorism on the margins of the Civil "
        "Society Workshop.\n\nThe memorandum extends programmes against terrorism."
    )
    assert skipped(body) is not None


def test_an_opening_sentence_that_announces_the_event_keeps_it() -> None:
    body = (
        "Hedayah and the Global Center on Cooperative Security convened twenty-three experts to a "
        "closed roundtable in Abu Dhabi, United Arab Emirates, from 4-5 December 2013 on violent "
        "extremism.\n\nParticipants discussed terrorism."
    )
    f = fields_of(body)
    assert (f.start_date, f.city) == (D(2013, 12, 4), "Abu Dhabi")


# --- issue 15: security meetings, courses called workshops, events calendars ---------------


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Regional police chiefs meeting in Apia",
            "A two-day meeting of police chiefs will be held in Apia this week. Its chair says the "
            "agenda covers transnational crime, border management and counter terrorism.",
        ),
        (
            "Руководители спецслужб съехались в Уфу",
            "В Уфе состоится совещание руководителей спецслужб. Главной темой станет "
            "координация антитеррористической деятельности.",
        ),
        (
            "Einladung zur Jahrestagung des Landeskriminalamtes",
            "Die Tagung widmet sich in diesem Jahr dem Extremismus im Netz.",
        ),
    ],
)
def test_a_security_meeting_whose_agenda_names_terrorism_once_is_on_topic(
    title: str, body: str
) -> None:
    assert judge(title, body).relevant


def test_a_headline_saying_only_security_still_needs_terrorism_named_twice() -> None:
    body = (
        "The conference reviews politico-military security in the region. Organised with the "
        "Action against Terrorism Unit."
    )
    verdict = judge("2027 Annual Security Review Conference", body)
    assert verdict.reason == "no counter-terrorism topic"


def test_terrorism_named_once_under_a_headline_about_something_else_is_no_topic() -> None:
    body = "The forum discussed trade, tourism and, briefly, terrorism."
    assert judge("Regional trade forum meets in Apia", body).reason == "no counter-terrorism topic"


@pytest.mark.parametrize(
    "body",
    [
        "The centre concluded the second workshop of its module on security. Over three days "
        "participants discussed violent extremism; at the end they were awarded a certificate.",
        "UNODC hosted a three-day workshop on terrorism financing. Officials opened the training; "
        "practical exercises and case studies followed on each day.",
        "Das Seminar behandelt den internationalen Terrorismus. Simulationen machen die "
        "Seminarmodule anschaulich.",
    ],
)
def test_a_workshop_with_the_marks_of_a_course_is_a_training_course(body: str) -> None:
    verdict = judge("Workshop on preventing violent extremism", body)
    assert verdict.reason == "a training course, not a conference"


def test_a_conference_with_practical_exercises_and_certificates_stays_a_conference() -> None:
    body = (
        "The international conference on violent extremism includes practical exercises; "
        "participants receive a certificate of attendance."
    )
    assert judge("International conference on terrorism", body).relevant


def test_a_workshop_with_one_mark_of_teaching_stays_a_workshop() -> None:
    body = "The workshop on violent extremism closed with a simulation of a crisis meeting."
    assert judge("Regional workshop on terrorism", body).relevant


def test_an_events_calendar_entry_with_a_venue_and_speakers_is_an_event_page() -> None:
    body = (
        "Combating Terrorism in Europe: Tools and Responses\n\nDate: Thursday, 17 May 2018\n\n"
        "Venue: Hotel Europa | City: Brussels, Belgium\n\nKey Speakers\n\n"
        "Dr A. Expert, Professor of Security Studies\n\n"
        "Several countries have suffered terrorist attacks by violent extremist groups."
    )
    assert judge("Combating Terrorism in Europe: Tools and Responses", body).relevant


def test_a_vacancy_with_a_location_line_but_no_speakers_is_no_event_page() -> None:
    body = (
        "Lieu: New York\n\nThe consultant will support counter-terrorism programmes "
        "and terrorism prevention projects.\n\nDeadline: 31 January 2022"
    )
    assert judge("Consultant, counter-terrorism programmes", body).reason == (
        "no conference/meeting wording"
    )


# --- a body's name is no meeting; a press conference's "conference" is no second one ------


BODY_AS_AGENT = (
    "Representatives of the members of the Northern Policy Forum (NPF) met in Tromsø for three "
    "days to review sanctions against the financing of terrorism. The seminar, sponsored by NPF, "
    "was opened on Monday. The meeting was organised by the Arctic Lawyers Congress and the "
    "Ministry of Justice, with the support of the Nordic Security Forum."
)


@pytest.mark.parametrize(
    "title",
    [
        "Northern Policy Forum",  # glossed with an acronym that sponsors the seminar
        "Arctic Lawyers Congress",  # the agent of "organised by"
        "Arctic Lawyers Congress and the Ministry of Justice",
        "Support to a Nordic Security Forum initiative against terrorism",  # "with the support of"
    ],
)
def test_a_title_naming_a_body_with_an_event_noun_names_no_meeting(title: str) -> None:
    verdict = judge(title, BODY_AS_AGENT)
    assert verdict == Verdict(False, "the title names a body, not a meeting")


def test_the_body_organising_a_meeting_leaves_the_meeting_named_in_the_title_an_event() -> None:
    title = "Regional Seminar on the Financing of Terrorism of the Northern Policy Forum"
    assert judge(title, BODY_AS_AGENT).relevant


def test_an_acronym_alone_does_not_make_a_meeting_a_body() -> None:
    body = (
        "The Harbour Conference on Terrorism (HCT) will be held in Gdańsk on 3 May 2025. "
        "It is organised by the Baltic Institute of Security."
    )
    assert judge("Harbour Conference on Terrorism", body).relevant


def test_a_congress_body_named_in_spanish_as_organiser_is_no_title_of_a_meeting() -> None:
    body = (
        "Organizado por el Congreso Andino de Juristas (CAJ), el curso sobre prevención del "
        "terrorismo reunió a fiscales de la región. El Congreso Andino de Juristas (CAJ) "
        "entregó los diplomas del curso."
    )
    assert not judge("Congreso Andino de Juristas", body).relevant


@pytest.mark.parametrize(
    "body",
    [
        "The press conference of the anti-terrorism committee was held at the press centre. "
        "At the conference the deputy head spoke about preventing terrorism and extremism.",
        "Пресс-конференция руководителя аппарата комитета состоялась в пресс-центре. Речь на "
        "конференции шла о профилактике терроризма и экстремизма.",
        "La conferencia de prensa del comité contra el terrorismo tuvo lugar ayer. En la "
        "conferencia se habló de la prevención del terrorismo y del extremismo.",
    ],
)
def test_the_conference_after_a_press_conference_is_that_press_conference(body: str) -> None:
    assert not judge("Peace on our land", body).relevant


def test_a_conference_announced_at_a_press_conference_is_still_a_conference() -> None:
    body = (
        "At a press conference on Monday the minister announced an international conference "
        "on terrorism and violent extremism. The conference will take place in May."
    )
    assert judge("Minister announces plans", body).relevant


def test_a_training_workshop_led_by_lecturers_is_a_course() -> None:
    body = (
        "A training workshop on countering the financing of terrorism began yesterday at the "
        "committee. Lecturers from the national police academy will lead the four-day workshop "
        "for staff of banks and prosecutors."
    )
    verdict = judge("Police experts to speak at workshop on terror financing", body)
    assert verdict == Verdict(False, "a training course, not a conference")


def test_a_workshop_with_lecturers_but_no_training_wording_stays_a_workshop() -> None:
    body = (
        "University lecturers and prosecutors met at a regional workshop on preventing violent "
        "extremism held in Skopje on 4 May 2025."
    )
    assert judge("Regional workshop on preventing violent extremism", body).relevant


def test_awareness_workshops_of_a_campaign_with_role_play_are_teaching() -> None:
    body = (
        "«Juntos» es la campaña con la que el Gobierno quiere evitar que la radicalización "
        "violenta llegue a los jóvenes, con talleres de sensibilización en los institutos. "
        "Los talleres formativos incluyen un juego de rol sobre el discurso de odio y el "
        "extremismo violento."
    )
    verdict = judge("Talleres de sensibilización en los institutos", body)
    assert verdict == Verdict(False, "a training course, not a conference")


def test_one_awareness_workshop_without_other_marks_of_teaching_stays_a_workshop() -> None:
    body = (
        "Un taller de sensibilización sobre el extremismo violento reunirá a alcaldes y "
        "jueces en Cuenca el 12 de mayo de 2025."
    )
    assert judge("Taller sobre extremismo violento en Cuenca", body).relevant


def test_a_press_conference_page_with_a_slogan_for_headline_is_no_event_page() -> None:
    body = (
        "Rueda de prensa posterior al Consejo de Ministros.\n\n"
        "El Gobierno ha aprobado hoy un plan nacional contra la radicalización violenta, "
        "según explicó la portavoz en la rueda de prensa. El plan prevé grupos locales de "
        "prevención del terrorismo en cada provincia y una unidad de seguimiento.\n\n"
        "La portavoz recordó que el plan sigue las líneas marcadas por la Unión Europea en los "
        "últimos años, y que varios ministerios trabajarán juntos en su aplicación, con las "
        "comunidades autónomas y los ayuntamientos, durante los próximos cuatro años, con un "
        "presupuesto que se conocerá en otoño y con la ayuda de expertos del ámbito académico. "
        "También anunció que el texto se enviará a las Cortes para su debate, y que las "
        "asociaciones de víctimas serán consultadas antes de que termine el año.\n\n"
        "El ministro asistió la semana pasada a la cumbre convocada en París sobre el "
        "terrorismo yihadista."
    )
    verdict = judge("Unidos por un plan contra la radicalización violenta", body)
    assert verdict == Verdict(False, "a press conference, not a conference")


def test_a_conference_named_in_the_lead_of_a_press_conference_page_stays_an_event() -> None:
    body = (
        "At a news conference on Monday the mayor presented a regional conference on "
        "preventing violent extremism and terrorism, to be held in Lyon on 3 and 4 June 2025."
    )
    assert judge("Lyon to welcome 300 experts", body).relevant


def test_a_seminar_named_with_terrorism_as_its_subject_is_relevant_with_one_topic_word() -> None:
    body = (
        "The Institute of Public Policy and the Defence College held the Third Seminar on "
        "Regional Threats: Terrorism, Smuggling and Cybercrime at its campus. Students and "
        "officials attended the two days of debate."
    )
    assert judge("Campus news", body).relevant


def test_a_news_index_listing_one_conferences_name_is_not_an_event_page() -> None:
    # The name alone on a line (a listing's link text) is no sentence naming this page's subject.
    body = "News\nRegional Seminar on Coastal Threats and the Financing of Terrorism\nArchive"
    assert judge("News", body) == Verdict(False, "no counter-terrorism topic")


def test_one_topic_word_in_passing_is_not_enough_for_a_seminar_page() -> None:
    body = (
        "The Institute of Public Policy held a seminar on coastal fisheries at its campus. "
        "Later, a minister spoke about terrorism at a dinner."
    )
    assert judge("Campus news", body) == Verdict(False, "no counter-terrorism topic")


def test_a_bare_meetings_agenda_naming_terrorism_once_is_not_enough() -> None:
    body = (
        "The council of the regional league opened its session on Monday. The three-day "
        "meeting was held in the capital and took up trade, water and migration, among them "
        "the fight against terrorism."
    )
    assert judge("Regional league council opens", body) == Verdict(
        False, "no counter-terrorism topic"
    )


def test_kyrgyz_seminar_giving_lessons_and_certificates_is_a_course() -> None:
    body = (
        "Ош шаарында 12-май күнү экстремизмге каршы семинар уюштурулат. Семинарда "
        "мугалимдерге сабактар өтүлөт, акырында катышуучуларга сертификаттар берилет."
    )
    verdict = judge("Ошто экстремизмге каршы семинар өтөт", body)
    assert verdict == Verdict(False, "a training course, not a conference")


def test_kyrgyz_seminar_without_marks_of_teaching_stays_an_event() -> None:
    body = (
        "Ош шаарында 12-май күнү экстремизмге каршы семинар уюштурулат. Семинарга "
        "эксперттер жана депутаттар катышат."
    )
    assert judge("Ошто экстремизмге каршы семинар өтөт", body).relevant


@pytest.mark.parametrize(
    "title",
    [
        "Two unions sign MoU on counter-terrorism",
        "Les deux pays signent un accord contre le terrorisme",
        "Ambos gobiernos firman un memorando contra el terrorismo",
        "Стороны подписали меморандум о противодействии терроризму",
    ],
)
def test_a_title_signing_an_agreement_is_no_event_page(title: str) -> None:
    body = (
        "The agreement on counter-terrorism was signed on the margins of the regional summit "
        "held in the capital on 17 March; terrorism remains a shared threat."
    )
    assert not judge(title, body).relevant


@pytest.mark.parametrize(
    "title",
    [
        "Two neighbours exchange views on countering terrorism",
        "Ambos países intercambian sobre la lucha contra el terrorismo",
        "Министры обменялись мнениями о борьбе с терроризмом",
    ],
)
def test_a_title_of_two_parties_exchanging_views_is_no_event_page(title: str) -> None:
    body = (
        "On Wednesday a technical meeting between the two delegations on terrorism was held "
        "in the capital to explore cooperation against terrorism."
    )
    assert not judge(title, body).relevant


def test_experts_exchanging_views_at_a_seminar_is_still_an_event() -> None:
    body = "The regional seminar on terrorism was held in Rabat on 3 May 2025."
    assert judge("Experts exchange views at a regional seminar on terrorism", body).relevant


@pytest.mark.parametrize(
    "title",
    [
        "Ministry condemns terrorism 'in all its forms and manifestations'",
        "Un pays condamne le terrorisme sous toutes ses formes et manifestations",
    ],
)
def test_forms_and_manifestations_names_no_event(title: str) -> None:
    body = (
        "The spokesman said terrorism in all its forms must be fought. He recalled that "
        "terrorism threatens the region and that talks with neighbours continue."
    )
    assert not judge(title, body).relevant


def test_a_manifestation_is_still_a_french_event_noun() -> None:
    body = "La manifestation sur la prévention du terrorisme aura lieu le 4 mars 2024 à Lyon."
    assert judge("Une manifestation sur le terrorisme à Lyon", body).relevant


def test_a_statement_at_a_main_committee_session_is_no_event() -> None:
    body = (
        "The envoy spoke before the Sixth Committee (Legal) at its 80th session on the item "
        "on measures to eliminate terrorism, and called for a convention on terrorism."
    )
    assert not judge("Country restates its rejection of terrorism", body).relevant


@pytest.mark.parametrize(
    "title",
    [
        "Security envoy calls on Deputy Minister",
        "Coordinator pays courtesy call on the Interior Minister",
    ],
)
def test_a_courtesy_call_is_a_visit(title: str) -> None:
    body = (
        "The envoy paid a courtesy call on the minister. The meeting was held at the ministry, "
        "and the two discussed cooperation against terrorism and violent extremism."
    )
    assert not judge(title, body).relevant


def test_plural_meetings_said_to_take_place_are_held() -> None:
    body = (
        "Expertos de seis países celebran estas jornadas, que tienen lugar desde ayer en el "
        "ayuntamiento, para estudiar la radicalización violenta y el terrorismo."
    )
    assert judge("La radicalización, a debate en la ciudad", body).relevant


def test_a_workshop_the_text_keeps_calling_a_training_is_a_course() -> None:
    body = (
        "The regional office said it has completed the training of 30 border guards on "
        "countering violent extremism. The workshop covered early warning signs, and the "
        "officers said the training would help them in their daily work. A second training "
        "is planned for next year."
    )
    verdict = judge("Border guards trained to spot violent extremism", body)
    assert verdict == Verdict(False, "a training course, not a conference")


def test_a_workshop_named_in_the_title_is_not_renamed_by_training_words() -> None:
    body = (
        "The regional workshop on countering violent extremism opened in Tirana. Speakers "
        "discussed the training of teachers and the training of imams."
    )
    assert judge("Regional workshop on countering violent extremism", body).relevant


def test_a_workshop_named_once_among_one_training_word_stays_a_workshop() -> None:
    body = (
        "A workshop on violent extremism brought together mayors in Durres; its report asks "
        "for training of municipal staff."
    )
    assert judge("Mayors discuss violent extremism in Durres", body).relevant


def test_a_german_compound_symposium_is_a_conference_word() -> None:
    body = (
        "Das 3. Frühjahrssymposium zur Prävention von Extremismus fand am 4. April 2025 in "
        "Graz statt. Die Referenten sprachen über Radikalisierung und Terrorismus."
    )
    assert judge("Rückblick auf den Frühling", body).relevant


def test_a_discussion_said_to_be_held_is_an_event_in_russian() -> None:
    body = (
        "12 апреля в Оше прошла дискуссия на тему: «Молодежь и профилактика экстремизма». "
        "Участники обсудили угрозы терроризма в регионе."
    )
    assert judge("Молодежь против угроз", body).relevant


def test_a_discussion_in_passing_is_no_event_in_russian() -> None:
    body = (
        "В обществе не утихает дискуссия о мерах против экстремизма и терроризма. "
        "Эксперты спорят о законе."
    )
    assert judge("Общество и закон", body).reason == "no conference/meeting wording"


def test_a_meeting_said_to_be_convened_is_held_in_russian() -> None:
    body = (
        "На созванном министерством совещании эксперты обсудили меры противодействия "
        "терроризму и экстремизму в регионе."
    )
    assert judge("Эксперты ищут ответ угрозам", body).relevant


def test_talks_between_two_sides_are_no_conference() -> None:
    body = (
        "In Vienna, the Interior Minister met the Secretary of the Security Council of a "
        "neighbouring state. The meeting covered bilateral relations, and the two sides stressed "
        "the need to cooperate against terrorism and violent extremism. They also discussed "
        "trade, energy and visas, and the ministers praised the long friendship of their peoples "
        "and the many agreements signed between the two states in recent years. Both delegations "
        "agreed to keep in close contact over the coming months and to exchange information on "
        "the situation at the borders. The minister also thanked his host for the warm welcome "
        "extended to his delegation in Vienna.\n\nThe two ministers then walked through the "
        "old town, visited a museum of the city's history and laid a wreath at a memorial to "
        "the victims of war. In the evening the guests attended a concert of folk music and a "
        "dinner given by the mayor. The visit ends tomorrow with a tour of the harbour.\n\n"
        "Later, officials said the ministers backed an international conference on regional "
        "trade next year."
    )
    verdict = judge("Fight against terrorism on the table of the ministers' talks", body)
    assert verdict == Verdict(False, "bilateral talks, not a conference")


def test_two_sides_at_a_conference_named_in_the_lead_stay_a_conference() -> None:
    body = (
        "The meeting opened a regional conference on countering terrorism in Vienna, where the "
        "two sides of the border presented their experience with violent extremism."
    )
    assert judge("Fight against terrorism in the region", body).relevant


def test_a_meeting_of_two_interlocutors_is_no_conference_in_russian() -> None:
    body = (
        "В представительстве прошла встреча директора центра с послом соседней страны; "
        "собеседники обсудили борьбу с терроризмом и экстремизмом.\n\n"
        "Стороны условились продолжить сотрудничество в борьбе с терроризмом."
    )
    assert judge("", body) == Verdict(False, "bilateral talks, not a conference")


def test_the_event_held_after_a_commission_session_is_that_session() -> None:
    # "Мероприятие" (the event) refers back to the session named first: a body's session.
    body = (
        "Так заявил сегодня глава района на совместном заседании антитеррористической комиссии "
        "района. Мероприятие состоялось в городе Энске, в нем участвовали главы поселений. "
        "Речь шла о профилактике терроризма и экстремизма."
    )
    assert judge("Глава района: угроза терроризма сохраняется", body).reason == (
        "no conference/meeting wording"
    )


def test_the_event_held_after_a_seminar_stays_an_event_in_russian() -> None:
    body = (
        "Так заявил сегодня глава района на семинаре по профилактике терроризма и экстремизма. "
        "Мероприятие состоялось в городе Энске, в нем участвовали главы поселений."
    )
    assert judge("Глава района: угроза терроризма сохраняется", body).relevant


def test_a_seminar_that_is_a_lesson_to_students_is_a_course_in_italian() -> None:
    # "i vertici della Questura" are the heads of the police, not summits.
    body = (
        "La Questura ha tenuto un seminario sul contrasto al terrorismo con l'Università.\n\n"
        "Alla lezione, nell'aula magna, erano presenti gli studenti della facoltà di "
        "giurisprudenza e i vertici della Questura."
    )
    verdict = judge("Università: la Questura in aula con un seminario sul terrorismo", body)
    assert verdict == Verdict(False, "a training course, not a conference")


def test_a_speech_given_at_a_conference_is_no_conference_page() -> None:
    body = "Monsieur le Président, la prévention de l'extrémisme violent est notre priorité."
    verdict = judge("Discours du ministre à la conférence d'Oslo sur l'extrémisme violent", body)
    assert verdict == Verdict(False, "title is a statement made at a meeting")
    assert not judge("Rede der Ministerin auf der Konferenz gegen Extremismus", body).relevant


def test_a_statement_of_a_conferences_participants_is_the_conference_page() -> None:
    body = "The conference on the prevention of violent extremism was held in Manila."
    assert judge("Statement of the participants of the Conference on terrorism", body).relevant


def test_a_talk_by_one_speaker_is_no_conference() -> None:
    body = (
        "El experto explicó ayer en Mérida las claves del terrorismo yihadista durante su "
        "intervención, que abrió el ciclo de conferencias del diario sobre el terrorismo."
    )
    assert not judge("Un experto abre el ciclo con una charla sobre yihadismo", body).relevant


def test_a_session_of_an_inter_agency_commission_is_no_conference() -> None:
    body = "Senior officials of the member agencies reviewed the counter-terrorism strategy."
    title = "Fifth meeting of the Interagency Commission on the Counter-Terrorism Strategy"
    assert judge(title, body) == Verdict(
        False, "a session of an inter-agency commission, not a conference"
    )


def test_a_meeting_organised_by_a_body_named_for_terrorism_is_on_terrorism() -> None:
    body = (
        "Funcionarios de tres países formaron parte de la Reunión Regional sobre Seguridad de "
        "Puertos, celebrada en Lima, organizada por el Comité Andino contra el Terrorismo."
    )
    assert judge("Delegación participa en Reunión Regional sobre puertos", body).relevant
    unrelated = body.replace("contra el Terrorismo", "de Puertos")
    assert not judge("Delegación participa en Reunión Regional sobre puertos", unrelated).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Il terrorismo oggi",
            "Il questore ha tenuto una lectio magistralis sulla minaccia terroristica davanti agli "
            "allievi. L'incontro è stato organizzato dall'accademia; si è parlato di terrorismo.",
        ),
        (
            "El terrorismo en el siglo XXI",
            "Texto de la conferencia magistral sobre terrorismo que dictó el profesor en la "
            "escuela militar. La conferencia trató del terrorismo global.",
        ),
        (
            "O terrorismo contemporâneo",
            "Resumo da conferência magistral sobre terrorismo proferida pelo ministro na "
            "academia. Na conferência, tratou do terrorismo internacional.",
        ),
    ],
)
def test_a_keynote_lecture_called_a_magistral_conference_is_no_conference(
    title: str, body: str
) -> None:
    assert not judge(title, body).relevant


def test_a_conference_with_a_keynote_lecture_stays_a_conference() -> None:
    body = (
        "El congreso internacional sobre terrorismo se celebró en Lima y se abrió con una "
        "conferencia magistral sobre el extremismo violento."
    )
    assert judge("Congreso internacional sobre terrorismo", body).relevant


def test_a_course_called_an_estagio_is_a_training_course() -> None:
    body = (
        "Oficiais ministraram um Estágio de Capacitação sobre terrorismo a agentes municipais. "
        "O evento foi organizado pela polícia. O estágio tratou da ameaça terrorista."
    )
    assert not judge("Exército ministra estágio de capacitação contra o terrorismo", body).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "В университете прошёл семинар о профилактике экстремизма",
            "Отдел по воспитательной работе провёл для обучающихся семинар о профилактике "
            "экстремизма и терроризма. Перед первокурсниками выступили сотрудники центра.",
        ),
        (
            "Диалоговая площадка об экстремизме",
            "В конференц-зале колледжа прошла диалоговая площадка об экстремизме и терроризме. "
            "Прокурор объяснил учащимся, как действуют экстремисты, и ответил на вопросы "
            "слушателей.",
        ),
    ],
)
def test_a_seminar_held_for_a_schools_own_students_is_a_class(title: str, body: str) -> None:
    assert judge(title, body) == Verdict(False, "a training course, not a conference")


def test_a_conference_where_students_speak_stays_a_conference() -> None:
    body = (
        "В университете прошла научная конференция о противодействии терроризму. Перед "
        "участниками выступили студенты и эксперты по экстремизму."
    )
    assert judge("Конференция о противодействии терроризму", body).relevant


def test_a_conference_hall_is_no_conference() -> None:
    body = "В конференц-зале администрации ветераны рассказали о терроризме и экстремизме."
    assert judge("Об экстремизме", body) == Verdict(False, "no conference/meeting wording")


def test_a_policy_dialogue_hosted_on_a_day_is_an_event() -> None:
    body = (
        "The foundation, in cooperation with two think tanks, hosted a joint Policy Dialogue on "
        "12 March. The Policy Dialogue examined national approaches to radicalisation and "
        "terrorism."
    )
    assert judge("Preventing radicalisation: national approaches", body).relevant


def test_ukrainian_sides_sharing_experience_are_bilateral_talks() -> None:
    body = (
        "Зустріч відбулася у рамках візиту делегації міністерства до Польщі. Сторони, зокрема, "
        "поділилися досвідом і обговорили протидію тероризму та екстремізму."
    )
    verdict = judge("Поліція двох країн обмінялася досвідом", body)
    assert verdict == Verdict(False, "bilateral talks, not a conference")


def test_a_report_launch_is_no_conference() -> None:
    body = (
        "Date: 3 May 2026\nVenue: Institute, London\nThe commission will present its findings on "
        "counter-terrorism law and terrorism prevention."
    )
    assert not judge("Commission on Terrorism Law - Report Launch", body).relevant


def test_portuguese_fora_outside_is_no_forum() -> None:
    body = (
        "A comissão debateu o terrorismo. Pessoas fora das listas de terroristas preocupam o "
        "governo."
    )
    assert judge("Cuidados com ações terroristas", body) == Verdict(
        False, "no conference/meeting wording"
    )
    english = "Terrorism was discussed in regional fora on counter-terrorism and terrorism."
    assert judge("Terrorism discussed", english).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "В колледже прошёл практический семинар",
            "В колледже состоялся практический семинар по антитеррористическому поведению. "
            "Студентам показали фильм о терроризме и рассказали об экстремизме.",
        ),
        (
            "Seminar on civil defence and terrorism",
            "Our training centre held a seminar on terrorism and extremism. Participants were "
            "told how to act when a suspicious object is found.",
        ),
    ],
)
def test_a_seminar_that_instructs_its_audience_is_a_class(title: str, body: str) -> None:
    assert judge(title, body) == Verdict(False, "a training course, not a conference")


def test_a_scholarly_practical_seminar_stays_a_seminar() -> None:
    body = (
        "В университете прошёл научно-практический семинар о противодействии терроризму. "
        "Студентам показали доклады экспертов по экстремизму."
    )
    assert judge("Научно-практический семинар о терроризме", body).relevant


def test_a_title_naming_one_speaker_with_an_academic_title_is_a_talk() -> None:
    body = "Die Veranstaltung findet am 3. Mai im Hörsaal statt. Extremismus und Extremisten."
    assert not judge("Extremismus in der Mitte – Prof. Dr. Erika Beispiel", body).relevant
    conference = "Fachtagung Extremismus in der Mitte – Prof. Dr. Erika Beispiel"
    assert judge(conference, body).relevant


_FILLER = (
    "The members discussed the regional situation and the prevention of violent extremism in "
    "schools, the exchange of information between the police and the youth services, and the "
    "role of the municipalities in the prevention of radicalisation. A researcher presented the "
    "results of a survey on extremism among young people in rural districts, and the members "
    "asked how the findings could be used in their own work over the coming months. "
)


def test_a_body_s_session_with_a_conference_named_further_down_is_no_event() -> None:
    title = "Session of the Working Group on the Prevention of Extremism"
    body = (
        f"{title}\n\nOn 4 March the members of the working group met in Lindau.\n\n"
        + _FILLER * 2
        + "\n\nNext year the council plans a symposium on the prevention of extremism."
    )
    assert judge(title, body).reason == "a body's session, not a conference"


def test_a_session_said_to_be_held_or_with_a_conference_in_the_lead_stays_an_event() -> None:
    title = "Session of the Working Group on the Prevention of Extremism"
    held = f"{title}\n\nThe 12th session of the working group was held in Lindau. {_FILLER}"
    lead = f"{title}\n\nThe working group met at a conference on extremism in Lindau. {_FILLER}"
    assert judge(title, held).relevant
    assert judge(title, lead).relevant


def test_a_headline_that_trains_people_is_a_course_unless_it_names_a_meeting() -> None:
    body = "The agency said terrorism and violent extremism were the course's subjects."
    verdict = judge("Harbour agency trains 40 customs officers", body)
    assert verdict == Verdict(False, "a training course, not a conference")
    assert judge("Harbour agency trains officers at regional seminar", body).relevant


def test_a_mongolian_council_s_regular_sitting_is_no_event() -> None:
    # "хуралдаан" is a body's sitting (a session), "хуралдаж" the verb "to sit": neither names
    # a meeting of its own (§5.1).
    title = "Хууль сахиулах зөвлөлийн ээлжит хуралдаан боллоо"
    body = (
        f"{title}\n\nЗөвлөлийн ээлжит хуралдааныг 3 дугаар сарын 4-ний өдөр зохион байгууллаа. "
        "Зөвлөл сар бүр хуралдаж, терроризм болон хэт даврах үзлээс урьдчилан сэргийлэх ажлыг "
        "хэлэлцдэг. Терроризмтой тэмцэх ажлын тайланг сонслоо."
    )
    assert judge(title, body) == Verdict(False, "no conference/meeting wording")
