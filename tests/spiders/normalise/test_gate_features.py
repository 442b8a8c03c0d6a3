"""The relevance gate's evidence as numbers (``gate_features``), for fitting weights on dev.

Every text here is invented. Counts are log(1 + n); yes/no evidence is 0 or 1.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confwatch.spiders.normalise.gate_features import FEATURES, features

ONE = math.log1p(1)


def test_every_feature_is_present_in_order_and_empty_text_has_no_evidence() -> None:
    found = features("", "")
    assert list(found) == list(FEATURES)
    assert len(set(FEATURES)) == len(FEATURES)
    assert all(value == 0.0 for value in found.values())


def test_missing_title_and_body_read_as_empty() -> None:
    assert features(None, None) == features("", "")


def test_conference_in_the_title_counts_as_a_large_event_noun_of_the_title() -> None:
    found = features("Annual Conference on Border Management", "")
    assert found["title_noun_large"] == ONE
    assert found["body_noun_large"] == 0.0


def test_press_conference_counts_as_no_event_not_as_a_conference() -> None:
    found = features("", "The minister answered questions at a press conference.")
    assert found["body_noun_not_event"] == ONE
    assert found["body_noun_large"] == 0.0


def test_repeated_event_nouns_count_logarithmically() -> None:
    found = features("", "The seminar opened. The seminar closed. The seminar ended.")
    assert found["body_noun_small"] == pytest.approx(math.log1p(3))


def test_topic_words_are_counted_apart_in_title_and_body() -> None:
    found = features(
        "Workshop on preventing violent extremism", "Terrorism and terrorism financing."
    )
    assert found["title_topic"] > 0
    assert found["body_topic"] > found["title_topic"]


def test_a_sentence_saying_a_meeting_is_held_is_marked() -> None:
    held = features("", "The meeting will take place in Tallinn next spring.")
    said = features("", "The ministers spoke about the weather.")
    assert held["held_sentence"] == 1.0
    assert said["held_sentence"] == 0.0


def test_marks_of_teaching_are_counted_by_kind() -> None:
    text = "Each trainee was awarded a certificate after the final module."
    assert features("", text)["teaching_marks"] >= 2


def test_a_statement_headline_is_marked() -> None:
    assert features("Statement by the Spokesperson on the floods", "")["title_statement"] == 1.0


def test_a_date_in_the_body_is_marked() -> None:
    assert features("", "It opens on 14 March 2031 in Lisbon.")["body_date"] == 1.0
    assert features("", "It opens soon in Lisbon.")["body_date"] == 0.0


def test_online_words_are_counted() -> None:
    assert features("", "The event was held online via Zoom.")["online_words"] > 0


def test_body_length_is_logarithmic() -> None:
    assert features("", "x" * 99)["body_log_length"] == pytest.approx(math.log(100))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200), st.text(max_size=400))
def test_any_text_gives_finite_non_negative_numbers(title: str, body: str) -> None:
    found = features(title, body)
    assert list(found) == list(FEATURES)
    assert all(math.isfinite(v) and v >= 0 for v in found.values())
