"""Organisers (issue 15, round L11): a body's seat after a comma, German office compounds and
verb-final participles, and the subject after a Romance "que". Every text here is invented.

A city after a body's name and a comma says where the body sits, not what it is called; German
names offices with "-stelle" and "-zentrale" and districts with "Kreis"; a German clause ends with
its participle ("... mit dem Kreis X veranstaltet"); French, Spanish and Portuguese put the
subject after "que" ("C'est sous ce thème que le pôle X organise ce colloque")."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, title_organisers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The forum is hosted by the Alder Institute in collaboration with Birch University, "
            "Lahore.",
            ["Alder Institute", "Birch University"],
        ),
        (
            "The forum is organised by the Alder Institute, Lahore and the Birch Centre.",
            ["Alder Institute", "Birch Centre"],
        ),
    ],
)
def test_a_city_after_a_comma_is_the_bodys_seat_not_its_name(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Tagung wurde von der Erlen-Anlaufstelle organisiert.", "Erlen-Anlaufstelle"),
        (
            "Der Fachtag wird von der Landeszentrale für Demokratie Nordland veranstaltet.",
            "Landeszentrale für Demokratie Nordland",
        ),
    ],
)
def test_german_office_compounds_in_stelle_and_zentrale_are_bodies(
    text: str, expected: str
) -> None:
    assert find_organisers(text) == [expected]


def test_a_german_participle_ends_the_list_before_it() -> None:
    text = "Die Fachtagung wird in Zusammenarbeit mit dem Kreis Erlenbach veranstaltet."
    assert find_organisers(text) == ["Kreis Erlenbach"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "C'est sous ce thème que le pôle d'excellence de l'université Kara organise ce "
            "colloque.",
            "pôle d'excellence de l'université Kara",
        ),
        (
            "Es en este marco que la Universidad de Aliso organiza el seminario.",
            "Universidad de Aliso",
        ),
    ],
)
def test_the_subject_after_a_romance_que_organises_the_event(text: str, expected: str) -> None:
    assert find_organisers(text) == [expected]


def test_a_spanish_subject_relative_que_keeps_the_subject_before_it() -> None:
    text = "La Universidad de Aliso, que organiza el seminario, invitó a expertos."
    assert find_organisers(text) == ["Universidad de Aliso"]


def test_a_russian_remit_list_ends_with_the_bodys_territory() -> None:
    text = (
        "Форум проводится при поддержке комитета по культуре, туризму и спорту Тверской "
        "области, УМВД по Тверской области."
    )
    assert find_organisers(text) == [
        "комитета по культуре, туризму и спорту Тверской области",
        "УМВД по Тверской области",
    ]


def test_a_russian_acronym_with_po_and_a_territory_is_a_branch_of_that_body() -> None:
    assert find_organisers("Семинар организован УФСИН по Алтайскому краю.") == [
        "УФСИН по Алтайскому краю"
    ]


def test_italian_in_congiunzione_con_names_a_partner() -> None:
    text = "Il convegno è organizzato dal Rotary Club Pisa in congiunzione con l'Istituto Alder."
    assert find_organisers(text) == ["Rotary Club Pisa", "Istituto Alder"]


def test_a_german_invitation_holds_its_event_however_long_the_time_and_place_between() -> None:
    text = (
        "ALDERNET lädt nun zu einem öffentlichen Fachtag am 3. Mai 2024 in das Bürgerhaus "
        "Am Markt von 9.30 bis 16.00 Uhr in Erlenbach ein."
    )
    assert find_organisers(text) == ["ALDERNET"]


def test_spanish_plural_convocaron_makes_its_subjects_organisers() -> None:
    text = "El Instituto Alder y la Fundación Birch convocaron a expertos al seminario regional."
    assert find_organisers(text) == ["Instituto Alder", "Fundación Birch"]


def test_a_romance_faculty_of_two_subjects_of_a_university_is_one_body() -> None:
    text = (
        "El congreso ha sido organizado por la Facultad de Derecho y Ciencias Sociales de la "
        "Universidad Alder."
    )
    assert find_organisers(text) == [
        "Facultad de Derecho y Ciencias Sociales de la Universidad Alder"
    ]


def test_a_linked_capitalised_name_ending_a_list_of_bodies_is_a_body() -> None:
    text = (
        "Organisée en partenariat avec l'Institut Alder, le Centre Birch et la Rabita Cedar "
        "des Savants, cette conférence réunira 40 personnes."
    )
    assert find_organisers(text) == ["Institut Alder", "Centre Birch", "Rabita Cedar des Savants"]


def test_a_person_ending_a_list_of_bodies_is_no_body() -> None:
    text = (
        "The workshop was organised by the Alder Institute, the Birch Centre and Jean de La "
        "Fontaine."
    )
    assert find_organisers(text) == ["Alder Institute", "Birch Centre"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The seminar was coordinated by the Alder Institute.", "Alder Institute"),
        ("Le séminaire a été coordonné par l'Institut Alder.", "Institut Alder"),
        ("El seminario fue coordinado por el Instituto Alder.", "Instituto Alder"),
        ("O seminário foi coordenado pelo Instituto Alder.", "Instituto Alder"),
    ],
)
def test_the_body_that_coordinates_an_event_organises_it(text: str, expected: str) -> None:
    assert find_organisers(text) == [expected]


def test_portuguese_pela_before_each_agent_is_no_part_of_its_name() -> None:
    text = "Organizado pela Secretaria Alder e pela Câmara Birch, o seminário reuniu 40 pessoas."
    assert find_organisers(text) == ["Secretaria Alder", "Câmara Birch"]


def test_the_organisers_from_a_body_name_that_body() -> None:
    text = (
        "The conference will be held in Prague, Jan Novak told journalists on behalf of the "
        "organisers from the Alder Institute."
    )
    assert find_organisers(text) == ["Alder Institute"]


def test_a_weekday_after_a_name_is_the_sentences_time_not_part_of_the_name() -> None:
    text = "The seminar next week is organised by the Alder Institute Monday, Jan Novak said."
    assert find_organisers(text) == ["Alder Institute"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "„Alder?“ Fachtagung der Landeszentrale für Demokratie zu „Prävention“",
            ["Landeszentrale für Demokratie"],
        ),
        ("Seminar of the Alder Institute on violent extremism", ["Alder Institute"]),
        ("Colloque de l’Institut Alder sur la radicalisation", ["Institut Alder"]),
    ],
)
def test_an_uncatalogued_body_in_the_genitive_of_the_event_noun_owns_the_event(
    title: str, expected: list[str]
) -> None:
    assert title_organisers(title) == expected


@pytest.mark.parametrize(
    "title",
    [
        "10e Rencontre des Points Focaux du Centre Alder sur le terrorisme",
        "Conference of the Heads of State in Vienna",
    ],
)
def test_people_in_the_genitive_of_the_event_noun_own_no_event(title: str) -> None:
    assert title_organisers(title) == []


def test_the_body_an_event_is_chapeaute_par_organises_it() -> None:
    text = "L'événement est chapeauté par l'Observatoire Alder sur la violence."
    assert find_organisers(text) == ["Observatoire Alder sur la violence"]


def test_a_bodys_founding_year_does_not_date_its_role_before_the_page() -> None:
    text = (
        "La conférence internationale de 2021 aura lieu en février 2021 à Rabat. L'événement "
        "est chapeauté par l'Observatoire Alder (OA), créé en 2016. Organisée en partenariat "
        "avec l'Institut Birch, cette conférence réunira 40 personnes."
    )
    assert find_organisers(text) == ["Observatoire Alder (OA)", "Institut Birch"]


def test_an_ordinal_numbering_a_unit_is_part_of_its_name() -> None:
    text = "O seminário foi organizado pela Secretaria Alder e pela 2ª Câmara de Revisão Birch."
    assert find_organisers(text) == ["Secretaria Alder", "2ª Câmara de Revisão Birch"]


def test_a_german_accusative_event_after_a_partner_ends_the_partners_name() -> None:
    text = (
        "Am 14. Mai organisierte das Kompetenzzentrum für Analyse gemeinsam mit dem Landesamt "
        "Alder den Fachtag in Erlangen."
    )
    assert find_organisers(text) == ["Kompetenzzentrum für Analyse", "Landesamt Alder"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of <city>, <state>" after a complete name (a complement, an acronym) is its seat.
        (
            "The forum was organised by the Centre on Regional Dialogue of Lyon, France and the "
            "Institute for Peace Studies (IPS) of Nairobi, Kenya.",
            ["Centre on Regional Dialogue", "Institute for Peace Studies (IPS)"],
        ),
        # "University of <city>" is the name; the state after its comma is no body.
        (
            "The forum was organised by the University of Nairobi, Kenya and the Birch Centre.",
            ["University of Nairobi", "Birch Centre"],
        ),
    ],
)
def test_a_city_and_its_state_after_a_name_are_its_seat(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected
