"""The names ``choose_title`` chooses among, as numbers (``title_features``), for fitting a
title ranker on dev (decision 0020).

Every heading and sentence here is invented; the hand choice is the real ``choose_title``'s.
"""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confwatch.spiders.normalise import titles
from confwatch.spiders.normalise.title_features import FEATURES, candidates

THEMED = (
    "Ministry hosts regional seminar",
    [
        "The Ministry of Interior held a regional seminar on the topic “Preventing Violent "
        "Extremism in Schools” in Tashkent on 12 May 2025.",
        "Experts from ten countries took part.",
    ],
)
LABELLED = (
    "Policy Dialogue",
    [
        "Policy Dialogue",
        "Who Guards the Guardians?",
        "The dialogue will take place in Graz on 3 March 2025.",
    ],
)
PAGES = [
    THEMED,
    LABELLED,
    ("Regional Conference on Countering Terrorist Financing", ["It opens on 4 June 2025."]),
    (None, ["Riyadh hosts Counter Terrorism Conference", "The conference opened on Monday."]),
]


def _by_name(heading: str | None, sentences: list[str]) -> dict[str, dict[str, float]]:
    hand = titles.choose_title(heading, sentences)
    return {c.name: c.features for c in candidates(heading, sentences, hand)}


@pytest.mark.parametrize(("heading", "sentences"), PAGES)
def test_the_hand_choice_is_always_a_candidate_and_flagged_as_such(
    heading: str | None, sentences: list[str]
) -> None:
    hand = titles.choose_title(heading, sentences)
    found = candidates(heading, sentences, hand)
    assert hand is not None
    assert [c.name for c in found if c.features["hand"] == 1.0] == [hand]


def test_a_hand_choice_no_other_source_gives_is_added() -> None:
    heading, sentences = THEMED
    found = candidates(heading, sentences, "Invented Name Of A Workshop")
    assert "Invented Name Of A Workshop" in [c.name for c in found]


@pytest.mark.parametrize(("heading", "sentences"), PAGES)
def test_every_candidate_has_every_feature_finite_and_names_are_unique(
    heading: str | None, sentences: list[str]
) -> None:
    found = candidates(heading, sentences, titles.choose_title(heading, sentences))
    assert len({c.name for c in found}) == len(found)
    for c in found:
        assert list(c.features) == list(FEATURES)
        assert all(math.isfinite(v) for v in c.features.values())


def test_a_quoted_theme_gets_the_theme_tier_and_the_quoted_flag() -> None:
    theme = _by_name(*THEMED)["Preventing Violent Extremism in Schools"]
    assert theme["tier_theme"] == 1.0
    assert theme["quoted"] == 1.0
    assert theme["src_text"] == 1.0
    assert theme["first_text"] == 1.0


def test_a_news_headline_heading_is_flagged_on_the_heading_only() -> None:
    found = _by_name(*THEMED)
    assert found["Ministry hosts regional seminar"]["head_reports_on"] == 1.0
    assert found["Preventing Violent Extremism in Schools"]["head_reports_on"] == 0.0


def test_the_title_line_under_a_kind_label_is_a_candidate_of_its_own() -> None:
    found = _by_name(*LABELLED)
    assert found["Who Guards the Guardians?"]["src_kind_label"] == 1.0
    assert found["Policy Dialogue"]["src_heading"] == 1.0


def test_the_share_of_words_shared_with_the_heading_is_one_for_the_heading() -> None:
    found = _by_name(*PAGES[2])
    heading = found["Regional Conference on Countering Terrorist Financing"]
    assert heading["heading_share"] == 1.0
    assert heading["covers_heading"] == 1.0


def test_no_heading_and_no_text_give_no_candidate() -> None:
    assert candidates(None, [], None) == []


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=80)), st.lists(st.text(max_size=120), max_size=4))
def test_any_text_gives_finite_features_and_keeps_the_hand_choice(
    heading: str | None, sentences: list[str]
) -> None:
    hand = titles.choose_title(heading, sentences)
    found = candidates(heading, sentences, hand)
    if hand:
        assert hand in [c.name for c in found]
    assert all(math.isfinite(v) for c in found for v in c.features.values())


def test_extraction_does_not_import_the_feature_module() -> None:
    code = (
        "import sys, confwatch.spiders.normalise, confwatch.spiders.offline; "
        "print('confwatch.spiders.normalise.title_features' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
