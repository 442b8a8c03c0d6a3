"""A body the page writes in lower case is read after a strong role phrase or before an
organising verb, when its name goes on past its organisation word ("organisé par le centre
régional d'études stratégiques", "the regional coordination office for border security
organised"); a bare "the prefecture" or "the government" is a reference, not a name (issue 15,
ORG2 round). Every text here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lomé a accueilli jeudi un séminaire sur la sécurité maritime, organisé par le centre "
            "régional d'études stratégiques et maritimes.",
            "Centre régional d'études stratégiques et maritimes",
        ),
        (
            "The regional coordination office for border security organised a two-day workshop "
            "in the capital, bringing together 80 officers.",
            "Regional Coordination Office for Border Security",
        ),
    ],
)
def test_a_body_written_in_lower_case_is_read_after_a_strong_role(text: str, expected: str) -> None:
    found = find_organisers(text)
    assert len(found) == 1 and same_body(found[0], expected)


@pytest.mark.parametrize(
    "text",
    [
        "La journée, organisée par la préfecture en partenariat avec les communes, a réuni 90 "
        "élus.",
        "The government has launched a national youth forum on the prevention of extremism.",
        "A symposium on security, organised by the dutch project Safe Harbours, opened today.",
    ],
)
def test_a_lower_case_reference_to_a_body_is_no_name(text: str) -> None:
    found = find_organisers(text, country="KE")
    assert not any(n.split()[0] in {"Préfecture", "Government", "Dutch"} for n in found)
