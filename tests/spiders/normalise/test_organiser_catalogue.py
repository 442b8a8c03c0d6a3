"""The organiser catalogue (``data/organisers.json``): its rows hold together, and the bodies
that convene counter-terrorism, P/CVE, terrorist-financing, border-security and CBRN meetings
are found in the languages pages name them in. Every sentence here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organiser_catalogue import (
    _load,
    catalogue,
    demonym_code,
    is_org_word,
    known,
)
from confwatch.spiders.normalise.organisers import (
    canonical_organiser,
    find_organisers,
    same_body,
)


def _spellings(entry: dict[str, list[str] | str]) -> list[str]:
    out = [str(entry["name"])]
    for key in ("aliases", "declined", "acronyms"):
        value = entry.get(key, [])
        out += list(value) if isinstance(value, list) else [value]
    return out


def test_every_spelling_of_a_body_is_read_as_that_body() -> None:
    # A spelling two bodies share would be read as the first one's: each must name its own.
    wrong = [
        (spelling, known(spelling), entry["name"])
        for entry in _load()["bodies"]
        for spelling in _spellings(entry)
        if known(spelling) != entry["name"]
    ]
    assert wrong == []


def test_every_parent_is_a_catalogued_body() -> None:
    bodies = catalogue().bodies
    assert [b.name for b in bodies.values() if b.parent and b.parent not in bodies] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The workshop on nuclear security was organised by the International Atomic Energy "
            "Agency and the OSCE.",
            ["IAEA", "OSCE"],
        ),
        (
            "La conférence régionale est organisée par l'Agence internationale de l'énergie "
            "atomique en coopération avec l'OSCE.",
            ["IAEA", "OSCE"],
        ),
        (
            "El seminario fue organizado por el Grupo de Acción Financiera de Latinoamérica "
            "en Lima.",
            ["GAFILAT"],
        ),
        (
            "Совещание организовано Советом Безопасности Российской Федерации и ОДКБ.",
            ["Security Council of the Russian Federation", "CSTO"],
        ),
        (
            "The study day is organised by the Federal Agency for Civic Education in Bonn.",
            ["Bundeszentrale für politische Bildung"],
        ),
        (
            "The expert meeting was hosted by the Gulf Cooperation Council and UNOCT.",
            ["GCC", "UNOCT"],
        ),
        (
            "The symposium was co-organised by the United Nations Institute for Training and "
            "Research and the Royal United Services Institute.",
            ["UNITAR", "RUSI"],
        ),
        (
            "Семинар по предотвращению терроризма организован Советом безопасности Кыргызской "
            "Республики.",
            ["Security Council of Kyrgyzstan"],
        ),
    ],
)
def test_bodies_that_convene_counter_terrorism_meetings_are_found(
    text: str, expected: list[str]
) -> None:
    # Their canonical names: an uncatalogued name would keep the page's words.
    assert find_organisers(text) == expected


def test_an_arabic_page_names_a_catalogued_league_as_partner() -> None:
    text = (
        "انطلقت في الرياض أعمال المؤتمر الدولي حول مكافحة التطرف بالتعاون مع رابطة العالم الإسلامي."
    )
    assert find_organisers(text) == ["Muslim World League"]


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Conseil de sécurité des Nations Unies", "UN Security Council"),
        ("Советом Безопасности ООН", "UN Security Council"),
        ("Sicherheitsrates der Vereinten Nationen", "UN Security Council"),
        ("Organisation pour l'interdiction des armes chimiques", "OPCW"),
        ("Организацией по запрещению химического оружия", "OPCW"),
        ("Agencia Europea de la Guardia de Fronteras y Costas", "Frontex"),
        ("Middle East and North Africa Financial Action Task Force", "MENAFATF"),
        (
            "Comité interministériel de prévention de la délinquance et de la radicalisation",
            "CIPDR",
        ),
        ("Centro de Inteligencia contra el Terrorismo y el Crimen Organizado", "CITCO"),
        ("Служба безпеки України", "Security Service of Ukraine"),
        ("مجلس وزراء الداخلية العرب", "Arab Interior Ministers Council"),
        ("Қазақстан Республикасының Қауіпсіздік Кеңесі", "Security Council of Kazakhstan"),
    ],
)
def test_new_bodies_in_their_languages_and_cases(spelling: str, canonical: str) -> None:
    assert canonical_organiser(spelling) == canonical


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Egmont Group of Financial Intelligence Units", "Groupe Egmont"),
        ("ACSRT", "Centre africain d'études et de recherche sur le terrorisme"),
        ("GIABA", "ECOWAS"),  # a unit is its organisation's
        ("ECTC", "Europol"),
        ("1540 Committee", "United Nations Security Council"),
        ("Asia/Pacific Group on Money Laundering", "APG"),
    ],
)
def test_new_bodies_are_one_body_under_their_names_and_acronyms(a: str, b: str) -> None:
    assert same_body(a, b)


def test_the_un_security_council_and_a_state_security_council_are_different_bodies() -> None:
    assert not same_body("UN Security Council", "Security Council of the Russian Federation")
    assert not same_body("Совет Безопасности ООН", "Совет Безопасности Республики Казахстан")


@pytest.mark.parametrize(
    "word",
    [
        "Inspectorate",
        "Consulat",
        "Assemblée",
        "Asamblea",
        "Misión",
        "Delegazione",
        "Missão",
        "Botschaft",
        "Sekretariat",
        "Arbeitsgemeinschaft",
        "Landesarbeitsgemeinschaft",
        "факультета",
        "Минюстом",
        "акиматом",
        "قنصلية",
        "الشرطة",
        "Platforma",
        "Onlus",
        "Cooperativa",
        "gGmbH",
        "Forces",
        "Arbeitskreis",
        "Justizressort",
        "Senatsverwaltung",
        "библиотекой",
        "одағы",
    ],
)
def test_organisation_words_in_every_language(word: str) -> None:
    assert is_org_word(word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The regional forum on extremism was organised by the Coastal Civic Platform.",
            ["Coastal Civic Platform"],
        ),
        ("The seminar was organised by the Harbour Defence Forces.", ["Harbour Defence Forces"]),
        ("Il convegno è organizzato da Orizzonte Onlus.", ["Orizzonte Onlus"]),
        (
            "Il seminario, organizzato dall'Università di Pisa in collaborazione con la "
            "Cooperativa Sociale Arcobaleno, si terrà a maggio.",
            ["Università di Pisa", "Cooperativa Sociale Arcobaleno"],
        ),
        (
            "Das Hamburger Innenressort veranstaltet am 3. Mai eine Fachtagung.",
            ["Hamburger Innenressort"],
        ),
        (
            "Die Fachtagung wird von der Senatsverwaltung für Bildung organisiert.",
            ["Senatsverwaltung für Bildung"],
        ),
        ("Die Tagung wird vom Arbeitskreis Prävention organisiert.", ["Arbeitskreis Prävention"]),
        (
            "Die Tagung wird vom Verfassungsschutz Niedersachsen veranstaltet.",
            ["Verfassungsschutz Niedersachsen"],
        ),
        ("Der Fachtag wird von der Beratung Nord gGmbH organisiert.", ["Beratung Nord gGmbH"]),
    ],
)
def test_a_body_named_by_a_newer_organisation_word_is_an_organiser(
    text: str, expected: list[str]
) -> None:
    found = find_organisers(text)
    assert all(any(same_body(e, f) for f in found) for e in expected), found


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Ugandan", "UG"),
        ("Israeli", "IL"),
        ("indonésienne", "ID"),
        ("keniana", "KE"),
        ("kenianischen", "KE"),
        ("нигерийского", "NG"),
        ("литовська", "LT"),
    ],
)
def test_state_adjectives_in_every_language(word: str, code: str) -> None:
    assert demonym_code(word) == code
