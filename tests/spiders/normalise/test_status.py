"""Status: what a page says about the event itself being postponed or cancelled."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confwatch.spiders.normalise.status import detect_status

SEED_PAGES = Path("/work/shared/reference/seed-pages")


@pytest.mark.parametrize(
    "text",
    [
        "The conference has been postponed.",
        "POSTPONED: OSCE-wide Counter-Terrorism Conference",
        "[Postponed] Regional seminar on P/CVE",
        "The seminar will be rescheduled; new dates will be announced.",
        "Due to the pandemic the workshop is postponed until further notice.",
        "The conference has been moved to a later date.",
        "Семинар перенесен на осень.",
        "La réunion est reportée.",
        "Die Konferenz wird verschoben.",
        "VERSCHOBEN: Fachtagung Extremismusprävention",
        "El seminario ha sido aplazado.",
        "La conferenza è stata rinviata.",
    ],
)
def test_postponement_of_the_event_is_postponed(text: str) -> None:
    assert detect_status(text) == "postponed"


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is cancelled.",
        "The event has been canceled due to COVID-19.",
        "The workshop has been called off.",
        "CANCELLED - Regional Conference on Foreign Terrorist Fighters",
        "The conference will not take place.",
        "Конференция отменена.",
        "La conférence est annulée.",
        "The conference, first postponed to May, has now been cancelled.",
        "Die Tagung wurde abgesagt.",
        "ABGESAGT – Konferenz zur Terrorismusbekämpfung",
        "La reunión ministerial fue cancelada.",
        "Круглый стол не состоится.",
    ],
)
def test_cancellation_of_the_event_is_cancelled(text: str) -> None:
    assert detect_status(text) == "cancelled"


@pytest.mark.parametrize(
    "text",
    [
        "La Semana contra el Terrorismo ha sido aplazada.",
        "El seminario sobre terrorismo queda pospuesto.",
        "Because of the crisis, the entire 2020 Counter-Terrorism Week is postponed.",
    ],
)
def test_postponed_wording_about_this_event(text: str) -> None:
    assert detect_status(text) == "postponed"


def test_spanish_cancelled_wording_about_this_event() -> None:
    assert detect_status("La conferencia sobre terrorismo ha sido cancelada.") == "cancelled"


@pytest.mark.parametrize(
    "text",
    [
        "Jahrestagung Prävention\nNeuer Termin: 14.10.2021 - 15.10.2021\nAnmeldung bis Ende Mai.",
        "Colloque sur la radicalisation\nNouvelle date : 3 juin 2022\nLieu : Lille",
        "Regional workshop on violent extremism\nNew dates: 8-9 March 2023",
        "Seminario sobre terrorismo\n(Nueva fecha)\nSala 2",
    ],
)
def test_a_new_dates_label_says_the_event_was_moved(text: str) -> None:
    assert detect_status(text) == "postponed"


@pytest.mark.parametrize(
    "text",
    [
        "Die Tagung beginnt um 10 Uhr. Einen neuen Termin für das Treffen gibt es nicht.",
        "Neuer Termin für die Anmeldung wird bekannt gegeben.",
    ],
)
def test_new_dates_words_in_running_text_are_no_label(text: str) -> None:
    assert detect_status(text) == "scheduled"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The conference will be held on 3 May 2020 in Vienna.",
        "Passengers of the cancelled flights were rebooked. The conference will take place.",
        "The conference has not been cancelled and will take place as planned.",
        "The seminar will not be postponed.",
        "New dates for the registration deadline",
        "Registration for the webinar is postponed until Monday.",
        "The postponed elections were discussed at the conference.",
        "The report was published in 2019.",
        "The press conference has been postponed.",
        "Die Pressekonferenz wurde abgesagt.",
    ],
)
def test_other_uses_of_the_words_leave_the_event_scheduled(text: str) -> None:
    assert detect_status(text) == "scheduled"


@pytest.mark.parametrize("page", sorted(p.name for p in SEED_PAGES.glob("*.txt")) or ["none"])
def test_seed_pages_are_scheduled(page: str) -> None:
    path = SEED_PAGES / page
    if not path.exists():
        pytest.skip(f"seed page {path} is not on this machine")
    assert detect_status(path.read_text("utf-8")) == "scheduled"


@given(st.text())
def test_detect_status_never_raises_on_arbitrary_text(text: str) -> None:
    assert detect_status(text) in {"scheduled", "postponed", "cancelled"}
