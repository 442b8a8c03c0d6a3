"""Reading a page: a text capture's lines become blocks as the page showed them."""

from __future__ import annotations

import pytest

from confwatch.spiders.page import read_page

URL = "https://calendar.example/dates"


@pytest.mark.parametrize(
    "line",
    ["16. Dezember 2030: „Nach dem Anschlag“", "3. Mai 2031", "1. Januar 2031, Online"],
)
def test_a_line_opening_with_a_day_and_its_month_is_a_date_not_a_list_number(line: str) -> None:
    page = read_page(f"Termine\n{line}\nOnline", URL, is_text=True)
    assert any(b.text == line for b in page.blocks)


def test_a_numbered_line_is_still_a_list_item() -> None:
    text = "Agenda\n1. Opening of the seminar\n2. Adoption of the report"
    page = read_page(text, URL, is_text=True)
    items = [b.text for b in page.blocks if b.kind == "li"]
    assert items == ["Opening of the seminar", "Adoption of the report"]


def test_arabic_vowel_marks_and_tatweel_are_read_as_the_bare_word() -> None:
    # Invented: a shadda in "عمّان", a damma in "عُقد", a tatweel stretching a word.
    page = read_page("عُقد في عمّان مؤتمـــر دولي\n", URL, is_text=True)
    assert page.blocks[0].text == "عقد في عمان مؤتمر دولي"


def test_an_arabic_conference_in_amman_written_with_a_shadda_gets_its_city() -> None:
    from confwatch.spiders.offline import extract_page, offline_source

    text = (
        "مؤتمر دولي حول مكافحة الإرهاب\n\n"
        "عُقد في عمّان يوم 4 أكتوبر 2031 مؤتمر دولي حول مكافحة الإرهاب والتطرف العنيف.\n"
    )
    result = extract_page(text, url=URL, source=offline_source("generic", URL), is_text=True)
    assert [(e.city, e.country) for e in result.events] == [("Amman", "JO")]
