"""The gate (fixer n1's round): a venue named for congresses ("Palais des Congrès", "Congress
Center") names no congress; a parliament committee's public hearing is a meeting of its own;
lectures given to a staff are teaching, not a conference; a German Fachveranstaltung is an event
for practitioners; a live exercise of emergency services is a drill. Every sentence is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.status import detect_status
from tests.spiders.normalise.inline_pages import fields_of, skipped


@pytest.mark.parametrize(
    "text",
    [
        "au Palais des Congrès de Montlouis",
        "en el Palacio de Congresos de Soria",
        "al Palazzo dei Congressi di Pisa",
        "at the Riverside Congress Center",
    ],
)
def test_a_venue_named_for_congresses_is_no_congress(text: str) -> None:
    assert not lexicon.event_words(text, lexicon.STRONG)


def test_an_information_day_held_in_a_congress_venue_is_no_event_page() -> None:
    body = (
        "Une matinée d'information sur la prévention de la radicalisation destinée aux agents "
        "municipaux a eu lieu le 4 mars au Palais des Congrès de Montlouis. Les services de "
        "l'État ont présenté les signes de radicalisation aux participants."
    )
    title = "Prévenir la radicalisation : les agents municipaux informés"
    assert skipped(body, title=title) == "not a conference page: no conference/meeting wording"


def test_a_committees_public_hearing_on_extremism_is_an_event() -> None:
    body = (
        "KARAKOL, 3 May 2019 - The parliament's committee on security held a public hearing on "
        "preventing violent extremism among young people in Karakol. Teachers, imams and police "
        "officers discussed how extremist groups recruit online."
    )
    fields = fields_of(body, title="Committee hears local voices on violent extremism")
    assert fields.title


def test_a_public_hearing_put_off_is_a_postponed_event() -> None:
    assert detect_status("The public hearing on radicalisation has been postponed.") == "postponed"


def test_awareness_lectures_given_to_a_staff_are_no_event() -> None:
    body = (
        "On 5 April 2017 an event on preventing violent extremism was organized for the staff "
        "of the city library. The lecturers explained how extremist groups recruit young people "
        "online, and the awareness lectures will continue in other public institutions."
    )
    assert skipped(body, title="Library staff learn about violent extremism") == (
        "not a conference page: a training course, not a conference"
    )


def test_a_german_fachveranstaltung_on_islamism_is_an_event() -> None:
    body = (
        "Bürgermeisterin Anna Beispiel weist auf eine Fachveranstaltung der Stadt zum Thema "
        "„Islamismus erkennen“ am 4. März 2020 hin. Sie soll Fachkräften der Jugendarbeit "
        "zeigen, wie islamistische Radikalisierung beginnt und wie man ihr begegnet."
    )
    assert fields_of(body, title="Islamismus erkennen").title


def test_a_live_exercise_of_emergency_services_is_a_drill_not_a_conference() -> None:
    body = (
        "On Tuesday the fire brigade, the police and the ambulance service ran a live-play "
        "exercise in the harbour to test their joint response to a terrorist attack. The "
        "multi-agency exercise involved 150 people, partners from the Harbour Safety Forum and "
        "volunteers playing casualties."
    )
    title = "Emergency services exercise tests response to terrorist attack"
    assert (
        skipped(body, title=title) == "not a conference page: a training course, not a conference"
    )
