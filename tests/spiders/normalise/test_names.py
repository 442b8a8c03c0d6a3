"""Names: the title of an event page. The conference's own name is the noun phrase around an
event word (quoted, titled, in apposition, in Russian or German); organisations, press
conferences, publication lines and news headlines are not names; the title chosen from a heading
and the page's sentences prefers a proper name."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confwatch.spiders.normalise.headings import (
    is_headline,
    is_section_label,
    is_title_junk,
    tells_of,
)
from confwatch.spiders.normalise.name_themes import (
    postposed_theme,
    quoted_before_noun,
    theme_name,
    theme_phrase,
    unquoted_title,
)
from confwatch.spiders.normalise.names import (
    body_meeting,
    event_name,
    name_tokens,
    names_in,
    organises,
)
from confwatch.spiders.normalise.titles import choose_title
from confwatch.spiders.offline import extract_page
from confwatch.spiders.registry import offline_source

D = dt.date


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "High-level regional conference on Counter-Terrorism opened on June 20",
            "High-level regional conference on Counter-Terrorism",
        ),
        (
            "The Deputy Minister attended the Inter-Regional Conference on Preventing Violent "
            "Extremism which ended",
            "Inter-Regional Conference on Preventing Violent Extremism",
        ),
        (
            "Director gives remarks at 2019 OSCE-Wide Counter-Terrorism Conference and convenes "
            "a side-event",
            "2019 OSCE-Wide Counter-Terrorism Conference",
        ),
        (
            "These are the aims of the annual Pan-Regional Counter-Terrorism Conference which "
            "was held in Riga.",
            "Annual Pan-Regional Counter-Terrorism Conference",
        ),
    ],
)
def test_event_name_is_the_noun_phrase_around_the_event_word(sentence: str, name: str) -> None:
    assert event_name(sentence) == name


def test_event_name_of_a_generic_conference_entitled_x_is_the_quoted_name() -> None:
    text = (
        "The Ministry will hold an international conference in May entitled “Border Risks: "
        "Regional Answers”."
    )
    assert event_name(text) == "Border Risks: Regional Answers"


def test_event_name_keeps_a_capitalised_name_with_its_quoted_theme() -> None:
    text = "The High Level International Conference “Countering Terrorism Online” opened in Riga."
    assert event_name(text) == "High Level International Conference “Countering Terrorism Online”"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Im Mai lädt der Verein zum regionalen Kolloquium „Jugend und Gewalt heute“ nach "
            "Linz ein.",
            "Jugend und Gewalt heute",
        ),
        (
            "Региональный молодёжный форум «Молодёжь против вражды» пройдёт в Самаре.",
            "Молодёжь против вражды",
        ),
    ],
)
def test_event_name_after_a_lower_case_description_is_the_quoted_name(
    sentence: str, name: str
) -> None:
    # A German noun is capitalised and a sentence's first word too: neither makes "regionalen
    # Kolloquium" or "Региональный молодёжный форум" a name of its own.
    assert event_name(sentence) == name


def test_event_name_keeps_a_noun_with_its_quoted_theme_at_a_sentence_start() -> None:
    text = "Fachtag „Schule gegen Hass“ findet in Linz statt."
    assert event_name(text) == "Fachtag „Schule gegen Hass“"


def test_event_name_of_an_apposition_is_the_apposition() -> None:
    text = (
        "On 3 March, the high-level international conference, Regional Cooperation against "
        "Terrorism, opened."
    )
    assert event_name(text) == "Regional Cooperation against Terrorism"


def test_event_name_reads_titled_before_the_event_word() -> None:
    text = "Titled “Financial Intelligence in Investigations”, the workshop was held in Lahore."
    assert event_name(text) == "Financial Intelligence in Investigations"


def test_event_name_drops_the_partner_list_of_a_joint_conference() -> None:
    text = (
        "The joint Latvia-UNOCT-Hedayah Regional Conference on Youth Resilience will be held "
        "in Riga."
    )
    assert event_name(text) == "Regional Conference on Youth Resilience"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Global Counterterrorism Forum (GCTF) met in New "
        "York.",  # an organisation, not a meeting
        "Speaking at a press conference, the minister said more.",
        "During the March 2019 OSCE Counter-terrorism Conference in Slovakia, participants agreed.",
        "Published on August 01, 2020",
    ],
)
def test_event_name_is_none_for_organisations_press_conferences_and_dated_references(
    sentence: str,
) -> None:
    assert event_name(sentence) is None


def test_event_name_reads_russian_names_in_the_genitive() -> None:
    text = (
        "В Нью-Йорке прошла первая Конференция высокого уровня руководителей "
        "контртеррористических ведомств."
    )
    assert (
        event_name(text)
        == "Первая Конференция высокого уровня руководителей контртеррористических ведомств"
    )


def test_event_name_reads_a_german_compound_conference() -> None:
    assert (
        event_name("Internationale Anti-Terror-Konferenz der OSZE findet in Minsk statt")
        == "Internationale Anti-Terror-Konferenz der OSZE"
    )


@pytest.mark.parametrize(
    "heading",
    ["Published on August 01, 2020", "10 Mai 2018, 15:15", "12.03.2019", "Posted: 2019-10-24"],
)
def test_publication_lines_are_never_titles(heading: str) -> None:
    assert is_title_junk(heading)


def test_headline_verbs_mark_a_news_headline() -> None:
    assert is_headline("OSCE conference on terrorism opened in Vienna")
    assert not is_headline("Regional Conference on Countering Terrorism")


def test_choose_title_keeps_a_heading_that_is_a_name() -> None:
    assert (
        choose_title(
            "Regional Seminar on Terrorist Financing", ["The seminar will be held in Baku."]
        )
        == "Regional Seminar on Terrorist Financing"
    )


def test_choose_title_takes_the_name_inside_a_news_headline() -> None:
    assert (
        choose_title("Minister attended the Regional Conference on Terrorism in Baku", [])
        == "Regional Conference on Terrorism"
    )


def test_choose_title_replaces_short_navigation_heading_with_the_name_in_the_text() -> None:
    sentences = [
        "On 9 October the High Level Conference on Terrorism in the Digital Age opened in Minsk."
    ]
    assert (
        choose_title("Visiting Belarus visa-free", sentences)
        == "High Level Conference on Terrorism in the Digital Age"
    )


def test_choose_title_prefers_a_proper_name_to_a_description() -> None:
    sentences = [
        "Experts gathered for a two-day conference to review work against terrorism.",
        "That was the message of the annual OSCE-wide Counter-Terrorism Conference held in Riga.",
    ]
    assert choose_title(None, sentences) == "Annual OSCE-wide Counter-Terrorism Conference"


def test_page_without_heading_is_named_from_its_text() -> None:
    text = (
        "From 4-5 June 2019, the Regional Workshop on Countering Terrorist Financing was held in "
        "Baku, "
        "Azerbaijan. It was organized by the OSCE.\n\nExperts discussed terrorism financing risks."
    )
    (event,) = extract_page(
        text, url=None, source=offline_source("generic", None), is_text=True
    ).events
    assert event.title == "Regional Workshop on Countering Terrorist Financing"
    assert (event.start_date, event.end_date, event.city) == (D(2019, 6, 4), D(2019, 6, 5), "Baku")


def test_publication_line_heading_is_not_the_title() -> None:
    text = (
        "Published on August 01, 2020\n\nThe Regional Conference on Countering Terrorism will be "
        "held "
        "in Baku on 3-4 September 2020. Terrorism experts attend."
    )
    (event,) = extract_page(
        text, url=None, source=offline_source("generic", None), is_text=True
    ).events
    assert event.title == "Regional Conference on Countering Terrorism"


def test_capitalised_participle_inside_a_name_is_no_headline_verb() -> None:
    title = (
        "International Cooperation on Countering Terrorism through Drug Trafficking "
        "and Organized Crime"
    )
    assert not is_headline(title)
    assert choose_title(title, ["Forum for expert discussion on terrorism financing."]) == title


def test_report_from_a_conference_heading_is_a_headline_naming_it() -> None:
    heading = "Human rights explored at OSCE Counter-Terrorism Conference in Rome"
    assert is_headline(heading)
    assert (choose_title(heading, []) or "").startswith("OSCE Counter-Terrorism Conference")


def test_conference_at_a_venue_is_still_a_name() -> None:
    assert not is_headline("Regional Conference on Terrorism at the UN Headquarters")


def test_place_after_a_proper_conference_name_is_not_part_of_it() -> None:
    heading = "Border security explored at OSCE Counter-Terrorism Conference in Rome"
    assert event_name(heading) == "OSCE Counter-Terrorism Conference"


def test_place_stays_in_a_descriptive_name_that_needs_it() -> None:
    sentence = "Experts met for a closed roundtable in Abu Dhabi, United Arab Emirates to explore"
    assert event_name(sentence) == "Closed roundtable in Abu Dhabi"


@given(st.text(max_size=300))
def test_event_name_never_raises_and_names_are_never_empty(text: str) -> None:
    name = event_name(text)
    assert name is None or name.strip()


@given(st.text(max_size=200), st.lists(st.text(max_size=200), max_size=4))
def test_choose_title_never_raises(heading: str, sentences: list[str]) -> None:
    choose_title(heading, sentences)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The minister this morning opened a seminar held in Nairobi by the Eastern Africa "
            "Police Chiefs Cooperation Organisation (EAPCCO) on Border Security and Community "
            "Policing in the Horn of Africa.",
            "Border Security and Community Policing in the Horn of Africa",
        ),
        (
            "A workshop organised in Tunis by the Arab League on Countering Terrorist Narratives "
            "Online opened today.",
            "Countering Terrorist Narratives Online",
        ),
    ],
)
def test_name_at_a_distance_after_a_held_participle_and_its_complements(
    sentence: str, name: str
) -> None:
    assert event_name(sentence) == name


@pytest.mark.parametrize(
    "sentence",
    [
        # A date after "on": the complement of the participle, no name.
        "A workshop held in Vienna by the OSCE on Monday gathered experts.",
        # Lower-case words after "on": a topic in running prose, not a name written as one.
        "A workshop held in Vienna by the OSCE on the financing of terrorism gathered experts.",
        # A verb between: the clause goes on about something else.
        "A workshop held in Vienna brought together experts on Border Security Management Issues.",
    ],
)
def test_no_name_at_a_distance_without_a_title_case_name_after_the_complements(
    sentence: str,
) -> None:
    assert event_name(sentence) is None


def test_bracketed_name_after_a_topic_link_is_the_name() -> None:
    sentence = (
        "افتتحت اليوم أعمال الملتقى الدولي حول (أمن الحدود: التحديات المشتركة والحلول الممكنة)، "
        "بمشاركة خبراء من عشرين دولة."
    )
    assert event_name(sentence) == (
        "الملتقى الدولي حول (أمن الحدود: التحديات المشتركة والحلول الممكنة)"
    )


def test_unclosed_bracket_after_a_topic_link_is_no_part_of_the_name() -> None:
    name = event_name("The regional forum on (see the annex for the programme") or ""
    assert "(" not in name


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "L'ambassade accueille le colloque « Prévenir l’extrémisme aujourd’hui : acteurs, "
            "outils et limites » à Dakar.",
            "Prévenir l’extrémisme aujourd’hui : acteurs, outils et limites",
        ),
        (
            "Experts met at the summit “Europe’s Response to Online Radicalisation” in Riga.",
            "Europe’s Response to Online Radicalisation",
        ),
    ],
)
def test_apostrophe_between_letters_does_not_close_a_quoted_name(sentence: str, name: str) -> None:
    assert event_name(sentence) == name


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Il seminario, intitolato Sicurezza delle Frontiere nel Mediterraneo, si terrà a Bari.",
            "Sicurezza delle Frontiere nel Mediterraneo",
        ),
        (
            "The OSCE will hold a seminar entitled Building Resilience in the Sahel, in Vienna.",
            "Building Resilience in the Sahel",
        ),
        (
            "El seminario, denominado Prevención del Extremismo Violento en la Región, reunirá "
            "a expertos.",
            "Prevención del Extremismo Violento en la Región",
        ),
        (
            "L'associazione organizza il seminario dal titolo: Porti sicuri – il Mediterraneo "
            "che cambia. L'incontro si terrà a Bari.",
            "Porti sicuri – il Mediterraneo che cambia",
        ),
    ],
)
def test_title_given_without_quotes_after_a_title_word(sentence: str, name: str) -> None:
    assert unquoted_title(sentence) == name


@pytest.mark.parametrize(
    "sentence",
    [
        # No event noun before the title word.
        "The group, called Friends of the Region Network, met donors in Geneva.",
        # Too short to be a name.
        "The seminar, entitled Border Security, opened in Vienna.",
        # A lower-case continuation is no name.
        "A seminar called for stronger cooperation against the financing of terrorism.",
    ],
)
def test_no_unquoted_title_without_an_event_noun_or_a_name(sentence: str) -> None:
    assert unquoted_title(sentence) is None


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        ("About the Conference", True),
        ("About this Workshop", True),
        ("About the Annual Forum", True),
        ("À propos du colloque", True),
        ("About the Conference on Border Security", False),
        ("About the OSCE", False),
        ("About us", False),
    ],
)
def test_about_the_event_noun_is_a_section_label(heading: str, label: bool) -> None:
    assert is_section_label(heading) is label


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # An abbreviation's dots end no clause: "a U.N. Conference".
        ("Our centre is co-hosting a U.S. Symposium", "U.S. Symposium"),
        # A compound of two event nouns is as strong as its first.
        (
            "Эксперты примут участие в семинаре-совещании руководителей региональных "
            "антитеррористических комиссий",
            "Семинаре-совещании руководителей региональных антитеррористических комиссий",
        ),
        # "ё" is optional in Russian print: "пройдёт" ends the name as "пройдет" does.
        ("Совещание экспертов пройдёт на базе университета", "Совещание экспертов"),
        # A modal starts the predicate: "Rencontre régionale doit ...".
        (
            "Cette Rencontre régionale doit permettre aux experts de se parler",
            "Rencontre régionale",
        ),
        # "было" is a verb: "Мероприятие было организовано ..." is a clause, not a name.
        ("Совещание было организовано Офисом программ ОБСЕ", None),
        # Prepositions fused with an article are no part of a name.
        ("Alla Conferenza Mediterranea hanno partecipato esperti", "Conferenza Mediterranea"),
        # "..., Town, Country" ends a name at the town.
        (
            "Report of the Regional Workshop on Border Security and Cooperation, Tanga, Tanzania",
            "Regional Workshop on Border Security and Cooperation",
        ),
    ],
)
def test_event_name_ends_where_its_noun_phrase_ends(sentence: str, name: str | None) -> None:
    assert event_name(sentence) == name


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry held a meeting to the north of the capital with local leaders.",
        "Officials agreed on a meeting to be held next year in the capital.",
    ],
)
def test_to_without_an_infinitive_makes_no_purpose_name(sentence: str) -> None:
    assert event_name(sentence) is None


def test_heading_with_guillemets_is_no_breadcrumb() -> None:
    from confwatch.spiders.normalise.headings import clean_heading

    heading = "Journée d’étude « Prévenir la violence » — Lyon, 4 juin 2024"
    assert clean_heading(heading) == "Journée d’étude « Prévenir la violence » — Lyon"


def test_heading_ending_with_any_languages_date_is_dated() -> None:
    from confwatch.spiders.normalise.headings import clean_heading, dated_heading

    heading = "Konferencja o bezpieczeństwie granic 12-13 października 2021"
    assert clean_heading(heading) == "Konferencja o bezpieczeństwie granic"
    assert dated_heading(heading)
    assert not dated_heading("Konferencja o bezpieczeństwie granic")


@pytest.mark.parametrize(
    "heading",
    [
        "Delegates meet in Oslo for Nordic Security Forum",
        "Agency engages in Regional Counter-Terrorism Meeting in Amman",
        "Fachtagung Prävention soll Netzwerke stärken",
    ],
)
def test_heading_saying_who_meets_or_takes_part_is_a_headline(heading: str) -> None:
    assert is_headline(heading)


@pytest.mark.parametrize(
    "sentence",
    [
        # The predicate of an inverted Russian or Ukrainian clause follows the event noun.
        "На конференции выступил глава российской делегации заместитель директора департамента.",
        "На конференції виступив глава делегації заступник начальника управління.",
        "На семинаре присутствовал посол Франции и представители министерства.",
    ],
)
def test_a_slavic_past_tense_verb_ends_a_name(sentence: str) -> None:
    assert event_name(sentence) is None


def test_a_genitive_plural_like_a_past_verb_still_goes_on_a_name() -> None:
    assert event_name("Открылась Конференция держав Содружества.") == (
        "Конференция держав Содружества"
    )


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "В Ташкенте прошел Международный круглый стол по вопросам противодействия "
            "экстремизму при поддержке ОБСЕ.",
            "Международный круглый стол по вопросам противодействия экстремизму",
        ),
        (
            "The Regional Workshop on Border Security with the support of the European Union "
            "took place in Bishkek.",
            "Regional Workshop on Border Security",
        ),
        (
            "Le Colloque international sur la radicalisation organisé par l’université a réuni "
            "200 chercheurs.",
            "Colloque international sur la radicalisation",
        ),
    ],
)
def test_a_role_phrase_ends_a_name(sentence: str, name: str) -> None:
    assert event_name(sentence) == name


def test_the_russian_genitive_tail_is_not_read_in_kazakh() -> None:
    # Kazakh words after an event noun are the clause's predicate, not a genitive name.
    sentence = "Облыста арнайы семинар барысында жастар терроризмге қарсы күрес туралы сөйлесті."
    assert event_name(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        (
            "Облыста Жастар және қауіпсіздік тақырыбында арнайы семинар өтті.",
            "Жастар және қауіпсіздік",
        ),
        ("Астанада Дін және қоғам тақырыбында конференция өтті.", "Дін және қоғам"),
        ("Ankara'da Terör ve Güvenlik konulu konferans düzenlendi.", "Terör ve Güvenlik"),
        # A place, then a lower-case word: no theme written as a name.
        ("Облыста жастар тақырыбында семинар өтті.", None),
        # No event noun after the postposition.
        ("Облыста Жастар және қауіпсіздік тақырыбында кітап шықты.", None),
    ],
)
def test_postposed_theme(sentence: str, theme: str | None) -> None:
    assert postposed_theme(sentence) == theme


def test_a_dedication_to_the_topic_named_elsewhere_ends_a_name() -> None:
    assert event_name("Abriu o Seminário Internacional dedicado ao tema, no auditório.") == (
        "Seminário Internacional"
    )
    assert event_name("Abriu o Seminário Internacional dedicado ao tema da radicalização.") == (
        "Seminário Internacional dedicado ao tema da radicalização"
    )


def test_to_be_ends_a_name() -> None:
    sentence = "The Regional Conference of Heads of Border Agencies to be held on 3 May in Accra."
    assert event_name(sentence) == "Regional Conference of Heads of Border Agencies"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "No fim, a Conferência Nacional sobre Segurança Urbana ficou a cargo do reitor",
            "Conferência Nacional sobre Segurança Urbana",
        ),
        (
            "El Seminario Regional sobre Fronteras reunió a cuarenta expertos.",
            "Seminario Regional sobre Fronteras",
        ),
    ],
)
def test_a_portuguese_or_spanish_finite_verb_ends_a_name(sentence: str, name: str) -> None:
    assert event_name(sentence) == name


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "La Conferencia Regional sobre Seguridad Fronteriza destacó el papel de Chile.",
            "Conferencia Regional sobre Seguridad Fronteriza",
        ),
        (
            "O Seminário Internacional sobre Radicalização juntou quarenta especialistas.",
            "Seminário Internacional sobre Radicalização",
        ),
        # "sobre", "sulla": the words that link a topic in Spanish, Portuguese, Italian.
        (
            "El ministerio celebró un seminario sobre extremismo violento en Lima.",
            "Seminario sobre extremismo violento",
        ),
        (
            "Il ministero ha ospitato una conferenza sulla radicalizzazione violenta a Roma.",
            "Conferenza sulla radicalizzazione violenta",
        ),
    ],
)
def test_romance_topic_links_preterites_and_articles(sentence: str, name: str) -> None:
    assert event_name(sentence) == name


def test_no_name_goes_on_after_the_noun_in_uzbek() -> None:
    # The words after the noun are the clause: "at the conference, delegates of ... took part".
    sentence = "Конференцияда ШҲТ аъзо давлатлари ва кузатувчи мамлакатлар вакиллари қатнашди."
    assert event_name(sentence) is None


def test_a_quoted_theme_before_a_mongolian_event_noun_is_named() -> None:
    sentence = (
        "“Залуучууд ба аюулгүй байдал” сэдэвт бүс нутгийн бага хурал Улаанбаатар хотод болно."
    )
    assert quoted_before_noun(sentence) == "Залуучууд ба аюулгүй байдал"
    assert quoted_before_noun("Он сказал: “это важно” и уехал на конференцию.") is None


def test_a_headline_telling_what_people_did_is_told_apart() -> None:
    assert tells_of("Губернатор принял участие в форуме молодёжи")
    assert tells_of("Un forum sur la sécurité rassemblera 300 experts")
    assert tells_of("Debaten sobre seguridad ciudadana")
    assert not tells_of("Михаил Петров: форум молодёжи")
    assert not tells_of("Forum régional sur la sécurité urbaine")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The academy held the Third Seminar on Border Threats: Smuggling, Organized Crime "
            "and Piracy, on 4 May in Accra.",
            "Third Seminar on Border Threats: Smuggling, Organized Crime and Piracy",
        ),
        (
            "La universidad celebró el III Foro sobre Riesgos Globales: Migración, Crimen "
            "Organizado y Clima, los días 3 y 4 de mayo.",
            "III Foro sobre Riesgos Globales: Migración, Crimen Organizado y Clima",
        ),
    ],
)
def test_capitalised_participle_inside_a_title_case_name_does_not_end_it(
    sentence: str, name: str
) -> None:
    assert event_name(sentence) == name


def test_lower_case_participle_after_a_name_still_ends_it() -> None:
    sentence = "The Regional Forum on Piracy organized by the academy opened on Monday."
    assert event_name(sentence) == "Regional Forum on Piracy"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The Island States Customs Committee (ISCC) held its annual meeting in Apia.",
            "Annual meeting of the Island States Customs Committee (ISCC)",
        ),
        (
            "The Committee of Experts on Cybercrime will hold its 9th plenary meeting in May.",
            "9th plenary meeting of the Committee of Experts on Cybercrime",
        ),
    ],
)
def test_body_holding_its_own_meeting_names_it(sentence: str, name: str) -> None:
    assert body_meeting(sentence) == name


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry held its position on the treaty.",  # no meeting
        "The Board held its annual meeting.",  # a body of one common word
        "The Ocean Safety Board holds its 12th Plenary Meeting in May.",  # a name, read as one
    ],
)
def test_no_body_meeting_without_a_body_and_a_described_meeting(sentence: str) -> None:
    assert body_meeting(sentence) is None


def test_fronted_title_with_the_event_after_the_comma_is_its_theme() -> None:
    sentence = "Under the title “Ports That Protect”, the workshop will gather 40 officers."
    assert theme_name(sentence) == "Ports That Protect"


def test_fronted_quotation_without_an_event_after_it_is_no_theme() -> None:
    sentence = "Under the title “Ports That Protect”, the minister published a report."
    assert theme_name(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The institute will hold a one-day international conference titled “Ports, Cargo "
            "and Security Today” on 3 May.",
            "Ports, Cargo and Security Today",
        ),
        (
            "On 2 May, a high-level international conference called “Bridges over Borders” "
            "opened in Riga.",
            "High-level international conference called “Bridges over Borders”",
        ),
    ],
)
def test_a_title_given_to_an_event_described_by_its_reach_alone_is_the_quoted_name(
    sentence: str, name: str
) -> None:
    # How far an event reaches ("international") describes it; a rank ("high-level") is part of
    # what it is called.
    found = theme_phrase(sentence)
    assert found is not None
    assert (found[1] or found[0]) == name


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "“Ports under Pressure: Security at Sea” is the title of the workshop, which opens "
            "in Gdansk on Monday.",
            "Ports under Pressure: Security at Sea",
        ),
        (
            "'Fronteras abiertas: un reto compartido' es el título de este seminario, que se "
            "celebra en Vigo.",
            "Fronteras abiertas: un reto compartido",
        ),
        (
            "« Jeunesse et réseaux : quels risques ? » est le titre du colloque qui se tiendra "
            "à Lille.",
            "Jeunesse et réseaux : quels risques ?",
        ),
        (
            "“Porti e frontiere nel Mediterraneo” è il titolo del seminario che si terrà a Bari.",
            "Porti e frontiere nel Mediterraneo",
        ),
        (
            "„Häfen unter Druck“ ist der Titel der Tagung, die im Mai in Kiel stattfindet.",
            "Häfen unter Druck",
        ),
    ],
)
def test_a_quoted_name_the_sentence_calls_the_title_of_its_event_is_its_theme(
    sentence: str, name: str
) -> None:
    assert theme_name(sentence) == name


def test_a_quotation_nested_inside_a_quoted_title_stays_part_of_the_title() -> None:
    sentence = (
        "“Navi e porti. Dal “mare nostrum” al mare di tutti” è il titolo del convegno che si "
        "terrà a Bari."
    )
    assert theme_name(sentence) == "Navi e porti. Dal “mare nostrum” al mare di tutti"


def test_two_single_quotes_typed_for_a_double_quote_enclose_a_theme() -> None:
    sentence = (
        "Ouverture à Dakar d’un séminaire sous le thème : ‘’la sécurité des ports et des "
        "côtes’’, organisé par le ministère."
    )
    assert theme_name(sentence) == "la sécurité des ports et des côtes"


def test_small_words_between_capitalised_words_belong_to_the_name_before_its_noun() -> None:
    text = "The Harbours of Europe and Coastal Security Conference opened in Kiel."
    assert event_name(text) == "Harbours of Europe and Coastal Security Conference"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ministers meet in Kiel for Harbour Security Forum",
        "The UNODC and OSCE Regional Conference opened in Kiel.",
    ],
)
def test_a_preposition_or_a_list_of_bodies_before_a_name_is_no_part_of_it(sentence: str) -> None:
    name = event_name(sentence) or ""
    assert " for " not in f" {name} " and " and " not in f" {name} "


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Le ministère a organisé à Lomé un colloque destiné à examiner la sécurité des ports "
            "du golfe de Guinée.",
            "Colloque destiné à examiner la sécurité des ports du golfe de Guinée",
        ),
        (
            "Le 3 mai, l’agence a organisé une conférence nationale sur la sécurité des ports "
            "du golfe de Guinée.",
            "Conférence nationale sur la sécurité des ports du golfe de Guinée",
        ),
    ],
)
def test_a_french_event_noun_keeps_its_national_scope_and_its_purpose(
    sentence: str, name: str
) -> None:
    assert event_name(sentence) == name


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        (
            "Congreso Marítimo del Sur (CMS)",
            "El Congreso Marítimo del Sur (CMS) organizó en Lima un taller sobre puertos seguros.",
        ),
        ("Harbour Forum", "The Harbour Forum hosted a seminar on port security in Tallinn."),
        (
            "Congreso Marítimo del Sur",
            "Asistieron al encuentro que organizaron el Congreso Marítimo del Sur y dos "
            "fundaciones.",
        ),
        (
            "Congreso Marítimo del Sur",
            "Habló la directora ejecutiva del Congreso Marítimo del Sur sobre los puertos.",
        ),
    ],
)
def test_a_name_that_organises_or_has_a_director_is_a_body(name: str, sentence: str) -> None:
    assert organises(name, sentence)
    assert name not in [n for _, n in names_in(sentence)]


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("Harbour Security Forum", "The Harbour Security Forum, hosted by the city, opened today."),
        ("Harbour Security Forum", "The Harbour Security Forum hosted by the city opened today."),
        ("Congreso Marítimo del Sur", "El Congreso Marítimo del Sur se celebró en Lima."),
    ],
)
def test_a_name_that_is_organised_stays_an_event(name: str, sentence: str) -> None:
    assert not organises(name, sentence)


def test_an_events_acronym_in_brackets_does_not_end_its_russian_name() -> None:
    sentence = "12 мая в Риге прошел третий Балтийский портовый форум (БПФ) стран - участниц СНГ."
    assert [n for _, n in names_in(sentence)] == [
        "Третий Балтийский портовый форум (БПФ) стран - участниц СНГ"
    ]


def test_an_english_reporting_verb_ends_a_name() -> None:
    sentence = (
        "In opening the 2031 meeting of the Harbour Group, Director Jane Roe of the Harbour "
        'Secretariat remarked that "the Group has led regional work".'
    )
    assert all("remarked" not in n for _, n in names_in(sentence))


def test_a_title_case_name_before_a_lower_case_event_noun_keeps_its_small_words() -> None:
    sentence = (
        "Officers attended the Implementing the UN Harbour Strategy in Northern Europe forum from "
        "3-4 May at the Harbour Hotel."
    )
    assert [n for _, n in names_in(sentence)] == [
        "Implementing the UN Harbour Strategy in Northern Europe forum"
    ]


def test_a_german_participle_closing_the_clause_is_no_part_of_the_name() -> None:
    sentence = "Dem Thema hat sich das Rigaer Forum zum Seerecht (RIFOS) gewidmet."
    assert [n for _, n in names_in(sentence)] == ["Rigaer Forum zum Seerecht (RIFOS)"]


def test_a_ukrainian_adjective_belongs_to_the_name_a_russian_place_does_not() -> None:
    assert [n for _, n in names_in("На антитерористичній конференції ОБСЄ виступив посол.")] == [
        "Антитерористичній конференції ОБСЄ"
    ]
    assert [n for _, n in names_in("В Астане конференция ОБСЕ открылась вчера.")] == [
        "Конференция ОБСЕ"
    ]


def test_a_german_verb_after_a_name_ends_it() -> None:
    sentence = (
        "Symposium des Hafenamtes diskutiert Herausforderungen für Behörden und Gesellschaft."
    )
    assert [n for _, n in names_in(sentence)] == ["Symposium des Hafenamtes"]


def test_a_name_goes_on_after_de_contracted_with_the_article() -> None:
    from confwatch.spiders.normalise.names import event_name

    assert event_name("A 4ª Reunião do Comitê Portuário ocorrerá de 2 a 3 de maio.") == (
        "4ª Reunião do Comitê Portuário"
    )
    assert event_name("La III Reunión del Consejo Portuario tendrá lugar en Vigo.") == (
        "III Reunión del Consejo Portuario"
    )


def test_a_quoted_name_after_an_italian_di_complement_is_the_events_name() -> None:
    sentence = "Il museo ospita il convegno di studi “Fiumi puliti e città vivibili” il 3 maggio."
    assert names_in(sentence) == [(True, "Fiumi puliti e città vivibili")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The Minister Spoke at a Regional Workshop on a Shared Approach to Preventing "
            "Radicalisation\n\nThe two-day workshop opened in Tbilisi on 4 March 2021. "
            "Experts on terrorism took part.",
            "Regional Workshop on a Shared Approach to Preventing Radicalisation",
        ),
        (
            "Ministério promove seminário sobre a prevenção do extremismo violento\n\n"
            "O seminário sobre a prevenção do extremismo violento decorreu em Luanda a 4 de "
            "março de 2021. Especialistas em terrorismo participaram.",
            "Seminário sobre a prevenção do extremismo violento",
        ),
    ],
)
def test_an_article_a_after_the_word_linking_a_topic_keeps_the_name_going(
    text: str, title: str
) -> None:
    # "a" after "on"/"sobre" is the topic's article, not the verb ("le séminaire a réuni").
    (event,) = extract_page(
        text, url=None, source=offline_source("generic", None), is_text=True
    ).events
    assert event.title == title


def test_the_french_verb_a_after_a_name_still_ends_it() -> None:
    assert names_in("Le séminaire sur le terrorisme a réuni des experts à Dakar.") == [
        (True, "Séminaire sur le terrorisme")
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The theme of the regional conference is “Ports That Protect”.", "Ports That Protect"),
        (
            "L'intitulé de cet atelier est : « Sécurité des ports et des côtes ».",
            "Sécurité des ports et des côtes",
        ),
        (
            "El tema de la jornada es «Fronteras abiertas: un reto compartido».",
            "Fronteras abiertas: un reto compartido",
        ),
        (
            "Il tema dell'incontro sarà “Porti e frontiere nel Mediterraneo”.",
            "Porti e frontiere nel Mediterraneo",
        ),
        ("Das Thema der Tagung lautet „Häfen unter Druck“.", "Häfen unter Druck"),
        ("Тема встречи — «Безопасность морских портов».", "Безопасность морских портов"),
        ("Темой международной конференции стала «Безопасность портов».", "Безопасность портов"),
    ],
)
def test_a_quoted_name_after_the_title_or_theme_of_its_event_is_its_theme(
    sentence: str, name: str
) -> None:
    # The title or theme noun is the subject, the event in the genitive: the words giving the
    # name say which event it is.
    assert theme_name(sentence) == name


@pytest.mark.parametrize(
    "sentence",
    [
        "The title of the report is “Ports That Protect”.",
        "Тема доклада — «Безопасность морских портов».",
    ],
)
def test_a_quotation_titled_as_no_event_is_no_theme(sentence: str) -> None:
    assert theme_name(sentence) is None


def test_a_fronted_verb_of_titling_names_the_event_that_follows_the_quotation() -> None:
    sentence = 'Si intitola "Porti e frontiere: un dialogo" il convegno che si terrà a Bari.'
    assert theme_name(sentence) == "Porti e frontiere: un dialogo"


def test_a_fronted_verb_of_titling_names_no_event_when_none_follows() -> None:
    sentence = 'Si intitola "Porti e frontiere: un dialogo" il libro presentato a Bari.'
    assert theme_name(sentence) is None


def test_a_quoted_name_after_an_italian_closing_conference_is_its_name() -> None:
    sentence = 'Domani si terrà la conferenza finale "Porti sicuri nel Mediterraneo" a Bari.'
    assert (True, "Porti sicuri nel Mediterraneo") in names_in(sentence)


def test_a_small_word_written_in_title_case_belongs_to_the_name_before_its_noun() -> None:
    sentence = "Ministers left early from the No Shelter For Terror (NSFT) Ministerial Conference."
    assert [n for _, n in names_in(sentence)] == [
        "No Shelter For Terror (NSFT) Ministerial Conference"
    ]


@pytest.mark.parametrize(
    ("sentence", "token"),
    [
        # a double quote never closes at a single one: the quoted name is the single-quoted one
        (
            "\"Forty states joined the second ' Safe Harbours' Conference on Monday",
            "' Safe Harbours'",
        ),
        # marks of one weight typed unpaired still quote
        ('a seminar «Borders and Trust: Old and New" in May', '«Borders and Trust: Old and New"'),
    ],
)
def test_a_quotation_token_closes_only_at_a_mark_of_its_weight(sentence: str, token: str) -> None:
    assert token in name_tokens(sentence)
