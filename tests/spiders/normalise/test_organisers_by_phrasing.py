"""Organisers, by class of phrasing (issue 15, class 5): every text here is invented.

Each test names one class of pages: a list cut after its first body, a plural head that names
one body per state, a government named without its state, a body written with its acronym in
brackets, a quoted unit at its parent body, a body named before "in cooperation with" and a
Romance relative clause that puts the organiser after its verb."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body


def _has(found: list[str], expected: list[str]) -> bool:
    return all(any(same_body(e, f) for f in found) for e in expected)


def test_uncatalogued_name_holding_a_catalogued_one_does_not_cut_the_list() -> None:
    # The catalogue knows "SECI Center" under its later name (SELEC): the list must go on after it.
    text = (
        "The seminar is organised by the OSCE, the Southeast European Cooperative Initiative "
        "Center on trans-border crime (SECI Center) and the Adriatic Police Council (APC)."
    )
    found = find_organisers(text)
    assert _has(found, ["OSCE", "SECI Center", "Adriatic Police Council"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The workshop was held with the support of the governments of Norway and Japan.",
            ["Government of Norway", "Government of Japan"],
        ),
        (
            "Le séminaire a été organisé avec le soutien des gouvernements du Canada et de la "
            "France.",
            ["Government of Canada", "Government of France"],
        ),
        (
            "El seminario se celebró con el apoyo de los gobiernos de Chile y Perú.",
            ["Government of Chile", "Government of Peru"],
        ),
    ],
)
def test_plural_government_head_names_one_government_per_state(
    text: str, expected: list[str]
) -> None:
    found = find_organisers(text)
    assert _has(found, expected)
    assert not any(f.startswith(("Gouvernement of", "Gobierno of")) for f in found)


def test_the_government_is_the_event_states_government_when_that_state_is_known() -> None:
    text = "The forum was jointly hosted by the government and the OSCE."
    assert _has(find_organisers(text, country="GH"), ["Government of Ghana", "OSCE"])


def test_the_government_of_no_known_state_is_left_out_and_the_list_goes_on() -> None:
    found = find_organisers("The forum was jointly hosted by the government and the OSCE.")
    assert _has(found, ["OSCE"])
    assert not any("overnment" in f for f in found)


def test_a_body_named_before_a_partner_phrase_co_organises() -> None:
    text = (
        "The Regional Academy for Border Studies (RABS), in collaboration with the Coast Guard "
        "Service, conducted a seminar on maritime terrorism in Varna on 4 May 2021."
    )
    found = find_organisers(text)
    assert _has(found, ["RABS", "Coast Guard Service"])


def test_the_subject_of_another_verb_is_not_read_back_from_a_partner_phrase() -> None:
    text = (
        "The Lakeside Policy Institute organised the two-day seminar with the support of the "
        "Nordic Council."
    )
    found = find_organisers(text)
    assert not any("seminar" in f for f in found)


def test_a_quoted_name_is_not_split_at_its_and() -> None:
    text = (
        "Die „Stelle für Prävention und Ausstieg“ am Landesamt für Verfassungsschutz "
        "veranstaltet am 3. und 4. Mai 2022 in Kassel eine Fachtagung."
    )
    found = find_organisers(text)
    assert _has(found, ["Stelle für Prävention und Ausstieg"])
    assert not any(f.startswith("Ausstieg") or f.endswith("Prävention") for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Se trata del seminario regional sobre radicalización que organizó el Gobierno "
            "chileno.",
            ["Government of Chile"],
        ),
        (
            "C'était le colloque annuel qu'organise l'Organisation internationale de la "
            "Francophonie.",
            ["OIF"],
        ),
    ],
)
def test_romance_relative_clause_names_the_organiser_after_its_verb(
    text: str, expected: list[str]
) -> None:
    assert _has(find_organisers(text), expected)


def test_relative_clause_without_an_event_names_no_organiser() -> None:
    assert find_organisers("Es la política que organizó el Gobierno chileno.") == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Am 2. Juni organisierte die Landespolizei gemeinsam mit dem Landesamt für "
            "Verfassungsschutz und unter Schirmherrschaft des Innenministeriums den Fachtag.",
            "Landesamt für Verfassungsschutz",
        ),
        (
            "Le colloque, organisé par l'Université de Lille et avec le soutien financier de la "
            "Région, a réuni 80 chercheurs.",
            "Université de Lille",
        ),
    ],
)
def test_and_before_a_patron_or_funder_phrase_is_not_part_of_the_name(text: str, kept: str) -> None:
    found = find_organisers(text)
    assert kept in found
    assert not any(f.endswith((" und", " et")) for f in found)


def test_dateline_city_and_country_before_the_subject_are_no_part_of_it() -> None:
    text = (
        "Tashkent, Uzbekistan – 3-4 March UNODC and the OSCE held a regional conference on "
        "terrorist financing."
    )
    assert _has(find_organisers(text), ["UNODC", "OSCE"])


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ecole Nationale de Police", "Ecole Nationale de Police française", True),
        ("Instituto Nacional de Estudios", "Instituto Nacional de Estudios chileno", True),
        ("Ecole Nationale de Police", "Ecole Nationale de Douane française", False),
    ],
)
def test_a_state_adjective_after_a_name_does_not_make_another_body(
    a: str, b: str, same: bool
) -> None:
    assert same_body(a, b) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Westbrook School of Public Affairs organised a workshop on extremism.",
            ["Westbrook School of Public Affairs"],
        ),
        (
            "Das Kommunale Präventionsnetzwerk Nord veranstaltet am 5. Mai 2023 einen Fachtag.",
            ["Kommunale Präventionsnetzwerk Nord"],
        ),
    ],
)
def test_schools_and_networks_are_organisation_words(text: str, expected: list[str]) -> None:
    assert _has(find_organisers(text), expected)


def test_a_second_role_phrase_starts_its_own_list() -> None:
    text = (
        "The regional forum was initiated by the National Security Council in partnership with "
        "the Eurasian Group (EAG) and co-organized by UNODC and the OSCE."
    )
    found = find_organisers(text)
    assert _has(found, ["National Security Council", "EAG", "UNODC", "OSCE"])
    assert not any(f.endswith(" and") for f in found)


def test_a_person_of_a_catalogued_body_is_no_organiser() -> None:
    text = (
        "The opening session was chaired by Minister A. Bold, Jane Roe of the United Nations "
        "Office of Counter-Terrorism and John Doe of the OSCE."
    )
    found = find_organisers(text)
    assert not any("Roe" in f or "Doe" in f for f in found)


def test_a_catalogued_name_and_a_verb_after_it_make_no_name() -> None:
    text = (
        "In Wien soll am 3. Mai eine Konferenz unter der Ägide der Organisation für Sicherheit "
        "und Zusammenarbeit in Europa stattfinden."
    )
    assert find_organisers(text) == ["OSCE"]


@pytest.mark.parametrize(
    "text",
    [
        "The training centre will host a briefing in conjunction with the police academy.",
        "Le ministre a parlé conjointement avec son homologue.",
    ],
)
def test_a_partner_phrase_outside_an_event_sentence_names_no_organiser(text: str) -> None:
    assert find_organisers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The seminar on foreign fighters was organised by UNODC in conjunction with the OSCE.",
            ["UNODC", "OSCE"],
        ),
        (
            "Le séminaire a été organisé par l'ONUDC conjointement avec l'OSCE.",
            ["UNODC", "OSCE"],
        ),
        (
            "El seminario fue organizado por la UNODC en conjunto con la OSCE.",
            ["UNODC", "OSCE"],
        ),
        (
            "Das Seminar wurde vom UNODC zusammen mit der OSZE veranstaltet.",
            ["UNODC", "OSCE"],
        ),
        (
            "Семинар организован УНП ООН в партнерстве с ОБСЕ.",
            ["UNODC", "OSCE"],
        ),
    ],
)
def test_partner_phrases_in_five_languages_add_a_co_organiser(
    text: str, expected: list[str]
) -> None:
    assert _has(find_organisers(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "Встреча прошла по инициативе Генерального секретаря ООН Ивана Петрова в Женеве.",
        "The meeting was convened at the initiative of the UN Secretary-General Jane Roe in "
        "Geneva.",
    ],
)
def test_an_organisations_head_named_with_a_person_stands_for_the_organisation(text: str) -> None:
    assert find_organisers(text) == ["United Nations"]


def test_a_units_name_after_its_body_is_kept_not_read_as_a_person() -> None:
    text = "The seminar was organised by the OSCE Mission in Skopje."
    assert find_organisers(text) == ["OSCE Mission in Skopje"]


def test_support_by_names_a_partner_like_support_of() -> None:
    text = (
        "The Peace Institute held a workshop on resilience with the support by the "
        "governments of Norway and Chile."
    )
    assert find_organisers(text) == [
        "Peace Institute",
        "Government of Norway",
        "Government of Chile",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lo dijeron fuentes del Club de Birchwood, organizador de la Cumbre.",
            "Club de Birchwood",
        ),
        (
            "Le ministre a remercié l’Institut des Hautes Études, organisateur du colloque.",
            "Institut des Hautes Études",
        ),
        (
            "Speaking was Professor John Smith of the Alder Institute, the organiser of the "
            "conference.",
            "Alder Institute",
        ),
    ],
)
def test_a_body_named_the_organiser_in_apposition(text: str, expected: str) -> None:
    assert find_organisers(text) == [expected]


def test_a_person_named_the_organiser_in_apposition_is_no_body() -> None:
    assert find_organisers("Das sagte Anna Weber, Veranstalterin der Tagung.") == []


def test_a_support_phrase_in_an_organiser_phrase_sentence_adds_a_partner() -> None:
    # No event noun in the sentence: the organiser phrase before says it is about the event.
    text = (
        "Coordenada pela Secretaria de Estudos Alder e pela Câmara de Revisão Birch, a "
        "atividade contou com o apoio da ESCAL."
    )
    assert find_organisers(text) == [
        "Secretaria de Estudos Alder",
        "Câmara de Revisão Birch",
        "ESCAL",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials will gather in Suva on 3 May for the Alder Islands Council's annual "
            "Regional Security Committee meeting.",
            "Alder Islands Council",
        ),
        ("The Birch Institute's first expert workshop will be held in Rome.", "Birch Institute"),
    ],
)
def test_a_body_owning_its_meeting_in_the_possessive(text: str, expected: str) -> None:
    assert find_organisers(text) == [expected]


def test_a_possessive_headline_over_a_line_break_owns_nothing() -> None:
    text = "Kenya's Premier News Agency\nConference on peace will be held in Nairobi."
    assert find_organisers(text) == []


def test_a_kind_word_after_a_name_is_no_part_of_it() -> None:
    text = (
        "A conference will be held in Prague next week, said the organisers from the Alder "
        "Values think-tank on Monday."
    )
    assert find_organisers(text) == ["Alder Values"]


def test_a_russian_participle_in_the_prepositional_case_names_its_organisers() -> None:
    text = "В семинаре, организованном Фондом «Берёза», участвовали студенты."
    assert _has(find_organisers(text), ["Фонд «Берёза»"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Un atelier initié par l'Institut Alder (IA) et le Centre Birch (CB) sous le thème "
            "« Paix et sécurité » a débuté à Rabat.",
            ["Institut Alder (IA)", "Centre Birch (CB)"],
        ),
        (
            "El seminario, iniciado por la Fundación Alder, se celebra en Lima.",
            ["Fundación Alder"],
        ),
    ],
)
def test_initiating_an_event_is_organising_it(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The seminar was organised on 5 May 2018 by the Peace Institute.", ["Peace Institute"]),
        (
            "The seminar was hosted in Nairobi on March 3, 2019, by the Peace Institute.",
            ["Peace Institute"],
        ),
        (
            "Ce séminaire a été co-organisé à Tunis, en Tunisie, les 3 et 4 mars 2019 par "
            "l'Institut de la Paix et la Fondation Nord.",
            ["Institut de la Paix", "Fondation Nord"],
        ),
        (
            "El seminario fue organizado en Quito el 5 de mayo de 2018 por el Instituto de Paz.",
            ["Instituto de Paz"],
        ),
        (
            "La jornada organizada los días 3 y 4 de marzo por la Fundación Norte.",
            ["Fundación Norte"],
        ),
    ],
)
def test_a_day_between_the_participle_and_its_agent(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The forum was organized by the Peace Institute in close cooperation, coordination, "
        "and assistance with the North Foundation.",
        "The forum was organized by the Peace Institute in partnership and cooperation with the "
        "North Foundation.",
    ],
)
def test_partnership_nouns_coordinated_before_their_one_with(text: str) -> None:
    assert find_organisers(text) == ["Peace Institute", "North Foundation"]
