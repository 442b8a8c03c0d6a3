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
