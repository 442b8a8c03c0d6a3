"""Country names: one answer for every layer (feeds, the store's search, the normaliser)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confwatch.countries import country_name, country_names, known_country


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("AT", "Austria"),
        ("MN", "Mongolia"),
        ("KR", "Republic of Korea"),
        ("MD", "Republic of Moldova"),
        ("PS", "State of Palestine"),
        ("IR", "Iran"),
        ("XK", "Kosovo"),
    ],
)
def test_the_formal_name_is_the_one_titles_use(code: str, name: str) -> None:
    assert country_name(code) == name


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("AT", "Austria"),
        ("KR", "South Korea"),
        ("MD", "Moldova"),
        ("TW", "Taiwan"),
        ("VA", "Holy See"),
        ("CD", "Democratic Republic of the Congo"),
        ("PS", "State of Palestine"),
        ("XK", "Kosovo"),
    ],
)
def test_the_common_name_is_the_one_a_reader_knows(code: str, name: str) -> None:
    assert country_name(code, common=True) == name


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("AE", "the United Arab Emirates"),
        ("KR", "the Republic of Korea"),
        ("NL", "the Netherlands"),
        ("PS", "the State of Palestine"),
        ("AT", "Austria"),
    ],
)
def test_article_adds_the_where_english_says_it(code: str, name: str) -> None:
    assert country_name(code, article=True) == name


def test_codes_are_read_in_any_case_and_without_surrounding_space() -> None:
    assert country_name(" at ") == country_name("at") == "Austria"
    assert country_name("xk", common=True) == "Kosovo"


@pytest.mark.parametrize("code", [None, "", "ZZ", "AUT", "A", "1A", "ÀT", "  "])
def test_an_unknown_code_has_no_name(code: str | None) -> None:
    assert country_name(code) is None
    assert country_name(code, common=True) is None
    assert country_names(code) == ()
    assert not known_country(code)


def test_every_name_of_a_country_is_listed_once() -> None:
    assert country_names("IR") == (
        "Iran",
        "Iran, Islamic Republic of",
        "Islamic Republic of Iran",
    )
    assert country_names("KR") == ("Republic of Korea", "South Korea", "Korea, Republic of")
    assert country_names("AT") == ("Austria", "Republic of Austria")
    assert country_names("XK") == ("Kosovo",)


def test_unassigned_codes_in_use_are_known() -> None:
    assert known_country("XK")
    assert known_country("at")


@given(st.one_of(st.none(), st.text(max_size=8)), st.booleans(), st.booleans())
def test_any_text_never_raises(code: str | None, common: bool, article: bool) -> None:
    name = country_name(code, common=common, article=article)
    assert name is None or name in {f"the {n}" for n in country_names(code)} | set(
        country_names(code)
    )
