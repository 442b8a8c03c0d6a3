"""Organisers: where a list of bodies ends and goes on, and how two forms of one name compare
(issue 15, organisers). Every text here is invented in the style of the pages.

A frame phrase ("as part of", "en el marco de", "в рамках") ends a list; a partner phrase and an
acronym that closes a name end a name; a relative clause glossing one body does not end its
list; an acronym after "and" glosses the whole name before it; the organisers are named after a
copula ("los organizadores son") or after an aside ("organisé, pour la première fois, par"); a
subject's "through its unit" aside and "was chosen to host" lead-in are not the subject; a
German separable verb holds its event ("lädt am 3. Mai zum Fachtag ein"); a page's lost
apostrophe ("l?Organisation") is an elided article; chambers and clubs are bodies."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body, title_organisers


@pytest.mark.parametrize(
    "text",
    [
        "The workshop was organised by the Alder Institute as part of the Birch project.",
        "The seminar was organised by the Alder Institute in the framework of the Birch plan.",
        "Le colloque, organisé par l'Institut Alder dans le cadre du projet Birch, a réuni 40 élus",
        "La jornada, organizada por el Instituto Alder en el marco del plan Birch, reunió a 40.",
        "Die Tagung wurde veranstaltet vom Institut Alder im Rahmen des Projekts Birch.",
    ],
)
def test_a_frame_phrase_ends_the_list_of_organisers(text: str) -> None:
    found = find_organisers(text)
    assert len(found) == 1 and "Alder" in found[0] and "Birch" not in found[0]


def test_a_frame_phrase_after_two_bodies_leaves_both() -> None:
    text = (
        "El foro, organizado por ALDERNET y la REDBIRCH en el marco del proyecto CEDRO, "
        "presentará un plan de acción."
    )
    assert find_organisers(text) == ["ALDERNET", "REDBIRCH"]


def test_a_partner_phrase_is_no_part_of_a_name_glossed_by_an_acronym() -> None:
    text = (
        "The forum, organized by the Rowan Resilience Activity – East (RRA-East) in collaboration "
        "with the Maple Centre of Excellence on Peace Studies (MaCEPS), closed on Friday."
    )
    assert find_organisers(text) == [
        "Rowan Resilience Activity – East (RRA-East)",
        "Maple Centre of Excellence on Peace Studies (MaCEPS)",
    ]


def test_an_acronym_in_brackets_closes_a_name() -> None:
    text = (
        "The forum was organized by the Maple Centre of Excellence on Peace Studies (MaCEPS) "
        "and Willowbrook."
    )
    assert find_organisers(text) == ["Maple Centre of Excellence on Peace Studies (MaCEPS)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Los organizadores son el Instituto Alder y la Fundación Birch.",
            ["Instituto Alder", "Fundación Birch"],
        ),
        (
            "Les organisateurs sont l'Institut Alder et la Fondation Birch.",
            ["Institut Alder", "Fondation Birch"],
        ),
        (
            "Die Veranstalter sind das Institut Alder und die Stiftung Birch.",
            ["Institut Alder", "Stiftung Birch"],
        ),
        (
            "Gli organizzatori sono l'Istituto Alder e la Fondazione Birch.",
            ["Istituto Alder", "Fondazione Birch"],
        ),
        (
            "Os organizadores são o Instituto Alder e a Fundação Birch.",
            ["Instituto Alder", "Fundação Birch"],
        ),
    ],
)
def test_the_organisers_may_be_named_after_a_copula(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


def test_a_copula_before_no_body_names_no_organiser() -> None:
    assert find_organisers("Les organisateurs sont conscients des enjeux du colloque.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The seminar was organised, for the second time, by the Alder Institute.",
        "Le séminaire est organisé, pour la deuxième fois, par l'Institut Alder.",
        "El seminario fue organizado, una vez más, por el Instituto Alder.",
    ],
)
def test_an_aside_may_stand_between_the_participle_and_its_agent(text: str) -> None:
    found = find_organisers(text)
    assert len(found) == 1 and "Alder" in found[0]


def test_a_relative_clause_glossing_one_body_does_not_end_the_list() -> None:
    text = (
        "Los organizadores son el Club de Cedros, que agrupa a antiguos ministros, y la "
        "Fundación Birch."
    )
    assert find_organisers(text) == ["Club de Cedros", "Fundación Birch"]


def test_after_a_relative_clause_a_sentence_going_on_adds_no_body() -> None:
    text = (
        "The seminar was organised by the Alder Institute, which trains judges, and the "
        "minister opened it."
    )
    assert find_organisers(text) == ["Alder Institute"]


def test_an_acronym_after_and_glosses_the_whole_name_before_it() -> None:
    text = (
        "El seminario fue organizado por el Centro para el Estudio del Conflicto y la Paz "
        "Ciudadana (CSCP)."
    )
    found = find_organisers(text)
    assert found == ["Centro para el Estudio del Conflicto y la Paz Ciudadana (CSCP)"]
    assert same_body("CSCP", found[0])


def test_a_body_that_spells_its_own_acronym_after_and_stays_a_body() -> None:
    text = "The seminar was organised by the Alder Institute and Mercy Pines (MP)."
    assert "Alder Institute and Mercy Pines (MP)" not in find_organisers(text)


def test_a_lost_apostrophe_is_an_elided_article() -> None:
    text = "Le colloque est organisé par l?Institut Alder des études de paix."
    assert find_organisers(text) == ["Institut Alder des études de paix"]


def test_a_german_separable_verb_holds_its_event_across_a_date() -> None:
    text = "Das Institut Alder lädt am 3. Mai zu einem öffentlichen Fachtag ein."
    assert find_organisers(text) == ["Institut Alder"]


@pytest.mark.parametrize(
    "text",
    [
        "La Universidad Alder, a través de su Instituto de Estudios Birch, organiza una jornada.",
        "The Alder University, through its Centre for Birch Studies, organised a conference.",
        "L'Université Alder, par l'intermédiaire de son Institut Birch, organise un colloque.",
    ],
)
def test_the_unit_a_subject_works_through_is_an_aside(text: str) -> None:
    found = find_organisers(text)
    assert len(found) == 1 and "Alder" in found[0] and "Birch" not in found[0]


@pytest.mark.parametrize(
    "text",
    [
        "The Alder Institute was chosen to host the regional workshop.",
        "The Alder Institute is pleased to host the annual conference on peace.",
    ],
)
def test_a_lead_in_before_to_host_is_no_part_of_the_subject(text: str) -> None:
    assert find_organisers(text) == ["Alder Institute"]


def test_a_chamber_of_parliament_is_a_body() -> None:
    text = "La Chambre des députés a organisé un colloque sur la sécurité."
    assert find_organisers(text) == ["Chambre des députés"]


def test_a_club_is_a_body() -> None:
    assert find_organisers("The Cedar Club hosted a conference on peace.") == ["Cedar Club"]


def test_an_acronym_after_an_organisations_name_is_its_units() -> None:
    assert same_body(
        "ALDER BIRCH", "ALDER Bureau for Integrity and Regional Cooperation Help (BIRCH)"
    )
    assert not same_body("ALDER BIRCH", "ALDER Office for Peace (OFP)")


def test_whose_chamber_a_chamber_is_does_not_make_it_another_body() -> None:
    assert same_body("Chambre des conseillers", "Chambre des conseillers du parlement marocain")
    assert not same_body("Chambre des députés", "Chambre des conseillers du parlement marocain")


def test_a_meeting_named_after_a_glossed_body_is_that_bodys() -> None:
    title = "Third Annual Workshop of the Alder Group on Financial Integrity (AGFI)"
    assert title_organisers(title) == ["Alder Group on Financial Integrity (AGFI)"]


def test_a_glossed_name_with_no_organisation_word_owns_no_meeting() -> None:
    assert title_organisers("Annual Seminar of the Strategies against Terror (SAT)") == []


@pytest.mark.parametrize(
    "text",
    [
        "The congress was organised by the Alder Society of Historians in Malaga, Spain. It ended.",
        "The conference was organised by the Alder Institute in Vienna, Austria, on 3 May.",
    ],
)
def test_a_city_and_its_state_after_a_body_are_where_it_is_not_bodies(text: str) -> None:
    found = find_organisers(text)
    assert len(found) == 1 and found[0].startswith("Alder") and " in " not in found[0]


def test_a_city_alone_after_a_body_stays_its_name() -> None:
    text = "The conference was organised by the Embassy of Norway in Nairobi."
    assert find_organisers(text) == ["Embassy of Norway in Nairobi"]


def test_a_long_name_headed_by_its_organisation_word_and_glossed_by_an_acronym_is_a_name() -> None:
    text = (
        "Le colloque a été organisé par le Réseau francophone d'étude des conflits armés et des "
        "violences politiques pouvant mener à la guerre (ReFEC)."
    )
    assert find_organisers(text) == [
        "Réseau francophone d'étude des conflits armés et des violences politiques pouvant mener "
        "à la guerre (ReFEC)"
    ]


def test_a_long_list_of_subjects_is_read_back_to_its_first_body() -> None:
    text = (
        "L'Observatoire alpin pour l'étude des radicalisations et des violences politiques "
        "(OAERV), l'Institut Birch, le Réseau francophone d'étude des conflits armés et des "
        "violences politiques (ReFEC) et le Centre canadien d'analyse des politiques de "
        "prévention de la violence (CCAPV) ont organisé, le 3 mai 2019 à Lyon, un colloque."
    )
    found = find_organisers(text)
    assert len(found) == 4 and found[0].endswith("(OAERV)")


@pytest.mark.parametrize(
    "text",
    [
        "The forum was organised by the Alder Institute with the technical support of Birch Unit.",
        "Le forum est organisé par l'Institut Alder avec l'appui technique du Centre Birch.",
        "El foro fue organizado por el Instituto Alder con el apoyo técnico del Centro Birch.",
    ],
)
def test_technical_support_makes_a_partner(text: str) -> None:
    assert len(find_organisers(text)) == 2


def test_financial_support_still_makes_a_funder() -> None:
    text = (
        "The forum was organised by the Alder Institute with the financial support of Birch Bank."
    )
    assert find_organisers(text) == ["Alder Institute"]


def test_a_label_before_a_colon_is_no_part_of_the_subject() -> None:
    text = "May 3-4, Lyon, France: ALDR together with the Birch Foundation organized a workshop."
    assert find_organisers(text) == ["ALDR", "Birch Foundation"]


def test_the_sentences_own_verb_ends_a_partner_list() -> None:
    text = "The Alder Institute together with the Birch Foundation organized a two-day workshop."
    assert find_organisers(text) == ["Alder Institute", "Birch Foundation"]


def test_a_title_before_a_persons_name_ends_no_sentence() -> None:
    text = (
        "O Instituto Alder (IA), em parceria com a Escola Birch (EB), coordenada pelo Prof. "
        "Carlos Cedro, realizou a mesa redonda sobre terrorismo."
    )
    assert find_organisers(text) == ["Instituto Alder (IA)", "Escola Birch (EB)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Alder Consortium invites you to join an online workshop on peace.",
            ["Alder Consortium"],
        ),
        ("L'Institut Alder vous invite à un colloque sur la paix.", ["Institut Alder"]),
        ("La Universidad Alder los invita a participar en el seminario.", ["Universidad Alder"]),
    ],
)
def test_a_body_inviting_its_reader_to_an_event_hosts_it(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


def test_a_body_inviting_others_to_someone_elses_event_does_not_host_it() -> None:
    text = "The Birch Council invited member states to attend the conference organised by ALDR."
    assert find_organisers(text) == ["ALDR"]


def test_slash_between_spaces_parts_whole_bodies() -> None:
    # Invented: a list written with slashes, each body whole before its slash.
    text = "The conference is organised by the Alpha Institute / Beta University / Gamma Centre."
    assert find_organisers(text) == ["Alpha Institute", "Beta University", "Gamma Centre"]


def test_slash_inside_one_name_does_not_part_it() -> None:
    # Invented: two words of one name joined by a slash ("Preventing / Countering").
    text = (
        "On 4 May 2022 the Regional Network of Preventing / Countering Violent Extremism "
        "Coordinators of the Northern Region (RNPC) held its fifth meeting in Skopje."
    )
    found = find_organisers(text)
    assert len(found) == 1 and found[0].startswith("Regional Network of Preventing / Countering")


def test_state_after_a_comma_right_after_its_own_national_body_is_its_seat() -> None:
    # Invented: NACTA is catalogued as Pakistan's; the state after it glosses where it sits.
    text = (
        "A symposium on terrorist financing was organized jointly by National Counter Terrorism "
        "Authority (NACTA), Pakistan and the Embassy of Norway in Islamabad on 3 May 2021."
    )
    found = find_organisers(text)
    assert any(same_body("NACTA", f) for f in found)
    assert "Government of Pakistan" not in found


def test_state_after_a_comma_after_an_international_body_is_a_co_organiser() -> None:
    text = "The conference is co-organised by UNOCT, Kazakhstan and the European Union."
    found = find_organisers(text)
    for name in ["UNOCT", "Government of Kazakhstan", "European Union"]:
        assert any(same_body(name, f) for f in found)
