"""Slugs: one rule for anchors, feed file names and source keys, each as first published."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confwatch.slugs import Letters, slug

LETTERS: list[Letters] = ["any", "ascii", "latin-ascii"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OSCE-wide CT Conference", "osce-wide-ct-conference"),
        ("  --Hello,   World!-- ", "hello-world"),
        ("Konferenz zur Erörterung", "konferenz-zur-erörterung"),
        ("Конференция ОБСЕ", "конференция-обсе"),
        ("東京会議", "東京会議"),
        ("snake_case_name", "snake-case-name"),
        ("", "x"),
        ("!!!", "x"),
    ],
)
def test_slug_keeps_every_alphabets_letters_by_default(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_the_fallback_stands_for_a_slug_with_nothing_left() -> None:
    assert slug("—", fallback="section") == "section"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Genève", "gen-ve"),
        ("Côte d'Ivoire", "c-te-d-ivoire"),
        ("Łódź", "d"),
        ("Конференция в Минске", "конференция-в-минске"),
    ],
)
def test_latin_ascii_keeps_latin_slugs_as_published_and_other_alphabets(
    text: str, expected: str
) -> None:
    assert slug(text, letters="latin-ascii") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Genève", "geneve"),
        ("Straße", "strasse"),
        ("OSCE TNTD", "osce-tntd"),
        ("Организация", "организация"),
    ],
)
def test_fold_removes_accents_and_folds_case_first(text: str, expected: str) -> None:
    assert slug(text, letters="latin-ascii", fold=True) == expected


def test_ascii_keeps_only_ascii_letters_and_digits() -> None:
    assert slug("www.пример.рф", letters="ascii", fallback="trial") == "www"
    assert slug("пример.рф", letters="ascii", fallback="trial") == "trial"
    assert slug("www.Example.org", letters="ascii") == "www-example-org"


def test_a_cut_slug_loses_its_last_dash_unless_told_to_keep_it() -> None:
    text = "a" * 59 + " b"
    assert slug(text) == "a" * 59
    assert slug(text, strip_cut=False) == "a" * 59 + "-"
    assert len(slug("word " * 40)) <= 60


# The rules each caller had before slugs had one home: their output must not change.
def _section_before(text: str) -> str:
    return re.sub(r"[\W_]+", "-", text.lower()).strip("-")[:60].strip("-") or "section"


def _anchor_before(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "section"


def _file_name_before(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:60] or "x"


LATIN_TEXT = st.text(
    alphabet=st.characters(codec="latin-1", exclude_characters="µ")
    | st.sampled_from("ĀăĘęıŁłŒœŠšŸŽžƒǅ‐–—’“”…"),
    max_size=130,
)


@given(st.text(max_size=130))
def test_section_anchors_are_unchanged_for_any_text(text: str) -> None:
    assert slug(text, fallback="section") == _section_before(text)


@given(st.text(max_size=130))
def test_source_keys_from_hosts_are_unchanged_for_any_text(text: str) -> None:
    host = text.lower()
    expected = re.sub(r"[^a-z0-9]+", "-", host).strip("-")[:60] or "trial"
    assert slug(host, fallback="trial", letters="ascii", strip_cut=False) == expected


@given(LATIN_TEXT)
def test_latin_anchors_and_feed_file_names_are_unchanged(text: str) -> None:
    assert slug(text, fallback="section", letters="latin-ascii", strip_cut=False) == _anchor_before(
        text
    )
    assert slug(text, letters="latin-ascii", fold=True, strip_cut=False) == _file_name_before(text)


@given(st.text(max_size=200), st.sampled_from(LETTERS), st.booleans())
def test_a_slug_is_short_and_dashes_only_join_words(
    text: str, letters: Letters, fold: bool
) -> None:
    out = slug(text, letters=letters, fold=fold)
    assert 0 < len(out) <= 60
    assert not out.startswith("-") and not out.endswith("-") and "--" not in out
