"""Titles (L16 round): a news headline whose verb says who took part or that the meeting goes on
gives way to the name the text gives the event; a heading naming its event only by the body
holding it gives way to the text's own name; a name cut from running text ends before a relative
clause's verb or a Russian short participle; a building named for its meetings is no event.
(L17/L18 round) A Romance headline saying a city will host the event, or one that places its event
late, lower case after "at"/"no"/"nel", reports on it. Invented sentences, one rule each."""

from __future__ import annotations

from confwatch.spiders.normalise import headings, names
from confwatch.spiders.normalise.lead_phrase import described_event
from confwatch.spiders.normalise.name_case import nominative
from confwatch.spiders.normalise.name_tail import name_tail
from confwatch.spiders.normalise.name_words import is_verb
from confwatch.spiders.normalise.quoted_names import datelined_title, quoted_event_names
from confwatch.spiders.normalise.titles import choose_title, text_candidates


def test_a_portuguese_headline_saying_who_took_part_gives_way_to_the_quoted_name() -> None:
    heading = "Prefeitura participa de seminário sobre segurança escolar em Recife"
    sentences = [
        heading,
        "A Prefeitura esteve no seminário “Escolas Seguras para Todos”, promovido pela "
        "Universidade Federal, em Recife, nesta terça-feira.",
    ]
    assert choose_title(heading, sentences) == "Escolas Seguras para Todos"


def test_a_spanish_headline_saying_the_meeting_goes_on_gives_way_to_its_name() -> None:
    heading = "Cumbre latinoamericana prosigue en Panamá sobre contrabando"
    sentences = [
        "Por tercera jornada, el Pleno de Delegados y Comisiones del Consejo Regional de Aduanas "
        "(Corad) continúa hoy aquí revisando cómo avanzan las reformas.",
    ]
    # "continúa" is the clause's verb: the name ends before it.
    assert (
        choose_title(heading, sentences)
        == "Pleno de Delegados y Comisiones del Consejo Regional de Aduanas (Corad)"
    )


def test_a_headline_saying_what_the_congress_calls_for_gives_way_to_its_full_name() -> None:
    heading = "El Congreso sobre Piratería insta a proteger las rutas del Caribe"
    sentences = [
        "La protección de las rutas fue la idea más repetida en la apertura del III Congreso "
        "Internacional del Caribe: Piratería y Comercio, celebrado en Cartagena.",
    ]
    assert choose_title(heading, sentences) == (
        "III Congreso Internacional del Caribe: Piratería y Comercio"
    )


def test_a_heading_naming_the_event_by_its_holder_gives_way_to_the_events_own_name() -> None:
    heading = "Fachtag der Landesarbeitsgemeinschaft Jugendschutz Thüringen"
    sentences = [
        "Am 3. Mai findet in Erfurt der Fachtag Medienkompetenz im digitalen Alltag der LAG "
        "Jugendschutz statt, der sich neuen Plattformen widmet.",
    ]
    assert choose_title(heading, sentences) == (
        "Fachtag Medienkompetenz im digitalen Alltag der LAG Jugendschutz"
    )


def test_a_heading_naming_its_holder_stays_when_the_text_gives_no_other_name() -> None:
    heading = "Fachtag der Landesarbeitsgemeinschaft Jugendschutz Thüringen"
    sentences = ["Am 3. Mai findet in Erfurt der Fachtag statt, mit Vorträgen und Workshops."]
    assert choose_title(heading, sentences) == heading


def test_that_before_a_singular_verb_ends_a_name_and_a_plural_one_does_not() -> None:
    tokens = ["workshop", "in", "Mombasa", "that", "brings", "together", "port", "officers"]
    assert name_tail(tokens, 1) == ["in", "Mombasa"]
    tokens = ["seminar", "on", "extremism", "and", "radicalization", "that", "lead", "to", "terror"]
    assert name_tail(tokens, 1)[-3:] == ["lead", "to", "terror"]


def test_that_opens_a_relative_clause_the_descriptive_phrase_ends_before() -> None:
    body = (
        "Mombasa, 3 May 2021\n\nThe port authority has launched a two-day workshop in Mombasa "
        "that brings together officers from four countries.\n\nThey discussed cargo checks."
    )
    assert described_event(body) == "two-day workshop in Mombasa"


def test_a_russian_short_passive_participle_is_a_verb_a_name_ends_before() -> None:
    assert is_verb("запланированы") and is_verb("организована") and is_verb("проведены")
    assert not is_verb("страна") and not is_verb("план")
    found = names.names_in("На семинаре запланированы доклады экспертов из трех областей.")
    assert not any("запланированы" in name for _, name in found)


def test_a_building_named_for_its_conferences_is_no_event() -> None:
    sentence = (
        "Le Forum annuel sur la sécurité maritime se tient au Centre International de "
        "Conférences de Dakar."
    )
    assert [n for _, n in names.names_in(sentence)] == ["Forum annuel sur la sécurité maritime"]


def test_a_list_of_short_items_after_a_colon_is_a_subtitle_not_a_kickers_headline() -> None:
    assert not headings.reports_on("Piraterie: Ursachen - Akteure - Abwehr")
    assert headings.reports_on("Hamburg: Senator eröffnet neue Konferenz zur Hafensicherheit")


def test_a_capitalised_verb_before_a_qualified_event_noun_makes_a_headline() -> None:
    assert headings.is_headline("City Council Hosts Regional Workshop on Flood Safety")
    assert not headings.is_headline("Conference on Transnational Organized Crime")


def test_a_topic_title_heading_is_the_name_of_the_event_the_text_says_is_about_it() -> None:
    heading = "Piraterie: Ursachen - Akteure - Abwehr"
    sentences = [
        "Bei dem von Anna Berg eröffneten internationalen Symposium über Piraterie in der "
        "Marineschule am 5. Mai sprachen Experten aus zwölf Ländern.",
    ]
    assert choose_title(heading, sentences) == heading


def test_a_speakers_quoted_statement_with_a_verb_is_no_title() -> None:
    assert (
        datelined_title("Министр Иван Петров: «Россия вносит вклад в борьбу с пиратством»") is None
    )
    assert datelined_title("Москва – «Безопасность морских путей в новом веке»") == (
        "Безопасность морских путей в новом веке"
    )


def test_a_french_participle_of_holding_ends_a_name() -> None:
    sentence = (
        "Le séminaire fait suite à la session extraordinaire du Conseil Régional de Sécurité "
        "tenue le 3 mars à Douala."
    )
    assert all(not name.endswith("tenue") for _, name in names.names_in(sentence))


def test_a_name_inside_an_earlier_meetings_conclusions_is_in_the_background() -> None:
    sentence = (
        "La réunion découle des conclusions de la session extraordinaire de la Conférence des "
        "Ministres du Conseil Régional tenue en mars."
    )
    assert text_candidates([sentence]) == []


def test_a_forum_someone_presides_over_is_a_body_not_an_event() -> None:
    sentence = (
        "Dopo i saluti di Marco Rossi, Presidente del Forum Regionale per la Sicurezza Stradale, "
        "interverranno tre esperti."
    )
    assert names.names_in(sentence) == []
    body = (
        "Sabato 21 settembre ore 10:30, a Rimini si parla di sicurezza stradale con "
        "amministratori e tecnici.\nL'iniziativa promossa dal Comune di Rimini intende offrire "
        "un quadro del tema e fornire strumenti pratici ai tecnici.\nDopo i saluti di Anna Neri, "
        "Sindaco di Rimini e di Marco Rossi, Presidente del Forum Regionale per la Sicurezza "
        "Stradale (FRSS) e Sindaco di Cesena, interverranno tre esperti."
    )
    assert described_event(body) is None


def test_a_quoted_forum_framing_another_event_of_its_sentence_is_not_that_events_name() -> None:
    framed = (
        "В рамках форума «Безопасный город», приуроченного ко Дню города, в библиотеке "
        "состоялся круглый стол."
    )
    assert text_candidates([framed]) == []
    alone = "Министр выступил на полях конференции «Безопасный город в новом веке»."
    assert [c.name for c in text_candidates([alone])] == ["Безопасный город в новом веке"]


def test_a_french_headline_saying_who_takes_part_is_a_headline() -> None:
    assert headings.is_headline("Le CNRS participe à la Conférence 2025 du Centre de prévention")
    assert headings.is_headline("Prefeitura participa de seminário sobre segurança escolar")


def test_a_quoted_clause_with_an_auxiliary_and_its_verb_is_speech_not_a_name() -> None:
    speech = (
        '"A regional meeting will be held next week on port security, and I have told the '
        'Cabinet so," the minister said.'
    )
    assert quoted_event_names(speech) == []
    named = 'Delegates met at the "Regional Meeting on Port Security" in Mombasa.'
    assert quoted_event_names(named) == ["Regional Meeting on Port Security"]


def test_the_nominative_rule_makes_no_name_of_the_clauses_subject_and_verb() -> None:
    # "на совещании эксперты приступили ...": "эксперты" is the subject, not a genitive.
    assert nominative("совещании эксперты приступили к обсуждению планов") == "совещание"
    assert nominative("заседании Совета министров") == "заседание Совета министров"


def test_a_russian_verb_ends_the_leads_descriptive_phrase() -> None:
    body = (
        "Алматы, 25 ноября 2015 года.\n\nНа срочно созванном областном совещании "
        "практики-эксперты приступили к выработке общих мер профилактики.\n\nПодробности позже."
    )
    phrase = described_event(body)
    assert phrase is not None and "приступили" not in phrase


def test_a_spanish_headline_saying_a_city_will_host_the_congress_gives_way_to_its_name() -> None:
    heading = "Lisboa será la sede en 2031 del IV Congreso Internacional"
    sentences = [
        "Lisboa acogerá la cuarta edición del Congreso Internacional sobre Seguridad Portuaria.",
    ]
    assert headings.reports_on(heading)
    assert choose_title(heading, sentences) == "Congreso Internacional sobre Seguridad Portuaria"


def test_a_headline_placing_its_event_late_in_lower_case_gives_way_to_the_proper_name() -> None:
    heading = "Proteção de portos e cooperação regional marcam debates no seminário nacional"
    sentences = [
        "O segundo dia do IX Seminário Nacional de Proteção Portuária, realizado em Santos, "
        "reuniu especialistas de vários estados.",
    ]
    assert headings.reports_on(heading)
    assert choose_title(heading, sentences) == "IX Seminário Nacional de Proteção Portuária"


def test_a_heading_describing_its_event_with_an_article_is_not_read_as_a_statement() -> None:
    assert not headings.reports_on(
        "Prévention des risques portuaires : un séminaire pour les acteurs associatifs du port"
    )
    assert not headings.reports_on(
        "Organisation de la conférence régionale sur la sûreté portuaire"
    )


def test_a_heading_opening_with_an_acronym_and_its_verb_is_a_headline() -> None:
    assert headings.reports_on("WMO Supports Coastal States to Plan for Rising Seas")
    assert headings.reports_on("ICAO HOSTS REGIONAL FORUM ON AIRPORT SAFETY")
    # A verb form inside a title-case name is still part of the name.
    assert not headings.reports_on("Trafficking and Organized Crime in the Andes")


def test_the_texts_name_beats_an_acronym_and_verb_headline() -> None:
    heading = "WMO Supports Coastal States to Plan for Rising Seas"
    sentences = [
        heading,
        "The WMO held a regional workshop on coastal flood warnings in Apia on 4 May 2031.",
    ]
    assert choose_title(heading, sentences) == "Regional workshop on coastal flood warnings"


def test_headline_telling_of_its_conference_gives_way_to_the_quoted_title() -> None:
    # Invented: a news headline with the conference deep inside it; the lead quotes the title.
    heading = "Lyon, la sensibilisation sur la menace cyber au centre d'une conférence publique"
    sentences = [
        "Le département d'histoire a organisé une conférence publique le jeudi 4 mars 2024, "
        "sur le thème : « Les réseaux face à la propagande violente ».",
    ]
    assert choose_title(heading, sentences) == "Les réseaux face à la propagande violente"


def test_heading_shaped_as_a_name_keeps_it_over_a_quoted_theme() -> None:
    # Invented: the heading opens (or ends) with the event's kind, so it is the name itself.
    sentences = [
        "Le séminaire sur le thème « Le rôle des élus face aux discours violents » a eu lieu "
        "le 4 mars 2024 à Lyon.",
    ]
    for heading in (
        "Quatrième séminaire régional sur la prévention de l'extrémisme violent",
        "2024 Regional Prevention Week",
    ):
        assert choose_title(heading, sentences) == heading


def test_a_kind_of_two_words_before_a_quotation_is_no_name_of_its_own() -> None:
    # Invented: "Круглый стол" and "экспертная площадка" are each one event noun of two words.
    sentences = ["Мероприятие прошло 4 марта 2024 года в Казани."]
    for heading in (
        "Круглый стол «Профилактика экстремизма в молодежной среде»",
        "Международная экспертная площадка «Профилактика экстремизма в молодежной среде»",
    ):
        assert choose_title(heading, sentences) == "Профилактика экстремизма в молодежной среде"


def test_a_headline_telling_what_happened_gives_way_to_a_title_the_text_introduces() -> None:
    # Invented: the headline opens with its kind but tells what the seminar did; far below,
    # the text introduces the seminar's title.
    heading = "Seminar explores countering extremism"
    sentences = [
        "Posted on 4 March 2024",
        "Delegates from 12 countries met in Vienna on 4 March 2024.",
        "They came from ministries, police services and universities.",
        "The host thanked the partners for their support.",
        "Several sessions looked at the role of families.",
        "A youth panel closed the first day.",
        "The second day turned to the internet companies.",
        "Many speakers called for closer cooperation.",
        "Entitled “Recruitment Online: What Works Against It,” the seminar ended with "
        "recommendations.",
    ]
    assert choose_title(heading, sentences) == "Recruitment Online: What Works Against It"


def test_a_statement_with_its_speaker_after_a_colon_is_a_headline() -> None:
    assert headings.reports_on("Our region cannot afford to ignore online radicalisation: PM")
    assert headings.reports_on("We will never negotiate with armed groups: Foreign Secretary")


def test_a_name_with_its_place_after_a_colon_is_no_attributed_statement() -> None:
    assert not headings.reports_on("Regional Conference on Border Security and Terrorism: Vienna")
    assert not headings.reports_on("Extremism: Roots")
    assert not headings.reports_on(
        "Countering Violent Radicalisation in the Western Balkans: Lessons Learned"
    )


def test_a_statement_headline_gives_way_to_the_seminar_the_speaker_spoke_at() -> None:
    heading = "Our region cannot afford to ignore online radicalisation: PM"
    sentences = [
        "The Prime Minister said the threat was growing.",
        "She called for regional co-operation.",
        "Police chiefs from six countries attended.",
        "More funds were promised.",
        "The ministry will publish a report.",
        "Civil society groups welcomed the call.",
        "She spoke at a seminar on ‘Online Radicalisation in the Region: Trends and Answers’.",
    ]
    assert (
        choose_title(heading, sentences)
        == "Online Radicalisation in the Region: Trends and Answers"
    )


def test_a_headline_saying_who_prepares_the_conference_gives_way_to_the_texts_name() -> None:
    heading = "Brasil e Portugal preparam conferência sobre extremismo"
    sentences = [
        heading,
        "O Governo vai acolher em Outubro uma conferência internacional sobre segurança "
        "portuária e extremismo violento na região dos Grandes Lagos, com Portugal como parceiro.",
    ]
    assert choose_title(heading, sentences) == (
        "Conferência internacional sobre segurança portuária e extremismo violento "
        "na região dos Grandes Lagos"
    )


def test_a_verb_of_preparing_makes_a_headline_telling_of_its_event() -> None:
    assert headings.tells_of("Ministérios preparam conferência sobre terrorismo")
    assert headings.tells_of("El Gobierno prepara un congreso sobre seguridad")
