"""Organisers, by how a language or a page genre names them (issue 15, organisers): every text
here is invented in the style of the pages.

A subject's own clause dates its hosting, the Russian genitive names a meeting's owner, a body
written before the meeting noun is its owner, German encloses the subject in "findet ... statt",
a state is named the host in apposition ("pays hôte"), adjectives coordinated on a lower-case
body stay that body's, two role phrases in a row let the second one speak, a credits block's
"Supported by" continues the sentence of organisers before it, a ministry carries its acronym
after its name, Arabic puts the subject after a verb whose object came before, and the U.S.
Department of State is a catalogued body."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body


def _has(found: list[str], expected: list[str]) -> bool:
    return all(any(same_body(e, f) for f in found) for e in expected)


def test_a_year_in_the_next_clause_does_not_date_the_subjects_hosting() -> None:
    text = (
        "Le 3 juin 2016, le Forum tient sa réunion à Niamey. La présente rencontre est organisée "
        "par le GCTF en 2016. Le Niger abrite ce type de réunion pour la troisième fois, après "
        "l'atelier de mars 2014, co-organisé par le Niger et la Norvège."
    )
    found = find_organisers(text)
    assert _has(found, ["GCTF", "Government of Niger"])
    assert not _has(found, ["Government of Norway"])  # the 2014 workshop's co-organiser


def test_a_year_in_the_subjects_own_clause_still_makes_it_background() -> None:
    text = (
        "Le séminaire de 2016 est organisé par le GCTF en 2016 à Niamey. Le Mali a accueilli "
        "une réunion en avril 2014, avant la création du réseau."
    )
    assert find_organisers(text) == ["GCTF"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Эксперт принял участие в семинаре Контртеррористического управления ООН и ОБСЕ, "
            "состоявшемся в Бишкеке.",
            ["UNOCT", "OSCE"],
        ),
        ("В Минске прошла конференция ОБСЕ по борьбе с терроризмом.", ["OSCE"]),
    ],
)
def test_a_russian_meeting_names_its_owner_in_the_genitive_without_a_preposition(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


def test_a_sentence_giving_two_meetings_two_owners_names_no_organiser() -> None:
    text = (
        "В Ташкенте будут проводиться конференция Шанхайской организации сотрудничества и "
        "конференция Содружества Независимых Государств."
    )
    assert find_organisers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The OSCE seminar will be held in Vienna on 3 May.",
        "Delegates gathered for a UNOCT workshop held in Doha on 4 March.",
    ],
)
def test_a_body_written_before_the_meeting_noun_owns_the_meeting(text: str) -> None:
    assert len(find_organisers(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The EU-OSCE seminar will be held in Vienna on 3 May.",
        "The Global Counterterrorism Forum will be held in New York on 3 May.",
    ],
)
def test_a_pair_or_a_noun_inside_a_bodys_name_is_no_owner_before_the_noun(text: str) -> None:
    assert not _has(find_organisers(text), ["OSCE"])


def test_german_encloses_the_meeting_and_its_owner_in_findet_statt() -> None:
    text = (
        "Am Montag findet in der Akademie für Sicherheitspolitik in der Hauptstadt Berlin das "
        "neunte Symposium des Bundesamtes für Verfassungsschutz (BfV) statt."
    )
    assert find_organisers(text) == ["BfV"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ont pris la parole M. Jean Dupont, directeur au Ministère de l'Intérieur du Royaume "
            "du Maroc, pays hôte ; et Mme Anne Roe, cheffe du Bureau de l'UNOCT.",
            "Government of Morocco",
        ),
        (
            "Les débats ont réuni Amadou Ba, le président du Sénégal et puissance invitante, et "
            "ses homologues.",
            "Government of Senegal",
        ),
        ("The meeting was opened by Kenya, the host country, and by UNOCT.", "Government of Kenya"),
    ],
)
def test_a_state_named_the_host_in_apposition_hosts(text: str, expected: str) -> None:
    assert expected in find_organisers(text)


def test_a_host_country_named_after_the_phrase_is_not_read_as_the_name_before_it() -> None:
    text = "Delegates from France and host country Kenya met in Nairobi for the seminar."
    assert "Government of France" not in find_organisers(text)


def test_adjectives_coordinated_on_a_lower_case_body_stay_that_bodys() -> None:
    text = (
        "Cette journée, co-organisée par la préfecture du Nord et les autorités fédérales et "
        "provinciales belges, a rassemblé les élus."
    )
    assert _has(find_organisers(text), ["Préfecture du Nord", "Government of Belgium"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Мероприятие было организовано при содействии Министерства юстиции Республики "
            "Казахстан.",
            ["Ministry of Justice of Kazakhstan"],
        ),
        ("Le colloque est organisé en collaboration avec l'UNESCO.", ["UNESCO"]),
    ],
)
def test_two_role_phrases_in_a_row_let_the_second_say_what_the_bodies_are(
    text: str, expected: list[str]
) -> None:
    assert _has(find_organisers(text), expected)


def test_funding_after_an_organiser_verb_stays_funding() -> None:
    text = "Семинар организован при финансовой поддержке Европейского союза."
    assert find_organisers(text) == []


def test_a_sentence_opened_by_supported_by_continues_the_organisers_before_it() -> None:
    text = (
        "Die Fachtagung findet am 4. Mai in Bern statt. Durchgeführt wird sie vom "
        "Schweizerischen Städteverband. Unterstützt durch das Eidgenössische Departement für "
        "auswärtige Angelegenheiten EDA und den Sicherheitsverbund Schweiz."
    )
    found = find_organisers(text)
    assert _has(
        found,
        [
            "Schweizerischer Städteverband",
            "Ministry of Foreign Affairs of Switzerland",
            "Sicherheitsverbund Schweiz",
        ],
    )


def test_supported_by_on_its_own_is_still_no_organiser() -> None:
    text = "The conference will be held in Vienna on 3 May. Supported by the Global Fund."
    assert find_organisers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'دعا المؤتمر الدولي حول موضوع "الوقاية من التطرف"، الذي نظمته المملكة المغربية '
            "واستمر يومين، إلى التعاون.",
            ["Government of Morocco"],
        ),
        (
            "افتتح الوزير المؤتمر الدولي لضحايا الإرهاب الذي يختتم اليوم وتنظمه جامعة القاهرة· "
            "ثم تحدث الخبراء.",
            ["جامعة القاهرة"],
        ),
    ],
)
def test_arabic_puts_the_organiser_after_a_verb_whose_object_came_before(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


def test_an_arabic_verb_with_no_event_before_it_names_no_organiser() -> None:
    text = "قال المتحدث إن الحادث نظمته جماعة مسلحة في المنطقة."
    assert find_organisers(text) == []


def test_the_us_state_department_is_known_in_spanish() -> None:
    text = (
        "El Departamento de Estado de EE.UU. acogerá el próximo martes una reunión ministerial "
        "sobre cooperación antiterrorista."
    )
    assert find_organisers(text) == ["U.S. Department of State"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rund 80 Gäste kamen zu der vom Landesinstitut für Schulqualität organisierten "
            "Fachtagung in Kassel.",
            ["Landesinstitut für Schulqualität"],
        ),
        (
            "Bei der von dem Verein Brückenbau und der Stiftung Lichtblick veranstalteten Tagung "
            "ging es um Prävention.",
            ["Verein Brückenbau", "Stiftung Lichtblick"],
        ),
        ("Die von der Polizei durchgeführte Razzia dauerte drei Stunden.", []),
    ],
)
def test_german_participle_as_adjective_names_its_agent_not_a_subject(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    ("text", "other"),
    [
        (
            "Seminário de Segurança Interna\n\nRepresentantes da Europol e do Governo debatem "
            "o terrorismo\n\nA Escola Harbour organiza o seminário nos dias 12 e 13 de maio.",
            "Europol",
        ),
        (
            "Regional Conference of Prosecutors\n\nUNODC experts discuss terrorism financing in "
            "Vienna\n\nThe Harbour Institute organises the conference on 3 May.",
            "UNODC",
        ),
        ("The conference of experts was held. UNODC staff attended.", "UNODC"),
    ],
)
def test_an_owner_after_the_meeting_noun_is_named_in_its_own_paragraph_and_sentence(
    text: str, other: str
) -> None:
    # A heading's end (a blank line) or a full stop closes the noun's sentence: the body after
    # it is the next sentence's subject, no owner of the meeting.
    assert not _has(find_organisers(text), [other])
