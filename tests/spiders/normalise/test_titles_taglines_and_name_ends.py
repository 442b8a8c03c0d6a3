"""Titles (issue 15's L13 round): which name an event gets when the page's heading is a tagline, a
cookie notice or a headline, and where a name the text gives starts and ends. Invented
sentences, one rule each."""

from __future__ import annotations

from confwatch.spiders.normalise import headings, names
from confwatch.spiders.normalise.lead_phrase import described_event
from confwatch.spiders.normalise.quoted_names import quoted_event_names
from confwatch.spiders.normalise.titles import choose_title


def _names(sentence: str) -> list[str]:
    return [n for _, n in names.names_in(sentence)]


# --- where a name starts and ends ---------------------------------------------------------


def test_german_fused_preposition_opens_no_name_and_the_year_is_the_edition() -> None:
    found = _names("Beim Sicherheitsgipfel 2019 in Linz wurde ein neuer Bericht vorgestellt.")
    assert found == ["Sicherheitsgipfel 2019"]


def test_german_separable_particle_ends_the_name() -> None:
    sentence = "Gestern fand in Graz eine Fachtagung des Landesamtes für Verfassungsschutz statt."
    assert _names(sentence) == ["Fachtagung des Landesamtes für Verfassungsschutz"]


def test_spanish_participle_of_holding_ends_the_name() -> None:
    sentence = (
        "El ministro participó en la Conferencia Regional contra el Terrorismo celebrada en Lima."
    )
    assert _names(sentence) == ["Conferencia Regional contra el Terrorismo"]


def test_first_event_of_its_kind_is_no_name() -> None:
    assert _names("It was the first conference of its kind held in the region last year.") == []


def test_quoted_name_after_the_nouns_complements_is_the_name() -> None:
    sentence = (
        "Les travaux de la réunion de haut niveau des experts « Sécurité maritime dans le golfe »"
        " se sont achevés hier."
    )
    assert _names(sentence) == ["Sécurité maritime dans le golfe"]


def test_quoted_name_after_a_project_names_the_project_not_the_meeting() -> None:
    sentence = "La réunion du projet « Jeunes et citoyens » s'est tenue à Lyon."
    assert "Jeunes et citoyens" not in _names(sentence)


def test_quoted_name_after_whom_with_and_on_is_the_name() -> None:
    sentence = (
        "The university held a joint seminar with the Regional Police Academy (RPA) on "
        "‘BORDER SECURITY IN THE SAHEL’."
    )
    assert _names(sentence) == ["BORDER SECURITY IN THE SAHEL"]


def test_colon_after_a_quoted_name_ends_it() -> None:
    sentence = "В Казани завершился II форум «Город. Безопасность»: в нём участвовали эксперты."
    assert _names(sentence) == ["II форум «Город. Безопасность»"]


def test_clause_after_a_quoted_name_is_not_part_of_it() -> None:
    sentence = 'Die Veranstaltung "Radikal im Netz" mussten wir im Mai leider absagen.'
    assert all("mussten" not in n for n in _names(sentence))


def test_russian_lower_case_event_named_by_its_bodys_acronym() -> None:
    sentence = "На антитеррористической конференции ОДКБ Армения представила свой доклад."
    assert _names(sentence) == ["Антитеррористической конференции ОДКБ"]


def test_language_tag_between_noun_and_title_keeps_the_title() -> None:
    found = _names("Webinar (FR): Youth and Resilience: Lessons from the Sahel")
    assert found and found[0].endswith("Youth and Resilience: Lessons from the Sahel")


def test_typewriter_quoted_whole_name_is_an_event_name() -> None:
    sentence = 'Der Minister sprach beim "Forum on Urban Security and Prevention" im Rathaus.'
    assert quoted_event_names(sentence) == ["Forum on Urban Security and Prevention"]


# --- which name the event gets ----------------------------------------------------------


def test_name_given_by_which_is_called_beats_a_title_case_headline() -> None:
    heading = "Coastal States Review Ways of Protecting Their Ports"
    sentences = [
        "Officials from six coastal states met today in Lagos.",
        "The event, which is called The Regional Workshop on Port Security and which ends on "
        "Friday, gathers 40 officials.",
    ]
    assert choose_title(heading, sentences) == "Regional Workshop on Port Security"


def test_proper_name_on_a_line_under_a_tagline_heading_is_the_name() -> None:
    heading = "Building Peace Across the Region Together"
    sentences = [
        "Regional Summit on Maritime Terrorism and Piracy",
        "The summit opened on 3 May in Mombasa with ministers from eight states.",
    ]
    assert choose_title(heading, sentences) == "Regional Summit on Maritime Terrorism and Piracy"


def test_cookie_notice_is_no_heading() -> None:
    notice = (
        "This website uses its own and third-party cookies to work and to keep your session. "
        "More information in our cookie policy"
    )
    assert headings.clean_heading(notice) is None
    sentences = ["The Minister attended the International Conference on Border Security in Rome."]
    assert choose_title(notice, sentences) == "International Conference on Border Security"


def test_heading_that_asks_a_question_is_still_a_heading() -> None:
    head = "Radical roots of violence: fact or fiction? An interdisciplinary look at radicalisation"
    assert headings.clean_heading(head) == head


def test_title_case_headline_with_organised_event_is_a_headline() -> None:
    assert headings.is_headline("Ministry Jointly Organized Workshop on Border Security")
    assert not headings.is_headline("Transnational Organized Crime Conference")


def test_headline_acronym_spelled_out_in_the_text() -> None:
    heading = "Agency and Embassy Jointly Organized Seminar on CVE"
    sentences = ["A Seminar on Countering Violent Extremism was organized jointly here today."]
    assert choose_title(heading, sentences) == "Seminar on Countering Violent Extremism"


def test_press_release_label_and_the_full_name_the_text_gives() -> None:
    heading = "Press release: Regional High-level Conference to boost maritime cooperation"
    sentences = [
        "10 May 2019, Accra – The West African Regional High-level Conference on Maritime "
        "Security, convened by the two governments, started today.",
    ]
    assert choose_title(heading, sentences) == (
        "West African Regional High-level Conference on Maritime Security"
    )


def test_russian_scholarly_conference_under_a_name_is_named_by_it() -> None:
    sentences = [
        "Вчера в университете прошла международная научно-практическая конференция под "
        "названием «Молодёжь против экстремизма»."
    ]
    assert choose_title(None, sentences) == "Молодёжь против экстремизма"


def test_french_a_pour_titre_gives_the_unquoted_name() -> None:
    sentences = [
        "Une conférence sur la jeunesse aura lieu à Lyon en mai.",
        "Organisé par la ville, l'événement a pour titre Jeunesse et sécurité en ligne, et "
        "réunira 200 experts.",
    ]
    assert choose_title(None, sentences) == "Jeunesse et sécurité en ligne"


def test_numbered_meeting_beats_a_meeting_to_do_something() -> None:
    heading = "Two states agree to deepen cooperation against terrorism"
    sentences = [
        "The two states have agreed at a meeting to deepen their joint efforts against crime.",
        "The 5th meeting of the joint working group on border security was held on Monday.",
    ]
    assert choose_title(heading, sentences) == (
        "5th meeting of the joint working group on border security"
    )


def test_spanish_headline_saying_who_opens_the_seminar_gives_way_to_its_quoted_name() -> None:
    heading = "El Instituto inicia un seminario regional sobre las amenazas transnacionales"
    sentences = [
        "El Instituto convocó a 80 expertos al «Seminario Regional Andino de Seguridad "
        "Fronteriza», que se celebra en Quito.",
    ]
    assert choose_title(heading, sentences) == "Seminario Regional Andino de Seguridad Fronteriza"


def test_opening_headline_line_is_read_as_the_heading() -> None:
    sentences = [
        "Accra hosts Maritime Security Conference",
        "A two-day regional conference to promote maritime cooperation among coastal states "
        "opened in Accra on Monday.",
    ]
    assert choose_title(None, sentences) == (
        "Regional conference to promote maritime cooperation among coastal states"
    )


def test_length_of_a_colloquium_is_left_out_of_its_description() -> None:
    body = (
        "Le Collège organise le 3 mai 2019 un colloque d'une journée sur la prévention de la "
        "radicalisation violente.\n\nLe programme sera publié bientôt sur notre site."
    )
    assert described_event(body) == "colloque sur la prévention de la radicalisation violente"
