"""Organisers: where a body's name ends (day words, "here", Russian and German adverbs), lists
that share a head or repeat their preposition, bodies that open their own event, and phrases
that name participants, not organisers. Each on an invented sentence (issue 15's L13 round)."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body


def _has(found: list[str], name: str) -> bool:
    return any(same_body(name, f) for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day word or a purpose ends a body's name.
        (
            "Mayors are meeting for an event hosted by Leeds City Council today to share "
            "their plans on preventing extremism.",
            ["Leeds City Council"],
        ),
        # "here" (the dateline's city) ends it too.
        (
            "A seminar was organized jointly by the National Authority (NA) and the Canadian "
            "High Commission here today at a hotel.",
            ["National Authority (NA)", "Canadian High Commission"],
        ),
        # The agent's preposition repeated after "and" makes a one-word name an agent.
        (
            "Il seminario “Rischi” organizzato dalla Prefettura di Modena e da Unimib. "
            "Hanno parlato i relatori.",
            ["Prefettura di Modena", "Unimib"],
        ),
        # The body a subject holds its event with, right after the event noun.
        (
            "On 3 May 2022, the Faculty of Law of Alpha University organised a joint webinar "
            "with the International Security Council (ISC) on ‘SECURITY TODAY’.",
            ["Faculty of Law of Alpha University", "International Security Council (ISC)"],
        ),
        # A named project is a body; the acronym's bracket the page left open is closed.
        (
            "Le Projet ALPHA-BETA en partenariat avec le Centre National de Veille et "
            "d’Alerte (CNVA, a organisé ce mardi 4 juin 2024, une conférence-débat.",
            ["Projet ALPHA-BETA", "Centre National de Veille et d’Alerte (CNVA)"],
        ),
        # Russian: the host institution "на базе", its seat cut off; the passive "проводится".
        (
            "Семинар организован на базе Университета права Грузии при содействии "
            "Представительства Германского общества по сотрудничеству (GIZ) в городе Бишкеке.",
            ["Университета права Грузии", "GIZ"],
        ),
        (
            "Семинар проводится Министерством региональной политики и массовых коммуникаций.",
            ["Министерство региональной политики и массовых коммуникаций"],
        ),
        # A role phrase that names nobody leaves the next one its bodies.
        (
            "Международная конференция, проводимая сегодня в Баку при поддержке и помощи "
            "правительства Азербайджана, – событие.",
            ["Government of Azerbaijan"],
        ),
        # A catalogued body in another language.
        (
            "El Ministro ha tomado parte en la Conferencia contra el Extremismo, organizada "
            "por la Casa Blanca y celebrada en la sede del Departamento de Estado.",
            ["White House"],
        ),
        # A person named with an honorific and the ministry of their office.
        (
            "Les 3 et 4 mai 2019 a eu lieu, à Rome, le séminaire de haut niveau, à l’invitation "
            "de M. Paolo Rossi, ministre de l’Intérieur de l’Italie.",
            ["Ministry of the Interior of Italy"],
        ),
        # A body the catalogue does not know, right before the noun of the event it gathers.
        (
            "The 2023 BRAVO Research Network Symposium gathered leading practitioners.",
            ["BRAVO Research Network"],
        ),
        # "in cooperation between", "is a co-operation between": both bodies.
        (
            "Dem Thema hat sich das in Kooperation zwischen dem IFR und dem LKA Hessen bereits "
            "zum dritten Mal stattfindende Forum gewidmet.",
            ["IFR", "LKA Hessen"],
        ),
        (
            "The conference is a co-operation between Qatar and the United Nations Office on "
            "Drugs and Crime (UNODC) in the fight against terrorism.",
            ["Government of Qatar", "UNODC"],
        ),
        # "junto al" joins a co-organiser; "D.C." is no sentence end before the event.
        (
            "El Congreso Judío Mundial (CJM) encabezó en Washington D.C. un taller sobre "
            "extremismo, junto al Comité Interamericano contra el Terrorismo (CICTE).",
            ["CICTE"],
        ),
        # A body's meeting glossed by its acronym, through its members, opened.
        (
            "Este lunes se inauguró en Lima el XX Pleno de Representantes del Grupo de Acción "
            "Financiera del Caribe (GAFIC), una cita regional.",
            ["Grupo de Acción Financiera del Caribe (GAFIC)"],
        ),
        # A long name glossed by its acronym stays one name.
        (
            "On 2 May, the Regional Network of National Counter-Terrorism and Preventing / "
            "Countering Violent Extremism Coordinators of the Eastern Alpine Six (RNNC) held its "
            "5th meeting in Graz.",
            [
                "Regional Network of National Counter-Terrorism and Preventing / Countering "
                "Violent Extremism Coordinators of the Eastern Alpine Six (RNNC)"
            ],
        ),
        # Time or place between the participle and its agent.
        (
            "Organisée trois jours durant par le Centre for Peace Studies (CPS), la conférence "
            "a rassemblé plus de 50 experts.",
            ["Centre for Peace Studies (CPS)"],
        ),
        (
            "El encuentro fue organizado este miércoles 15, por el Centro de Estudios Europeos "
            "y el Centro de Estudios de Seguridad (CES), en la Biblioteca.",
            ["Centro de Estudios Europeos", "Centro de Estudios de Seguridad (CES)"],
        ),
        # Bodies that open their own event; "U.S." ends no sentence.
        (
            "La Policía Nacional y la Federación de Municipios han inaugurado las XV Jornadas "
            "sobre seguridad.",
            ["Policía Nacional", "Federación de Municipios"],
        ),
        (
            "The U.S. Mission to the Arab League and the Arab League opened their joint "
            "Countering Violent Extremism Week in Cairo today.",
            ["U.S. Mission to the Arab League", "League of Arab States"],
        ),
        # Russian: the event noun in the prepositional ends the participle's agent.
        (
            "На срочно созванном Комитетом национальной безопасности Казахстана совещании "
            "эксперты приступили к работе.",
            ["National Security Committee of Kazakhstan"],
        ),
        # A described body's own name in quotes; its parent after a comma is no list item.
        (
            "Si terrà il meeting, organizzato dal gruppo di lavoro “Voce delle Vittime del "
            "Terrorismo” (VVT), della Rete Europea di Prevenzione (European Prevention Network "
            "– EPN), rete che la Commissione Europea ha creato.",
            ["Voce delle Vittime del Terrorismo (VVT)"],
        ),
        # Adjectives coordinated in a name; a lower-case owner's possessive.
        (
            "The conference is organized by the Foreign Ministry, the Informational and "
            "Analytical Center for International Relations and the UNDP Representative Office.",
            ["Informational and Analytical Center for International Relations", "UNDP"],
        ),
        (
            "The seminar was jointly organised by the Anti-Terrorism Unit of Kenya Police, the "
            "university’s School of Environmental Science and Management and Community "
            "Development for Peace on the institution’s campus on Monday.",
            ["School of Environmental Science and Management", "Community Development for Peace"],
        ),
        # "a joint event between" names its bodies; names share a plural head written last.
        (
            "Local authorities have come together to run a joint event between Bristol, Leeds "
            "and Derby Councils alongside the Office of Policing and Crime (OPC) to show how "
            "local government can lead.",
            ["Bristol Council", "Leeds Council", "Derby Council", "Office of Policing and Crime"],
        ),
        # A body's conference named in the lead, its quoted name between noun and owner.
        (
            "Lyon sera l’hôte de la conférence « Internet et les jeunes » de l’UNESCO",
            ["UNESCO"],
        ),
    ],
)
def test_organisers_found(text: str, expected: list[str]) -> None:
    found = find_organisers(text)
    for name in expected:
        assert _has(found, name), (name, found)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        # A day word or a purpose is no part of the name.
        (
            "Mayors are meeting for an event hosted by Leeds City Council today to share "
            "their plans.",
            "Leeds City Council today to share their plans",
        ),
        # The topic after "on" is the event's.
        (
            "A roundtable organized by the Office in Tajikistan on the draft national strategy "
            "to counter violent extremism concluded in Dushanbe.",
            "Office in Tajikistan on the draft national strategy",
        ),
        # A project in lower case is no body's name.
        (
            "Le projet européen « Alpha Team » se terminant fin 2021, nous organisons un "
            "colloque de clôture.",
            "projet européen « Alpha Team » se terminant fin 2021",
        ),
        # A meeting with a person is no co-host.
        (
            "The Embassy hosted a roundtable with the Minister of Justice of Kenya.",
            "Ministry of Justice of Kenya",
        ),
        # People from somewhere: the states are where they come from.
        (
            "Today experts from Latin America and the United States convened a meeting in "
            "Costa Rica.",
            "Government of the United States",
        ),
        # Alongside participants, a body takes part.
        (
            "Participan en el encuentro representantes de Suecia, Francia e Italia, junto al "
            "Centro de Inteligencia contra el Terrorismo y el Crimen Organizado (CITCO).",
            "Centro de Inteligencia contra el Terrorismo y el Crimen Organizado (CITCO)",
        ),
        # A person who opens an event opens someone else's.
        (
            "The Minister of Interior opened the conference organised by UNODC.",
            "Ministry of Interior",
        ),
        # A name never runs over a line break.
        (
            "Kenya's Premier Multilingual News Agency\n\nConference on countering violent "
            "extremism concludes in Nairobi",
            "Kenya's Premier Multilingual News Agency",
        ),
    ],
)
def test_no_body_taken(text: str, not_expected: str) -> None:
    assert not _has(find_organisers(text), not_expected)


def test_german_bracket_over_ordinal_dates() -> None:
    text = (
        "Die diesjährige Herbsttagung des Bundeskriminalamtes fand in der Zeit vom 18. - 19. "
        "November 2015 in Mainz statt."
    )
    assert _has(find_organisers(text), "BKA")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A German article before a capitalised noun goes on with the list; it is no relative.
        (
            "Veranstaltet wurde es vom Landesamt für Umwelt, der Botschaft von Kanada in "
            "Österreich und der Hochschule Erlenbach.",
            [
                "Landesamt für Umwelt",
                "Botschaft von Kanada in Österreich",
                "Hochschule Erlenbach",
            ],
        ),
        # "since <year>" ends a body's name.
        (
            "O encontro, iniciativa anual promovida pelo Instituto Alder desde 2001 que junta "
            "peritos de toda a Europa, decorre em Braga.",
            ["Instituto Alder"],
        ),
        # A French main verb after the list ends its last name.
        (
            "Ce colloque, co-organisé par le Centre Alder et l’Institut Birch (IB) a obtenu "
            "l’adhésion de plusieurs pays.",
            ["Centre Alder", "Institut Birch (IB)"],
        ),
    ],
)
def test_where_a_name_ends_in_a_list(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lower-case complement's coordinated noun is the name's own; a state adjective between
        # a head and its proper name is no part of the name.
        (
            "Le Centre d’études en sciences sociales et démocratie et la Fondation allemande "
            "Hans Birke ont organisé un séminaire à Lyon.",
            ["Centre d’études en sciences sociales et démocratie", "Fondation Hans Birke"],
        ),
        # Words that make no name, glossed by an acronym: the acronym's body.
        (
            "Le colloque est co-organisé par le régional de formation et de recherche pour le "
            "développement (CEFORD) et l’Ecole Alder.",
            ["CEFORD", "Ecole Alder"],
        ),
        # After an acronym, a word joined by "e" ending the list is a body written as a word.
        (
            "Il workshop, organizzato da UNIAL e Mibir, si terrà a Novara.",
            ["UNIAL", "Mibir"],
        ),
    ],
)
def test_names_written_in_lower_case_or_as_words(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


def test_russian_kind_in_lower_case_before_a_quoted_name() -> None:
    text = (
        "Семинар организован отделом образования Ольховского района и общественным "
        "объединением «Берёзка»."
    )
    found = find_organisers(text)
    assert _has(found, "отдел образования Ольховского района")
    assert _has(found, "общественное объединение «Берёзка»")


def test_a_french_lower_case_piece_is_the_tail_of_the_subject_before_it() -> None:
    text = (
        "Le Centre d’étude sur les conflits et la paix (CECP), en collaboration avec le cégep "
        "Alder, invite le public à prendre part au colloque intitulé « Paix et sécurité »."
    )
    assert find_organisers(text) == [
        "Centre d’étude sur les conflits et la paix (CECP)",
        "cégep Alder",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "in the" and a lower-case word is the sentence going on, not an English name.
        (
            "The conference is a co-operation between the Alder Centre (AC) and the Birch Task "
            "Force in the fight against terrorism.",
            ["Alder Centre (AC)", "Birch Task Force"],
        ),
        # The sentence's own verb in the present plural ends the list before it.
        (
            "On 3 May the Alder Centre (ALC) jointly with the Birch Task Force (BTF) co-organize "
            "a Consultation Meeting with the Regional Organizations in Almaty.",
            ["Alder Centre (ALC)", "Birch Task Force (BTF)"],
        ),
    ],
)
def test_where_an_english_list_ends(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


def test_a_unit_named_after_a_body_with_a_lower_case_remit_is_the_unit() -> None:
    text = (
        "La Chaire UNESCO en prévention de la violence et l’Institut Alder organisent un "
        "colloque à Lyon."
    )
    found = find_organisers(text)
    assert "UNESCO" not in found
    assert found[0] == "Chaire UNESCO en prévention de la violence"


def test_a_subject_whose_first_piece_holds_a_catalogued_name_is_read_whole() -> None:
    text = (
        "La Mission de l’Union africaine pour le Mali et le Sahel (MISAL) et le Centre Alder "
        "ont organisé un colloque à Bamako."
    )
    assert find_organisers(text) == [
        "Mission de l’Union africaine pour le Mali et le Sahel (MISAL)",
        "Centre Alder",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A French reflexive main verb ends the agent's name.
        (
            "Le séminaire organisé par l’Observatoire régional de la paix s’est tenu à Lomé.",
            ["Observatoire régional de la paix"],
        ),
        # Italian elides the agent's article: "organizzata dall’Università".
        (
            "La giornata, organizzata dall’Istituto Ligure di Studi Strategici, si terrà a Bari.",
            ["Istituto Ligure di Studi Strategici"],
        ),
        # Portuguese names the organisers after the noun, repeating the genitive.
        (
            "O encontro será em Recife, com organização da Fundação Sol e do Instituto Mar.",
            ["Fundação Sol", "Instituto Mar"],
        ),
        # A Russian adverb between "организаторами" and its copula.
        (
            "Организаторами традиционно выступили Институт права и Академия наук.",
            ["Институт права", "Академия наук"],
        ),
    ],
)
def test_name_ends_and_openers_in_more_languages(text: str, expected: list[str]) -> None:
    found = find_organisers(text)
    assert all(_has(found, name) for name in expected), found


def test_a_russian_department_named_by_two_portfolios_and_its_city_is_one_body() -> None:
    text = (
        "Организаторами выступили Департамент культуры и туризма города Самары, "
        "Департамент общественной безопасности и профилактики правонарушений города Самары."
    )
    assert find_organisers(text) == [
        "Департамент культуры и туризма города Самары",
        "Департамент общественной безопасности и профилактики правонарушений города Самары",
    ]


def test_a_russian_finite_organising_verb_ends_the_partner_list() -> None:
    text = "Фонд Альфа в партнерстве с Университетом Бета провел семинар в Казани."
    assert all("провел" not in name for name in find_organisers(text))


def test_an_italian_finite_organising_verb_ends_the_partner_list() -> None:
    text = (
        "L’Associazione Alfa, in collaborazione con l’Istituto Beta e il Centro Gamma, "
        "organizza un seminario a Roma."
    )
    found = find_organisers(text)
    assert all(_has(found, name) for name in ["Associazione Alfa", "Centro Gamma"]), found
    assert all("organizza" not in name for name in found)


def test_a_french_city_written_as_an_institution_hosts_its_event() -> None:
    assert find_organisers("La Ville de Lorient accueillera le colloque national.") == [
        "Ville de Lorient"
    ]
    assert find_organisers("Le colloque se tiendra dans la ville de Lorient.") == []


def test_a_partner_phrase_after_and_opens_its_own_list() -> None:
    text = (
        "Конференция организована Институтом права и при содействии Министерства "
        "внутренних дел Республики Узбекистан."
    )
    found = find_organisers(text)
    assert _has(found, "Институтом права"), found
    assert _has(found, "Ministry of the Interior of Uzbekistan"), found


def test_a_representative_office_is_a_body_and_representatives_are_people() -> None:
    office = "The Representative Office of the Alder Trust held a seminar on policing."
    assert find_organisers(office) == ["Representative Office of the Alder Trust"]
    people = "Representatives of the Alder Trust held a seminar on policing."
    assert find_organisers(people) == []


def test_financial_and_technical_support_makes_a_partner_and_financial_alone_a_funder() -> None:
    both = (
        "Organisé avec le soutien financier et technique de la Fondation Alder, "
        "ce colloque s’est ouvert à Lomé."
    )
    assert _has(find_organisers(both), "Fondation Alder")
    money = (
        "Organisé avec le soutien financier de la Fondation Alder, ce colloque s’est ouvert à Lomé."
    )
    assert find_organisers(money) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The workshop was organised by Harbourline, the regional network of practitioners.",
            ["Harbourline"],
        ),
        (
            "Il convegno organizzato dall'Orizzonpol dal titolo “Sicurezza” si terrà a Roma.",
            ["Orizzonpol"],
        ),
    ],
)
def test_one_capitalised_word_standing_alone_as_the_agent_is_a_body(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "By Harbourline\nThe seminar on terrorism opened in Vienna.",  # a byline: the writer
        "The workshop was organised by Smith and Jones.",  # a list of such words
        "The conference was organised by Dr. Smith.",  # a person after a title
        "The seminar was organised by Vienna.",  # a place
        "The forum was convened by the Secretary-General to strengthen cooperation.",  # an office
    ],
)
def test_one_capitalised_word_after_a_byline_title_or_in_a_list_is_no_body(text: str) -> None:
    assert find_organisers(text) == []


def test_a_word_whose_name_goes_on_leaves_the_list_to_the_partner_phrase() -> None:
    text = (
        "The forum is organized by the Senate of the Oliy Majlis jointly with the Organization "
        "for Security and Co-operation in Europe."
    )
    assert find_organisers(text) == ["OSCE"]


def test_one_capitalised_word_on_the_line_after_a_bare_label_is_no_body() -> None:
    assert find_organisers("Organised by\nExtremism remains a threat in the region.") == []
