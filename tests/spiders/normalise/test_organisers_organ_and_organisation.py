"""An organisation named beside its own organ, or a government beside its own ministry, is no
second organiser: the organ or the ministry holds the event (issue 15, round L22). Every text
here is invented."""

from __future__ import annotations

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise.event_organisers import read_organisers


def _organisers(body: str) -> list[str]:
    raw = RawEvent(
        source="generic",
        url="https://example.org/news/1",
        title="Regional conference on preventing violent extremism",
        body_text=body,
    )
    return read_organisers(raw, None)


def test_the_united_nations_beside_its_counter_terrorism_office_is_left_out() -> None:
    body = (
        "The United Nations and the Government of Ruritania will hold a regional conference on "
        "preventing violent extremism in Strelsau on 4 May 2024. The conference is organised by "
        "the United Nations Office of Counter-Terrorism and the Government of Ruritania."
    )
    assert _organisers(body) == ["Government of Ruritania", "UNOCT"]


def test_the_united_nations_alone_stays() -> None:
    body = (
        "The conference, held on 4 May 2024, is organised by the United Nations and the "
        "Government of Ruritania."
    )
    assert _organisers(body) == ["United Nations", "Government of Ruritania"]


def test_a_government_beside_its_own_ministry_is_left_out() -> None:
    body = (
        "The Government of Portugal will host a workshop on terrorist financing in Lisbon on "
        "4 May 2024. The workshop is organised by the Ministry of Justice of Portugal."
    )
    assert _organisers(body) == ["Ministry of Justice of Portugal"]


def test_a_government_beside_another_states_mission_stays() -> None:
    body = (
        "The workshop is organised by the Government of Portugal and the Permanent Mission of "
        "the Kingdom of Norway in Geneva on 4 May 2024."
    )
    found = _organisers(body)
    assert "Government of Portugal" in found


def test_a_government_beside_its_department_named_by_the_states_short_name_is_left_out() -> None:
    body = (
        "The Government of the United States will host a ministerial meeting on counter-terrorism "
        "cooperation on 4 May 2024. The meeting is organised by the U.S. Department of State."
    )
    assert _organisers(body) == ["U.S. Department of State"]
