"""A body that convenes people holds their meeting, even when its sentence names no event:
"X convened some 30 experts", "Y will bring together civil-society actors" (issue 15, ORG
round). The event convening them is no body, nor is a person. Every text here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body


def _has(found: list[str], expected: list[str]) -> bool:
    return all(any(same_body(e, f) for f in found) for e in expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Northern Policy Institute (NPI) and the Harbour Foundation convened some 30 "
            "representatives of municipalities from five countries.",
            ["Northern Policy Institute (NPI)", "Harbour Foundation"],
        ),
        (
            "The Coastal Security Council will bring together non-state actors to discuss "
            "radicalisation in prisons.",
            ["Coastal Security Council"],
        ),
        (
            "Институт региональной безопасности соберет экспертов из двенадцати стран.",
            ["Институт региональной безопасности"],
        ),
    ],
)
def test_a_body_convening_people_hosts_their_meeting(text: str, expected: list[str]) -> None:
    assert _has(find_organisers(text), expected)


def test_an_event_convening_people_names_no_host() -> None:
    text = "The 2031 Harbour Research Symposium gathered leading practitioners and researchers."
    assert find_organisers(text) == []


def test_a_person_convening_experts_is_no_host() -> None:
    assert find_organisers("The Minister convened 30 experts from the region.") == []
