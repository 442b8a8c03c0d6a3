"""Organisers: names whose complement is itself a list, and the last pieces of a list of bodies
(issue 15, organisers, round 2). Every text here is invented in the style of the pages.

A Russian body's remit after "по" coordinates lower-case nouns with commas and "и"; a Russian
ministry names two portfolios in the genitive; people coordinated on a lower-case body are the
list's next item, not the body's adjectives; a French name's second complement starts with "et
de" and a lower-case noun; "Département" and "Faculté" head bodies; a person's office in French
and Spanish ("Directrice de cabinet du ...") is no body; a footnote mark after a name is no part
of it; one capitalised word closing a list of bodies is a body; a subject "Department of X and
Y" read back from its verb is one name; a name with its state after "of" is the name without
it; a partner phrase held as an aside between "organisé," and "par" names a partner."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body


def test_a_russian_remit_after_po_goes_on_after_commas_and_i() -> None:
    text = (
        "Организатором семинара выступило Министерство края по делам семьи, спорту, туризму "
        "и молодежной политике."
    )
    found = find_organisers(text)
    assert len(found) == 1
    assert found[0].endswith("туризму и молодежной политике")


def test_a_long_russian_remit_stays_one_body() -> None:
    text = (
        "Форум организован при поддержке Центра по вопросам воспитания у студентов гражданской "
        "ответственности, предупреждения межэтнических и межрелигиозных споров, противодействия "
        "вербовке и профилактики насилия."
    )
    found = find_organisers(text)
    assert len(found) == 1 and found[0].endswith("профилактики насилия")


def test_a_body_after_a_remit_is_the_next_item() -> None:
    text = (
        "Круглый стол организован комитетом по делам молодежи совместно с управлением "
        "по культуре, администрацией Северного района."
    )
    found = find_organisers(text)
    assert len(found) == 3
    assert found[-1].startswith("администрацией")


def test_people_after_a_lower_case_russian_body_are_not_its_adjectives() -> None:
    text = (
        "Семинар, организованный комитетом по делам молодежи и администрацией Лесного района "
        "и представителями общественности, прошел в Доме культуры."
    )
    found = find_organisers(text)
    assert any(n == "администрацией Лесного района" for n in found)
    assert not any("представител" in n for n in found)


def test_a_russian_ministry_of_two_genitive_portfolios_is_one_body() -> None:
    text = "Организаторами выступают Министерство культуры и туризма края и Союз писателей."
    found = find_organisers(text)
    assert found[0] == "Министерство культуры и туризма края"


def test_two_russian_ministries_each_with_its_head_stay_two() -> None:
    text = "Семинар организовали министерство культуры и министерство спорта края."
    assert len(find_organisers(text)) == 2


def test_a_french_second_complement_after_et_de_is_the_names_own() -> None:
    text = (
        "La rencontre est organisée par l’Institut Tilleul et le Centre sahélien d’analyse et "
        "de prévention des conflits de l’Union africaine (CSAPC)."
    )
    found = find_organisers(text)
    assert found[-1].startswith("Centre sahélien d’analyse et de prévention")


@pytest.mark.parametrize(
    "name",
    [
        "le Département fédéral de la justice de la Suisse",
        "la Faculté de théologie de l’Université Tilleul",
    ],
)
def test_departement_and_faculte_head_bodies(name: str) -> None:
    text = f"Le séminaire est organisé par l’Institut Tilleul et {name}."
    assert len(find_organisers(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "La séance, présidée par Madame Anne Roux, Directrice de cabinet du Ministre des Sports, "
        "a ouvert le séminaire.",
        "La jornada, presidida por el señor Luis Pino, Director general del Instituto Olmo, "
        "abrió el seminario.",
    ],
)
def test_a_persons_office_is_no_organising_body(text: str) -> None:
    assert not any(n.lower().startswith(("directrice", "director")) for n in find_organisers(text))


def test_a_footnote_mark_after_a_name_is_dropped() -> None:
    text = (
        "The Secretariat of the Alder Network (SAN), in cooperation with the Birch Council of "
        "Elders[2] and the National Cedar Commission, is holding a regional conference."
    )
    found = find_organisers(text)
    assert "Birch Council of Elders" in found
    assert not any("[" in n for n in found)


@pytest.mark.parametrize("last", ["Hedayah-e-Sulh", "Rowanet"])
def test_one_capitalised_word_closing_a_list_of_bodies_is_a_body(last: str) -> None:
    text = (
        "The seminar, organised by the Alder Institute in collaboration with the Birch Centre "
        f"for Peace (BCP) and {last}, ended on Friday."
    )
    assert find_organisers(text)[-1] == last


def test_a_state_closing_a_list_is_not_read_as_a_bare_name() -> None:
    text = (
        "The seminar, organised by the Alder Institute in collaboration with the Birch Centre "
        "for Peace (BCP) and Kenya, ended on Friday."
    )
    assert "Kenya" not in find_organisers(text)


def test_a_subject_department_of_two_portfolios_is_one_body() -> None:
    text = "The Department of Forestry and Rural Development co-hosted the regional seminar."
    assert find_organisers(text) == ["Department of Forestry and Rural Development"]


def test_two_bodies_as_subject_stay_two() -> None:
    text = "The Alder Institute and the Birch Council co-hosted the regional seminar."
    assert len(find_organisers(text)) == 2


def test_a_russian_instrumental_remit_name_is_the_nominative_one() -> None:
    assert same_body(
        "Министерство края по делам семьи, спорту и туризму",
        "Министерством края по делам семьи, спорту и туризму",
    )


def test_a_name_with_its_state_after_of_is_the_name_without_it() -> None:
    assert same_body(
        "Department of Forestry and Rural Development",
        "Department of Forestry and Rural Development of the Philippines",
    )
    assert same_body(
        "Département fédéral de la justice", "Département fédéral de la justice de la Suisse"
    )


def test_one_portfolio_of_two_states_stays_two_bodies() -> None:
    assert not same_body("Ministry of Forestry of Mali", "Ministry of Forestry of Chad")


def test_a_one_word_head_without_its_state_is_no_body_of_that_state() -> None:
    assert not same_body("Government", "Government of Chad")


def test_a_partner_aside_between_participle_and_agent_names_a_partner() -> None:
    text = "La rencontre est organisée, avec le soutien du Mali, par l’Institut Tilleul (ITL)."
    found = find_organisers(text)
    assert found[0] == "Institut Tilleul (ITL)"
    assert "Government of Mali" in found


def test_a_plain_aside_between_participle_and_agent_names_no_partner() -> None:
    text = "La rencontre est organisée, pour la deuxième fois, par l’Institut Tilleul (ITL)."
    assert find_organisers(text) == ["Institut Tilleul (ITL)"]
