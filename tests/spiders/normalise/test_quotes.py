"""Quotation marks: one table of pairs (``quotes``) read by every reader of a quoted name; each
reader takes a name in every style, and an apostrophe inside a word opens no quotation."""

from __future__ import annotations

import re

import pytest

from confwatch.spiders.normalise import quotes
from confwatch.spiders.normalise.headings import quoted_after_label, quoted_in_heading
from confwatch.spiders.normalise.titles import choose_title, with_quotes_closed

STYLES = [
    "“Youth and Resilience in Border Towns”",
    "„Youth and Resilience in Border Towns“",
    "„Youth and Resilience in Border Towns”",
    "«Youth and Resilience in Border Towns»",
    "« Youth and Resilience in Border Towns »",
    "‹Youth and Resilience in Border Towns›",
    "‘Youth and Resilience in Border Towns’",
    "‚Youth and Resilience in Border Towns‘",
    "'Youth and Resilience in Border Towns'",
    '"Youth and Resilience in Border Towns"',
]
NAME = "Youth and Resilience in Border Towns"


@pytest.mark.parametrize("quoted", STYLES)
def test_the_pattern_reads_every_pair(quoted: str) -> None:
    m = re.search(quotes.quoted(group="q"), f"the seminar {quoted} opens today")
    assert m is not None
    assert quotes.quoted_text(m, "q") == NAME


def test_an_apostrophe_inside_a_word_is_no_quotation_mark() -> None:
    pattern = re.compile(quotes.quoted(group="q"))
    assert pattern.search("l’université d'Abidjan and Côte d'Ivoire's ministry don't meet") is None
    m = pattern.search("the seminar ‘Women’s voices in l’université’ opens")
    assert m is not None
    assert quotes.quoted_text(m, "q") == "Women’s voices in l’université"
    m = pattern.search("the members' meeting 'Ivoire's youth today' opens")
    assert m is not None
    assert quotes.quoted_text(m, "q") == "Ivoire's youth today"


@pytest.mark.parametrize("quoted", STYLES)
def test_a_kind_before_a_quoted_name_gives_way_to_it(quoted: str) -> None:
    # titles._KIND_THEN_QUOTE: "Séminaire régional « X »" -> "X" (§5.12)
    assert choose_title(f"Regional seminar {quoted}", []) == NAME


def test_a_typewriter_single_quote_name_loses_its_kind() -> None:
    assert (
        choose_title("Seminar 'Radicalisering en terrorisme'", []) == "Radicalisering en terrorisme"
    )


@pytest.mark.parametrize("quoted", STYLES)
def test_a_report_label_gives_the_quotation_it_reports_on(quoted: str) -> None:
    # headings._LABEL_THEN_QUOTE
    assert quoted_after_label(f"Tagungsbericht: {quoted}") == NAME


@pytest.mark.parametrize("quoted", STYLES)
def test_a_heading_about_its_event_gives_the_quoted_name(quoted: str) -> None:
    # headings.quoted_in_heading (names' tokens)
    got = quoted_in_heading(f"Students took part in the round table {quoted}")
    assert got == NAME


@pytest.mark.parametrize("quoted", STYLES)
def test_a_quoted_statement_before_a_colon_is_no_title(quoted: str) -> None:
    # headings._QUOTED_STATEMENT: "“X”: Conference on Y" -> "Conference on Y"
    statement = quoted.replace(NAME, "We must act together now")
    assert choose_title(f"{statement}: Conference on Border Security", []) == (
        "Conference on Border Security"
    )


@pytest.mark.parametrize("opener,closer", [("„", "“"), ("«", "»"), ("‹", "›"), ("‚", "‘")])
def test_a_quotation_cut_by_a_sentence_end_is_put_back(opener: str, closer: str) -> None:
    # titles._CLOSED_QUOTE: only pairs whose marks open and close differently
    got = with_quotes_closed(
        [f"Die Tagung {opener}Extremismus – was hilft?", f"Ein Blick{closer} beginnt."]
    )
    assert len(got) == 1
